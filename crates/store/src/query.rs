//! Read queries over a store: filtered events, quotes, full-text search, aggregates for the
//! timeline, map and actor network. Every user value reaches SQLite as a bound parameter;
//! filters are checked first, so that a bad date or an unknown type is a clear error.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;

use crate::{Store, StoreError};

/// The 16 PLOVER event types.
pub const EVENT_TYPES: [&str; 16] = dateline_core::PLOVER_TYPES;

/// The largest page a query returns.
pub const MAX_LIMIT: u32 = 10_000;

/// Filters on events; every field is optional.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Words of an actor's name ("Putin"), its code ("RUSGOV") or country ("RUS"), as source or
    /// target; every word must match.
    pub actor: Option<String>,
    /// PLOVER type.
    pub event_type: Option<String>,
    /// First day, `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    /// Words of the place's name, or its country code.
    pub place: Option<String>,
    /// Words of the document's source (publisher or agency).
    pub source: Option<String>,
    /// Words that must appear in the event's sentence.
    pub text: Option<String>,
    /// One document.
    pub doc: Option<String>,
}

/// A page of results.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// Rows matching the filters, over all pages (at most [`COUNT_CAP`] for events).
    pub total: u64,
    /// False when counting stopped at the cap: there are more than `total`.
    pub total_exact: bool,
    /// Page size asked for.
    pub limit: u32,
    /// Rows skipped.
    pub offset: u64,
    /// This page.
    pub items: Vec<T>,
}

/// An actor as an event row shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorRef {
    /// Name.
    pub name: String,
    /// CAMEO-style code.
    pub code: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
}

/// An event's place as a row shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceRef {
    /// Gazetteer name.
    pub name: String,
    /// ISO3.
    pub country: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// location, venue or destination.
    pub role: Option<String>,
    /// First-level division.
    pub admin1: Option<String>,
    /// country, admin1, city, …
    pub feature: Option<String>,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// The toponym as written.
    pub text: Option<String>,
}

/// One event with what a table, a map or an export needs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRow {
    /// Document id.
    pub doc_id: String,
    /// Event id within the document (`V3`).
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// QuadClass.
    pub quad_class: Option<u8>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// The event's day, else the document's.
    pub day: Option<String>,
    /// TIMEX3 value of the event's date.
    pub date: Option<String>,
    /// Who acts.
    pub source: Option<ActorRef>,
    /// Who is acted upon.
    pub target: Option<ActorRef>,
    /// Where.
    pub place: Option<PlaceRef>,
    /// positive or negative.
    pub polarity: String,
    /// asserted, proposed, …
    pub modality: String,
    /// The trigger text.
    pub trigger: String,
    /// Clause start (char offset).
    pub start: u32,
    /// Clause end.
    pub end: u32,
    /// Trigger start.
    pub trigger_start: u32,
    /// Trigger end.
    pub trigger_end: u32,
    /// The sentence.
    pub sentence: String,
    /// Rule trace.
    pub why: String,
    /// 0–1.
    pub confidence: f64,
    /// Quote the event was reported in.
    pub quote: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Document date.
    pub published: Option<String>,
    /// Document source.
    pub doc_source: Option<String>,
    /// Document URL.
    pub url: Option<String>,
    /// Sentence index in the document.
    pub sentence_index: u32,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// When the document was stored (UTC, RFC 3339).
    pub added: String,
}

const EVENT_COLUMNS: &str = "e.doc_id, e.id, e.type, e.mode, e.cameo, e.quad_class, e.goldstein,
    e.day, e.date_value, e.source_name, e.source_code, e.source_country, e.target_name,
    e.target_code, e.target_country, e.place_name, e.place_country, e.place_lat, e.place_lon,
    e.place_role, e.polarity, e.modality, e.trigger, e.start, e.end, e.trigger_start,
    e.trigger_end, e.sentence_text, e.why, e.confidence, e.quote_id, d.title, d.published,
    d.source, d.url, e.source_sector, e.target_sector, e.place_admin1, e.place_feature,
    e.place_geonameid, (SELECT p.text FROM places p WHERE p.doc_id = e.doc_id AND p.id = e.place_id),
    e.sentence, e.context, d.ingested_at";

