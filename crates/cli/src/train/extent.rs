//! `dateline train extent`: trains the report-extent ranker on PolNeAR's training part (or the
//! PolNeAR folder given with `--train`). Each document is analyzed by the bundled pipeline with
//! the extent model switched off, so that the examples are the rules' own reports. A report is
//! paired with the gold indirect report whose content it overlaps most, one that shares its cue
//! first; its candidate spans (`dateline_nlp::quotes::extent_cases`) are ranked, and of those
//! that match the gold content (overlap of at least half the longer span, by characters, as
//! `dateline eval quotes` compares them) the closest is the one to learn. A report no candidate
//! span can match — its start is wrong — teaches nothing and is left out. Each epoch's averaged
//! snapshot is scored on the dev folder as the share of paired reports whose chosen span
//! matches, beside the rules' share; the best epoch is written and recorded in the manifest.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use dateline_core::{ByteSpan, CharOffsets};
use dateline_nlp::perceptron::Trainer;
use dateline_nlp::pipeline::Pipeline;
use dateline_nlp::quotes::{
    extent_cases, EndCandidate, ExtentModel, EXTENT_LABELS, EXTENT_MODEL_TYPE,
};
use dateline_nlp::tagger::shuffle;

use super::manifest::{record, ModelEntry};
use super::round4;
use crate::args::TrainArgs;
use crate::eval::quotes::{for_each_analyzed, overlap, trimmed, GoldQuote};

/// The model file under `data/models/`.
pub const EXTENT_FILE: &str = "extent.bin.gz";
/// Passes over the training data when `--epochs` is not given; the best dev epoch is kept.
const DEFAULT_EPOCHS: usize = 10;
/// Averaged weights smaller than this are dropped: at 0.3 the bag keeps 2,411 of 7,737 features
/// and scores as it did with all of them (PolNeAR dev indirect 0.5925 against 0.5913; 1.0 kept
/// 794 and scored 0.5924).
const PRUNE_BELOW: f32 = 0.3;

/// One paired report: its candidate ends, the one to learn, and which ones match the gold.
struct Case {
    candidates: Vec<EndCandidate>,
    gold: usize,
    matches: Vec<bool>,
}

/// Trains the extent model and writes it.
pub fn run(args: &TrainArgs) -> Result<()> {
    let started = Instant::now();
    let (train_dir, dev_dir, out) = super::polnear_paths(args, EXTENT_FILE);
    let pipeline = Pipeline::new();
    let models = dateline_nlp::models::bundled()
        .map_err(|e| anyhow::anyhow!("bundled models could not be loaded: {e}"))?;
    let (train, train_unpaired) = prepare(&pipeline, &models.cues, &train_dir)?;
    let (dev, _) = prepare(&pipeline, &models.cues, &dev_dir)?;
    let rules_dev = dev.iter().filter(|c| c.matches[0]).count();
    eprintln!(
        "training on {} paired reports ({train_unpaired} reports after their cue with no gold \
         report to pair with or no end to match it); dev {} paired, the rules' end matches {} \
         ({:.0} s)",
        train.len(),
        dev.len(),
        rules_dev,
        started.elapsed().as_secs_f64()
    );
    let epochs = args.epochs.unwrap_or(DEFAULT_EPOCHS).max(1);
    // One trainer per bag, each seeing the data in its own orders; each epoch's model is the
    // mean of their averaged snapshots.
    let mut trainers: Vec<Trainer> = (0..super::BAGS)
        .map(|_| Trainer::new(EXTENT_LABELS.len()))
        .collect();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(usize, usize, ExtentModel)> = None;
    let mut per_epoch = Vec::new();
    let mut scores = Vec::new();
    for epoch in 1..=epochs {
        let mut right = 0;
        for (bag, trainer) in trainers.iter_mut().enumerate() {
            let seed = args.seed.wrapping_add(bag as u64);
            shuffle(&mut order, super::epoch_seed(seed, epoch));
            for &i in &order {
                let case = &train[i];
                let guess = argmax(case.candidates.iter().map(|c| {
                    trainer.scores(&c.features, &mut scores);
                    scores[0]
                }));
                if case.matches[guess] {
                    right += 1;
                } else {
                    trainer.reward(&case.candidates[case.gold].features, 0, 1.0);
                    trainer.reward(&case.candidates[guess].features, 0, -1.0);
                }
                trainer.tick();
            }
        }
        let model = ExtentModel::new(super::bagged_snapshot(
            &trainers,
            PRUNE_BELOW,
            &EXTENT_LABELS,
        ))?;
        let matched = matched(&model, &dev);
        println!(
            "epoch {epoch:>2}: train ends matching {:.4}  dev ends matching {matched}/{} ({:.4}; \
             rules {rules_dev})  ({:.0} s)",
            right as f64 / (super::BAGS * train.len()).max(1) as f64,
            dev.len(),
            matched as f64 / dev.len().max(1) as f64,
            started.elapsed().as_secs_f64()
        );
        per_epoch.push(matched.to_string());
        if best.as_ref().is_none_or(|(_, kept, _)| matched > *kept) {
            best = Some((epoch, matched, model));
        }
    }
    let Some((best_epoch, dev_matched, model)) = best else {
        anyhow::bail!("no epoch was trained")
    };
    super::tagger::write_file(&out, &model.to_bytes()?)?;
    let model = ExtentModel::from_bytes(&std::fs::read(&out)?)?;
    let share = |n: usize| n as f64 / dev.len().max(1) as f64;
    println!(
        "wrote {} (epoch {best_epoch}, {} features): dev ends matching {dev_matched}/{} ({:.4}; \
         rules {:.4}); {:.0} s",
        out.display(),
        model.feature_count(),
        dev.len(),
        share(dev_matched),
        share(rules_dev),
        started.elapsed().as_secs_f64()
    );
    let dev_scores = BTreeMap::from([
        ("end_match".to_string(), round4(share(dev_matched))),
        ("end_match_rules".to_string(), round4(share(rules_dev))),
    ]);
    let notes = BTreeMap::from([
        ("epochs".to_string(), epochs.to_string()),
        ("best_epoch".to_string(), best_epoch.to_string()),
        ("seed".to_string(), args.seed.to_string()),
        ("bags".to_string(), super::BAGS.to_string()),
        ("features".to_string(), model.feature_count().to_string()),
        ("prune_below".to_string(), PRUNE_BELOW.to_string()),
        ("dev_matching_per_epoch".to_string(), per_epoch.join(" ")),
        ("training_reports".to_string(), train.len().to_string()),
        ("dev_reports".to_string(), dev.len().to_string()),
    ]);
    record(
        &out,
        ModelEntry::trained_now(
            EXTENT_MODEL_TYPE,
            &[train_dir],
            Some(&dev_dir),
            dev_scores,
            notes,
        ),
    )?;
    Ok(())
}

