//! Finding KB names in a text: one Aho-Corasick automaton over every name form, matches kept only
//! on token boundaries, longest first, never overlapping.

use aho_corasick::AhoCorasick;
use dateline_core::ByteSpan;

use super::{KbError, Target};

/// Name forms → the KB entries they may mean.
#[derive(Debug, Clone)]
pub(crate) struct NameMatcher {
    automaton: AhoCorasick,
    /// Pattern index → its targets.
    targets: Vec<Vec<Target>>,
}

/// A KB name found in a text, as a range of token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenMatch<'kb> {
    /// Tokens covered, `start..end`.
    pub tokens: std::ops::Range<usize>,
    /// The entries the name may mean, most specific first.
    pub targets: &'kb [Target],
}

impl NameMatcher {
    /// Builds the automaton from (form, target) pairs. Forms repeat freely; each form gets the
    /// union of its targets.
    pub fn new(pairs: Vec<(String, Target)>) -> Result<NameMatcher, KbError> {
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        for (form, target) in pairs {
            let form = form.trim().to_string();
            if form.is_empty() {
                continue;
            }
            let slot = *index.entry(form.clone()).or_insert_with(|| {
                patterns.push(form);
                targets.push(Vec::new());
                targets.len() - 1
            });
            if !targets[slot].contains(&target) {
                targets[slot].push(target);
            }
        }
        for list in &mut targets {
            list.sort_by_key(Target::priority);
        }
        // A contiguous NFA builds in about half the time of the default DFA for tens of
        // thousands of names, and searches nearly as fast: the KB loads within its budget.
        let automaton = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| KbError::Build(format!("name automaton: {e}")))?;
        Ok(NameMatcher { automaton, targets })
    }

    /// Number of distinct name forms.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// KB names in `text` that start and end on token boundaries of `tokens` (sorted, not
    /// overlapping), longest first, not overlapping, in text order.
    pub fn find<'a>(&'a self, text: &str, tokens: &[ByteSpan]) -> Vec<TokenMatch<'a>> {
        let token_at_start = |offset: usize| {
            tokens
                .binary_search_by_key(&offset, |t| t.start as usize)
                .ok()
        };
        let token_at_end = |offset: usize| {
            tokens
                .binary_search_by_key(&offset, |t| t.end as usize)
                .ok()
        };
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (Some(first), Some(last)) = (token_at_start(m.start()), token_at_end(m.end()))
            else {
                continue;
            };
            found.push((first, last + 1, m.pattern().as_usize()));
        }
        // Longest first at each start, then greedily keep what does not overlap.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out = Vec::new();
        let mut next_free = 0;
        for (start, end, pattern) in found {
            if start < next_free {
                continue;
            }
            next_free = end;
            out.push(TokenMatch {
                tokens: start..end,
                targets: &self.targets[pattern],
            });
        }
        out
    }
}
