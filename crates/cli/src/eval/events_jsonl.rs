//! `dateline eval events --gold data/gold/press-release-events.jsonl`: our own event gold over
//! the press-release corpus (`{"url": …, "events": [{"type", "trigger", "source", "target",
//! "negated", "occurrence"}]}`, spans only; texts read from ../shared by URL).
//!
//! A gold event and one of ours match when their trigger spans overlap. Reported: detection
//! P/R/F1 (any type), typed P/R/F1 (same type too), and over typed matches the share whose
//! source and target agree (our actor's words, or any mention of its entity, overlap the gold
//! words) and whose polarity agrees. The last line is
//! `events typed F1 0.xxxx detection F1 0.xxxx source 0.xxxx`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use dateline_core::{ByteSpan, Doc, EventActor, Polarity};
use dateline_nlp::pipeline::Pipeline;
use serde::Deserialize;

use super::press_gold::{corpus_by_url, nearest, nth};
use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;

#[derive(Debug, Deserialize)]
struct Line {
    url: String,
    events: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(rename = "type")]
    event_type: String,
    trigger: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    negated: bool,
    #[serde(default)]
    occurrence: Option<usize>,
}

/// A gold event in byte spans of its document.
struct GoldEvent {
    event_type: String,
    trigger: (usize, usize),
    source: Option<(usize, usize)>,
    target: Option<(usize, usize)>,
    negated: bool,
}

#[derive(Default)]
struct Scores {
    detection: Counts,
    typed: Counts,
    source_cases: usize,
    source_right: usize,
    target_cases: usize,
    target_right: usize,
    polarity_right: usize,
    errors: Vec<String>,
}

/// Runs the press-release event evaluation.
pub fn run(args: &EvalArgs, path: &Path) -> Result<()> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let by_url = corpus_by_url(&shared_dir().join("corpora/press-releases-2021-2022"))?;
    let pipeline = Pipeline::new();
    let mut scores = Scores::default();
    let (mut documents, mut gold_events) = (0, 0);
    for (number, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", path.display(), number + 1);
        let line: Line = match serde_json::from_str(line) {
            Ok(line) => line,
            Err(error) => {
                eprintln!("{at}: {error}");
                continue;
            }
        };
        let Some(doc) = by_url.get(&line.url) else {
            eprintln!("{at}: no document with URL {}", line.url);
            continue;
        };
        let gold: Vec<GoldEvent> = line
            .events
            .iter()
            .filter_map(|e| match locate(doc.text(), e) {
                Ok(event) => Some(event),
                Err(message) => {
                    eprintln!("{at}: {message}");
                    None
                }
            })
            .collect();
        let mut doc = doc.clone();
        pipeline.run(&mut doc);
        score(&doc, &gold, &mut scores);
        documents += 1;
        gold_events += gold.len();
    }
    println!(
        "{} — {documents} documents, {gold_events} gold events",
        path.display()
    );
    for line in scores.errors.iter().take(args.errors) {
        println!("  {line}");
    }
    print!("{}", render(&scores));
    Ok(())
}

fn locate(text: &str, entry: &Entry) -> Result<GoldEvent, String> {
    let start = nth(text, &entry.trigger, entry.occurrence.unwrap_or(1))
        .ok_or_else(|| format!("trigger {:?} not in the text", entry.trigger))?;
    let trigger = (start, start + entry.trigger.len());
    let actor = |words: &str| {
        (!words.is_empty())
            .then(|| nearest(text, words, trigger, (0, 0)))
            .flatten()
    };
    Ok(GoldEvent {
        event_type: entry.event_type.clone(),
        trigger,
        source: actor(&entry.source),
        target: actor(&entry.target),
        negated: entry.negated,
    })
}

fn overlaps(a: (usize, usize), b: ByteSpan) -> bool {
    a.0 < b.end as usize && (b.start as usize) < a.1
}

/// Whether our actor names the gold words: its own words or any mention of its entity overlap.
fn actor_agrees(doc: &Doc, ours: Option<&EventActor>, gold: (usize, usize)) -> bool {
    let Some(ours) = ours else { return false };
    if overlaps(gold, ours.span) {
        return true;
    }
    ours.entity
        .and_then(|e| doc.annotations().entities.get(e))
        .is_some_and(|e| e.mentions.iter().any(|m| overlaps(gold, m.span)))
}

