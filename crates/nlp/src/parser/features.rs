//! Feature templates for the transition classifier and the relation labeller.
//!
//! Words and tags of each token are hashed once per sentence ([`Sentence`]); a feature is then a
//! template number mixed with a few of those hashes, so extraction allocates nothing. Templates
//! follow Zhang and Nivre (2011), adapted to arc-hybrid's stack and buffer.

use crate::normalize::straight_quote;
use crate::perceptron::{FeatureHasher, Features};

use super::state::State;

/// Per-token hashes of one sentence, plus the root and "nothing here" markers.
pub(crate) struct Sentence {
    words: Vec<u64>,
    tags: Vec<u64>,
    coarse: Vec<u64>,
    /// Last three characters of the normalized word: generalizes over rare words.
    suffixes: Vec<u64>,
}

const ABSENT: u64 = 0x9e37_79b9_7f4a_7c15;
const ROOT: u64 = 0x6a09_e667_f3bc_c908;

impl Sentence {
    /// `words` are surface forms; `tags` are Penn tags and `coarse` Universal tags.
    pub fn new(words: &[&str], tags: &[&str], coarse: &[&str]) -> Sentence {
        let hash = |kind: u32, text: &str| FeatureHasher::new(kind).str(text).finish();
        let mut normalized = String::new();
        let mut word_hashes = Vec::with_capacity(words.len() + 1);
        let mut suffixes = Vec::with_capacity(words.len() + 1);
        for word in words {
            normalize_word(word, &mut normalized);
            let cut = normalized.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
            word_hashes.push(hash(1, &normalized));
            suffixes.push(hash(4, &normalized[cut..]));
        }
        word_hashes.push(ROOT);
        suffixes.push(ROOT);
        Sentence {
            words: word_hashes,
            tags: tags.iter().map(|t| hash(2, t)).chain([ROOT]).collect(),
            coarse: coarse.iter().map(|t| hash(3, t)).chain([ROOT]).collect(),
            suffixes,
        }
    }

    fn suffix(&self, token: Option<usize>) -> u64 {
        token.map_or(ABSENT, |t| self.suffixes[t])
    }

    fn word(&self, token: Option<usize>) -> u64 {
        token.map_or(ABSENT, |t| self.words[t])
    }

    fn tag(&self, token: Option<usize>) -> u64 {
        token.map_or(ABSENT, |t| self.tags[t])
    }

    fn coarse(&self, token: Option<usize>) -> u64 {
        token.map_or(ABSENT, |t| self.coarse[t])
    }
}

/// Lowercase, curly quotes straightened, digits collapsed: the word identity features use.
pub(crate) fn normalize_word(word: &str, out: &mut String) {
    out.clear();
    for ch in word.chars().map(straight_quote) {
        match ch {
            '0'..='9' => out.push('0'),
            _ => out.extend(ch.to_lowercase()),
        }
    }
}

fn feature(features: &mut Features, template: u32, parts: &[u64]) {
    let mut hasher = FeatureHasher::new(template);
    for &part in parts {
        hasher = hasher.num(part);
    }
    features.push(hasher);
}

/// Distance between two tokens, bucketed.
fn distance(a: Option<usize>, b: Option<usize>) -> u64 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let d = a.abs_diff(b);
            (if d < 5 {
                d
            } else if d < 10 {
                5
            } else {
                6
            }) as u64
        }
        _ => 7,
    }
}