fn event_row(row: &Row<'_>) -> rusqlite::Result<EventRow> {
    let actor = |name: Option<String>, code, country, sector| {
        name.map(|name| ActorRef {
            name,
            code,
            country,
            sector,
        })
    };
    let context: String = row.get(42)?;
    let place_name: Option<String> = row.get(15)?;
    Ok(EventRow {
        doc_id: row.get(0)?,
        id: row.get(1)?,
        event_type: row.get(2)?,
        mode: row.get(3)?,
        cameo: row.get(4)?,
        quad_class: row.get(5)?,
        goldstein: row.get(6)?,
        day: row.get(7)?,
        date: row.get(8)?,
        source: actor(row.get(9)?, row.get(10)?, row.get(11)?, row.get(35)?),
        target: actor(row.get(12)?, row.get(13)?, row.get(14)?, row.get(36)?),
        place: match place_name {
            Some(name) => Some(PlaceRef {
                name,
                country: row.get(16)?,
                lat: row.get(17)?,
                lon: row.get(18)?,
                role: row.get(19)?,
                admin1: row.get(37)?,
                feature: row.get(38)?,
                geonameid: row.get::<_, Option<i64>>(39)?.map(|id| id as u64),
                text: row.get(40)?,
            }),
            None => None,
        },
        polarity: row.get(20)?,
        modality: row.get(21)?,
        trigger: row.get(22)?,
        start: row.get(23)?,
        end: row.get(24)?,
        trigger_start: row.get(25)?,
        trigger_end: row.get(26)?,
        sentence: row.get(27)?,
        why: row.get(28)?,
        confidence: row.get(29)?,
        quote: row.get(30)?,
        title: row.get(31)?,
        published: row.get(32)?,
        doc_source: row.get(33)?,
        url: row.get(34)?,
        sentence_index: row.get(41)?,
        context: context
            .split("; ")
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        added: row.get(43)?,
    })
}

/// A `WHERE` clause and its bound values.
#[derive(Debug, Default)]
struct Conditions {
    clauses: Vec<String>,
    values: Vec<Value>,
}

impl Conditions {
    /// Adds `clause`, numbering its `?` placeholders after those already there; `values`
    /// bind them in order.
    fn push(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        let mut values = values.into_iter();
        let mut numbered = String::with_capacity(clause.len() + 8);
        for ch in clause.chars() {
            numbered.push(ch);
            if ch == '?' {
                if let Some(value) = values.next() {
                    self.values.push(value);
                }
                numbered.push_str(&self.values.len().to_string());
            }
        }
        debug_assert!(values.next().is_none(), "more values than placeholders");
        self.clauses.push(numbered);
    }

