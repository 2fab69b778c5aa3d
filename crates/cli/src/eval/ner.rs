//! `dateline eval ner`: exact-span precision, recall and F1 per class on CoNLL-2003 or IOB2 gold
//! (default: CoNLL-2003 dev, `testa`). Gold tokens; our tagger's tags; the bundled KB.
//!
//! Classes are CoNLL's: PER, LOC, ORG, MISC. A name counts only with its exact tokens and class.
//! The headline figure, and the last line `ner F1 0.xxxx`, is the micro-average over PER, LOC and
//! ORG (MISC is reported on its own row, since gold sets disagree most on it).

use std::collections::HashSet;
use std::fmt::Write as _;

use anyhow::{anyhow, Result};
use dateline_nlp::clusters::WordClusters;
use dateline_nlp::gazetteer::Gazetteer;
use dateline_nlp::kb::Kb;
use dateline_nlp::ner::{Recognizer, TrainDocument};
use dateline_nlp::tagger::Tagger;

use super::iob::{bio_spans, read_iob, IobDocuments};
use super::pos::load_tagger;
use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;
use crate::models::{models_dir, read_model_in};

/// The recognizer's file name inside the models folder.
pub const NER_FILE: &str = "ner.bin.gz";

/// The word clusters' file name inside the models folder.
pub const CLUSTERS_FILE: &str = "clusters.tsv.gz";

/// Reads the word clusters from the models folder.
pub fn load_clusters(dir: &std::path::Path) -> Result<WordClusters> {
    Ok(WordClusters::from_bytes(&read_model_in(
        dir,
        CLUSTERS_FILE,
    )?)?)
}

/// The bundled place gazetteer, which the recognizer's features read.
pub fn bundled_gazetteer() -> Result<&'static Gazetteer> {
    Gazetteer::bundled().map_err(|e| anyhow!("loading the gazetteer: {e}"))
}

/// The classes of the headline figure.
const MAIN: [&str; 3] = ["PER", "LOC", "ORG"];

/// Counts per class, with the mistakes for `--errors`.
#[derive(Debug, Default)]
pub struct NerScores {
    /// (class, counts), classes sorted.
    pub per_class: Vec<(String, Counts)>,
    /// Micro-average over PER, LOC, ORG.
    pub main: Counts,
    /// Micro-average over every class.
    pub all: Counts,
    /// "missed"/"spurious" lines with their sentence.
    pub errors: Vec<String>,
}

/// Runs `dateline eval ner`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let gold = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/ner/conll2003/valid.txt"));
    let documents = read_iob(&gold)?;
    let dir = models_dir();
    let tagger = load_tagger(&dir)?;
    let clusters = load_clusters(&dir)?;
    let recognizer = Recognizer::from_bytes(&read_model_in(&dir, NER_FILE)?, clusters)?;
    let kb = Kb::bundled().map_err(|e| anyhow!("bundled KB: {e}"))?;
    let places = bundled_gazetteer()?;
    let scores = evaluate(&recognizer, &tagger, kb, places, &documents);
    let sentences: usize = documents.iter().map(Vec::len).sum();
    println!(
        "{} — {} documents, {sentences} sentences",
        gold.display(),
        documents.len()
    );
    print!("{}", render(&scores, args.errors));
    Ok(())
}

/// Prepares gold documents for the recognizer: our tagger's tags, the KB's name matches.
pub fn prepare(
    documents: &IobDocuments,
    tagger: &Tagger,
    kb: &Kb,
    clusters: &WordClusters,
    places: &Gazetteer,
) -> Vec<TrainDocument> {
    documents
        .iter()
        .map(|doc| {
            let sentences: Vec<(Vec<String>, Vec<String>, Vec<String>)> = doc
                .iter()
                .map(|s| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    let xpos = tagger
                        .tag_words(&words)
                        .iter()
                        .map(|t| t.xpos.to_string())
                        .collect();
                    (s.words.clone(), xpos, s.labels.clone())
                })
                .collect();
            TrainDocument::new(&sentences, kb, clusters, Some(places))
        })
        .collect()
}

/// Scores the recognizer on gold documents.
pub fn evaluate(
    recognizer: &Recognizer,
    tagger: &Tagger,
    kb: &Kb,
    places: &Gazetteer,
    documents: &IobDocuments,
) -> NerScores {
    let prepared = prepare(documents, tagger, kb, recognizer.clusters(), places);
    score_prepared(recognizer, documents, &prepared)
}

/// Scores the recognizer on documents already prepared by [`prepare`].
pub fn score_prepared(
    recognizer: &Recognizer,
    documents: &IobDocuments,
    prepared: &[TrainDocument],
) -> NerScores {
    let mut per_class: std::collections::BTreeMap<String, Counts> = Default::default();
    let mut errors = Vec::new();
    for (doc, prep) in documents.iter().zip(prepared) {
        let predicted: HashSet<(usize, usize, String)> = recognizer
            .recognize_document(prep.document())
            .into_iter()
            .map(|n| (n.tokens.start, n.tokens.end, n.class.to_string()))
            .collect();
        let mut offset = 0;
        let mut words: Vec<&str> = Vec::new();
        let mut gold: HashSet<(usize, usize, String)> = HashSet::new();
        for sentence in doc {
            for (s, e, c) in bio_spans(&sentence.labels) {
                gold.insert((s + offset, e + offset, c));
            }
            offset += sentence.words.len();
            words.extend(sentence.words.iter().map(String::as_str));
        }
        for span in gold.union(&predicted) {
            let counts = per_class.entry(span.2.clone()).or_default();
            let (in_gold, in_pred) = (gold.contains(span), predicted.contains(span));
            match (in_gold, in_pred) {
                (true, true) => counts.true_positives += 1,
                (true, false) => counts.false_negatives += 1,
                (false, true) => counts.false_positives += 1,
                (false, false) => {}
            }
            if in_gold != in_pred {
                let what = if in_gold { "missed" } else { "spurious" };
                let text = words[span.0..span.1].join(" ");
                errors.push(format!("{what} {} {text:?}", span.2));
            }
        }
    }
    errors.sort();
    let mut scores = NerScores {
        errors,
        ..NerScores::default()
    };
    for (class, counts) in per_class {
        if MAIN.contains(&class.as_str()) {
            scores.main.add(counts);
        }
        scores.all.add(counts);
        scores.per_class.push((class, counts));
    }
    scores
}

/// The report; the last line is `ner F1 0.xxxx` (PER/LOC/ORG).
pub fn render(scores: &NerScores, errors: usize) -> String {
    let mut rows: Vec<(&str, Counts)> = scores
        .per_class
        .iter()
        .map(|(c, counts)| (c.as_str(), *counts))
        .collect();
    rows.push(("PER+LOC+ORG", scores.main));
    rows.push(("all classes", scores.all));
    let mut out = table(&rows);
    for line in scores.errors.iter().take(errors) {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(out, "ner F1 {:.4}", scores.main.f1());
    out
}
