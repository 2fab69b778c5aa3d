//! `dateline eval events`: event typing on the PLOVER gold standard record
//! (`../shared/data/events/plover/PLOVER_GSR_CAMEO.json`: one sentence per record, with its
//! PLOVER event, event words, source and target actors).
//!
//! For each sentence we take our event whose trigger lies inside the gold event words, else our
//! first event in the sentence, else none. Scored: type accuracy over all records, per-type
//! precision/recall/F1 and their macro average over the 16 types, and source-country agreement
//! where both the gold and our event have a source country (an international organization
//! counts as CAMEO's `IGO`, the first three letters of its CAMEO code; the pre-ISO country codes
//! "JAP", "ITL" and "VTN" of a few records are read as JPN, ITA and VNM). The gold's older labels are mapped
//! as the PLOVER manual and issue 8 say: DEMAND → REQUEST, DISAPPROVE → ACCUSE, FIGHT → ASSAULT,
//! INVESTIGATE → ACCUSE. The DOCUMENT record is skipped. Also reported: target-country
//! agreement (the same way), mode accuracy where the gold gives a mode and the type is right,
//! and CAMEO root-code (first two digits) accuracy where a record carries a `cameo` code (the
//! GSR does not; wire sets coded in CAMEO do).
//! The last line is `events type macro-F1 0.xxxx accuracy 0.xxxx source-country 0.xxxx`.
//! With a `.jsonl` gold file, our own press-release event gold is scored instead
//! ([`super::events_jsonl`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use anyhow::{Context, Result};
use dateline_core::{CharOffsets, Doc, DocMeta, Published, PublishedFrom};
use dateline_nlp::events::lexicon::TYPES;
use dateline_nlp::pipeline::Pipeline;
use serde::Deserialize;

use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;

#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    event: String,
    #[serde(default, rename = "eventText")]
    event_text: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    date: String,
    #[serde(default, deserialize_with = "actors")]
    source: Vec<Actor>,
    #[serde(default, deserialize_with = "actors")]
    target: Vec<Actor>,
    /// PLOVER mode, where the gold gives one.
    #[serde(default)]
    mode: String,
    /// PLOVER contexts, where the gold gives them (a string, comma-separated, or a list).
    #[serde(default, deserialize_with = "names")]
    context: Vec<String>,
    /// CAMEO event code, where the gold gives one (the GSR does not; wire sets coded in CAMEO do).
    #[serde(default, alias = "cameoCode", alias = "eventCode", alias = "CAMEO")]
    cameo: String,
}

/// A list of actors; the GSR writes a missing one as `""`.
fn actors<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Actor>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Field {
        List(Vec<Actor>),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Field::deserialize(deserializer)? {
        Field::List(actors) => actors,
        Field::Other(_) => Vec::new(),
    })
}

/// Names given as one comma- or semicolon-separated string or as a list.
fn names<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Field {
        Text(String),
        List(Vec<String>),
        Other(serde::de::IgnoredAny),
    }
    Ok(match Field::deserialize(deserializer)? {
        Field::Text(text) => text
            .split([',', ';'])
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect(),
        Field::List(list) => list,
        Field::Other(_) => Vec::new(),
    })
}

/// A gold context in the manual's current names: the GSR uses some older or shorter ones.
fn current_context(name: &str) -> Option<&'static str> {
    let name = name.trim().to_lowercase();
    let current = match name.as_str() {
        "refugee" | "refugees" => "asylum",
        "resource" | "resources" => "natural_resource",
        "political" | "politics" => "political_institutions",
        "government" => "executive",
        "rights" => "rights_freedoms",
        "religion" => "religion_ethnicity",
        "discrimination" => "inequality",
        other => {
            return dateline_nlp::events::contexts::CONTEXTS
                .iter()
                .find(|c| **c == other)
                .copied()
        }
    };
    Some(current)
}

/// What we say about a record's sentence: the event scored against it.
#[derive(Debug, Default)]
struct Prediction {
    event_type: Option<String>,
    source_country: Option<String>,
    target_country: Option<String>,
    mode: Option<String>,
    cameo: Option<String>,
    context: Vec<String>,
}

