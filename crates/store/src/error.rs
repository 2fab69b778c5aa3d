//! The store's errors.

/// What can go wrong opening, writing or querying a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("{path}: cannot open the store: {source}")]
    Open {
        /// The file.
        path: String,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// A read-only open of a file that does not exist.
    #[error("{path}: no such store (create it with `dateline ingest`)")]
    Missing {
        /// The file.
        path: String,
    },
    /// The file was written by a newer Dateline.
    #[error("the store's schema version {found} is newer than this build's {supported}: upgrade Dateline")]
    TooNew {
        /// Version in the file.
        found: u32,
        /// Newest this build knows.
        supported: u32,
    },
    /// A read-only open of a store whose schema differs from this build's.
    #[error("{path}: schema version {found}, this build reads {expected}: run `dateline ingest` once to migrate it")]
    WrongVersion {
        /// The file.
        path: String,
        /// Version in the file.
        found: u32,
        /// This build's version.
        expected: u32,
    },
    /// `PRAGMA integrity_check` found a problem.
    #[error("the store is damaged: {0}")]
    Corrupt(String),
    /// A query argument that cannot be used (bad date, unknown type).
    #[error("{0}")]
    BadQuery(String),
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored analysis could not be encoded or decoded.
    #[error("analysis JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
}
