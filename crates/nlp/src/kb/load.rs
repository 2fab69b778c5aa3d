//! Reading KB files: tab-separated, a header line, `#` comments (format in `data/kb/README.md`).
//!
//! A file's kind comes from its name's prefix (`countries`, `organizations`, `people`,
//! `titles`). Every problem names the file and the line; a file with a bad line is refused whole,
//! so that a KB never half-loads.

use super::dates::PartialDate;
use super::{Country, KbError, Office, Organization, Term, Title, TitleKind};

/// The kinds of KB file, by name prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Countries,
    Organizations,
    People,
    Titles,
}

impl FileKind {
    /// The kind a file name announces, if any.
    pub fn of(file_name: &str) -> Option<FileKind> {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        [
            ("countries", FileKind::Countries),
            ("organizations", FileKind::Organizations),
            ("people", FileKind::People),
            ("titles", FileKind::Titles),
        ]
        .into_iter()
        .find(|(prefix, _)| base.starts_with(prefix))
        .map(|(_, kind)| kind)
    }

    fn columns(self) -> &'static [&'static str] {
        match self {
            FileKind::Countries => &[
                "iso3",
                "name",
                "variants",
                "demonyms",
                "capitals",
                "sovereign",
            ],
            FileKind::Organizations => &[
                "key", "type", "name", "variants", "country", "sector", "sectors2", "code",
                "members", "notes",
            ],
            FileKind::People => &[
                "name", "variants", "country", "office", "title", "sector", "start", "end", "notes",
            ],
            FileKind::Titles => &["phrase", "office", "sector", "kind", "notes"],
        }
    }
}

/// One person-office line, before lines of the same person are merged.
#[derive(Debug, Clone)]
pub(crate) struct PersonLine {
    pub name: String,
    pub variants: Vec<String>,
    pub country: String,
    pub term: Term,
}

/// What one file contributed.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub countries: Vec<Country>,
    pub organizations: Vec<Organization>,
    pub people: Vec<PersonLine>,
    pub titles: Vec<Title>,
}

/// Parses one file's text into `into`.
pub(crate) fn parse_file(
    file: &str,
    kind: FileKind,
    text: &str,
    into: &mut Loaded,
) -> Result<(), KbError> {
    let mut header_seen = false;
    for (number, line) in text.lines().enumerate() {
        let line_no = number + 1;
        let err = |message: String| KbError::Line {
            file: file.to_string(),
            line: line_no,
            message,
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let columns = kind.columns();
        if !header_seen {
            if fields != columns {
                return Err(err(format!(
                    "header must be the columns {:?}, found {:?}",
                    columns.join("\t"),
                    line
                )));
            }
            header_seen = true;
            continue;
        }
        if fields.len() != columns.len() {
            return Err(err(format!(
                "{} fields where the header has {} (columns are tab-separated)",
                fields.len(),
                columns.len()
            )));
        }
        let fields: Vec<&str> = fields.iter().map(|f| f.trim()).collect();
        match kind {
            FileKind::Countries => into.countries.push(country(&fields).map_err(err)?),
            FileKind::Organizations => into.organizations.push(organization(&fields).map_err(err)?),
            FileKind::People => into.people.push(person(&fields).map_err(err)?),
            FileKind::Titles => into.titles.push(title(&fields).map_err(err)?),
        }
    }
    if !header_seen {
        return Err(KbError::Line {
            file: file.to_string(),
            line: 1,
            message: "no header line".into(),
        });
    }
    Ok(())
}

/// `a|b|c` → the non-empty parts.
fn list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn optional(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

fn required(field: &str, column: &str) -> Result<String, String> {
    optional(field).ok_or_else(|| format!("`{column}` is empty"))
}

/// A country or non-state code: three uppercase ASCII letters.
fn code(field: &str, column: &str) -> Result<Option<String>, String> {
    if field.is_empty() {
        return Ok(None);
    }
    if field.len() == 3 && field.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(Some(field.to_string()))
    } else {
        Err(format!(
            "`{column}` must be three capital letters, found {field:?}"
        ))
    }
}

fn country(f: &[&str]) -> Result<Country, String> {
    Ok(Country {
        iso3: code(f[0], "iso3")?.ok_or("`iso3` is empty")?,
        name: required(f[1], "name")?,
        variants: list(f[2]),
        demonyms: list(f[3]),
        capitals: list(f[4]),
        sovereign: code(f[5], "sovereign")?,
    })
}

const ENTITY_TYPES: [&str; 4] = ["ORG", "GPE", "LOC", "NORP"];

fn organization(f: &[&str]) -> Result<Organization, String> {
    let entity_type = f[1];
    let entity_type = ENTITY_TYPES
        .iter()
        .find(|t| **t == entity_type)
        .ok_or_else(|| format!("`type` must be one of {ENTITY_TYPES:?}, found {entity_type:?}"))?;
    let members = list(f[8])
        .into_iter()
        .map(|m| code(&m, "members").and_then(|c| c.ok_or_else(|| "empty member".into())))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Organization {
        key: required(f[0], "key")?,
        entity_type,
        name: required(f[2], "name")?,
        variants: list(f[3]),
        country: code(f[4], "country")?,
        sector: code(f[5], "sector")?,
        sectors2: list(f[6]),
        code: optional(f[7]),
        members,
    })
}