    fn sql(&self) -> String {
        // Clauses are fixed text from this module; user input is only ever in `values`.
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

/// Checks a `YYYY-MM-DD` filter value.
pub fn check_day(name: &str, value: &str) -> Result<String, StoreError> {
    let value = value.trim();
    match chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(date) => Ok(date.format("%Y-%m-%d").to_string()),
        Err(_) => Err(StoreError::BadQuery(format!(
            "{name}: {value:?} is not a date; expected YYYY-MM-DD"
        ))),
    }
}

/// Checks a PLOVER type filter, case-insensitively.
pub fn check_type(value: &str) -> Result<String, StoreError> {
    let upper = value.trim().to_ascii_uppercase();
    if EVENT_TYPES.contains(&upper.as_str()) {
        Ok(upper)
    } else {
        Err(StoreError::BadQuery(format!(
            "type: {value:?} is not a PLOVER event type; expected one of {}",
            EVENT_TYPES.join(", ")
        )))
    }
}

/// Checks a page size.
pub fn check_limit(limit: u32) -> Result<u32, StoreError> {
    if limit == 0 || limit > MAX_LIMIT {
        return Err(StoreError::BadQuery(format!(
            "limit: {limit} is out of range; expected 1 to {MAX_LIMIT}"
        )));
    }
    Ok(limit)
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A checked event filter, kept in parts so that a query can be driven by whichever index is
/// more selective: the events' keys, or their full-text index.
#[derive(Debug)]
struct EventQuery {
    /// `actors : "putin" AND type : "CONSULT"`, when any word filter is given (the type joins
    /// the words then: an intersection in the index).
    words: Option<String>,
    /// The type, when there are no words.
    event_type: Option<String>,
    /// First event key of the `from` day (keys sort by day, see `event_key_base`).
    first_key: Option<i64>,
    /// First event key after the `to` day.
    end_key: Option<i64>,
    /// One document.
    doc: Option<String>,
}

/// Where an [`EventQuery`]'s words go in SQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Words {
    /// `events_fts MATCH ?`: the full-text table `f` drives the query.
    Match,
    /// `e.seq IN (SELECT rowid FROM events_fts …)`: a condition on `events e`.
    Subquery,
}

impl EventQuery {
    /// The conditions, with date bounds written on `key` (`e.seq`, or `f.rowid` when the
    /// full-text index drives).
    fn conditions(&self, key: &str, words: Words) -> Conditions {
        let mut conditions = Conditions::default();
        if let Some(expression) = &self.words {
            let clause = match words {
                Words::Match => "events_fts MATCH ?",
                Words::Subquery => {
                    "e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
                }
            };
            conditions.push(clause, [text(expression)]);
        }
        if let Some(event_type) = &self.event_type {
            conditions.push("e.type = ?", [text(event_type)]);
        }
        if let Some(first) = self.first_key {
            conditions.push(&format!("{key} >= ?"), [Value::Integer(first)]);
        }
        if let Some(end) = self.end_key {
            conditions.push(&format!("{key} < ?"), [Value::Integer(end)]);
        }
        if let Some(doc) = &self.doc {
            conditions.push("e.doc_id = ?", [text(doc)]);
        }
        conditions
    }
}

impl EventFilter {
    /// The filter as a `WHERE …` clause over `events e`, with its values.
    pub(crate) fn where_sql(&self) -> Result<(String, Vec<Value>), StoreError> {
        let conditions = self.query()?.conditions("e.seq", Words::Subquery);
        Ok((conditions.sql(), conditions.values))
    }

