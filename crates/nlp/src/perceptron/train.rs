//! Training: perceptron updates with lazy averaging.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::model::Model;
use super::{PassThroughHasher, RowIndex};

/// Learns weights. Averaging is lazy: each weight remembers when it last changed, so an update
/// costs only the touched weights.
#[derive(Debug, Clone)]
pub struct Trainer {
    classes: usize,
    index: RowIndex,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
    /// A feature gets weights only from its `min_updates`-th update on; until then it is only
    /// counted here. Features met in a single mistake carry noise and most of a model's size.
    pending: HashMap<u64, u8, BuildHasherDefault<PassThroughHasher>>,
    min_updates: u8,
}

impl Trainer {
    /// A trainer for `classes` classes.
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes: classes.max(1),
            index: RowIndex::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            step: 0,
            pending: HashMap::default(),
            min_updates: 1,
        }
    }

    /// Gives a feature weights only once it has taken part in `min_updates` updates.
    pub fn with_min_updates(mut self, min_updates: u8) -> Trainer {
        self.min_updates = min_updates.max(1);
        self
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Scores every class for `features` with the current (not averaged) weights.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.classes, 0.0);
        for feature in features {
            if let Some(&row) = self.index.get(feature) {
                let start = row as usize * self.classes;
                for (score, weight) in scores
                    .iter_mut()
                    .zip(&self.weights[start..start + self.classes])
                {
                    *score += weight;
                }
            }
        }
    }

    /// Moves weight from `guess` to `truth` for every feature; nothing when they agree.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess || truth >= self.classes || guess >= self.classes {
            return;
        }
        for &feature in features {
            if self.min_updates > 1 && !self.index.contains_key(&feature) {
                let seen = self.pending.entry(feature).or_insert(0);
                *seen += 1;
                if *seen < self.min_updates {
                    continue;
                }
                self.pending.remove(&feature);
            }
            let row = self.row(feature);
            self.nudge(row * self.classes + truth, 1.0);
            self.nudge(row * self.classes + guess, -1.0);
        }
    }

    /// Adds `delta` to `class`'s weight of every feature: one side of an update whose two sides
    /// have different features (a sequence model's gold and guessed label contexts). Admits
    /// every feature at once, whatever [`Trainer::with_min_updates`] says.
    pub fn reward(&mut self, features: &[u64], class: usize, delta: f32) {
        if class >= self.classes {
            return;
        }
        for &feature in features {
            let row = self.row(feature);
            self.nudge(row * self.classes + class, delta);
        }
    }

    /// Advances the clock once per training example (after its update, if any).
    pub fn tick(&mut self) {
        self.step = self.step.saturating_add(1);
    }

    fn row(&mut self, feature: u64) -> usize {
        let next = self.index.len() as u32;
        let row = *self.index.entry(feature).or_insert(next) as usize;
        if row == next as usize {
            let len = self.weights.len() + self.classes;
            self.weights.resize(len, 0.0);
            self.totals.resize(len, 0.0);
            self.stamps.resize(len, self.step);
        }
        row
    }

    fn nudge(&mut self, slot: usize, delta: f32) {
        let elapsed = f64::from(self.step - self.stamps[slot]);
        self.totals[slot] += elapsed * f64::from(self.weights[slot]);
        self.stamps[slot] = self.step;
        self.weights[slot] += delta;
    }

    /// Averages the weights over all steps and builds the runtime model. Weights whose absolute
    /// average is below `prune_below` are dropped, and so are rows left empty.
    pub fn finish(self, prune_below: f32) -> Model {
        let steps = f64::from(self.step.max(1));
        let mut entries: Vec<(u64, usize)> =
            self.index.iter().map(|(&k, &r)| (k, r as usize)).collect();
        entries.sort_unstable();
        let mut keys = Vec::with_capacity(entries.len());
        let mut weights = Vec::with_capacity(entries.len() * self.classes);
        let mut row = vec![0f32; self.classes];
        for (key, index) in entries {
            let start = index * self.classes;
            let mut keep = false;
            for (class, weight) in row.iter_mut().enumerate() {
                let slot = start + class;
                let elapsed = f64::from(self.step - self.stamps[slot]);
                let total = self.totals[slot] + elapsed * f64::from(self.weights[slot]);
                let average = (total / steps) as f32;
                *weight = if average.abs() < prune_below {
                    0.0
                } else {
                    average
                };
                keep |= *weight != 0.0;
            }
            if keep {
                keys.push(key);
                weights.extend_from_slice(&row);
            }
        }
        Model::from_rows(self.classes, keys, weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        // Class = which of three "words" is present; a bias feature is shared by all.
        let examples: Vec<(Vec<u64>, usize)> = (0..30)
            .map(|i| (vec![(100 + (i % 3) as u64) << 32, 7 << 32], i % 3))
            .collect();
        let mut trainer = Trainer::new(3);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (features, truth) in &examples {
                trainer.scores(features, &mut scores);
                let guess = argmax(&scores);
                trainer.update(features, *truth, guess);
                trainer.tick();
            }
        }
        let model = trainer.finish(0.0);
        for (features, truth) in &examples {
            assert_eq!(model.predict(features), *truth);
        }
    }

    fn argmax(scores: &[f32]) -> usize {
        let mut best = 0;
        for (i, s) in scores.iter().enumerate() {
            if *s > scores[best] {
                best = i;
            }
        }
        best
    }
}
