//! The time stage: TIMEX3 expressions normalized against the document's date, and a date for each
//! quote ([`date_of_token`], which events will ask too).
//!
//! 1. [`recognize`]: a grammar over each sentence's tokens finds expressions with TimeML extents
//!    and says what they mean ([`expr::Expr`]), before any date is known.
//! 2. [`resolve`]: each is normalized against the document creation time (DCT), the tense of its
//!    clause from the parse ([`clause`]: "met Friday" is the last Friday, "will meet Friday" the
//!    next), and the time last talked about ("a year earlier"). Without a DCT, values that need
//!    one are `None` with a reason; today's date is never used.
//! 3. [`relation`]: "three days after X" dates X from the clause's date or the clause from X's,
//!    and says which; quotes get the date of the expression their clause governs.
//!
//! Reads tokens, tags and dependencies; writes `times` and `quote_dates`.

mod clause;
mod dates;
mod expr;
mod holidays;
mod placing;
mod recognize;
mod relation;
mod resolve;
mod value;

// The word classes live at the crate level: the quotes stage reads them too.
use crate::time_words as words;

use std::ops::Range;

use chrono::NaiveDate;
use dateline_core::{ByteSpan, DateRef, Doc, Timex};

use crate::syntax::Syntax;
pub use dates::date_of_token;
use expr::{Amount, Expr};
use recognize::{recognize, Words};
use relation::Resolved;
use resolve::{resolve, Context};

/// Finds and normalizes the time expressions of `doc` and dates its quotes.
pub fn extract(doc: &mut Doc) {
    let dct = doc.meta().published.map(|p| p.date());
    let times: Vec<Timex> = find(doc, dct).into_iter().map(|f| f.timex).collect();
    doc.annotations_mut().times = times;
    let quote_dates = date_quotes(doc);
    doc.annotations_mut().quote_dates = quote_dates;
}

/// Recognizes, resolves and relates the expressions of every sentence.
fn find(doc: &Doc, dct: Option<NaiveDate>) -> Vec<Resolved> {
    let annotations = doc.annotations();
    let syntax = Syntax::new(doc);
    let sentences: Vec<Range<usize>> = annotations
        .sentences
        .iter()
        .map(|s| s.tokens.start as usize..s.tokens.end as usize)
        .collect();
    let mut found = Vec::new();
    let mut reference = None;
    let mut reference_sentence = 0;
    let mut period: Option<value::Point> = None;
    for (s, range) in sentences.iter().enumerate() {
        let words = sentence_words(doc, range.clone());
        for hit in recognize(&words) {
            let span = range.start + hit.start..range.start + hit.end;
            let context = Context {
                dct,
                tense: syntax.tense(&span, range),
                reference,
                recent: s <= reference_sentence + 1,
                period,
            };
            let resolved = resolve(&hit.expr, &context);
            if let Some(point) = resolved.point {
                reference = Some(point);
                reference_sentence = s;
                let quarterly = matches!(point.grain, value::Grain::Quarter | value::Grain::Half);
                if quarterly && period.is_none_or(|p| p.day < point.day) {
                    period = Some(point);
                }
            }
            let length = match hit.expr {
                Expr::Duration {
                    amount: Amount::Exact { whole, half: false },
                    unit,
                } => Some((unit, i64::from(whole))),
                _ => None,
            };
            found.push(Resolved {
                timex: Timex {
                    span: token_span(doc, span.clone()),
                    tokens: span.start as u32..span.end as u32,
                    sentence: s as u32,
                    timex_type: resolved.timex_type,
                    value: resolved.value,
                    modifier: hit.modifier,
                    relation: None,
                    why: format!("{}; {}", hit.rule, resolved.why),
                },
                point: resolved.point,
                length,
            });
        }
    }
    relation::relate(&syntax, &sentences, &mut found, dct, |r| token_span(doc, r));
    found
}

fn sentence_words(doc: &Doc, range: Range<usize>) -> Words<'_> {
    let annotations = doc.annotations();
    let text: Vec<&str> = annotations.tokens[range.clone()]
        .iter()
        .map(|t| doc.slice(t.span))
        .collect();
    let lower = text.iter().map(|t| t.to_lowercase()).collect();
    let xpos = range
        .map(|i| annotations.pos.get(i).map_or("", |p| p.xpos))
        .collect();
    Words { text, lower, xpos }
}

