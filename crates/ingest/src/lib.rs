//! Dateline's readers: every way news text gets into the pipeline.
//!
//! [`open`] takes the inputs as a user gives them (files, directories, globs, `-` for stdin)
//! and returns [`Documents`], a lazy iterator of `Result<Doc, IngestError>`:
//!
//! 1. `walk` expands each input into files, one at a time (directories recursively and sorted,
//!    hidden files and `*.meta.json` sidecars skipped).
//! 2. Each file is opened only when the previous one is exhausted; `detect` picks its
//!    [`Format`] from the extension, then from its first 8 KiB (binary files are refused here).
//! 3. The format's [`Reader`] turns the [`Source`] into documents, record by record for
//!    multi-document formats (JSONL, CSV, WARC, SGML), so a corpus is never loaded whole.
//! 4. Every reader hands its text and metadata to one shared `finish` step that refuses
//!    empty and oversized documents, finds the wire dateline ([`detect_dateline`]) and attaches
//!    diagnostics. The text is never edited after that: annotations are stand-off.
//!
//! A bad file or record yields one `Err` whose message names the file and the position; the
//! iterator then goes on with the next record or file. [`Documents::summary`] counts both.
//!
//! ```no_run
//! use dateline_ingest::{open, IngestConfig};
//!
//! let mut documents = open(&["corpora/**/*.txt".to_string()], &IngestConfig::default());
//! for result in documents.by_ref() {
//!     match result {
//!         Ok(doc) => println!("{}: {} bytes", doc.id(), doc.text().len()),
//!         Err(error) => eprintln!("{error}"),
//!     }
//! }
//! eprintln!("{}", documents.summary());
//! ```
#![deny(missing_docs)]

mod csv;
mod decode;
mod detect;
mod error;
mod feed;
mod finish;
mod html;
mod jsonl;
mod sgml;
mod source;
mod text;
mod walk;
mod warc;
pub mod wire_dateline;

use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;

use dateline_core::Doc;

pub use error::{IngestError, Location};
pub use source::Source;
pub use wire_dateline::detect_dateline;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestConfig {
    /// Documents (and single-document files) larger than this are refused. Default 10 MiB.
    pub max_doc_bytes: usize,
    /// The CSV column holding the text; when `None` it is guessed from the header.
    pub text_column: Option<String>,
    /// Forces a format for every input instead of detecting it.
    pub format: Option<Format>,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_doc_bytes: 10 * 1024 * 1024,
            text_column: None,
            format: None,
        }
    }
}

/// The input formats Dateline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, optionally with a headline line and a `.meta.json` sidecar.
    Text,
    /// An HTML page.
    Html,
    /// One JSON object per line.
    Jsonl,
    /// Comma- or tab-separated values with a header row.
    Csv,
    /// RSS 2.0 or Atom.
    Feed,
    /// WARC, plain or gzip-compressed per record.
    Warc,
    /// Reuters-21578 SGML.
    ReutersSgml,
}

impl Format {
    /// The name the CLI uses.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Feed => "feed",
            Format::Warc => "warc",
            Format::ReutersSgml => "sgml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of `txt, html, jsonl, csv, feed, warc, sgml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format '{0}' (expected one of txt, html, jsonl, csv, feed, warc, sgml)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let format = match name.trim().to_ascii_lowercase().as_str() {
            "txt" | "text" => Format::Text,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" | "tsv" => Format::Csv,
            "feed" | "rss" | "atom" => Format::Feed,
            "warc" => Format::Warc,
            "sgml" | "sgm" | "reuters" => Format::ReutersSgml,
            _ => return Err(UnknownFormat(name.to_string())),
        };
        Ok(format)
    }
}

/// The documents of one source, or an error per bad record.
pub type DocResults = Box<dyn Iterator<Item = Result<Doc, IngestError>>>;

/// A reader for one format. Readers are stateless; all state lives in the returned iterator,
/// which must never panic and must yield an `Err` per bad record and keep going when it can.
pub trait Reader {
    /// The documents in `source`.
    fn documents(&self, source: Source, config: &IngestConfig) -> DocResults;
}

