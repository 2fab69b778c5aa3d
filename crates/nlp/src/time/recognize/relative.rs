//! Times relative to the document date or to each other: "yesterday", "last week", "three days",
//! "two years ago", "a year earlier", "the next day", "the quarter".

use super::calendar::{time_after, year_number};
use super::{found, Found, Words};
use crate::time::expr::{Amount, Expr, Shift};
use crate::time::value::{Grain, TimeOfDay};
use crate::time::words::{self, DayPart, Unit};

/// "today", "yesterday evening", "tonight", "this morning", "last night", "now", "recently".
pub(super) fn deictic(w: &Words, i: usize) -> Option<Found> {
    let days = match w.lower(i) {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(days) = days {
        let (time, end) = time_after(w, i + 1);
        return found(i, end, Expr::Deictic { days, time }, "deictic");
    }
    let night = Some(TimeOfDay::Part(DayPart::Night));
    match (w.lower(i), w.lower(i + 1)) {
        ("tonight", _) | ("overnight", _) => {
            return found(
                i,
                i + 1,
                Expr::Deictic {
                    days: 0,
                    time: night,
                },
                "tonight",
            )
        }
        ("last", "night") => {
            return found(
                i,
                i + 2,
                Expr::Deictic {
                    days: -1,
                    time: night,
                },
                "last-night",
            )
        }
        ("this", part) => {
            if let Some(part) = words::day_part(part) {
                let time = Some(TimeOfDay::Part(part));
                return found(i, i + 2, Expr::Deictic { days: 0, time }, "this-part");
            }
        }
        _ => {}
    }
    let reference = match (w.lower(i), w.lower(i + 1)) {
        ("the", "future") => Some(("FUTURE_REF", 2)),
        ("the", "past") if !w.any(i + 2, &["few", "several", "two", "three"]) => {
            // "the past" alone; "the past two weeks" is a duration.
            let next_is_quantity =
                words::cardinal(w.lower(i + 2)).is_some() || words::unit(w.lower(i + 2)).is_some();
            (!next_is_quantity).then_some(("PAST_REF", 2))
        }
        ("now", _) | ("currently", _) | ("nowadays", _) => Some(("PRESENT_REF", 1)),
        ("these", "days") => Some(("PRESENT_REF", 2)),
        // "previously", "formerly" and "soon" are left out: TimeML annotators mostly skip them.
        ("recently", _) | ("lately", _) => Some(("PAST_REF", 1)),
        _ => None,
    }?;
    found(
        i,
        i + reference.1,
        Expr::Reference(reference.0),
        "reference",
    )
}

/// "last week", "this year", "next month", "the past year", "the coming weekend", "the
/// current fiscal year", "the weekend".
pub(super) fn current(w: &Words, i: usize) -> Option<Found> {
    let s = if w.is(i, "the") { i + 1 } else { i };
    let (offset, u) = match w.lower(s) {
        "this" if w.is(s + 1, "past") => (-1, s + 2),
        "last" | "past" | "previous" => (-1, s + 1),
        "this" | "current" => (0, s + 1),
        "next" | "coming" => (1, s + 1),
        "weekend" if s > i => (0, s),
        _ => return None,
    };
    if s == i && w.lower(s) == "current" {
        return None;
    }
    let u = if w.is(u, "fiscal") { u + 1 } else { u };
    let (unit, plural) = words::unit(w.lower(u))?;
    if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
        return None;
    }
    found(i, u + 1, Expr::Current { unit, offset }, "current-period")
}

