//! `dateline analyze`: ingest → pipeline → report or JSON, one document at a time.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use dateline_core::schema::{Analysis, OutputOptions};
use dateline_core::{Doc, Published, PublishedFrom};
use dateline_ingest::{open, IngestConfig};
use dateline_nlp::kb::Kb;
use dateline_nlp::pipeline::Pipeline;
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::{AnalyzeArgs, ColorChoice, InputArgs, OutputFormat};
use crate::report;

/// What `--date` and `--source` impose on every document.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Reference date.
    pub date: Option<Published>,
    /// Source or agency.
    pub source: Option<String>,
}

impl Overrides {
    /// The overrides of `--date` and `--source`, checking the date.
    pub fn parse(date: Option<&str>, source: Option<&str>) -> Result<Overrides> {
        let date = match date {
            Some(text) => Some(Published::parse(text).with_context(|| {
                format!("--date {text:?}: expected YYYY-MM-DD or an RFC 3339 date-time")
            })?),
            None => None,
        };
        Ok(Overrides {
            date,
            source: source.map(str::to_string),
        })
    }

    /// Applies the overrides to one document's metadata.
    pub fn apply(&self, doc: &mut Doc) {
        let meta = doc.meta_mut();
        if let Some(date) = self.date {
            meta.offer_published(date, PublishedFrom::Option);
        }
        if let Some(source) = &self.source {
            meta.source = Some(source.clone());
        }
    }
}

/// Builds the ingest configuration from the command line.
pub fn ingest_config(input: &InputArgs) -> Result<IngestConfig> {
    let format = match &input.input_format {
        Some(name) => Some(
            name.parse()
                .map_err(|e| anyhow::anyhow!("--input-format {name}: {e}"))?,
        ),
        None => None,
    };
    Ok(IngestConfig {
        max_doc_bytes: input.max_doc_bytes,
        text_column: input.text_column.clone(),
        format,
    })
}

/// Runs `dateline analyze`.
pub fn run(args: &AnalyzeArgs) -> Result<ExitCode> {
    let overrides = Overrides::parse(args.date.as_deref(), args.source.as_deref())?;
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if io::stdin().is_terminal() {
            bail!("no input: give files, directories or globs, or `-` for standard input");
        }
        paths.push("-".to_string());
    }
    let config = ingest_config(&args.input)?;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let format = args.format.unwrap_or(if to_terminal {
        OutputFormat::Text
    } else {
        OutputFormat::Jsonl
    });
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let pipeline = pipeline_with_kb(&args.kb)?;
    let progress = progress_bar(&paths);
    let mut documents = open(&paths, &config);
    let mut failed = 0usize;
    for item in documents.by_ref() {
        let mut doc = match item {
            Ok(doc) => doc,
            Err(error) => {
                failed += 1;
                progress.suspend(|| eprintln!("error: {error}"));
                continue;
            }
        };
        overrides.apply(&mut doc);
        pipeline.run(&mut doc);
        let analysis = Analysis::from_doc(
            &doc,
            OutputOptions {
                tokens: args.tokens,
            },
        );
        write_one(&mut out, &doc, &analysis, format, color)?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    out.flush().context("writing output")?;
    let summary = documents.summary();
    if !progress.is_hidden() || failed > 0 {
        eprintln!("{summary}");
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_one(
    out: &mut dyn Write,
    doc: &Doc,
    analysis: &Analysis,
    format: OutputFormat,
    color: bool,
) -> Result<()> {
    match format {
        OutputFormat::Text => out.write_all(
            report::render(analysis, &doc.meta().origin.to_string(), color).as_bytes(),
        )?,
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, analysis)?;
            out.write_all(b"\n")?;
        }
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, analysis)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// A spinner with documents/s on stderr, hidden when stderr is not a terminal or when a single
/// file is analyzed.
fn progress_bar(paths: &[String]) -> ProgressBar {
    let single_file = paths.len() == 1 && std::path::Path::new(&paths[0]).is_file();
    if single_file {
        return ProgressBar::hidden();
    }
    documents_spinner()
}

/// A spinner counting documents with their rate, on standard error when it is a terminal.
pub fn documents_spinner() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {elapsed}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// The pipeline, with the user's KB files added to the bundled ones. A bad file is an error
/// naming the file and line; nothing is analyzed with a half-read KB.
pub fn pipeline_with_kb(files: &[std::path::PathBuf]) -> Result<Pipeline> {
    if files.is_empty() {
        return Ok(Pipeline::new());
    }
    let mut sources = Kb::bundled_sources();
    for path in files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read KB file", path.display()))?;
        sources.push((path.display().to_string(), text));
    }
    let kb = Kb::from_sources(&sources)?;
    // One KB per process, shared by every document: leaking it gives the pipeline its
    // `'static` borrow without reference counting on the hot path.
    Ok(Pipeline::new().with_kb(Box::leak(Box::new(kb))))
}
