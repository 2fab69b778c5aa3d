//! Recognition: a small grammar over one sentence's tokens. At each token every rule is tried and
//! the longest match wins; matching then resumes after it. Rules name themselves in `rule`, which
//! ends up in the expression's `why`.
//!
//! Extents follow TimeML: determiners and modifiers that are part of the expression are inside
//! ("the past two weeks", "nearly two years", "early next year"), prepositions are not ("in
//! 2022", "on Tuesday").

use super::expr::{Amount, Expr, Shift};
use super::value::{Grain, TimeOfDay};
use super::words::{self, DayPart, Unit};

/// A sentence's tokens as the grammar sees them.
pub(crate) struct Words<'a> {
    /// The tokens as written.
    pub text: Vec<&'a str>,
    /// Lower-cased.
    pub lower: Vec<String>,
    /// Penn tags, empty strings when the sentence was not tagged.
    pub xpos: Vec<&'static str>,
}

/// One recognized expression, in sentence-local token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
    pub rule: &'static str,
}

/// All expressions in a sentence, in order, never overlapping.
pub(crate) fn recognize(words: &Words) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match best_at(words, i) {
            Some(hit) if hit.end > i => {
                i = hit.end;
                found.push(hit);
            }
            _ => i += 1,
        }
    }
    found
}

