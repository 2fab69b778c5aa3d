//! CSV and TSV: a header row, then one article per record.

use ::csv::{ByteRecord, Reader as CsvParser, ReaderBuilder, StringRecord};
use dateline_core::{Diagnostic, Doc, DocMeta};

use crate::decode::decode_utf8;
use crate::error::{IngestError, Location};
use crate::finish::{finish, non_blank, offer_metadata_date};
use crate::source::Source;
use crate::{DocResults, IngestConfig, Reader};

/// Reads a CSV (or TSV, by extension) file record by record.
pub(crate) struct CsvReader;

impl Reader for CsvReader {
    fn documents(&self, source: Source, config: &IngestConfig) -> DocResults {
        let delimiter = if source.name.to_ascii_lowercase().ends_with(".tsv") {
            b'\t'
        } else {
            b','
        };
        let name = source.name.clone();
        let parser = ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(source.reader);
        Box::new(CsvDocs {
            name,
            parser,
            config: config.clone(),
            columns: None,
            record: 0,
            done: false,
        })
    }
}

/// Which header column feeds which field.
struct Columns {
    text: usize,
    title: Option<usize>,
    published: Option<usize>,
    url: Option<usize>,
    id: Option<usize>,
    source: Option<usize>,
}

const TEXT_NAMES: &[&str] = &["text", "body", "content", "article", "story"];
const TITLE_NAMES: &[&str] = &["title", "headline"];
const DATE_NAMES: &[&str] = &["date", "published", "datepublished", "pubdate"];
const URL_NAMES: &[&str] = &["url", "link"];
const SOURCE_NAMES: &[&str] = &["source", "publisher"];

struct CsvDocs {
    name: String,
    parser: CsvParser<Box<dyn std::io::BufRead>>,
    config: IngestConfig,
    columns: Option<Columns>,
    record: u64,
    done: bool,
}

impl Iterator for CsvDocs {
    type Item = Result<Doc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.columns.is_none() {
            match self.read_header() {
                Ok(columns) => self.columns = Some(columns),
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
        let mut row = ByteRecord::new();
        self.record += 1;
        let at = Location::record(self.name.clone(), self.record);
        match self.parser.read_byte_record(&mut row) {
            Ok(false) => {
                self.done = true;
                None
            }
            Ok(true) => Some(self.document(&row, at)),
            Err(error) => {
                // The csv crate resynchronises at the next record for field-count and UTF-8
                // problems; an I/O error ends the file.
                if error.is_io_error() {
                    self.done = true;
                }
                Some(Err(IngestError::BadRecord {
                    at,
                    message: format!("CSV error: {error}"),
                }))
            }
        }
    }
}

impl CsvDocs {
    fn read_header(&mut self) -> Result<Columns, IngestError> {
        let at = Location::file(self.name.clone());
        let header: StringRecord = match self.parser.byte_headers() {
            Ok(bytes) => bytes
                .iter()
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .collect(),
            Err(error) => {
                return Err(IngestError::BadRecord {
                    at,
                    message: format!("CSV header: {error}"),
                })
            }
        };
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        let find = |wanted: &[&str]| {
            wanted
                .iter()
                .find_map(|w| names.iter().position(|n| n.eq_ignore_ascii_case(w)))
        };
        let text = match &self.config.text_column {
            Some(column) => names.iter().position(|n| n == column.trim()),
            None => find(TEXT_NAMES),
        };
        let Some(text) = text else {
            return Err(IngestError::NoTextColumn { at, columns: names });
        };
        Ok(Columns {
            text,
            title: find(TITLE_NAMES),
            published: find(DATE_NAMES),
            url: find(URL_NAMES),
            id: find(&["id"]),
            source: find(SOURCE_NAMES),
        })
    }

    fn document(&self, row: &ByteRecord, at: Location) -> Result<Doc, IngestError> {
        let Some(columns) = &self.columns else {
            return Err(IngestError::BadRecord {
                at,
                message: "no header".to_string(),
            });
        };
        let cap = self.config.max_doc_bytes as u64;
        let raw = row.get(columns.text).unwrap_or_default();
        if raw.len() as u64 > cap {
            return Err(IngestError::TooLarge {
                at,
                size: raw.len() as u64,
                cap,
            });
        }
        let (text, invalid) = decode_utf8(raw.to_vec());
        let diagnostics: Vec<Diagnostic> = invalid.into_iter().collect();
        let field = |index: Option<usize>| {
            let bytes = row.get(index?)?;
            non_blank(String::from_utf8_lossy(bytes).into_owned())
        };
        let mut meta = DocMeta {
            title: field(columns.title),
            url: field(columns.url),
            id: field(columns.id),
            source: field(columns.source),
            ..DocMeta::default()
        };
        if let Some(published) = field(columns.published) {
            offer_metadata_date(&mut meta, &published);
        }
        finish(text, meta, diagnostics, at, &self.config)
    }
}
