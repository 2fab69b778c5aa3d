//! Dates that follow from other dates: "a day after Trump ruled out …" dates the ruling-out from
//! the clause's own date, and "three days after the March 3 vote" dates the clause from the
//! vote's. Also the date each event or quote gets from the expressions around it.

use std::ops::Range;

use chrono::NaiveDate;
use dateline_core::{ByteSpan, TimeRelation, Timex};

use super::value::{Grain, Point};
use super::words::Unit;
use crate::syntax::Syntax;

/// A recognized expression with what resolution learned about it.
pub(crate) struct Resolved {
    pub timex: Timex,
    /// Its calendar point, for dates.
    pub point: Option<Point>,
    /// Its exact length, for durations ("three days" → 3 days).
    pub length: Option<(Unit, i64)>,
}

/// Fills `relation` for each exact duration followed by "after"/"before" and a phrase.
pub(crate) fn relate(
    syntax: &Syntax,
    sentences: &[Range<usize>],
    found: &mut [Resolved],
    dct: Option<NaiveDate>,
    text_span: impl Fn(Range<usize>) -> ByteSpan,
) {
    for k in 0..found.len() {
        let Some((unit, count)) = found[k].length else {
            continue;
        };
        let tokens = found[k].timex.tokens.clone();
        let Some(sentence) = sentences.get(found[k].timex.sentence as usize) else {
            continue;
        };
        let word = tokens.end as usize;
        let direction = match syntax.lower(word).as_str() {
            "after" => 1,
            "before" => -1,
            _ => continue,
        };
        let event = event_span(syntax, word, sentence);
        if event.is_empty() {
            continue;
        }
        let inside = |t: &Resolved| {
            let r = &t.timex.tokens;
            t.timex.sentence == found[k].timex.sentence
                && r.start as usize >= event.start
                && r.end as usize <= event.end
        };
        let event_point = found.iter().filter(|t| inside(t)).find_map(|t| t.point);
        let clause_point = nearest_point(found, k, |t| !inside(t));
        let shift = direction * count;
        let (event_date, clause_date, why) = match (event_point, clause_point, dct) {
            (Some(e), _, _) => {
                let clause = e.shifted(unit, shift);
                (Some(e), clause, "clause dated from the anchor event's date")
            }
            (None, Some(c), _) => {
                let event = c.shifted(unit, -shift);
                (event, Some(c), "anchor event dated from the clause's date")
            }
            (None, None, Some(d)) => {
                let c = Point::new(Grain::Day, d);
                let event = c.shifted(unit, -shift);
                (event, Some(c), "anchor event dated from the document date")
            }
            (None, None, None) => (None, None, "no date to count from"),
        };
        let strip = |p: Point| Point { time: None, ..p }.timex();
        found[k].timex.relation = Some(TimeRelation {
            relation: if direction > 0 { "after" } else { "before" },
            event: text_span(event),
            event_date: event_date.map(strip),
            clause_date: clause_date.map(strip),
            why: why.to_string(),
        });
    }
}

/// The phrase after "after"/"before": the subtree of the word it introduces, cut to the
/// tokens that follow it. Without a parse, up to the next comma.
fn event_span(syntax: &Syntax, word: usize, sentence: &Range<usize>) -> Range<usize> {
    let start = word + 1;
    let root = syntax
        .head(word)
        .filter(|&h| h > word && sentence.contains(&h));
    let end = match root {
        Some(root) => {
            let mut end = root + 1;
            for t in sentence.clone() {
                if t > root && descends(syntax, t, root) {
                    end = t + 1;
                }
            }
            end
        }
        None => (start..sentence.end)
            .find(|&t| matches!(syntax.lower(t).as_str(), "," | "." | ";"))
            .unwrap_or(sentence.end),
    };
    // A trailing comma or full stop is not part of the event.
    let mut end = end.min(sentence.end);
    while end > start && matches!(syntax.lower(end - 1).as_str(), "," | "." | ";") {
        end -= 1;
    }
    start..end
}

fn descends(syntax: &Syntax, mut node: usize, ancestor: usize) -> bool {
    for _ in 0..64 {
        match syntax.head(node) {
            Some(h) if h == ancestor => return true,
            Some(h) => node = h,
            None => return false,
        }
    }
    false
}

/// The point of the dated expression nearest to `k` in its sentence that passes `keep`.
fn nearest_point(found: &[Resolved], k: usize, keep: impl Fn(&Resolved) -> bool) -> Option<Point> {
    let sentence = found[k].timex.sentence;
    let at = found[k].timex.tokens.start;
    found
        .iter()
        .enumerate()
        .filter(|(j, t)| *j != k && t.timex.sentence == sentence && keep(t))
        .filter_map(|(_, t)| Some((t.timex.tokens.start.abs_diff(at), t.point?)))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, point)| point)
}
