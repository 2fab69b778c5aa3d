//! Dates that follow from other dates: "a day after Trump ruled out …" dates the ruling-out from
//! the clause's own date, and "three days after the March 3 vote" dates the clause from the
//! vote's. Also the date each event or quote gets from the expressions around it.

use std::ops::Range;

use chrono::NaiveDate;
use dateline_core::{ByteSpan, DatePrecision, DateRef, TimeRelation, Timex, TimexType};

use super::clause::Syntax;
use super::value::{Grain, Point};
use super::words::Unit;

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

/// The date of whatever token `token` expresses (a speech verb, an event trigger): the
/// anchor-event date when it sits inside "… after X", else the expression its clause governs,
/// else the nearest dated expression in its sentence, else the document date.
pub(crate) fn date_of(
    syntax: &Syntax,
    times: &[Timex],
    points: &[Option<Point>],
    token: usize,
    sentence: u32,
    sentence_range: &Range<usize>,
    token_span: impl Fn(usize) -> ByteSpan,
    dct: Option<NaiveDate>,
) -> DateRef {
    let in_sentence = || {
        times
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.sentence == sentence)
    };
    let here = token_span(token);
    for (i, t) in in_sentence() {
        if let Some(relation) = &t.relation {
            if relation.event.start <= here.start && here.end <= relation.event.end {
                let precision = if relation
                    .event_date
                    .as_deref()
                    .is_some_and(|d| d.len() == 10)
                {
                    DatePrecision::Day
                } else {
                    DatePrecision::Vague
                };
                return DateRef {
                    time: Some(i as u32),
                    value: relation.event_date.clone(),
                    precision,
                    why: "anchor event of a relative expression".to_string(),
                };
            }
        }
    }
    let dated = |i: usize, t: &Timex| {
        matches!(t.timex_type, TimexType::Date | TimexType::Time)
            && points.get(i).copied().flatten().is_some()
    };
    let governor = |t: &Timex| {
        let span = t.tokens.start as usize..t.tokens.end as usize;
        let up = syntax.span_head(&span).and_then(|h| syntax.head(h))?;
        syntax.clause_verb(up)
    };
    // Its own clause first, then each clause that holds it ("On Monday Trump said he was …"
    // dates "was" by Monday), never a clause inside another ("since Russia invaded in 2022").
    let mut chosen = None;
    let mut clause = syntax.clause_verb(token);
    let mut why = "the time expression of its clause";
    for _ in 0..16 {
        let Some(verb) = clause else { break };
        chosen = in_sentence().find(|(i, t)| dated(*i, t) && governor(t) == Some(verb));
        if chosen.is_some() {
            break;
        }
        why = "the time expression of an enclosing clause";
        clause = syntax.head(verb).and_then(|h| syntax.clause_verb(h));
        // A subordinate clause ("since Russia invaded in 2022") dates only itself.
        if clause.is_some_and(|c| subordinate(syntax, c, sentence_range)) {
            break;
        }
    }
    let unparsed = syntax.head(token).is_none() && syntax.relation(token).is_empty();
    if chosen.is_none() && unparsed {
        why = "the nearest time expression in its sentence (no parse)";
        chosen = in_sentence()
            .filter(|(i, t)| dated(*i, t) && sentence_range.contains(&(t.tokens.start as usize)))
            .min_by_key(|(_, t)| (t.tokens.start as usize).abs_diff(token));
    }
    let chosen = chosen.map(|c| (c, why));
    if let Some(((i, t), why)) = chosen {
        let precision = points
            .get(i)
            .copied()
            .flatten()
            .map_or(DatePrecision::Vague, |p| p.precision());
        return DateRef {
            time: Some(i as u32),
            value: t.value.clone(),
            precision,
            why: why.to_string(),
        };
    }
    DateRef {
        time: None,
        value: dct.map(|d| Point::new(Grain::Day, d).timex()),
        precision: DatePrecision::Document,
        why: if dct.is_some() {
            "no time expression: the document date".to_string()
        } else {
            "no time expression and no document date".to_string()
        },
    }
}

/// Whether `verb` heads a clause opened by a subordinator ("since", "after", "because", "if").
fn subordinate(syntax: &Syntax, verb: usize, sentence: &Range<usize>) -> bool {
    syntax.children(verb, sentence).into_iter().any(|c| {
        syntax.relation(c) == "mark" && syntax.lower(c) != "that" && syntax.lower(c) != "to"
    })
}
