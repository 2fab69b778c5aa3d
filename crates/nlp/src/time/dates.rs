//! The date of an event or a quote: from the time expressions of its clause, read back from the
//! document's `times` layer, so later stages can ask without knowing how times were found.

use std::ops::Range;

use dateline_core::{DatePrecision, DateRef, Doc, Timex, TimexType};

use crate::syntax::Syntax;

/// The date of whatever token `token` expresses (a speech verb, an event trigger): the
/// anchor-event date when it sits inside "… after X", else the expression its own clause or an
/// enclosing one governs, else the document date (precision `document`).
pub fn date_of_token(doc: &Doc, token: usize) -> DateRef {
    let annotations = doc.annotations();
    let syntax = Syntax::new(doc);
    let times = &annotations.times;
    let sentence = annotations
        .sentences
        .partition_point(|s| s.tokens.end as usize <= token);
    let sentence_range = annotations
        .sentences
        .get(sentence)
        .map_or(0..0, |s| s.tokens.start as usize..s.tokens.end as usize);
    let sentence = sentence as u32;
    let in_sentence = || {
        times
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.sentence == sentence)
    };
    let Some(here) = annotations.tokens.get(token).map(|t| t.span) else {
        return document_date(doc);
    };
    for (i, t) in in_sentence() {
        if let Some(relation) = &t.relation {
            if relation.event.start <= here.start && here.end <= relation.event.end {
                return DateRef {
                    time: Some(i as u32),
                    value: relation.event_date.clone(),
                    precision: relation
                        .event_date
                        .as_deref()
                        .map_or(DatePrecision::Vague, precision_of),
                    why: "anchor event of a relative expression".to_string(),
                };
            }
        }
    }
    let dated = |t: &Timex| {
        matches!(t.timex_type, TimexType::Date | TimexType::Time)
            && t.value.as_deref().is_some_and(is_calendar_value)
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
        chosen = in_sentence().find(|(_, t)| dated(t) && governor(t) == Some(verb));
        if chosen.is_some() {
            break;
        }
        why = "the time expression of an enclosing clause";
        clause = syntax.head(verb).and_then(|h| syntax.clause_verb(h));
        // A subordinate clause ("since Russia invaded in 2022") dates only itself.
        if clause.is_some_and(|c| subordinate(&syntax, c, &sentence_range)) {
            break;
        }
    }
    let unparsed = annotations.dependencies.is_empty();
    if chosen.is_none() && unparsed {
        why = "the nearest time expression in its sentence (no parse)";
        chosen = in_sentence()
            .filter(|(_, t)| dated(t))
            .min_by_key(|(_, t)| (t.tokens.start as usize).abs_diff(token));
    }
    match chosen {
        Some((i, t)) => DateRef {
            time: Some(i as u32),
            value: t.value.clone(),
            precision: t
                .value
                .as_deref()
                .map_or(DatePrecision::Vague, precision_of),
            why: why.to_string(),
        },
        None => document_date(doc),
    }
}

fn document_date(doc: &Doc) -> DateRef {
    let dct = doc.meta().published.map(|p| p.date());
    DateRef {
        time: None,
        value: dct.map(|d| d.format("%Y-%m-%d").to_string()),
        precision: DatePrecision::Document,
        why: if dct.is_some() {
            "no time expression: the document date".to_string()
        } else {
            "no time expression and no document date".to_string()
        },
    }
}

/// A TIMEX3 value naming a calendar period ("2025-08-19", "2025-W34", "2022"), not a
/// reference like PRESENT_REF.
fn is_calendar_value(value: &str) -> bool {
    value.starts_with(|c: char| c.is_ascii_digit())
}

/// How precise a TIMEX3 date value is, from its form.
pub(crate) fn precision_of(value: &str) -> DatePrecision {
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [year] if year.len() == 4 => DatePrecision::Year,
        [_] => DatePrecision::Vague,
        [_, week, ..] if week.starts_with('W') => DatePrecision::Week,
        [_, period] if period.starts_with(['Q', 'H', 'S', 'F', 'W']) => DatePrecision::Quarter,
        [_, _] => DatePrecision::Month,
        [_, _, day] if day.contains('T') => DatePrecision::Time,
        [_, _, _] => DatePrecision::Day,
        _ => DatePrecision::Vague,
    }
}

/// Whether `verb` heads a clause opened by a subordinator ("since", "after", "because", "if").
fn subordinate(syntax: &Syntax, verb: usize, sentence: &Range<usize>) -> bool {
    syntax.children(verb, sentence).into_iter().any(|c| {
        syntax.relation(c) == "mark" && syntax.lower(c) != "that" && syntax.lower(c) != "to"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_from_the_value_form() {
        assert_eq!(precision_of("2025-08-19"), DatePrecision::Day);
        assert_eq!(precision_of("2025-08-19TEV"), DatePrecision::Time);
        assert_eq!(precision_of("2025-W34"), DatePrecision::Week);
        assert_eq!(precision_of("2025-W34-WE"), DatePrecision::Week);
        assert_eq!(precision_of("2025-08"), DatePrecision::Month);
        assert_eq!(precision_of("2025-Q3"), DatePrecision::Quarter);
        assert_eq!(precision_of("2025-SU"), DatePrecision::Quarter);
        assert_eq!(precision_of("2022"), DatePrecision::Year);
        assert_eq!(precision_of("199"), DatePrecision::Vague);
    }
}
