//! `dateline train tagger`: trains the POS tagger and the lemma lexicon from CoNLL-U treebanks.
//!
//! Each epoch shuffles the training sentences (seeded, deterministic), trains, and scores the
//! averaged, pruned snapshot on the development file; the best epoch (UPOS+XPOS both right) is
//! written, so `--epochs` is an upper bound. The lemma lexicon (`lemmas.tsv.gz`, beside the
//! tagger) is counted from the same training files. Both files are recorded in the manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use dateline_core::tagset::{intern, PosTag, UPOS, XPOS};
use dateline_nlp::lemmatizer::{Lemmatizer, LexiconBuilder};
use dateline_nlp::tagger::{shuffle, Tagger, TaggerTrainer, TrainSentence, MODEL_TYPE};

use super::manifest::{record, ModelEntry};
use super::{dev_file, round4, train_files};
use crate::args::TrainArgs;
use crate::eval::conllu::{read_sentences, ConlluSentence};
use crate::eval::pos::{evaluate_gold_tokens, Scores, LEMMAS_FILE};

/// Passes over the training data when `--epochs` is not given; the best dev epoch is kept.
const DEFAULT_EPOCHS: usize = 10;
/// Lemma counts from the first training file count this many times.
const LEMMA_PRIMARY_WEIGHT: u32 = 3;
/// Averaged weights smaller than this are dropped: keeps the file small at no measurable cost.
const PRUNE_BELOW: f32 = 0.1;

/// Trains the tagger and writes it with the lemma lexicon.
pub fn run(args: &TrainArgs) -> Result<()> {
    let started = Instant::now();
    let train_paths = train_files(args);
    let dev_path = dev_file(args);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| crate::models::models_dir().join(crate::eval::pos::TAGGER_FILE));
    let lemmas_out = out.with_file_name(LEMMAS_FILE);
    let (train, lexicon, skipped) = load_training(&train_paths)?;
    let tokens: usize = train.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens ({skipped} sentences with unknown tags skipped)",
        train.len()
    );
    let lemmatizer = lexicon.build();
    let dev = read_sentences(&dev_path)?;
    let mut trainer = TaggerTrainer::new(&train);
    eprintln!(
        "{} classes, {} words in the tag dictionary",
        trainer.labels().len(),
        trainer.dictionary_len()
    );
    let epochs = args.epochs.unwrap_or(DEFAULT_EPOCHS).max(1);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut best: Option<(usize, Scores, Tagger)> = None;
    let mut per_epoch = Vec::new();
    for epoch in 1..=epochs {
        shuffle(&mut order, super::epoch_seed(args.seed, epoch));
        let correct = trainer.epoch(&train, &order);
        let tagger = trainer.snapshot(PRUNE_BELOW)?;
        let scores = evaluate_gold_tokens(&tagger, &lemmatizer, &dev, &mut Vec::new());
        println!(
            "epoch {epoch:>2}: train {:.4}  dev UPOS {:.4}  XPOS {:.4}  both {:.4}  lemma {:.4}  ({:.0} s)",
            correct as f64 / tokens.max(1) as f64,
            scores.rate(scores.upos),
            scores.rate(scores.xpos),
            scores.rate(scores.both),
            scores.rate(scores.lemma),
            started.elapsed().as_secs_f64()
        );
        per_epoch.push(format!("{:.4}", scores.rate(scores.upos)));
        let better = match &best {
            Some((_, kept, _)) => scores.both > kept.both,
            None => true,
        };
        if better {
            best = Some((epoch, scores, tagger));
        }
    }
    let Some((best_epoch, _, tagger)) = best else {
        anyhow::bail!("no epoch was trained")
    };
    write_file(&out, &tagger.to_bytes()?)?;
    write_file(&lemmas_out, &lemmatizer.to_bytes()?)?;
    // Score the files as written (quantized weights), which is what users get.
    let tagger = Tagger::from_bytes(&std::fs::read(&out)?)?;
    let lemmatizer = Lemmatizer::from_bytes(&std::fs::read(&lemmas_out)?)?;
    let scores = evaluate_gold_tokens(&tagger, &lemmatizer, &dev, &mut Vec::new());
    println!(
        "wrote {} (epoch {best_epoch}, {} features) and {} ({} entries): dev UPOS {:.4} XPOS {:.4} lemma {:.4}; {:.0} s",
        out.display(),
        tagger.feature_count(),
        lemmas_out.display(),
        lemmatizer.len(),
        scores.rate(scores.upos),
        scores.rate(scores.xpos),
        scores.rate(scores.lemma),
        started.elapsed().as_secs_f64()
    );
    let notes = BTreeMap::from([
        ("epochs".to_string(), epochs.to_string()),
        ("best_epoch".to_string(), best_epoch.to_string()),
        ("seed".to_string(), args.seed.to_string()),
        ("features".to_string(), tagger.feature_count().to_string()),
        (
            "tag_dictionary_words".to_string(),
            tagger.dictionary_len().to_string(),
        ),
        ("prune_below".to_string(), PRUNE_BELOW.to_string()),
        ("dev_upos_per_epoch".to_string(), per_epoch.join(" ")),
        ("training_tokens".to_string(), tokens.to_string()),
        ("lemma_lexicon".to_string(), LEMMAS_FILE.to_string()),
    ]);
    let entry =
        |model_type: &str, dev_scores: BTreeMap<String, f64>, notes: BTreeMap<String, String>| {
            ModelEntry::trained_now(model_type, &train_paths, Some(&dev_path), dev_scores, notes)
        };
    let tagger_scores = BTreeMap::from([
        ("upos".to_string(), round4(scores.rate(scores.upos))),
        ("xpos".to_string(), round4(scores.rate(scores.xpos))),
        ("upos_xpos".to_string(), round4(scores.rate(scores.both))),
    ]);
    record(&out, entry(MODEL_TYPE, tagger_scores, notes))?;
    let lemma_scores = BTreeMap::from([("lemma".to_string(), round4(scores.rate(scores.lemma)))]);
    let lemma_notes = BTreeMap::from([
        ("entries".to_string(), lemmatizer.len().to_string()),
        (
            "scored_with".to_string(),
            "the tagger's predicted tags (dev_scores.lemma)".to_string(),
        ),
    ]);
    record(
        &lemmas_out,
        entry("lemmas/tsv-v1", lemma_scores, lemma_notes),
    )?;
    Ok(())
}

