//! Feature extraction for the tagger: word normalization, word shapes, and the hashed feature
//! templates of one tagging decision.
//!
//! The templates follow Honnibal's "good enough" greedy tagger: the word, its lowercase form,
//! affixes, a shape, the words ±2 around it, the two previous *predicted* tags and a few
//! conjunctions. Everything a template sees is normalized first, so that the curly quotes and
//! apostrophes our tokenizer keeps (“ ” ’, "n’t", "’s") and their straight UD counterparts give
//! the same features.

use std::collections::HashMap;

use crate::normalize::straight_quote;
use crate::perceptron::{FeatureHasher, Features};

/// Lowercased form → the classes it takes in training (its ambiguity class), for words seen
/// often enough. Lets a left-to-right tagger look at what the *next* words can be.
pub(crate) type Ambiguity = HashMap<String, Vec<u16>>;

/// Ambiguity value of an unknown word, and of the positions past either end of the sentence.
const UNKNOWN_AMBIGUITY: u64 = 0;
const OUTSIDE: u64 = 1;

// Template ids. Changing one silently invalidates trained models, so they are frozen numbers.
const BIAS: u32 = 0;
const WORD: u32 = 1;
const LOWER: u32 = 2;
const SUFFIX: u32 = 3; // 3..=6 for suffix lengths 1..=4
const PREFIX: u32 = 7; // 7..=9 for prefix lengths 1..=3
const SHAPE: u32 = 10;
const PREV_TAG: u32 = 11;
const PREV_TAGS: u32 = 12;
const PREV_TAG_WORD: u32 = 13;
const PREV_WORD: u32 = 14;
const PREV_SUFFIX: u32 = 15;
const PREV2_WORD: u32 = 16;
const NEXT_WORD: u32 = 17;
const NEXT_SUFFIX: u32 = 18;
const NEXT2_WORD: u32 = 19;
const PREV_TAG_SHAPE: u32 = 20;
const PREV_WORD_WORD: u32 = 21;
const WORD_NEXT_WORD: u32 = 22;
const PREV_TAG_NEXT_WORD: u32 = 23;
const FLAGS: u32 = 24;
const AMBIGUITY: u32 = 25;
const NEXT_AMBIGUITY: u32 = 26;
const NEXT2_AMBIGUITY: u32 = 27;
const AMBIGUITY_NEXT_AMBIGUITY: u32 = 28;
const PREV_TAG_NEXT_AMBIGUITY: u32 = 29;

/// The pseudo tag before the first word, and the one before that.
pub(crate) const START: u64 = u64::MAX;
pub(crate) const START2: u64 = u64::MAX - 1;

/// Per-sentence views of the words, computed once so each decision only hashes.
#[derive(Debug, Default)]
pub(crate) struct Context {
    /// Quote-normalized form, case kept.
    words: Vec<String>,
    /// Lowercased `words`.
    lowers: Vec<String>,
    /// Word classes for numbers (`!YEAR`, `!DIGITS`), else `None` (use the lowercase form).
    classes: Vec<Option<&'static str>>,
    /// Collapsed shape ("Xx", "X.X.", "d-d", "Qo").
    shapes: Vec<String>,
    /// Hash of each word's ambiguity class ([`UNKNOWN_AMBIGUITY`] when unseen).
    ambiguities: Vec<u64>,
}

impl Context {
    /// Builds the views of one sentence.
    pub(crate) fn new(words: &[&str], ambiguity: &Ambiguity) -> Context {
        let mut context = Context::default();
        for word in words {
            let normal = normalize_quotes(word);
            let lower = normal.to_lowercase();
            context.ambiguities.push(
                ambiguity
                    .get(&lower)
                    .map_or(UNKNOWN_AMBIGUITY, |classes| class_set_hash(classes)),
            );
            context.classes.push(number_class(&lower));
            context.shapes.push(shape(word));
            context.lowers.push(lower);
            context.words.push(normal);
        }
        context
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }

    /// The quote-normalized form of word `i` (the tag dictionary's key).
    pub(crate) fn word(&self, i: usize) -> &str {
        &self.words[i]
    }