    /// Checks the filter.
    fn query(&self) -> Result<EventQuery, StoreError> {
        let event_type = non_empty(&self.event_type).map(check_type).transpose()?;
        let from = non_empty(&self.from)
            .map(|d| check_day("from", d))
            .transpose()?;
        let to = non_empty(&self.to)
            .map(|d| check_day("to", d))
            .transpose()?;
        if let (Some(from), Some(to)) = (&from, &to) {
            if from > to {
                return Err(StoreError::BadQuery(format!(
                    "from {from} is after to {to}"
                )));
            }
        }
        // Names, codes, places, outlets and sentence words go through the events' full-text
        // index in one MATCH.
        let mut terms = Vec::new();
        for (column, value) in [
            ("actors", &self.actor),
            ("place", &self.place),
            ("outlet", &self.source),
            ("sentence", &self.text),
        ] {
            if let Some(value) = non_empty(value) {
                for word in crate::browse::fts_words(column, value)? {
                    terms.push(format!("{column} : {word}"));
                }
            }
        }
        let event_type = match event_type {
            Some(event_type) if !terms.is_empty() => {
                terms.push(format!("type : \"{event_type}\""));
                None
            }
            other => other,
        };
        Ok(EventQuery {
            words: (!terms.is_empty()).then(|| terms.join(" AND ")),
            event_type,
            first_key: from.map(|from| crate::event_key_base(Some(&from))),
            end_key: to.map(|to| crate::event_key_end(&to)),
            doc: non_empty(&self.doc).map(str::to_string),
        })
    }
}

/// Counting stops here: beyond it a page says "10,000+" rather than scan every match.
pub const COUNT_CAP: u64 = 10_000;

impl Store {
    /// Events matching `filter`, newest day first. `total` is exact up to [`COUNT_CAP`].
    pub fn events(
        &self,
        filter: &EventFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Page<EventRow>, StoreError> {
        let limit = check_limit(limit)?;
        // With words, the full-text index drives: it yields keys newest first, and the other
        // conditions are checked on its rows, so a page stops after `limit` matches.
        let query = filter.query()?;
        let (from, mut conditions, key) = if query.words.is_some() {
            let conditions = query.conditions("f.rowid", Words::Match);
            let from = if conditions.clauses.len() == 1 {
                "events_fts f"
            } else {
                "events_fts f JOIN events e ON e.seq = f.rowid"
            };
            (from, conditions, "f.rowid")
        } else {
            (
                "events e",
                query.conditions("e.seq", Words::Subquery),
                "e.seq",
            )
        };
        let counted: u64 = self.connection().query_row(
            &format!(
                "SELECT COUNT(*) FROM (SELECT 1 FROM {from} {} LIMIT {})",
                conditions.sql(),
                COUNT_CAP + 1
            ),
            params_from_iter(&conditions.values),
            |row| row.get(0),
        )?;
        conditions.values.push(Value::Integer(i64::from(limit)));
        conditions
            .values
            .push(Value::Integer(offset.min(i64::MAX as u64) as i64));
        let n = conditions.values.len();
        let page = format!(
            "SELECT {key} FROM {from} {} ORDER BY {key} DESC LIMIT ?{} OFFSET ?{n}",
            conditions.sql(),
            n - 1
        );
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id
             WHERE e.seq IN ({page}) ORDER BY e.seq DESC"
        );
        let mut statement = self.connection().prepare_cached(&sql)?;
        let items = statement
            .query_map(params_from_iter(&conditions.values), event_row)?
            .collect::<Result<_, _>>()?;
        Ok(Page {
            total: counted.min(COUNT_CAP),
            total_exact: counted <= COUNT_CAP,
            limit,
            offset,
            items,
        })
    }

    /// Calls `each` for every event matching `filter`, oldest day first (for exports).
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let (where_sql, values) = filter.where_sql()?;
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id {where_sql} ORDER BY e.seq"
        );
        let mut statement = self.connection().prepare(&sql)?;
        let mut rows = statement.query(params_from_iter(&values))?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            each(event_row(row)?)?;
            count += 1;
        }
        Ok(count)
    }
}

/// Filters on quotes.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Words of the speaker's name.
    pub speaker: Option<String>,
    /// Words in the quote.
    pub text: Option<String>,
    /// One document.
    pub doc: Option<String>,
    /// `direct`, `partial` or `indirect`.
    pub kind: Option<String>,
}

/// One quote with its document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteRow {
    /// Document id.
    pub doc_id: String,
    /// Quote id (`Q4`).
    pub id: String,
    /// direct, partial or indirect.
    pub kind: String,
    /// Content.
    pub text: String,
    /// Speaker name.
    pub speaker: Option<String>,
    /// Speaker entity.
    pub speaker_entity: Option<String>,
    /// Speech verb.
    pub cue: Option<String>,
    /// When it was said.
    pub date: Option<String>,
    /// Content start.
    pub start: u32,
    /// Content end.
    pub end: u32,
    /// Document title.
    pub title: Option<String>,
    /// Document date.
    pub published: Option<String>,
}