/// Amounts and units: durations ("three days", "the past two weeks", "a 10-year", "several
/// months"), "two years ago", "a year earlier", "a day after".
pub(super) fn quantity(w: &Words, i: usize) -> Option<Found> {
    let (lead, a) = duration_lead(w, i);
    let (amount, u) = match amount(w, a) {
        Some(hit) => hit,
        // "the past year" is a period, handled by `current`; "recent years", "coming weeks",
        // "the weeks ahead", "years" after "for" are vague durations.
        None if lead.is_some() || w.is(i.wrapping_sub(1), "for") => (Amount::Vague, a),
        None => return None,
    };
    // "10-year" and "two-week" adjectives.
    let u = if w.is(u, "-") && u > a { u + 1 } else { u };
    let (unit, plural) = words::unit(w.lower(u))?;
    if unit == Unit::Quarter && w.is(u + 1, "of") {
        return None; // "three-quarters of", "a quarter of": fractions
    }
    let period_word = lead.is_some_and(|l| w.any(l, &["past", "last", "next", "coming"]));
    let amount = if amount == Amount::Vague
        && !plural
        && period_word
        && matches!(unit, Unit::Decade | Unit::Century)
    {
        // "the past decade" is ten years long; "the past year" is a period (`current`).
        Amount::Exact {
            whole: 1,
            half: false,
        }
    } else {
        amount
    };
    if amount == Amount::Vague && !plural {
        return None;
    }
    if is_age(w, u + 1) {
        return None;
    }
    let end = u + 1;
    match w.lower(end) {
        "ago" => {
            let expr = Expr::Ago {
                amount,
                unit,
                sign: -1,
            };
            return found(i, end + 1, expr, "ago");
        }
        "earlier" | "later" | "before" | "after" | "previously" if lead.is_none() => {
            // "a day after X" stays a duration: the relation to X is worked out afterwards.
            let followed = end + 1 < w.len() && !w.any(end + 1, &[",", ".", ";", ")", "\""]);
            if !(followed && w.any(end, &["before", "after"])) {
                let sign = if w.any(end, &["later", "after"]) {
                    1
                } else {
                    -1
                };
                // "a few days later" is left a length of time.
                if let Amount::Exact { whole, .. } = amount {
                    let expr = Expr::Shifted {
                        unit,
                        count: sign * i64::from(whole),
                    };
                    return found(i, end + 1, expr, "anaphoric-shift");
                }
            }
        }
        _ => {}
    }
    if amount == Amount::Vague {
        // "recent years", "in coming months": TimeML reads these as references, not lengths.
        match lead.map(|l| w.lower(l)) {
            Some("recent") => return found(i, end, Expr::Reference("PAST_REF"), "vague-period"),
            Some("coming") => return found(i, end, Expr::Reference("FUTURE_REF"), "vague-period"),
            _ => {}
        }
    }
    found(i, end, Expr::Duration { amount, unit }, "duration")
}

/// Words a duration can open with: "the", "the past", "the next", "the first", "recent",
/// "coming", "the last", "another", "an additional".
pub(super) fn duration_lead(w: &Words, i: usize) -> (Option<usize>, usize) {
    let s = if w.is(i, "the") { i + 1 } else { i };
    let lead = [
        "past",
        "last",
        "next",
        "first",
        "coming",
        "previous",
        "following",
        "recent",
    ];
    if w.any(s, &lead) {
        return (Some(s), s + 1);
    }
    if w.any(s, &["another", "additional"]) {
        return (Some(s), s + 1);
    }
    // "the nine months": "the" belongs to the expression but does not make a bare plural
    // ("the days") one.
    (None, s)
}

/// "three", "24", "twenty four", "2 1/2", "a", "an", "a few", "several", "a couple of".
pub(super) fn amount(w: &Words, i: usize) -> Option<(Amount, usize)> {
    let exact = |whole, half| Amount::Exact { whole, half };
    match (w.lower(i), w.lower(i + 1), w.lower(i + 2)) {
        ("a", "few", _) | ("a", "number", "of") => {
            let end = if w.is(i + 1, "few") { i + 2 } else { i + 3 };
            return Some((Amount::Vague, end));
        }
        ("a", "couple", "of") => return Some((exact(2, false), i + 3)),
        ("a" | "an" | "one", "half", _) => return None,
        ("a" | "an", "additional" | "extra", _) => return Some((exact(1, false), i + 2)),
        ("a" | "an", _, _) => return Some((exact(1, false), i + 1)),
        ("several" | "few" | "many" | "some", _, _) => return Some((Amount::Vague, i + 1)),
        _ => {}
    }
    if year_number(w, i).is_some_and(|year| year >= 1900) {
        return None; // "the 1988 quarter"
    }
    let mut whole = words::cardinal(w.lower(i))?;
    let mut end = i + 1;
    // "twenty four", "twenty-four".
    let next = if w.is(end, "-") { end + 1 } else { end };
    if whole >= 20 && whole % 10 == 0 && whole < 100 {
        if let Some(unit) = words::cardinal(w.lower(next)).filter(|n| *n < 10) {
            whole += unit;
            end = next + 1;
        }
    }
    if w.is(end, "hundred") || w.is(end, "thousand") {
        whole = whole.checked_mul(if w.is(end, "hundred") { 100 } else { 1000 })?;
        end += 1;
    }
    let mut half = false;
    if w.is(end, "1/2") || (w.is(end, "and") && w.is(end + 1, "a") && w.is(end + 2, "half")) {
        half = true;
        end += if w.is(end, "1/2") { 1 } else { 3 };
    }
    // "12 to 18 months", "two or three weeks": a range is vague.
    if w.any(end, &["to", "or"]) && words::cardinal(w.lower(end + 1)).is_some() {
        return Some((Amount::Vague, end + 2));
    }
    Some((exact(whole, half), end))
}

