//! Where the CLI finds model files: `$DATELINE_MODELS`, else `data/models` under the current
//! directory (the repository root when run from a checkout).

use std::path::PathBuf;

use anyhow::{Context, Result};

/// The models folder.
pub fn models_dir() -> PathBuf {
    std::env::var_os("DATELINE_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data/models"))
}

/// Reads one model file from the models folder.
pub fn read_model(name: &str) -> Result<Vec<u8>> {
    read_model_in(&models_dir(), name)
}

/// Reads one model file from `dir`.
pub fn read_model_in(dir: &std::path::Path, name: &str) -> Result<Vec<u8>> {
    let path = dir.join(name);
    std::fs::read(&path).with_context(|| {
        format!(
            "{}: cannot read model (set DATELINE_MODELS or run from the repository root)",
            path.display()
        )
    })
}
