//! `dateline analyze` and `dateline eval time` on time expressions: the seed's dates against its
//! publication date, null values with reasons without one, and TempEval-3 scoring of a small
//! TimeML fixture written for the test.

mod common;

use common::{analyze_seed, dateline, stderr, stdout};
use serde_json::Value;

fn analysis(args: &[&str]) -> Value {
    let output = dateline(args);
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("json")
}

fn seed() -> Option<String> {
    Some(
        common::shared()?
            .join("seed/article.txt")
            .to_str()?
            .to_string(),
    )
}

/// (text, value) of each time expression.
fn times(analysis: &Value) -> Vec<(String, Option<String>)> {
    analysis["times"]
        .as_array()
        .expect("times")
        .iter()
        .map(|t| {
            (
                t["text"].as_str().unwrap_or_default().to_string(),
                t["value"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn seed_dates_against_its_publication_date() {
    let Some(analysis) = analyze_seed() else {
        return;
    };
    let times = times(&analysis);
    let has = |text: &str, value: &str| {
        times
            .iter()
            .any(|(t, v)| t == text && v.as_deref() == Some(value))
    };
    assert!(has("Tuesday", "2025-08-19"), "{times:?}");
    assert!(has("Monday", "2025-08-18"), "{times:?}");
    assert!(has("Tuesday evening", "2025-08-19TEV"), "{times:?}");
    assert!(has("Wednesday", "2025-08-20"), "{times:?}");
    assert!(has("2022", "2022"), "{times:?}");
    // "a day after [the ruling-out]" and "three days after [the Alaska summit]".
    let relations: Vec<(String, String)> = analysis["times"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| {
            let r = &t["relation"];
            Some((
                r["event"]["text"].as_str()?.to_string(),
                r["event_date"].as_str()?.to_string(),
            ))
        })
        .collect();
    assert!(
        relations
            .iter()
            .any(|(e, d)| e.contains("ruled out") && d == "2025-08-18"),
        "{relations:?}"
    );
    assert!(
        relations
            .iter()
            .any(|(e, d)| e.contains("in Alaska") && d == "2025-08-15"),
        "{relations:?}"
    );
}

#[test]
fn seed_without_a_date_gives_null_values_with_reasons() {
    let Some(seed) = seed() else { return };
    let analysis = analysis(&["analyze", &seed, "--format", "json"]);
    let all = analysis["times"].as_array().expect("times");
    let monday = all.iter().find(|t| t["text"] == "Monday").expect("Monday");
    assert!(monday["value"].is_null());
    assert!(monday["why"].as_str().unwrap().contains("document date"));
    assert!(all
        .iter()
        .any(|t| t["text"] == "2022" && t["value"] == "2022"));
}

#[test]
fn eval_time_scores_a_small_timeml_fixture() {
    let dir = std::env::temp_dir().join(format!("dateline-timeml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tml = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" \
        value=\"2025-08-19\" functionInDocument=\"CREATION_TIME\">20250819</TIMEX3></DCT>\n\
        <TEXT>\nThe ministers <EVENT eid=\"e1\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" \
        value=\"2025-08-18\">Monday</TIMEX3> for <TIMEX3 tid=\"t2\" type=\"DURATION\" \
        value=\"PT3H\">three hours</TIMEX3>.\n</TEXT>\n</TimeML>\n";
    std::fs::write(dir.join("story.tml"), tml).unwrap();
    // A broken file is reported with its line and does not stop the run.
    std::fs::write(
        dir.join("broken.tml"),
        "<TimeML>\n<TEXT>\n<TIMEX3 type=\"DATE\">x\n",
    )
    .unwrap();
    let output = dateline(&["eval", "time", "--gold", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("broken.tml:2: <TEXT> is never closed"),
        "{}",
        stderr(&output)
    );
    let report = stdout(&output);
    assert!(report.contains("1 documents (1 unreadable"), "{report}");
    assert!(
        report
            .trim_end()
            .ends_with("time relaxed F1 1.0000 value F1 1.0000"),
        "{report}"
    );
}