    /// The lowercase form or number class of the word at `i` (may lie outside the sentence).
    fn norm(&self, i: isize) -> &str {
        if i < 0 {
            return "-START-";
        }
        let i = i as usize;
        if i >= self.len() {
            return "-END-";
        }
        self.classes[i].unwrap_or(&self.lowers[i])
    }

    fn ambiguity(&self, i: isize) -> u64 {
        if i < 0 {
            return OUTSIDE;
        }
        self.ambiguities.get(i as usize).copied().unwrap_or(OUTSIDE)
    }

    fn lower(&self, i: isize) -> &str {
        if i < 0 || i as usize >= self.len() {
            return "";
        }
        &self.lowers[i as usize]
    }

    /// Writes the features of the decision at `i` given the two previous predicted tags.
    pub(crate) fn extract(&self, i: usize, prev: u64, prev2: u64, out: &mut Features) {
        out.clear();
        let at = i as isize;
        let word = self.norm(at);
        let lower = &self.lowers[i];
        let shape = &self.shapes[i];
        out.push(FeatureHasher::new(BIAS));
        out.add(WORD, &self.words[i]);
        out.add(LOWER, word);
        for (n, template) in (1..=4).zip(SUFFIX..) {
            out.add(template, suffix(lower, n));
        }
        for (n, template) in (1..=3).zip(PREFIX..) {
            out.add(template, prefix(lower, n));
        }
        out.add(SHAPE, shape);
        out.add(FLAGS, flags(&self.words[i], i == 0));
        out.push(FeatureHasher::new(PREV_TAG).num(prev));
        out.push(FeatureHasher::new(PREV_TAGS).num(prev).num(prev2));
        out.push(FeatureHasher::new(PREV_TAG_WORD).num(prev).str(word));
        out.push(FeatureHasher::new(PREV_TAG_SHAPE).num(prev).str(shape));
        out.add(PREV_WORD, self.norm(at - 1));
        out.add(PREV_SUFFIX, suffix(self.lower(at - 1), 3));
        out.add(PREV2_WORD, self.norm(at - 2));
        out.add(NEXT_WORD, self.norm(at + 1));
        out.add(NEXT_SUFFIX, suffix(self.lower(at + 1), 3));
        out.add(NEXT2_WORD, self.norm(at + 2));
        out.add2(PREV_WORD_WORD, self.norm(at - 1), word);
        out.add2(WORD_NEXT_WORD, word, self.norm(at + 1));
        out.push(
            FeatureHasher::new(PREV_TAG_NEXT_WORD)
                .num(prev)
                .str(self.norm(at + 1)),
        );
        let (here, next) = (self.ambiguity(at), self.ambiguity(at + 1));
        out.push(FeatureHasher::new(AMBIGUITY).num(here));
        out.push(FeatureHasher::new(NEXT_AMBIGUITY).num(next));
        out.push(FeatureHasher::new(NEXT2_AMBIGUITY).num(self.ambiguity(at + 2)));
        out.push(
            FeatureHasher::new(AMBIGUITY_NEXT_AMBIGUITY)
                .num(here)
                .num(next),
        );
        out.push(
            FeatureHasher::new(PREV_TAG_NEXT_AMBIGUITY)
                .num(prev)
                .num(next),
        );
    }
}

/// One number for a set of classes (sorted, as stored).
fn class_set_hash(classes: &[u16]) -> u64 {
    let mut hasher = FeatureHasher::new(u32::MAX);
    for &class in classes {
        hasher = hasher.num(u64::from(class));
    }
    hasher.finish() | 2 // never collides with UNKNOWN_AMBIGUITY or OUTSIDE
}

/// Maps curly apostrophes and quotes (and their look-alikes) to the ASCII ones, so "n’t" and
/// "n't" are one word. Standalone quotes keep their side in [`shape`], not here.
pub(crate) fn normalize_quotes(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    word.chars().map(straight_quote).collect()
}

