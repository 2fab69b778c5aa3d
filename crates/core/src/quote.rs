//! Quotations: what was said, by whom, with which cue and to whom.

use crate::span::ByteSpan;

/// How a quotation reports speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A whole quoted utterance ("We'll see how they do.").
    Direct,
    /// A few quoted words inside the writer's sentence (he remained "optimistic").
    Partial,
    /// Reported speech without quote marks (Lavrov added that …).
    Indirect,
}

impl QuoteKind {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The content, without quote marks.
    pub content: ByteSpan,
    /// Index into `Annotations::entities` of the speaker, when resolved to an entity.
    pub speaker_entity: Option<usize>,
    /// The speaker's words in the text (a mention of the speaker near the quote).
    pub speaker: Option<ByteSpan>,
    /// The speech verb or phrase ("told", "according to").
    pub cue: Option<ByteSpan>,
    /// Who was told, or the outlet ("Fox News", "reporters").
    pub addressee: Option<ByteSpan>,
    /// Said by an unnamed source.
    pub anonymous: bool,
    /// The content only names what the speaker takes a stance on ("criticized [the strike]",
    /// "questions about [his health]"); it is not the speaker's own statement, so an event told
    /// inside it is the writer's, not the speaker's claim.
    pub stance: bool,
    /// How the quote and its speaker were found.
    pub why: String,
}
