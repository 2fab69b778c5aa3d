//! The document: immutable text, metadata, and stand-off annotation layers.

use std::ops::Range;

use sha2::{Digest, Sha256};

use crate::entity::Entity;
use crate::event::Event;
use crate::meta::DocMeta;
use crate::place::Place;
use crate::quote::Quote;
use crate::span::ByteSpan;
use crate::tagset::{Dependency, PosTag};
use crate::time::{DateRef, Timex};

/// What kind of token a token is; the tokenizer decides, later stages read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "don't").
    Word,
    /// Digits with separators, decimals, ordinals ("1,200", "3.5", "19th").
    Number,
    /// A quotation mark; which way it faces is decided from its neighbours.
    Quote(QuoteSide),
    /// Sentence and clause punctuation, brackets, dashes, ellipses.
    Punct,
    /// Currency and other symbols ("$", "%", "&").
    Symbol,
    /// A URL or e-mail address, kept whole.
    Url,
}

/// Which side of a quotation a quote mark stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteSide {
    /// Opens a quotation (“ or a straight quote before a word).
    Open,
    /// Closes a quotation (” or a straight quote after a word).
    Close,
    /// Could not be decided from the characters around it.
    Unknown,
}

/// One token: a span of the text and its kind. The token's string is always `text[span]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token.
    pub span: ByteSpan,
    /// What the tokenizer recognised.
    pub kind: TokenKind,
}

/// A sentence: its span and the range of token indices it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence, from its first to its last token.
    pub span: ByteSpan,
    /// Indices into [`Annotations::tokens`].
    pub tokens: Range<u32>,
    /// Index into [`Annotations::paragraphs`].
    pub paragraph: u32,
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The document was read and analyzed, with something worth knowing.
    Warning,
    /// Part of the input could not be used.
    Error,
}

/// Something a stage noticed about a document: a problem it worked around, never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The stage or reader that raised it ("ingest", "segment").
    pub stage: &'static str,
    /// One line, naming what and where.
    pub message: String,
}

/// All annotation layers. Each layer has exactly one owner: the stage that writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Paragraphs, in text order (written by segmentation).
    pub paragraphs: Vec<ByteSpan>,
    /// Sentences, in text order, never overlapping (written by segmentation).
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order, never overlapping (written by segmentation).
    pub tokens: Vec<Token>,
    /// Part of speech per token, parallel to `tokens`; empty until tagging (written by the tagger).
    pub pos: Vec<PosTag>,
    /// Lemma per token, parallel to `tokens`; empty until lemmatization (written by the
    /// lemmatizer).
    pub lemmas: Vec<String>,
    /// Head and relation per token, parallel to `tokens`; empty until parsing (written by the
    /// parser).
    pub dependencies: Vec<Dependency>,
    /// Recognized names, in text order, never overlapping; empty until recognition (written by
    /// the named-entity recognizer).
    pub names: Vec<NameSpan>,
    /// Entities with all their mentions, in order of first mention (written by the entities
    /// stage).
    pub entities: Vec<Entity>,
    /// Quotations in text order (written by the quotes stage).
    pub quotes: Vec<Quote>,
    /// Time expressions in text order, never overlapping (written by the time stage).
    pub times: Vec<Timex>,
    /// The date of each quote, parallel to `quotes`; empty until the time stage (written by the
    /// time stage).
    pub quote_dates: Vec<DateRef>,
    /// Toponyms in text order, resolved to places (written by the places stage).
    pub places: Vec<Place>,
    /// Coded events in text order (written by the events stage).
    pub events: Vec<Event>,
}

/// A name found by the recognizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    /// The name's text.
    pub span: ByteSpan,
    /// Its tokens.
    pub tokens: Range<u32>,
    /// `PER`, `LOC`, `ORG` or `MISC` (CoNLL-2003 classes).
    pub class: &'static str,
}

/// A news document: its text never changes after construction; annotations point into it.
#[derive(Debug, Clone)]
pub struct Doc {
    id: String,
    text: String,
    meta: DocMeta,
    annotations: Annotations,
    diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// Makes a document from its text and metadata. The id is `meta.id` when given, else the
    /// hex sha256 of the text.
    pub fn new(text: String, meta: DocMeta) -> Doc {
        let id = match &meta.id {
            Some(id) if !id.trim().is_empty() => id.clone(),
            _ => content_id(&text),
        };
        Doc {
            id,
            text,
            meta,
            annotations: Annotations::default(),
            diagnostics: Vec::new(),
        }
    }

    /// The document id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The text as analyzed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span. Spans made by the pipeline always land on char boundaries; a span that
    /// does not (or that runs past the end) yields an empty string rather than a panic.
    pub fn slice(&self, span: ByteSpan) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// Metadata.
    pub fn meta(&self) -> &DocMeta {
        &self.meta
    }

    /// Metadata, for the ingest and CLI edges (the `--date` option, datelines).
    pub fn meta_mut(&mut self) -> &mut DocMeta {
        &mut self.meta
    }

    /// Annotation layers.
    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// Annotation layers, for pipeline stages to write their own layer.
    pub fn annotations_mut(&mut self) -> &mut Annotations {
        &mut self.annotations
    }

    /// Diagnostics raised so far.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Records a diagnostic.
    pub fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The tokens of sentence `index`, or an empty slice when there is no such sentence.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        let Some(sentence) = self.annotations.sentences.get(index) else {
            return &[];
        };
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        self.annotations.tokens.get(range).unwrap_or(&[])
    }
}

/// Hex sha256 of a text: the default document id, stable across runs and machines.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_content_hash_unless_given() {
        let doc = Doc::new("abc".to_string(), DocMeta::default());
        assert_eq!(
            doc.id(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let meta = DocMeta {
            id: Some("reuters-17".into()),
            ..DocMeta::default()
        };
        assert_eq!(Doc::new("abc".into(), meta).id(), "reuters-17");
    }

    #[test]
    fn slice_never_panics() {
        let doc = Doc::new("Kyiv – talks".to_string(), DocMeta::default());
        assert_eq!(doc.slice(ByteSpan::new(0, 4)), "Kyiv");
        assert_eq!(doc.slice(ByteSpan::new(5, 6)), "");
        assert_eq!(doc.slice(ByteSpan::new(0, 999)), "");
    }
}
