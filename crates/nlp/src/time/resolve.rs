//! Normalization: an [`Expr`] plus the document date, the clause's tense and the time last talked
//! about give a TIMEX3 value. Total: every input gives a value or `None` with a reason.

use chrono::{Datelike, NaiveDate};
use dateline_core::TimexType;

use super::expr::{Amount, Expr};
use super::placing::{calendar, place_by_year, quarter_point, season_point, weekday_offset};
use super::value::{
    duration_value, grain_of, shift_day, vague_duration_value, ymd, Grain, Point, TimeOfDay,
};
use super::words::Unit;

/// The tense of the clause an expression sits in, read from the parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

impl Tense {
    pub(super) fn name(self) -> &'static str {
        match self {
            Tense::Past => "past tense",
            Tense::Present => "present tense",
            Tense::Future => "future",
            Tense::Unknown => "no tense",
        }
    }
}

/// What an expression is resolved against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    /// The document creation time (publication date).
    pub dct: Option<NaiveDate>,
    /// The tense of the clause the expression modifies.
    pub tense: Tense,
    /// The last point in time the text talked about, for "a year earlier", "that day".
    pub reference: Option<Point>,
    /// Whether `reference` was talked about in this sentence or the one before.
    pub recent: bool,
    /// The latest quarter or half the text has talked about: the period a report is about.
    pub period: Option<Point>,
}

/// An expression's type, value and the reasoning behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub timex_type: TimexType,
    pub value: Option<String>,
    /// The calendar point, for expressions that name one (later ones may refer back to it).
    pub point: Option<Point>,
    pub why: String,
}

/// Resolves `expr` in `context`.
pub(crate) fn resolve(expr: &Expr, context: &Context) -> Resolved {
    let timex_type = type_of(expr);
    match expr {
        Expr::Duration { amount, unit } => {
            let value = match amount {
                Amount::Exact { whole, half } => duration_value(*whole, *half, *unit),
                Amount::Vague => vague_duration_value(*unit).to_string(),
            };
            plain(timex_type, value, "length of time")
        }
        Expr::Set(value) => plain(timex_type, value.clone(), "recurring time"),
        Expr::Reference(value) => plain(timex_type, (*value).to_string(), "deictic reference"),
        Expr::Year(year) => point_at(timex_type, Grain::Year, ymd(*year, 1, 1), "explicit year"),
        Expr::Century(ordinal) => {
            let first = ordinal.checked_sub(1).and_then(|c| c.checked_mul(100));
            let day = first.and_then(|year| ymd(year, 1, 1));
            point_at(timex_type, Grain::Century, day, "explicit century")
        }
        Expr::Decade {
            first_year,
            century_known: true,
        } => point_at(
            timex_type,
            Grain::Decade,
            ymd(*first_year, 1, 1),
            "explicit decade",
        ),
        _ => match context.dct {
            Some(dct) => relative(expr, timex_type, dct, context),
            None => Resolved {
                timex_type,
                value: None,
                point: None,
                why: "needs the document date, and the document has none (give --date)".to_string(),
            },
        },
    }
}

fn type_of(expr: &Expr) -> TimexType {
    match expr {
        Expr::Duration { .. } => TimexType::Duration,
        Expr::Set(_) => TimexType::Set,
        Expr::Clock(_) => TimexType::Time,
        Expr::Calendar { time: Some(_), .. }
        | Expr::Holiday { time: Some(_), .. }
        | Expr::Weekday { time: Some(_), .. }
        | Expr::Deictic { time: Some(_), .. }
        | Expr::Anaphoric { time: Some(_), .. } => TimexType::Time,
        _ => TimexType::Date,
    }
}

fn plain(timex_type: TimexType, value: String, why: &str) -> Resolved {
    Resolved {
        timex_type,
        value: Some(value),
        point: None,
        why: why.to_string(),
    }
}

fn point_at(timex_type: TimexType, grain: Grain, day: Option<NaiveDate>, why: &str) -> Resolved {
    match day {
        Some(day) => found(timex_type, Point::new(grain, day), why.to_string()),
        None => Resolved {
            timex_type,
            value: None,
            point: None,
            why: format!("{why}: no such date"),
        },
    }
}

fn found(timex_type: TimexType, point: Point, why: String) -> Resolved {
    Resolved {
        timex_type,
        value: Some(point.timex()),
        point: Some(point),
        why,
    }
}

fn with_time(point: Point, time: Option<TimeOfDay>) -> Point {
    Point { time, ..point }
}

