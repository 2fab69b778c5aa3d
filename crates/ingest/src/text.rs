//! Plain text: an optional headline line, and an optional `.meta.json` sidecar.

use std::fs;

use dateline_core::{Diagnostic, Doc, DocMeta};
use serde_json::Value;

use crate::decode::{decode_utf8, warning};
use crate::error::IngestError;
use crate::finish::finish;
use crate::jsonl::apply_json_fields;
use crate::source::{read_document, Source};
use crate::{walk, DocResults, IngestConfig, Reader};

/// Reads one plain-text file as one document.
pub(crate) struct TextReader;

impl Reader for TextReader {
    fn documents(&self, mut source: Source, config: &IngestConfig) -> DocResults {
        Box::new(std::iter::once(read_text(&mut source, config)))
    }
}

const MAX_HEADLINE_CHARS: usize = 200;

fn read_text(source: &mut Source, config: &IngestConfig) -> Result<Doc, IngestError> {
    let bytes = read_document(source, config.max_doc_bytes)?;
    let (text, invalid) = decode_utf8(bytes);
    let mut diagnostics: Vec<Diagnostic> = invalid.into_iter().collect();
    let mut meta = DocMeta::default();
    let (title, body) = split_headline(&text);
    meta.title = title.map(str::to_string);
    let body = body.to_string();
    read_sidecar(source, &mut meta, &mut diagnostics);
    finish(body, meta, diagnostics, source.location(), config)
}

/// Splits off a headline: a short first line, followed by a blank line, that does not end like
/// a sentence. Returns the title and the rest with leading blank lines dropped; when there is
/// no headline (or nothing after it) the whole text is the body.
pub(crate) fn split_headline(text: &str) -> (Option<&str>, &str) {
    let Some((first, rest)) = text.split_once('\n') else {
        return (None, text);
    };
    let title = first.trim();
    let (second, _) = rest.split_once('\n').unwrap_or((rest, ""));
    let is_headline = !title.is_empty()
        && second.trim().is_empty()
        && title.chars().count() <= MAX_HEADLINE_CHARS
        && !ends_like_sentence(title);
    if !is_headline {
        return (None, text);
    }
    let body = rest.trim_start();
    if body.is_empty() {
        return (None, text);
    }
    (Some(title), body)
}

fn ends_like_sentence(line: &str) -> bool {
    let without_quotes = line.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    without_quotes.ends_with(['.', '!', '?', '…'])
}

/// Reads `a.txt.meta.json` or `a.meta.json`. A broken sidecar is a warning, not a lost document.
fn read_sidecar(source: &Source, meta: &mut DocMeta, diagnostics: &mut Vec<Diagnostic>) {
    let Some(path) = &source.path else { return };
    let Some(sidecar) = walk::sidecars(path).into_iter().find(|p| p.is_file()) else {
        return;
    };
    let name = sidecar.display();
    let parsed = fs::read(&sidecar)
        .map_err(|error| error.to_string())
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).map_err(|e| e.to_string()));
    match parsed {
        Ok(Value::Object(object)) => apply_json_fields(&object, meta),
        Ok(_) => diagnostics.push(warning(format!(
            "{name}: sidecar is not a JSON object; ignored"
        ))),
        Err(error) => diagnostics.push(warning(format!(
            "{name}: unreadable sidecar ({error}); ignored"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn headline_rules() {
        assert_eq!(
            split_headline("Title here\n\nBody."),
            (Some("Title here"), "Body.")
        );
        assert_eq!(
            split_headline("Title\r\n\r\n\r\nBody"),
            (Some("Title"), "Body")
        );
        let sentence = "A sentence that ends.\n\nBody.";
        assert_eq!(split_headline(sentence), (None, sentence));
        let quoted = "He said \"no.\"\n\nBody.";
        assert_eq!(split_headline(quoted), (None, quoted));
        let no_blank = "Title\nBody.";
        assert_eq!(split_headline(no_blank), (None, no_blank));
        assert_eq!(
            split_headline("Only a title\n\n"),
            (None, "Only a title\n\n")
        );
        let long = format!("{}\n\nBody", "x".repeat(201));
        assert_eq!(split_headline(&long).0, None);
    }

    fn non_whitespace(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    proptest! {
        #[test]
        fn headline_split_loses_nothing(text in "([A-Za-z .!?\"]{0,30}\n){0,4}[a-z .]{0,20}") {
            let (title, body) = split_headline(&text);
            let joined = format!("{}{}", title.unwrap_or(""), body);
            prop_assert_eq!(non_whitespace(&joined), non_whitespace(&text));
        }

        #[test]
        fn headline_split_never_panics(text in "\\PC{0,300}") {
            let _ = split_headline(&text);
        }
    }
}
