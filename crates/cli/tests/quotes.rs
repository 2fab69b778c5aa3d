//! Quotes on the reference article (skipped where `../shared` is absent): every quote the seed
//! README lists, in order, with its speaker entity, including the continuation quotes, "he
//! replied", "the president said", Russia's "security interests" and the anonymous sources.

mod common;

use common::{analyze_seed, dateline, stderr, stdout};

#[test]
fn the_seed_quotes_have_their_speakers() {
    let Some(analysis) = analyze_seed() else {
        return;
    };
    let all = analysis["quotes"].as_array().unwrap();
    let quotes: Vec<&serde_json::Value> = all.iter().filter(|q| q["kind"] != "indirect").collect();
    let expected = [
        ("optimistic", "Donald Trump"),
        ("Now I thought it would be better", "Donald Trump"),
        ("We'll see how they do.", "Donald Trump"),
        (
            "best options for a potential Ukraine peace deal",
            "a U.S. defense official",
        ),
        ("willing to put people on the ground", "Donald Trump"),
        ("France and Germany, a couple of them", "Donald Trump"),
        ("We're willing to help them", "Donald Trump"),
        (
            "Well, you have my assurance and I'm president.",
            "Donald Trump",
        ),
        ("has definitively stated U.S. boots", "Karoline Leavitt"),
        ("option and a possibility.", "Karoline Leavitt"),
        ("coordinating", "Karoline Leavitt"),
        ("It's probably instinct more than process.", "Donald Trump"),
        (
            "prepare for the deployment of a reassurance force",
            "a Downing Street spokesperson",
        ),
        ("security interests", "Russia"),
        ("must be prepared very thoroughly.", "Sergei Lavrov"),
        ("Could be,", "Scott Bessent"),
        ("We've got to get through the", "Scott Bessent"),
        ("The main problem is Putin himself", "Anton"),
        (
            "I hope we can agree on mutually beneficial terms",
            "Vyacheslav",
        ),
    ];
    assert_eq!(quotes.len(), expected.len(), "{quotes:#?}");
    for (quote, (start, speaker)) in quotes.iter().zip(expected) {
        let text = quote["text"].as_str().unwrap();
        assert!(
            text.starts_with(start),
            "{text:?} should start with {start:?}"
        );
        assert_eq!(quote["speaker"]["name"], speaker, "speaker of {text:?}");
        assert!(
            quote["speaker"]["entity"].is_string(),
            "{text:?} resolved to an entity"
        );
    }
    let anonymous: Vec<&str> = quotes
        .iter()
        .filter(|q| q["anonymous"] == true)
        .map(|q| q["speaker"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        anonymous,
        vec!["a U.S. defense official", "a Downing Street spokesperson"]
    );
    let addressees: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q["addressee"]["text"].as_str())
        .collect();
    for outlet in ["Fox News", "AFP", "reporters"] {
        assert!(addressees.contains(&outlet), "{outlet} in {addressees:?}");
    }
    // Reported speech.
    let indirect: Vec<(&str, &str)> = all
        .iter()
        .filter(|q| q["kind"] == "indirect")
        .map(|q| {
            (
                q["text"].as_str().unwrap(),
                q["speaker"]["name"].as_str().unwrap_or(""),
            )
        })
        .collect();
    for (start, speaker) in [
        ("Zelenskyy immediately said no", "One source"),
        ("any meeting between the leaders", "Sergei Lavrov"),
        ("he favored Geneva", "Emmanuel Macron"),
    ] {
        assert!(
            indirect
                .iter()
                .any(|(text, who)| text.starts_with(start) && *who == speaker),
            "{start:?} by {speaker} in {indirect:?}"
        );
    }
}

#[test]
fn eval_quotes_scores_a_small_brat_fixture() {
    let dir = std::env::temp_dir().join(format!("dateline-polnear-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("text")).unwrap();
    std::fs::create_dir_all(dir.join("attributions")).unwrap();
    let text = "\u{201C}We will win,\u{201D} Jane Doe told reporters.\n";
    std::fs::write(dir.join("text/story.txt"), text).unwrap();
    // Character offsets: the content with its marks is 0..14, the source 15..23.
    let ann = "T1\tContent 0 14\t\u{201C}We will win,\u{201D}\nT2\tSource 15 23\tJane Doe\nT3\tCue 24 28\ttold\nT4\tAttribution 24 28\ttold\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
    std::fs::write(dir.join("attributions/story_ab12.ann"), ann).unwrap();
    let output = dateline(&["eval", "quotes", "--gold", dir.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("1 documents"), "{report}");
    assert!(
        report
            .trim_end()
            .ends_with("quotes direct F1 1.0000 speaker 1.0000"),
        "{report}"
    );
}

#[test]
fn eval_quotes_reads_our_press_release_gold() {
    if common::shared().is_none() {
        return;
    }
    let output = dateline(&[
        "eval",
        "quotes",
        "--gold",
        "data/gold/press-release-quotes.jsonl",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Every annotated span is found in its press release.
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("20 documents, 105 gold quotes"), "{report}");
    assert!(report.contains("quotes direct F1"), "{report}");
}
