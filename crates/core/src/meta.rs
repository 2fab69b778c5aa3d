//! Document metadata: where a document came from and what it says about itself.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// The publication date of a document: the reference date (DCT) that relative times resolve
/// against. Precision is kept as given: a bare date never gains an invented time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// A calendar date with no time ("2025-08-19").
    Date(NaiveDate),
    /// A date-time with no time zone ("2025-08-19T14:03:00").
    Local(NaiveDateTime),
    /// A date-time with a known UTC offset ("2025-08-19T14:03:00+02:00").
    Zoned(DateTime<FixedOffset>),
}

impl Published {
    /// The calendar date, in the document's own time zone where one is known.
    pub fn date(&self) -> NaiveDate {
        match self {
            Published::Date(date) => *date,
            Published::Local(datetime) => datetime.date(),
            Published::Zoned(datetime) => datetime.date_naive(),
        }
    }

    /// Parses the date formats found in news metadata: ISO 8601 / RFC 3339 dates and date-times
    /// (with `Z`, an offset, or none), RFC 2822 (RSS `pubDate`), and `YYYY/MM/DD`.
    pub fn parse(text: &str) -> Option<Published> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Ok(zoned) = DateTime::parse_from_rfc3339(text) {
            return Some(Published::Zoned(zoned));
        }
        if let Ok(zoned) = DateTime::parse_from_rfc2822(text) {
            return Some(Published::Zoned(zoned));
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f%z",
            "%Y-%m-%dT%H:%M%z",
            "%Y-%m-%d %H:%M:%S%z",
        ] {
            if let Ok(zoned) = DateTime::parse_from_str(text, format) {
                return Some(Published::Zoned(zoned));
            }
        }
        for format in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
                return Some(Published::Local(local));
            }
        }
        for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
            if let Ok(date) = NaiveDate::parse_from_str(text, format) {
                return Some(Published::Date(date));
            }
        }
        None
    }
}

impl fmt::Display for Published {
    /// The contract's form: `2025-08-19`, `2025-08-19T14:03:00`, `2025-08-19T14:03:00Z` or with
    /// its offset.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Published::Local(datetime) => write!(f, "{}", datetime.format("%Y-%m-%dT%H:%M:%S")),
            Published::Zoned(datetime) if datetime.offset().local_minus_utc() == 0 => {
                write!(f, "{}", datetime.format("%Y-%m-%dT%H:%M:%SZ"))
            }
            Published::Zoned(datetime) => write!(f, "{}", datetime.format("%Y-%m-%dT%H:%M:%S%:z")),
        }
    }
}

/// Where the reference date came from (contract: `document.published_from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedFrom {
    /// The input's own metadata (sidecar, JSON field, HTML meta, feed, CSV column, SGML).
    Metadata,
    /// A wire-style dateline at the top of the text ("KYIV, Aug 19 (AFP) -").
    Dateline,
    /// The user's `--date` option, which overrides everything else.
    Option,
}

impl PublishedFrom {
    /// The contract's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            PublishedFrom::Metadata => "metadata",
            PublishedFrom::Dateline => "dateline",
            PublishedFrom::Option => "option",
        }
    }
}

/// A date as a dateline gives it: the year is often left out ("Aug 19").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    /// The year, when the dateline states it.
    pub year: Option<i32>,
    /// Month 1–12.
    pub month: u32,
    /// Day of month, when stated.
    pub day: Option<u32>,
}

impl PartialDate {
    /// The full date, when the dateline gave year, month and day and they form a real date.
    pub fn to_date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }
}

/// A wire dateline found at the start of the text: "KYIV, Aug 19 (AFP) -".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline's bytes in the text, including its closing dash.
    pub span: crate::ByteSpan,
    /// The place as written ("KYIV", "Moscow").
    pub place: Option<String>,
    /// The date, when the dateline carries one.
    pub date: Option<PartialDate>,
    /// The agency in parentheses ("AFP", "Reuters").
    pub agency: Option<String>,
}

/// Where a document was read from, for error messages and provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file path, or `-` for standard input.
    pub path: String,
    /// Which record inside the file (1-based line of a JSONL file, CSV record, feed item, WARC
    /// record, SGML article), when the file holds many documents.
    pub record: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(record) => write!(f, "{}#{}", self.path, record),
            None => write!(f, "{}", self.path),
        }
    }
}

/// Everything known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// An id given by the input; when absent the document id is the text's sha256.
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publisher or agency ("AFP", "BBC").
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Reference date.
    pub published: Option<Published>,
    /// Where `published` came from; `None` exactly when `published` is `None`.
    pub published_from: Option<PublishedFrom>,
    /// Authors or byline, as given.
    pub authors: Vec<String>,
    /// ISO 639-1 language code; Dateline analyzes English only for now.
    pub language: String,
    /// The wire dateline at the start of the text, if any.
    pub dateline: Option<Dateline>,
    /// Where the document was read from.
    pub origin: Origin,
}

impl DocMeta {
    /// Sets the reference date unless one with a stronger claim is already there: the user's
    /// option beats metadata, metadata beats a dateline.
    pub fn offer_published(&mut self, published: Published, from: PublishedFrom) {
        let rank = |from: PublishedFrom| match from {
            PublishedFrom::Dateline => 0,
            PublishedFrom::Metadata => 1,
            PublishedFrom::Option => 2,
        };
        let replace = match self.published_from {
            None => true,
            Some(current) => rank(from) > rank(current),
        };
        if replace {
            self.published = Some(published);
            self.published_from = Some(from);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_news_date_formats() {
        let cases = [
            ("2025-08-19", "2025-08-19"),
            ("2022-06-24T17:30:00Z", "2022-06-24T17:30:00Z"),
            ("2025-08-19T14:03:00+02:00", "2025-08-19T14:03:00+02:00"),
            ("2025-08-19T14:03:00", "2025-08-19T14:03:00"),
            ("Tue, 19 Aug 2025 14:03:00 GMT", "2025-08-19T14:03:00Z"),
            ("2025/08/19", "2025-08-19"),
        ];
        for (input, expected) in cases {
            let parsed = Published::parse(input).unwrap_or_else(|| panic!("{input} did not parse"));
            assert_eq!(parsed.to_string(), expected, "{input}");
        }
        assert_eq!(Published::parse("next Tuesday"), None);
    }

    #[test]
    fn option_beats_metadata_beats_dateline() {
        let mut meta = DocMeta::default();
        let date = |d| Published::parse(d).unwrap();
        meta.offer_published(date("2025-08-18"), PublishedFrom::Dateline);
        meta.offer_published(date("2025-08-19"), PublishedFrom::Metadata);
        meta.offer_published(date("2025-08-17"), PublishedFrom::Dateline);
        assert_eq!(meta.published.unwrap().to_string(), "2025-08-19");
        meta.offer_published(date("2025-08-20"), PublishedFrom::Option);
        assert_eq!(meta.published_from, Some(PublishedFrom::Option));
        assert_eq!(meta.published.unwrap().to_string(), "2025-08-20");
    }
}
