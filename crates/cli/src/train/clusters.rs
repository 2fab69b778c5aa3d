//! `dateline train clusters`: induces word clusters ([`WordClusters`]) from unlabeled news — the
//! BBC corpus, the Reuters-21578 subset, the Kremlin and Ukrainian presidency releases — plus
//! the words of the NER and treebank *training* files (never dev or test). Tokenized with
//! Dateline's own segmenter; sentence breaks end bigrams.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::Result;
use dateline_core::Doc;
use dateline_ingest::{open, IngestConfig};
use dateline_nlp::clusters::{cluster_key, WordClusters};
use dateline_nlp::pipeline::Pipeline;

use super::manifest::{record, ModelEntry};
use crate::args::TrainArgs;
use crate::eval::conllu::read_sentences;
use crate::eval::iob::read_iob;
use crate::eval_cmd::shared_dir;
use crate::models::models_dir;

use crate::eval::ner::CLUSTERS_FILE;
/// Words rarer than this are not clustered.
const MIN_COUNT: u32 = 3;
const FINE: usize = 256;
const COARSE: usize = 48;

/// Induces the clusters and writes them.
pub fn run(args: &TrainArgs) -> Result<()> {
    let started = Instant::now();
    let shared = shared_dir();
    let corpora: Vec<String> = if args.train.is_empty() {
        let mut corpora = crate::eval_cmd::news_corpora();
        corpora.push(
            shared
                .join("corpora/reuters21578-subset/reut2-*.sgm")
                .display()
                .to_string(),
        );
        corpora
    } else {
        args.train.iter().map(|p| p.display().to_string()).collect()
    };
    let mut corpus: Vec<Option<String>> = Vec::new();
    let pipeline = Pipeline::segment_only();
    let mut documents = open(&corpora, &IngestConfig::default());
    for doc in documents.by_ref().filter_map(Result::ok) {
        let mut doc: Doc = doc;
        pipeline.run(&mut doc);
        let a = doc.annotations();
        for sentence in &a.sentences {
            for token in &a.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize] {
                corpus.push(Some(cluster_key(doc.slice(token.span))));
            }
            corpus.push(None);
        }
    }
    eprintln!("news: {} tokens ({})", corpus.len(), documents.summary());
    let mut sources: Vec<std::path::PathBuf> =
        corpora.iter().map(std::path::PathBuf::from).collect();
    if args.train.is_empty() {
        let conll = shared.join("data/ner/conll2003/train.txt");
        for doc in read_iob(&conll)? {
            for sentence in doc {
                corpus.extend(sentence.words.iter().map(|w| Some(cluster_key(w))));
                corpus.push(None);
            }
        }
        let ud = shared.join("data/ud");
        let treebanks = [
            ud.join("UD_English-EWT/en_ewt-ud-train.conllu"),
            ud.join("UD_English-GUM/en_gum-train-from-amir-zeldes-gum-dep.conllu"),
        ];
        for path in &treebanks {
            for sentence in read_sentences(path)? {
                corpus.extend(sentence.tokens.iter().map(|t| Some(cluster_key(&t.form))));
                corpus.push(None);
            }
        }
        sources.push(conll.clone());
        sources.extend(treebanks.iter().cloned());
    }
    let tokens = corpus.iter().flatten().count();
    eprintln!(
        "clustering {tokens} tokens ({:.0} s)",
        started.elapsed().as_secs_f64()
    );
    let iterations = args.epochs.unwrap_or(6);
    let clusters = WordClusters::induce(&corpus, MIN_COUNT, FINE, COARSE, iterations);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| models_dir().join(CLUSTERS_FILE));
    super::tagger::write_file(&out, &clusters.to_bytes()?)?;
    println!(
        "wrote {} ({} words, {FINE} and {COARSE} classes, {iterations} iterations; {:.0} s)",
        out.display(),
        clusters.len(),
        started.elapsed().as_secs_f64()
    );
    let notes = BTreeMap::from([
        ("words".to_string(), clusters.len().to_string()),
        ("corpus_tokens".to_string(), tokens.to_string()),
        ("min_count".to_string(), MIN_COUNT.to_string()),
        (
            "classes".to_string(),
            format!("{FINE} fine, {COARSE} coarse"),
        ),
        ("iterations".to_string(), iterations.to_string()),
        (
            "algorithm".to_string(),
            "exchange (two-sided class bigram likelihood)".to_string(),
        ),
    ]);
    record(
        &out,
        ModelEntry::trained_now("clusters/tsv-v1", &sources, None, BTreeMap::new(), notes),
    )?;
    Ok(())
}
