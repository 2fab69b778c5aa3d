//! What a time expression says, before it is resolved against a reference date.

use chrono::Weekday;

use super::holidays::DayRule;
use super::value::{Grain, TimeOfDay};
use super::words::{Season, Unit};

/// How a weekday, month, season or quarter without a year is placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shift {
    /// By the tense of the clause ("met on Friday": the last one; "will meet Friday": the next).
    Tense,
    /// "last Friday": the one before the reference date.
    Last,
    /// "next Friday": the one after it.
    Next,
    /// "this Friday", "this summer": the one in the reference's own week or year.
    This,
}

/// How many units: exact ("three", "2 1/2") or vague ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    Exact { whole: u32, half: bool },
    Vague,
}

/// What a time expression says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar date, whole or partial: "Aug. 19, 2025", "August 19", "August 2025", "August".
    Calendar {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
        shift: Shift,
        time: Option<TimeOfDay>,
    },
    /// A named day: "Christmas Eve", "Thanksgiving 1999", "last Easter", "Good Friday morning".
    Holiday {
        rule: DayRule,
        year: Option<i32>,
        shift: Shift,
        time: Option<TimeOfDay>,
    },
    /// A year: "2022", "fiscal 1989".
    Year(i32),
    /// A decade by its first year ("the 1990s" → 1990); `century_known` false for "the '90s".
    Decade {
        first_year: i32,
        century_known: bool,
    },
    /// A century by its ordinal ("the 20th century" → 20).
    Century(i32),
    /// A weekday: "Tuesday", "last Friday", "Tuesday evening".
    Weekday {
        day: Weekday,
        shift: Shift,
        time: Option<TimeOfDay>,
    },
    /// A season: "this summer", "the fall of 1989".
    Season {
        season: Season,
        year: Option<i32>,
        shift: Shift,
    },
    /// A quarter or half: "the third quarter", "the first half of 2025", "Q3".
    Quarter {
        number: u32,
        half: bool,
        year: Option<i32>,
        shift: Shift,
    },
    /// Days from the document date: "today" (0), "yesterday" (-1), "tomorrow" (1).
    Deictic { days: i64, time: Option<TimeOfDay> },
    /// A time of day with no day named: "2 p.m.", "noon"; the document's day.
    Clock(TimeOfDay),
    /// PRESENT_REF, PAST_REF or FUTURE_REF ("now", "recently", "soon").
    Reference(&'static str),
    /// The period of `unit` `offset` units from the document date's: "last week" (-1), "this
    /// year" (0), "next month" (1).
    Current { unit: Unit, offset: i64 },
    /// `amount` units before or after the document date: "two years ago" (-2 years).
    Ago {
        amount: Amount,
        unit: Unit,
        sign: i64,
    },
    /// Relative to the time last talked about: "a year earlier", "the next day", "that day".
    Anaphoric {
        unit: Unit,
        offset: i64,
        time: Option<TimeOfDay>,
    },
    /// `count` units from the time last talked about, in its own grain: "a year earlier" after
    /// "Aug. 12" is 12 August a year before.
    Shifted { unit: Unit, count: i64 },
    /// The period last talked about, again ("the quarter", "the year-ago period"): in `grain`
    /// (the reference's own when `None`), `year_offset` years away.
    SamePeriod {
        grain: Option<Grain>,
        year_offset: i64,
    },
    /// A length of time: "three days", "the past two weeks", "several years".
    Duration { amount: Amount, unit: Unit },
    /// A recurring time with its value already known ("every week" → P1W, "Tuesdays" →
    /// XXXX-WXX-2).
    Set(String),
}
