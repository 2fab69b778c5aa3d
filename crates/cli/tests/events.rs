//! `dateline eval events` on a small PLOVER-GSR-shaped fixture written for the test.

mod common;

use common::{dateline, stderr, stdout};

#[test]
fn eval_events_scores_a_small_fixture() {
    let dir = std::env::temp_dir().join(format!("dateline-events-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gold = r#"[
      {"id": "x-1", "event": "DOCUMENT", "eventText": "notes"},
      {"id": "x-2", "event": "FIGHT", "eventText": "attacked", "date": "2024-01-01",
       "text": "Russian forces attacked Ukraine on Monday.",
       "source": [{"actorText": "Russian forces", "code": "RUSMIL"}],
       "target": [{"actorText": "Ukraine", "code": "UKR"}], "context": "military"},
      {"id": "x-3", "event": "REJECT", "eventText": "rejected", "date": "2024-01-02",
       "cameo": "120", "target": "",
       "text": "Iran rejected the proposal on Tuesday.",
       "source": [{"actorText": "Iran", "code": "IRN"}]}
    ]"#;
    let path = dir.join("gsr.json");
    std::fs::write(&path, gold).unwrap();
    let output = dateline(&["eval", "events", "--gold", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("2 sentences"), "{report}");
    // FIGHT is ASSAULT in the current ontology.
    assert!(report.contains("type accuracy 2/2"), "{report}");
    // A missing target written as "" is no target; a record's CAMEO code is scored by root.
    assert!(report.contains("CAMEO root code 1/1"), "{report}");
    assert!(report.contains("target country 1/1"), "{report}");
    // A string context is read as names; an attack is military.
    assert!(
        report.contains("context (one of ours among the gold's) 1/1"),
        "{report}"
    );
    let last = report.lines().last().unwrap_or_default();
    assert!(last.starts_with("events type macro-F1 "), "{report}");
}

#[test]
fn eval_events_reads_our_press_release_gold() {
    if common::shared().is_none() {
        return;
    }
    let output = dateline(&[
        "eval",
        "events",
        "--gold",
        "data/gold/press-release-events.jsonl",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Every annotated span is found in its press release.
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("30 documents, 204 gold events"), "{report}");
    let last = report.lines().last().unwrap_or_default();
    assert!(last.starts_with("events typed F1 "), "{report}");
}
