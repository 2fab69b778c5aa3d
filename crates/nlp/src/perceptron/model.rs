//! The runtime model and its file format.
//!
//! File layout (after gzip): magic `DLPM`, format version (u32), a type tag (length-prefixed
//! UTF-8, e.g. "tagger/upos-xpos"), number of classes (u32), the class labels (count u32, then
//! each length-prefixed), number of rows (u32), the quantization scale (f32), then per row its feature key (u32: the high half of the 64-bit feature hash; collisions among a few
//! million features are a few hundred and harmless), its number of non-zero entries
//! (u16) and that many (class u16, weight i16) pairs. Rows are sorted by key, keys unique; nothing
//! follows the last row. All little-endian.

use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

use super::table::RowTable;
use super::Cursor;

const MAGIC: &[u8; 4] = b"DLPM";
const VERSION: u32 = 2;
/// A decompressed model larger than this is refused: a damaged or hostile file must not exhaust
/// memory (the bundled models decompress to under 40 MB).
const MAX_DECODED_BYTES: u64 = 512 * 1024 * 1024;

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The bytes are not a gzip'd Dateline perceptron model.
    #[error("not a Dateline perceptron model (bad magic)")]
    BadMagic,
    /// A model written by a newer or older format.
    #[error("model format version {found} is not supported (this build reads version {VERSION})")]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
    },
    /// The model is of another kind than the caller expects.
    #[error("model is a {found:?}, expected a {expected:?}")]
    WrongType {
        /// Type tag in the file.
        found: String,
        /// Type tag the caller asked for.
        expected: String,
    },
    /// The file ends early or has inconsistent counts.
    #[error("model file is truncated or corrupt: {0}")]
    Corrupt(String),
    /// An IO error while writing.
    #[error("writing model: {0}")]
    Io(#[from] std::io::Error),
}

/// Averaged weights, ready to score. Rows are sparse: a feature stores only its non-zero class
/// weights. Immutable; share it freely between threads.
#[derive(Debug, Clone)]
pub struct Model {
    classes: usize,
    labels: Vec<String>,
    /// Feature key (see [`key32`]) → its range in the entry arrays.
    table: RowTable,
    /// Class and weight side by side: scoring a row reads one run of memory, not two.
    entries: Vec<Entry>,
}

/// One non-zero weight of a row.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    weight: f32,
    class: u16,
}

/// Rows collected in any order, sealed into a [`Model`] sorted by key.
struct ModelBuilder {
    classes: usize,
    rows: Vec<(u32, Vec<(u16, f32)>)>,
}

impl ModelBuilder {
    fn new(classes: usize) -> ModelBuilder {
        ModelBuilder {
            classes,
            rows: Vec::new(),
        }
    }

    fn push_row(&mut self, key: u32, entries: impl Iterator<Item = (u16, f32)>) {
        let entries: Vec<(u16, f32)> = entries.collect();
        if !entries.is_empty() {
            self.rows.push((key, entries));
        }
    }

    /// Sorts rows by key; rows whose keys collide are merged (their scores add up, as they did
    /// when each was looked up).
    fn seal(mut self, labels: Vec<String>) -> Model {
        self.rows.sort_by_key(|(key, _)| *key);
        let mut keys: Vec<u32> = Vec::with_capacity(self.rows.len());
        let mut starts = Vec::with_capacity(self.rows.len() + 1);
        let mut all = Vec::new();
        for (key, entries) in self.rows {
            if keys.last() != Some(&key) {
                keys.push(key);
                starts.push(all.len() as u32);
            }
            all.extend(
                entries
                    .into_iter()
                    .map(|(class, weight)| Entry { weight, class }),
            );
        }
        starts.push(all.len() as u32);
        Model {
            classes: self.classes,
            labels,
            table: RowTable::from_sorted(keys, starts),
            entries: all,
        }
    }
}

