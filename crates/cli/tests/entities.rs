//! `eval ner`, `eval actors` and `analyze --kb` through the binary: small fixtures written here
//! check the scorers and the error paths; the shared gold sets (skipped where `../shared` is
//! absent) guard against regressions. Figures are recorded in docs/EVALUATION.md.

mod common;

use common::{analyze_seed, dateline, shared, stderr, stdout};

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-entities-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn last_score(output: &str, prefix: &str) -> f64 {
    let last = output.lines().last().unwrap_or_default();
    last.strip_prefix(prefix)
        .unwrap_or_else(|| panic!("last line {last:?} lacks {prefix:?}"))
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn eval_ner_scores_exact_spans_on_a_small_fixture() {
    let gold = temp_file(
        "gold.conll",
        "-DOCSTART- -X- -X- O\n\nGerman NNP B-NP B-MISC\nChancellor NNP I-NP O\nAngela NNP I-NP B-PER\nMerkel NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP B-LOC\n. . O O\n",
    );
    let output = dateline(&[
        "eval",
        "ner",
        "--gold",
        gold.to_str().unwrap(),
        "--errors",
        "5",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("PER+LOC+ORG"), "{text}");
    assert_eq!(last_score(&text, "ner F1 "), 1.0, "{text}");
}

#[test]
fn eval_ner_names_the_bad_line() {
    let gold = temp_file("bad.conll", "Paris NNP B-NP B-LOC\nBonn NNP B-NP LOC\n");
    let output = dateline(&["eval", "ner", "--gold", gold.to_str().unwrap()]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("bad.conll") && err.contains("line 2"), "{err}");
}

#[test]
fn eval_actors_on_a_small_fixture() {
    let gold = temp_file(
        "actors.jsonl",
        concat!(
            r#"{"test": "a", "method": "agent_to_code", "input": "Russian President Vladimir Putin", "context": null, "date": "2025-08-19", "expected": {"country": "RUS", "code_1": "GOV"}}"#,
            "\n",
            r#"{"test": "b", "method": "agent_to_code", "input": "Kyiv police", "context": null, "date": null, "expected": {"country": "UKR", "code_1": "COP"}}"#,
            "\n",
            r#"{"test": "c", "method": "query_wiki", "input": "Abkhazia", "context": null, "date": null, "expected": {"title": "Abkhazia"}}"#,
            "\n"
        ),
    );
    let output = dateline(&["eval", "actors", "--gold", gold.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("2 agent_to_code cases"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("actors country 1.0000 sector 1.0000"),
        "{text}"
    );
}

#[test]
fn analyze_takes_user_kb_files_and_refuses_bad_ones() {
    let kb = temp_file(
        "people-local.tsv",
        "name\tvariants\tcountry\toffice\ttitle\tsector\tstart\tend\tnotes\nOksana Hrytsenko\tHrytsenko\tUKR\tother\tMayor\tGOV\t2020\t\tinvented for this test\n",
    );
    let text = temp_file("story.txt", "Oksana Hrytsenko opened the bridge.\n");
    let output = dateline(&[
        "analyze",
        text.to_str().unwrap(),
        "--format",
        "json",
        "--kb",
        kb.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let entity = &analysis["entities"][0];
    assert_eq!(entity["kb"], "person:ukr-oksana-hrytsenko");
    assert_eq!(entity["code"], "UKRGOV");
    let bad = temp_file("people-bad.tsv", "name\tvariants\tcountry\toffice\ttitle\tsector\tstart\tend\tnotes\nX\t\tUKR\tmayor\t\t\t\t\t\n");
    let output = dateline(&[
        "analyze",
        text.to_str().unwrap(),
        "--kb",
        bad.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("people-bad.tsv:2:") && err.contains("office"),
        "{err}"
    );
}

#[test]
fn conll_dev_ner_f1_does_not_regress() {
    let Some(_) = shared() else { return };
    let output = dateline(&["eval", "ner"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(last_score(&stdout(&output), "ner F1 ") >= 0.90);
}

#[test]
fn the_seed_people_are_found_once_with_country_and_sector() {
    let Some(analysis) = analyze_seed() else {
        return;
    };
    let entities = analysis["entities"].as_array().unwrap();
    for (name, code) in [
        ("Donald Trump", "USAGOV"),
        ("Volodymyr Zelenskyy", "UKRGOV"),
        ("Vladimir Putin", "RUSGOV"),
        ("Dan Caine", "USAMIL"),
        ("Karoline Leavitt", "USAGOV"),
        ("Emmanuel Macron", "FRAGOV"),
        ("Keir Starmer", "GBRGOV"),
        ("Sergei Lavrov", "RUSGOV"),
        ("Scott Bessent", "USAGOV"),
    ] {
        let found: Vec<&serde_json::Value> =
            entities.iter().filter(|e| e["name"] == name).collect();
        assert_eq!(found.len(), 1, "{name}");
        assert_eq!(found[0]["code"], code, "{name}");
    }
    let anton = entities
        .iter()
        .find(|e| e["name"] == "Anton")
        .expect("Anton");
    assert_eq!(anton["age"], 32);
}