/// The reader for a format.
pub fn reader_for(format: Format) -> &'static dyn Reader {
    match format {
        Format::Text => &text::TextReader,
        Format::Html => &html::HtmlReader,
        Format::Jsonl => &jsonl::JsonlReader,
        Format::Csv => &csv::CsvReader,
        Format::Feed => &feed::FeedReader,
        Format::Warc => &warc::WarcReader,
        Format::ReutersSgml => &sgml::SgmlReader,
    }
}

/// Counts of what [`Documents`] has read so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents yielded.
    pub documents_read: u64,
    /// Records or single-document files that yielded an error.
    pub documents_failed: u64,
    /// Files opened and read to their end.
    pub files_read: u64,
    /// Files (or inputs) that could not be opened or read to their end.
    pub files_failed: u64,
    /// Files a directory walk passed over because their extension is not a news format.
    pub files_skipped: u64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        write!(
            f,
            "read {} document{} from {} file{}; {} failed",
            self.documents_read,
            plural(self.documents_read),
            self.files_read,
            plural(self.files_read),
            self.documents_failed + self.files_failed
        )?;
        if self.files_skipped > 0 {
            write!(
                f,
                "; skipped {} file{} that {} not a news format",
                self.files_skipped,
                plural(self.files_skipped),
                if self.files_skipped == 1 { "is" } else { "are" }
            )?;
        }
        Ok(())
    }
}

/// Builds a document from a text and metadata given directly (a request to the HTTP API, a
/// stored document analyzed again), with the same checks and dateline detection as a file.
/// `at` names where the text came from, for errors and provenance.
pub fn from_text(
    text: String,
    meta: dateline_core::DocMeta,
    at: Location,
    config: &IngestConfig,
) -> Result<dateline_core::Doc, IngestError> {
    finish::finish(text, meta, Vec::new(), at, config)
}

/// Opens the inputs lazily: nothing is read until the iterator is advanced.
pub fn open(inputs: &[String], config: &IngestConfig) -> Documents {
    Documents {
        config: config.clone(),
        inputs: inputs.iter().cloned().collect(),
        pending: None,
        current: None,
        current_failed: false,
        summary: Summary::default(),
    }
}

/// The streaming iterator of documents returned by [`open`].
pub struct Documents {
    config: IngestConfig,
    inputs: VecDeque<String>,
    pending: Option<walk::Inputs>,
    current: Option<DocResults>,
    current_failed: bool,
    summary: Summary,
}

impl Documents {
    /// What has been read so far; complete once the iterator returns `None`.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// The next result from the file being read, counting it.
    fn next_from_current(&mut self) -> Option<Result<Doc, IngestError>> {
        let current = self.current.as_mut()?;
        match current.next() {
            Some(Ok(doc)) => {
                self.summary.documents_read += 1;
                Some(Ok(doc))
            }
            Some(Err(error)) => {
                if error.is_file_level() {
                    self.current_failed = true;
                } else {
                    self.summary.documents_failed += 1;
                }
                Some(Err(error))
            }
            None => {
                self.current = None;
                if self.current_failed {
                    self.summary.files_failed += 1;
                } else {
                    self.summary.files_read += 1;
                }
                None
            }
        }
    }

    /// Opens the next file of the input being expanded; `None` when that input is done.
    fn open_next_file(&mut self) -> Option<Result<(), IngestError>> {
        let input = self.pending.as_mut()?.next();
        let Some(input) = input else {
            self.pending = None;
            return None;
        };
        if let Ok(source::Input::Skipped(_)) = &input {
            self.summary.files_skipped += 1;
            return Some(Ok(()));
        }
        let opened = input.and_then(|input| source::open_input(input, &self.config));
        match opened {
            Ok((source, format)) => {
                self.current = Some(reader_for(format).documents(source, &self.config));
                self.current_failed = false;
                Some(Ok(()))
            }
            Err(error) => {
                self.summary.files_failed += 1;
                Some(Err(error))
            }
        }
    }
}

impl Iterator for Documents {
    type Item = Result<Doc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(result) = self.next_from_current() {
                    return Some(result);
                }
                continue;
            }
            if self.pending.is_some() {
                match self.open_next_file() {
                    Some(Err(error)) => return Some(Err(error)),
                    Some(Ok(())) | None => continue,
                }
            }
            let input = self.inputs.pop_front()?;
            self.pending = Some(walk::expand(&input));
        }
    }
}
