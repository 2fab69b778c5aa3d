//! A reader for TimeML (`.tml`) files: the document creation time from `<DCT>`, and the text of
//! `<TEXT>` with its `TIMEX3` annotations as character offsets into the tag-free text. Other
//! tags (EVENT, SIGNAL, …) are dropped; XML character entities are decoded.

use thiserror::Error;

/// One TIMEX3 of the gold text, in character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: String,
    /// The TIMEX3 value.
    pub value: String,
}

/// A TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimemlDoc {
    /// The text inside `<TEXT>`, without tags.
    pub text: String,
    /// The DCT's value ("1998-01-08"), when the file has one.
    pub dct: Option<String>,
    /// The gold expressions, in text order.
    pub timexes: Vec<GoldTimex>,
}

/// What is wrong with a TimeML file, and on which line.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("line {line}: {message}")]
pub struct TimemlError {
    /// 1-based line of the source.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a TimeML document.
pub fn parse(source: &str) -> Result<TimemlDoc, TimemlError> {
    let line_of = |byte: usize| source[..byte.min(source.len())].matches('\n').count() + 1;
    let dct = source.find("<DCT>").and_then(|start| {
        let end = source[start..].find("</DCT>")? + start;
        attribute(&source[start..end], "value")
    });
    let open = source.find("<TEXT>").ok_or_else(|| TimemlError {
        line: 1,
        message: "no <TEXT> element".to_string(),
    })? + "<TEXT>".len();
    let close = source[open..]
        .find("</TEXT>")
        .map(|i| i + open)
        .ok_or_else(|| TimemlError {
            line: line_of(open),
            message: "<TEXT> is never closed".to_string(),
        })?;
    let body = &source[open..close];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut timexes = Vec::new();
    let mut pending: Option<(usize, String, String, usize)> = None;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        let at = open + (body.len() - rest.len());
        match c {
            '<' => {
                let end = rest.find('>').ok_or_else(|| TimemlError {
                    line: line_of(at),
                    message: "a tag is never closed with '>'".to_string(),
                })?;
                let tag = &rest[1..end];
                if tag.starts_with("TIMEX3") {
                    if pending.is_some() {
                        return Err(TimemlError {
                            line: line_of(at),
                            message: "a TIMEX3 opens inside another".to_string(),
                        });
                    }
                    let get = |name| attribute(tag, name).unwrap_or_default();
                    pending = Some((chars, get("type"), get("value"), at));
                    if tag.ends_with('/') {
                        pending = None; // empty (non-consuming) TIMEX3: nothing in the text
                    }
                } else if tag == "/TIMEX3" {
                    let (start, timex_type, value, _) =
                        pending.take().ok_or_else(|| TimemlError {
                            line: line_of(at),
                            message: "</TIMEX3> without an opening tag".to_string(),
                        })?;
                    timexes.push(GoldTimex {
                        start,
                        end: chars,
                        timex_type,
                        value,
                    });
                }
                rest = &rest[end + 1..];
            }
            '&' => {
                let end = rest.find(';').filter(|e| *e <= 8);
                let decoded = end.and_then(|e| entity(&rest[1..e]));
                match (end, decoded) {
                    (Some(end), Some(decoded)) => {
                        text.push(decoded);
                        rest = &rest[end + 1..];
                    }
                    _ => {
                        text.push('&');
                        rest = &rest[1..];
                    }
                }
                chars += 1;
            }
            _ => {
                text.push(c);
                chars += 1;
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if let Some((_, _, _, at)) = pending {
        return Err(TimemlError {
            line: line_of(at),
            message: "a TIMEX3 is never closed".to_string(),
        });
    }
    Ok(TimemlDoc { text, dct, timexes })
}

/// `name="value"` inside a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code = name.strip_prefix('#')?;
            let number = match code.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(number)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = "<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" \
        functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nAT&amp;T \
        <EVENT eid=\"e1\">fell</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">\
        yesterday</TIMEX3>.\n</TEXT>\n</TimeML>\n";

    #[test]
    fn reads_dct_text_and_timexes() {
        let doc = parse(SAMPLE).unwrap();
        assert_eq!(doc.dct.as_deref(), Some("1998-01-08"));
        assert_eq!(doc.text, "\nAT&T fell yesterday.\n");
        let t = &doc.timexes[0];
        let covered: String = doc
            .text
            .chars()
            .skip(t.start)
            .take(t.end - t.start)
            .collect();
        assert_eq!(covered, "yesterday");
        assert_eq!(
            (t.timex_type.as_str(), t.value.as_str()),
            ("DATE", "1998-01-07")
        );
    }

    #[test]
    fn errors_name_the_line() {
        let broken = "<TimeML>\n<TEXT>\nnot\n<TIMEX3 type=\"DATE\">open\n</TEXT>";
        let error = parse(broken).unwrap_err();
        assert_eq!(error.line, 4);
        assert!(parse("<TimeML/>").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(body in "[a-z <>&;/\"=A-Z0-9\n]{0,80}") {
            let _ = parse(&format!("<TEXT>{body}</TEXT>"));
        }
    }
}