/// Digits carry little lexical information: "1999" and "2024" are one class, "3.5" and "12" another.
fn number_class(lower: &str) -> Option<&'static str> {
    let first = lower.chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    if lower.len() == 4 && lower.bytes().all(|b| b.is_ascii_digit()) {
        Some("!YEAR")
    } else if lower
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        Some("!DIGITS")
    } else {
        None
    }
}

/// Collapsed word shape: runs of upper case → "X", lower → "x", digits → "d", other characters
/// kept; a standalone quote becomes "Qo" (opening “ ‘), "Qc" (closing ” ’) or "Qa" (straight).
pub(crate) fn shape(word: &str) -> String {
    match word {
        "\u{201C}" | "\u{2018}" | "``" | "`" => return "Qo".to_string(),
        "\u{201D}" | "\u{2019}" | "''" => return "Qc".to_string(),
        "\"" | "'" => return "Qa".to_string(),
        _ => {}
    }
    let mut out = String::with_capacity(8);
    let mut last = None;
    for c in word.chars().take(24) {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                other => other,
            }
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
    out
}

/// Word-class flags in one value: capitalization (with sentence position, since a capital is
/// weak evidence at the start), digits and hyphens.
fn flags(word: &str, first: bool) -> &'static str {
    let mut chars = word.chars();
    let initial_upper = chars.next().is_some_and(char::is_uppercase);
    let has_lower = word.chars().any(char::is_lowercase);
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    let has_hyphen = word.len() > 1 && word.contains('-');
    match (initial_upper, has_lower, first) {
        _ if has_digit && has_hyphen => "digit-hyphen",
        _ if has_digit => "digit",
        (true, false, _) if word.chars().count() > 1 => "allcaps",
        (true, true, true) => "title-first",
        (true, true, false) if has_hyphen => "title-hyphen",
        (true, true, false) => "title",
        (true, false, _) => "cap1",
        _ if has_hyphen => "hyphen",
        _ => "plain",
    }
}

/// The last `n` characters of `word` (the whole word when shorter).
fn suffix(word: &str, n: usize) -> &str {
    match word.char_indices().rev().nth(n - 1) {
        Some((start, _)) => &word[start..],
        None => word,
    }
}

/// The first `n` characters of `word` (the whole word when shorter).
fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((end, _)) => &word[..end],
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_are_char_safe() {
        assert_eq!(suffix("zelenskyy", 3), "kyy");
        assert_eq!(suffix("é", 3), "é");
        assert_eq!(prefix("ñandú", 2), "ña");
        assert_eq!(prefix("a", 3), "a");
    }

    #[test]
    fn shapes_and_classes() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("COVID-19"), "X-d");
        assert_eq!(shape("\u{201C}"), "Qo");
        assert_eq!(shape("\u{201D}"), "Qc");
        assert_eq!(number_class("2024"), Some("!YEAR"));
        assert_eq!(number_class("3.5"), Some("!DIGITS"));
        assert_eq!(number_class("3d"), None);
        assert_eq!(flags("Putin", false), "title");
        assert_eq!(flags("AFP", false), "allcaps");
    }

    #[test]
    fn curly_and_straight_forms_give_the_same_features() {
        let curly = Context::new(&["do", "n\u{2019}t", "go"], &Ambiguity::new());
        let straight = Context::new(&["do", "n't", "go"], &Ambiguity::new());
        let (mut a, mut b) = (Features::new(), Features::new());
        for i in 0..3 {
            curly.extract(i, START, START2, &mut a);
            straight.extract(i, START, START2, &mut b);
            assert_eq!(a.hashes(), b.hashes());
        }
    }

    #[test]
    fn extraction_is_deterministic() {
        let context = Context::new(&["Putin", "met", "Trump", "."], &Ambiguity::new());
        let (mut a, mut b) = (Features::new(), Features::new());
        context.extract(1, 7, 3, &mut a);
        context.extract(1, 7, 3, &mut b);
        assert_eq!(a.hashes(), b.hashes());
        assert_eq!(a.hashes().len(), 30);
        context.extract(1, 8, 3, &mut b);
        assert_ne!(a.hashes(), b.hashes());
    }
}
