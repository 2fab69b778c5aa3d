//! A quotation credited after a dash, as collected reactions, readers' comments and epigraphs
//! are written: `"He never answers a question." ― Maria Lopez`. No verb says who spoke; the
//! dash and a name closing the line do.

use std::ops::Range;

use dateline_core::{EntityType, TokenKind};

use super::{Attribution, QuoteView};

/// Dashes that introduce a credit line.
const DASHES: [&str; 5] = ["\u{2014}", "\u{2015}", "\u{2013}", "--", "-"];

impl QuoteView<'_> {
    /// The person named after a dash that follows the quote's closing mark in the same
    /// paragraph. The name (an entity mention, else a proper noun) must close the paragraph or
    /// be followed only by a comma, period or bracket (", a teacher from Phoenix").
    pub(super) fn dash_credit(
        &self,
        content: &Range<usize>,
        unresolved_pronouns: bool,
    ) -> Option<Attribution> {
        let a = self.doc.annotations();
        let paragraph = self.paragraph_of(content.end.checked_sub(1)?);
        let mut t = content.end;
        // The closing mark, and punctuation on either side of it.
        for _ in 0..3 {
            let token = a.tokens.get(t)?;
            let text = self.doc.slice(token.span);
            if matches!(token.kind, TokenKind::Quote(_)) || matches!(text, "," | ".") {
                t += 1;
            } else {
                break;
            }
        }
        let dash = t;
        let name = dash + 1;
        let same_paragraph = |i: usize| i < a.tokens.len() && self.paragraph_of(i) == paragraph;
        if !same_paragraph(name) || !DASHES.contains(&self.doc.slice(a.tokens[dash].span)) {
            return None;
        }
        let entity_type = self.entity_of[name]
            .and_then(|e| a.entities.get(e))
            .map(|e| e.entity_type);
        let person = matches!(entity_type, Some(EntityType::Person | EntityType::Anon));
        if !person && (entity_type.is_some() || self.upos(name) != "PROPN") {
            return None;
        }
        let mention = self.mention_of[name].unwrap_or(a.tokens[name].span);
        let after = a.tokens.partition_point(|tok| tok.span.start < mention.end);
        let closes = !same_paragraph(after)
            || matches!(self.doc.slice(a.tokens[after].span), "," | "." | "(");
        if !closes {
            return None;
        }
        self.speaker_at(
            name,
            Some(dash..dash + 1),
            "named after a dash that follows the quote",
            unresolved_pronouns,
        )
    }
}
