//! The contract's wire types read and write the frozen `dateline.analysis/1` fixture unchanged,
//! and a document's analysis survives a typed round trip.

use dateline_core::schema::{Analysis, OutputOptions, SCHEMA};
use dateline_core::{ByteSpan, Doc, DocMeta, Published, PublishedFrom, Sentence};

#[test]
fn frozen_v1_fixture_round_trips() {
    let frozen: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/analysis-v1.json")).expect("fixture is JSON");
    let typed: Analysis =
        serde_json::from_value(frozen.clone()).expect("fixture matches the wire types");
    assert_eq!(typed.schema, SCHEMA);
    let rewritten = serde_json::to_value(&typed).expect("serializes");
    assert_eq!(
        rewritten, frozen,
        "a field was renamed, dropped or added without a default"
    );
}

#[test]
fn analysis_of_a_doc_round_trips_with_char_offsets() {
    let text = "“Kyiv” said no. Zelenskyy agreed.";
    let mut doc = Doc::new(text.to_string(), DocMeta::default());
    doc.meta_mut().offer_published(
        Published::parse("2025-08-19").unwrap(),
        PublishedFrom::Option,
    );
    let second = text.find("Zelenskyy").unwrap();
    doc.annotations_mut().sentences = vec![
        Sentence {
            span: ByteSpan::new(0, second - 1),
            tokens: 0..0,
            paragraph: 0,
        },
        Sentence {
            span: ByteSpan::new(second, text.len()),
            tokens: 0..0,
            paragraph: 0,
        },
    ];
    let analysis = Analysis::from_doc(&doc, OutputOptions { tokens: false });
    let json = serde_json::to_string(&analysis).unwrap();
    let back: Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(back, analysis);
    assert_eq!(back.document.published.as_deref(), Some("2025-08-19"));
    assert_eq!(back.document.published_from.as_deref(), Some("option"));
    let chars: Vec<char> = text.chars().collect();
    let slice = |start: u32, end: u32| {
        chars[start as usize..end as usize]
            .iter()
            .collect::<String>()
    };
    assert_eq!(
        slice(back.sentences[0].start, back.sentences[0].end),
        "“Kyiv” said no."
    );
    assert_eq!(
        slice(back.sentences[1].start, back.sentences[1].end),
        "Zelenskyy agreed."
    );
}