fn score(doc: &Doc, gold: &[GoldEvent], scores: &mut Scores) {
    let ours = &doc.annotations().events;
    let mut used = vec![false; ours.len()];
    let mut typed_used = vec![false; ours.len()];
    for g in gold {
        let hit = (0..ours.len()).find(|&i| !used[i] && overlaps(g.trigger, ours[i].trigger));
        if let Some(i) = hit {
            used[i] = true;
        }
        let typed = (0..ours.len()).find(|&i| {
            !typed_used[i]
                && overlaps(g.trigger, ours[i].trigger)
                && ours[i].event_type == g.event_type
        });
        let show = |(s, e): (usize, usize)| doc.text().get(s..e).unwrap_or("").to_string();
        match typed {
            Some(i) => {
                typed_used[i] = true;
                scores.typed.true_positives += 1;
                let event = &ours[i];
                let ours_text = |actor: Option<&dateline_core::EventActor>| {
                    actor.map_or("nothing".to_string(), |a| {
                        show((a.span.start as usize, a.span.end as usize))
                    })
                };
                if let Some(source) = g.source {
                    scores.source_cases += 1;
                    if actor_agrees(doc, event.source.as_ref(), source) {
                        scores.source_right += 1;
                    } else {
                        scores.errors.push(format!(
                            "source of {:?}: gold {:?}, ours {:?}",
                            show(g.trigger),
                            show(source),
                            ours_text(event.source.as_ref())
                        ));
                    }
                }
                if let Some(target) = g.target {
                    scores.target_cases += 1;
                    if actor_agrees(doc, event.target.as_ref(), target) {
                        scores.target_right += 1;
                    } else {
                        scores.errors.push(format!(
                            "target of {:?}: gold {:?}, ours {:?} — {:?}",
                            show(g.trigger),
                            show(target),
                            ours_text(event.target.as_ref()),
                            show((g.trigger.0.saturating_sub(120), g.trigger.1 + 120))
                        ));
                    }
                }
                if (event.polarity == Polarity::Negative) == g.negated {
                    scores.polarity_right += 1;
                }
            }
            None => {
                scores.typed.false_negatives += 1;
                let got = hit.map_or("nothing".to_string(), |i| ours[i].event_type.to_string());
                scores.errors.push(format!(
                    "missed {} {:?} (ours: {got})",
                    g.event_type,
                    show(g.trigger)
                ));
            }
        }
    }
    for (i, event) in ours.iter().enumerate() {
        if !typed_used[i] {
            scores.typed.false_positives += 1;
            if !used[i] {
                scores.errors.push(format!(
                    "spurious {} {:?}",
                    event.event_type,
                    doc.slice(event.trigger)
                ));
            }
        }
    }
    let detected = used.iter().filter(|u| **u).count();
    scores.detection.true_positives += detected;
    scores.detection.false_positives += ours.len() - detected;
    scores.detection.false_negatives += gold.len() - detected.min(gold.len());
}

fn render(s: &Scores) -> String {
    let mut out = table(&[
        ("events, trigger overlap", s.detection),
        ("events, trigger and type", s.typed),
    ]);
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let source = ratio(s.source_right, s.source_cases);
    let _ = writeln!(
        out,
        "over typed matches: source {}/{} = {source:.4}, target {}/{} = {:.4}, polarity {}/{} = {:.4}",
        s.source_right,
        s.source_cases,
        s.target_right,
        s.target_cases,
        ratio(s.target_right, s.target_cases),
        s.polarity_right,
        s.typed.true_positives,
        ratio(s.polarity_right, s.typed.true_positives)
    );
    let _ = writeln!(
        out,
        "events typed F1 {:.4} detection F1 {:.4} source {source:.4}",
        s.typed.f1(),
        s.detection.f1()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_spans_are_found_near_the_trigger() {
        let text = "Putin met Erdogan. Later Putin thanked Erdogan for the talks.";
        let entry = Entry {
            event_type: "SUPPORT".into(),
            trigger: "thanked".into(),
            source: "Putin".into(),
            target: "Erdogan".into(),
            negated: false,
            occurrence: None,
        };
        let event = locate(text, &entry).unwrap();
        assert_eq!(&text[event.trigger.0..event.trigger.1], "thanked");
        assert_eq!(event.source, Some((25, 30)));
        assert_eq!(event.target, Some((39, 46)));
        let missing = Entry {
            trigger: "bombed".into(),
            ..entry
        };
        assert!(locate(text, &missing).is_err());
    }
}