impl Model {
    /// Builds a model from dense rows (`weights.len() == keys.len() * classes`), keeping only
    /// non-zero weights.
    pub(crate) fn from_rows(classes: usize, keys: Vec<u64>, weights: Vec<f32>) -> Model {
        let mut builder = ModelBuilder::new(classes);
        for (row, key) in keys.into_iter().enumerate() {
            let dense = &weights[row * classes..(row + 1) * classes];
            let entries = dense
                .iter()
                .enumerate()
                .filter(|(_, w)| **w != 0.0)
                .map(|(c, w)| (c as u16, *w));
            builder.push_row(key32(key), entries);
        }
        builder.seal(Vec::new())
    }

    /// A copy without the weights whose absolute value is below `threshold`, and without rows
    /// left empty: a smaller model that scores almost the same.
    pub fn pruned(&self, threshold: f32) -> Model {
        let mut builder = ModelBuilder::new(self.classes);
        for (key, range) in self.table.rows() {
            let entries = self.entries[range]
                .iter()
                .filter(|e| e.weight.abs() >= threshold)
                .map(|e| (e.class, e.weight));
            builder.push_row(key, entries);
        }
        builder.seal(self.labels.clone())
    }

    /// The mean of `models` (of one class count): its scores are the mean of theirs, so a
    /// bag of models trained on different orders of the same data scores as one, with less of
    /// the chance each order brings. Labels come from the first.
    pub fn mean(models: &[Model]) -> Model {
        let classes = models.first().map_or(0, |m| m.classes);
        let share = 1.0 / models.len().max(1) as f32;
        let mut sums: std::collections::BTreeMap<u32, Vec<f32>> = Default::default();
        for model in models {
            for (key, range) in model.table.rows() {
                let row = sums.entry(key).or_insert_with(|| vec![0.0; classes]);
                for entry in &model.entries[range] {
                    if let Some(weight) = row.get_mut(entry.class as usize) {
                        *weight += entry.weight * share;
                    }
                }
            }
        }
        let mut builder = ModelBuilder::new(classes);
        for (key, row) in sums {
            let entries = row
                .into_iter()
                .enumerate()
                .filter(|(_, w)| *w != 0.0)
                .map(|(c, w)| (c as u16, w));
            builder.push_row(key, entries);
        }
        let labels = models.first().map_or_else(Vec::new, |m| m.labels.clone());
        builder.seal(labels)
    }

    /// Absolute weight at quantile `q` (0–1) over all stored weights.
    pub fn weight_quantile(&self, q: f64) -> f32 {
        let mut magnitudes: Vec<f32> = self.entries.iter().map(|e| e.weight.abs()).collect();
        if magnitudes.is_empty() {
            return 0.0;
        }
        magnitudes.sort_unstable_by(f32::total_cmp);
        let at = ((magnitudes.len() - 1) as f64 * q.clamp(0.0, 1.0)) as usize;
        magnitudes[at]
    }

    /// Attaches class names (stored in the model file).
    pub fn with_labels(mut self, labels: Vec<String>) -> Model {
        self.labels = labels;
        self
    }

    /// Class names, if the model was given them.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of feature rows.
    pub fn rows(&self) -> usize {
        self.table.len()
    }

