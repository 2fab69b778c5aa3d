//! Reuters-21578 SGML: many `<REUTERS NEWID="n">` articles per file, read one at a time.

use std::io::BufRead;

use chrono::{NaiveDate, NaiveDateTime};
use dateline_core::{Doc, DocMeta, Published, PublishedFrom};

use crate::decode::decode_utf8;
use crate::error::{IngestError, Location};
use crate::finish::{finish, non_blank};
use crate::source::Source;
use crate::{DocResults, IngestConfig, Reader};

/// Reads Reuters-21578 `.sgm` files article by article.
pub(crate) struct SgmlReader;

impl Reader for SgmlReader {
    fn documents(&self, source: Source, config: &IngestConfig) -> DocResults {
        Box::new(SgmlDocs {
            name: source.name,
            reader: source.reader,
            config: config.clone(),
            record: 0,
            done: false,
        })
    }
}

struct SgmlDocs {
    name: String,
    reader: Box<dyn BufRead>,
    config: IngestConfig,
    record: u64,
    done: bool,
}

impl Iterator for SgmlDocs {
    type Item = Result<Doc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_article() {
            Ok(Some(result)) => Some(result),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(error) => {
                self.done = true;
                Some(Err(error))
            }
        }
    }
}

impl SgmlDocs {
    /// Collects the bytes of the next `<REUTERS ...>...</REUTERS>` element. An article over the
    /// cap is skipped to its end without being kept.
    fn next_article(&mut self) -> Result<Option<Result<Doc, IngestError>>, IngestError> {
        let mut article = Vec::new();
        let mut line = Vec::new();
        let mut started = false;
        let mut size: u64 = 0;
        let cap = self.config.max_doc_bytes as u64;
        loop {
            line.clear();
            let at = Location::record(self.name.clone(), self.record + 1);
            let read =
                self.reader
                    .read_until(b'\n', &mut line)
                    .map_err(|source| IngestError::Read {
                        at: at.clone(),
                        source,
                    })?;
            if read == 0 {
                if started {
                    self.record += 1;
                    let what = "truncated article (no </REUTERS>)".to_string();
                    return Ok(Some(Err(IngestError::Truncated { at, what })));
                }
                return Ok(None);
            }
            started |= contains(&line, b"<REUTERS");
            if !started {
                continue;
            }
            size += read as u64;
            if size <= cap {
                article.extend_from_slice(&line);
            }
            if contains(&line, b"</REUTERS>") {
                self.record += 1;
                if size > cap {
                    return Ok(Some(Err(IngestError::TooLarge { at, size, cap })));
                }
                return Ok(Some(self.article(article, at)));
            }
        }
    }

    fn article(&self, bytes: Vec<u8>, at: Location) -> Result<Doc, IngestError> {
        // Reuters-21578 is mostly ASCII; the few stray bytes are decoded lossily with a warning.
        let (raw, invalid) = decode_utf8(bytes);
        let parts = Article::parse(&raw);
        let Some(text) = parts.text() else {
            return Err(IngestError::BadRecord {
                at,
                message: "no body".to_string(),
            });
        };
        let mut meta = DocMeta {
            id: parts.new_id.as_ref().map(|id| format!("reuters-{id}")),
            title: parts.title.clone(),
            source: Some("Reuters".to_string()),
            ..DocMeta::default()
        };
        if let Some(date) = parts.date.as_deref().and_then(parse_reuters_date) {
            meta.offer_published(date, PublishedFrom::Metadata);
        }
        finish(text, meta, invalid.into_iter().collect(), at, &self.config)
    }
}

/// The fields of one article, entities decoded.
#[derive(Debug, Default)]
struct Article {
    new_id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    dateline: Option<String>,
    body: Option<String>,
    unstructured: Option<String>,
}

impl Article {
    fn parse(raw: &str) -> Article {
        let open_tag_end = raw.find('>').unwrap_or(raw.len());
        let text_element = element(raw, "TEXT");
        Article {
            new_id: attribute(&raw[..open_tag_end], "NEWID"),
            date: element(raw, "DATE").map(decode_entities),
            title: element(raw, "TITLE")
                .map(decode_entities)
                .and_then(non_blank),
            dateline: element(raw, "DATELINE")
                .map(decode_entities)
                .and_then(non_blank),
            body: element(raw, "BODY")
                .map(decode_entities)
                .map(|b| reflow(&b))
                .and_then(non_blank),
            unstructured: text_element
                .map(strip_tags)
                .map(|t| reflow(&decode_entities(&t)))
                .and_then(non_blank),
        }
    }

