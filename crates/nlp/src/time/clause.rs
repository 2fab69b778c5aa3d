//! What the parse says about the clause around a time expression: its tense.

use std::ops::Range;

use super::resolve::Tense;
use crate::syntax::Syntax;

impl Syntax<'_> {
    /// The tense of the clause that holds `span`.
    pub(crate) fn tense(&self, span: &Range<usize>, sentence: &Range<usize>) -> Tense {
        if !self.parsed() {
            return Tense::Unknown;
        }
        let Some(verb) = self.span_head(span).and_then(|h| {
            let up = self.head(h)?;
            self.clause_verb(up)
        }) else {
            return Tense::Unknown;
        };
        self.verb_tense(verb, sentence)
    }

    fn verb_tense(&self, verb: usize, sentence: &Range<usize>) -> Tense {
        let mut perfect = false;
        let mut present_aux = false;
        for child in self.children(verb, sentence) {
            let relation = self.relation(child);
            let word = self.lower(child);
            if relation.starts_with("aux") || relation == "cop" {
                match word.as_str() {
                    "will" | "'ll" | "shall" | "wo" => return Tense::Future,
                    "would" | "could" | "might" | "may" | "should" | "must" | "can" => {
                        return Tense::Unknown
                    }
                    "has" | "have" | "'ve" => perfect = true,
                    _ => {}
                }
                match self.xpos(child) {
                    "VBD" => return Tense::Past,
                    "VBZ" | "VBP" => present_aux = true,
                    _ => {}
                }
            }
            // "plans to meet Friday", "due to meet": an infinitive looks ahead.
            if relation == "mark" && word == "to" && self.xpos(verb) == "VB" {
                return Tense::Future;
            }
        }
        if perfect {
            return Tense::Past;
        }
        match self.xpos(verb) {
            "VBD" => Tense::Past,
            "VBN" if !present_aux => Tense::Past,
            "VBZ" | "VBP" | "VBG" | "VBN" => Tense::Present,
            _ if present_aux => Tense::Present,
            _ => Tense::Unknown,
        }
    }
}
