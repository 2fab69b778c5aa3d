//! One test per kind of bad input: each yields an `Err` or a warning, never a panic, and never
//! stops the batch.

mod common;

use common::{fixture, read_all, read_fixtures, scratch, warnings};
use dateline_ingest::{IngestConfig, IngestError};

#[test]
fn invalid_utf8_text_is_decoded_with_a_warning() {
    let (docs, errors, _) = read_fixtures(&["bad/invalid-utf8.txt"]);
    assert!(errors.is_empty());
    assert!(docs[0].text().starts_with("Prices rose in M\u{fffd}nchen"));
    let warnings = warnings(&docs[0]);
    assert_eq!(
        warnings,
        vec!["invalid UTF-8 at byte 16; decoded lossily with replacement characters"]
    );
}

#[test]
fn invalid_utf8_jsonl_is_decoded_with_a_warning() {
    let (docs, errors, _) = read_fixtures(&["bad/invalid-utf8.jsonl"]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text(), "Bad byte \u{fffd} here.");
    assert!(warnings(&docs[0])[0].contains("invalid UTF-8 at byte 31"));
}

#[test]
fn invalid_utf8_csv_is_decoded_with_a_warning() {
    let (docs, errors, _) = read_fixtures(&["bad/invalid-utf8.csv"]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs[0].text(), "Bad byte \u{fffd} in a field.");
    assert!(warnings(&docs[0])[0].contains("invalid UTF-8 at byte 9"));
}

#[test]
fn empty_file_is_an_error() {
    let (docs, errors, summary) = read_fixtures(&["bad/empty.txt"]);
    assert!(docs.is_empty());
    assert_eq!(
        errors[0].to_string(),
        format!("{}: empty document", fixture("bad/empty.txt"))
    );
    assert_eq!(summary.documents_failed, 1);
}

#[test]
fn whitespace_only_file_is_an_error() {
    let (_, errors, _) = read_fixtures(&["bad/whitespace.txt"]);
    assert!(matches!(errors[0], IngestError::Empty { .. }));
}

#[test]
fn binary_file_is_refused_and_the_batch_goes_on() {
    let (docs, errors, summary) = read_fixtures(&["bad/blob.bin", "text/labour.txt"]);
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}: binary file (NUL byte at offset 7), skipped",
            fixture("bad/blob.bin")
        )
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(summary.to_string(), "read 1 document from 1 file; 1 failed");
}

#[test]
fn truncated_gzip_names_record_and_offset_then_moves_on() {
    let (docs, errors, summary) = read_fixtures(&["warc/truncated.warc.gz", "text/labour.txt"]);
    // The bridge page (record 3) is whole; record 4 is cut off.
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].meta().url.as_deref(),
        Some("https://news.example/bridge")
    );
    assert_eq!(errors.len(), 1);
    let message = errors[0].to_string();
    let prefix = format!("{}: record 4 (byte ", fixture("warc/truncated.warc.gz"));
    assert!(message.starts_with(&prefix), "{message}");
    assert!(message.ends_with("): truncated gzip stream"), "{message}");
    assert_eq!(summary.files_failed, 1);
    assert_eq!(summary.files_read, 1);
}

#[test]
fn malformed_json_line_does_not_stop_the_file() {
    let (docs, errors, _) = read_fixtures(&["jsonl/articles.jsonl"]);
    assert!(matches!(errors[0], IngestError::MalformedJson { .. }));
    // Lines after the malformed one are still read.
    assert!(docs.iter().any(|d| d.id() == "a3"));
    assert!(docs.iter().any(|d| d.id() == "6"));
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let config = IngestConfig {
        max_doc_bytes: 100,
        ..IngestConfig::default()
    };
    let (docs, errors, _) = read_all(&[fixture("html/news.html")], &config);
    assert!(docs.is_empty());
    let size = std::fs::metadata(fixture("html/news.html")).unwrap().len();
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}: document is {size} bytes, over the 100-byte cap (--max-doc-bytes)",
            fixture("html/news.html")
        )
    );
}

