//! Query-string parsing with clear errors: unknown names, repeated names, non-numbers and
//! out-of-range pages are 400s that say what was expected.

use std::collections::HashMap;

use dateline_store::query::EventFilter;

use crate::error::ApiError;

/// The most rows one request may ask for.
pub const MAX_LIMIT: u32 = 1000;

/// A parsed query string.
#[derive(Debug, Default)]
pub struct Params {
    values: HashMap<String, String>,
}

impl Params {
    /// Parses `query`, accepting only the names in `allowed`.
    pub fn parse(query: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut values = HashMap::new();
        for (name, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
            if !allowed.contains(&name.as_ref()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {name:?}; this endpoint takes {}",
                    if allowed.is_empty() {
                        "none".to_string()
                    } else {
                        allowed.join(", ")
                    }
                )));
            }
            if value.len() > 1000 {
                return Err(ApiError::bad_request(format!(
                    "parameter {name:?} is longer than 1000 bytes"
                )));
            }
            if values.insert(name.to_string(), value.to_string()).is_some() {
                return Err(ApiError::bad_request(format!(
                    "parameter {name:?} is given twice"
                )));
            }
        }
        Ok(Params { values })
    }

    /// A non-empty value.
    pub fn get(&self, name: &str) -> Option<String> {
        self.values
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// `limit`, 1 to [`MAX_LIMIT`], default `default`.
    pub fn limit(&self, default: u32) -> Result<u32, ApiError> {
        match self.get("limit") {
            None => Ok(default),
            Some(text) => match text.parse::<u32>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "limit {text:?}: expected a whole number from 1 to {MAX_LIMIT}"
                ))),
            },
        }
    }

    /// `offset`, default 0.
    pub fn offset(&self) -> Result<u64, ApiError> {
        match self.get("offset") {
            None => Ok(0),
            Some(text) => match text.parse::<u64>() {
                Ok(n) if n <= 10_000_000 => Ok(n),
                _ => Err(ApiError::bad_request(format!(
                    "offset {text:?}: expected a whole number from 0 to 10000000"
                ))),
            },
        }
    }

    /// The event filter.
    pub fn event_filter(&self) -> EventFilter {
        EventFilter {
            actor: self.get("actor"),
            event_type: self.get("type"),
            from: self.get("from"),
            to: self.get("to"),
            place: self.get("place"),
            source: self.get("source"),
            text: self.get("text"),
            doc: self.get("doc"),
        }
    }
}

/// The names the event filter reads.
pub const EVENT_FILTERS: [&str; 8] = [
    "actor", "type", "from", "to", "place", "source", "text", "doc",
];

/// Event filters plus paging.
pub const EVENT_PARAMS: [&str; 10] = [
    "actor", "type", "from", "to", "place", "source", "text", "doc", "limit", "offset",
];
