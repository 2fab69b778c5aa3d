//! Finding KB names in a text: every name form in a hash table, looked up for each run of tokens
//! no longer than the longest form; matches kept longest first, never overlapping.
//!
//! A name is only ever matched from a token's start to a token's end, so the table sees each
//! candidate span once. Building the table takes a few milliseconds for tens of thousands of
//! forms, where an Aho-Corasick automaton over them took about 75 ms, most of the KB's load
//! time; the search makes a few lookups per token, and the first two bytes of a span must begin
//! some form before any lookup is made.

use std::collections::HashSet;

use dateline_core::ByteSpan;
use rustc_hash::FxHashMap;

use super::{KbError, Target};

/// Name forms → the KB entries they may mean.
#[derive(Debug, Clone)]
pub(crate) struct NameMatcher {
    /// Form → its index in `targets`.
    forms: FxHashMap<String, usize>,
    /// Form index → its targets.
    targets: Vec<Vec<Target>>,
    /// The first two bytes of every form (one byte for one-byte forms).
    openings: HashSet<[u8; 2]>,
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
    pub fn new(pairs: Vec<(String, Target)>) -> Result<NameMatcher, KbError> {
        let mut forms: FxHashMap<String, usize> = FxHashMap::default();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut openings = HashSet::new();
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
        if targets.len() > u32::MAX as usize {
            return Err(KbError::Build(format!("{} name forms", targets.len())));
        }
        Ok(NameMatcher {
            forms,
            targets,
            openings,
            longest,
        })
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
            // The longest form that ends on a token's end, trying the longest span first.
            let mut best = None;
            for (last, end_token) in tokens.iter().enumerate().skip(first) {
                let end = end_token.end as usize;
                if end - start > self.longest {
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
