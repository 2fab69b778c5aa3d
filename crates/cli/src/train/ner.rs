//! `dateline train ner`: trains the named-entity recognizer on CoNLL-2003 train (or the given
//! CoNLL/IOB2 files), tagging the words with the bundled tagger and marking KB names with the
//! bundled KB, exactly as at run time. Each epoch's averaged snapshot is scored on the dev file
//! (PER/LOC/ORG F1); the best epoch is written and recorded in the manifest.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::{anyhow, Result};
use dateline_nlp::kb::Kb;
use dateline_nlp::ner::{NerTrainer, Recognizer, MODEL_TYPE};
use dateline_nlp::tagger::shuffle;

use super::manifest::{record, ModelEntry};
use super::round4;
use crate::args::TrainArgs;
use crate::eval::iob::read_iob;
use crate::eval::ner::{bundled_gazetteer, load_clusters, prepare, score_prepared, NER_FILE};
use crate::eval::pos::load_tagger;
use crate::eval_cmd::shared_dir;
use crate::models::models_dir;

/// Passes over the training data when `--epochs` is not given; the best dev epoch is kept.
const DEFAULT_EPOCHS: usize = 12;
/// Averaged weights smaller than this are dropped.
const PRUNE_BELOW: f32 = 0.05;

/// Trains the recognizer and writes it.
pub fn run(args: &TrainArgs) -> Result<()> {
    let started = Instant::now();
    let conll = shared_dir().join("data/ner/conll2003");
    let train_paths = if args.train.is_empty() {
        vec![conll.join("train.txt")]
    } else {
        args.train.clone()
    };
    let dev_path = args.dev.clone().unwrap_or_else(|| conll.join("valid.txt"));
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| models_dir().join(NER_FILE));
    let tagger = load_tagger(&models_dir())?;
    let kb = Kb::bundled().map_err(|e| anyhow!("bundled KB: {e}"))?;
    let mut train_docs = Vec::new();
    for path in &train_paths {
        train_docs.extend(read_iob(path)?);
    }
    let dev_docs = read_iob(&dev_path)?;
    let clusters = load_clusters(&models_dir())?;
    let places = bundled_gazetteer()?;
    let train = prepare(&train_docs, &tagger, kb, &clusters, places);
    let dev = prepare(&dev_docs, &tagger, kb, &clusters, places);
    let tokens: usize = train.iter().map(|d| d.len()).sum();
    eprintln!(
        "training on {} documents, {tokens} tokens; KB with {} name forms ({:.0} s)",
        train.len(),
        kb.name_forms(),
        started.elapsed().as_secs_f64()
    );
    let mut trainer = NerTrainer::new(clusters.clone());
    let epochs = args.epochs.unwrap_or(DEFAULT_EPOCHS).max(1);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(usize, f64, Recognizer)> = None;
    let mut per_epoch = Vec::new();
    for epoch in 1..=epochs {
        shuffle(&mut order, super::epoch_seed(args.seed, epoch));
        let correct = trainer.epoch(&train, &order);
        let recognizer = trainer.snapshot(PRUNE_BELOW)?;
        let scores = score_prepared(&recognizer, &dev_docs, &dev);
        let f1 = scores.main.f1();
        println!(
            "epoch {epoch:>2}: train {:.4}  dev PER+LOC+ORG F1 {f1:.4}  all {:.4}  ({:.0} s)",
            correct as f64 / tokens.max(1) as f64,
            scores.all.f1(),
            started.elapsed().as_secs_f64()
        );
        per_epoch.push(format!("{f1:.4}"));
        if best.as_ref().is_none_or(|(_, kept, _)| f1 > *kept) {
            best = Some((epoch, f1, recognizer));
        }
    }
    let Some((best_epoch, _, recognizer)) = best else {
        anyhow::bail!("no epoch was trained")
    };
    super::tagger::write_file(&out, &recognizer.to_bytes()?)?;
    let recognizer = Recognizer::from_bytes(&std::fs::read(&out)?, clusters)?;
    let scores = score_prepared(&recognizer, &dev_docs, &dev);
    println!(
        "wrote {} (epoch {best_epoch}, {} features): dev PER+LOC+ORG F1 {:.4}, all {:.4}; {:.0} s",
        out.display(),
        recognizer.feature_count(),
        scores.main.f1(),
        scores.all.f1(),
        started.elapsed().as_secs_f64()
    );
    let mut dev_scores = BTreeMap::from([
        ("f1_per_loc_org".to_string(), round4(scores.main.f1())),
        ("f1_all".to_string(), round4(scores.all.f1())),
    ]);
    for (class, counts) in &scores.per_class {
        dev_scores.insert(format!("f1_{}", class.to_lowercase()), round4(counts.f1()));
    }
    let notes = BTreeMap::from([
        ("epochs".to_string(), epochs.to_string()),
        ("best_epoch".to_string(), best_epoch.to_string()),
        ("seed".to_string(), args.seed.to_string()),
        (
            "features".to_string(),
            recognizer.feature_count().to_string(),
        ),
        ("prune_below".to_string(), PRUNE_BELOW.to_string()),
        ("dev_f1_per_epoch".to_string(), per_epoch.join(" ")),
        ("training_tokens".to_string(), tokens.to_string()),
        ("kb_name_forms".to_string(), kb.name_forms().to_string()),
        (
            "place_gazetteer".to_string(),
            format!("bundled GeoNames, {} names", places.name_count()),
        ),
    ]);
    record(
        &out,
        ModelEntry::trained_now(MODEL_TYPE, &train_paths, Some(&dev_path), dev_scores, notes),
    )?;
    Ok(())
}
