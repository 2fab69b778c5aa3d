//! Aggregates and lookups for browsing: counts, the timeline, the actor network, places,
//! actors, the document list, one document, and full-text search.

use std::collections::BTreeMap;

use dateline_core::schema::Analysis;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use crate::query::{check_limit, EventFilter, Page};
use crate::{Store, StoreError};

/// Store-wide counts.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Documents.
    pub documents: u64,
    /// Events.
    pub events: u64,
    /// Quotes.
    pub quotes: u64,
    /// Entities (per document).
    pub entities: u64,
    /// Place mentions.
    pub places: u64,
    /// Events per PLOVER type.
    pub by_type: BTreeMap<String, u64>,
    /// Earliest event day.
    pub first_day: Option<String>,
    /// Latest event day.
    pub last_day: Option<String>,
}

/// Events of one type on one day.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineBin {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Events.
    pub count: u64,
}

/// An actor in the network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    /// Actor code, else name.
    pub id: String,
    /// A name for it.
    pub label: String,
    /// Events it takes part in.
    pub count: u64,
}

/// Who acts on whom, by type.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Edge {
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Events.
    pub count: u64,
}

/// The actor network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Network {
    /// Actors.
    pub nodes: Vec<Node>,
    /// Edges.
    pub edges: Vec<Edge>,
}

/// A place with how often it is named and where events happen.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    /// Gazetteer name.
    pub name: String,
    /// ISO3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Events placed there.
    pub events: u64,
    /// Mentions in texts.
    pub mentions: u64,
}

/// An actor aggregated over documents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorCount {
    /// CAMEO-style code.
    pub code: Option<String>,
    /// Name.
    pub name: String,
    /// Country.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// Documents that name it.
    pub documents: u64,
    /// Events it is source or target of.
    pub events: u64,
}

/// A document in a list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentRow {
    /// Store id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Date.
    pub published: Option<String>,
    /// Where it was read from.
    pub origin: String,
    /// Events.
    pub events: u64,
    /// Quotes.
    pub quotes: u64,
}

/// A full-text hit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SearchHit {
    /// `document` or `quote`.
    pub kind: &'static str,
    /// Document id.
    pub doc_id: String,
    /// Quote id for quote hits.
    pub id: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// The matching passage, matched words in [brackets].
    pub snippet: String,
}

/// A stored document: its analysis and where it came from.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    /// Store id.
    pub id: String,
    /// Where it was read from.
    pub origin: String,
    /// Pipeline version of the analysis.
    pub pipeline: String,
    /// The analysis.
    pub analysis: Analysis,
}

