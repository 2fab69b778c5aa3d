//! Format detection: the file extension first, then the first bytes.

use std::io::Read;

use flate2::read::GzDecoder;

use crate::error::{IngestError, Location};
use crate::Format;

/// How many bytes are sniffed.
pub(crate) const HEAD_LEN: usize = 8 * 1024;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Decides the format of a source from its name and its first [`HEAD_LEN`] bytes. Binary content
/// and gzip files that do not hold WARC records are refused here, before any reader runs.
pub(crate) fn detect(name: &str, head: &[u8]) -> Result<Format, IngestError> {
    let lower = name.to_ascii_lowercase();
    if head.starts_with(&GZIP_MAGIC) {
        return detect_gzip(name, &lower, head);
    }
    if let Some(format) = by_extension(&lower) {
        // Extensions say what a file should be; NUL bytes say it is not text after all.
        if format != Format::Warc {
            reject_binary(name, head)?;
        }
        return Ok(format);
    }
    reject_binary(name, head)?;
    Ok(sniff(head))
}

fn by_extension(lower: &str) -> Option<Format> {
    let extension = lower.rsplit_once('.').map(|(_, ext)| ext)?;
    let format = match extension {
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" => Format::Jsonl,
        "csv" | "tsv" => Format::Csv,
        "rss" | "atom" => Format::Feed,
        "warc" => Format::Warc,
        "sgm" | "sgml" => Format::ReutersSgml,
        // XML could be a feed or anything else: let the content decide.
        _ => return None,
    };
    Some(format)
}

fn detect_gzip(name: &str, lower: &str, head: &[u8]) -> Result<Format, IngestError> {
    if lower.ends_with(".warc.gz") {
        return Ok(Format::Warc);
    }
    // The head is only the start of the stream, so decoding stops early with an error; what was
    // decoded by then is enough to see a WARC version line.
    let mut inflated = Vec::new();
    let _ = GzDecoder::new(head).take(16).read_to_end(&mut inflated);
    if inflated.starts_with(b"WARC/") {
        return Ok(Format::Warc);
    }
    Err(IngestError::BadRecord {
        at: Location::file(name),
        message: "gzip-compressed file does not hold WARC records, skipped".to_string(),
    })
}

fn reject_binary(name: &str, head: &[u8]) -> Result<(), IngestError> {
    // UTF-16 text is full of NULs but is text: its byte-order mark says so.
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return Ok(());
    }
    match head.iter().position(|&b| b == 0) {
        Some(offset) => Err(IngestError::Binary {
            at: Location::file(name),
            offset: offset as u64,
        }),
        None => Ok(()),
    }
}

/// Content sniffing for sources without a telling extension (and stdin).
fn sniff(head: &[u8]) -> Format {
    let start = skip_bom_and_space(head);
    let rest = &head[start..];
    if rest.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if rest.starts_with(b"<") {
        return sniff_markup(rest);
    }
    if rest.starts_with(b"{") {
        return Format::Jsonl;
    }
    Format::Text
}

fn sniff_markup(rest: &[u8]) -> Format {
    let lower: Vec<u8> = rest.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if has(b"<reuters") {
        return Format::ReutersSgml;
    }
    if has(b"<!doctype html") || has(b"<html") {
        return Format::Html;
    }
    if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
        return Format::Feed;
    }
    Format::Html
}

fn skip_bom_and_space(head: &[u8]) -> usize {
    let start = if head.starts_with(&[0xef, 0xbb, 0xbf]) {
        3
    } else {
        0
    };
    start
        + head[start..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_content() {
        assert_eq!(detect("a.TXT", b"<html>").unwrap(), Format::Text);
        assert_eq!(
            detect("a.xml", b"<?xml version='1.0'?><rss>").unwrap(),
            Format::Feed
        );
        assert_eq!(detect("-", b"  <!DOCTYPE html><p>x").unwrap(), Format::Html);
        assert_eq!(detect("-", b"{\"text\":1}").unwrap(), Format::Jsonl);
        assert_eq!(detect("noext", b"Hello").unwrap(), Format::Text);
        assert_eq!(
            detect("x.dat", b"<!DOCTYPE lewis><REUTERS>").unwrap(),
            Format::ReutersSgml
        );
    }

    #[test]
    fn binary_is_refused_with_offset() {
        let error = detect("blob.bin", b"abc\0def").unwrap_err();
        assert_eq!(
            error.to_string(),
            "blob.bin: binary file (NUL byte at offset 3), skipped"
        );
    }

    #[test]
    fn gzip_that_is_not_warc_is_refused() {
        let error = detect("x.gz", &[0x1f, 0x8b, 8, 0]).unwrap_err();
        assert!(error.to_string().contains("does not hold WARC"));
    }
}
