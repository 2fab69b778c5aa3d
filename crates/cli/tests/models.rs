//! The bundled models: every file in `data/models` matches its manifest entry, and the models
//! analyze the reference sentence as the issue asks.

mod common;

use common::{dateline_with_stdin, stderr, stdout, workspace};
use dateline_cli::train::manifest::{sha256_hex, Manifest};
use dateline_core::schema::Analysis;

#[test]
fn model_files_match_the_manifest_checksums() {
    let dir = workspace().join("data/models");
    let manifest: Manifest =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    for name in [
        "tagger.bin.gz",
        "lemmas.tsv.gz",
        "parser-transitions.bin.gz",
        "parser-labels.bin.gz",
    ] {
        let entry = manifest
            .get(name)
            .unwrap_or_else(|| panic!("{name} has no manifest entry"));
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert_eq!(bytes.len() as u64, entry.bytes, "{name} size");
        assert_eq!(
            sha256_hex(&bytes),
            entry.sha256,
            "{name} checksum: retrain with `dateline train` to update"
        );
        assert!(
            !entry.command.is_empty() && !entry.training_data.is_empty(),
            "{name} provenance"
        );
    }
    let total: u64 = manifest.values().map(|e| e.bytes).sum();
    assert!(
        total <= 40 * 1024 * 1024,
        "models total {total} bytes, over the 40 MB budget"
    );
}

fn analyze_tokens(text: &str) -> Analysis {
    let output = dateline_with_stdin(&["analyze", "-", "--format", "jsonl", "--tokens"], text);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(stdout(&output).trim_end()).unwrap()
}

#[test]
fn tokens_carry_tags_lemmas_and_a_tree() {
    let analysis = analyze_tokens("Trump ruled out ground troops. Putin met Zelenskyy in Moscow.");
    assert!(
        analysis.diagnostics.is_empty(),
        "{:?}",
        analysis.diagnostics
    );
    let tokens = analysis.tokens.unwrap();
    let find = |word: &str| tokens.iter().position(|t| t.text == word).unwrap();
    assert_eq!(tokens[find("ruled")].lemma.as_deref(), Some("rule"));
    assert_eq!(tokens[find("met")].lemma.as_deref(), Some("meet"));
    assert_eq!(tokens[find("ruled")].pos.as_deref(), Some("VERB"));
    // Every sentence has exactly one root (its own head) and heads stay inside the sentence.
    for sentence in &analysis.sentences {
        let inside: Vec<usize> = (0..tokens.len())
            .filter(|&i| tokens[i].start >= sentence.start && tokens[i].end <= sentence.end)
            .collect();
        let roots = inside
            .iter()
            .filter(|&&i| tokens[i].head == Some(i as u32))
            .count();
        assert_eq!(roots, 1);
        for &i in &inside {
            let head = tokens[i].head.unwrap() as usize;
            assert!(inside.contains(&head));
        }
    }
}
