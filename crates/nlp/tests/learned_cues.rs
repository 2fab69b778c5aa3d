//! Reports from the learned attribution cues (`quotes/cue_model.rs`, `quotes/learned.rs`):
//! stances the speech-verb lexicon does not list, their content and speaker, and events inside
//! a stance's content staying the writer's. Sentences written for these tests.

use dateline_core::{Doc, Quote, QuoteKind};

mod common;

use common::analyze_seed_day as analyze;

/// The indirect quote whose cue is `cue`.
fn report_with_cue<'d>(doc: &'d Doc, cue: &str) -> Option<&'d Quote> {
    doc.annotations()
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect && q.cue.is_some_and(|c| doc.slice(c) == cue))
}

#[test]
fn a_stance_towards_a_noun_phrase_is_the_subjects_report() {
    let doc = analyze(
        "The senator criticized the administration's handling of the border crisis on Tuesday.",
    );
    let quote = report_with_cue(&doc, "criticized").expect("a report cued by \"criticized\"");
    assert_eq!(
        doc.slice(quote.content),
        "the administration's handling of the border crisis",
        "the object, without the day it happened"
    );
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("The senator"));
    assert!(quote.stance, "a noun phrase is what the stance is about");
    assert!(quote.why.contains("learned"), "{}", quote.why);
}

#[test]
fn an_event_inside_a_stance_is_not_the_speakers_claim() {
    let doc = analyze("The minister condemned the air strike on the village.");
    let quote = report_with_cue(&doc, "condemned").expect("a report cued by \"condemned\"");
    assert!(quote.stance);
    let strike = doc
        .annotations()
        .events
        .iter()
        .find(|e| doc.slice(e.trigger).contains("strike"))
        .expect("the air strike is an event");
    assert_eq!(
        strike.quote, None,
        "the writer reports the strike, not the minister"
    );
}

#[test]
fn a_later_clause_after_a_comma_is_not_part_of_the_content() {
    let doc = analyze(
        "While the rebels agreed to release the hostages and open the roads, those promises \
         have been met with doubt by aid groups.",
    );
    let quote = report_with_cue(&doc, "agreed").expect("a report cued by \"agreed\"");
    let content = doc.slice(quote.content);
    assert!(content.starts_with("release the hostages"), "{content}");
    assert!(!content.contains("promises"), "{content}");
}

#[test]
fn a_passive_cue_without_an_agent_names_no_source() {
    let doc = analyze("The former mayor was accused of taking bribes from developers.");
    let quote = report_with_cue(&doc, "accused").expect("a report cued by \"accused\"");
    assert_eq!(doc.slice(quote.content), "taking bribes from developers");
    assert_eq!(quote.speaker, None, "the mayor is accused, not the accuser");
    assert!(quote.why.contains("names no source"), "{}", quote.why);
}

#[test]
fn a_passive_label_on_an_active_verb_still_names_the_doer() {
    let doc = analyze("Allies have expressed doubts that the summit will take place this year.");
    let quote = report_with_cue(&doc, "expressed").expect("a report cued by \"expressed\"");
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("Allies"));
}

mod properties {
    use proptest::prelude::*;

    use super::analyze;

    /// Sentences of news-like words, stance verbs, quote marks and commas in any order.
    fn newsy_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "The senator ",
            "critics ",
            "criticized ",
            "praised ",
            "was accused of ",
            "questions about ",
            "the plan ",
            "said ",
            "that ",
            "\"",
            "\u{201C}",
            "\u{201D}",
            ", ",
            ". ",
            "\n\n",
            "on Tuesday ",
            "wants to ",
            "meet ",
            "and ",
            "Smith ",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Every quote lies inside the text and holds at least one character; a learned report
        /// names its cue, and neither the cue nor the speaker lies in its content; the same
        /// text gives the same quotes.
        #[test]
        fn learned_reports_are_well_formed_and_deterministic(text in newsy_text()) {
            let doc = analyze(&text);
            let quotes = &doc.annotations().quotes;
            for quote in quotes {
                prop_assert!(quote.content.end as usize <= text.len());
                prop_assert!(!quote.content.is_empty());
                if quote.why.contains("learned") {
                    let overlaps = |s: dateline_core::ByteSpan| {
                        s.start < quote.content.end && quote.content.start < s.end
                    };
                    prop_assert!(quote.cue.is_some_and(|c| !overlaps(c)), "{:?}", quote);
                    prop_assert!(!quote.speaker.is_some_and(overlaps), "{:?}", quote);
                }
            }
            let again = analyze(&text);
            prop_assert_eq!(quotes, &again.annotations().quotes);
        }
    }
}
