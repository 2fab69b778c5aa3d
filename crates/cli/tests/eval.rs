//! `dateline eval sbd` on the shared gold sets (skipped where `../shared` is absent). These guard
//! against regressions; the figures themselves are recorded in docs/EVALUATION.md.

mod common;

use common::{dateline, shared, stderr, stdout};

fn last_line_score(output: &str, prefix: &str) -> f64 {
    let last = output.lines().last().unwrap_or_default();
    let score = last
        .strip_prefix(prefix)
        .unwrap_or_else(|| panic!("last line {last:?} lacks {prefix:?}"));
    score.trim().parse().unwrap()
}

#[test]
fn golden_rules_at_least_47_of_48() {
    let Some(_) = shared() else { return };
    let output = dateline(&["eval", "sbd", "--errors", "10"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let exact = text
        .lines()
        .find_map(|l| l.strip_prefix("cases segmented exactly right: "))
        .unwrap();
    let right: usize = exact.split('/').next().unwrap().parse().unwrap();
    assert!(right >= 47, "{text}");
    assert!(last_line_score(&text, "sbd F1 ") >= 0.98);
}

#[test]
fn gum_news_boundary_f1_at_least_098() {
    let Some(shared) = shared() else { return };
    let gum = shared.join("data/ud/UD_English-GUM");
    let output = dateline(&[
        "eval",
        "sbd",
        "--gold",
        gum.to_str().unwrap(),
        "--doc-prefix",
        "GUM_news_",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        last_line_score(&stdout(&output), "sbd F1 ") >= 0.98,
        "{}",
        stdout(&output)
    );
}

#[test]
fn missing_gold_is_a_clear_error() {
    let output = dateline(&["eval", "sbd", "--gold", "/nonexistent/gold.jsonl"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("/nonexistent/gold.jsonl"));
}
