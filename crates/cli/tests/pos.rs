//! `dateline eval pos` on a slice of EWT test (skipped where `../shared` is absent). Guards
//! against regressions; the full figures are in the tagger's manifest entry and the report.

mod common;

use common::{dateline, shared, stderr, stdout};

fn last_line_score(output: &str) -> f64 {
    let last = output.lines().last().unwrap_or_default();
    let score = last
        .strip_prefix("pos UPOS ")
        .unwrap_or_else(|| panic!("last line {last:?}"));
    score.trim().parse().unwrap()
}

/// The first `n` sentences of EWT test, written to a temporary file.
fn slice(shared: &std::path::Path, n: usize) -> std::path::PathBuf {
    let text = std::fs::read_to_string(shared.join("data/ud/UD_English-EWT/en_ewt-ud-test.conllu"))
        .unwrap();
    let part: Vec<&str> = text.split("\n\n").take(n).collect();
    let path =
        std::env::temp_dir().join(format!("dateline-pos-slice-{}.conllu", std::process::id()));
    std::fs::write(&path, part.join("\n\n") + "\n\n").unwrap();
    path
}

#[test]
fn gold_and_own_tokens_on_an_ewt_slice() {
    let Some(shared) = shared() else { return };
    let gold = slice(&shared, 300);
    let gold_arg = gold.to_str().unwrap();
    let output = dateline(&["eval", "pos", "--gold", gold_arg, "--errors", "5"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("lemma"), "{text}");
    assert!(last_line_score(&text) >= 0.93, "{text}");
    let output = dateline(&["eval", "pos", "--gold", gold_arg, "--own-tokens"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("token boundaries"), "{text}");
    assert!(last_line_score(&text) >= 0.85, "{text}");
    let _ = std::fs::remove_file(gold);
}
