//! `dateline train cues`: trains the attribution-cue model on PolNeAR's training part (or the
//! PolNeAR folder given with `--train`). Each document is analyzed by the bundled pipeline, as
//! at run time; every verb, noun and adjective is an example, positive when it heads a gold Cue
//! span (`dateline_nlp::quotes::cue_anchor`). Each epoch's averaged snapshot is scored on the
//! dev folder (PolNeAR dev by default) as cue-word P/R/F1; the best epoch is written and
//! recorded in the manifest.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use dateline_core::CharOffsets;
use dateline_nlp::perceptron::Trainer;
use dateline_nlp::pipeline::Pipeline;
use dateline_nlp::quotes::{cue_anchor, cue_candidates, CueModel, CUE_LABELS, CUE_MODEL_TYPE};
use dateline_nlp::tagger::shuffle;

use super::manifest::{record, ModelEntry};
use super::round4;
use crate::args::TrainArgs;
use crate::eval::quotes::for_each_analyzed;
use crate::eval::Counts;

/// The model file under `data/models/`.
pub const CUES_FILE: &str = "cues.bin.gz";
/// Passes over the training data when `--epochs` is not given; the best dev epoch is kept.
const DEFAULT_EPOCHS: usize = 10;
/// Averaged weights smaller than this are dropped.
const PRUNE_BELOW: f32 = 0.05;

/// One document's examples: each candidate word's features and whether it heads a gold cue.
type Examples = Vec<(Vec<u64>, bool)>;

/// Trains the cue model and writes it.
pub fn run(args: &TrainArgs) -> Result<()> {
    let started = Instant::now();
    let (train_dir, dev_dir, out) = super::polnear_paths(args, CUES_FILE);
    let pipeline = Pipeline::new();
    let (train, train_missed) = prepare(&pipeline, &train_dir)?;
    let (dev, dev_missed) = prepare(&pipeline, &dev_dir)?;
    let examples: usize = train.iter().map(Vec::len).sum();
    let positives: usize = train.iter().flatten().filter(|(_, cue)| *cue).count();
    eprintln!(
        "training on {} documents: {examples} candidate words, {positives} cues ({train_missed} \
         gold cues with no candidate word); dev {} documents ({dev_missed} without) ({:.0} s)",
        train.len(),
        dev.len(),
        started.elapsed().as_secs_f64()
    );
    let epochs = args.epochs.unwrap_or(DEFAULT_EPOCHS).max(1);
    let (best_epoch, model, per_epoch) = train_epochs(&train, &dev, epochs, args.seed, started)?;
    super::tagger::write_file(&out, &model.to_bytes()?)?;
    let model = CueModel::from_bytes(&std::fs::read(&out)?)?;
    let counts = score(&model, &dev);
    println!(
        "wrote {} (epoch {best_epoch}, {} features): dev cue P {:.4} R {:.4} F1 {:.4}; {:.0} s",
        out.display(),
        model.feature_count(),
        counts.precision(),
        counts.recall(),
        counts.f1(),
        started.elapsed().as_secs_f64()
    );
    let dev_scores = BTreeMap::from([
        ("cue_precision".to_string(), round4(counts.precision())),
        ("cue_recall".to_string(), round4(counts.recall())),
        ("cue_f1".to_string(), round4(counts.f1())),
    ]);
    let notes = BTreeMap::from([
        ("epochs".to_string(), epochs.to_string()),
        ("best_epoch".to_string(), best_epoch.to_string()),
        ("seed".to_string(), args.seed.to_string()),
        ("features".to_string(), model.feature_count().to_string()),
        ("prune_below".to_string(), PRUNE_BELOW.to_string()),
        ("dev_f1_per_epoch".to_string(), per_epoch.join(" ")),
        ("training_examples".to_string(), examples.to_string()),
        ("training_cues".to_string(), positives.to_string()),
    ]);
    record(
        &out,
        ModelEntry::trained_now(
            CUE_MODEL_TYPE,
            &[train_dir],
            Some(&dev_dir),
            dev_scores,
            notes,
        ),
    )?;
    Ok(())
}

