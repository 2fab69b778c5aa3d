//! `data/models/manifest.json`: what each model file is and how it was made.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One model file's entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelEntry {
    /// The model's type tag inside the file.
    pub model_type: String,
    /// Hex sha256 of the file.
    pub sha256: String,
    /// File size in bytes.
    pub bytes: u64,
    /// The command that made it.
    pub command: String,
    /// Training files (as paths relative to the shared data folder when possible).
    pub training_data: Vec<String>,
    /// Development file.
    pub dev_data: String,
    /// UTC date of training.
    pub trained_on: String,
    /// Scores on the development data, by name ("upos", "uas", …).
    pub dev_scores: BTreeMap<String, f64>,
    /// Anything else worth knowing (epochs, seed, feature counts).
    pub notes: BTreeMap<String, String>,
}

impl ModelEntry {
    /// An entry for a model trained now by this command line; `record` fills size and sha256.
    pub fn trained_now(
        model_type: &str,
        training_data: &[std::path::PathBuf],
        dev_data: Option<&Path>,
        dev_scores: BTreeMap<String, f64>,
        notes: BTreeMap<String, String>,
    ) -> ModelEntry {
        ModelEntry {
            model_type: model_type.to_string(),
            sha256: String::new(),
            bytes: 0,
            command: super::command_line(),
            training_data: training_data
                .iter()
                .map(|p| super::manifest_path(p))
                .collect(),
            dev_data: dev_data.map(super::manifest_path).unwrap_or_default(),
            trained_on: today(),
            dev_scores,
            notes,
        }
    }
}

/// The manifest: file name → entry.
pub type Manifest = BTreeMap<String, ModelEntry>;

/// Hex sha256 of a file's bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Adds or replaces the entry for `model_file` in the manifest beside it.
pub fn record(model_file: &Path, mut entry: ModelEntry) -> Result<()> {
    let bytes = std::fs::read(model_file)
        .with_context(|| format!("{}: cannot read", model_file.display()))?;
    entry.sha256 = sha256_hex(&bytes);
    entry.bytes = bytes.len() as u64;
    let dir = model_file.parent().unwrap_or_else(|| Path::new("."));
    let manifest_path = dir.join("manifest.json");
    let mut manifest: Manifest = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => serde_json::from_str(&text)
            .with_context(|| format!("{}: malformed", manifest_path.display()))?,
        Err(_) => Manifest::new(),
    };
    let name = model_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    manifest.insert(name, entry);
    let text = serde_json::to_string_pretty(&manifest)?;
    std::fs::write(&manifest_path, text + "\n")
        .with_context(|| format!("{}: cannot write", manifest_path.display()))?;
    Ok(())
}

/// Today's date, UTC, as YYYY-MM-DD.
pub fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}
