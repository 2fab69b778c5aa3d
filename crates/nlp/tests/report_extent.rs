//! Where reports start and end: the reports around partial quotes (`quotes/around.rs`),
//! headline attributions (`quotes/headline.rs`) and the learned extent model
//! (`quotes/extent.rs`). Sentences written for these tests.

use dateline_core::{Doc, Quote};

mod common;

use common::{analyze_seed_day as analyze, reports};

/// The indirect quote whose content holds `words`.
fn report_holding<'d>(doc: &'d Doc, words: &str) -> Option<&'d Quote> {
    reports(doc)
        .into_iter()
        .find(|q| doc.slice(q.content).contains(words))
}

#[test]
fn a_partial_quote_after_its_cue_is_reported_with_its_clause() {
    let doc = analyze(
        "The senator told reporters on Monday that the bill was “dead on arrival” in the House.",
    );
    let quote = report_holding(&doc, "dead on arrival").expect("a report around the quote");
    let content = doc.slice(quote.content);
    assert!(content.starts_with("the bill was"), "{content}");
    assert!(
        !content.contains("reporters"),
        "the addressee is no content: {content}"
    );
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("The senator"));
}

#[test]
fn a_partial_quote_before_a_closing_cue_is_reported_with_its_clause() {
    let doc = analyze("Voter fraud “would be a strange way to lose,” says Smith.");
    let quote = report_holding(&doc, "strange way to lose").expect("a report around the quote");
    let content = doc.slice(quote.content);
    assert!(content.starts_with("Voter fraud"), "{content}");
    assert!(
        !content.contains("Smith"),
        "the speaker is no content: {content}"
    );
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("Smith"));
}

#[test]
fn according_to_names_the_whole_source_phrase() {
    let doc = analyze("According to the report, the move reeks of “fear” and desperation.");
    let quote = report_holding(&doc, "reeks of").expect("a report of the move");
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("the report"));
    assert_eq!(
        doc.slice(quote.content),
        "the move reeks of “fear” and desperation"
    );
}

#[test]
fn a_conjunct_the_parser_hung_on_the_speech_verb_stays_in_the_report() {
    let doc = analyze(
        "Ortega said he finally believes Lindqvist was born in the United States and was \
         therefore eligible to serve.",
    );
    let quote = report_holding(&doc, "he finally believes").expect("the report of \"said\"");
    let content = doc.slice(quote.content);
    assert!(
        content.ends_with("eligible to serve"),
        "the conjoined clause is part of what was said: {content}"
    );
}

#[test]
fn a_report_never_takes_its_own_cue_or_speaker() {
    for text in [
        "The minister said he did not support the plan, the presumed favourite of the cabinet.",
        "The governor warned city officials to boost their security after the attack.",
        "Officials said the talks, which began in March, would resume next week, a spokesman \
         added.",
    ] {
        let doc = analyze(text);
        for quote in reports(&doc) {
            let (Some(cue), Some(speaker)) = (quote.cue, quote.speaker) else {
                continue;
            };
            let content = quote.content;
            assert!(
                !(content.start < cue.end && cue.start < content.end),
                "{text}: content {:?} holds its cue",
                doc.slice(content)
            );
            assert!(
                !(content.start < speaker.end && speaker.start < content.end),
                "{text}: content {:?} holds its speaker",
                doc.slice(content)
            );
        }
    }
}

#[test]
fn a_headline_names_its_source_before_a_colon() {
    let doc = analyze(
        "Poll: Most voters favour the harbour plan.\n\n\
         The Latest: Ferry services resume after the storm.\n\n\
         A survey of 900 residents was published on Monday.",
    );
    let quote = report_holding(&doc, "Most voters favour").expect("the poll's report");
    assert_eq!(quote.speaker.map(|s| doc.slice(s)), Some("Poll"));
    assert_eq!(quote.cue.map(|c| doc.slice(c)), Some(":"));
    assert!(
        report_holding(&doc, "Ferry services").is_none(),
        "a section label is no source"
    );
}

mod properties {
    use proptest::prelude::*;

    use super::analyze;

    /// Headlines, partial quotes, speech verbs and clauses in any order.
    fn quoted_news() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Poll: ",
            "The Latest: ",
            "Smith: ",
            ": ",
            "according to the report, ",
            "told reporters ",
            "said ",
            "says Smith",
            "the plan ",
            "would fail ",
            "and was ",
            "\u{201C}",
            "\u{201D}",
            "\"",
            ", ",
            ". ",
            "\n\n",
            "on Monday ",
            "warned officials to ",
            "resign ",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Every quote lies inside the text and holds a character; a report around a partial
        /// quote, a headline's report and a report the extent model re-ended never hold their
        /// own cue or speaker; the same text gives the same quotes.
        #[test]
        fn new_report_shapes_are_well_formed_and_deterministic(text in quoted_news()) {
            let doc = analyze(&text);
            let quotes = &doc.annotations().quotes;
            for quote in quotes {
                prop_assert!(quote.content.end as usize <= text.len());
                prop_assert!(!quote.content.is_empty());
                let shaped = ["partial quote, reported", "headline", "extent model"]
                    .iter()
                    .any(|w| quote.why.contains(w));
                if shaped {
                    let overlaps = |s: dateline_core::ByteSpan| {
                        s.start < quote.content.end && quote.content.start < s.end
                    };
                    prop_assert!(!quote.cue.is_some_and(overlaps), "{:?}", quote);
                    prop_assert!(!quote.speaker.is_some_and(overlaps), "{:?}", quote);
                }
            }
            let again = analyze(&text);
            prop_assert_eq!(quotes, &again.annotations().quotes);
        }
    }
}