/// Trains for `epochs` passes over `train`, scoring each averaged snapshot on `dev`. Returns the
/// best epoch, its model and every epoch's dev F1.
fn train_epochs(
    train: &[Examples],
    dev: &[Examples],
    epochs: usize,
    seed: u64,
    started: Instant,
) -> Result<(usize, CueModel, Vec<String>)> {
    let examples: usize = train.iter().map(Vec::len).sum();
    let mut trainer = Trainer::new(CUE_LABELS.len());
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(usize, f64, CueModel)> = None;
    let mut per_epoch = Vec::new();
    let mut scores = Vec::new();
    for epoch in 1..=epochs {
        shuffle(&mut order, super::epoch_seed(seed, epoch));
        let mut correct = 0;
        for (features, cue) in order.iter().flat_map(|&d| &train[d]) {
            trainer.scores(features, &mut scores);
            let guess = usize::from(CueModel::accepts(scores[1] - scores[0]));
            let truth = usize::from(*cue);
            if guess == truth {
                correct += 1;
            } else {
                trainer.update(features, truth, guess);
            }
            trainer.tick();
        }
        let model = CueModel::new(super::averaged_snapshot(&trainer, PRUNE_BELOW, &CUE_LABELS))?;
        let counts = score(&model, dev);
        println!(
            "epoch {epoch:>2}: train {:.4}  dev cue P {:.4} R {:.4} F1 {:.4}  ({:.0} s)",
            correct as f64 / examples.max(1) as f64,
            counts.precision(),
            counts.recall(),
            counts.f1(),
            started.elapsed().as_secs_f64()
        );
        per_epoch.push(format!("{:.4}", counts.f1()));
        if best.as_ref().is_none_or(|(_, kept, _)| counts.f1() > *kept) {
            best = Some((epoch, counts.f1(), model));
        }
    }
    let Some((best_epoch, _, model)) = best else {
        anyhow::bail!("no epoch was trained")
    };
    Ok((best_epoch, model, per_epoch))
}

/// Analyzes every document of a PolNeAR folder and labels its candidate words. Also returns how
/// many gold cues had no candidate word to stand for them.
fn prepare(pipeline: &Pipeline, dir: &Path) -> Result<(Vec<Examples>, usize)> {
    let mut documents = Vec::new();
    let mut missed = 0;
    for_each_analyzed(pipeline, dir, |doc, gold| {
        let offsets = CharOffsets::new(doc.text());
        let token_chars: Vec<(usize, usize)> = doc
            .annotations()
            .tokens
            .iter()
            .map(|t| {
                let (s, e) = offsets.char_span(t.span);
                (s as usize, e as usize)
            })
            .collect();
        let mut anchors = HashSet::new();
        let cues: HashSet<(usize, usize)> = gold.iter().filter_map(|g| g.cue).collect();
        for (start, end) in cues {
            let first = token_chars.partition_point(|&(_, e)| e <= start);
            let last = token_chars.partition_point(|&(s, _)| s < end);
            match (first < last)
                .then(|| cue_anchor(&doc, first..last))
                .flatten()
            {
                Some(anchor) => {
                    anchors.insert(anchor);
                }
                None => missed += 1,
            }
        }
        let examples = cue_candidates(&doc)
            .into_iter()
            .map(|(t, features)| (features, anchors.contains(&t)))
            .collect();
        documents.push(examples);
        Ok(())
    })?;
    Ok((documents, missed))
}

/// Cue-word precision and recall of `model` on prepared documents.
fn score(model: &CueModel, documents: &[Examples]) -> Counts {
    let mut counts = Counts::default();
    let mut scores = Vec::new();
    for (features, cue) in documents.iter().flatten() {
        let guess = CueModel::accepts(model.margin(features, &mut scores));
        counts.true_positives += usize::from(guess && *cue);
        counts.false_positives += usize::from(guess && !*cue);
        counts.false_negatives += usize::from(!guess && *cue);
    }
    counts
}
