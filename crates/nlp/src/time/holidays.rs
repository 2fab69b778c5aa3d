//! Named days ("Christmas Eve", "Thanksgiving", "Good Friday") from `data/lexicon/holidays.tsv`:
//! each name with the rule that gives its date in a year.

use std::sync::OnceLock;

use chrono::{NaiveDate, Weekday};

use crate::tsv::{rows, LexiconError};

use super::value::ymd;

const FILE: &str = "data/lexicon/holidays.tsv";
const SOURCE: &str = include_str!("../../../../data/lexicon/holidays.tsv");

/// How a named day falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayRule {
    /// The same month and day every year.
    Fixed { month: u32, day: u32 },
    /// The `nth` (1-based) weekday of a month; `nth` 0 is the last.
    NthWeekday {
        nth: u8,
        weekday: Weekday,
        month: u32,
    },
    /// Days from Western Easter Sunday.
    Easter { offset: i64 },
    /// Days from Orthodox Easter Sunday (as a Gregorian date).
    OrthodoxEaster { offset: i64 },
}

impl DayRule {
    /// The day in `year`, if the calendar has it.
    pub(crate) fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            DayRule::Fixed { month, day } => ymd(year, month, day),
            DayRule::NthWeekday {
                nth,
                weekday,
                month,
            } => {
                if nth == 0 {
                    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 5)
                        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, weekday, 4))
                } else {
                    NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth)
                }
            }
            DayRule::Easter { offset } => western_easter(year)?.checked_add_signed(days(offset)?),
            DayRule::OrthodoxEaster { offset } => {
                orthodox_easter(year)?.checked_add_signed(days(offset)?)
            }
        }
    }
}

fn days(count: i64) -> Option<chrono::TimeDelta> {
    chrono::TimeDelta::try_days(count)
}

/// Western Easter Sunday: the anonymous Gregorian computus (Meeus, Jones, Butcher).
fn western_easter(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar by the
/// days the two calendars differ in that century.
fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let a = year % 4;
    let b = year % 7;
    let c = year % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let gap = i64::from(year / 100 - year / 400 - 2);
    julian.checked_add_signed(days(gap)?)
}

/// One named day: its words, lower-cased and split as the tokenizer splits them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NamedDay {
    pub words: Vec<String>,
    pub rule: DayRule,
}

/// Every named day, longest names first so that "Christmas Eve" is tried before "Christmas".
pub(crate) fn named_days() -> &'static [NamedDay] {
    static BUNDLED: OnceLock<Vec<NamedDay>> = OnceLock::new();
    // The file is compiled in and checked by a test, so a bad line cannot reach a user; were
    // one to, it would only mean no named days.
    BUNDLED.get_or_init(|| parse(SOURCE).unwrap_or_default())
}

fn parse(text: &str) -> Result<Vec<NamedDay>, LexiconError> {
    let mut days = Vec::new();
    for (line, fields) in rows(FILE, text, &["name", "rule", "notes"])? {
        let error = |message: String| LexiconError {
            file: FILE,
            line,
            message,
        };
        let words = split_name(fields[0]);
        if words.is_empty() {
            return Err(error("empty name".into()));
        }
        let rule =
            parse_rule(fields[1]).ok_or_else(|| error(format!("bad rule {:?}", fields[1])))?;
        days.push(NamedDay { words, rule });
    }
    days.sort_by_key(|day| std::cmp::Reverse(day.words.len()));
    Ok(days)
}

/// "New Year's Day" → new / year / 's / day; "Presidents' Day" → presidents / ' / day.
fn split_name(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in name.split_whitespace() {
        let lower = word.to_lowercase();
        if let Some(stem) = lower.strip_suffix("'s") {
            words.push(stem.to_string());
            words.push("'s".to_string());
        } else if let Some(stem) = lower.strip_suffix('\'') {
            words.push(stem.to_string());
            words.push("'".to_string());
        } else {
            words.push(lower);
        }
    }
    words
}

fn parse_rule(text: &str) -> Option<DayRule> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    match parts.as_slice() {
        ["fixed", date] => {
            let (month, day) = date.split_once('-')?;
            let (month, day) = (month.parse().ok()?, day.parse().ok()?);
            // Checked against a leap year so that 02-29 is allowed.
            ymd(2024, month, day)?;
            Some(DayRule::Fixed { month, day })
        }
        ["weekday", nth, weekday, month] => {
            let nth = if *nth == "last" {
                0
            } else {
                nth.parse().ok().filter(|n| (1..=5).contains(n))?
            };
            let weekday = weekday.parse::<Weekday>().ok()?;
            let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some(DayRule::NthWeekday {
                nth,
                weekday,
                month,
            })
        }
        ["easter", offset] => Some(DayRule::Easter {
            offset: offset.parse().ok()?,
        }),
        ["orthodox-easter", offset] => Some(DayRule::OrthodoxEaster {
            offset: offset.parse().ok()?,
        }),
        _ => None,
    }
}

/// Whether a token, lower-cased, is `word`, with curly apostrophes read as straight ones.
pub(crate) fn same_word(token: &str, word: &str) -> bool {
    token
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .eq(word.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn bundled_file_reads() {
        let days = parse(SOURCE).unwrap();
        assert!(days.len() > 30);
        assert!(days.iter().any(|d| d.words == ["new", "year", "'s", "eve"]));
        assert!(days.iter().any(|d| d.words == ["presidents", "'", "day"]));
    }

    #[test]
    fn easter_dates() {
        // Published dates, Western and Orthodox.
        assert_eq!(western_easter(2024), Some(date("2024-03-31")));
        assert_eq!(western_easter(2025), Some(date("2025-04-20")));
        assert_eq!(western_easter(2019), Some(date("2019-04-21")));
        assert_eq!(orthodox_easter(2024), Some(date("2024-05-05")));
        assert_eq!(orthodox_easter(2025), Some(date("2025-04-20")));
        assert_eq!(orthodox_easter(2023), Some(date("2023-04-16")));
        let good_friday = DayRule::Easter { offset: -2 };
        assert_eq!(good_friday.date_in(2025), Some(date("2025-04-18")));
    }

    #[test]
    fn weekday_rules() {
        let thanksgiving = parse_rule("weekday 4 thu 11").unwrap();
        assert_eq!(thanksgiving.date_in(1999), Some(date("1999-11-25")));
        let memorial = parse_rule("weekday last mon 05").unwrap();
        assert_eq!(memorial.date_in(2025), Some(date("2025-05-26")));
        assert_eq!(memorial.date_in(2024), Some(date("2024-05-27")));
    }

    #[test]
    fn bad_rules_are_refused_with_their_line() {
        let text = "name\trule\tnotes\nSomeday\tfixed 02-30\t\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.line, 2);
        assert!(parse_rule("weekday 6 mon 01").is_none());
        assert!(parse_rule("easter x").is_none());
    }

    #[test]
    fn curly_apostrophes_match() {
        assert!(same_word("\u{2019}s", "'s"));
        assert!(same_word("eve", "eve"));
        assert!(!same_word("ev", "eve"));
    }
}
