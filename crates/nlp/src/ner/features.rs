//! What the recognizer sees of a document: words, tags, KB name matches, title words, and the
//! document-wide facts (which words also appear in lowercase, what a word was labelled before).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use dateline_core::ByteSpan;

use crate::clusters::WordClusters;
use crate::gazetteer::Gazetteer;
use crate::kb::{Kb, Target};
use crate::normalize::straight_quote;
use crate::perceptron::{FeatureHasher, Features};
use crate::tagger::shape;

use super::places::PlaceMark;

// Template ids: frozen numbers, since changing one silently invalidates trained models.
const BIAS: u32 = 0;
const WORD: u32 = 1;
const LOWER: u32 = 2;
const SHAPE: u32 = 3;
const SUFFIX: u32 = 4; // 4..=6 for suffix lengths 2..=4
const PREV_LOWER: u32 = 7;
const NEXT_LOWER: u32 = 8;
const PREV2_LOWER: u32 = 9;
const NEXT2_LOWER: u32 = 10;
const PREV_SHAPE_SHAPE: u32 = 11;
const SHAPE_NEXT_SHAPE: u32 = 12;
const TAG: u32 = 13;
const PREV_TAG_TAG: u32 = 14;
const TAG_NEXT_TAG: u32 = 15;
const PREV_LABEL: u32 = 16;
const PREV_LABELS: u32 = 17;
const PREV_LABEL_LOWER: u32 = 18;
const START_SHAPE: u32 = 19;
const GAZ: u32 = 20;
const PREV_GAZ: u32 = 21;
const NEXT_GAZ: u32 = 22;
const GAZ_SHAPE: u32 = 23;
const TITLE_BEFORE: u32 = 24;
const HISTORY: u32 = 25;
const SEEN_LOWER: u32 = 26;
const PREV_LOWER_LOWER: u32 = 27;
const LOWER_NEXT_LOWER: u32 = 28;
const CAPS_LINE_SHAPE: u32 = 29;
const PREV_LABEL_TAG: u32 = 30;
const PREFIX: u32 = 31;
const NEXT_TAG: u32 = 32;
const PREV_TAG: u32 = 33;
const CLUSTER: u32 = 34;
const COARSE: u32 = 35;
const PREV_CLUSTER: u32 = 36;
const NEXT_CLUSTER: u32 = 37;
const CLUSTER_SHAPE: u32 = 38;
const PREV_COARSE_COARSE: u32 = 39;
const COARSE_NEXT_COARSE: u32 = 40;
const PLACE: u32 = 41;
const PREV_PLACE: u32 = 42;
const NEXT_PLACE: u32 = 43;
const PLACE_SHAPE: u32 = 44;

/// A word's classes when it has none.
const UNCLUSTERED: (u16, u16) = (u16::MAX, u16::MAX);

/// A KB match over a token: where in the name it falls and what kind of entry it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GazetteerMark {
    /// 0 = begin, 1 = inside, 2 = last, 3 = unit.
    position: u8,
    kind: &'static str,
}

/// One document prepared for recognition: every per-token view is computed once.
#[derive(Debug, Default)]
pub struct NerDocument {
    words: Vec<String>,
    lowers: Vec<String>,
    shapes: Vec<String>,
    tags: Vec<String>,
    /// Token ranges of the sentences, in order.
    pub(crate) sentences: Vec<Range<usize>>,
    gazetteer: Vec<Option<GazetteerMark>>,
    title_before: Vec<bool>,
    /// Whether the word is itself a KB title or role noun ("spokesperson", "minister").
    is_title: Vec<bool>,
    seen_lower: Vec<bool>,
    caps_sentence: Vec<bool>,
    clusters: Vec<(u16, u16)>,
    /// Place names the gazetteer knows ([`super::places`]).
    places: Vec<Option<PlaceMark>>,
}

