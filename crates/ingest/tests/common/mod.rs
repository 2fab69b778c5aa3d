//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use dateline_core::Doc;
use dateline_ingest::{open, IngestConfig, IngestError, Summary};

/// The path of a fixture, as a string input.
pub fn fixture(relative: &str) -> String {
    format!("{}/tests/fixtures/{relative}", env!("CARGO_MANIFEST_DIR"))
}

/// Everything the inputs yield, split into documents and errors, plus the summary.
pub fn read_all(inputs: &[String], config: &IngestConfig) -> (Vec<Doc>, Vec<IngestError>, Summary) {
    let mut documents = open(inputs, config);
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for result in documents.by_ref() {
        match result {
            Ok(doc) => docs.push(doc),
            Err(error) => errors.push(error),
        }
    }
    (docs, errors, *documents.summary())
}

/// Reads fixtures with the default configuration.
pub fn read_fixtures(relative: &[&str]) -> (Vec<Doc>, Vec<IngestError>, Summary) {
    let inputs: Vec<String> = relative.iter().map(|r| fixture(r)).collect();
    read_all(&inputs, &IngestConfig::default())
}

/// A fresh, empty scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("ingest-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The shared corpora directory, or `None` (with a message) when it is not checked out.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} is absent", path.display());
        None
    }
}

/// The warning messages of a document.
pub fn warnings(doc: &Doc) -> Vec<String> {
    doc.diagnostics()
        .iter()
        .map(|d| d.message.clone())
        .collect()
}
