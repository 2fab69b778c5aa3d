//! `dateline train parser`: the arc-hybrid parser and its relation labeller, trained on gold
//! trees with jackknifed tags (`DATELINE_PARSER_TAGS=gold` trains on gold tags), scored on the
//! dev file after every epoch with the bundled tagger's tags (gold tags where it cannot load).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline_core::tagset::{intern, PosTag, UPOS, XPOS};
use dateline_nlp::parser::{train_parser, Parser, ParserTrainConfig, TreeSentence};
use dateline_nlp::tagger::{shuffle, TaggerTrainer, TrainSentence};

use super::manifest::{record, ModelEntry};
use super::{dev_file, round4, train_files};
use crate::args::TrainArgs;
use crate::eval::conllu::{read_sentences, ConlluSentence};
use crate::eval::deps::{score_gold_tokens, DepsScores};
use crate::eval::ud::{gold_tags, tree_sentence};
use crate::models::models_dir;

/// File name of the transition model; the labeller sits beside it.
pub const TRANSITIONS_FILE: &str = "parser-transitions.bin.gz";
/// File name of the labeller model.
pub const LABELS_FILE: &str = "parser-labels.bin.gz";

/// Trains the parser.
pub fn run(args: &TrainArgs) -> Result<()> {
    let train = train_files(args);
    let dev = dev_file(args);
    let mut sentences: Vec<TreeSentence> = Vec::new();
    for file in &train {
        let read = read_sentences(file).with_context(|| format!("reading {}", file.display()))?;
        sentences.extend(
            read.iter()
                .filter(|s| !s.tokens.is_empty())
                .map(tree_sentence),
        );
    }
    let dev_sentences =
        read_sentences(&dev).with_context(|| format!("reading {}", dev.display()))?;
    let jackknife = std::env::var("DATELINE_PARSER_TAGS").map_or(true, |v| v != "gold");
    if jackknife {
        let started = Instant::now();
        jackknife_tags(&mut sentences, JACKKNIFE_FOLDS, args.seed)?;
        eprintln!(
            "jackknifed tags over {JACKKNIFE_FOLDS} folds ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    }
    // Dev is scored with the tags the parser will get: the bundled tagger's, where there is one.
    let (dev_tags, dev_tags_note): (Vec<Vec<PosTag>>, &str) =
        match crate::eval::pos::load_tagger(&models_dir()) {
            Ok(tagger) => {
                let tags = dev_sentences
                    .iter()
                    .map(|s| {
                        tagger.tag_words(
                            &s.tokens.iter().map(|t| t.form.as_str()).collect::<Vec<_>>(),
                        )
                    })
                    .collect();
                (tags, "predicted by the bundled tagger")
            }
            Err(error) => {
                eprintln!(
                    "warning: no tagger for dev tags ({error:#}); scoring dev with gold tags"
                );
                (
                    dev_sentences.iter().map(gold_tags).collect(),
                    "gold (no tagger could be loaded)",
                )
            }
        };
    let dev_tags_for = |index: usize, s: &ConlluSentence| {
        dev_tags.get(index).cloned().unwrap_or_else(|| gold_tags(s))
    };
    let epochs = args.epochs.unwrap_or(12);
    let config = ParserTrainConfig {
        epochs,
        seed: args.seed,
        explore_from: env_number("DATELINE_EXPLORE_FROM", 1),
        explore: env_number("DATELINE_EXPLORE", 0.9),
        min_updates: min_updates(),
    };
    eprintln!(
        "training on {} sentences for {epochs} epochs",
        sentences.len()
    );
    let started = Instant::now();
    let mut last_dev = DepsScores::default();
    let (parser, stats) = train_parser(&sentences, config, |epoch, snapshot| {
        let scores = score_gold_tokens(&dev_sentences, dev_tags_for, snapshot);
        eprintln!(
            "epoch {:>2}: dev UAS {:.4} LAS {:.4} ({:.0} s)",
            epoch + 1,
            scores.uas(),
            scores.las(),
            started.elapsed().as_secs_f64()
        );
        last_dev = scores;
    });
    let (parser, pruning) = prune_within_tolerance(parser, &dev_sentences, &dev_tags_for, last_dev);
    last_dev = score_gold_tokens(&dev_sentences, dev_tags_for, &parser);
    let transitions_path = args
        .out
        .clone()
        .unwrap_or_else(|| models_dir().join(TRANSITIONS_FILE));
    let labels_path = transitions_path.with_file_name(LABELS_FILE);
    parser
        .write(create(&transitions_path)?, create(&labels_path)?)
        .context("writing the parser models")?;
    let mut notes = BTreeMap::new();
    notes.insert("epochs".into(), epochs.to_string());
    notes.insert("seed".into(), args.seed.to_string());
    notes.insert("sentences".into(), stats.sentences.to_string());
    notes.insert(
        "non_projective_sentences_lifted".into(),
        stats.non_projective.to_string(),
    );
    notes.insert("lifted_arcs".into(), stats.lifted_arcs.to_string());
    notes.insert(
        "transition_rows_before_pruning".into(),
        stats.transition_rows.to_string(),
    );
    notes.insert(
        "transition_rows".into(),
        parser.transition_rows().to_string(),
    );
    notes.insert("label_rows".into(), parser.label_rows().to_string());
    let tags_note = if jackknife {
        format!("predicted, jackknifed over {JACKKNIFE_FOLDS} folds")
    } else {
        "gold".into()
    };
    notes.insert("tags_in_training".into(), tags_note);
    notes.insert(
        "pruned_transition_weight_share".into(),
        format!("{:.2}", pruning.0),
    );
    notes.insert(
        "pruned_label_weight_share".into(),
        format!("{:.2}", pruning.1),
    );
    notes.insert(
        "training_seconds".into(),
        format!("{:.0}", started.elapsed().as_secs_f64()),
    );
    let mut dev_scores = BTreeMap::new();
    dev_scores.insert("uas".into(), round4(last_dev.uas()));
    dev_scores.insert("las".into(), round4(last_dev.las()));
    notes.insert("dev_tags".into(), dev_tags_note.into());
    notes.insert(
        "malformed_sentences_skipped".into(),
        stats.malformed.to_string(),
    );
    for (path, model_type) in [
        (
            &transitions_path,
            dateline_nlp::parser::TRANSITION_MODEL_TYPE,
        ),
        (&labels_path, dateline_nlp::parser::LABEL_MODEL_TYPE),
    ] {
        record(
            path,
            ModelEntry::trained_now(
                model_type,
                &train,
                Some(&dev),
                dev_scores.clone(),
                notes.clone(),
            ),
        )?;
    }
    eprintln!(
        "wrote {} and {} ({} non-projective training sentences lifted, {} arcs)",
        transitions_path.display(),
        labels_path.display(),
        stats.non_projective,
        stats.lifted_arcs
    );
    Ok(())
}

/// Folds for jackknifing the training tags.
const JACKKNIFE_FOLDS: usize = 4;
/// Tagger epochs per fold (the full tagger's best dev epoch).
const JACKKNIFE_TAGGER_EPOCHS: usize = 8;

/// Replaces the gold tags of the training sentences with tags predicted by taggers that did not
/// see them (each fold tagged by a tagger trained on the other folds), so the parser learns from
/// the kind of tags it will get at run time.
fn jackknife_tags(sentences: &mut [TreeSentence], folds: usize, seed: u64) -> Result<()> {
    let tagged: Vec<TrainSentence> = sentences
        .iter()
        .map(|s| TrainSentence {
            words: s.words.clone(),
            tags: s
                .upos
                .iter()
                .zip(&s.xpos)
                .map(|(u, x)| PosTag {
                    upos: intern(&UPOS, u).unwrap_or("X"),
                    xpos: intern(&XPOS, x).unwrap_or("XX"),
                })
                .collect(),
        })
        .collect();
    for fold in 0..folds {
        let train: Vec<TrainSentence> = tagged
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let mut trainer = TaggerTrainer::new(&train);
        let mut order: Vec<usize> = (0..train.len()).collect();
        for epoch in 0..JACKKNIFE_TAGGER_EPOCHS {
            shuffle(&mut order, seed.wrapping_add(epoch as u64));
            trainer.epoch(&train, &order);
        }
        let Ok(tagger) = trainer.into_tagger(0.1) else {
            continue;
        };
        for (index, sentence) in sentences
            .iter_mut()
            .enumerate()
            .filter(|(i, _)| i % folds == fold)
        {
            let words: Vec<&str> = tagged[index].words.iter().map(String::as_str).collect();
            let predicted = tagger.tag_words(&words);
            sentence.upos = predicted.iter().map(|t| t.upos.to_string()).collect();
            sentence.xpos = predicted.iter().map(|t| t.xpos.to_string()).collect();
        }
    }
    Ok(())
}

/// Dev UAS or LAS a pruned transition model may lose against the full one (0.15 points): the
/// price paid for a model a fraction of the size, which loads and parses faster.
const PRUNING_TOLERANCE: f64 = 0.0015;
/// Dev LAS the labeller's pruning may lose on top (0.3 points): unpruned, its 51 classes per
/// feature make it the slowest part of parsing.
const LABEL_PRUNING_TOLERANCE: f64 = 0.003;

/// Drops the smallest weights, first of the transition model, then of the labeller, as many as
/// keeps dev UAS and LAS within [`PRUNING_TOLERANCE`] of the full model: most features of a
/// perceptron carry almost nothing, and the files must stay small. Returns the shares pruned.
fn prune_within_tolerance(
    parser: Parser,
    dev: &[ConlluSentence],
    dev_tags_for: &dyn Fn(usize, &ConlluSentence) -> Vec<PosTag>,
    full: DepsScores,
) -> (Parser, (f64, f64)) {
    let within = |candidate: &Parser, tolerance: f64| {
        let scores = score_gold_tokens(dev, dev_tags_for, candidate);
        let ok = scores.uas() + PRUNING_TOLERANCE >= full.uas()
            && scores.las() + tolerance >= full.las();
        (ok, scores)
    };
    let mut shares = (0.0, 0.0);
    for share in [0.5, 0.7, 0.8, 0.9] {
        let (ok, scores) = within(&parser.pruned(share, 0.0), PRUNING_TOLERANCE);
        eprintln!(
            "pruning {:.0}% of transition weights: dev UAS {:.4} LAS {:.4}",
            share * 100.0,
            scores.uas(),
            scores.las()
        );
        if !ok {
            break;
        }
        shares.0 = share;
    }
    for share in [0.5, 0.7, 0.8, 0.9] {
        let (ok, scores) = within(&parser.pruned(shares.0, share), LABEL_PRUNING_TOLERANCE);
        eprintln!(
            "pruning {:.0}% of label weights: dev UAS {:.4} LAS {:.4}",
            share * 100.0,
            scores.uas(),
            scores.las()
        );
        if !ok {
            break;
        }
        shares.1 = share;
    }
    (parser.pruned(shares.0, shares.1), shares)
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create", parent.display()))?;
    }
    Ok(BufWriter::new(File::create(path).with_context(|| {
        format!("{}: cannot create", path.display())
    })?))
}

/// Updates before a feature gets weights; `DATELINE_MIN_UPDATES` overrides the default for
/// experiments.
fn min_updates() -> u8 {
    env_number("DATELINE_MIN_UPDATES", 3)
}

/// An experiment knob from the environment, or its default.
fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