fn person(f: &[&str]) -> Result<PersonLine, String> {
    let date = |field: &str, column: &str| -> Result<Option<PartialDate>, String> {
        if field.is_empty() {
            return Ok(None);
        }
        PartialDate::parse(field).map(Some).ok_or_else(|| {
            format!("`{column}` must be YYYY, YYYY-MM or YYYY-MM-DD, found {field:?}")
        })
    };
    let office = Office::parse(f[3]).ok_or_else(|| format!("unknown `office` {:?}", f[3]))?;
    let start = date(f[6], "start")?;
    let end = date(f[7], "end")?;
    if let (Some(start), Some(end)) = (start, end) {
        if end.last_day() < start.first_day() {
            return Err(format!("`end` {} is before `start` {}", f[7], f[6]));
        }
    }
    Ok(PersonLine {
        name: required(f[0], "name")?,
        variants: list(f[1]),
        country: code(f[2], "country")?.ok_or("`country` is empty")?,
        term: Term {
            office,
            title: optional(f[4]),
            sector: code(f[5], "sector")?,
            start,
            end,
        },
    })
}

fn title(f: &[&str]) -> Result<Title, String> {
    let office = if f[1].is_empty() {
        None
    } else {
        Some(Office::parse(f[1]).ok_or_else(|| format!("unknown `office` {:?}", f[1]))?)
    };
    let kind = match f[3] {
        "title" => TitleKind::Title,
        "agent" => TitleKind::Agent,
        other => return Err(format!("`kind` must be title or agent, found {other:?}")),
    };
    Ok(Title {
        phrase: required(f[0], "phrase")?.to_lowercase(),
        office,
        sector: code(f[2], "sector")?,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE_HEADER: &str = "name\tvariants\tcountry\toffice\ttitle\tsector\tstart\tend\tnotes";

    #[test]
    fn kinds_come_from_the_file_name() {
        assert_eq!(
            FileKind::of("data/kb/people-asia.tsv"),
            Some(FileKind::People)
        );
        assert_eq!(FileKind::of("countries.tsv"), Some(FileKind::Countries));
        assert_eq!(FileKind::of("mine.tsv"), None);
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let text = format!(
            "# comment\n{PEOPLE_HEADER}\nVladimir Putin\tPutin\tRUS\thead_of_state\tPresident\tGOV\t2012-05-07\t\t\nBad\t\tRUS\tking_of_all\t\t\t\t\t\n"
        );
        let mut loaded = Loaded::default();
        let error = parse_file("p.tsv", FileKind::People, &text, &mut loaded).unwrap_err();
        assert_eq!(
            error.to_string(),
            "p.tsv:4: unknown `office` \"king_of_all\""
        );
    }

    #[test]
    fn wrong_field_counts_and_headers_are_refused() {
        let mut loaded = Loaded::default();
        let short = format!("{PEOPLE_HEADER}\nVladimir Putin\tPutin\n");
        let error = parse_file("p.tsv", FileKind::People, &short, &mut loaded).unwrap_err();
        assert!(
            error.to_string().starts_with("p.tsv:2: 2 fields"),
            "{error}"
        );
        let error =
            parse_file("p.tsv", FileKind::People, "name\tcountry\n", &mut loaded).unwrap_err();
        assert!(error.to_string().starts_with("p.tsv:1: header"), "{error}");
    }

    #[test]
    fn dates_must_be_ordered() {
        let text = format!("{PEOPLE_HEADER}\nA B\t\tUSA\tother\t\tGOV\t2020-01-02\t2019\t\n");
        let mut loaded = Loaded::default();
        let error = parse_file("p.tsv", FileKind::People, &text, &mut loaded).unwrap_err();
        assert!(error.to_string().contains("before"), "{error}");
    }
}