#[test]
fn oversized_records_are_refused_one_by_one() {
    let dir = scratch("oversized-records");
    let path = dir.join("records.jsonl");
    let long = "x".repeat(500);
    std::fs::write(
        &path,
        format!("{{\"text\": \"{long}\"}}\n{{\"text\": \"short\"}}\n"),
    )
    .unwrap();
    let config = IngestConfig {
        max_doc_bytes: 100,
        ..IngestConfig::default()
    };
    let (docs, errors, _) = read_all(&[path.display().to_string()], &config);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text(), "short");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "{}:1: document is 512 bytes, over the 100-byte cap (--max-doc-bytes)",
            path.display()
        )
    );
}

#[test]
fn unknown_declared_encoding_is_a_warning() {
    let (docs, errors, _) = read_fixtures(&["html/unknown-charset.html"]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        warnings(&docs[0]),
        vec!["declared encoding 'x-foo' at byte 43 is unknown; decoded as UTF-8"]
    );
    assert!(docs[0].text().contains("stone bridge"));
}

#[test]
fn missing_file_is_named() {
    let missing = fixture("text/does-not-exist.txt");
    let (docs, errors, summary) = read_all(
        &[missing.clone(), fixture("text/labour.txt")],
        &IngestConfig::default(),
    );
    assert_eq!(docs.len(), 1);
    let message = errors[0].to_string();
    assert!(
        message.starts_with(&format!("{missing}: cannot open: ")),
        "{message}"
    );
    assert_eq!(summary.files_failed, 1);
}

#[test]
fn gzip_that_is_not_warc_is_refused() {
    let dir = scratch("not-warc");
    let path = dir.join("notes.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut encoder, b"just some text").unwrap();
    std::fs::write(&path, encoder.finish().unwrap()).unwrap();
    let (_, errors, _) = read_all(&[path.display().to_string()], &IngestConfig::default());
    assert!(
        errors[0].to_string().contains("does not hold WARC records"),
        "{}",
        errors[0]
    );
}

#[test]
fn garbage_in_every_format_never_panics() {
    let dir = scratch("garbage");
    let garbage: &[u8] =
        b"<<<>>> \xff\xfe {\"\" ,,,\n\"\n<REUTERS NEWID=\"\"><BODY>&#99999999;&#x;&";
    for extension in [
        "txt", "html", "jsonl", "csv", "rss", "warc", "sgm", "warc.gz",
    ] {
        std::fs::write(dir.join(format!("garbage.{extension}")), garbage).unwrap();
    }
    let (_, _, summary) = read_all(&[dir.display().to_string()], &IngestConfig::default());
    assert_eq!(summary.files_read + summary.files_failed, 8);
}

#[test]
fn warc_without_a_version_line_stops_that_file_only() {
    let dir = scratch("broken-warc");
    let path = dir.join("broken.warc");
    let good = std::fs::read(fixture("warc/news.warc")).unwrap();
    // Garbage where the last record's header should be.
    let boundary = good.windows(8).rposition(|w| w == b"WARC/1.0").unwrap();
    let mut file = good[..boundary].to_vec();
    file.extend_from_slice(b"garbage line\r\n");
    std::fs::write(&path, &file).unwrap();
    let (docs, errors, summary) = read_all(
        &[path.display().to_string(), fixture("text/labour.txt")],
        &IngestConfig::default(),
    );
    assert_eq!(docs.len(), 2, "the bridge page and the text file");
    let message = errors[0].to_string();
    assert!(message.contains(": record 4 (byte "), "{message}");
    assert!(
        message.ends_with(
            "expected a WARC version line, found \"garbage line\"; rest of file skipped"
        ),
        "{message}"
    );
    assert_eq!((summary.files_read, summary.files_failed), (1, 1));
}