/// Features of a parser configuration.
pub(crate) fn transition_features(sentence: &Sentence, state: &State, out: &mut Features) {
    out.clear();
    let s0 = state.stack_item(0);
    let s1 = state.stack_item(1);
    let s2 = state.stack_item(2);
    let b0 = state.buffer_item(0);
    let b1 = state.buffer_item(1);
    let b2 = state.buffer_item(2);
    let s0l = s0.and_then(|t| state.leftmost(t, 0));
    let s0l2 = s0.and_then(|t| state.leftmost(t, 1));
    let s0r = s0.and_then(|t| state.rightmost(t, 0));
    let s0r2 = s0.and_then(|t| state.rightmost(t, 1));
    let s1l = s1.and_then(|t| state.leftmost(t, 0));
    let s1r = s1.and_then(|t| state.rightmost(t, 0));
    let b0l = b0.and_then(|t| state.leftmost(t, 0));
    let b0l2 = b0.and_then(|t| state.leftmost(t, 1));
    let (w, t) = (|x| sentence.word(x), |x| sentence.tag(x));
    let u = |x| sentence.coarse(x);
    let f = |out: &mut Features, id: u32, parts: &[u64]| feature(out, id, parts);
    f(out, 0, &[]);
    // Single positions.
    for (id, token) in [(1, s0), (2, s1), (3, b0), (4, b1), (5, b2), (6, s2)] {
        f(out, id * 10, &[w(token)]);
        f(out, id * 10 + 1, &[t(token)]);
        f(out, id * 10 + 2, &[w(token), t(token)]);
        f(out, id * 10 + 3, &[u(token)]);
    }
    // Pairs of s0 and b0.
    f(out, 100, &[w(s0), t(s0), w(b0), t(b0)]);
    f(out, 101, &[w(s0), t(s0), w(b0)]);
    f(out, 102, &[w(s0), w(b0), t(b0)]);
    f(out, 103, &[w(s0), t(s0), t(b0)]);
    f(out, 104, &[t(s0), w(b0), t(b0)]);
    f(out, 105, &[w(s0), w(b0)]);
    f(out, 106, &[t(s0), t(b0)]);
    f(out, 107, &[t(b0), t(b1)]);
    f(out, 108, &[t(s0), t(s1)]);
    f(out, 109, &[w(s1), w(s0)]);
    f(out, 110, &[w(s1), t(s1), w(s0), t(s0)]);
    f(out, 111, &[t(s1), w(s0)]);
    f(out, 112, &[w(s1), t(s0)]);
    // Tag trigrams.
    f(out, 120, &[t(b0), t(b1), t(b2)]);
    f(out, 121, &[t(s0), t(b0), t(b1)]);
    f(out, 122, &[t(s1), t(s0), t(b0)]);
    f(out, 123, &[t(s0), t(s0l), t(b0)]);
    f(out, 124, &[t(s0), t(s0r), t(b0)]);
    f(out, 125, &[t(s0), t(b0), t(b0l)]);
    f(out, 126, &[t(s2), t(s1), t(s0)]);
    f(out, 127, &[t(s0), t(s0l), t(s0l2)]);
    f(out, 128, &[t(s0), t(s0r), t(s0r2)]);
    f(out, 129, &[t(b0), t(b0l), t(b0l2)]);
    f(out, 130, &[t(s1), t(s0), t(s0r)]);
    f(out, 131, &[t(s1), t(s1r), t(s0)]);
    f(out, 132, &[t(s1), t(s1l), t(s0)]);
    f(out, 133, &[u(s1), u(s0), u(b0), u(b1)]);
    // Distance between s0 and b0, and between s1 and s0.
    let d = distance(s0, b0);
    f(out, 140, &[w(s0), d]);
    f(out, 141, &[t(s0), d]);
    f(out, 142, &[w(b0), d]);
    f(out, 143, &[t(b0), d]);
    f(out, 144, &[w(s0), w(b0), d]);
    f(out, 145, &[t(s0), t(b0), d]);
    let d1 = distance(s1, s0);
    f(out, 146, &[t(s1), t(s0), d1]);
    f(out, 147, &[w(s1), w(s0), d1]);
    // Valency.
    let valency = |token: Option<usize>, left: bool| {
        token.map_or(9, |x| {
            if left {
                state.left_count(x)
            } else {
                state.right_count(x)
            }
            .min(8) as u64
        })
    };
    f(out, 150, &[w(s0), valency(s0, false)]);
    f(out, 151, &[t(s0), valency(s0, false)]);
    f(out, 152, &[w(s0), valency(s0, true)]);
    f(out, 153, &[t(s0), valency(s0, true)]);
    f(out, 154, &[w(b0), valency(b0, true)]);
    f(out, 155, &[t(b0), valency(b0, true)]);
    f(out, 156, &[t(s1), valency(s1, false)]);
    // Children.
    for (id, token) in [
        (16, s0l),
        (17, s0r),
        (18, b0l),
        (19, s1l),
        (20, s1r),
        (21, s0l2),
        (22, s0r2),
        (23, b0l2),
    ] {
        f(out, id * 10, &[w(token)]);
        f(out, id * 10 + 1, &[t(token)]);
    }
    // The same configurations in Universal tags: coarser, and more often right when predicted.
    f(out, 260, &[u(s0), u(b0)]);
    f(out, 261, &[u(s0), u(b0), u(b1)]);
    f(out, 262, &[u(s1), u(s0), u(b0)]);
    f(out, 263, &[u(s0), u(s0l), u(b0)]);
    f(out, 264, &[u(s0), u(s0r), u(b0)]);
    f(out, 265, &[u(s0), u(b0), u(b0l)]);
    f(out, 266, &[w(s0), u(b0)]);
    f(out, 267, &[u(s0), w(b0)]);
    f(out, 268, &[u(s0), u(b0), d]);
    f(out, 269, &[u(s1), u(s0), d1]);
    // Stack depth, which tells how much is left open.
    f(out, 240, &[state.stack.len().min(6) as u64, t(b0)]);
}