    /// The document text: the dateline (as the wire printed it, so that it is found as a
    /// stand-off dateline) followed by the body. Articles without a body fall back to the
    /// unstructured TEXT content, then to the title.
    fn text(&self) -> Option<String> {
        let body = self
            .body
            .clone()
            .or_else(|| self.unstructured.clone())
            .or_else(|| self.title.clone())?;
        match &self.dateline {
            Some(dateline) if self.body.is_some() => Some(format!("{} {body}", dateline.trim())),
            _ => Some(body),
        }
    }
}

/// The raw content of the first `<NAME>...</NAME>` element (attributes allowed on the tag).
fn element<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut from = 0;
    while let Some(found) = raw[from..].find(&open).map(|i| i + from) {
        let after = &raw[found + open.len()..];
        // "<TEXT" must not match "<TEXTS": the name ends at '>' or whitespace.
        if after.starts_with(['>', ' ', '\t', '\n']) {
            let content_start = found + open.len() + after.find('>')? + 1;
            let content_end = raw[content_start..].find(&close)? + content_start;
            return Some(&raw[content_start..content_end]);
        }
        from = found + open.len();
    }
    None
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    non_blank(tag[start..end].to_string())
}

/// Removes tags from an unstructured TEXT element (it may still hold TITLE or AUTHOR).
fn strip_tags(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut in_tag = false;
    for c in raw.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decodes `&lt; &gt; &amp; &quot; &apos;` and numeric entities. Control characters (the
/// collection's `&#2;`/`&#3;` start and end markers, `&#5;`, `&#22;`...) are dropped.
fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        match entity(&rest[1..semi]) {
            Some(Some(c)) => out.push(c),
            Some(None) => {}
            None => out.push_str(&rest[..=semi]),
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// `None`: not an entity; `Some(None)`: an entity that stands for nothing worth keeping.
fn entity(name: &str) -> Option<Option<char>> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((!c.is_control() || c == '\n' || c == '\t').then_some(c))
}

/// Reuters bodies are wrapped at ~70 columns, with a new paragraph wherever a line starts
/// indented. Joins wrapped lines and separates paragraphs with a blank line.
fn reflow(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let indented = line.starts_with([' ', '\t']);
            out.push_str(if indented { "\n\n" } else { " " });
        }
        out.push_str(trimmed);
    }
    out
}

/// "26-FEB-1987 15:01:01.79"; a few dates in the collection carry stray characters, so the
/// date alone is accepted when the time does not parse.
fn parse_reuters_date(raw: &str) -> Option<Published> {
    let trimmed = raw.trim();
    for format in ["%d-%b-%Y %H:%M:%S%.f", "%d-%b-%Y %H:%M:%S"] {
        if let Ok(local) = NaiveDateTime::parse_from_str(trimmed, format) {
            return Some(Published::Local(local));
        }
    }
    let date = trimmed.split_whitespace().next()?;
    NaiveDate::parse_from_str(date, "%d-%b-%Y")
        .ok()
        .map(Published::Date)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<REUTERS TOPICS="YES" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<PLACES><D>usa</D></PLACES>
<TEXT>&#2;
<TITLE>GRAIN &amp; FEED PRICES</TITLE>
<DATELINE>    CHICAGO, Feb 26 - </DATELINE><BODY>Prices rose &lt;sharply&gt;
on Thursday, dealers said.
    Volume was light.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>"#;

    #[test]
    fn parses_fields_and_entities() {
        let article = Article::parse(ARTICLE);
        assert_eq!(article.new_id.as_deref(), Some("7"));
        assert_eq!(article.title.as_deref(), Some("GRAIN & FEED PRICES"));
        assert_eq!(
            article.text().unwrap(),
            "CHICAGO, Feb 26 - Prices rose <sharply> on Thursday, dealers said.\n\nVolume was light.\n\nReuter"
        );
        let date = parse_reuters_date(article.date.as_deref().unwrap()).unwrap();
        assert_eq!(date.to_string(), "1987-02-26T15:01:01");
    }

    #[test]
    fn odd_dates_keep_the_day() {
        assert_eq!(
            parse_reuters_date(" 5-MAR-1987 09:06:46.20x")
                .unwrap()
                .to_string(),
            "1987-03-05"
        );
        assert!(parse_reuters_date("garbage").is_none());
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp;&#3; b &bogus; &#x41; & c"),
            "a & b &bogus; A & c"
        );
    }
}
