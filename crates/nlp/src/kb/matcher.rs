//! Finding KB names in a text: every name form in a hash table, looked up for each run of tokens
//! from a token's start to a token's end no longer than the longest form; the longest match at
//! each start is kept, and matches never overlap.
//!
//! Building the table takes a few milliseconds for tens of thousands of forms, where an
//! Aho-Corasick automaton over them took most of the KB's load time (docs/BENCHMARKS.md). A
//! start is only looked at when its first two bytes open some form; from there each span
//! costs one lookup, so a start costs as many lookups as tokens fit in the longest form.

use dateline_core::ByteSpan;
use rustc_hash::{FxHashMap, FxHashSet};

use super::Target;

/// Name forms → the KB entries they may mean.
#[derive(Debug, Clone)]
pub(crate) struct NameMatcher {
    /// Form → its index in `targets`.
    forms: FxHashMap<String, usize>,
    /// Form index → its targets.
    targets: Vec<Vec<Target>>,
    /// The first two bytes of every form (one byte for one-byte forms).
    openings: FxHashSet<[u8; 2]>,
    /// Length in bytes of the longest form.
    longest: usize,
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
    /// Builds the table from (form, target) pairs. Forms repeat freely; each form gets the
    /// union of its targets.
    pub fn new(pairs: Vec<(String, Target)>) -> NameMatcher {
        let mut forms: FxHashMap<String, usize> = FxHashMap::default();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut openings = FxHashSet::default();
        let mut longest = 0;
        for (form, target) in pairs {
            let form = form.trim();
            if form.is_empty() {
                continue;
            }
            let slot = match forms.get(form) {
                Some(&slot) => slot,
                None => {
                    openings.insert(opening(form.as_bytes()));
                    longest = longest.max(form.len());
                    forms.insert(form.to_string(), targets.len());
                    targets.push(Vec::new());
                    targets.len() - 1
                }
            };
            if !targets[slot].contains(&target) {
                targets[slot].push(target);
            }
        }
        for list in &mut targets {
            list.sort_by_key(Target::priority);
        }
        NameMatcher {
            forms,
            targets,
            openings,
            longest,
        }
    }

    /// Number of distinct name forms.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// KB names in `text` that start and end on token boundaries of `tokens` (sorted, not
    /// overlapping), longest first, not overlapping, in text order.
    pub fn find<'a>(&'a self, text: &str, tokens: &[ByteSpan]) -> Vec<TokenMatch<'a>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut next_free = 0;
        for (first, token) in tokens.iter().enumerate() {
            if first < next_free {
                continue;
            }
            let start = token.start as usize;
            let Some(rest) = bytes.get(start..) else {
                break;
            };
            let one_byte = rest.first().map(|&b| [b, 0]);
            if !self.openings.contains(&opening(rest))
                && !one_byte.is_some_and(|o| self.openings.contains(&o))
            {
                continue;
            }
            // Spans grow token by token; the last form found is the longest.
            let mut best = None;
            for (last, end_token) in tokens.iter().enumerate().skip(first) {
                let end = end_token.end as usize;
                if end.saturating_sub(start) > self.longest {
                    break;
                }
                if let Some(&slot) = text.get(start..end).and_then(|span| self.forms.get(span)) {
                    best = Some((last, slot));
                }
            }
            if let Some((last, slot)) = best {
                next_free = last + 1;
                out.push(TokenMatch {
                    tokens: first..last + 1,
                    targets: &self.targets[slot],
                });
            }
        }
        out
    }
}

/// The first two bytes of `text` (one, padded, when it has one).
fn opening(text: &[u8]) -> [u8; 2] {
    match text {
        [] => [0, 0],
        [a] => [*a, 0],
        [a, b, ..] => [*a, *b],
    }
}
