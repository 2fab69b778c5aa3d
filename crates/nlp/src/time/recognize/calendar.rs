//! Calendar dates: month names and days, years, decades and centuries, weekdays, quarters and
//! seasons.

use super::clock::clock_time;
use super::{found, Found, Words};
use crate::time::expr::{Expr, Shift};
use crate::time::holidays;
use crate::time::value::TimeOfDay;
use crate::time::words::{self, Unit};

/// A month name as the grammar accepts it: "May" and "March" only with a capital and when a
/// number or a date word is next to them.
pub(super) fn month_at(w: &Words, i: usize) -> Option<u32> {
    let month = words::month(w.text(i))?;
    if !w.capitalized(i) {
        return None;
    }
    let full_word = !w.text(i).ends_with('.');
    if matches!(month, 3 | 5) && full_word {
        let supported = day_number(w, i + 1).is_some()
            || year_number(w, i + 1).is_some()
            || w.any(
                i.wrapping_sub(1),
                &[
                    "in", "since", "until", "by", "last", "next", "this", "early", "late", "of",
                ],
            )
            || w.is(i.wrapping_sub(1), "-");
        if !supported {
            return None;
        }
    }
    Some(month)
}

/// A day of the month: "19", "19th", "nineteenth".
pub(super) fn day_number(w: &Words, i: usize) -> Option<u32> {
    let text = w.lower(i);
    let day = if text.chars().all(|c| c.is_ascii_digit()) && text.len() <= 2 {
        text.parse().ok()?
    } else {
        words::ordinal(text)?
    };
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year token: 1000–2199.
pub(super) fn year_number(w: &Words, i: usize) -> Option<i32> {
    let text = w.lower(i);
    if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.parse().ok()?;
    (1000..2200).contains(&year).then_some(year)
}

/// An optional year after a date: ", 2025" or " 2025".
pub(super) fn trailing_year(w: &Words, i: usize) -> (Option<i32>, usize) {
    let j = w.after_comma(i);
    match year_number(w, j) {
        Some(year) => (Some(year), j + 1),
        None => (None, i),
    }
}

/// A leading weekday: "Friday, Oct. 23".
pub(super) fn leading_weekday(w: &Words, i: usize) -> usize {
    match words::weekday(w.text(i)) {
        Some((_, false)) if w.capitalized(i) => w.after_comma(i + 1),
        _ => i,
    }
}

/// "last", "next" or "this" before a month, weekday or named day, and where the name starts.
fn leading_shift(w: &Words, i: usize) -> (Shift, usize) {
    match w.lower(i) {
        "last" | "past" | "previous" => (Shift::Last, i + 1),
        "next" | "coming" => (Shift::Next, i + 1),
        "this" => (Shift::This, i + 1),
        _ => (Shift::Tense, i),
    }
}

/// "Aug. 19", "August 19, 2025", "Friday, Oct. 23", "August 2025", "August".
pub(super) fn calendar(w: &Words, i: usize) -> Option<Found> {
    let (shift, m) = match leading_shift(w, i) {
        (Shift::Tense, _) => (Shift::Tense, leading_weekday(w, i)),
        shifted => shifted,
    };
    let month = month_at(w, m)?;
    if let Some(day) = day_number(w, m + 1).filter(|_| shift == Shift::Tense) {
        let (year, end) = trailing_year(w, m + 2);
        let (time, end) = time_after(w, end);
        let expr = Expr::Calendar {
            year,
            month,
            day: Some(day),
            shift: Shift::Tense,
            time,
        };
        return found(i, end, expr, "month-day");
    }
    if m > i && shift == Shift::Tense {
        return None; // "Friday, August" is not a date
    }
    let (year, end) = match year_number(w, w.after_comma(m + 1)) {
        Some(year) => (Some(year), w.after_comma(m + 1) + 1),
        None if w.is(m + 1, "of") => match year_number(w, m + 2) {
            Some(year) => (Some(year), m + 3),
            None => (None, m + 1),
        },
        None => (None, m + 1),
    };
    let expr = Expr::Calendar {
        year,
        month,
        day: None,
        shift,
        time: None,
    };
    found(i, end, expr, "month")
}

/// Words before a name that make it another calendar's day ("Lunar New Year") and words after
/// it that make it the name of something else ("the Good Friday Agreement", "Easter Island").
const OTHER_CALENDARS: [&str; 9] = [
    "lunar",
    "chinese",
    "vietnamese",
    "korean",
    "jewish",
    "islamic",
    "persian",
    "orthodox",
    "ethiopian",
];
const NAME_GOES_ON: [&str; 6] = [
    "agreement",
    "accord",
    "accords",
    "island",
    "rising",
    "offensive",
];

/// A named day: "Christmas Eve", "Thanksgiving Day 1999", "last Easter", "Good Friday morning".
pub(super) fn holiday(w: &Words, i: usize) -> Option<Found> {
    let (shift, s) = leading_shift(w, i);
    if !w.capitalized(s) || (s > 0 && w.any(s - 1, &OTHER_CALENDARS)) {
        return None;
    }
    let day = holidays::named_days().iter().find(|day| {
        day.words
            .iter()
            .enumerate()
            .all(|(k, word)| holidays::same_word(w.lower(s + k), word))
    })?;
    let after = s + day.words.len();
    if w.any(after, &NAME_GOES_ON) {
        return None;
    }
    let (year, end) = match year_number(w, after) {
        Some(year) => (Some(year), after + 1),
        None if w.is(after, "of") => match year_number(w, after + 1) {
            Some(year) => (Some(year), after + 2),
            None => (None, after),
        },
        None => (None, after),
    };
    let (time, end) = time_after(w, end);
    let expr = Expr::Holiday {
        rule: day.rule,
        year,
        shift,
        time,
    };
    found(i, end, expr, "named-day")
}

/// "19 August 2025", "the 19th of August".
pub(super) fn day_first(w: &Words, i: usize) -> Option<Found> {
    let s = if w.is(i, "the") { i + 1 } else { i };
    let day = day_number(w, s)?;
    let m = if w.is(s + 1, "of") { s + 2 } else { s + 1 };
    let month = month_at(w, m)?;
    let (year, end) = trailing_year(w, m + 1);
    let expr = Expr::Calendar {
        year,
        month,
        day: Some(day),
        shift: Shift::Tense,
        time: None,
    };
    found(i, end, expr, "day-month")
}

/// "2025-08-19", one token.
pub(super) fn iso_date(w: &Words, i: usize) -> Option<Found> {
    let text = w.lower(i);
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let expr = Expr::Calendar {
        year: Some(year),
        month,
        day: Some(day),
        shift: Shift::Tense,
        time: None,
    };
    found(i, i + 1, expr, "iso-date")
}

/// A bare year where the context says it is one: "in 2022", "since 1991,", "fiscal 1989".
pub(super) fn year(w: &Words, i: usize) -> Option<Found> {
    if w.is(i, "fiscal") {
        let y = if w.is(i + 1, "year") { i + 2 } else { i + 1 };
        let year = year_number(w, y)?;
        return found(i, y + 1, Expr::Year(year), "fiscal-year");
    }
    let year = year_number(w, i)?;
    let before = i.checked_sub(1).map_or("", |b| w.lower(b));
    let after = w.lower(i + 1);
    let prepositional = matches!(
        before,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "before"
            | "after"
            | "during"
            | "from"
            | "to"
            | "through"
            | "between"
            | "of"
            | "and"
            | "early"
            | "late"
            | "mid"
            | "-"
            | "year"
    );
    // "2,000 people" is not a year, nor "1500 troops".
    if w.xpos(i + 1) == "NNS" {
        return None;
    }
    let standalone = after.is_empty() || matches!(after, "," | "." | ")" | ";" | ":" | "and");
    let determined = matches!(before, "the" | "its" | "his" | "her" | "their" | "'s" | "a");
    let accepted = prepositional
        || (standalone && (1800..2100).contains(&year))
        || (determined && (1900..2100).contains(&year));
    if !accepted {
        return None;
    }
    found(i, i + 1, Expr::Year(year), "year")
}

/// "the 1990s", "1990s", "the '90s", "the 20th century", "this century".
pub(super) fn decade(w: &Words, i: usize) -> Option<Found> {
    let s = if w.any(i, &["the", "this"]) { i + 1 } else { i };
    let text = w.lower(s);
    if let Some(digits) = text.strip_suffix('s') {
        if digits.len() == 4 && digits.ends_with('0') {
            let first_year: i32 = digits.parse().ok()?;
            let expr = Expr::Decade {
                first_year,
                century_known: true,
            };
            return found(i, s + 1, expr, "decade");
        }
        if let Some(two) = digits.strip_prefix('\'') {
            if two.len() == 2 && two.ends_with('0') {
                let expr = Expr::Decade {
                    first_year: two.parse().ok()?,
                    century_known: false,
                };
                return found(i, s + 1, expr, "decade");
            }
        }
    }
    if w.is(s, "century") && w.is(i, "this") {
        return found(
            i,
            s + 1,
            Expr::Current {
                unit: Unit::Century,
                offset: 0,
            },
            "this-century",
        );
    }
    let ordinal = words::ordinal(text)?;
    if w.is(s + 1, "century") && s > i {
        return found(
            i,
            s + 2,
            Expr::Century(i32::try_from(ordinal).ok()?),
            "century",
        );
    }
    None
}

/// "Tuesday", "last Friday", "Tuesday evening", "Tuesdays", "Tuesday at 2 p.m.".
pub(super) fn weekday(w: &Words, i: usize) -> Option<Found> {
    let (shift, d) = leading_shift(w, i);
    let (day, plural) = words::weekday(w.text(d))?;
    // "the Good Friday Agreement", "the Black Friday sales" name something else.
    if !w.capitalized(d) || w.any(d + 1, &NAME_GOES_ON) {
        return None;
    }
    if plural && shift == Shift::Tense {
        let code = day.number_from_monday();
        return found(i, d + 1, Expr::Set(format!("XXXX-WXX-{code}")), "weekdays");
    }
    // "Friday, Oct. 23" is a calendar date; let that rule have it.
    let (time, end) = time_after(w, d + 1);
    let expr = Expr::Weekday { day, shift, time };
    found(i, end, expr, "weekday")
}

/// A part of day or a clock time right after a day: "evening", "night", "at 2 p.m.".
pub(super) fn time_after(w: &Words, i: usize) -> (Option<TimeOfDay>, usize) {
    if let Some(part) = words::day_part(w.text(i)) {
        if !w.lower(i).ends_with('s') {
            return (Some(TimeOfDay::Part(part)), i + 1);
        }
    }
    let at = if w.is(i, "at") { i + 1 } else { i };
    if let Some((time, end)) = clock_time(w, at) {
        return (Some(time), end);
    }
    (None, i)
}

/// "the third quarter", "third-quarter", "the first half of 2025", "the 1988 third quarter",
/// "the fourth quarter of 1990", "Q3", "the latest quarter", "the quarter".
pub(super) fn quarter(w: &Words, i: usize) -> Option<Found> {
    let mut s = if w.any(i, &["the", "its", "their"]) {
        i + 1
    } else {
        i
    };
    let mut year = year_number(w, s);
    if year.is_some() {
        s += 1;
    }
    if w.is(s, "fiscal") {
        s += 1;
        if w.is(s, "-") {
            s += 1;
        }
    }
    let text = w.lower(s);
    if let Some(number) = text.strip_prefix('q').and_then(|n| n.parse::<u32>().ok()) {
        if (1..=4).contains(&number) && w.text(s).starts_with('Q') {
            let (trailing, end) = trailing_year(w, s + 1);
            let expr = Expr::Quarter {
                number,
                half: false,
                year: year.or(trailing),
                shift: Shift::Tense,
            };
            return found(i, end, expr, "quarter");
        }
    }
    let number = words::ordinal(text)?;
    let q = if w.is(s + 1, "-") { s + 2 } else { s + 1 };
    let half = match w.lower(q) {
        "quarter" => false,
        "half" => true,
        _ => return None,
    };
    if number == 0 || number > if half { 2 } else { 4 } {
        return None;
    }
    let mut end = q + 1;
    if year.is_none() {
        let of = if w.is(end, "of") { end + 1 } else { end };
        let of = if w.is(of, "fiscal") { of + 1 } else { of };
        if let Some(y) = year_number(w, of) {
            year = Some(y);
            end = of + 1;
        }
    }
    let expr = Expr::Quarter {
        number,
        half,
        year,
        shift: Shift::Tense,
    };
    found(i, end, expr, "quarter")
}

/// "this summer", "last fall", "the summer of 1989", "summer 2025".
pub(super) fn season(w: &Words, i: usize) -> Option<Found> {
    let (shift, s) = match w.lower(i) {
        "this" if w.is(i + 1, "past") => (Shift::Last, i + 2),
        "last" | "past" => (Shift::Last, i + 1),
        "next" | "coming" => (Shift::Next, i + 1),
        "this" => (Shift::This, i + 1),
        "the" => (Shift::Tense, i + 1),
        _ => (Shift::Tense, i),
    };
    let season = words::season(w.lower(s))?;
    let of = if w.is(s + 1, "of") { s + 2 } else { s + 1 };
    let year = year_number(w, of);
    // A bare season word needs a determiner or a year: "spring" alone is too often a verb.
    if s == i && year.is_none() {
        return None;
    }
    if s == i + 1 && w.is(i, "the") && year.is_none() && season == words::Season::Fall {
        return None; // "the fall of the Berlin Wall"
    }
    let end = if year.is_some() { of + 1 } else { s + 1 };
    found(
        i,
        end,
        Expr::Season {
            season,
            year,
            shift,
        },
        "season",
    )
}
