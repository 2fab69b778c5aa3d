//! Headline attributions: "Kremlin: talks will resume in May", "Poll: voters favour the
//! incumbent". A headline names its source before a colon instead of with a verb. The line must
//! look like a headline (one short sentence alone in its paragraph) and the label like a source:
//! a person or organization the entities stage found, or a noun that stands for one ("Poll",
//! "Police"); "The Latest: …" or "Analysis: …" are section labels, not sources.
//!
//! What follows the colon is the source's report; when it is a quotation of its own
//! (`Minister: "We will not retreat"`) that quotation, if it has no speaker yet, takes the label
//! as its speaker instead.

use std::ops::Range;

use dateline_core::{EntityType, Quote, QuoteKind};

use super::QuoteView;

/// Most tokens a headline has.
const MAX_HEADLINE_TOKENS: usize = 30;
/// Most tokens a source label before the colon has ("State Senate Candidate Ana Ruiz").
const MAX_LABEL_TOKENS: usize = 5;
/// Fewest words a headline's report has.
const MIN_WORDS: usize = 3;
/// Nouns that stand for a source in a headline label: the label's last word.
const SOURCE_NOUNS: [&str; 14] = [
    "poll",
    "survey",
    "study",
    "report",
    "newspaper",
    "police",
    "official",
    "officials",
    "source",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
];

impl QuoteView<'_> {
    /// Reports of headlines shaped "Source: statement", and the speakers of quotations after
    /// such a label, for `quotes` (the quotations found so far).
    pub(super) fn headline_reports(&self, quotes: &mut [Quote], quoted: &[bool]) -> Vec<Quote> {
        let a = self.doc.annotations();
        let mut out = Vec::new();
        for sentence in &a.sentences {
            let tokens = sentence.tokens.start as usize..sentence.tokens.end as usize;
            if !self.is_headline(&tokens) {
                continue;
            }
            let Some(colon) = tokens
                .clone()
                .take(MAX_LABEL_TOKENS + 1)
                .find(|&t| self.doc.slice(a.tokens[t].span) == ":")
            else {
                continue;
            };
            let label = tokens.start..colon;
            if !self.is_source_label(&label) {
                continue;
            }
            let mut body = colon + 1..tokens.end;
            body.end = self.without_closing_punctuation(&body);
            // A statement has a verb; "Source: Bureau of Labor Statistics" is a credit line.
            let has_verb = body.clone().any(|t| matches!(self.upos(t), "VERB" | "AUX"));
            if body.is_empty() || self.word_count(&body) < MIN_WORDS || !has_verb {
                continue;
            }
            let speaker = self.span(&label);
            let entity = self.entity_of.get(colon - 1).copied().flatten();
            let cue = self.span(&(colon..colon + 1));
            let why = "a headline's \"Source: statement\" form";
            let anonymous = entity
                .and_then(|e| a.entities.get(e))
                .is_some_and(|e| e.entity_type == EntityType::Anon);
            if body.clone().any(|t| quoted[t]) {
                // A quotation after the label: the label says it.
                let body_span = self.span(&body);
                for quote in quotes.iter_mut().filter(|q| {
                    q.kind != QuoteKind::Indirect
                        && q.speaker.is_none()
                        && body_span.contains(q.content)
                }) {
                    quote.speaker = Some(speaker);
                    quote.speaker_entity = entity;
                    quote.cue = Some(cue);
                    quote.anonymous = anonymous;
                    quote.why = why.to_string();
                }
                if self.mostly_quoted(&body, quoted) {
                    continue;
                }
            }
            out.push(Quote {
                kind: QuoteKind::Indirect,
                content: self.span(&body),
                speaker_entity: entity,
                speaker: Some(speaker),
                cue: Some(cue),
                addressee: None,
                anonymous,
                stance: false,
                why: why.to_string(),
            });
        }
        out
    }

    /// One short sentence alone in its paragraph.
    fn is_headline(&self, sentence: &Range<usize>) -> bool {
        if sentence.is_empty() || sentence.len() > MAX_HEADLINE_TOKENS {
            return false;
        }
        let a = self.doc.annotations();
        let first = a.tokens[sentence.start].span;
        let last = a.tokens[sentence.end - 1].span;
        a.paragraphs
            .get(self.paragraph_of(sentence.start))
            .is_some_and(|p| {
                p.contains(first)
                    && p.contains(last)
                    && self.only_words_within(*p, first.start, last.end)
            })
    }

    /// Whether paragraph `p` holds nothing but white space outside `start..end`.
    fn only_words_within(&self, p: dateline_core::ByteSpan, start: u32, end: u32) -> bool {
        let text = self.doc.text();
        let before = text.get(p.start as usize..start as usize).unwrap_or("x");
        let after = text.get(end as usize..p.end as usize).unwrap_or("x");
        before.trim().is_empty() && after.trim().is_empty()
    }

    /// A label that names a source: capitalized words, no verb, ending in a person or
    /// organization the entities stage found or in a noun that stands for a source.
    fn is_source_label(&self, label: &Range<usize>) -> bool {
        if label.is_empty() || label.len() > MAX_LABEL_TOKENS {
            return false;
        }
        let a = self.doc.annotations();
        let capitalized = label.clone().all(|t| {
            let word = self.doc.slice(a.tokens[t].span);
            word.chars().next().is_some_and(|c| !c.is_lowercase())
        });
        if !capitalized
            || label
                .clone()
                .any(|t| matches!(self.upos(t), "VERB" | "AUX"))
        {
            return false;
        }
        let last = label.end - 1;
        let named_source = self
            .entity_of
            .get(last)
            .copied()
            .flatten()
            .and_then(|e| a.entities.get(e))
            .is_some_and(|e| {
                matches!(
                    e.entity_type,
                    EntityType::Person | EntityType::Org | EntityType::Anon
                )
            });
        named_source || SOURCE_NOUNS.contains(&self.lemma(last).as_str())
    }
}
