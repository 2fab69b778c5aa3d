//! `dateline train`: trains a model from CoNLL-U files and records it in
//! `data/models/manifest.json` (training data, command, date, scores, size, sha256).

pub mod clusters;
pub mod cues;
pub mod extent;
pub mod manifest;
pub mod ner;
pub mod parser;
pub mod tagger;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::args::{TrainArgs, TrainComponent};
use crate::eval_cmd::shared_dir;

/// Runs `dateline train`.
pub fn run(args: &TrainArgs) -> Result<ExitCode> {
    match args.component {
        TrainComponent::Tagger => tagger::run(args)?,
        TrainComponent::Parser => parser::run(args)?,
        TrainComponent::Ner => ner::run(args)?,
        TrainComponent::Clusters => clusters::run(args)?,
        TrainComponent::Cues => cues::run(args)?,
        TrainComponent::Extent => extent::run(args)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The training files: as given, or EWT train + GUM train.
pub fn train_files(args: &TrainArgs) -> Vec<PathBuf> {
    if !args.train.is_empty() {
        return args.train.clone();
    }
    let ud = shared_dir().join("data/ud");
    vec![
        ud.join("UD_English-EWT/en_ewt-ud-train.conllu"),
        ud.join("UD_English-GUM/en_gum-train-from-amir-zeldes-gum-dep.conllu"),
    ]
}

/// The development file: as given, or EWT dev.
pub fn dev_file(args: &TrainArgs) -> PathBuf {
    args.dev
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/ud/UD_English-EWT/en_ewt-ud-dev.conllu"))
}

/// The PolNeAR training and dev folders and the model file of a model trained on PolNeAR: as
/// given, or PolNeAR's train and dev parts and `data/models/<file>`.
pub fn polnear_paths(args: &TrainArgs, file: &str) -> (PathBuf, PathBuf, PathBuf) {
    let polnear = shared_dir().join("data/quotes/polnear");
    let train = args
        .train
        .first()
        .cloned()
        .unwrap_or_else(|| polnear.join("train"));
    let dev = args.dev.clone().unwrap_or_else(|| polnear.join("dev"));
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| crate::models::models_dir().join(file));
    (train, dev, out)
}

/// The averaged snapshot of `trainer` so far, pruned below `prune_below`, with `labels`.
pub fn averaged_snapshot(
    trainer: &dateline_nlp::perceptron::Trainer,
    prune_below: f32,
    labels: &[&str],
) -> dateline_nlp::perceptron::Model {
    trainer
        .clone()
        .finish(prune_below)
        .with_labels(labels.iter().map(|l| l.to_string()).collect())
}

/// How many rankers or classifiers a bagged trainer trains side by side, each on its own
/// orders of the data; their mean is the model. One order's luck moved the quote figures by a
/// point of F1 between seeds.
pub const BAGS: usize = 5;

/// The mean of the trainers' averaged weights, without weights below `prune_below`.
pub fn bagged_snapshot(
    trainers: &[dateline_nlp::perceptron::Trainer],
    prune_below: f32,
    labels: &[&str],
) -> dateline_nlp::perceptron::Model {
    let snapshots: Vec<_> = trainers
        .iter()
        .map(|t| averaged_snapshot(t, 0.0, labels))
        .collect();
    dateline_nlp::perceptron::Model::mean(&snapshots).pruned(prune_below)
}

/// The command line as run, for the manifest.
pub fn command_line() -> String {
    let args: Vec<String> = std::env::args().collect();
    let mut line = String::from("dateline");
    for arg in args.iter().skip(1) {
        line.push(' ');
        line.push_str(arg);
    }
    line
}

/// A data path as recorded in the manifest: from `shared/` on when it lies inside the shared data
/// folder (so entries do not depend on where the checkout sits), else as given.
pub fn manifest_path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    match text.find("shared/") {
        Some(at) => text[at..].to_string(),
        None => text,
    }
}

/// The shuffling seed of one epoch: the same for the same `--seed` and epoch, different across
/// epochs.
pub fn epoch_seed(seed: u64, epoch: usize) -> u64 {
    seed.wrapping_mul(1_000_003).wrapping_add(epoch as u64)
}

/// A score rounded to four decimals, as the manifest records it.
pub fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
