//! Arguments of the store commands: ingest, reprocess, events, quotes, search, show, export,
//! serve and demo.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::args::InputArgs;

/// Where the store is.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// The store (an SQLite file; created by `ingest`).
    #[arg(
        long,
        value_name = "FILE",
        env = "DATELINE_DB",
        default_value = "dateline.sqlite"
    )]
    pub db: PathBuf,
}

/// `dateline ingest`.
#[derive(Debug, Clone, Args)]
pub struct IngestArgs {
    /// Files, directories (recursive), globs, or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// The reference date (YYYY-MM-DD or RFC 3339) for every document; overrides metadata.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The source or agency for every document ("AFP").
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// An extra knowledge-base file, added to the bundled KB. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub kb: Vec<PathBuf>,
    /// Analysis threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub batch: usize,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `dateline reprocess`.
#[derive(Debug, Clone, Args)]
pub struct ReprocessArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Analyze every document again, not only those analyzed by another pipeline version.
    #[arg(long)]
    pub all: bool,
    /// An extra knowledge-base file, added to the bundled KB. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub kb: Vec<PathBuf>,
    /// Analysis threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// Output formats of the query commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for reading.
    Table,
    /// One JSON object per line.
    Json,
    /// CSV with a header.
    Csv,
}

/// Paging of the query commands.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    /// At most this many rows.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: u32,
    /// Skip this many rows.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

/// Event filters, shared by `events` and `export`.
#[derive(Debug, Clone, Args)]
pub struct EventFilterArgs {
    /// Words of an actor's name ("Putin"), its code ("RUSGOV") or country ("UKR"); all must match.
    #[arg(long, value_name = "NAME|CODE")]
    pub actor: Option<String>,
    /// PLOVER event type (CONSULT, ASSAULT, …).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Words of the place name, or its country code.
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,
    /// Words of the document's source ("AFP", "BBC").
    #[arg(long, value_name = "SOURCE")]
    pub source: Option<String>,
    /// Words in the event's sentence.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
}

/// `dateline events`.
#[derive(Debug, Clone, Args)]
pub struct EventsArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Filters.
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// Paging and format.
    #[command(flatten)]
    pub page: PageArgs,
}

/// `dateline quotes`.
#[derive(Debug, Clone, Args)]
pub struct QuotesArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Words of the speaker's name.
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Words in the quote.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// direct, partial or indirect.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Paging and format.
    #[command(flatten)]
    pub page: PageArgs,
}

/// `dateline search`.
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Words to find in texts and quotes (all must occur).
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Paging and format.
    #[command(flatten)]
    pub page: PageArgs,
}

/// `dateline show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Document id, or a unique prefix of at least 6 characters.
    #[arg(value_name = "DOC_ID")]
    pub id: String,
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Print the analysis JSON instead of the report.
    #[arg(long)]
    pub json: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GDELT 2.0 event table (61 tab-separated columns, no header).
    Gdelt,
    /// PLOVER JSON, one event per line.
    Plover,
    /// The analysis contract, one document per line.
    Jsonl,
    /// Events as a Parquet file (for pandas, DuckDB, Spark).
    Parquet,
}

/// `dateline export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write here instead of standard output (required for parquet).
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Filters (events only).
    #[command(flatten)]
    pub filter: EventFilterArgs,
}

/// `dateline serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The store.
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on. Loopback by default; bind 0.0.0.0 only behind a proxy you trust.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Token that allows writes (POST /api/documents); without one, the API is read-only.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "DATELINE_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
}

/// `dateline demo`.
#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Documents to ingest (default: the bundled examples).
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// The store to create (default: a fresh file in the temporary directory).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}
