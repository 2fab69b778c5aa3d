//! A read-only view of the layers the entities stage needs: token text, tags, lemmas, the
//! dependency tree with children lists, and the KB name matches.

use std::ops::Range;

use dateline_core::{ByteSpan, Doc};

use crate::kb::{Kb, Target};

/// Per-token views of one document.
pub(crate) struct View<'d> {
    pub doc: &'d Doc,
    pub spans: Vec<ByteSpan>,
    pub lowers: Vec<String>,
    /// Sentence index of each token.
    pub sentence_of: Vec<usize>,
    /// Children of each token, in text order.
    pub children: Vec<Vec<usize>>,
    /// The KB match covering each token: (match tokens, targets).
    pub kb_match: Vec<Option<(Range<usize>, &'d [Target])>>,
    name_token: Vec<bool>,
}

impl<'d> View<'d> {
    pub fn new(doc: &'d Doc, kb: &'d Kb) -> View<'d> {
        let a = doc.annotations();
        let spans: Vec<ByteSpan> = a.tokens.iter().map(|t| t.span).collect();
        let lowers = spans.iter().map(|s| doc.slice(*s).to_lowercase()).collect();
        let mut sentence_of = vec![0; spans.len()];
        for (i, s) in a.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                if let Some(slot) = sentence_of.get_mut(t as usize) {
                    *slot = i;
                }
            }
        }
        let mut children = vec![Vec::new(); spans.len()];
        for (i, d) in a.dependencies.iter().enumerate() {
            if let Some(h) = d.head {
                if let Some(list) = children.get_mut(h as usize) {
                    list.push(i);
                }
            }
        }
        let mut kb_match = vec![None; spans.len()];
        for m in kb.find_names(doc.text(), &spans) {
            for t in m.tokens.clone() {
                kb_match[t] = Some((m.tokens.clone(), m.targets));
            }
        }
        let mut name_token = vec![false; spans.len()];
        // Organization names may be words of a title ("Trade and Industry Secretary").
        for name in a.names.iter().filter(|n| matches!(n.class, "PER" | "LOC")) {
            for t in name.tokens.clone() {
                if let Some(slot) = name_token.get_mut(t as usize) {
                    *slot = true;
                }
            }
        }
        for (t, m) in kb_match.iter().enumerate() {
            if let Some((_, targets)) = m {
                if targets.iter().any(|x| matches!(x, Target::Person(_))) {
                    name_token[t] = true;
                }
            }
        }
        View {
            name_token,
            doc,
            spans,
            lowers,
            sentence_of,
            children,
            kb_match,
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn text(&self, i: usize) -> &'d str {
        self.doc.slice(self.spans[i])
    }

    /// The text from the first to the last token of `range`.
    pub fn range_text(&self, range: &Range<usize>) -> &'d str {
        if range.is_empty() {
            return "";
        }
        self.doc.slice(ByteSpan::new(
            self.spans[range.start].start as usize,
            self.spans[range.end - 1].end as usize,
        ))
    }

    pub fn span(&self, range: &Range<usize>) -> ByteSpan {
        ByteSpan::new(
            self.spans[range.start].start as usize,
            self.spans[range.end - 1].end as usize,
        )
    }

    pub fn upos(&self, i: usize) -> &'static str {
        self.doc.annotations().pos.get(i).map_or("X", |p| p.upos)
    }

    pub fn xpos(&self, i: usize) -> &'static str {
        self.doc.annotations().pos.get(i).map_or("XX", |p| p.xpos)
    }

    pub fn lemma(&self, i: usize) -> &str {
        self.doc
            .annotations()
            .lemmas
            .get(i)
            .map_or(self.lowers[i].as_str(), String::as_str)
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.doc
            .annotations()
            .dependencies
            .get(i)
            .and_then(|d| d.head)
            .map(|h| h as usize)
    }

    pub fn relation(&self, i: usize) -> &'static str {
        self.doc
            .annotations()
            .dependencies
            .get(i)
            .map_or("dep", |d| d.relation)
    }

    /// Whether token `i` is part of a recognized person or place name, or a KB person's name.
    pub fn is_name_token(&self, i: usize) -> bool {
        self.name_token.get(i).copied().unwrap_or(false)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The leftmost and rightmost token of `i`'s subtree, skipping children for which `skip`
    /// holds (and their subtrees).
    pub fn subtree(&self, i: usize, skip: &dyn Fn(usize) -> bool) -> Range<usize> {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        while let Some(t) = stack.pop() {
            lo = lo.min(t);
            hi = hi.max(t);
            for &c in &self.children[t] {
                if !skip(c) {
                    stack.push(c);
                }
            }
        }
        lo..hi + 1
    }
}
