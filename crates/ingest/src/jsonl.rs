//! JSON Lines: one article object per line, with `text` or `html`.

use dateline_core::{Diagnostic, Doc, DocMeta};
use serde_json::{Map, Value};

use crate::decode::decode_utf8;
use crate::error::{IngestError, Location};
use crate::finish::{finish, non_blank, offer_metadata_date};
use crate::html;
use crate::source::{read_line_capped, Source};
use crate::{DocResults, IngestConfig, Reader};

/// Reads a JSONL file line by line.
pub(crate) struct JsonlReader;

impl Reader for JsonlReader {
    fn documents(&self, source: Source, config: &IngestConfig) -> DocResults {
        Box::new(JsonlDocs {
            source,
            config: config.clone(),
            line: 0,
            buffer: Vec::new(),
            done: false,
        })
    }
}

struct JsonlDocs {
    source: Source,
    config: IngestConfig,
    line: u64,
    buffer: Vec<u8>,
    done: bool,
}

impl Iterator for JsonlDocs {
    type Item = Result<Doc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let at = Location::line(self.source.name.clone(), self.line);
            let cap = self.config.max_doc_bytes;
            let line = match read_line_capped(&mut self.source.reader, &mut self.buffer, cap) {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(source) => {
                    // The stream is broken; nothing after this point can be trusted.
                    self.done = true;
                    return Some(Err(IngestError::Read { at, source }));
                }
            };
            if !line.complete {
                return Some(Err(IngestError::TooLarge {
                    at,
                    size: line.len,
                    cap: cap as u64,
                }));
            }
            if self.buffer.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse_line(at));
        }
        None
    }
}

impl JsonlDocs {
    fn parse_line(&mut self, at: Location) -> Result<Doc, IngestError> {
        let (line, invalid) = decode_utf8(std::mem::take(&mut self.buffer));
        let value: Value =
            serde_json::from_str(&line).map_err(|error| IngestError::MalformedJson {
                at: at.clone(),
                message: error.to_string(),
            })?;
        let Value::Object(object) = value else {
            let message = "line is not a JSON object".to_string();
            return Err(IngestError::BadRecord { at, message });
        };
        let diagnostics: Vec<Diagnostic> = invalid.into_iter().collect();
        article_from_object(&object, diagnostics, at, &self.config)
    }
}

/// Builds a document from a JSON article: `text` wins over `html`; explicit fields win over
/// anything found in the HTML.
fn article_from_object(
    object: &Map<String, Value>,
    mut diagnostics: Vec<Diagnostic>,
    at: Location,
    config: &IngestConfig,
) -> Result<Doc, IngestError> {
    let mut meta = DocMeta::default();
    apply_json_fields(object, &mut meta);
    if let Some(text) = object.get("text").and_then(Value::as_str) {
        return finish(text.to_string(), meta, diagnostics, at, config);
    }
    if let Some(markup) = object.get("html").and_then(Value::as_str) {
        let page = html::parse_page(markup, &at)?;
        page.fill_meta(&mut meta);
        diagnostics.extend(page.diagnostics);
        return finish(page.text, meta, diagnostics, at, config);
    }
    let message = "no \"text\" or \"html\" field".to_string();
    Err(IngestError::BadRecord { at, message })
}

/// Copies the metadata fields shared by JSONL records and `.meta.json` sidecars:
/// `id, title, url, source, published, authors` (a string or a list of strings).
pub(crate) fn apply_json_fields(object: &Map<String, Value>, meta: &mut DocMeta) {
    let text = |key: &str| object.get(key).and_then(scalar_string).and_then(non_blank);
    if let Some(id) = text("id") {
        meta.id = Some(id);
    }
    if let Some(title) = text("title") {
        meta.title = Some(title);
    }
    if let Some(url) = text("url") {
        meta.url = Some(url);
    }
    if let Some(source) = text("source") {
        meta.source = Some(source);
    }
    if let Some(published) = text("published") {
        offer_metadata_date(meta, &published);
    }
    let authors = match object.get("authors").or_else(|| object.get("author")) {
        Some(Value::Array(items)) => items.iter().filter_map(scalar_string).collect(),
        Some(value) => scalar_string(value).into_iter().collect(),
        None => Vec::new(),
    };
    if !authors.is_empty() {
        meta.authors = authors;
    }
}

/// Strings as they are, numbers as written (ids are often numeric); anything else is ignored.
fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}
