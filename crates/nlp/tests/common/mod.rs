//! Helpers shared by the end-to-end tests of the pipeline.
#![allow(dead_code)]

use dateline_core::{Doc, DocMeta, Published, PublishedFrom, Quote, QuoteKind};
use dateline_nlp::pipeline::Pipeline;

/// Runs the bundled pipeline over `text`, with `date` as its publication date when given.
pub fn analyze(text: &str, date: Option<&str>) -> Doc {
    let mut meta = DocMeta::default();
    if let Some(date) = date {
        meta.offer_published(
            Published::parse(date).expect("test date"),
            PublishedFrom::Option,
        );
    }
    let mut doc = Doc::new(text.to_string(), meta);
    Pipeline::new().run(&mut doc);
    doc
}

/// Runs the pipeline over `text` published on Tuesday 2025-08-19, the seed article's date.
pub fn analyze_seed_day(text: &str) -> Doc {
    analyze(text, Some("2025-08-19"))
}

/// The indirect quotes (reports) of `doc`.
pub fn reports(doc: &Doc) -> Vec<&Quote> {
    doc.annotations()
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect()
}
