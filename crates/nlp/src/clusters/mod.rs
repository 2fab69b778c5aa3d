//! Word clusters induced from unlabeled news (the exchange algorithm, [`exchange`]): words that
//! occur in the same contexts share a class, so a feature on the class generalizes from
//! "Kharkiv" seen in training to "Zaporizhzhia" never seen. Two granularities, fine and coarse.
//!
//! The file (`data/models/clusters.tsv.gz`) is gzip'd UTF-8 TSV, one `word\tfine\tcoarse` line per
//! word, written by `dateline train clusters`.

mod exchange;

use std::collections::HashMap;
use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

pub use exchange::exchange;

use crate::normalize::straight_quote;
use crate::perceptron::ModelError;

/// Word → (fine class, coarse class).
#[derive(Debug, Clone, Default)]
pub struct WordClusters {
    classes: HashMap<String, (u16, u16)>,
}

/// The form a word is clustered under: quotes straightened, digits folded to `0`.
pub fn cluster_key(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '0'
            } else {
                straight_quote(c)
            }
        })
        .collect()
}

impl WordClusters {
    /// Induces clusters from a corpus of words (sentence breaks as `None`): words seen at least
    /// `min_count` times are clustered into `fine` and, separately, `coarse` classes.
    pub fn induce(
        corpus: &[Option<String>],
        min_count: u32,
        fine: usize,
        coarse: usize,
        iterations: usize,
    ) -> WordClusters {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for word in corpus.iter().flatten() {
            *counts.entry(word).or_default() += 1;
        }
        let mut vocabulary: Vec<&str> = counts
            .iter()
            .filter(|(_, &c)| c >= min_count)
            .map(|(w, _)| *w)
            .collect();
        vocabulary.sort_unstable();
        let index: HashMap<&str, u32> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u32))
            .collect();
        let ids: Vec<Option<u32>> = corpus
            .iter()
            .map(|w| w.as_deref().and_then(|w| index.get(w).copied()))
            .collect();
        let fine_classes = exchange(&ids, vocabulary.len(), fine, iterations);
        let coarse_classes = exchange(&ids, vocabulary.len(), coarse, iterations);
        let classes = vocabulary
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), (fine_classes[i], coarse_classes[i])))
            .collect();
        WordClusters { classes }
    }

    /// Reads a file written by [`WordClusters::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<WordClusters, ModelError> {
        let mut text = String::new();
        GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| ModelError::Corrupt(format!("clusters: {e}")))?;
        let mut classes = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let bad = || {
                ModelError::Corrupt(format!(
                    "clusters line {}: expected word, fine, coarse",
                    number + 1
                ))
            };
            let mut fields = line.split('\t');
            let (Some(word), Some(fine), Some(coarse), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad());
            };
            let fine = fine.parse().map_err(|_| bad())?;
            let coarse = coarse.parse().map_err(|_| bad())?;
            classes.insert(word.to_string(), (fine, coarse));
        }
        Ok(WordClusters { classes })
    }

    /// Serializes, sorted by word (deterministic bytes).
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut lines: Vec<(&String, &(u16, u16))> = self.classes.iter().collect();
        lines.sort();
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        for (word, (fine, coarse)) in lines {
            writeln!(gz, "{word}\t{fine}\t{coarse}")
                .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        }
        gz.finish().map_err(|e| ModelError::Corrupt(e.to_string()))
    }

    /// Number of clustered words.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    /// Whether no word is clustered.
    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The classes of a word (as [`cluster_key`] folds it), if clustered.
    pub fn get(&self, word: &str) -> Option<(u16, u16)> {
        self.classes.get(&cluster_key(word)).copied()
    }
}
