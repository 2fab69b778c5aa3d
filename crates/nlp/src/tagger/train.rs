//! Training the tagger: tag dictionary, perceptron epochs over shuffled sentences, snapshots.
//!
//! Training mirrors tagging exactly: the same greedy left-to-right loop, with the previous tags
//! being the model's own *predictions* (not gold), so the model learns to recover from its
//! mistakes as it will have to at run time. Dictionary words are neither trained on nor ticked.

use std::collections::{BTreeSet, HashMap};

use dateline_core::tagset::PosTag;

use super::features::{normalize_quotes, Ambiguity, Context, START, START2};
use super::format::Lexicons;
use super::{joint_label, Tagger};
use crate::perceptron::{argmax, Features, ModelError, Trainer};

/// A word must occur this often to enter the tag dictionary…
const DICT_MIN_COUNT: u32 = 20;
/// …and take its most frequent class at least this often.
const DICT_MIN_SHARE: f64 = 0.97;
/// A word needs this many occurrences for an ambiguity class…
const AMBIGUITY_MIN_COUNT: u32 = 3;
/// …which lists the classes it takes at least this share of the time.
const AMBIGUITY_MIN_SHARE: f64 = 0.05;

/// One gold sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Gold tags, parallel to `words`.
    pub tags: Vec<PosTag>,
}

/// Trains a [`Tagger`] epoch by epoch.
#[derive(Debug, Clone)]
pub struct TaggerTrainer {
    labels: Vec<String>,
    label_index: HashMap<String, usize>,
    lexicons: Lexicons,
    trainer: Trainer,
}

impl TaggerTrainer {
    /// Collects the class labels and the tag dictionary from the training data.
    pub fn new(sentences: &[TrainSentence]) -> TaggerTrainer {
        let labels: Vec<String> = sentences
            .iter()
            .flat_map(|s| s.tags.iter().map(|t| joint_label(t.upos, t.xpos)))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let label_index: HashMap<String, usize> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        let lexicons = Lexicons {
            dictionary: build_dictionary(sentences, &label_index),
            ambiguity: build_ambiguity(sentences, &label_index),
        };
        let trainer = Trainer::new(labels.len());
        TaggerTrainer {
            labels,
            label_index,
            lexicons,
            trainer,
        }
    }

    /// The joint "UPOS|XPOS" class labels.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of words in the tag dictionary.
    pub fn dictionary_len(&self) -> usize {
        self.lexicons.dictionary.len()
    }

    /// One pass over `sentences` in the order given by `order` (indices into `sentences`).
    /// Returns how many words the current weights tagged right during the pass.
    pub fn epoch(&mut self, sentences: &[TrainSentence], order: &[usize]) -> usize {
        let mut features = Features::new();
        let mut scores = Vec::with_capacity(self.labels.len());
        let mut correct = 0;
        for sentence in order.iter().filter_map(|&i| sentences.get(i)) {
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            let context = Context::new(&words, &self.lexicons.ambiguity);
            let (mut prev, mut prev2) = (START, START2);
            for (i, tag) in sentence.tags.iter().enumerate().take(context.len()) {
                let Some(&truth) = self.label_index.get(&joint_label(tag.upos, tag.xpos)) else {
                    continue;
                };
                let guess = match self.lexicons.dictionary.get(context.word(i)) {
                    Some(&class) => usize::from(class),
                    None => {
                        context.extract(i, prev, prev2, &mut features);
                        self.trainer.scores(features.hashes(), &mut scores);
                        let guess = argmax(&scores);
                        self.trainer.update(features.hashes(), truth, guess);
                        self.trainer.tick();
                        guess
                    }
                };
                correct += usize::from(guess == truth);
                prev2 = prev;
                prev = guess as u64;
            }
        }
        correct
    }

    /// The tagger the averaged weights so far make, without ending training. Weights whose
    /// absolute average is below `prune_below` are dropped.
    pub fn snapshot(&self, prune_below: f32) -> Result<Tagger, ModelError> {
        self.clone().into_tagger(prune_below)
    }

