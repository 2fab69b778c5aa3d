//! `dateline analyze` end to end: the contract, sentences, golden documents, bad input.

mod common;

use common::{dateline, dateline_with_stdin, stderr, stdout, workspace};
use dateline_core::schema::Analysis;

/// Parses one JSON analysis and checks it against the typed contract: every field present with
/// the right type, nothing unknown (a typed round trip gives back the same JSON).
fn parse_contract(json: &str) -> Analysis {
    let value: serde_json::Value = serde_json::from_str(json).expect("output is JSON");
    let analysis: Analysis =
        serde_json::from_value(value.clone()).expect("output matches the contract");
    assert_eq!(
        serde_json::to_value(&analysis).unwrap(),
        value,
        "output has fields the contract types lack"
    );
    analysis
}

fn char_slice(text: &str, start: u32, end: u32) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn seed_article_validates_against_the_contract() {
    let output = dateline(&[
        "analyze",
        "examples/afp-ukraine-peace-diplomacy.txt",
        "--date",
        "2025-08-19",
        "--source",
        "AFP",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis = parse_contract(&stdout(&output));
    assert_eq!(analysis.schema, "dateline.analysis/1");
    let document = &analysis.document;
    assert_eq!(document.published.as_deref(), Some("2025-08-19"));
    assert_eq!(document.published_from.as_deref(), Some("option"));
    assert_eq!(document.source.as_deref(), Some("AFP"));
    assert_eq!(document.id.len(), 64);
    assert_eq!(analysis.sentences.len(), 36);
    let sentence = |i: usize| {
        char_slice(
            &document.text,
            analysis.sentences[i].start,
            analysis.sentences[i].end,
        )
    };
    assert!(sentence(0).starts_with("Top U.S. and European military officials discussed Tuesday"));
    assert_eq!(sentence(7), "\"We'll see how they do.\"");
    assert_eq!(sentence(14), "Allies discuss next steps");
    assert_eq!(sentence(35), "\"I hope we can agree on mutually beneficial terms,\" said government employee Vyacheslav, 23.");
    for pair in analysis.sentences.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "sentences overlap or are out of order"
        );
    }
}

#[test]
fn tokens_are_exposed_on_request() {
    let output = dateline(&[
        "analyze",
        "examples/wikinews-korea.txt",
        "--format",
        "jsonl",
        "--tokens",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis = parse_contract(stdout(&output).trim_end());
    let tokens = analysis.tokens.expect("tokens requested");
    assert!(tokens.len() > 100);
    for token in &tokens {
        assert_eq!(
            char_slice(&analysis.document.text, token.start, token.end),
            token.text
        );
    }
}

/// Whole-document golden files: `UPDATE_EXPECT=1 cargo test` rewrites them.
#[test]
fn examples_match_golden_files() {
    let examples = workspace().join("examples");
    let mut names: Vec<_> = std::fs::read_dir(&examples)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 4);
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    for name in names {
        let output = dateline(&["analyze", &format!("examples/{name}"), "--format", "json"]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let actual = stdout(&output);
        parse_contract(&actual);
        let golden = workspace()
            .join("crates/cli/tests/golden")
            .join(name.replace(".txt", ".json"));
        if update {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_EXPECT=1", golden.display()));
        assert!(
            actual == expected,
            "{name} differs from {}; rerun with UPDATE_EXPECT=1 if intended",
            golden.display()
        );
    }
}

#[test]
fn one_bad_document_does_not_stop_the_batch() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-batch");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-good.txt"), "Kyiv said no. Moscow said yes.\n").unwrap();
    std::fs::write(dir.join("b-empty.txt"), "  \n\n").unwrap();
    std::fs::write(
        dir.join("c-good.txt"),
        "WASHINGTON (Reuters) - Talks went on.\n",
    )
    .unwrap();
    let output = dateline(&["analyze", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failed document makes the exit code 1"
    );
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "both good documents are analyzed");
    let reuters = parse_contract(&lines[1]);
    assert_eq!(
        reuters.document.source.as_deref(),
        Some("Reuters"),
        "agency from the dateline"
    );
    let errors = stderr(&output);
    assert!(
        errors.contains("b-empty.txt"),
        "the error names the file: {errors}"
    );
    assert!(
        errors.contains("failed"),
        "a summary counts failures: {errors}"
    );
}

#[test]
fn bad_date_option_is_a_clear_usage_error() {
    let output = dateline(&[
        "analyze",
        "examples/wikinews-korea.txt",
        "--date",
        "next tuesday",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--date"));
}

#[test]
fn help_has_examples() {
    for command in ["analyze", "eval", "bench"] {
        let output = dateline(&[command, "--help"]);
        assert!(output.status.success());
        assert!(stdout(&output).contains("Examples:"), "{command} --help");
    }
}

#[test]
fn reads_standard_input_and_sniffs_html() {
    let html = r#"<!doctype html><html><head><title>Talks resume</title>
        <meta property="article:published_time" content="2025-08-19T09:00:00Z"></head>
        <body><article><h1>Talks resume</h1><p>KYIV, Aug 19 (AFP) - Talks resumed on Tuesday after a pause of three weeks, officials in the capital said.</p>
        <p>"We are ready," the minister said. Diplomats expect a statement later in the day from both delegations.</p></article></body></html>"#;
    let output = dateline_with_stdin(&["analyze", "-", "--format", "jsonl"], html);
    assert!(output.status.success(), "{}", stderr(&output));
    let analysis = parse_contract(stdout(&output).trim_end());
    let document = &analysis.document;
    assert_eq!(document.published.as_deref(), Some("2025-08-19T09:00:00Z"));
    assert_eq!(document.published_from.as_deref(), Some("metadata"));
    assert_eq!(
        document.source.as_deref(),
        Some("AFP"),
        "agency from the dateline"
    );
    assert!(document.text.contains("Talks resumed on Tuesday"));
    assert!(!document.text.contains("<p>"));
    assert_eq!(analysis.sentences.len(), 3);
}

#[test]
fn text_report_has_sections() {
    let output = dateline(&[
        "analyze",
        "examples/wikinews-stampede.txt",
        "--format",
        "text",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.starts_with("━━ Hundreds dead in Hajj stampede ━━"),
        "{report}"
    );
    for section in [
        "Sentences (",
        "Entities (",
        "Quotes (",
        "Times (",
        "Places (",
        "Events (",
    ] {
        assert!(report.contains(section), "missing {section}");
    }
    assert!(
        !report.contains('\u{1b}'),
        "no colour codes when NO_COLOR is set and piped"
    );
}
