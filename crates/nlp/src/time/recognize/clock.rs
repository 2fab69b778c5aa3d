//! Clock times ("2 p.m.", "14:00 GMT", "noon Saturday") and recurring times ("every week").

use super::calendar::{calendar, month_at, weekday};
use super::relative::deictic;
use super::{found, Found, Words};
use crate::time::expr::Expr;
use crate::time::value::TimeOfDay;
use crate::time::words;

/// "every week", "each Thursday", "daily", "annually", "twice a year".
pub(super) fn set(w: &Words, i: usize) -> Option<Found> {
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
            let value =
                crate::time::value::duration_value(if s > i + 1 { 2 } else { 1 }, false, unit);
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
            let value = crate::time::value::duration_value(1, false, unit);
            return found(i, i + 2, Expr::Set(value), "set-frequency");
        }
    }
    None
}

/// "14:00", "10:35 a.m.", "2 p.m.", "noon", "midnight", optionally followed by a time zone and a
/// day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
pub(super) fn clock(w: &Words, i: usize) -> Option<Found> {
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
pub(super) fn clock_time(w: &Words, i: usize) -> Option<(TimeOfDay, usize)> {
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
pub(super) fn day_after_clock(w: &Words, i: usize) -> (Option<Found>, usize) {
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

pub(super) fn with_time(expr: Expr, time: TimeOfDay) -> Expr {
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