/// Expressions that need the document date.
fn relative(expr: &Expr, timex_type: TimexType, dct: NaiveDate, context: &Context) -> Resolved {
    let tense = context.tense;
    let resolved = match *expr {
        Expr::Calendar {
            year,
            month,
            day,
            shift,
            time,
        } => calendar(year, month, day, shift, tense, dct)
            .map(|(point, why)| (with_time(point, time), why)),
        Expr::Holiday {
            rule,
            year,
            shift,
            time,
        } => {
            let placed = match year {
                Some(y) => rule.date_in(y).map(|d| (d, "explicit year".to_string())),
                None => place_by_year(|y| rule.date_in(y), dct, shift, tense, 60),
            };
            placed.map(|(day, why)| {
                let point = with_time(Point::new(Grain::Day, day), time);
                (point, why)
            })
        }
        Expr::Decade { first_year, .. } => {
            // "the '90s": the latest such decade that has begun by the document date.
            let century = dct.year().div_euclid(100) * 100;
            let year = if century + first_year > dct.year() {
                century - 100 + first_year
            } else {
                century + first_year
            };
            ymd(year, 1, 1).map(|day| {
                (
                    Point::new(Grain::Decade, day),
                    "decade by the document date".into(),
                )
            })
        }
        Expr::Weekday { day, shift, time } => {
            let (offset, why) = weekday_offset(day, shift, tense, dct);
            shift_day(dct, Unit::Day, offset)
                .map(|d| (with_time(Point::new(Grain::Day, d), time), why))
        }
        Expr::Season {
            season,
            year,
            shift,
        } => season_point(season, year, shift, tense, dct),
        Expr::Quarter {
            number,
            half,
            year,
            shift,
        } => quarter_point(number, half, year, shift, tense, dct),
        Expr::Deictic { days, time } => shift_day(dct, Unit::Day, days).map(|d| {
            let point = with_time(Point::new(Grain::Day, d), time);
            (point, format!("{days:+} days from the document date"))
        }),
        Expr::Clock(time) => Some(match context.reference {
            Some(reference) if context.recent && reference.grain == Grain::Day => (
                with_time(reference, Some(time)),
                "time of day on the day just talked about".to_string(),
            ),
            _ => (
                with_time(Point::new(Grain::Day, dct), Some(time)),
                "time of day on the document date".to_string(),
            ),
        }),
        Expr::SamePeriod { grain, year_offset } => same_period(grain, year_offset, dct, context),
        Expr::Current { unit, offset } => current(unit, offset, tense, dct),
        Expr::Ago { amount, unit, sign } => match amount {
            Amount::Exact { whole, .. } => ago(unit, sign * i64::from(whole), dct, context),
            Amount::Vague => {
                return plain(timex_type, "PAST_REF".to_string(), "vague time ago");
            }
        },
        Expr::Anaphoric { unit, offset, time } => {
            anaphoric(unit, offset, dct, context).map(|(point, why)| (with_time(point, time), why))
        }
        Expr::Shifted { unit, count } => {
            let found = shifted(unit, count, dct, context);
            // "80 years later" told in the past tense cannot fall after the document date:
            // what it counts from is a time the text did not state ("the war 80 years ago").
            let after_dct = found.as_ref().is_some_and(|(point, _)| point.day > dct);
            if count > 0 && tense == Tense::Past && after_dct {
                return Resolved {
                    timex_type,
                    value: None,
                    point: None,
                    why: "a later time that would fall after the document date in a past-tense \
                          clause: its anchor is not a time the text gives"
                        .to_string(),
                };
            }
            found
        }
        Expr::Duration { .. }
        | Expr::Set(_)
        | Expr::Reference(_)
        | Expr::Year(_)
        | Expr::Century(_) => None,
    };
    match resolved {
        Some((point, why)) => found(timex_type, point, why),
        None => Resolved {
            timex_type,
            value: None,
            point: None,
            why: "no such date".to_string(),
        },
    }
}

/// "last week", "this year", "the weekend".
fn current(unit: Unit, offset: i64, tense: Tense, dct: NaiveDate) -> Option<(Point, String)> {
    let mut day = shift_day(dct, unit, offset)?;
    if unit == Unit::Weekend
        && offset == 0
        && tense == Tense::Past
        && dct.weekday().number_from_monday() < 6
    {
        // "at the weekend" in a past-tense clause on a weekday: the one just gone.
        day = shift_day(dct, Unit::Week, -1)?;
    }
    let why = match offset {
        0 => "the document date's own period",
        o if o < 0 => "the period before the document date's",
        _ => "the period after the document date's",
    };
    Some((Point::new(grain_of(unit), day), why.to_string()))
}

