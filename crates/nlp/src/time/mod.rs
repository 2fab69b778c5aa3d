//! The time stage: TIMEX3 expressions normalized against the document's date, and a date for each
//! quote (events will ask the same question through [`relation::date_of`]).
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
mod expr;
mod recognize;
mod relation;
mod resolve;
mod value;
mod words;

use std::ops::Range;

use chrono::NaiveDate;
use dateline_core::{ByteSpan, DateRef, Doc, Timex};

use clause::Syntax;
use expr::{Amount, Expr};
use recognize::{recognize, Words};
use relation::Resolved;
use resolve::{resolve, Context};

/// Finds and normalizes the time expressions of `doc` and dates its quotes.
pub fn extract(doc: &mut Doc) {
    let dct = doc.meta().published.map(|p| p.date());
    let (times, points) = {
        let found = find(doc, dct);
        let points: Vec<_> = found.iter().map(|f| f.point).collect();
        (
            found.into_iter().map(|f| f.timex).collect::<Vec<_>>(),
            points,
        )
    };
    let quote_dates = date_quotes(doc, &times, &points, dct);
    let annotations = doc.annotations_mut();
    annotations.times = times;
    annotations.quote_dates = quote_dates;
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
    let all = &doc.annotations().tokens;
    match (
        all.get(tokens.start),
        tokens.end.checked_sub(1).and_then(|e| all.get(e)),
    ) {
        (Some(first), Some(last)) => ByteSpan {
            start: first.span.start,
            end: last.span.end,
        },
        _ => ByteSpan::new(0, 0),
    }
}

/// Each quote's date: that of its cue's clause, or of its first word's.
fn date_quotes(
    doc: &Doc,
    times: &[Timex],
    points: &[Option<value::Point>],
    dct: Option<NaiveDate>,
) -> Vec<DateRef> {
    let annotations = doc.annotations();
    let syntax = Syntax::new(doc);
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
            let token = token_at(anchor.start);
            let sentence = annotations
                .sentences
                .partition_point(|s| s.tokens.end as usize <= token);
            let range = annotations
                .sentences
                .get(sentence)
                .map_or(0..0, |s| s.tokens.start as usize..s.tokens.end as usize);
            relation::date_of(
                &syntax,
                times,
                points,
                token,
                sentence as u32,
                &range,
                |t| token_span(doc, t..t + 1),
                dct,
            )
        })
        .collect()
}