/// "32-year-old", "years old", "8-month-old": ages, not times.
pub(super) fn is_age(w: &Words, i: usize) -> bool {
    (w.is(i, "-") && w.is(i + 1, "old")) || w.is(i, "old") || w.is(i, "-old")
}

/// "that day", "the same day", "the next day", "the following week", "the previous day", "the
/// day before", "earlier that day", "the next morning".
pub(super) fn anaphoric(w: &Words, i: usize) -> Option<Found> {
    let (offset, u) = match (w.lower(i), w.lower(i + 1)) {
        ("that", _) => (0, i + 1),
        ("the", "same") => (0, i + 2),
        ("the", "next" | "following") => (1, i + 2),
        ("the", "previous" | "preceding") => (-1, i + 2),
        _ => return None,
    };
    if let Some(part) = words::day_part(w.text(u)) {
        if offset != 0 || w.is(i, "that") {
            let expr = Expr::Anaphoric {
                unit: Unit::Day,
                offset,
                time: Some(TimeOfDay::Part(part)),
            };
            return found(i, u + 1, expr, "anaphoric");
        }
    }
    if let Some((day, false)) = words::weekday(w.text(u)) {
        // "the previous Friday": the weekday before the time talked about.
        let shift = if offset < 0 { Shift::Last } else { Shift::Next };
        if offset != 0 {
            return found(
                i,
                u + 1,
                Expr::Weekday {
                    day,
                    shift,
                    time: None,
                },
                "anaphoric",
            );
        }
    }
    let (unit, false) = words::unit(w.lower(u))? else {
        return None;
    };
    if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        return None;
    }
    let expr = Expr::Anaphoric {
        unit,
        offset,
        time: None,
    };
    found(i, u + 1, expr, "anaphoric")
}

/// The period a report is about, named again: "the quarter", "the latest period", "that
/// quarter", "the year-ago quarter", "the year-earlier third quarter", "year-earlier".
pub(super) fn same_period(w: &Words, i: usize) -> Option<Found> {
    let determiner = w.any(i, &["the", "that", "its", "their"]);
    let mut s = if determiner { i + 1 } else { i };
    if w.any(
        s,
        &[
            "latest",
            "current",
            "comparable",
            "same",
            "corresponding",
            "recent",
        ],
    ) {
        s += 1;
    }
    let mut year_offset = 0;
    if w.is(s, "year") && w.is(s + 1, "-") && w.any(s + 2, &["ago", "earlier"]) {
        year_offset = -1;
        s += 3;
    }
    if w.is(s, "fiscal") {
        s += 1;
    }
    if words::ordinal(w.lower(s)).is_some_and(|n| n <= 4) && w.any(s + 1, &["quarter", "half"]) {
        s += 1;
    }
    let grain = match w.lower(s) {
        "quarter" => Some(Grain::Quarter),
        "half" => Some(Grain::Half),
        "period" => None,
        _ if year_offset != 0 && s > i => {
            // "year-earlier" alone, as in "from year-earlier levels".
            let expr = Expr::SamePeriod {
                grain: None,
                year_offset,
            };
            return found(i, s, expr, "same-period");
        }
        _ => return None,
    };
    if !determiner && year_offset == 0 {
        return None;
    }
    if grain.is_none() && year_offset == 0 && s == i + 1 && !w.is(i, "that") {
        return None; // "the period" alone is too vague
    }
    let expr = Expr::SamePeriod { grain, year_offset };
    found(i, s + 1, expr, "same-period")
}
