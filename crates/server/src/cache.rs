//! A cache of GET answers, keyed by path and query, emptied whenever the store changes.
//!
//! Analysts' dashboards ask the same filtered questions over and over (every page load, every
//! click back); answering those from memory keeps the database for new questions. A change is
//! seen through SQLite's `PRAGMA data_version` on one dedicated connection, which moves
//! whenever any other connection or process commits, so an `ingest` running beside the
//! server, or a `POST /api/documents`, is visible at the next request.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::Mutex;

use axum::body::Bytes;
use rusqlite::{Connection, OpenFlags};

/// Answers kept at most.
const ENTRIES: usize = 2048;
/// Larger answers are not kept (a `limit=1000` page).
const LARGEST: usize = 256 * 1024;

/// The cache and the connection that watches the store.
pub struct ResponseCache {
    watcher: Mutex<Option<Connection>>,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    version: Option<i64>,
    entries: HashMap<String, Bytes>,
    order: VecDeque<String>,
}

impl ResponseCache {
    /// A cache over the store at `db`.
    pub fn new(db: &Path) -> ResponseCache {
        let watcher = Connection::open_with_flags(
            db,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok();
        ResponseCache {
            watcher: Mutex::new(watcher),
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The store's current version; `None` when it cannot be read, which disables the cache.
    fn version(&self) -> Option<i64> {
        let watcher = self.watcher.lock().unwrap_or_else(|p| p.into_inner());
        watcher
            .as_ref()?
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .ok()
    }

    /// The cached answer for `key`, after emptying the cache if the store has changed.
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let version = self.version()?;
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.version != Some(version) {
            inner.entries.clear();
            inner.order.clear();
            inner.version = Some(version);
            return None;
        }
        inner.entries.get(key).cloned()
    }

    /// Keeps `body` as the answer for `key`.
    pub fn put(&self, key: String, body: Bytes) {
        if body.len() > LARGEST {
            return;
        }
        let Some(version) = self.version() else {
            return;
        };
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.version != Some(version) {
            // The store changed while this answer was computed: it may be stale.
            return;
        }
        if inner.entries.len() >= ENTRIES {
            if let Some(oldest) = inner.order.pop_front() {
                inner.entries.remove(&oldest);
            }
        }
        if inner.entries.insert(key.clone(), body).is_none() {
            inner.order.push_back(key);
        }
    }
}
