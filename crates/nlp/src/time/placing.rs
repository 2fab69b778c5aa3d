//! Placing a recurring day or period in a year: a month and day, a named day, a weekday, a
//! season or a quarter without a year, by the document date, a "last"/"next"/"this" and the
//! clause's tense.

use chrono::{Datelike, NaiveDate, Weekday};

use super::expr::Shift;
use super::resolve::Tense;
use super::value::{days_until, ymd, Grain, Point};
use super::words::Season;

/// A month (and day) without a year takes the year that places it by tense: the last one on or
/// before the document date in the past tense, the next one in the future, else the nearest.
pub(super) fn calendar(
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
    shift: Shift,
    tense: Tense,
    dct: NaiveDate,
) -> Option<(Point, String)> {
    let grain = if day.is_some() {
        Grain::Day
    } else {
        Grain::Month
    };
    let make = |y: i32| ymd(y, month, day.unwrap_or(1));
    if let Some(y) = year {
        return make(y).map(|d| (Point::new(grain, d), "explicit date".to_string()));
    }
    let reference = if day.is_some() {
        dct
    } else {
        ymd(dct.year(), dct.month(), 1)?
    };
    let window = if day.is_some() { 60 } else { 45 };
    let (chosen, why) = place_by_year(make, reference, shift, tense, window)?;
    Some((Point::new(grain, chosen), why))
}

/// The year for a day that recurs every year (`make` gives it in a year), placed around
/// `reference` by the shift and the clause's tense: the last one on or before it in the past
/// tense, the next one in the future, else the nearest.
pub(super) fn place_by_year(
    make: impl Fn(i32) -> Option<NaiveDate>,
    reference: NaiveDate,
    shift: Shift,
    tense: Tense,
    window_days: u64,
) -> Option<(NaiveDate, String)> {
    let here = reference.year();
    let candidates: Vec<NaiveDate> = [here - 1, here, here + 1]
        .into_iter()
        .filter_map(&make)
        .collect();
    // News talks about dates near its own: a past-tense clause may still name a date a few weeks
    // ahead ("said the vote will be held Jan. 14"), so tense only decides beyond a window.
    let window = chrono::Days::new(window_days);
    let chosen = match (shift, tense) {
        (Shift::This, _) => make(here),
        (Shift::Last, _) => candidates.iter().rev().find(|d| **d < reference).copied(),
        (Shift::Next, _) => candidates.iter().find(|d| **d > reference).copied(),
        (Shift::Tense, Tense::Future) => {
            let from = reference.checked_sub_days(window)?;
            candidates.iter().find(|d| **d >= from).copied()
        }
        (Shift::Tense, Tense::Past) => {
            let until = reference.checked_add_days(window)?;
            candidates.iter().rev().find(|d| **d <= until).copied()
        }
        // Without a tense to go by ("payable Jan. 2", "the summit on April 24"), the one
        // nearest the document date.
        (Shift::Tense, _) => candidates
            .iter()
            .min_by_key(|d| (**d - reference).num_days().abs())
            .copied(),
    }?;
    let why = match shift {
        Shift::Tense => format!("year from the document date by {}", tense.name()),
        _ => "year from the document date".to_string(),
    };
    Some((chosen, why))
}

/// Days from the document date to the weekday meant.
pub(super) fn weekday_offset(
    day: Weekday,
    shift: Shift,
    tense: Tense,
    dct: NaiveDate,
) -> (i64, String) {
    let forward = days_until(dct, day);
    let back = (7 - forward) % 7;
    match shift {
        Shift::Last => (
            -(if back == 0 { 7 } else { back }),
            "the one before the document date".into(),
        ),
        Shift::Next => (
            if forward == 0 { 7 } else { forward },
            "the one after the document date".into(),
        ),
        Shift::This => {
            let offset = i64::from(day.num_days_from_monday())
                - i64::from(dct.weekday().num_days_from_monday());
            (offset, "in the document date's week".into())
        }
        Shift::Tense => match tense {
            Tense::Past => (
                -back,
                "past tense: the last one on or before the document date".into(),
            ),
            Tense::Future => (
                forward,
                "future: the next one on or after the document date".into(),
            ),
            Tense::Present | Tense::Unknown => {
                let offset = if forward <= back { forward } else { -back };
                (
                    offset,
                    format!("{}: the nearest to the document date", tense.name()),
                )
            }
        },
    }
}

pub(super) fn season_point(
    season: Season,
    year: Option<i32>,
    shift: Shift,
    tense: Tense,
    dct: NaiveDate,
) -> Option<(Point, String)> {
    let start = |y: i32| ymd(y, season.first_month(), 1);
    if let Some(y) = year {
        return start(y).map(|d| (Point::new(Grain::Season, d), "explicit season".into()));
    }
    let here = dct.year();
    let candidates: Vec<NaiveDate> = [here - 2, here - 1, here, here + 1]
        .into_iter()
        .filter_map(start)
        .collect();
    let three_months = chrono::Months::new(3);
    let over_by = |d: &NaiveDate| {
        d.checked_add_months(three_months)
            .is_some_and(|end| end <= dct)
    };
    let chosen = match (shift, tense) {
        // "last summer": the latest one that is over.
        (Shift::Last, _) => candidates.iter().rev().find(|d| over_by(d)).copied(),
        (Shift::Tense, Tense::Past) => candidates.iter().rev().find(|d| **d <= dct).copied(),
        (Shift::Next, _) | (Shift::Tense, Tense::Future) => {
            candidates.iter().find(|d| **d > dct).copied()
        }
        // "this summer": the current one when it is that season, else this year's.
        _ => candidates
            .iter()
            .rev()
            .find(|d| **d <= dct && !over_by(d))
            .copied()
            .or_else(|| start(here)),
    }?;
    Some((
        Point::new(Grain::Season, chosen),
        "season placed from the document date".into(),
    ))
}

pub(super) fn quarter_point(
    number: u32,
    half: bool,
    year: Option<i32>,
    shift: Shift,
    tense: Tense,
    dct: NaiveDate,
) -> Option<(Point, String)> {
    let grain = if half { Grain::Half } else { Grain::Quarter };
    let months = if half { 6 } else { 3 };
    let first_month = (number.checked_sub(1)?) * months + 1;
    let start = |y: i32| ymd(y, first_month, 1);
    if let Some(y) = year {
        return start(y).map(|d| (Point::new(grain, d), "explicit quarter".into()));
    }
    let here = dct.year();
    let chosen = match (shift, tense) {
        (Shift::Next, _) => {
            // The next one that has not ended yet.
            let this_year = start(here)?;
            let ends = this_year.checked_add_months(chrono::Months::new(months))?;
            if ends > dct {
                this_year
            } else {
                start(here + 1)?
            }
        }
        (_, Tense::Future) => {
            // Results come out in the quarter after the one they cover, so a quarter that
            // ended less than a quarter ago is still the one a future clause talks about
            // ("will report third-quarter results" in November).
            let this_year = start(here)?;
            let reported_by = this_year.checked_add_months(chrono::Months::new(months + 3))?;
            if reported_by > dct {
                this_year
            } else {
                start(here + 1)?
            }
        }
        _ => {
            // Reports talk about quarters that have begun: the latest one starting by the date.
            let this_year = start(here)?;
            if this_year <= dct {
                this_year
            } else {
                start(here - 1)?
            }
        }
    };
    Some((
        Point::new(grain, chosen),
        "quarter placed from the document date".into(),
    ))
}
