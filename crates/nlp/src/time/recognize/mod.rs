//! Recognition: a small grammar over one sentence's tokens. At each token every rule is tried and
//! the longest match wins; matching then resumes after it. Rules name themselves in `rule`, which
//! ends up in the expression's `why`.
//!
//! Extents follow TimeML: determiners and modifiers that are part of the expression are inside
//! ("the past two weeks", "nearly two years", "early next year"), prepositions are not ("in
//! 2022", "on Tuesday").

mod calendar;
mod clock;
mod relative;

use super::expr::Expr;
use super::words;
use calendar::{calendar, day_first, decade, holiday, iso_date, quarter, season, weekday, year};
use clock::{clock, set};
use relative::{anaphoric, current, deictic, quantity, same_period};

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
    pub(super) fn len(&self) -> usize {
        self.text.len()
    }

    pub(super) fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub(super) fn text(&self, i: usize) -> &str {
        self.text.get(i).copied().unwrap_or("")
    }

    pub(super) fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    pub(super) fn any(&self, i: usize, options: &[&str]) -> bool {
        options.contains(&self.lower(i))
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn xpos(&self, i: usize) -> &str {
        self.xpos.get(i).copied().unwrap_or("")
    }

    /// Skips an optional comma.
    pub(super) fn after_comma(&self, i: usize) -> usize {
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
            | Expr::Holiday { .. }
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
    let rules: [fn(&Words, usize) -> Option<Found>; 13] = [
        calendar, day_first, iso_date, year, decade, weekday, deictic, current, quantity, quarter,
        season, set, holiday,
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

pub(super) fn found(start: usize, end: usize, expr: Expr, rule: &'static str) -> Option<Found> {
    Some(Found {
        start,
        end,
        expr,
        modifier: None,
        rule,
    })
}
