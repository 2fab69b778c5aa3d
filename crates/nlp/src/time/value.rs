//! Calendar points of any granularity, their arithmetic and their TIMEX3 form. Every operation is
//! total: a date out of chrono's range gives `None`, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::words::{DayPart, Season, Unit};

/// How much of the calendar a point covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grain {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
}

/// A time of day given with a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeOfDay {
    Part(DayPart),
    Clock { hour: u32, minute: u32 },
}

/// A calendar period: its grain and any day inside it, plus a time of day for day points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Point {
    pub grain: Grain,
    pub day: NaiveDate,
    pub time: Option<TimeOfDay>,
}

impl Point {
    pub(crate) fn new(grain: Grain, day: NaiveDate) -> Point {
        Point {
            grain,
            day,
            time: None,
        }
    }

    /// The TIMEX3 value: `2025-08-19`, `2025-08-19TEV`, `2025-08-19T14:00`, `2025-W34`,
    /// `2025-W34-WE`, `2025-08`, `2025-Q3`, `2025-H1`, `2025-SU`, `2025`, `199`, `19`.
    pub(crate) fn timex(&self) -> String {
        let day = self.day;
        let year = day.year();
        match self.grain {
            Grain::Day => {
                let date = format!("{:04}-{:02}-{:02}", year, day.month(), day.day());
                match self.time {
                    None => date,
                    Some(TimeOfDay::Part(part)) => format!("{date}T{}", part.code()),
                    Some(TimeOfDay::Clock { hour, minute }) => {
                        format!("{date}T{hour:02}:{minute:02}")
                    }
                }
            }
            Grain::Week => {
                let week = day.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Grain::Weekend => {
                let week = day.iso_week();
                format!("{:04}-W{:02}-WE", week.year(), week.week())
            }
            Grain::Month => format!("{:04}-{:02}", year, day.month()),
            Grain::Quarter => format!("{:04}-Q{}", year, day.month0() / 3 + 1),
            Grain::Half => format!("{:04}-H{}", year, day.month0() / 6 + 1),
            Grain::Season => {
                let season = season_of(day.month());
                // Winter starts in December: January and February belong to last year's.
                let season_year = if season == Season::Winter && day.month() < 12 {
                    year - 1
                } else {
                    year
                };
                format!("{:04}-{}", season_year, season.code())
            }
            Grain::Year => format!("{year:04}"),
            Grain::Decade => format!("{:03}", year.div_euclid(10)),
            Grain::Century => format!("{:02}", year.div_euclid(100)),
        }
    }

    /// The same grain, `count` units later (earlier when negative).
    pub(crate) fn shifted(&self, unit: Unit, count: i64) -> Option<Point> {
        Some(Point {
            day: shift_day(self.day, unit, count)?,
            ..*self
        })
    }
}

/// `day` moved by `count` units. Month arithmetic clamps to the month's end (31 January + 1
/// month = 28 or 29 February).
pub(crate) fn shift_day(day: NaiveDate, unit: Unit, count: i64) -> Option<NaiveDate> {
    let days = |n: i64| -> Option<NaiveDate> {
        let magnitude = Days::new(n.unsigned_abs());
        if n >= 0 {
            day.checked_add_days(magnitude)
        } else {
            day.checked_sub_days(magnitude)
        }
    };
    let months = |n: i64| -> Option<NaiveDate> {
        let magnitude = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
        if n >= 0 {
            day.checked_add_months(magnitude)
        } else {
            day.checked_sub_months(magnitude)
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(day),
        Unit::Day => days(count),
        Unit::Week | Unit::Weekend => days(count.checked_mul(7)?),
        Unit::Month => months(count),
        Unit::Quarter => months(count.checked_mul(3)?),
        Unit::Year => months(count.checked_mul(12)?),
        Unit::Decade => months(count.checked_mul(120)?),
        Unit::Century => months(count.checked_mul(1200)?),
    }
}

/// The grain a unit names ("last week" is a week, "two years ago" a year).
pub(crate) fn grain_of(unit: Unit) -> Grain {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Grain::Day,
        Unit::Week => Grain::Week,
        Unit::Weekend => Grain::Weekend,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Century => Grain::Century,
    }
}

pub(crate) fn season_of(month: u32) -> Season {
    match month {
        3..=5 => Season::Spring,
        6..=8 => Season::Summer,
        9..=11 => Season::Fall,
        _ => Season::Winter,
    }
}

/// A date from parts, `None` when it does not exist (31 April, 29 February 2025).
pub(crate) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Days from `from` forward to the next `weekday` (0 when `from` is that weekday).
pub(crate) fn days_until(from: NaiveDate, weekday: Weekday) -> i64 {
    let from = i64::from(from.weekday().num_days_from_monday());
    let to = i64::from(weekday.num_days_from_monday());
    (to - from).rem_euclid(7)
}

/// The TIMEX3 duration value for an exact amount: `P3D`, `PT5H`, `P2Y6M` (for 2½ years),
/// `P10Y` for a decade. `None` for an amount too large to write.
pub(crate) fn duration_value(whole: u32, half: bool, unit: Unit) -> String {
    let (letter, time, half_as) = match unit {
        Unit::Second => ("S", true, None),
        Unit::Minute => ("M", true, Some((30, "S"))),
        Unit::Hour => ("H", true, Some((30, "M"))),
        Unit::Day | Unit::Weekend => ("D", false, Some((12, "H"))),
        Unit::Week => ("W", false, None),
        Unit::Month => ("M", false, None),
        Unit::Quarter => ("Q", false, None),
        Unit::Year => ("Y", false, Some((6, "M"))),
        Unit::Decade => return format!("P{}Y", u64::from(whole) * 10 + if half { 5 } else { 0 }),
        Unit::Century => {
            return format!("P{}Y", u64::from(whole) * 100 + if half { 50 } else { 0 })
        }
    };
    let count = u64::from(whole) * if unit == Unit::Weekend { 2 } else { 1 };
    let t = if time { "T" } else { "" };
    let mut value = format!("P{t}{count}{letter}");
    if half {
        match half_as {
            Some((amount, sub)) if unit == Unit::Day => value = format!("P{count}DT{amount}{sub}"),
            Some((amount, sub)) => value.push_str(&format!("{amount}{sub}")),
            None => value = format!("P{t}{count}.5{letter}"),
        }
    }
    value
}

/// The TIMEX3 duration value for a vague amount ("several years" → `PXY`).
pub(crate) fn vague_duration_value(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "PTXS",
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day | Unit::Weekend => "PXD",
        Unit::Week => "PXW",
        Unit::Month => "PXM",
        Unit::Quarter => "PXQ",
        Unit::Year => "PXY",
        Unit::Decade => "PXDE",
        Unit::Century => "PXCE",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn timex_forms() {
        let d = day("2025-08-19");
        assert_eq!(Point::new(Grain::Day, d).timex(), "2025-08-19");
        assert_eq!(Point::new(Grain::Week, d).timex(), "2025-W34");
        assert_eq!(Point::new(Grain::Weekend, d).timex(), "2025-W34-WE");
        assert_eq!(Point::new(Grain::Quarter, d).timex(), "2025-Q3");
        assert_eq!(Point::new(Grain::Season, d).timex(), "2025-SU");
        assert_eq!(Point::new(Grain::Decade, d).timex(), "202");
        assert_eq!(Point::new(Grain::Century, d).timex(), "20");
        assert_eq!(
            Point::new(Grain::Season, day("2026-01-10")).timex(),
            "2025-WI"
        );
        // ISO week-years differ from calendar years at the edges.
        assert_eq!(
            Point::new(Grain::Week, day("2024-12-30")).timex(),
            "2025-W01"
        );
        assert_eq!(
            Point::new(Grain::Week, day("2021-01-03")).timex(),
            "2020-W53"
        );
    }

    #[test]
    fn month_arithmetic_clamps() {
        assert_eq!(
            shift_day(day("2024-02-29"), Unit::Year, -1),
            Some(day("2023-02-28"))
        );
        assert_eq!(
            shift_day(day("2025-01-31"), Unit::Month, 1),
            Some(day("2025-02-28"))
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(3, false, Unit::Day), "P3D");
        assert_eq!(duration_value(5, false, Unit::Hour), "PT5H");
        assert_eq!(duration_value(2, true, Unit::Year), "P2Y6M");
        assert_eq!(duration_value(1, false, Unit::Decade), "P10Y");
    }
}