    /// Scores every class for `features`.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        // Every row of a batch is looked up before any weight is read: the lookups are
        // independent cache misses the processor can overlap, where one loop doing both waits
        // for each row's weights before it starts on the next row. Parsing ran about a fifth
        // faster in alternating `dateline bench` runs; splitting the lookup itself further
        // (directory, then rows) was slower.
        const BATCH: usize = 64;
        let mut ranges = [(0usize, 0usize); BATCH];
        for batch in features.chunks(BATCH) {
            let mut found = 0;
            for feature in batch {
                if let Some(range) = self.table.get(key32(*feature)) {
                    ranges[found] = range;
                    found += 1;
                }
            }
            for &(first, end) in &ranges[..found] {
                for entry in &self.entries[first..end] {
                    scores[entry.class as usize] += entry.weight;
                }
            }
        }
    }

    /// The best class for `features` (the lowest index on ties).
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = Vec::with_capacity(self.classes);
        self.scores(features, &mut scores);
        argmax(&scores)
    }

    /// Writes the model, quantized and compressed, tagged with `model_type`.
    pub fn write(&self, model_type: &str, out: impl Write) -> Result<(), ModelError> {
        let mut gz = GzEncoder::new(out, Compression::best());
        let max = self.entries.iter().fold(0f32, |m, e| m.max(e.weight.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut body = Vec::with_capacity(self.table.len() * 16);
        let mut written = 0u32;
        for (key, range) in self.table.rows() {
            let entries: Vec<(u16, i16)> = self.entries[range]
                .iter()
                .map(|e| (e.class, e.weight))
                .filter_map(|(class, w)| {
                    let q = (w / scale)
                        .round()
                        .clamp(f32::from(i16::MIN), f32::from(i16::MAX))
                        as i16;
                    (q != 0).then_some((class, q))
                })
                .collect();
            if entries.is_empty() {
                continue;
            }
            written += 1;
            let count = u16::try_from(entries.len()).map_err(|_| {
                ModelError::Corrupt(format!("row {key} has {} entries", entries.len()))
            })?;
            body.extend_from_slice(&key.to_le_bytes());
            body.extend_from_slice(&count.to_le_bytes());
            for (class, q) in entries {
                body.extend_from_slice(&class.to_le_bytes());
                body.extend_from_slice(&q.to_le_bytes());
            }
        }
        gz.write_all(MAGIC)?;
        gz.write_all(&VERSION.to_le_bytes())?;
        write_str(&mut gz, model_type)?;
        gz.write_all(&(self.classes as u32).to_le_bytes())?;
        gz.write_all(&(self.labels.len() as u32).to_le_bytes())?;
        for label in &self.labels {
            write_str(&mut gz, label)?;
        }
        gz.write_all(&written.to_le_bytes())?;
        gz.write_all(&scale.to_le_bytes())?;
        gz.write_all(&body)?;
        // Flush the inner writer too: a BufWriter would otherwise drop a late write error.
        let mut out = gz.finish()?;
        out.flush()?;
        Ok(())
    }

    /// Reads a model written by [`Model::write`], checking its type tag.
    pub fn read(bytes: &[u8], expected_type: &str) -> Result<Model, ModelError> {
        let mut raw = Vec::new();
        GzDecoder::new(bytes)
            .take(MAX_DECODED_BYTES)
            .read_to_end(&mut raw)
            .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        let mut cursor = Cursor::new(&raw);
        if cursor.take(4)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = cursor.u32()?;
        if version != VERSION {
            return Err(ModelError::UnsupportedVersion { found: version });
        }
        let found = cursor.string()?;
        if found != expected_type {
            return Err(ModelError::WrongType {
                found,
                expected: expected_type.to_string(),
            });
        }
        let classes = cursor.u32()? as usize;
        // Classes are stored as u16; a count outside that range is a damaged file, and would
        // make every scoring call allocate accordingly.
        if classes == 0 || classes > usize::from(u16::MAX) {
            return Err(ModelError::Corrupt(format!("{classes} classes")));
        }
        let label_count = cursor.u32()? as usize;
        let mut labels = Vec::with_capacity(label_count.min(cursor.remaining() / 4));
        for _ in 0..label_count {
            labels.push(cursor.string()?);
        }
        let rows = cursor.u32()? as usize;
        let scale = f32::from_le_bytes(cursor.array()?);
        // Rows are stored sorted by key: read them straight into the table, sizing it once, and
        // never beyond what the remaining bytes can hold (each row takes at least 6).
        let remaining = cursor.remaining();
        let row_capacity = rows.min(remaining / 6);
        let entry_estimate = remaining.saturating_sub(row_capacity * 6) / 4;
        let mut keys = Vec::with_capacity(row_capacity);
        let mut starts = Vec::with_capacity(row_capacity + 1);
        let mut entries = Vec::with_capacity(entry_estimate);
        for _ in 0..rows {
            let key = cursor.u32()?;
            if keys.last().is_some_and(|&last| last >= key) {
                return Err(ModelError::Corrupt(format!(
                    "row keys out of order at offset {}",
                    cursor.position()
                )));
            }
            keys.push(key);
            starts.push(entries.len() as u32);
            let count = u16::from_le_bytes(cursor.array()?) as usize;
            for _ in 0..count {
                let class = u16::from_le_bytes(cursor.array()?);
                let q = i16::from_le_bytes(cursor.array()?);
                if class as usize >= classes {
                    return Err(ModelError::Corrupt(format!("class {class} of {classes}")));
                }
                entries.push(Entry {
                    weight: f32::from(q) * scale,
                    class,
                });
            }
        }
        starts.push(entries.len() as u32);
        if cursor.remaining() != 0 {
            return Err(ModelError::Corrupt(format!(
                "{} bytes after the last row",
                cursor.remaining()
            )));
        }
        Ok(Model {
            classes,
            labels,
            table: RowTable::from_sorted(keys, starts),
            entries,
        })
    }
}

/// The stored key of a 64-bit feature hash.
fn key32(feature: u64) -> u32 {
    (feature >> 32) as u32
}

fn write_str(out: &mut impl Write, text: &str) -> Result<(), ModelError> {
    out.write_all(&(text.len() as u32).to_le_bytes())?;
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Index of the highest score (the lowest index on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_of_models_scores_the_mean_of_their_scores() {
        let a = Model::from_rows(2, vec![1 << 32, 2 << 32], vec![1.0, -1.0, 4.0, 0.0])
            .with_labels(vec!["X".into(), "Y".into()]);
        let b = Model::from_rows(2, vec![2 << 32, 3 << 32], vec![2.0, 2.0, 0.0, 6.0]);
        let mean = Model::mean(&[a.clone(), b.clone()]);
        assert_eq!(mean.labels(), ["X", "Y"]);
        assert_eq!(mean.rows(), 3);
        let (mut sa, mut sb, mut sm) = (Vec::new(), Vec::new(), Vec::new());
        for features in [
            vec![1 << 32],
            vec![2 << 32, 3 << 32],
            vec![1 << 32, 2 << 32, 3 << 32],
        ] {
            a.scores(&features, &mut sa);
            b.scores(&features, &mut sb);
            mean.scores(&features, &mut sm);
            for class in 0..2 {
                assert!((sm[class] - (sa[class] + sb[class]) / 2.0).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn write_read_round_trip_keeps_predictions() {
        let model = Model::from_rows(
            3,
            vec![11 << 32, 22 << 32, 33 << 32],
            vec![1.0, -0.5, 0.0, 0.0, 2.0, -1.0, 0.25, 0.0, 3.0],
        )
        .with_labels(vec!["A".into(), "B".into(), "C".into()]);
        let mut bytes = Vec::new();
        model.write("test/kind", &mut bytes).unwrap();
        let back = Model::read(&bytes, "test/kind").unwrap();
        assert_eq!(back.rows(), 3);
        assert_eq!(back.labels(), ["A", "B", "C"]);
        for features in [
            vec![11 << 32],
            vec![22 << 32],
            vec![33 << 32],
            vec![11 << 32, 22 << 32, 33 << 32],
            vec![99 << 32],
        ] {
            assert_eq!(back.predict(&features), model.predict(&features));
        }
        assert!(matches!(
            Model::read(&bytes, "other"),
            Err(ModelError::WrongType { .. })
        ));
        assert!(matches!(
            Model::read(&bytes[..bytes.len() / 2], "test/kind"),
            Err(ModelError::Corrupt(_))
        ));
        assert!(Model::read(b"not a model", "test/kind").is_err());
    }
}
