//! `dateline eval actors`: actor coding on the NGEC actor-resolution gold
//! (`../shared/data/events/NGEC_actor_resolution_gold.jsonl`, the `agent_to_code` cases).
//!
//! Each case's `input` is analyzed as a one-line document dated by its `date` ("2022-01-10",
//! "10 May 2015", "October 1, 2021"; "today" means the day the evaluation runs, printed in the
//! report; no date leaves office terms undated). The actor is the entity covering most of the
//! text, else its role noun and country words ([`code_short_text`]); a `context` ("Mexico",
//! "German") supplies the country when the input has none. Country accuracy is over cases whose
//! gold has a `country`, sector accuracy over cases with a `code_1` (an empty gold value expects
//! no code). The last line is `actors country 0.xxxx sector 0.xxxx`.

use std::fmt::Write as _;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use dateline_core::{Doc, DocMeta, Published, PublishedFrom};
use dateline_nlp::entities::code_short_text;
use dateline_nlp::gazetteer::Gazetteer;
use dateline_nlp::kb::Kb;
use dateline_nlp::pipeline::Pipeline;
use serde::Deserialize;

use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;

#[derive(Debug, Deserialize)]
struct Case {
    test: String,
    method: String,
    input: Option<String>,
    context: Option<String>,
    date: Option<String>,
    expected: serde_json::Map<String, serde_json::Value>,
}

/// Scores of one run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ActorScores {
    /// Cases with a gold country, and how many we got.
    pub country_cases: usize,
    /// Right countries.
    pub country_right: usize,
    /// Cases with a gold sector.
    pub sector_cases: usize,
    /// Right primary sectors.
    pub sector_right: usize,
    /// Sector equal to the gold primary or secondary code.
    pub sector_either: usize,
}

/// Runs `dateline eval actors`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let gold = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/events/NGEC_actor_resolution_gold.jsonl"));
    let text = std::fs::read_to_string(&gold)
        .with_context(|| format!("{}: cannot read", gold.display()))?;
    let mut cases = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not an NGEC case", gold.display(), number + 1))?;
        if case.method == "agent_to_code" && case.input.is_some() {
            cases.push(case);
        }
    }
    let today = chrono::Local::now().date_naive();
    let pipeline = Pipeline::new();
    let kb = Kb::bundled().map_err(|e| anyhow::anyhow!("bundled KB: {e}"))?;
    let mut scores = ActorScores::default();
    let mut report = String::new();
    for case in &cases {
        let input = case.input.as_deref().unwrap_or_default().trim();
        let date = case.date.as_deref().and_then(|d| parse_date(d, today));
        let guess = code(&pipeline, kb, input, date, case.context.as_deref());
        let expected = |key: &str| {
            case.expected
                .get(key)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let ours_country = guess.country.clone().unwrap_or_default();
        let ours_sector = guess.sector.clone().unwrap_or_default();
        let mut marks = String::new();
        if let Some(country) = expected("country") {
            scores.country_cases += 1;
            let right = country == ours_country;
            scores.country_right += usize::from(right);
            marks.push_str(if right { " " } else { "C" });
        }
        if let Some(sector) = expected("code_1") {
            scores.sector_cases += 1;
            let right = sector == ours_sector;
            let either =
                right || expected("code_2").is_some_and(|s| !s.is_empty() && s == ours_sector);
            scores.sector_right += usize::from(right);
            scores.sector_either += usize::from(either);
            marks.push_str(if right { " " } else { "S" });
        }
        if args.errors > 0 && marks.trim() != "" {
            let _ = writeln!(
                report,
                "  {marks:2} {:<28} {input:?} → {ours_country}/{ours_sector} (gold {}/{}) {}",
                case.test,
                expected("country").unwrap_or_default(),
                expected("code_1").unwrap_or_default(),
                guess.why
            );
        }
    }
    println!(
        "{} — {} agent_to_code cases; \"today\" = {today}",
        gold.display(),
        cases.len()
    );
    print!("{report}");
    print!("{}", render(&scores));
    Ok(())
}

/// Analyzes one short text and codes it.
fn code(
    pipeline: &Pipeline,
    kb: &Kb,
    input: &str,
    date: Option<NaiveDate>,
    context: Option<&str>,
) -> dateline_nlp::entities::ActorGuess {
    let mut meta = DocMeta::default();
    if let Some(date) = date {
        meta.offer_published(Published::Date(date), PublishedFrom::Option);
    }
    let mut doc = Doc::new(input.to_string(), meta.clone());
    pipeline.run(&mut doc);
    let mut guess = code_short_text(&doc, kb, Gazetteer::bundled().ok());
    if guess.country.is_none() {
        if let Some(context) = context.filter(|c| !c.trim().is_empty()) {
            let mut doc = Doc::new(context.to_string(), meta);
            pipeline.run(&mut doc);
            guess.country = code_short_text(&doc, kb, Gazetteer::bundled().ok()).country;
        }
    }
    guess
}

/// The NGEC date forms; "today" is `today`.
fn parse_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("today") {
        return Some(today);
    }
    let title_case: String = text
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ");
    ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&title_case, f).ok())
}

fn rate(right: usize, cases: usize) -> f64 {
    if cases == 0 {
        0.0
    } else {
        right as f64 / cases as f64
    }
}

/// The summary; the last line is `actors country 0.xxxx sector 0.xxxx`.
pub fn render(s: &ActorScores) -> String {
    let mut out = String::new();
    for (name, right, cases) in [
        ("country accuracy", s.country_right, s.country_cases),
        ("sector accuracy", s.sector_right, s.sector_cases),
        ("sector = code_1 or _2", s.sector_either, s.sector_cases),
    ] {
        let _ = writeln!(
            out,
            "{name:<23} {right:>4}/{cases:<4} {:.4}",
            rate(right, cases)
        );
    }
    let _ = writeln!(
        out,
        "actors country {:.4} sector {:.4}",
        rate(s.country_right, s.country_cases),
        rate(s.sector_right, s.sector_cases)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ngec_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("Today", today), Some(today));
        assert_eq!(parse_date("10 May 2015", today), d(2015, 5, 10));
        assert_eq!(parse_date("1 july 2021", today), d(2021, 7, 1));
        assert_eq!(parse_date("October 1, 2021", today), d(2021, 10, 1));
        assert_eq!(parse_date("2022-01-10", today), d(2022, 1, 10));
        assert_eq!(parse_date("soon", today), None);
    }
}