/// Cases and right answers of one measure.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    cases: usize,
    right: usize,
}

impl Tally {
    fn add(&mut self, right: bool) {
        self.cases += 1;
        self.right += usize::from(right);
    }

    fn ratio(&self) -> f64 {
        self.right as f64 / self.cases.max(1) as f64
    }
}

/// The first three letters of an actor's CAMEO code: its country (or IGO, NGO, …), with the
/// older non-ISO country codes a few GSR records still use read as their ISO codes.
fn gold_country(actors: &[Actor]) -> Option<String> {
    actors
        .first()
        .map(|a| a.code.chars().take(3).collect::<String>())
        .filter(|c| c.len() == 3)
        .map(|c| iso_country(&c).to_string())
}

/// ISO 3166 alpha-3 for the pre-ISO codes of older event data (KEDS/WEIS-era "JAP", "ITL",
/// "VTN"), which the GSR writes beside the ISO ones ("VNM") for the same countries.
fn iso_country(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        "VTN" => "VNM",
        other => other,
    }
}

#[derive(Debug, Deserialize)]
struct Actor {
    #[serde(default)]
    code: String,
}

/// The gold's older PLOVER labels in the current ontology.
pub fn current_label(label: &str) -> &str {
    match label {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Runs `dateline eval events`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let path = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/events/plover/PLOVER_GSR_CAMEO.json"));
    if path.extension().is_some_and(|e| e == "jsonl") {
        return super::events_jsonl::run(args, &path);
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let records: Vec<Record> = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a PLOVER GSR JSON list", path.display()))?;
    let pipeline = Pipeline::new();
    let mut per_type: BTreeMap<&str, Counts> =
        TYPES.iter().map(|t| (*t, Counts::default())).collect();
    let (mut total, mut right, mut with_event) = (0usize, 0usize, 0usize);
    let (mut source, mut target, mut mode, mut cameo, mut context) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut mistakes = Vec::new();
    for record in records
        .iter()
        .filter(|r| r.event != "DOCUMENT" && !r.text.is_empty())
    {
        let gold = current_label(&record.event);
        let prediction = predict(&pipeline, record);
        let ours = prediction.event_type.clone();
        total += 1;
        if ours.is_some() {
            with_event += 1;
        }
        let ours_label = ours.as_deref().unwrap_or("NONE");
        if ours_label == gold {
            right += 1;
            if let Some(counts) = per_type.get_mut(gold) {
                counts.true_positives += 1;
            }
        } else {
            if let Some(counts) = per_type.get_mut(gold) {
                counts.false_negatives += 1;
            }
            if let Some(counts) = per_type.get_mut(ours_label) {
                counts.false_positives += 1;
            }
            if mistakes.len() < args.errors {
                mistakes.push(format!("{gold} → {ours_label}: {}", record.text));
            }
        }
        if let (Some(gold), Some(ours)) = (gold_country(&record.source), &prediction.source_country)
        {
            source.add(&gold == ours);
            if &gold != ours && mistakes.len() < args.errors {
                mistakes.push(format!("source {gold} → {ours}: {}", record.text));
            }
        }
        if let (Some(gold), Some(ours)) = (gold_country(&record.target), &prediction.target_country)
        {
            target.add(&gold == ours);
            if &gold != ours && mistakes.len() < args.errors {
                mistakes.push(format!("target {gold} → {ours}: {}", record.text));
            }
        }
        // Modes only mean something within the right type.
        if !record.mode.is_empty() && ours_label == gold {
            mode.add(prediction.mode.as_deref() == Some(record.mode.as_str()));
        }
        // Contexts: right when one of ours is among the gold's (the GSR gives one or two).
        let gold_contexts: Vec<&str> = record
            .context
            .iter()
            .filter_map(|c| current_context(c))
            .collect();
        if !gold_contexts.is_empty() && prediction.event_type.is_some() {
            context.add(
                prediction
                    .context
                    .iter()
                    .any(|c| gold_contexts.contains(&c.as_str())),
            );
        }
        if record.cameo.len() >= 2 {
            let root = |code: &str| code.get(..2).map(str::to_string);
            cameo.add(prediction.cameo.as_deref().and_then(root) == root(&record.cameo));
        }
    }
    println!(
        "{} — {total} sentences, {with_event} with an event of ours",
        path.display()
    );
    for line in &mistakes {
        println!("  {line}");
    }
    let rows: Vec<(&str, Counts)> = per_type
        .iter()
        .map(|(label, counts)| (*label, *counts))
        .collect();
    let mut out = table(&rows);
    let f1_sum: f64 = per_type.values().map(Counts::f1_or_zero).sum();
    let macro_f1 = f1_sum / TYPES.len() as f64;
    let accuracy = right as f64 / total.max(1) as f64;
    let country = source.ratio();
    let _ = writeln!(
        out,
        "type accuracy {right}/{total} = {accuracy:.4}; source country {}/{} = {country:.4}; \
         target country {}/{} = {:.4}",
        source.right,
        source.cases,
        target.right,
        target.cases,
        target.ratio()
    );
    let _ = writeln!(
        out,
        "mode (where the gold gives one and the type is right) {}/{} = {:.4}",
        mode.right,
        mode.cases,
        mode.ratio()
    );
    let _ = writeln!(
        out,
        "context (one of ours among the gold's) {}/{} = {:.4}",
        context.right,
        context.cases,
        context.ratio()
    );
    if cameo.cases > 0 {
        let _ = writeln!(
            out,
            "CAMEO root code {}/{} = {:.4}",
            cameo.right,
            cameo.cases,
            cameo.ratio()
        );
    } else {
        let _ = writeln!(out, "CAMEO root code: the gold has no CAMEO codes");
    }
    let _ = writeln!(
        out,
        "events type macro-F1 {macro_f1:.4} accuracy {accuracy:.4} source-country {country:.4}"
    );
    print!("{out}");
    Ok(())
}

/// Our event for the record's sentence: type, actors' countries, mode and CAMEO code.
fn predict(pipeline: &Pipeline, record: &Record) -> Prediction {
    let mut meta = DocMeta::default();
    if let Some(date) = Published::parse(&record.date) {
        meta.offer_published(date, PublishedFrom::Metadata);
    }
    let mut doc = Doc::new(record.text.clone(), meta);
    pipeline.run(&mut doc);
    let offsets = CharOffsets::new(doc.text());
    let annotations = doc.annotations();
    let event_words = record.event_text.to_lowercase();
    let inside = |e: &&dateline_core::Event| {
        let (s, t) = offsets.char_span(e.trigger);
        let trigger: String = doc
            .text()
            .chars()
            .skip(s as usize)
            .take((t - s) as usize)
            .collect();
        !event_words.is_empty() && event_words.contains(&trigger.to_lowercase())
    };
    let chosen = annotations
        .events
        .iter()
        .find(inside)
        .or_else(|| annotations.events.first());
    let Some(event) = chosen else {
        return Prediction::default();
    };
    // CAMEO writes an international organization as IGO + its own code ("IGOUNO"), and the
    // GSR's actor country is the code's first three letters: ours ("UNO", sector IGO) is
    // written the CAMEO way before comparing.
    let country = |actor: &Option<dateline_core::EventActor>| {
        let entity = actor
            .as_ref()
            .and_then(|a| a.entity)
            .and_then(|e| annotations.entities.get(e))?;
        match entity.sector.as_deref() {
            Some("IGO") => Some("IGO".to_string()),
            _ => entity.country.clone(),
        }
    };
    Prediction {
        event_type: Some(event.event_type.to_string()),
        source_country: country(&event.source),
        target_country: country(&event.target),
        mode: event.mode.clone(),
        cameo: event.cameo.clone(),
        context: event.context.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_iso_country_codes_read_as_iso() {
        let actors = |code: &str| {
            vec![Actor {
                code: code.to_string(),
            }]
        };
        assert_eq!(gold_country(&actors("JAPGOV")).as_deref(), Some("JPN"));
        assert_eq!(gold_country(&actors("ITL")).as_deref(), Some("ITA"));
        assert_eq!(gold_country(&actors("IGOUNO")).as_deref(), Some("IGO"));
        assert_eq!(gold_country(&actors("US")), None);
    }
}
