//! `dateline ingest` and `dateline reprocess`: documents are read on one thread, analyzed on
//! several, and written by one (SQLite has one writer), in batched transactions. A document
//! already in the store is recognized by its text's hash before analysis, so running the same
//! command again costs only reading and hashing.

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dateline_core::schema::{Analysis, OutputOptions};
use dateline_core::{content_id, Doc, DocMeta, Published, PublishedFrom};
use dateline_ingest::{from_text, open, IngestConfig, Location};
use dateline_nlp::pipeline::Pipeline;
use dateline_store::{NewDocument, Store, StoredText, WriteOutcome};
use indicatif::ProgressBar;

use crate::analyze::{documents_spinner, ingest_config, pipeline_with_kb, Overrides};
use crate::store_args::{IngestArgs, ReprocessArgs};

/// A document ready for analysis, with its store key.
struct Pending {
    id: String,
    doc: Doc,
}

/// What a worker hands the writer.
enum Analyzed {
    Done(Box<NewDocument>),
    Failed(String),
}

/// The counts a run reports.
#[derive(Debug, Default)]
struct Tally {
    inserted: u64,
    replaced: u64,
    already: u64,
    failed: u64,
    events: u64,
    quotes: u64,
}

/// Runs `dateline ingest`.
pub fn run_ingest(args: &IngestArgs) -> Result<ExitCode> {
    let overrides = Overrides::parse(args.date.as_deref(), args.source.as_deref())?;
    let config = ingest_config(&args.input)?;
    let mut store = Store::open(&args.db.db)?;
    let stored: HashSet<String> = store.stored_versions()?.into_keys().collect();
    let version = pipeline_version(&args.kb)?;
    let already = AtomicU64::new(0);
    let progress = documents_spinner();
    let started = Instant::now();
    let (work_tx, work_rx) = sync_channel::<Pending>(64);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<Analyzed>(64);
    let pipeline = LazyPipeline::new(&args.kb);
    let tally = std::thread::scope(|scope| -> Result<Tally> {
        let reader_done = done_tx.clone();
        let (already, progress_ref) = (&already, &progress);
        let paths = args.paths.clone();
        scope.spawn(move || {
            let mut seen = HashSet::new();
            for item in open(&paths, &config) {
                match item {
                    Ok(mut doc) => {
                        overrides.apply(&mut doc);
                        // The store key is the text's hash: already the id unless the input
                        // gave one.
                        let id = match doc.meta().id {
                            None => doc.id().to_string(),
                            Some(_) => content_id(doc.text()),
                        };
                        if stored.contains(&id) || !seen.insert(id.clone()) {
                            already.fetch_add(1, Ordering::Relaxed);
                            progress_ref.inc(1);
                            continue;
                        }
                        if work_tx.send(Pending { id, doc }).is_err() {
                            return;
                        }
                    }
                    Err(error) => {
                        let _ = reader_done.send(Analyzed::Failed(error.to_string()));
                    }
                }
            }
        });
        spawn_workers(scope, args.jobs, &work_rx, &done_tx, &pipeline, &version);
        drop(done_tx);
        write_all(&mut store, done_rx, args.batch.max(1), false, &progress)
    })?;
    let mut tally = tally;
    tally.already += already.load(Ordering::Relaxed);
    progress.finish_and_clear();
    report(&tally, started.elapsed(), "ingest", &args.db.db);
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `dateline reprocess`.
pub fn run_reprocess(args: &ReprocessArgs) -> Result<ExitCode> {
    let mut store = Store::open(&args.db.db)?;
    let version = pipeline_version(&args.kb)?;
    let stale = store.stale_documents(&version, args.all)?;
    let progress = documents_spinner();
    let started = Instant::now();
    if stale.is_empty() {
        eprintln!(
            "{}: every document is already analyzed by pipeline {version}",
            args.db.db.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (work_tx, work_rx) = sync_channel::<Pending>(64);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<Analyzed>(64);
    let pipeline = LazyPipeline::new(&args.kb);
    let config = IngestConfig::default();
    let tally = std::thread::scope(|scope| -> Result<Tally> {
        let reader_done = done_tx.clone();
        scope.spawn(move || {
            for stored in stale {
                match rebuild(stored, &config) {
                    Ok(pending) => {
                        if work_tx.send(pending).is_err() {
                            return;
                        }
                    }
                    Err(message) => {
                        let _ = reader_done.send(Analyzed::Failed(message));
                    }
                }
            }
        });
        spawn_workers(scope, args.jobs, &work_rx, &done_tx, &pipeline, &version);
        drop(done_tx);
        write_all(&mut store, done_rx, 32, true, &progress)
    })?;
    progress.finish_and_clear();
    report(&tally, started.elapsed(), "reprocess", &args.db.db);
    Ok(if tally.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The pipeline version written with each analysis: the build's, plus the user's KB files.
pub fn pipeline_version(kb: &[std::path::PathBuf]) -> Result<String> {
    let mut version = dateline_nlp::PIPELINE_VERSION.to_string();
    if !kb.is_empty() {
        let mut text = String::new();
        for path in kb {
            text.push_str(
                &std::fs::read_to_string(path)
                    .with_context(|| format!("{}: cannot read KB file", path.display()))?,
            );
        }
        version.push_str("+kb");
        version.push_str(&content_id(&text)[..12]);
    }
    Ok(version)
}

/// The pipeline, built on first use: a run that finds nothing new never decodes the models.
struct LazyPipeline<'a> {
    kb: &'a [std::path::PathBuf],
    cell: OnceLock<Result<Pipeline, String>>,
}

impl<'a> LazyPipeline<'a> {
    fn new(kb: &'a [std::path::PathBuf]) -> LazyPipeline<'a> {
        LazyPipeline {
            kb,
            cell: OnceLock::new(),
        }
    }

    fn get(&self) -> Result<&Pipeline, String> {
        self.cell
            .get_or_init(|| pipeline_with_kb(self.kb).map_err(|e| format!("{e:#}")))
            .as_ref()
            .map_err(Clone::clone)
    }
}

fn spawn_workers<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    jobs: Option<usize>,
    work: &'env Mutex<Receiver<Pending>>,
    done: &SyncSender<Analyzed>,
    pipeline: &'env LazyPipeline<'env>,
    version: &'env str,
) {
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .clamp(1, 64);
    for _ in 0..jobs {
        let done = done.clone();
        scope.spawn(move || loop {
            // The lock is held only to take the next document, not while analyzing it.
            let next = work.lock().unwrap_or_else(|p| p.into_inner()).recv();
            let Ok(Pending { id, mut doc }) = next else {
                return;
            };
            let message = match pipeline.get() {
                Ok(pipeline) => {
                    pipeline.run(&mut doc);
                    let analysis = Analysis::from_doc(&doc, OutputOptions { tokens: false });
                    Analyzed::Done(Box::new(NewDocument {
                        id,
                        origin: doc.meta().origin.to_string(),
                        analysis,
                        pipeline: version.to_string(),
                    }))
                }
                Err(error) => Analyzed::Failed(format!("{}: {error}", doc.meta().origin)),
            };
            if done.send(message).is_err() {
                return;
            }
        });
    }
}

/// Writes analyses as they come, in transactions of up to `batch` documents or one second's
/// worth, whichever is first, so that progress is durable and a kill loses little.
fn write_all(
    store: &mut Store,
    done: Receiver<Analyzed>,
    batch: usize,
    replace: bool,
    progress: &ProgressBar,
) -> Result<Tally> {
    let mut tally = Tally::default();
    let mut pending: Vec<NewDocument> = Vec::with_capacity(batch);
    let mut last_flush = Instant::now();
    loop {
        let message = done.recv_timeout(Duration::from_millis(250));
        let finished = matches!(message, Err(RecvTimeoutError::Disconnected));
        match message {
            Ok(Analyzed::Done(document)) => pending.push(*document),
            Ok(Analyzed::Failed(error)) => {
                tally.failed += 1;
                progress.suspend(|| eprintln!("error: {error}"));
                progress.inc(1);
            }
            Err(_) => {}
        }
        let due = pending.len() >= batch || last_flush.elapsed() >= Duration::from_secs(1);
        if !pending.is_empty() && (due || finished) {
            let outcomes = store.write_batch(&pending, replace)?;
            for (document, outcome) in pending.iter().zip(outcomes) {
                match outcome {
                    WriteOutcome::Inserted => tally.inserted += 1,
                    WriteOutcome::Replaced => tally.replaced += 1,
                    WriteOutcome::AlreadyStored => tally.already += 1,
                }
                tally.events += document.analysis.events.len() as u64;
                tally.quotes += document.analysis.quotes.len() as u64;
            }
            progress.inc(pending.len() as u64);
            pending.clear();
            last_flush = Instant::now();
        }
        if finished {
            return Ok(tally);
        }
    }
}

/// A stored document as a [`Doc`] to analyze again, with the metadata it was stored with.
fn rebuild(stored: StoredText, config: &IngestConfig) -> Result<Pending, String> {
    let mut meta = DocMeta {
        id: stored.input_id.clone(),
        title: stored.title,
        source: stored.source,
        url: stored.url,
        ..DocMeta::default()
    };
    // A date read from the dateline is found again from the text; others are kept.
    let from = match stored.published_from.as_deref() {
        Some("metadata") => Some(PublishedFrom::Metadata),
        Some("option") => Some(PublishedFrom::Option),
        _ => None,
    };
    if let (Some(from), Some(published)) = (from, stored.published.as_deref()) {
        if let Some(published) = Published::parse(published) {
            meta.offer_published(published, from);
        }
    }
    let origin = stored.origin.clone();
    let doc = from_text(stored.text, meta, Location::file(origin.clone()), config)
        .map_err(|error| format!("{origin} (stored as {}): {error}", stored.id))?;
    Ok(Pending { id: stored.id, doc })
}

fn report(tally: &Tally, elapsed: Duration, verb: &str, db: &Path) {
    let seen = tally.inserted + tally.replaced + tally.already + tally.failed;
    let seconds = elapsed.as_secs_f64().max(1e-9);
    let mut line = format!(
        "{verb}: {} new, {} reanalyzed, {} already stored, {} failed ({} events, {} quotes written) in {:.2} s, {:.1} documents/s",
        tally.inserted,
        tally.replaced,
        tally.already,
        tally.failed,
        tally.events,
        tally.quotes,
        seconds,
        seen as f64 / seconds
    );
    line.push_str(&format!(" → {}", db.display()));
    eprintln!("{line}");
}
