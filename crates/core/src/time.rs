//! Time expressions (TIMEX3) and the dates that events and quotes get from them.

use std::ops::Range;

use crate::span::ByteSpan;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    /// A calendar date or period ("Tuesday", "August 2025", "the third quarter", "now").
    Date,
    /// A time of day, or a part of a day ("2 p.m.", "Tuesday evening").
    Time,
    /// A length of time ("three years", "the past two weeks").
    Duration,
    /// A recurring time ("every week", "daily").
    Set,
}

impl TimexType {
    /// The TimeML name.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// The expression's text.
    pub span: ByteSpan,
    /// Its tokens.
    pub tokens: Range<u32>,
    /// Index of its sentence.
    pub sentence: u32,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TIMEX3 value ("2025-08-19", "P3D", "PRESENT_REF"), or `None` when it could not be
    /// computed (then `why` says what was missing).
    pub value: Option<String>,
    /// The TimeML `mod` attribute ("START", "END", "MID", "APPROX", "MORE_THAN", …).
    pub modifier: Option<&'static str>,
    /// For "three days after X": the date of X and of the clause, one derived from the other.
    pub relation: Option<TimeRelation>,
    /// How the value was computed: the rule and the reference date it used.
    pub why: String,
}

/// An expression that places one event relative to another: "a day after Trump ruled out …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRelation {
    /// `after` or `before`.
    pub relation: &'static str,
    /// The phrase naming the anchor event ("his landmark encounter with … in Alaska").
    pub event: ByteSpan,
    /// The anchor event's date, when known or derived.
    pub event_date: Option<String>,
    /// The date of the clause the expression modifies, when known or derived.
    pub clause_date: Option<String>,
    /// Which of the two dates came from where.
    pub why: String,
}

/// How precise a date given to an event or quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    /// A time of day or a part of a day.
    Time,
    /// A calendar day.
    Day,
    /// An ISO week or a weekend.
    Week,
    /// A month.
    Month,
    /// A quarter, a half or a season.
    Quarter,
    /// A year.
    Year,
    /// A decade, a century or a vaguer period ("the past").
    Vague,
    /// No expression governs it: the document's own date.
    Document,
}

impl DatePrecision {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Time => "time",
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Quarter => "quarter",
            DatePrecision::Year => "year",
            DatePrecision::Vague => "vague",
            DatePrecision::Document => "document",
        }
    }
}

/// The date of an event or a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRef {
    /// Index into `Annotations::times` of the expression it came from, if any.
    pub time: Option<u32>,
    /// The date value, `None` when unknown (no expression and no document date).
    pub value: Option<String>,
    /// How precise it is.
    pub precision: DatePrecision,
    /// Which rule gave it.
    pub why: String,
}