/// "a year earlier", "the next day", "that day": from the time last talked about when it is as
/// fine as the unit, else from the document date.
fn anaphoric(
    unit: Unit,
    offset: i64,
    dct: NaiveDate,
    context: &Context,
) -> Option<(Point, String)> {
    let unit_grain = grain_of(unit);
    match context.reference {
        Some(reference) if rank(reference.grain) <= rank(unit_grain) => {
            // "a year earlier" than a quarter is that quarter a year before; otherwise the
            // answer has the unit's grain ("the following year" is a year).
            let quarterly = matches!(reference.grain, Grain::Quarter | Grain::Half);
            let grain = if quarterly && unit == Unit::Year {
                reference.grain
            } else {
                unit_grain
            };
            let point = Point::new(grain, reference.shifted(unit, offset)?.day);
            Some((
                point,
                format!(
                    "{offset:+} {unit:?} from the time last mentioned ({})",
                    reference.timex()
                ),
            ))
        }
        _ => {
            let day = shift_day(dct, unit, offset)?;
            Some((
                Point::new(unit_grain, day),
                format!("{offset:+} {unit:?} from the document date (no earlier time mentioned)"),
            ))
        }
    }
}

/// "two years ago": a year; "a year ago" right after talk of a quarter: that quarter a year
/// before (as in "profit rose from a year ago").
fn ago(unit: Unit, count: i64, dct: NaiveDate, context: &Context) -> Option<(Point, String)> {
    if let Some(reference) = context.reference {
        let quarterly = matches!(reference.grain, Grain::Quarter | Grain::Half);
        if context.recent && quarterly && unit == Unit::Year {
            let point = reference.shifted(unit, count)?;
            let why = format!(
                "{count:+} years from the quarter just talked about ({})",
                reference.timex()
            );
            return Some((point, why));
        }
    }
    let grain = match unit {
        Unit::Decade | Unit::Century => Grain::Year,
        other => grain_of(other),
    };
    let day = shift_day(dct, unit, count)?;
    Some((
        Point::new(grain, day),
        "counted back from the document date".into(),
    ))
}

/// "the quarter", "the year-ago period": the period last talked about, in `grain`, moved by
/// `year_offset` years; without one, the document date's quarter.
fn same_period(
    grain: Option<Grain>,
    year_offset: i64,
    dct: NaiveDate,
    context: &Context,
) -> Option<(Point, String)> {
    let quarterly = grain.is_none_or(|g| matches!(g, Grain::Quarter | Grain::Half));
    let (base, why) = match (context.period, context.reference) {
        (Some(period), _) if quarterly => (
            period,
            format!("the latest quarter talked about ({})", period.timex()),
        ),
        (None, _) if quarterly => {
            // Reports are about the last quarter that has ended.
            let last = shift_day(dct, Unit::Quarter, -1)?;
            (
                Point::new(Grain::Quarter, last),
                "the quarter before the document date's".to_string(),
            )
        }
        (_, Some(reference)) => (
            reference,
            format!("the period last talked about ({})", reference.timex()),
        ),
        (_, None) => (
            Point::new(Grain::Quarter, dct),
            "the document date's quarter".to_string(),
        ),
    };
    let grain = grain.unwrap_or(base.grain);
    let day = shift_day(base.day, Unit::Year, year_offset)?;
    Some((
        Point::new(grain, day),
        format!("{why}, {year_offset:+} years"),
    ))
}

/// "a year earlier", "three days later": from the time last talked about, keeping its grain
/// when it is as fine as the unit; else from the document date.
fn shifted(unit: Unit, count: i64, dct: NaiveDate, context: &Context) -> Option<(Point, String)> {
    let unit_grain = grain_of(unit);
    match context.reference {
        Some(reference) if rank(reference.grain) <= rank(unit_grain) => {
            let point = Point::new(reference.grain, reference.shifted(unit, count)?.day);
            let why = format!(
                "{count:+} {unit:?} from the time last mentioned ({})",
                reference.timex()
            );
            Some((point, why))
        }
        _ => {
            let day = shift_day(dct, unit, count)?;
            let why = format!("{count:+} {unit:?} from the document date (no earlier time)");
            Some((Point::new(unit_grain, day), why))
        }
    }
}