    /// Ends training and returns the tagger.
    pub fn into_tagger(self, prune_below: f32) -> Result<Tagger, ModelError> {
        let model = self.trainer.finish(prune_below).with_labels(self.labels);
        Tagger::new(model, self.lexicons)
    }
}

/// How often each word (keyed by `key`) takes each class.
fn count_classes(
    sentences: &[TrainSentence],
    label_index: &HashMap<String, usize>,
    key: impl Fn(&str) -> String,
) -> HashMap<String, HashMap<usize, u32>> {
    let mut counts: HashMap<String, HashMap<usize, u32>> = HashMap::new();
    for sentence in sentences {
        for (word, tag) in sentence.words.iter().zip(&sentence.tags) {
            if let Some(&class) = label_index.get(&joint_label(tag.upos, tag.xpos)) {
                *counts
                    .entry(key(word))
                    .or_default()
                    .entry(class)
                    .or_default() += 1;
            }
        }
    }
    counts
}

/// The classes each frequent enough lowercased word takes (sorted, so the set is canonical).
fn build_ambiguity(sentences: &[TrainSentence], label_index: &HashMap<String, usize>) -> Ambiguity {
    let counts = count_classes(sentences, label_index, |w| {
        normalize_quotes(w).to_lowercase()
    });
    counts
        .into_iter()
        .filter_map(|(word, classes)| {
            let total: u32 = classes.values().sum();
            if total < AMBIGUITY_MIN_COUNT {
                return None;
            }
            let mut set: Vec<u16> = classes
                .iter()
                .filter(|(_, &n)| f64::from(n) / f64::from(total) >= AMBIGUITY_MIN_SHARE)
                .filter_map(|(&c, _)| u16::try_from(c).ok())
                .collect();
            set.sort_unstable();
            Some((word, set))
        })
        .collect()
}

/// Frequent words that (nearly) always take one class.
fn build_dictionary(
    sentences: &[TrainSentence],
    label_index: &HashMap<String, usize>,
) -> HashMap<String, u16> {
    count_classes(sentences, label_index, normalize_quotes)
        .into_iter()
        .filter_map(|(word, classes)| {
            let total: u32 = classes.values().sum();
            // Ties broken by the lower class index so the choice never depends on map order.
            let (&class, &best) = classes
                .iter()
                .max_by_key(|(&c, &n)| (n, std::cmp::Reverse(c)))?;
            let keep =
                total >= DICT_MIN_COUNT && f64::from(best) / f64::from(total) >= DICT_MIN_SHARE;
            if !keep {
                return None;
            }
            Some((word, u16::try_from(class).ok()?))
        })
        .collect()
}

/// Shuffles `order` in place with a Fisher–Yates pass driven by splitmix64: deterministic for a
/// seed on every platform, and no dependency for it.
pub fn shuffle(order: &mut [usize], seed: u64) {
    let mut state = seed;
    for i in (1..order.len()).rev() {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = (z % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_a_seeded_permutation() {
        let mut a: Vec<usize> = (0..100).collect();
        let mut b = a.clone();
        shuffle(&mut a, 7);
        shuffle(&mut b, 7);
        assert_eq!(a, b);
        let mut c: Vec<usize> = (0..100).collect();
        shuffle(&mut c, 8);
        assert_ne!(a, c);
        a.sort_unstable();
        assert_eq!(a, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn dictionary_keeps_frequent_unambiguous_words() {
        let det = PosTag {
            upos: "DET",
            xpos: "DT",
        };
        let noun = PosTag {
            upos: "NOUN",
            xpos: "NN",
        };
        let verb = PosTag {
            upos: "VERB",
            xpos: "VB",
        };
        let mut sentences = Vec::new();
        for i in 0..30 {
            let second = if i % 2 == 0 { noun } else { verb };
            sentences.push(TrainSentence {
                words: vec!["the".into(), "run".into()],
                tags: vec![det, second],
            });
        }
        let trainer = TaggerTrainer::new(&sentences);
        assert_eq!(trainer.dictionary_len(), 1);
        assert_eq!(trainer.labels(), ["DET|DT", "NOUN|NN", "VERB|VB"]);
    }
}