/// Reads the training files: tagger sentences (tags interned; sentences with a tag outside the
/// inventories are skipped and counted) and the lemma counts (the first file weighted up).
fn load_training(paths: &[PathBuf]) -> Result<(Vec<TrainSentence>, LexiconBuilder, usize)> {
    let mut sentences = Vec::new();
    let mut lexicon = LexiconBuilder::new();
    let mut skipped = 0;
    for (index, path) in paths.iter().enumerate() {
        let gold = read_sentences(path)
            .with_context(|| format!("loading training data from {}", path.display()))?;
        // The first file's lemma conventions win where treebanks disagree (EWT by default).
        let weight = if index == 0 { LEMMA_PRIMARY_WEIGHT } else { 1 };
        for sentence in &gold {
            for token in &sentence.tokens {
                lexicon.add(&token.form, &token.xpos, &token.lemma, weight);
            }
            match to_train_sentence(sentence) {
                Some(train) => sentences.push(train),
                None => skipped += 1,
            }
        }
    }
    Ok((sentences, lexicon, skipped))
}

fn to_train_sentence(sentence: &ConlluSentence) -> Option<TrainSentence> {
    let tags = sentence
        .tokens
        .iter()
        .map(|t| {
            Some(PosTag {
                upos: intern(&UPOS, &t.upos)?,
                xpos: intern(&XPOS, &t.xpos)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let words = sentence.tokens.iter().map(|t| t.form.clone()).collect();
    Some(TrainSentence { words, tags })
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
}
