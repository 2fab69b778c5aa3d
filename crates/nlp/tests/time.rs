//! Time expressions end to end with the bundled models: recognition, normalization against the
//! document date by tense, "N days after X" relations, no-date behaviour and quote dates.
//! Sentences written for these tests.

use dateline_core::Doc;

mod common;

use common::analyze;

/// (text, type, value) per expression.
fn times(doc: &Doc) -> Vec<(String, &'static str, Option<String>)> {
    doc.annotations()
        .times
        .iter()
        .map(|t| {
            (
                doc.slice(t.span).to_string(),
                t.timex_type.as_str(),
                t.value.clone(),
            )
        })
        .collect()
}

fn value_of(doc: &Doc, text: &str) -> Option<String> {
    times(doc)
        .into_iter()
        .find(|(t, _, _)| t == text)
        .unwrap_or_else(|| panic!("no expression {text:?} in {:?}", times(doc)))
        .2
}

#[test]
fn weekdays_by_tense_against_a_tuesday() {
    // 2025-08-19 is a Tuesday.
    let doc = analyze(
        "The ministers met on Monday. They will meet again on Wednesday. \
         Talks were held Tuesday evening. The vote took place on Friday.",
        Some("2025-08-19"),
    );
    assert_eq!(value_of(&doc, "Monday").as_deref(), Some("2025-08-18"));
    assert_eq!(value_of(&doc, "Wednesday").as_deref(), Some("2025-08-20"));
    assert_eq!(
        value_of(&doc, "Tuesday evening").as_deref(),
        Some("2025-08-19TEV")
    );
    assert_eq!(value_of(&doc, "Friday").as_deref(), Some("2025-08-15"));
}

#[test]
fn calendar_relative_and_durations() {
    let doc = analyze(
        "The treaty was signed on 19 August 2025. Sales fell last week and rose in the third \
         quarter. The war began in 2022, two years ago. Talks lasted three days. \
         The strike ended yesterday. Officials meet every week. The 1990s were calmer.",
        Some("2026-01-14"),
    );
    let got = times(&doc);
    let expect = [
        ("19 August 2025", "DATE", "2025-08-19"),
        ("last week", "DATE", "2026-W02"),
        ("the third quarter", "DATE", "2025-Q3"),
        ("2022", "DATE", "2022"),
        ("two years ago", "DATE", "2024"),
        ("three days", "DURATION", "P3D"),
        ("yesterday", "DATE", "2026-01-13"),
        ("every week", "SET", "P1W"),
        ("The 1990s", "DATE", "199"),
    ];
    for (text, kind, value) in expect {
        assert!(
            got.iter()
                .any(|(t, k, v)| t == text && *k == kind && v.as_deref() == Some(value)),
            "{text:?} {kind} {value} not in {got:?}"
        );
    }
}

#[test]
fn year_boundaries_and_leap_years() {
    let doc = analyze("Prices peaked last December.", Some("2026-01-05"));
    assert_eq!(value_of(&doc, "last December").as_deref(), Some("2025-12"));
    let doc = analyze("Output rose a year ago.", Some("2024-02-29"));
    assert_eq!(value_of(&doc, "a year ago").as_deref(), Some("2023"));
    // ISO week-years: 2024-12-30 is in week 1 of 2025.
    let doc = analyze("Shares rose this week.", Some("2024-12-30"));
    assert_eq!(value_of(&doc, "this week").as_deref(), Some("2025-W01"));
}

#[test]
fn ages_and_counts_are_not_times() {
    let doc = analyze(
        "A 32-year-old man and 2000 soldiers crossed on Monday.",
        Some("2025-08-19"),
    );
    let texts: Vec<String> = times(&doc).into_iter().map(|t| t.0).collect();
    assert_eq!(texts, ["Monday"]);
}

#[test]
fn days_after_an_event_date_the_event_from_the_clause() {
    let doc = analyze(
        "Leaders met at the White House on Monday, three days after his summit with Putin in \
         Alaska.",
        Some("2025-08-19"),
    );
    let t = doc
        .annotations()
        .times
        .iter()
        .find(|t| doc.slice(t.span) == "three days")
        .expect("three days");
    let relation = t.relation.as_ref().expect("a relation");
    assert_eq!(relation.relation, "after");
    assert_eq!(relation.event_date.as_deref(), Some("2025-08-15"));
    assert_eq!(relation.clause_date.as_deref(), Some("2025-08-18"));
    assert!(doc.slice(relation.event).starts_with("his summit"));
}

#[test]
fn without_a_document_date_relative_values_are_null_with_a_reason() {
    let doc = analyze(
        "The ministers met on Monday and will meet next week. The war began in 2022.",
        None,
    );
    let a = doc.annotations();
    let monday = a
        .times
        .iter()
        .find(|t| doc.slice(t.span) == "Monday")
        .unwrap();
    assert_eq!(monday.value, None);
    assert!(monday.why.contains("document date"), "{}", monday.why);
    assert_eq!(value_of(&doc, "2022").as_deref(), Some("2022"));
}

#[test]
fn quotes_take_the_date_of_their_clause() {
    let doc = analyze(
        "\"We are ready,\" the minister told reporters on Monday. \
         \"It is over,\" she said.",
        Some("2025-08-19"),
    );
    let dates = &doc.annotations().quote_dates;
    assert_eq!(dates.len(), 2, "{dates:?}");
    assert_eq!(dates[0].value.as_deref(), Some("2025-08-18"));
    assert_eq!(dates[0].precision.as_str(), "day");
    assert_eq!(dates[1].value.as_deref(), Some("2025-08-19"));
    assert_eq!(dates[1].precision.as_str(), "document");
}

#[test]
fn named_days_by_rule_and_tense() {
    // Written on Saturday 2025-12-20.
    let doc = analyze(
        "The talks resumed a week after Thanksgiving Day. The truce will start on Orthodox \
         Easter and last through New Year\u{2019}s Day. He left last Easter and returns by \
         Presidents' Day 2026. Crowds marked the Lunar New Year. The Good Friday Agreement \
         still holds.",
        Some("2025-12-20"),
    );
    assert_eq!(
        value_of(&doc, "Thanksgiving Day").as_deref(),
        Some("2025-11-27")
    );
    assert_eq!(
        value_of(&doc, "Orthodox Easter").as_deref(),
        Some("2026-04-12")
    );
    assert_eq!(
        value_of(&doc, "New Year\u{2019}s Day").as_deref(),
        Some("2026-01-01")
    );
    assert_eq!(value_of(&doc, "last Easter").as_deref(), Some("2025-04-20"));
    assert_eq!(
        value_of(&doc, "Presidents' Day 2026").as_deref(),
        Some("2026-02-16")
    );
    // Another calendar's new year, and a treaty's name, are no dates.
    let texts: Vec<String> = times(&doc).into_iter().map(|(t, _, _)| t).collect();
    assert!(!texts
        .iter()
        .any(|t| t.contains("New Year") && !t.contains("Day")));
    assert!(!texts.iter().any(|t| t.contains("Friday")), "{texts:?}");
}
