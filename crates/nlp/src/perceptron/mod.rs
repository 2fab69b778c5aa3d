//! Averaged multi-class perceptron over hashed features: the learner behind the tagger, the
//! parser and the dependency labeller.
//!
//! Features are 64-bit hashes ([`FeatureHasher`]); each feature seen in an update owns a dense row
//! of one weight per class. [`Trainer`] learns with lazy averaging; [`Trainer::finish`] averages,
//! prunes and returns a [`Model`], which [`Model::write`] stores quantized to 16 bits and
//! gzip-compressed, and [`Model::read`] loads back with a type tag and version check.

mod cursor;
mod features;
mod model;
mod table;
mod train;

pub(crate) use cursor::Cursor;
pub use features::{FeatureHasher, Features};
pub use model::{argmax, Model, ModelError};
pub use train::Trainer;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature hashes are already well mixed, so the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) | u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Feature hash → row index.
pub(crate) type RowIndex = HashMap<u64, u32, BuildHasherDefault<PassThroughHasher>>;