impl Store {
    /// Quotes matching `filter`, in document order.
    pub fn quotes(
        &self,
        filter: &QuoteFilter,
        limit: u32,
        offset: u64,
    ) -> Result<Page<QuoteRow>, StoreError> {
        let limit = check_limit(limit)?;
        let mut conditions = Conditions::default();
        let mut terms = Vec::new();
        for (column, value) in [("speaker", &filter.speaker), ("text", &filter.text)] {
            if let Some(value) = non_empty(value) {
                for word in crate::browse::fts_words(column, value)? {
                    terms.push(format!("{column} : {word}"));
                }
            }
        }
        if !terms.is_empty() {
            conditions.push(
                "q.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
                [text(&terms.join(" AND "))],
            );
        }
        if let Some(doc) = non_empty(&filter.doc) {
            conditions.push("q.doc_id = ?", [text(doc)]);
        }
        if let Some(kind) = non_empty(&filter.kind) {
            let kind = kind.to_ascii_lowercase();
            if !["direct", "partial", "indirect"].contains(&kind.as_str()) {
                return Err(StoreError::BadQuery(format!(
                    "kind: {kind:?} is not a quote kind; expected direct, partial or indirect"
                )));
            }
            conditions.push("q.kind = ?", [text(&kind)]);
        }
        let from = "FROM quotes q JOIN documents d ON d.id = q.doc_id";
        let total: u64 = self.connection().query_row(
            &format!("SELECT COUNT(*) FROM quotes q {}", conditions.sql()),
            params_from_iter(&conditions.values),
            |row| row.get(0),
        )?;
        let mut values = conditions.values.clone();
        values.push(Value::Integer(i64::from(limit)));
        values.push(Value::Integer(offset.min(i64::MAX as u64) as i64));
        let n = values.len();
        let sql = format!(
            "SELECT q.doc_id, q.id, q.kind, q.text, q.speaker, q.speaker_entity, q.cue, q.date_value,
                    q.start, q.end, d.title, d.published
             {from} {} ORDER BY d.day DESC, q.seq LIMIT ?{} OFFSET ?{n}",
            conditions.sql(),
            n - 1
        );
        let mut statement = self.connection().prepare_cached(&sql)?;
        let items = statement
            .query_map(params_from_iter(&values), |row| {
                Ok(QuoteRow {
                    doc_id: row.get(0)?,
                    id: row.get(1)?,
                    kind: row.get(2)?,
                    text: row.get(3)?,
                    speaker: row.get(4)?,
                    speaker_entity: row.get(5)?,
                    cue: row.get(6)?,
                    date: row.get(7)?,
                    start: row.get(8)?,
                    end: row.get(9)?,
                    title: row.get(10)?,
                    published: row.get(11)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Page {
            total,
            total_exact: true,
            limit,
            offset,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_across_clauses() {
        let mut conditions = Conditions::default();
        conditions.push("(a = ? OR b = ?)", [text("x"), text("y")]);
        conditions.push("c = ?", [text("z")]);
        assert_eq!(conditions.sql(), "WHERE (a = ?1 OR b = ?2) AND c = ?3");
        assert_eq!(conditions.values[2], Value::Text("z".into()));
    }

    #[test]
    fn placeholders_follow_the_full_text_match() {
        let filter = EventFilter {
            actor: Some("Putin".into()),
            event_type: Some("consult".into()),
            from: Some("2025-08-01".into()),
            doc: Some("abc".into()),
            ..EventFilter::default()
        };
        let conditions = filter.query().unwrap().conditions("f.rowid", Words::Match);
        assert_eq!(
            conditions.sql(),
            "WHERE events_fts MATCH ?1 AND f.rowid >= ?2 AND e.doc_id = ?3"
        );
        assert_eq!(
            conditions.values[0],
            Value::Text("actors : \"Putin\" AND type : \"CONSULT\"".into())
        );
        let without_words = EventFilter {
            event_type: Some("consult".into()),
            ..EventFilter::default()
        };
        let conditions = without_words
            .query()
            .unwrap()
            .conditions("e.seq", Words::Subquery);
        assert_eq!(conditions.sql(), "WHERE e.type = ?1");
    }

    #[test]
    fn filters_are_checked() {
        assert!(check_day("from", "2025-02-29").is_err());
        assert_eq!(check_day("from", " 2024-02-29 ").unwrap(), "2024-02-29");
        assert_eq!(check_type("assault").unwrap(), "ASSAULT");
        assert!(check_type("FIGHT").is_err());
        assert!(check_limit(0).is_err());
        assert!(check_limit(MAX_LIMIT + 1).is_err());
    }
}
