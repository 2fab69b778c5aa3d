//! The store's query commands: `events`, `quotes`, `search`, `show` and `export`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dateline_store::export::{export_gdelt, export_jsonl, export_plover, ExportSummary};
use dateline_store::{EventFilter, EventRow, QuoteFilter, QuoteRow, Store};
use serde::Serialize;

use crate::report;
use crate::store_args::{
    EventFilterArgs, EventsArgs, ExportArgs, ExportFormat, QuotesArgs, SearchArgs, ShowArgs,
    TableFormat,
};

impl EventFilterArgs {
    /// The store's filter.
    pub fn to_filter(&self) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            event_type: self.event_type.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            source: self.source.clone(),
            text: self.text.clone(),
            doc: None,
        }
    }
}

/// Runs `dateline events`.
pub fn run_events(args: &EventsArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let page = store.events(&args.filter.to_filter(), args.page.limit, args.page.offset)?;
    let more = if page.total_exact { "" } else { "+" };
    let footer = format!(
        "{}{more}",
        page_line(page.offset, page.items.len(), page.total)
    );
    print_rows(
        args.page.format,
        &EVENT_HEADER,
        &page.items,
        event_cells,
        &footer,
    )
}

const EVENT_HEADER: [&str; 10] = [
    "day", "type", "cameo", "source", "target", "trigger", "modality", "place", "doc", "event",
];

fn event_cells(event: &EventRow) -> Vec<String> {
    let actor = |actor: &Option<dateline_store::query::ActorRef>| match actor {
        Some(actor) => match &actor.code {
            Some(code) => format!("{} ({code})", actor.name),
            None => actor.name.clone(),
        },
        None => "-".to_string(),
    };
    vec![
        event.day.clone().unwrap_or_else(|| "-".into()),
        event.event_type.clone(),
        event.cameo.clone().unwrap_or_else(|| "-".into()),
        actor(&event.source),
        actor(&event.target),
        event.trigger.clone(),
        match event.polarity.as_str() {
            "negative" => format!("{} (negated)", event.modality),
            _ => event.modality.clone(),
        },
        event
            .place
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "-".into()),
        event.doc_id.chars().take(12).collect(),
        event.id.clone(),
    ]
}

/// Runs `dateline quotes`.
pub fn run_quotes(args: &QuotesArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let filter = QuoteFilter {
        speaker: args.speaker.clone(),
        text: args.text.clone(),
        doc: None,
        kind: args.kind.clone(),
    };
    let page = store.quotes(&filter, args.page.limit, args.page.offset)?;
    let header = ["speaker", "kind", "date", "quote", "doc", "id"];
    let cells = |q: &QuoteRow| {
        vec![
            q.speaker.clone().unwrap_or_else(|| "-".into()),
            q.kind.clone(),
            q.date.clone().unwrap_or_else(|| "-".into()),
            q.text.clone(),
            q.doc_id.chars().take(12).collect(),
            q.id.clone(),
        ]
    };
    let footer = page_line(page.offset, page.items.len(), page.total);
    print_rows(args.page.format, &header, &page.items, cells, &footer)
}

/// Runs `dateline search`.
pub fn run_search(args: &SearchArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let hits = store.search(&args.query.join(" "), args.page.limit)?;
    let header = ["kind", "doc", "quote", "title", "snippet"];
    let cells = |hit: &dateline_store::browse::SearchHit| {
        vec![
            hit.kind.to_string(),
            hit.doc_id.chars().take(12).collect(),
            hit.id.clone().unwrap_or_else(|| "-".into()),
            hit.title.clone().unwrap_or_else(|| "-".into()),
            hit.snippet.replace('\n', " "),
        ]
    };
    let footer = format!("{} hits", hits.len());
    print_rows(args.page.format, &header, &hits, cells, &footer)
}

/// Prints rows as JSON lines, CSV with a header, or an aligned table ending with `footer`.
fn print_rows<T: Serialize>(
    format: TableFormat,
    header: &[&str],
    items: &[T],
    cells: impl Fn(&T) -> Vec<String>,
    footer: &str,
) -> Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        TableFormat::Json => write_json_lines(&mut out, items)?,
        TableFormat::Csv => write_csv(&mut out, header, items.iter().map(cells))?,
        TableFormat::Table => {
            write_table(&mut out, header, items.iter().map(cells))?;
            writeln!(out, "{footer}")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `dateline show`.
pub fn run_show(args: &ShowArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let Some(document) = store.document(&args.id)? else {
        bail!("{}: no document {:?}", args.db.db.display(), args.id);
    };
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &document.analysis)?;
        writeln!(out)?;
    } else {
        let color = std::io::IsTerminal::is_terminal(&io::stdout())
            && std::env::var_os("NO_COLOR").is_none();
        out.write_all(report::render(&document.analysis, &document.origin, color).as_bytes())?;
        writeln!(
            out,
            "pipeline {}  store id {}",
            document.pipeline, document.id
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `dateline export`.
pub fn run_export(args: &ExportArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let filter = args.filter.to_filter();
    if args.format == ExportFormat::Parquet {
        let Some(path) = &args.out else {
            bail!("--format parquet needs --out FILE");
        };
        let summary = crate::parquet_export::export_parquet(&store, &filter, path)?;
        eprintln!("export: {} events → {}", summary.written, path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let summary: ExportSummary = match args.format {
        ExportFormat::Gdelt => export_gdelt(&store, &filter, &mut out)?,
        ExportFormat::Plover => export_plover(&store, &filter, &mut out)?,
        ExportFormat::Jsonl => export_jsonl(&store, &mut out)?,
        ExportFormat::Parquet => unreachable!("handled above"),
    };
    let mut line = format!("export: {} rows", summary.written);
    if summary.skipped > 0 {
        line.push_str(&format!(
            "; {} events left out: {}",
            summary.skipped, summary.skipped_why
        ));
    }
    if let Some(path) = &args.out {
        line.push_str(&format!(" → {}", path.display()));
    }
    eprintln!("{line}");
    Ok(ExitCode::SUCCESS)
}

fn write_json_lines<T: Serialize>(out: &mut dyn Write, items: &[T]) -> Result<()> {
    for item in items {
        serde_json::to_writer(&mut *out, item)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_csv(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}

/// Columns padded to their widest cell, each cell cut at 60 characters.
fn write_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<()> {
    const WIDEST: usize = 60;
    let cut = |cell: &str| -> String {
        let cell = cell.replace(['\n', '\t'], " ");
        if cell.chars().count() > WIDEST {
            let mut short: String = cell.chars().take(WIDEST - 1).collect();
            short.push('…');
            short
        } else {
            cell
        }
    };
    let rows: Vec<Vec<String>> = rows
        .map(|row| row.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        padded.join("  ").trim_end().to_string()
    };
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&header))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

fn page_line(offset: u64, shown: usize, total: u64) -> String {
    if shown == 0 {
        format!("0 of {total}")
    } else {
        format!("{}–{} of {total}", offset + 1, offset + shown as u64)
    }
}