/// The index of the highest score, the first on a tie.
fn argmax(scores: impl Iterator<Item = f32>) -> usize {
    let mut best: Option<(usize, f32)> = None;
    for (i, score) in scores.enumerate() {
        if best.is_none_or(|(_, kept)| score > kept) {
            best = Some((i, score));
        }
    }
    best.map_or(0, |(i, _)| i)
}

/// How many of `cases` get an end that matches the gold from `model`.
fn matched(model: &ExtentModel, cases: &[Case]) -> usize {
    cases
        .iter()
        .filter(|case| {
            model
                .best(&case.candidates)
                .is_some_and(|chosen| case.matches[chosen])
        })
        .count()
}

/// Analyzes every document of a PolNeAR folder without the extent model and pairs its reports
/// with the gold. Also returns how many reports could not be paired or matched.
fn prepare(
    pipeline: &Pipeline,
    cues: &dateline_nlp::quotes::CueModel,
    dir: &Path,
) -> Result<(Vec<Case>, usize)> {
    let mut cases = Vec::new();
    let mut unpaired = 0;
    for_each_analyzed(pipeline, dir, |mut doc, gold| {
        dateline_nlp::quotes::extract(&mut doc, Some(cues), None);
        let chars: Vec<char> = doc.text().chars().collect();
        let offsets = CharOffsets::new(doc.text());
        let char_span = |span: ByteSpan| {
            let (s, e) = offsets.char_span(span);
            (s as usize, e as usize)
        };
        let a = doc.annotations();
        for case in extent_cases(&doc) {
            let quote = &a.quotes[case.quote];
            let Some(cue) = quote.cue.map(char_span) else {
                continue;
            };
            let ours = trimmed(&chars, char_span(quote.content));
            let Some(gold_content) = paired_gold(&chars, &gold, cue, ours) else {
                unpaired += 1;
                continue;
            };
            let candidate_chars = |start: usize, end: usize| {
                let span = ByteSpan::new(
                    a.tokens[start].span.start as usize,
                    a.tokens[end - 1].span.end as usize,
                );
                trimmed(&chars, char_span(span))
            };
            let mut matches = Vec::with_capacity(case.candidates.len());
            let mut best: Option<(usize, f64)> = None;
            for (i, candidate) in case.candidates.iter().enumerate() {
                let span = candidate_chars(candidate.start, candidate.end);
                let shared = overlap(span, gold_content);
                let longer = (span.1 - span.0).max(gold_content.1 - gold_content.0);
                let matching = longer > 0 && 2 * shared >= longer;
                matches.push(matching);
                let union = (span.1.max(gold_content.1) - span.0.min(gold_content.0)).max(1);
                let jaccard = shared as f64 / union as f64;
                // The closest of the spans that match, not the closest of all.
                if matching && best.is_none_or(|(_, kept)| jaccard > kept) {
                    best = Some((i, jaccard));
                }
            }
            match best {
                Some((gold, _)) if matches[gold] => cases.push(Case {
                    candidates: case.candidates,
                    gold,
                    matches,
                }),
                _ => unpaired += 1,
            }
        }
        Ok(())
    })?;
    Ok((cases, unpaired))
}

/// The content of the gold indirect report whose cue overlaps `cue` and whose content overlaps
/// `ours` most (trimmed, in characters).
fn paired_gold(
    chars: &[char],
    gold: &[GoldQuote],
    cue: (usize, usize),
    ours: (usize, usize),
) -> Option<(usize, usize)> {
    gold.iter()
        .filter(|g| !g.direct)
        .map(|g| {
            let content = trimmed(chars, g.content);
            let same_cue = g.cue.is_some_and(|c| overlap(c, cue) > 0);
            (same_cue, overlap(content, ours), content)
        })
        .filter(|(_, shared, _)| *shared > 0)
        .max_by_key(|(same_cue, shared, content)| {
            (*same_cue, *shared, std::cmp::Reverse(content.0))
        })
        .map(|(_, _, content)| content)
}