/// A finished tree with each token's dependents, in text order (index `n` is the root).
pub(crate) struct Tree {
    pub heads: Vec<usize>,
    pub children: Vec<Vec<usize>>,
}

impl Tree {
    pub fn new(heads: &[usize]) -> Tree {
        let n = heads.len();
        let mut children = vec![Vec::new(); n + 1];
        for (dependent, &head) in heads.iter().enumerate() {
            children[head.min(n)].push(dependent);
        }
        Tree {
            heads: heads.to_vec(),
            children,
        }
    }
}

/// Features for labelling the arc `head → dependent`, knowing the head's own relation.
pub(crate) fn label_features(
    sentence: &Sentence,
    tree: &Tree,
    dependent: usize,
    head_relation: u64,
    out: &mut Features,
) {
    out.clear();
    let heads = &tree.heads;
    let n = heads.len();
    let head = heads[dependent];
    let h = Some(head.min(n));
    let d = Some(dependent);
    let (w, t, u) = (
        |x| sentence.word(x),
        |x| sentence.tag(x),
        |x| sentence.coarse(x),
    );
    let direction = u64::from(head > dependent);
    let dist = distance(h, d);
    let previous = dependent.checked_sub(1);
    let next = (dependent + 1 < n).then_some(dependent + 1);
    let f = |out: &mut Features, id: u32, parts: &[u64]| feature(out, id, parts);
    let children = &tree.children[dependent];
    let siblings_before = tree.children[head.min(n)]
        .iter()
        .take_while(|&&c| c < dependent)
        .count()
        .min(3) as u64;
    let first_child = children.first().copied();
    let last_child = children.last().copied();
    f(out, 0, &[]);
    f(out, 1, &[w(d)]);
    f(out, 2, &[t(d)]);
    f(out, 3, &[w(d), t(d)]);
    f(out, 4, &[w(h)]);
    f(out, 5, &[t(h)]);
    f(out, 6, &[w(h), t(h)]);
    f(out, 7, &[t(h), t(d), direction]);
    f(out, 8, &[w(h), t(d), direction]);
    f(out, 9, &[t(h), w(d), direction]);
    f(out, 10, &[w(h), w(d), direction]);
    f(out, 11, &[t(h), t(d), direction, dist]);
    f(out, 12, &[u(h), u(d), direction]);
    f(out, 13, &[head_relation]);
    f(out, 14, &[head_relation, t(d), direction]);
    f(out, 15, &[head_relation, t(h), t(d)]);
    f(out, 16, &[t(previous), t(d)]);
    f(out, 17, &[t(d), t(next)]);
    f(out, 18, &[t(h), t(d), t(first_child)]);
    f(out, 19, &[t(d), t(last_child)]);
    f(out, 20, &[t(d), children.len().min(4) as u64]);
    f(out, 21, &[t(h), t(d), siblings_before, direction]);
    f(out, 22, &[w(previous), t(d)]);
    f(out, 23, &[w(first_child), t(d)]);
    f(out, 24, &[w(d), direction, dist]);
    f(out, 25, &[w(h), u(d), direction, dist]);
    f(out, 29, &[sentence.suffix(d), t(d)]);
    for &child in children.iter().take(4) {
        f(out, 27, &[t(d), w(Some(child))]);
        f(out, 28, &[t(d), t(Some(child))]);
    }
}