impl NerDocument {
    /// Prepares a document: `text` with its `tokens`, `sentences` (token ranges), and one Penn
    /// tag per token (`xpos`). `places` is the place gazetteer; without it no token is marked
    /// as a place name, which a model trained with one will feel.
    pub fn new(
        text: &str,
        tokens: &[ByteSpan],
        sentences: &[Range<usize>],
        xpos: &[&str],
        kb: &Kb,
        clusters: &WordClusters,
        places: Option<&Gazetteer>,
    ) -> NerDocument {
        let words: Vec<String> = tokens
            .iter()
            .map(|t| normalize(text.get(t.range()).unwrap_or("")))
            .collect();
        let lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shapes = words.iter().map(|w| shape(w)).collect();
        let mut gazetteer = vec![None; tokens.len()];
        for found in kb.find_names(text, tokens) {
            let Some(target) = found.targets.first() else {
                continue;
            };
            let kind = target_kind(kb, *target);
            let range = found.tokens.clone();
            for i in range.clone() {
                let position = match (i == range.start, i + 1 == range.end) {
                    (true, true) => 3,
                    (true, false) => 0,
                    (false, true) => 2,
                    (false, false) => 1,
                };
                gazetteer[i] = Some(GazetteerMark { position, kind });
            }
        }
        let is_title: Vec<bool> = lowers.iter().map(|w| kb.title(w).is_some()).collect();
        let title_before = (0..tokens.len())
            .map(|i| i > 0 && kb.title(&lowers[i - 1]).is_some())
            .collect();
        let lowercase_words: HashSet<&str> = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(String::as_str)
            .collect();
        let seen_lower = words
            .iter()
            .zip(&lowers)
            .map(|(w, l)| w != l && lowercase_words.contains(l.as_str()))
            .collect();
        let mut caps_sentence = vec![false; tokens.len()];
        for range in sentences {
            let letters: Vec<&String> = words[range.clone()]
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let caps =
                letters.len() >= 3 && letters.iter().all(|w| !w.chars().any(char::is_lowercase));
            caps_sentence[range.clone()].fill(caps);
        }
        let clusters = words
            .iter()
            .map(|w| clusters.get(w).unwrap_or(UNCLUSTERED))
            .collect();
        let places = match places {
            Some(gazetteer) => super::places::place_marks(&words, gazetteer),
            None => vec![None; words.len()],
        };
        NerDocument {
            places,
            clusters,
            words,
            lowers,
            shapes,
            tags: xpos.iter().map(|t| t.to_string()).collect(),
            sentences: sentences.to_vec(),
            gazetteer,
            title_before,
            is_title,
            seen_lower,
            caps_sentence,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether a KB name starts at token `i` (`false` past the end).
    pub(crate) fn starts_kb_name(&self, i: usize) -> bool {
        self.gazetteer
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|m| matches!(m.position, 0 | 3))
    }

    /// Whether token `i` is a KB title or role noun.
    pub(crate) fn is_title(&self, i: usize) -> bool {
        self.is_title.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` is part of a KB name.
    pub(crate) fn in_kb_name(&self, i: usize) -> bool {
        self.gazetteer.get(i).copied().flatten().is_some()
    }

    /// The normalized word at `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        &self.words[i]
    }

    /// The features of token `i` that depend on the two labels before it (appended to `out`):
    /// the only ones a beam's hypotheses do not share.
    pub(crate) fn extract_previous_labels(
        &self,
        i: usize,
        prev: u64,
        prev2: u64,
        out: &mut Features,
    ) {
        let l = self.lowers[i].as_str();
        let t = self.tags.get(i).map_or("", String::as_str);
        out.push(FeatureHasher::new(PREV_LABEL).num(prev));
        out.push(FeatureHasher::new(PREV_LABELS).num(prev).num(prev2));
        out.push(FeatureHasher::new(PREV_LABEL_LOWER).num(prev).str(l));
        out.push(FeatureHasher::new(PREV_LABEL_TAG).num(prev).str(t));
    }

    /// The features of token `i` that do not depend on earlier labels (appended to `out`).
    pub(crate) fn extract_context(
        &self,
        i: usize,
        sentence: &Range<usize>,
        history: &HashMap<String, u64>,
        out: &mut Features,
    ) {
        let at = |offset: isize| -> Option<usize> {
            let j = i as isize + offset;
            (j >= sentence.start as isize && j < sentence.end as isize).then_some(j as usize)
        };
        let lower = |j: Option<usize>| j.map_or("<none>", |j| self.lowers[j].as_str());
        let shape_at = |j: Option<usize>| j.map_or("<none>", |j| self.shapes[j].as_str());
        let tag =
            |j: Option<usize>| j.map_or("<none>", |j| self.tags.get(j).map_or("", String::as_str));
        let gaz = |j: Option<usize>| -> FeatureHasher {
            let mark = j.and_then(|j| self.gazetteer[j]);
            match mark {
                Some(m) => FeatureHasher::new(0).num(u64::from(m.position)).str(m.kind),
                None => FeatureHasher::new(0),
            }
        };
        let word = self.words[i].as_str();
        let (l, s, t) = (
            self.lowers[i].as_str(),
            self.shapes[i].as_str(),
            tag(Some(i)),
        );
        out.add(BIAS, "");
        out.add(WORD, word);
        out.add(LOWER, l);
        out.add(SHAPE, s);
        let chars: Vec<char> = l.chars().collect();
        for (n, template) in [(2, SUFFIX), (3, SUFFIX + 1), (4, SUFFIX + 2)] {
            if chars.len() > n {
                let suffix: String = chars[chars.len() - n..].iter().collect();
                out.add(template, &suffix);
            }
        }
        if chars.len() > 3 {
            let prefix: String = chars[..3].iter().collect();
            out.add(PREFIX, &prefix);
        }
        out.add(PREV_LOWER, lower(at(-1)));
        out.add(NEXT_LOWER, lower(at(1)));
        out.add(PREV2_LOWER, lower(at(-2)));
        out.add(NEXT2_LOWER, lower(at(2)));
        out.add2(PREV_SHAPE_SHAPE, shape_at(at(-1)), s);
        out.add2(SHAPE_NEXT_SHAPE, s, shape_at(at(1)));
        out.add(TAG, t);
        out.add(PREV_TAG, tag(at(-1)));
        out.add(NEXT_TAG, tag(at(1)));
        out.add2(PREV_TAG_TAG, tag(at(-1)), t);
        out.add2(TAG_NEXT_TAG, t, tag(at(1)));
        out.add2(PREV_LOWER_LOWER, lower(at(-1)), l);
        out.add2(LOWER_NEXT_LOWER, l, lower(at(1)));
        if i == sentence.start {
            out.add(START_SHAPE, s);
        }
        if self.caps_sentence[i] {
            out.add(CAPS_LINE_SHAPE, s);
        }
        let mark = |template: u32, j: Option<usize>| {
            let mut h = gaz(j);
            h = h.num(u64::from(template));
            h
        };
        out.push(mark(GAZ, Some(i)));
        out.push(mark(PREV_GAZ, at(-1)));
        out.push(mark(NEXT_GAZ, at(1)));
        out.push(mark(GAZ_SHAPE, Some(i)).str(s));
        if self.title_before[i] {
            out.add(TITLE_BEFORE, s);
        }
        if let Some(&class) = history.get(word) {
            out.push(FeatureHasher::new(HISTORY).num(class));
        }
        if self.seen_lower[i] {
            out.add(SEEN_LOWER, "");
        }
        let place = |template: u32, j: Option<usize>| {
            let h = FeatureHasher::new(template);
            match j.and_then(|j| self.places[j]) {
                Some(m) => h
                    .num(u64::from(m.position))
                    .str(m.feature.as_str())
                    .num(u64::from(m.magnitude)),
                None => h,
            }
        };
        out.push(place(PLACE, Some(i)));
        out.push(place(PREV_PLACE, at(-1)));
        out.push(place(NEXT_PLACE, at(1)));
        out.push(place(PLACE_SHAPE, Some(i)).str(s));
        let cluster =
            |j: Option<usize>| j.map_or((u16::MAX - 1, u16::MAX - 1), |j| self.clusters[j]);
        let (fine, coarse) = cluster(Some(i));
        out.push(FeatureHasher::new(CLUSTER).num(u64::from(fine)));
        out.push(FeatureHasher::new(COARSE).num(u64::from(coarse)));
        out.push(FeatureHasher::new(PREV_CLUSTER).num(u64::from(cluster(at(-1)).0)));
        out.push(FeatureHasher::new(NEXT_CLUSTER).num(u64::from(cluster(at(1)).0)));
        out.push(
            FeatureHasher::new(CLUSTER_SHAPE)
                .num(u64::from(fine))
                .str(s),
        );
        out.push(
            FeatureHasher::new(PREV_COARSE_COARSE)
                .num(u64::from(cluster(at(-1)).1))
                .num(u64::from(coarse)),
        );
        out.push(
            FeatureHasher::new(COARSE_NEXT_COARSE)
                .num(u64::from(coarse))
                .num(u64::from(cluster(at(1)).1)),
        );
    }
}

/// The gazetteer kind of a KB entry.
fn target_kind(kb: &Kb, target: Target) -> &'static str {
    match target {
        Target::Country(_) => "country",
        Target::Capital(_) => "capital",
        Target::Demonym(_) => "demonym",
        Target::Person(_) => "person",
        Target::Organization(i) => kb
            .organizations
            .get(i as usize)
            .map_or("ORG", |o| o.entity_type),
    }
}

/// Quotes straightened, digits kept.
fn normalize(word: &str) -> String {
    word.chars().map(straight_quote).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_the_taggers() {
        assert_eq!(shape("Zelenskyy"), "Xx");
        assert_eq!(shape("McDonald"), "XxXx");
    }
}