impl Words<'_> {
    fn len(&self) -> usize {
        self.text.len()
    }

    fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    fn text(&self, i: usize) -> &str {
        self.text.get(i).copied().unwrap_or("")
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    fn any(&self, i: usize, options: &[&str]) -> bool {
        options.contains(&self.lower(i))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn xpos(&self, i: usize) -> &str {
        self.xpos.get(i).copied().unwrap_or("")
    }

    /// Skips an optional comma.
    fn after_comma(&self, i: usize) -> usize {
        if self.is(i, ",") {
            i + 1
        } else {
            i
        }
    }
}

/// The longest expression starting at `i`, with boundary and quantity modifiers around it.
fn best_at(w: &Words, i: usize) -> Option<Found> {
    let mut best: Option<Found> = None;
    let mut offer = |candidate: Option<Found>| {
        if let Some(c) = candidate {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
    };
    offer(bounded(w, i));
    offer(quantified(w, i));
    offer(core_at(w, i));
    best
}

/// "the end of 1994", "early next year", "mid-August", "late Tuesday", "earlier this month".
fn bounded(w: &Words, i: usize) -> Option<Found> {
    let (modifier, inner) = if w.is(i, "the") && w.any(i + 2, &["of"]) {
        let modifier = match w.lower(i + 1) {
            "end" => "END",
            "beginning" | "start" => "START",
            "middle" => "MID",
            _ => return None,
        };
        (modifier, i + 3)
    } else {
        let modifier = match w.lower(i) {
            "around" | "about" | "approximately" => "APPROX",
            "early" | "earlier" => "START",
            "late" | "later" => "END",
            "mid" => "MID",
            _ => return None,
        };
        // "mid-August" is three tokens: "mid", "-", "August".
        let inner = if w.is(i + 1, "-") { i + 2 } else { i + 1 };
        (modifier, inner)
    };
    let hit = core_at(w, inner)?;
    let datelike = matches!(
        hit.expr,
        Expr::Calendar { .. }
            | Expr::Year(_)
            | Expr::Decade { .. }
            | Expr::Century(_)
            | Expr::Weekday { .. }
            | Expr::Season { .. }
            | Expr::Quarter { .. }
            | Expr::Current { .. }
            | Expr::Deictic { .. }
            | Expr::Anaphoric { .. }
    );
    if !datelike {
        return None;
    }
    // "earlier"/"later" only bound a current period ("earlier this year"), not "later Tuesday".
    let comparative = w.any(i, &["earlier", "later"]);
    let current = matches!(
        hit.expr,
        Expr::Current { .. } | Expr::Anaphoric { .. } | Expr::Deictic { .. }
    );
    if comparative && !current {
        return None;
    }
    Some(Found {
        start: i,
        modifier: if comparative { None } else { Some(modifier) },
        rule: "bounded",
        ..hit
    })
}

/// "nearly two years", "more than four hours", "at least 72 hours", "up to 180 days".
fn quantified(w: &Words, i: usize) -> Option<Found> {
    let (modifier, inner) =
        if let Some(modifier) = words::quantity_modifier_pair(w.lower(i), w.lower(i + 1)) {
            (modifier, i + 2)
        } else {
            (words::quantity_modifier(w.lower(i))?, i + 1)
        };
    let hit = core_at(w, inner)?;
    if !matches!(hit.expr, Expr::Duration { .. } | Expr::Ago { .. }) {
        return None;
    }
    Some(Found {
        start: i,
        modifier: Some(modifier),
        rule: "quantified",
        ..hit
    })
}

/// The longest unmodified expression at `i`.
fn core_at(w: &Words, i: usize) -> Option<Found> {
    let rules: [fn(&Words, usize) -> Option<Found>; 12] = [
        calendar, day_first, iso_date, year, decade, weekday, deictic, current, quantity, quarter,
        season, set,
    ];
    let mut best: Option<Found> = None;
    for rule in rules {
        if let Some(hit) = rule(w, i) {
            if best.as_ref().is_none_or(|b| hit.end > b.end) {
                best = Some(hit);
            }
        }
    }
    let clock = clock(w, i);
    if let Some(hit) = clock {
        if best.as_ref().is_none_or(|b| hit.end > b.end) {
            best = Some(hit);
        }
    }
    best.or_else(|| same_period(w, i))
        .or_else(|| anaphoric(w, i))
}

fn found(start: usize, end: usize, expr: Expr, rule: &'static str) -> Option<Found> {
    Some(Found {
        start,
        end,
        expr,
        modifier: None,
        rule,
    })
}

/// A month name as the grammar accepts it: "May" and "March" only with a capital and when a
/// number or a date word is next to them.
fn month_at(w: &Words, i: usize) -> Option<u32> {
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
fn day_number(w: &Words, i: usize) -> Option<u32> {
    let text = w.lower(i);
    let day = if text.chars().all(|c| c.is_ascii_digit()) && text.len() <= 2 {
        text.parse().ok()?
    } else {
        words::ordinal(text)?
    };
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year token: 1000–2199.
fn year_number(w: &Words, i: usize) -> Option<i32> {
    let text = w.lower(i);
    if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text.parse().ok()?;
    (1000..2200).contains(&year).then_some(year)
}

/// An optional year after a date: ", 2025" or " 2025".
fn trailing_year(w: &Words, i: usize) -> (Option<i32>, usize) {
    let j = w.after_comma(i);
    match year_number(w, j) {
        Some(year) => (Some(year), j + 1),
        None => (None, i),
    }
}

/// A leading weekday: "Friday, Oct. 23".
fn leading_weekday(w: &Words, i: usize) -> usize {
    match words::weekday(w.text(i)) {
        Some((_, false)) if w.capitalized(i) => w.after_comma(i + 1),
        _ => i,
    }
}

/// "Aug. 19", "August 19, 2025", "Friday, Oct. 23", "August 2025", "August".
fn calendar(w: &Words, i: usize) -> Option<Found> {
    let (shift, m) = match w.lower(i) {
        "last" | "past" | "previous" => (Shift::Last, i + 1),
        "next" | "coming" => (Shift::Next, i + 1),
        "this" => (Shift::This, i + 1),
        _ => (Shift::Tense, leading_weekday(w, i)),
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

/// "19 August 2025", "the 19th of August".
fn day_first(w: &Words, i: usize) -> Option<Found> {
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
fn iso_date(w: &Words, i: usize) -> Option<Found> {
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
fn year(w: &Words, i: usize) -> Option<Found> {
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
fn decade(w: &Words, i: usize) -> Option<Found> {
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
fn weekday(w: &Words, i: usize) -> Option<Found> {
    let (shift, d) = match w.lower(i) {
        "last" | "past" | "previous" => (Shift::Last, i + 1),
        "next" | "coming" => (Shift::Next, i + 1),
        "this" => (Shift::This, i + 1),
        _ => (Shift::Tense, i),
    };
    let (day, plural) = words::weekday(w.text(d))?;
    if !w.capitalized(d) {
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
fn time_after(w: &Words, i: usize) -> (Option<TimeOfDay>, usize) {
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

/// "today", "yesterday evening", "tonight", "this morning", "last night", "now", "recently".
fn deictic(w: &Words, i: usize) -> Option<Found> {
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
fn current(w: &Words, i: usize) -> Option<Found> {
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
fn quantity(w: &Words, i: usize) -> Option<Found> {
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
fn duration_lead(w: &Words, i: usize) -> (Option<usize>, usize) {
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
fn amount(w: &Words, i: usize) -> Option<(Amount, usize)> {
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
        whole *= if w.is(end, "hundred") { 100 } else { 1000 };
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
fn is_age(w: &Words, i: usize) -> bool {
    (w.is(i, "-") && w.is(i + 1, "old")) || w.is(i, "old") || w.is(i, "-old")
}

/// "the third quarter", "third-quarter", "the first half of 2025", "the 1988 third quarter",
/// "the fourth quarter of 1990", "Q3", "the latest quarter", "the quarter".
fn quarter(w: &Words, i: usize) -> Option<Found> {
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
fn season(w: &Words, i: usize) -> Option<Found> {
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
    if s == i + 1 && w.is(i, "the") && year.is_none() && season == super::words::Season::Fall {
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

/// "every week", "each Thursday", "daily", "annually", "twice a year".
fn set(w: &Words, i: usize) -> Option<Found> {
    let adverb = match w.lower(i) {
        "daily" | "nightly" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        _ => None,
    };
    if let Some(value) = adverb {
        return found(i, i + 1, Expr::Set(value.to_string()), "set-adverb");
    }
    if w.any(i, &["every", "each"]) {
        let s = if w.is(i + 1, "other") { i + 2 } else { i + 1 };
        if let Some((unit, false)) = words::unit(w.lower(s)) {
            let value = super::value::duration_value(if s > i + 1 { 2 } else { 1 }, false, unit);
            return found(i, s + 1, Expr::Set(value), "set-every");
        }
        if let Some((day, false)) = words::weekday(w.text(s)) {
            let value = format!("XXXX-WXX-{}", day.number_from_monday());
            return found(i, s + 1, Expr::Set(value), "set-every");
        }
        if let Some(month) = month_at(w, s) {
            return found(i, s + 1, Expr::Set(format!("XXXX-{month:02}")), "set-every");
        }
    }
    // "twice a year", "three times a week": the "a week" part is the set.
    let frequency = w.any(i.wrapping_sub(1), &["twice", "once", "times"]);
    if frequency && w.any(i, &["a", "per", "each"]) {
        if let Some((unit, false)) = words::unit(w.lower(i + 1)) {
            let value = super::value::duration_value(1, false, unit);
            return found(i, i + 2, Expr::Set(value), "set-frequency");
        }
    }
    None
}

/// "14:00", "10:35 a.m.", "2 p.m.", "noon", "midnight", optionally followed by a time zone and a
/// day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
fn clock(w: &Words, i: usize) -> Option<Found> {
    let start = if w.any(i, &["around", "about"]) {
        i + 1
    } else {
        i
    };
    let (time, end) = clock_time(w, start)?;
    let (day, end) = day_after_clock(w, end);
    let expr = match day {
        Some(Found { expr, .. }) => with_time(expr, time),
        None => Expr::Clock(time),
    };
    let modifier = (start > i).then_some("APPROX");
    Some(Found {
        start: i,
        end,
        expr,
        modifier,
        rule: "clock",
    })
}

/// A clock time and where it ends (after "a.m."/"p.m." and a time zone).
fn clock_time(w: &Words, i: usize) -> Option<(TimeOfDay, usize)> {
    match w.lower(i) {
        "noon" | "midday" => {
            return Some((
                TimeOfDay::Clock {
                    hour: 12,
                    minute: 0,
                },
                i + 1,
            ))
        }
        "midnight" => {
            return Some((
                TimeOfDay::Clock {
                    hour: 24,
                    minute: 0,
                },
                i + 1,
            ))
        }
        _ => {}
    }
    let text = w.lower(i);
    let (hour, minute, colon) = match text.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?, true),
        Some(_) => return None,
        None => (text.parse::<u32>().ok()?, 0, false),
    };
    if hour > 24 || minute > 59 {
        return None;
    }
    let mut end = i + 1;
    let meridiem = match w.lower(end) {
        "a.m." | "am" | "a.m" => Some(false),
        "p.m." | "pm" | "p.m" => Some(true),
        "o'clock" => Some(hour == 12),
        _ => None,
    };
    if meridiem.is_none() && !colon {
        return None;
    }
    let hour = match meridiem {
        Some(pm) => {
            end += 1;
            if hour == 0 || hour > 12 {
                return None;
            }
            match (pm, hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            }
        }
        None => hour,
    };
    // "GMT", "EST", "local time", "Moscow time" stay inside the expression.
    let zones = [
        "gmt", "utc", "est", "edt", "et", "pst", "pdt", "cet", "cest", "bst", "msk",
    ];
    if w.any(end, &zones) {
        end += 1;
    } else if w.is(end, "local") && w.is(end + 1, "time") {
        end += 2;
    }
    Some((TimeOfDay::Clock { hour, minute }, end))
}

/// A day named right after a clock time: "Wednesday", "today", ", Nov. 6".
fn day_after_clock(w: &Words, i: usize) -> (Option<Found>, usize) {
    let j = if w.any(i, &[",", "on"]) { i + 1 } else { i };
    for rule in [weekday, deictic, calendar] {
        if let Some(hit) = rule(w, j) {
            if matches!(
                hit.expr,
                Expr::Weekday { time: None, .. }
                    | Expr::Deictic { time: None, .. }
                    | Expr::Calendar {
                        day: Some(_),
                        time: None,
                        ..
                    }
            ) {
                let end = hit.end;
                return (Some(hit), end);
            }
        }
    }
    (None, i)
}

fn with_time(expr: Expr, time: TimeOfDay) -> Expr {
    match expr {
        Expr::Weekday { day, shift, .. } => Expr::Weekday {
            day,
            shift,
            time: Some(time),
        },
        Expr::Deictic { days, .. } => Expr::Deictic {
            days,
            time: Some(time),
        },
        Expr::Calendar {
            year,
            month,
            day,
            shift,
            ..
        } => Expr::Calendar {
            year,
            month,
            day,
            shift,
            time: Some(time),
        },
        other => other,
    }
}

/// "that day", "the same day", "the next day", "the following week", "the previous day", "the
/// day before", "earlier that day", "the next morning".
fn anaphoric(w: &Words, i: usize) -> Option<Found> {
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
fn same_period(w: &Words, i: usize) -> Option<Found> {
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