/// The bytes from the first token of `tokens` to the last.
fn token_span(doc: &Doc, tokens: Range<usize>) -> ByteSpan {
    crate::syntax::tokens_span(doc, &tokens)
}

/// Each quote's date: that of its cue's clause, or of its first word's.
fn date_quotes(doc: &Doc) -> Vec<DateRef> {
    let annotations = doc.annotations();
    let token_at = |offset: u32| {
        annotations
            .tokens
            .partition_point(|t| t.span.end <= offset)
            .min(annotations.tokens.len().saturating_sub(1))
    };
    annotations
        .quotes
        .iter()
        .map(|quote| {
            let anchor = quote.cue.unwrap_or(quote.content);
            date_of_token(doc, token_at(anchor.start))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VOCABULARY: &[&str] = &[
        "the",
        "a",
        "last",
        "next",
        "this",
        "past",
        "early",
        "late",
        "mid",
        "-",
        "of",
        "ago",
        "earlier",
        "later",
        "after",
        "before",
        "every",
        "each",
        "more",
        "than",
        "nearly",
        "year",
        "years",
        "week",
        "weekend",
        "month",
        "quarter",
        "decade",
        "century",
        "day",
        "days",
        "hours",
        "Monday",
        "Sunday",
        "August",
        "Aug.",
        "May",
        "March",
        "summer",
        "fall",
        "winter",
        "third",
        "first",
        "fiscal",
        "1990s",
        "'90s",
        "2022",
        "1999",
        "0",
        "29",
        "31",
        "99999",
        "4294967295",
        "12:75",
        "24:00",
        "2",
        "p.m.",
        "a.m.",
        "noon",
        "today",
        "yesterday",
        "now",
        "recent",
        "coming",
        "year-ago",
        "period",
        "that",
        "same",
        "following",
        "previous",
        "Q3",
        "2024-02-30",
        "2025-08-19",
        "twenty",
        "four",
        "1/2",
        "and",
        "half",
        "old",
        ",",
        ".",
        "hundred",
        "thousand",
        "Christmas",
        "Eve",
        "Easter",
        "Orthodox",
        "Good",
        "Friday",
        "Agreement",
        "New",
        "Year",
        "'s",
        "Day",
        "Lunar",
        "Thanksgiving",
    ];

    fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            (-300_000i32..300_000).prop_map(NaiveDate::from_num_days_from_ce_opt),
            Just(NaiveDate::from_ymd_opt(2024, 2, 29)),
            Just(NaiveDate::from_ymd_opt(2026, 1, 1)),
            Just(NaiveDate::from_ymd_opt(2020, 12, 31)),
            Just(Some(NaiveDate::MAX)),
            Just(Some(NaiveDate::MIN)),
        ]
    }

    proptest! {
        /// Recognition and normalization are total: any word sequence, any reference date.
        #[test]
        fn normalization_never_panics(
            picks in proptest::collection::vec(0..VOCABULARY.len(), 0..12),
            dct in any_date(),
            tense in 0..4usize,
        ) {
            let text: Vec<&str> = picks.iter().map(|&i| VOCABULARY[i]).collect();
            let words = Words {
                lower: text.iter().map(|t| t.to_lowercase()).collect(),
                xpos: vec![""; text.len()],
                text,
            };
            let tense = [
                resolve::Tense::Past,
                resolve::Tense::Present,
                resolve::Tense::Future,
                resolve::Tense::Unknown,
            ][tense];
            let mut reference = None;
            for hit in recognize(&words) {
                prop_assert!(hit.start < hit.end && hit.end <= words.text.len());
                let context = Context { dct, tense, reference, recent: true, period: reference };
                let resolved = resolve(&hit.expr, &context);
                if let Some(value) = &resolved.value {
                    prop_assert!(!value.is_empty());
                } else {
                    prop_assert!(!resolved.why.is_empty());
                }
                reference = resolved.point.or(reference);
            }
        }
    }
}
