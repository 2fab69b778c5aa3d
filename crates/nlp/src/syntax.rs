//! Read-only access to the tag, lemma and dependency layers of a document, for stages that
//! walk the parse (time, events).

use std::ops::Range;

use dateline_core::{ByteSpan, Doc};

/// Read-only access to the tag, lemma and dependency layers of a document.
pub(crate) struct Syntax<'a> {
    doc: &'a Doc,
    /// Each token's dependents, in text order: built once, so that finding a token's children
    /// does not scan its sentence (a sentence of thousands of words must stay linear).
    dependents: Vec<Vec<usize>>,
}

impl<'a> Syntax<'a> {
    pub(crate) fn new(doc: &'a Doc) -> Syntax<'a> {
        let dependencies = &doc.annotations().dependencies;
        let mut dependents = vec![Vec::new(); dependencies.len()];
        for (token, dependency) in dependencies.iter().enumerate() {
            if let Some(list) = dependency.head.and_then(|h| dependents.get_mut(h as usize)) {
                list.push(token);
            }
        }
        Syntax { doc, dependents }
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

    /// The lemma of token `i`, lower-cased (empty when the document was not lemmatized).
    pub(crate) fn lemma(&self, i: usize) -> String {
        self.doc
            .annotations()
            .lemmas
            .get(i)
            .map_or_else(String::new, |l| l.to_lowercase())
    }

    pub(crate) fn parsed(&self) -> bool {
        !self.doc.annotations().dependencies.is_empty()
    }

    /// The children of `node` within `sentence`, in text order.
    pub(crate) fn children(&self, node: usize, sentence: &Range<usize>) -> Vec<usize> {
        self.dependents.get(node).map_or_else(Vec::new, |list| {
            list.iter()
                .copied()
                .filter(|c| sentence.contains(c))
                .collect()
        })
    }

    /// The first and last token of `root`'s subtree within `sentence` (`root` itself when it
    /// has no dependents there).
    pub(crate) fn subtree_bounds(&self, root: usize, sentence: &Range<usize>) -> (usize, usize) {
        let (mut first, mut last) = (root, root);
        let mut stack = vec![root];
        // A well-formed tree visits each token once; the cap guards against a cycle.
        let mut budget = sentence.len() + 1;
        while let Some(node) = stack.pop() {
            if budget == 0 {
                break;
            }
            budget -= 1;
            first = first.min(node);
            last = last.max(node);
            stack.extend(self.children(node, sentence));
        }
        (first, last)
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
}

/// The bytes from the first of `tokens` to the last; empty at 0 when there are none.
pub(crate) fn tokens_span(doc: &Doc, tokens: &Range<usize>) -> ByteSpan {
    let all = &doc.annotations().tokens;
    match (
        all.get(tokens.start),
        tokens.end.checked_sub(1).and_then(|e| all.get(e)),
    ) {
        (Some(first), Some(last)) => ByteSpan {
            start: first.span.start,
            end: last.span.end,
        },
        _ => ByteSpan { start: 0, end: 0 },
    }
}
