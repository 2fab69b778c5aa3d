//! Dateline's embedded store: one SQLite file (WAL journal) holding each document's text, its
//! analysis as the contract JSON, normalized tables for events, entities, quotes, times and
//! places, and FTS5 indexes over texts and quotes. Queries and exports read it; the `dateline`
//! binary and the HTTP server share this crate and nothing heavier.
//!
//! Invariants:
//! - A document is stored with all its rows in one transaction: never half.
//! - The store key of a document is the sha256 of its text, so storing it twice is a no-op.
//! - Every row carries `doc_id` and char offsets into that document's text.

pub mod browse;
mod error;
pub mod export;
mod packed;
pub mod query;
mod schema;
mod write;

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

pub use error::StoreError;
pub use query::{EventFilter, EventRow, Page, QuoteFilter, QuoteRow};
pub use schema::SCHEMA_VERSION;
pub use write::{NewDocument, WriteOutcome};

/// An open store.
pub struct Store {
    connection: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.connection.path())
            .finish()
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path` for reading and writing, and brings its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let mut connection = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        configure(&connection)?;
        schema::migrate(&mut connection)?;
        Ok(Store { connection })
    }

    /// Opens an existing store read-only (for the server's readers and the query commands).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.display().to_string(),
            });
        }
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        // Readers serve many small queries of a few shapes: memory-mapped reads (the OS page
        // cache is shared by every connection, SQLite's own is not) and room for each
        // shape's prepared statement.
        connection.pragma_update(None, "mmap_size", 1_073_741_824)?;
        connection.set_prepared_statement_cache_capacity(64);
        let version: u32 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if version != SCHEMA_VERSION {
            return Err(StoreError::WrongVersion {
                path: path.display().to_string(),
                found: version,
                expected: SCHEMA_VERSION,
            });
        }
        Ok(Store { connection })
    }

    /// The stored documents' ids with the pipeline version that analyzed each.
    pub fn stored_versions(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut statement = self
            .connection
            .prepare("SELECT id, pipeline FROM documents")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores a batch in one transaction. With `replace`, documents already stored get the new
    /// analysis (reprocessing); without, they are left alone.
    pub fn write_batch(
        &mut self,
        documents: &[NewDocument],
        replace: bool,
    ) -> Result<Vec<WriteOutcome>, StoreError> {
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let tx = self.connection.transaction()?;
        let mut outcomes = Vec::with_capacity(documents.len());
        for document in documents {
            outcomes.push(write::write_document(&tx, document, replace, &now)?);
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// The stored text and metadata of documents whose analysis was made by a pipeline other
    /// than `current` (all documents with `all`), for `dateline reprocess`.
    pub fn stale_documents(&self, current: &str, all: bool) -> Result<Vec<StoredText>, StoreError> {
        let mut statement = self.connection.prepare(
            "SELECT id, origin, text, title, source, url, published, published_from, input_id
             FROM documents WHERE ?1 OR pipeline <> ?2 ORDER BY seq",
        )?;
        let rows = statement.query_map(rusqlite::params![all, current], |row| {
            Ok(StoredText {
                id: row.get(0)?,
                origin: row.get(1)?,
                text: row.get(2)?,
                title: row.get(3)?,
                source: row.get(4)?,
                url: row.get(5)?,
                published: row.get(6)?,
                published_from: row.get(7)?,
                input_id: row.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Runs SQLite's integrity check; `Ok(())` when the database is consistent.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let result: String = self
            .connection
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if result == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt(result))
        }
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }
}

/// A stored document's text and metadata, to analyze again.
#[derive(Debug, Clone)]
pub struct StoredText {
    /// Store key.
    pub id: String,
    /// Where it was first read from.
    pub origin: String,
    /// The text.
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Reference date as stored.
    pub published: Option<String>,
    /// Where the reference date came from.
    pub published_from: Option<String>,
    /// The id the input gave.
    pub input_id: Option<String>,
}

fn configure(connection: &Connection) -> Result<(), StoreError> {
    // WAL: readers never block the writer, and a commit is atomic even if the process is killed.
    // synchronous=NORMAL keeps every committed transaction across a process crash (only a power
    // loss can take the last ones back), at a fraction of FULL's fsyncs.
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(())
}

/// Bits of an event key below its day: 16.7 million events per day.
const DAY_SHIFT: u32 = 24;
/// Keys per day.
pub(crate) const DAY_SPAN: i64 = 1 << DAY_SHIFT;

/// The first event key of `day` (`YYYY-MM-DD`): keys sort by day, so newest-first is key order
/// and a date range is a key range. Days before 1800 share the first day's keys; events with
/// no day at all sort before every dated one.
pub(crate) fn event_key_base(day: Option<&str>) -> i64 {
    let index = match day.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        None => 1,
        Some(date) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1800, 1, 1).unwrap_or_default();
            (date - epoch).num_days().max(0) + 2
        }
    };
    index << DAY_SHIFT
}

/// The first key after every event of `day`.
pub(crate) fn event_key_end(day: &str) -> i64 {
    event_key_base(Some(day)) + DAY_SPAN
}

/// `YYYY-MM-DD` from a TIMEX3 value or an RFC 3339 date, when it names one day.
pub fn day_of(value: &str) -> Option<String> {
    let day = value.get(..10)?;
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(day.to_string())
}
