//! The one place where every reader turns text and metadata into a [`Doc`]: checks, dateline,
//! language, origin and diagnostics, so that no reader repeats or forgets them.

use dateline_core::{Diagnostic, Doc, DocMeta, Origin, Published, PublishedFrom};

use crate::error::{IngestError, Location};
use crate::wire_dateline::detect_dateline;
use crate::IngestConfig;

/// Builds the document for `text`, refusing empty and oversized texts. The text is kept exactly
/// as given: the dateline is stand-off metadata, found by [`detect_dateline`].
pub(crate) fn finish(
    text: String,
    mut meta: DocMeta,
    diagnostics: Vec<Diagnostic>,
    at: Location,
    config: &IngestConfig,
) -> Result<Doc, IngestError> {
    if text.trim().is_empty() {
        return Err(IngestError::Empty { at });
    }
    let cap = config.max_doc_bytes as u64;
    if text.len() as u64 > cap {
        return Err(IngestError::TooLarge {
            at,
            size: text.len() as u64,
            cap,
        });
    }
    meta.language = "en".to_string();
    meta.origin = Origin {
        path: at.path,
        record: at.line.or(at.record),
    };
    meta.title = meta.title.and_then(non_blank);
    meta.source = meta.source.and_then(non_blank);
    meta.url = meta.url.and_then(non_blank);
    meta.authors.retain(|author| !author.trim().is_empty());
    apply_dateline(&text, &mut meta);
    let mut doc = Doc::new(text, meta);
    for diagnostic in diagnostics {
        doc.push_diagnostic(diagnostic);
    }
    Ok(doc)
}

fn apply_dateline(text: &str, meta: &mut DocMeta) {
    let Some(dateline) = detect_dateline(text) else {
        return;
    };
    if let Some(date) = dateline.date.and_then(|date| date.to_date()) {
        // offer_published keeps a metadata date: the dateline only fills a gap.
        meta.offer_published(Published::Date(date), PublishedFrom::Dateline);
    }
    if meta.source.is_none() {
        meta.source = dateline.agency.clone();
    }
    meta.dateline = Some(dateline);
}

/// Runs a third-party parser so that a panic inside it (a bug we cannot fix there) costs one
/// record, not the batch.
pub(crate) fn guarded<T>(
    at: &Location,
    what: &str,
    parse: impl FnOnce() -> T,
) -> Result<T, IngestError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).map_err(|_| {
        IngestError::BadRecord {
            at: at.clone(),
            message: format!("{what} failed on this input (internal panic); skipped"),
        }
    })
}

/// Trims a metadata string, dropping it when nothing is left.
pub(crate) fn non_blank(value: String) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_string())
    }
}

/// Offers a metadata date given as text; unparseable dates are ignored, not errors, because a
/// document is still useful without one.
pub(crate) fn offer_metadata_date(meta: &mut DocMeta, value: &str) -> bool {
    match Published::parse(value) {
        Some(published) => {
            meta.offer_published(published, PublishedFrom::Metadata);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> IngestConfig {
        IngestConfig::default()
    }

    #[test]
    fn dateline_fills_date_and_source_but_not_text() {
        let text = "Moscow, 19 August 2025 (AFP) — Talks began.".to_string();
        let doc = finish(
            text.clone(),
            DocMeta::default(),
            vec![],
            Location::file("a"),
            &config(),
        )
        .unwrap();
        assert_eq!(doc.text(), text);
        assert_eq!(doc.meta().source.as_deref(), Some("AFP"));
        assert_eq!(doc.meta().published_from, Some(PublishedFrom::Dateline));
        assert_eq!(doc.meta().language, "en");
    }

    #[test]
    fn metadata_date_beats_dateline() {
        let mut meta = DocMeta::default();
        assert!(offer_metadata_date(&mut meta, "2025-08-18"));
        let text = "Moscow, 19 August 2025 — Talks.".to_string();
        let doc = finish(text, meta, vec![], Location::record("a", 2), &config()).unwrap();
        assert_eq!(doc.meta().published.unwrap().to_string(), "2025-08-18");
        assert_eq!(doc.meta().origin.record, Some(2));
    }

    #[test]
    fn empty_and_oversized_are_refused() {
        let empty = finish(
            " \n".into(),
            DocMeta::default(),
            vec![],
            Location::file("e"),
            &config(),
        );
        assert_eq!(empty.unwrap_err().to_string(), "e: empty document");
        let small = IngestConfig {
            max_doc_bytes: 3,
            ..IngestConfig::default()
        };
        let big = finish(
            "abcd".into(),
            DocMeta::default(),
            vec![],
            Location::file("b"),
            &small,
        );
        assert_eq!(
            big.unwrap_err().to_string(),
            "b: document is 4 bytes, over the 3-byte cap (--max-doc-bytes)"
        );
    }
}