/// Orders grains from fine to coarse.
fn rank(grain: Grain) -> u8 {
    match grain {
        Grain::Day => 0,
        Grain::Weekend => 1,
        Grain::Week => 2,
        Grain::Month => 3,
        Grain::Quarter => 4,
        Grain::Season => 5,
        Grain::Half => 6,
        Grain::Year => 7,
        Grain::Decade => 8,
        Grain::Century => 9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::expr::Shift;
    use chrono::Weekday;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn value(expr: Expr, tense: Tense, dct: &str) -> Option<String> {
        let context = Context {
            dct: Some(day(dct)),
            tense,
            reference: None,
            recent: false,
            period: None,
        };
        resolve(&expr, &context).value
    }

    fn weekday(day: Weekday, shift: Shift) -> Expr {
        Expr::Weekday {
            day,
            shift,
            time: None,
        }
    }

    #[test]
    fn a_later_time_in_the_past_tense_is_not_after_the_document_date() {
        let later = |count| Expr::Shifted {
            unit: Unit::Year,
            count,
        };
        let dct = "2022-03-26";
        assert_eq!(value(later(80), Tense::Past, dct), None);
        assert_eq!(value(later(2), Tense::Future, dct).unwrap(), "2024");
        assert_eq!(value(later(-80), Tense::Past, dct).unwrap(), "1942");
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2025-08-19 is a Tuesday.
        let tue = "2025-08-19";
        assert_eq!(
            value(weekday(Weekday::Tue, Shift::Tense), Tense::Past, tue).unwrap(),
            "2025-08-19"
        );
        assert_eq!(
            value(weekday(Weekday::Mon, Shift::Tense), Tense::Past, tue).unwrap(),
            "2025-08-18"
        );
        assert_eq!(
            value(weekday(Weekday::Wed, Shift::Tense), Tense::Future, tue).unwrap(),
            "2025-08-20"
        );
        assert_eq!(
            value(weekday(Weekday::Wed, Shift::Tense), Tense::Present, tue).unwrap(),
            "2025-08-20"
        );
        assert_eq!(
            value(weekday(Weekday::Fri, Shift::Tense), Tense::Past, tue).unwrap(),
            "2025-08-15"
        );
        assert_eq!(
            value(weekday(Weekday::Tue, Shift::Last), Tense::Past, tue).unwrap(),
            "2025-08-12"
        );
    }

    #[test]
    fn months_across_the_year_boundary() {
        let december = Expr::Calendar {
            year: None,
            month: 12,
            day: None,
            shift: Shift::Last,
            time: None,
        };
        assert_eq!(
            value(december, Tense::Past, "2026-01-10").unwrap(),
            "2025-12"
        );
        let dec_28 = Expr::Calendar {
            year: None,
            month: 12,
            day: Some(28),
            shift: Shift::Tense,
            time: None,
        };
        assert_eq!(
            value(dec_28, Tense::Unknown, "2026-01-03").unwrap(),
            "2025-12-28"
        );
    }

    #[test]
    fn a_date_without_tense_is_the_nearest_one() {
        let jan_2 = Expr::Calendar {
            year: None,
            month: 1,
            day: Some(2),
            shift: Shift::Tense,
            time: None,
        };
        // "The dividend is payable Jan. 2", written on 1989-11-02: two months ahead, not ten back.
        assert_eq!(
            value(jan_2.clone(), Tense::Present, "1989-11-02").unwrap(),
            "1990-01-02"
        );
        assert_eq!(
            value(jan_2, Tense::Past, "1989-11-02").unwrap(),
            "1989-01-02"
        );
    }

    #[test]
    fn a_future_clause_still_means_the_quarter_just_ended() {
        let third = |tense| {
            let expr = Expr::Quarter {
                number: 3,
                half: false,
                year: None,
                shift: Shift::Tense,
            };
            value(expr, tense, "1989-11-02").unwrap()
        };
        // "will report third-quarter results" in November: the quarter that ended in September.
        assert_eq!(third(Tense::Future), "1989-Q3");
        assert_eq!(third(Tense::Past), "1989-Q3");
        let first = Expr::Quarter {
            number: 1,
            half: false,
            year: None,
            shift: Shift::Tense,
        };
        assert_eq!(
            value(first, Tense::Future, "1989-11-02").unwrap(),
            "1990-Q1"
        );
    }

    #[test]
    fn no_document_date_gives_null_with_reason() {
        let context = Context {
            dct: None,
            tense: Tense::Past,
            reference: None,
            recent: false,
            period: None,
        };
        let resolved = resolve(&weekday(Weekday::Mon, Shift::Tense), &context);
        assert_eq!(resolved.value, None);
        assert!(resolved.why.contains("document date"));
        let year = resolve(&Expr::Year(2022), &context);
        assert_eq!(year.value.as_deref(), Some("2022"));
    }

    #[test]
    fn anaphora_keeps_the_reference_grain() {
        let context = Context {
            dct: Some(day("1989-10-30")),
            tense: Tense::Past,
            reference: Some(Point::new(Grain::Quarter, day("1989-07-01"))),
            recent: true,
            period: None,
        };
        let earlier = Expr::Anaphoric {
            unit: Unit::Year,
            offset: -1,
            time: None,
        };
        assert_eq!(resolve(&earlier, &context).value.unwrap(), "1988-Q3");
    }
}
