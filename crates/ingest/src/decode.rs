//! Bytes to `String`: byte-order marks, declared encodings, and lossy UTF-8 with a warning that
//! says where the first bad byte was, so that no input is refused just for its encoding.

use dateline_core::{Diagnostic, Severity};
use encoding_rs::{Encoding, UTF_8};

/// The stage name on every diagnostic this crate raises.
pub(crate) const STAGE: &str = "ingest";

/// A warning diagnostic from this crate.
pub(crate) fn warning(message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        stage: STAGE,
        message,
    }
}

/// Decodes text that should be UTF-8. A byte-order mark wins (UTF-16 files exist in the wild);
/// invalid sequences become U+FFFD and yield a warning naming the first bad byte.
pub(crate) fn decode_utf8(bytes: Vec<u8>) -> (String, Option<Diagnostic>) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        if encoding != UTF_8 {
            let (text, _, _) = encoding.decode(&bytes);
            return (text.into_owned(), None);
        }
        return decode_utf8_body(bytes[bom_len..].to_vec(), bom_len);
    }
    decode_utf8_body(bytes, 0)
}

fn decode_utf8_body(bytes: Vec<u8>, base: usize) -> (String, Option<Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let offset = base + error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let message = format!(
                "invalid UTF-8 at byte {offset}; decoded lossily with replacement characters"
            );
            (text, Some(warning(message)))
        }
    }
}

/// Decodes with a declared encoding label ("windows-1252", "koi8-r"). An unknown label falls
/// back to UTF-8 with a warning naming the label and where it was declared.
pub(crate) fn decode_declared(
    bytes: Vec<u8>,
    label: &str,
    declared_at: usize,
) -> (String, Vec<Diagnostic>) {
    if Encoding::for_bom(&bytes).is_some() {
        let (text, diagnostic) = decode_utf8(bytes);
        return (text, diagnostic.into_iter().collect());
    }
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(encoding) if encoding == UTF_8 => {
            let (text, diagnostic) = decode_utf8(bytes);
            (text, diagnostic.into_iter().collect())
        }
        // Labels like "utf-16" in a byte-oriented page are a lie the browser ignores too.
        Some(encoding) if encoding.output_encoding() == UTF_8 => {
            let (text, diagnostic) = decode_utf8(bytes);
            (text, diagnostic.into_iter().collect())
        }
        Some(encoding) => {
            let (text, _, _) = encoding.decode(&bytes);
            (text.into_owned(), Vec::new())
        }
        None => {
            let (text, diagnostic) = decode_utf8(bytes);
            let message = format!(
                "declared encoding '{}' at byte {declared_at} is unknown; decoded as UTF-8",
                label.trim()
            );
            let mut diagnostics = vec![warning(message)];
            diagnostics.extend(diagnostic);
            (text, diagnostics)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let (text, warning) = decode_utf8(b"abc\xffdef".to_vec());
        assert_eq!(text, "abc\u{fffd}def");
        assert!(warning.unwrap().message.contains("byte 3"));
    }

    #[test]
    fn bom_is_stripped_and_offsets_count_it() {
        let (text, warning) = decode_utf8(b"\xef\xbb\xbfab\xff".to_vec());
        assert_eq!(text, "ab\u{fffd}");
        assert!(warning.unwrap().message.contains("byte 5"));
    }

    #[test]
    fn utf16_bom_is_honoured() {
        let (text, warning) = decode_utf8(b"\xff\xfeh\0i\0".to_vec());
        assert_eq!(text, "hi");
        assert!(warning.is_none());
    }

    #[test]
    fn declared_encodings() {
        let (text, diagnostics) = decode_declared(b"caf\xe9".to_vec(), "windows-1252", 10);
        assert_eq!(text, "café");
        assert!(diagnostics.is_empty());
        let (text, diagnostics) = decode_declared(b"caf\xc3\xa9".to_vec(), "x-foo", 42);
        assert_eq!(text, "café");
        assert_eq!(
            diagnostics[0].message,
            "declared encoding 'x-foo' at byte 42 is unknown; decoded as UTF-8"
        );
    }
}
