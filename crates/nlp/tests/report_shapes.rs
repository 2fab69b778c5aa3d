//! Shapes of reported speech the rules read from the parse (`quotes/reported.rs`,
//! `quotes/learned.rs`, `quotes/around.rs`): naming verbs, "according to" in the middle of a
//! sentence, a speech verb's setting misparsed as its clause, a verb with two subjects.
//! Sentences written for these tests.

use dateline_core::{Doc, Quote, QuoteKind};

mod common;

use common::{analyze_seed_day as analyze, reports};

/// The contents of the indirect quotes of `doc`.
fn contents(doc: &Doc) -> Vec<&str> {
    reports(doc)
        .into_iter()
        .map(|q| doc.slice(q.content))
        .collect()
}

#[test]
fn a_naming_verb_reports_its_object_and_the_name_it_gives() {
    for (text, expected) in [
        ("Okafor called the plan a disaster.", "the plan a disaster"),
        (
            "The mayor called the charges baseless and fabricated by rivals.",
            "the charges baseless",
        ),
    ] {
        let doc = analyze(text);
        let found = contents(&doc);
        assert!(
            found.iter().any(|c| c.starts_with(expected)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_naming_verb_without_a_name_reports_nothing() {
    let doc = analyze("Okafor called the minister a day later.");
    assert!(contents(&doc).is_empty(), "{:?}", contents(&doc));
}

#[test]
fn according_to_before_an_apposition_reports_the_clause_before_it() {
    let doc = analyze(
        "Bills against the reform have doubled in three years, according to the Lindqvist \
         Institute, a research group.",
    );
    let quote = reports(&doc)
        .into_iter()
        .find(|q| doc.slice(q.cue.unwrap_or(q.content)) == "according to")
        .expect("a report attributed with according to");
    assert_eq!(
        doc.slice(quote.content),
        "Bills against the reform have doubled in three years"
    );
}

#[test]
fn according_to_before_a_second_clause_reports_the_first() {
    let doc = analyze(
        "The senator has won 40 delegates, according to a tally by the party, but her path to \
         the nomination is narrowing.",
    );
    let found = contents(&doc);
    assert!(
        found.contains(&"The senator has won 40 delegates"),
        "{found:?}"
    );
}

#[test]
fn according_to_after_an_opening_adverbial_reports_what_follows() {
    let doc = analyze(
        "In addition, according to the ministry, nine million workers will gain overtime pay.",
    );
    let found = contents(&doc);
    assert!(
        found.contains(&"nine million workers will gain overtime pay"),
        "{found:?}"
    );
}

#[test]
fn where_words_were_said_is_not_what_was_said() {
    let doc = analyze("“The tax laws are unfair,” Okafor said at a campaign stop this week.");
    let found = contents(&doc);
    assert!(
        !found.iter().any(|c| c.contains("campaign stop")),
        "{found:?}"
    );
    let doc = analyze("In a newspaper essay last week, Okafor acknowledged the long odds.");
    let found = contents(&doc);
    assert!(!found.iter().any(|c| c.contains("essay")), "{found:?}");
}

#[test]
fn of_two_subjects_the_one_next_to_the_verb_speaks() {
    let doc = analyze(
        "A clerk who “takes a handful of $20s” is held accountable, Okafor said. Bankers are not.",
    );
    let partial = doc
        .annotations()
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the partial quote");
    assert_eq!(partial.speaker.map(|s| doc.slice(s)), Some("Okafor"));
    let found = contents(&doc);
    assert!(
        found.contains(&"A clerk who “takes a handful of $20s” is held accountable"),
        "{found:?}"
    );
}

#[test]
fn a_learned_stance_toward_one_named_person_is_reported_but_not_toward_a_pronoun() {
    let doc = analyze("The governor has sharply criticized Okafor.");
    assert_eq!(contents(&doc), vec!["Okafor"]);
    let doc = analyze("The governor has sharply criticized him.");
    assert!(contents(&doc).is_empty(), "{:?}", contents(&doc));
}

#[test]
fn according_to_inside_a_relative_clause_reports_the_whole_sentence() {
    let doc = analyze(
        "The two states have kept a policy of turning boats away which, according to the \
         agency, both allies have criticised.",
    );
    let found = contents(&doc);
    assert!(
        found
            .iter()
            .any(|c| c.starts_with("The two states") && c.ends_with("criticised")),
        "{found:?}"
    );
    assert!(!found.iter().any(|c| c.ends_with("which")), "{found:?}");
}

#[test]
fn a_second_clause_the_parse_hangs_on_the_speech_verb_stays_in_the_report() {
    let doc = analyze("But she said guards saw a knife and that one was found nearby.");
    let found = contents(&doc);
    assert!(
        found.contains(&"guards saw a knife and that one was found nearby"),
        "{found:?}"
    );
}

#[test]
fn a_sentence_attributed_by_this_in_the_next_is_its_speakers_report() {
    let doc = analyze(
        "The port will reopen for grain ships next week. This was stated by Minister Okafor, \
         answering questions from the media.",
    );
    let quote = reports(&doc)
        .into_iter()
        .find(|q| doc.slice(q.content) == "The port will reopen for grain ships next week")
        .expect("the first sentence reported");
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("Minister Okafor"));
    assert!(
        !contents(&doc).iter().any(|c| c.contains("questions")),
        "{:?}",
        contents(&doc)
    );
    let doc = analyze("The port will reopen next week. The minister said this on Tuesday.");
    let found = contents(&doc);
    assert!(
        found.contains(&"The port will reopen next week"),
        "{found:?}"
    );
}

#[test]
fn this_as_a_thought_or_a_fact_attributes_nothing() {
    let doc = analyze("The port will reopen next week. This shows real progress.");
    assert!(contents(&doc).is_empty(), "{:?}", contents(&doc));
    let doc = analyze("The port will reopen next week. We knew this all along.");
    let found = contents(&doc);
    assert!(
        !found.contains(&"The port will reopen next week"),
        "{found:?}"
    );
}

#[test]
fn a_sentence_credited_by_as_x_noted_is_xs_report() {
    for (text, expected) in [
        (
            "As the mayor noted, the bridge has been closed for a year.",
            "the bridge has been closed for a year",
        ),
        (
            "The bridge has been closed for a year, as the mayor noted on Tuesday.",
            "The bridge has been closed for a year",
        ),
    ] {
        let doc = analyze(text);
        let quote = reports(&doc)
            .into_iter()
            .find(|q| doc.slice(q.content) == expected)
            .unwrap_or_else(|| panic!("{text}: {:?}", contents(&doc)));
        assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("the mayor"));
    }
}

#[test]
fn as_in_time_or_expectation_credits_no_one() {
    for text in [
        "As he said goodbye, the crowd cheered.",
        "The plan failed, as expected.",
        "Analysts will look for hints on whether, as critics claim, the mayor plans to resign.",
    ] {
        let doc = analyze(text);
        let credited: Vec<&Quote> = reports(&doc)
            .into_iter()
            .filter(|q| q.why.contains("as X said"))
            .collect();
        assert!(credited.is_empty(), "{text}: {:?}", contents(&doc));
    }
}

#[test]
fn the_speakers_next_act_hung_on_the_reported_clause_is_a_report_of_its_own() {
    let doc = analyze(
        "Okafor explained that the port service was being restructured and added that it was \
         necessary to consider the needs of the region.",
    );
    let found = contents(&doc);
    assert!(
        found.contains(&"the port service was being restructured"),
        "{found:?}"
    );
    let added = reports(&doc)
        .into_iter()
        .find(|q| q.cue.is_some_and(|c| doc.slice(c) == "added"))
        .expect("the second act's report");
    assert_eq!(added.speaker.map(|s| doc.slice(s)), Some("Okafor"));
}
