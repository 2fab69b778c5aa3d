//! Errors: one per bad file or bad record, each a single line that names where it happened.

use std::fmt;
use std::io;

/// Where an error happened: the file, and inside it the line, record or byte when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// The file path as given (or found by walking), or `-` for standard input.
    pub path: String,
    /// 1-based line, for line-oriented inputs (JSONL).
    pub line: Option<u64>,
    /// 1-based record number, for multi-document files (CSV, feeds, WARC, SGML).
    pub record: Option<u64>,
    /// Byte offset of the record in the (decompressed) stream, when known.
    pub byte: Option<u64>,
}

impl Location {
    /// A whole file.
    pub fn file(path: impl Into<String>) -> Location {
        Location {
            path: path.into(),
            ..Location::default()
        }
    }

    /// A line of a line-oriented file.
    pub fn line(path: impl Into<String>, line: u64) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
            ..Location::default()
        }
    }

    /// A record of a multi-document file.
    pub fn record(path: impl Into<String>, record: u64) -> Location {
        Location {
            path: path.into(),
            record: Some(record),
            ..Location::default()
        }
    }

    /// The same location with a byte offset.
    pub fn at_byte(mut self, byte: u64) -> Location {
        self.byte = Some(byte);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(record) = self.record {
            write!(f, ": record {record}")?;
        }
        if let Some(byte) = self.byte {
            write!(f, " (byte {byte})")?;
        }
        Ok(())
    }
}

/// Why a file or a record could not be turned into a document. Its `Display` is one line that
/// starts with the [`Location`].
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened (missing, unreadable, a broken link).
    #[error("{at}: cannot open: {source}")]
    Open {
        /// The file.
        at: Location,
        /// The operating system's reason.
        source: io::Error,
    },
    /// Reading failed part-way.
    #[error("{at}: read error: {source}")]
    Read {
        /// Where reading stopped.
        at: Location,
        /// The operating system's reason.
        source: io::Error,
    },
    /// A glob pattern or directory walk went wrong before any file was opened.
    #[error("{at}: {message}")]
    Input {
        /// The input as given.
        at: Location,
        /// What went wrong.
        message: String,
    },
    /// The file holds NUL bytes: not text.
    #[error("{at}: binary file (NUL byte at offset {offset}), skipped")]
    Binary {
        /// The file.
        at: Location,
        /// Offset of the first NUL byte.
        offset: u64,
    },
    /// Nothing but whitespace.
    #[error("{at}: empty document")]
    Empty {
        /// The file or record.
        at: Location,
    },
    /// Over [`crate::IngestConfig::max_doc_bytes`].
    #[error("{at}: document is {size} bytes, over the {cap}-byte cap (--max-doc-bytes)")]
    TooLarge {
        /// The file or record.
        at: Location,
        /// Its size in bytes.
        size: u64,
        /// The cap.
        cap: u64,
    },
    /// A JSONL line that is not valid JSON.
    #[error("{at}: malformed JSON line: {message}")]
    MalformedJson {
        /// The line.
        at: Location,
        /// The parser's message.
        message: String,
    },
    /// A CSV file with no column to take the text from.
    #[error("{at}: no text column (give --text-column, or name one text/body/content/article/story); columns are: {}", columns.join(", "))]
    NoTextColumn {
        /// The file.
        at: Location,
        /// The header row.
        columns: Vec<String>,
    },
    /// A record that is readable but unusable (no text field, no body, bad CSV row, bad feed).
    #[error("{at}: {message}")]
    BadRecord {
        /// The record.
        at: Location,
        /// What is wrong with it.
        message: String,
    },
    /// The stream ended inside a record; the rest of the file cannot be read.
    #[error("{at}: {what}")]
    Truncated {
        /// The record that was cut off.
        at: Location,
        /// "truncated gzip stream" or "truncated record".
        what: String,
    },
    /// The file's structure is broken at this point; the rest of it cannot be found.
    #[error("{at}: {message}; rest of file skipped")]
    Unreadable {
        /// Where the structure broke.
        at: Location,
        /// What was expected.
        message: String,
    },
    /// A record skipped on purpose (a WARC response that is not an HTML page).
    #[error("{at}: {reason}, skipped")]
    Skipped {
        /// The record.
        at: Location,
        /// Why.
        reason: String,
    },
}

impl IngestError {
    /// Where the error happened.
    pub fn location(&self) -> &Location {
        match self {
            IngestError::Open { at, .. }
            | IngestError::Read { at, .. }
            | IngestError::Input { at, .. }
            | IngestError::Binary { at, .. }
            | IngestError::Empty { at }
            | IngestError::TooLarge { at, .. }
            | IngestError::MalformedJson { at, .. }
            | IngestError::NoTextColumn { at, .. }
            | IngestError::BadRecord { at, .. }
            | IngestError::Truncated { at, .. }
            | IngestError::Unreadable { at, .. }
            | IngestError::Skipped { at, .. } => at,
        }
    }

    /// True when the error concerns a whole file rather than one record of it: such errors are
    /// counted as failed files in the [`crate::Summary`].
    pub fn is_file_level(&self) -> bool {
        let at = self.location();
        let whole_file = at.line.is_none() && at.record.is_none();
        match self {
            IngestError::Open { .. }
            | IngestError::Input { .. }
            | IngestError::Binary { .. }
            | IngestError::NoTextColumn { .. }
            | IngestError::Truncated { .. }
            | IngestError::Unreadable { .. } => true,
            IngestError::Read { .. } | IngestError::BadRecord { .. } => whole_file,
            _ => false,
        }
    }
}
