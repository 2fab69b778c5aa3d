//! `dateline eval`: scores a component against gold data and prints a table whose last line is
//! `<component> F1 0.xxxx`.

pub mod actors;
pub mod conllu;
pub mod deps;
pub mod events;
mod events_jsonl;
pub mod geo;
pub mod geo_gold;
pub mod gum;
pub mod iob;
pub mod ner;
pub mod pos;
mod press_gold;
pub mod quotes;
pub mod quotes_jsonl;
pub mod sbd;
pub mod time;
pub mod timeml;
pub mod ud;

use std::fmt::Write as _;

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Predicted and in gold.
    pub true_positives: usize,
    /// Predicted, not in gold.
    pub false_positives: usize,
    /// In gold, not predicted.
    pub false_negatives: usize,
}

impl Counts {
    /// Adds another count.
    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }

    /// Precision; 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Recall; 1.0 when gold is empty.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// F1, but 0 for a class with neither gold nor predictions (for macro averages).
    pub fn f1_or_zero(&self) -> f64 {
        if self.true_positives + self.false_positives + self.false_negatives == 0 {
            0.0
        } else {
            self.f1()
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// A P/R/F1 table row per named count.
pub fn table(rows: &[(&str, Counts)]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "", "gold", "pred", "tp", "P", "R", "F1"
    );
    for (name, counts) in rows {
        let _ = writeln!(
            out,
            "{:<28} {:>7} {:>7} {:>7} {:>7.4} {:>7.4} {:>7.4}",
            name,
            counts.true_positives + counts.false_negatives,
            counts.true_positives + counts.false_positives,
            counts.true_positives,
            counts.precision(),
            counts.recall(),
            counts.f1()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts() {
        let counts = Counts {
            true_positives: 8,
            false_positives: 2,
            false_negatives: 0,
        };
        assert!((counts.precision() - 0.8).abs() < 1e-9);
        assert!((counts.recall() - 1.0).abs() < 1e-9);
        assert!((counts.f1() - 0.888_888_9).abs() < 1e-6);
        assert_eq!(Counts::default().f1(), 1.0);
    }
}
