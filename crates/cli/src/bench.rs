//! `dateline bench`: throughput and peak memory of the pipeline over real corpora.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use dateline_core::Doc;
use dateline_ingest::open;
use dateline_nlp::pipeline::Pipeline;
use dateline_nlp::segment::segment_text;

use crate::analyze::ingest_config;
use crate::args::{BenchArgs, BenchStage};
use crate::rss::peak_rss_bytes;

/// Runs `dateline bench`.
pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        crate::eval_cmd::news_corpora()
    } else {
        args.paths.clone()
    };
    let config = ingest_config(&args.input)?;
    let started = Instant::now();
    let mut documents = open(&paths, &config);
    let docs: Vec<Doc> = documents.by_ref().filter_map(Result::ok).collect();
    let ingest_time = started.elapsed();
    if docs.is_empty() {
        bail!("no documents read from {}", paths.join(", "));
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    println!("corpus: {} ({})", paths.join(" "), documents.summary());
    println!(
        "text: {} documents, {:.2} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    line(
        "ingest (read + parse + extract)",
        docs.len(),
        bytes,
        ingest_time,
    );
    let repeat = args.repeat.max(1);
    let segment_time = best_of(repeat, || {
        let mut tokens = 0usize;
        for doc in &docs {
            tokens += segment_text(doc.text()).tokens.len();
        }
        tokens
    });
    line("segment + tokenize", docs.len(), bytes, segment_time);
    if args.stage == BenchStage::All {
        stage_lines(&docs, repeat)?;
        let pipeline = Pipeline::new();
        let pipeline_time = best_of(repeat, || {
            let mut sentences = 0usize;
            for doc in &docs {
                let mut doc = doc.clone();
                pipeline.run(&mut doc);
                sentences += doc.annotations().sentences.len();
            }
            sentences
        });
        line("full pipeline", docs.len(), bytes, pipeline_time);
    }
    match peak_rss_bytes() {
        Some(rss) => println!("peak RSS: {:.1} MiB", rss as f64 / (1024.0 * 1024.0)),
        None => println!("peak RSS: unavailable on this platform"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Model load time, then tagging, lemmatization and parsing each timed alone over segmented
/// documents, in tokens/s.
fn stage_lines(docs: &[Doc], repeat: usize) -> Result<()> {
    let started = Instant::now();
    let models = dateline_nlp::models::bundled()
        .map_err(|e| anyhow::anyhow!("loading the bundled models: {e}"))?;
    println!(
        "model load (tagger, lemmatizer, parser, recognizer, cues, extents)  {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let mut segmented: Vec<Doc> = docs.to_vec();
    for doc in &mut segmented {
        dateline_nlp::segment::segment(doc);
    }
    let tokens: usize = segmented.iter().map(|d| d.annotations().tokens.len()).sum();
    let tag_time = best_of(repeat, || {
        for doc in &mut segmented {
            models.tagger.tag(doc);
        }
        tokens
    });
    token_line("tag (UPOS + XPOS)", tokens, tag_time);
    let lemma_time = best_of(repeat, || {
        for doc in &mut segmented {
            models.lemmatizer.lemmatize(doc);
        }
        tokens
    });
    token_line("lemmatize", tokens, lemma_time);
    let parse_time = best_of(repeat, || {
        for doc in &mut segmented {
            models.parser.parse(doc);
        }
        tokens
    });
    token_line("parse (heads + relations)", tokens, parse_time);
    let started = Instant::now();
    let kb = dateline_nlp::kb::Kb::bundled()
        .map_err(|e| anyhow::anyhow!("loading the bundled KB: {e}"))?;
    println!(
        "KB load ({} name forms)  {:.1} ms",
        kb.name_forms(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let started = Instant::now();
    let gazetteer = dateline_nlp::gazetteer::Gazetteer::bundled()
        .map_err(|e| anyhow::anyhow!("loading the gazetteer: {e}"))?;
    println!(
        "gazetteer load ({} places, {} names)  {:.1} ms",
        gazetteer.entries().len(),
        gazetteer.name_count(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let ner_time = best_of(repeat, || {
        for doc in &mut segmented {
            models.ner.recognize(doc, kb, Some(gazetteer));
        }
        tokens
    });
    token_line(
        "names (recognizer + KB and place gazetteers)",
        tokens,
        ner_time,
    );
    let entity_time = best_of(repeat, || {
        for doc in &mut segmented {
            dateline_nlp::entities::resolve(doc, kb, Some(gazetteer));
        }
        tokens
    });
    token_line("entities (KB, roles, coref, codes)", tokens, entity_time);
    token_line("names + entities together", tokens, ner_time + entity_time);
    let quote_time = best_of(repeat, || {
        for doc in &mut segmented {
            dateline_nlp::quotes::extract(doc, Some(&models.cues), Some(&models.extent));
        }
        tokens
    });
    token_line("quotes (given parses and entities)", tokens, quote_time);
    let time_time = best_of(repeat, || {
        for doc in &mut segmented {
            dateline_nlp::time::extract(doc);
        }
        tokens
    });
    token_line("times (recognize + normalize)", tokens, time_time);
    let place_time = best_of(repeat, || {
        for doc in &mut segmented {
            dateline_nlp::places::extract(doc, gazetteer);
        }
        tokens
    });
    token_line("places (recognize + resolve)", tokens, place_time);
    let lexicon = dateline_nlp::events::lexicon::Lexicon::bundled()
        .map_err(|e| anyhow::anyhow!("loading the event lexicon: {e}"))?;
    let event_time = best_of(repeat, || {
        for doc in &mut segmented {
            dateline_nlp::events::extract(doc, lexicon);
        }
        tokens
    });
    token_line("events (given the earlier stages)", tokens, event_time);
    Ok(())
}

fn token_line(name: &str, tokens: usize, time: Duration) {
    let seconds = time.as_secs_f64().max(1e-9);
    println!(
        "{name:<34} {:>10.0} tokens/s ({tokens} tokens, {seconds:.3} s)",
        tokens as f64 / seconds
    );
}

/// The fastest of `repeat` passes; the work's result is kept alive so it is not optimized away.
fn best_of(repeat: usize, mut pass: impl FnMut() -> usize) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..repeat {
        let started = Instant::now();
        std::hint::black_box(pass());
        best = best.min(started.elapsed());
    }
    best
}

fn line(name: &str, docs: usize, bytes: usize, time: Duration) {
    let seconds = time.as_secs_f64().max(1e-9);
    println!(
        "{name:<34} {:>10.1} docs/s {:>9.2} MB/s  ({:.3} s)",
        docs as f64 / seconds,
        bytes as f64 / 1e6 / seconds,
        seconds
    );
}
