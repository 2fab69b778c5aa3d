//! What the parse says about the clause around a time expression: its verb and its tense.

use std::ops::Range;

use dateline_core::Doc;

use super::resolve::Tense;

/// Read-only access to the tag, lemma and dependency layers of a document.
pub(crate) struct Syntax<'a> {
    doc: &'a Doc,
}

impl<'a> Syntax<'a> {
    pub(crate) fn new(doc: &'a Doc) -> Syntax<'a> {
        Syntax { doc }
    }

    pub(crate) fn head(&self, i: usize) -> Option<usize> {
        let head = self.doc.annotations().dependencies.get(i)?.head?;
        Some(head as usize)
    }

    pub(crate) fn relation(&self, i: usize) -> &'static str {
        self.doc
            .annotations()
            .dependencies
            .get(i)
            .map_or("", |d| d.relation)
    }

    pub(crate) fn upos(&self, i: usize) -> &'static str {
        self.doc.annotations().pos.get(i).map_or("", |p| p.upos)
    }

    pub(crate) fn xpos(&self, i: usize) -> &'static str {
        self.doc.annotations().pos.get(i).map_or("", |p| p.xpos)
    }

    pub(crate) fn lower(&self, i: usize) -> String {
        self.doc
            .annotations()
            .tokens
            .get(i)
            .map_or_else(String::new, |t| self.doc.slice(t.span).to_lowercase())
    }

    fn parsed(&self) -> bool {
        !self.doc.annotations().dependencies.is_empty()
    }

    /// The children of `node` within `sentence`.
    pub(crate) fn children(&self, node: usize, sentence: &Range<usize>) -> Vec<usize> {
        sentence
            .clone()
            .filter(|&c| self.head(c) == Some(node))
            .collect()
    }

    /// The token of `span` whose head lies outside it (the expression's syntactic head).
    pub(crate) fn span_head(&self, span: &Range<usize>) -> Option<usize> {
        span.clone()
            .find(|&i| self.head(i).is_none_or(|h| !span.contains(&h)))
    }

    /// The nearest verb at or above `node`: the clause it belongs to. A nominal root with a
    /// copula ("The talks are on Tuesday") counts as its own clause.
    pub(crate) fn clause_verb(&self, node: usize) -> Option<usize> {
        let mut at = node;
        for _ in 0..64 {
            if matches!(self.upos(at), "VERB" | "AUX") {
                return Some(at);
            }
            match self.head(at) {
                Some(head) => at = head,
                None => return Some(at),
            }
        }
        None
    }

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