impl Store {
    /// Counts over the whole store.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let connection = self.connection();
        let count = |table: &str| -> Result<u64, StoreError> {
            Ok(
                connection.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                    row.get(0)
                })?,
            )
        };
        let mut by_type = BTreeMap::new();
        let mut statement =
            connection.prepare_cached("SELECT type, COUNT(*) FROM events GROUP BY type")?;
        for row in statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, u64>(1)?))
        })? {
            let (event_type, n) = row?;
            by_type.insert(event_type, n);
        }
        let (first_day, last_day) =
            connection.query_row("SELECT MIN(day), MAX(day) FROM events", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        Ok(Stats {
            documents: count("documents")?,
            events: count("events")?,
            quotes: count("quotes")?,
            entities: count("entities")?,
            places: count("places")?,
            by_type,
            first_day,
            last_day,
        })
    }

    /// Events per day and type, for the events matching `filter`.
    pub fn timeline(&self, filter: &EventFilter) -> Result<Vec<TimelineBin>, StoreError> {
        let (where_sql, values) = filter_sql(filter)?;
        let sql = format!(
            "SELECT e.day, e.type, COUNT(*) FROM events e
             {where_sql} {} e.day IS NOT NULL GROUP BY e.day, e.type ORDER BY e.day, e.type LIMIT 20000",
            if where_sql.is_empty() { "WHERE" } else { "AND" }
        );
        let mut statement = self.connection().prepare_cached(&sql)?;
        let rows = statement.query_map(params_from_iter(&values), |row| {
            Ok(TimelineBin {
                day: row.get(0)?,
                event_type: row.get(1)?,
                count: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Who acts on whom among the events matching `filter`: the `max_nodes` busiest actors.
    /// Only actors linked to an entity or coded count: an unresolved "he" or "which" is not a
    /// node an analyst can read.
    pub fn network(&self, filter: &EventFilter, max_nodes: usize) -> Result<Network, StoreError> {
        let (where_sql, values) = filter_sql(filter)?;
        let sql = format!(
            "SELECT COALESCE(e.source_code, e.source_name), e.source_name,
                    COALESCE(e.target_code, e.target_name), e.target_name, e.type, COUNT(*)
             FROM events e
             {where_sql} {} (e.source_code IS NOT NULL OR e.source_entity IS NOT NULL)
                 AND (e.target_code IS NOT NULL OR e.target_entity IS NOT NULL)
             GROUP BY 1, 3, 5 ORDER BY 6 DESC LIMIT 5000",
            if where_sql.is_empty() { "WHERE" } else { "AND" }
        );
        let mut statement = self.connection().prepare_cached(&sql)?;
        let mut rows = statement.query(params_from_iter(&values))?;
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        let mut edges = Vec::new();
        while let Some(row) = rows.next()? {
            let (source, source_label): (String, String) = (row.get(0)?, row.get(1)?);
            let (target, target_label): (String, String) = (row.get(2)?, row.get(3)?);
            let count: u64 = row.get(5)?;
            for (id, label) in [(&source, source_label), (&target, target_label)] {
                nodes
                    .entry(id.clone())
                    .or_insert_with(|| Node {
                        id: id.clone(),
                        label,
                        count: 0,
                    })
                    .count += count;
            }
            edges.push(Edge {
                source,
                target,
                event_type: row.get(4)?,
                count,
            });
        }
        let mut nodes: Vec<Node> = nodes.into_values().collect();
        nodes.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
        nodes.truncate(max_nodes);
        let kept: std::collections::BTreeSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        edges.retain(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str()));
        Ok(Network { nodes, edges })
    }

    /// Places by events and mentions.
    pub fn places(&self, limit: u32, offset: u64) -> Result<Vec<PlaceCount>, StoreError> {
        let limit = check_limit(limit)?;
        // Two grouped scans joined, not a count of events per place group.
        let mut statement = self.connection().prepare_cached(
            "WITH mentioned AS (
                 SELECT name, country, AVG(lat) AS lat, AVG(lon) AS lon, COUNT(*) AS n
                 FROM places WHERE lat IS NOT NULL GROUP BY name, country),
             happened AS (
                 SELECT place_name AS name, place_country AS country, COUNT(*) AS n
                 FROM events WHERE place_name IS NOT NULL GROUP BY 1, 2)
             SELECT m.name, m.country, m.lat, m.lon, m.n, COALESCE(h.n, 0)
             FROM mentioned m
             LEFT JOIN happened h ON h.name = m.name AND h.country IS m.country
             ORDER BY 6 DESC, 5 DESC, m.name LIMIT ?1 OFFSET ?2",
        )?;
        let offset = offset.min(i64::MAX as u64) as i64;
        let rows = statement.query_map(rusqlite::params![limit, offset], |row| {
            Ok(PlaceCount {
                name: row.get(0)?,
                country: row.get(1)?,
                lat: row.get(2)?,
                lon: row.get(3)?,
                mentions: row.get(4)?,
                events: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Actors by how many documents name them; `name` filters by part of the name or code.
    pub fn actors(
        &self,
        name: Option<&str>,
        limit: u32,
        offset: u64,
    ) -> Result<Vec<ActorCount>, StoreError> {
        let limit = check_limit(limit)?;
        let pattern = format!(
            "%{}%",
            name.unwrap_or("")
                .trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        // Entities grouped by name and code, joined with how often linked events name them as
        // source or target: grouped scans, not a count of events per actor group.
        let mut statement = self.connection().prepare_cached(
            "WITH named AS (
                 SELECT name, code, MIN(country) AS country, MIN(sector) AS sector,
                        COUNT(DISTINCT doc_id) AS documents
                 FROM entities
                 WHERE type <> 'ANON'
                   AND (name LIKE ?1 ESCAPE '\\' OR code LIKE ?1 ESCAPE '\\')
                 GROUP BY name, code),
             acting AS (
                 SELECT name, code, SUM(n) AS n FROM (
                     SELECT source_name AS name, source_code AS code, COUNT(*) AS n
                     FROM events WHERE source_entity IS NOT NULL GROUP BY 1, 2
                     UNION ALL
                     SELECT target_name, target_code, COUNT(*)
                     FROM events WHERE target_entity IS NOT NULL GROUP BY 1, 2)
                 GROUP BY name, code)
             SELECT n.code, n.name, n.country, n.sector, n.documents, COALESCE(a.n, 0)
             FROM named n LEFT JOIN acting a ON a.name = n.name AND a.code IS n.code
             ORDER BY n.documents DESC, n.name LIMIT ?2 OFFSET ?3",
        )?;
        let offset = offset.min(i64::MAX as u64) as i64;
        let rows = statement.query_map(rusqlite::params![pattern, limit, offset], |row| {
            Ok(ActorCount {
                code: row.get(0)?,
                name: row.get(1)?,
                country: row.get(2)?,
                sector: row.get(3)?,
                documents: row.get(4)?,
                events: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Documents, newest first.
    pub fn documents(&self, limit: u32, offset: u64) -> Result<Page<DocumentRow>, StoreError> {
        let limit = check_limit(limit)?;
        let total: u64 =
            self.connection()
                .query_row("SELECT COUNT(*) FROM documents", [], |row| row.get(0))?;
        let mut statement = self.connection().prepare_cached(
            "SELECT id, title, source, published, origin, n_events, n_quotes FROM documents
             ORDER BY day DESC, seq LIMIT ?1 OFFSET ?2",
        )?;
        let items = statement
            .query_map(
                rusqlite::params![limit, offset.min(i64::MAX as u64) as i64],
                |row| {
                    Ok(DocumentRow {
                        id: row.get(0)?,
                        title: row.get(1)?,
                        source: row.get(2)?,
                        published: row.get(3)?,
                        origin: row.get(4)?,
                        events: row.get(5)?,
                        quotes: row.get(6)?,
                    })
                },
            )?
            .collect::<Result<_, _>>()?;
        Ok(Page {
            total,
            total_exact: true,
            limit,
            offset,
            items,
        })
    }

    /// One document by id or by a unique id prefix of at least 6 characters.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let id = id.trim();
        if id.len() < 6
            || !id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(StoreError::BadQuery(format!(
                "document id {id:?}: expected a document id or a prefix of at least 6 characters"
            )));
        }
        let mut statement = self.connection().prepare_cached(
            "SELECT id, origin, pipeline, analysis FROM documents
             WHERE id = ?1 OR (id >= ?1 AND id < ?1 || 'g') OR input_id = ?1 LIMIT 2",
        )?;
        let mut rows: Vec<(String, String, String, String)> = Vec::new();
        let mut found = statement.query([id])?;
        while let Some(row) = found.next()? {
            let json = crate::packed::unpack(row.get_ref(3)?)?;
            rows.push((row.get(0)?, row.get(1)?, row.get(2)?, json));
        }
        match rows.as_slice() {
            [] => Ok(None),
            [(id, origin, pipeline, json)] => Ok(Some(StoredDocument {
                id: id.clone(),
                origin: origin.clone(),
                pipeline: pipeline.clone(),
                analysis: serde_json::from_str(json)?,
            })),
            _ => Err(StoreError::BadQuery(format!(
                "document id {id:?} is ambiguous: give more characters"
            ))),
        }
    }

    /// Calls `each` with every stored analysis, in store order.
    pub fn for_each_analysis(
        &self,
        mut each: impl FnMut(&str, &str) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let mut statement = self
            .connection()
            .prepare("SELECT id, analysis FROM documents ORDER BY seq")?;
        let mut rows = statement.query([])?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let json = crate::packed::unpack(row.get_ref(1)?)?;
            each(&id, &json)?;
            count += 1;
        }
        Ok(count)
    }

    /// Full-text search over document texts and quotes. The query is taken as plain words
    /// (all must occur); FTS5 operators in it are treated as text, never as syntax.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>, StoreError> {
        let limit = check_limit(limit)?;
        let expression = fts_expression(query)?;
        let mut hits = Vec::new();
        let mut documents = self.connection().prepare_cached(
            "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 16)
             FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        for row in documents.query_map(rusqlite::params![expression, limit], |row| {
            Ok(SearchHit {
                kind: "document",
                doc_id: row.get(0)?,
                id: None,
                title: row.get(1)?,
                snippet: row.get(2)?,
            })
        })? {
            hits.push(row?);
        }
        let mut quotes = self.connection().prepare_cached(
            "SELECT q.doc_id, q.id, d.title, snippet(quotes_fts, 1, '[', ']', '…', 24)
             FROM quotes_fts JOIN quotes q ON q.seq = quotes_fts.rowid
             JOIN documents d ON d.id = q.doc_id
             WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        for row in quotes.query_map(rusqlite::params![expression, limit], |row| {
            Ok(SearchHit {
                kind: "quote",
                doc_id: row.get(0)?,
                id: row.get(1)?,
                title: row.get(2)?,
                snippet: row.get(3)?,
            })
        })? {
            hits.push(row?);
        }
        Ok(hits)
    }
}

/// The event filter's WHERE clause, reused by aggregates.
fn filter_sql(filter: &EventFilter) -> Result<(String, Vec<Value>), StoreError> {
    filter.where_sql()
}

/// User words as quoted FTS5 terms (`"peace"`), for `name` in error messages. Anything that is
/// not a letter or digit separates words, so no input is FTS5 syntax.
pub(crate) fn fts_words(name: &str, value: &str) -> Result<Vec<String>, StoreError> {
    let words: Vec<String> = value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(16)
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        return Err(StoreError::BadQuery(format!(
            "{name} {value:?}: give at least one word"
        )));
    }
    Ok(words)
}

/// Turns user words into an FTS5 expression of quoted terms: `"peace" "talks"`. Anything that
/// is not a letter or digit separates words, so no input can be FTS5 syntax.
pub fn fts_expression(query: &str) -> Result<String, StoreError> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        return Err(StoreError::BadQuery(format!(
            "search {query:?}: give at least one word"
        )));
    }
    Ok(words.join(" "))
}
