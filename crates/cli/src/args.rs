//! Command-line arguments (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Dateline turns news reports into structured, attributed event data.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze news documents and print the analysis.
    #[command(after_help = "Examples:\n  \
        dateline analyze examples/\n  \
        dateline analyze article.txt --date 2025-08-19 --source AFP --format json\n  \
        dateline analyze 'corpora/**/*.txt' --output out.jsonl\n  \
        curl -s https://… | dateline analyze - --input-format html")]
    Analyze(AnalyzeArgs),
    /// Score a component against gold data; the last line is `<component> F1 0.xxxx`.
    #[command(after_help = "Examples:\n  \
        dateline eval sbd\n  \
        dateline eval sbd --gold ../shared/data/ud/UD_English-GUM --doc-prefix GUM_news_ --errors 20")]
    Eval(EvalArgs),
    /// Train a model from UD treebanks and write it under data/models with its manifest entry.
    #[command(after_help = "Examples:\n  \
        dateline train tagger\n  \
        dateline train parser --epochs 15 --out data/models/parser.bin.gz")]
    Train(TrainArgs),
    /// Measure throughput (documents/s, MB/s) and peak memory over corpora.
    #[command(after_help = "Examples:\n  \
        dateline bench\n  \
        dateline bench ../shared/corpora/bbc --stage segment --repeat 5")]
    Bench(BenchArgs),
    /// Analyze documents into the store (a no-op for documents already there).
    #[command(after_help = "Examples:\n  \
        dateline ingest examples/ --db news.sqlite\n  \
        dateline ingest ../shared/corpora/bbc ../shared/corpora/press-releases-2021-2022")]
    Ingest(crate::store_args::IngestArgs),
    /// Analyze stored documents again with this build's pipeline.
    Reprocess(crate::store_args::ReprocessArgs),
    /// List stored events, filtered.
    #[command(after_help = "Examples:\n  \
        dateline events --actor Putin --type CONSULT\n  \
        dateline events --from 2025-08-01 --to 2025-08-31 --place Geneva --format csv")]
    Events(crate::store_args::EventsArgs),
    /// List stored quotes, filtered.
    Quotes(crate::store_args::QuotesArgs),
    /// Full-text search over stored texts and quotes.
    Search(crate::store_args::SearchArgs),
    /// Print one stored document's report.
    Show(crate::store_args::ShowArgs),
    /// Export the store: GDELT 2.0 rows, PLOVER JSON, the contract as JSONL, or Parquet.
    #[command(after_help = "Examples:\n  \
        dateline export --format gdelt --out events.tsv\n  \
        dateline export --format parquet --out events.parquet --type ASSAULT")]
    Export(crate::store_args::ExportArgs),
    /// Serve the HTTP API and the web UI over a store.
    Serve(crate::store_args::ServeArgs),
    /// Ingest the bundled examples into a fresh store and serve the UI.
    Demo(crate::store_args::DemoArgs),
}

/// Output formats of `analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable report (the default on a terminal).
    Text,
    /// One pretty-printed JSON object per document.
    Json,
    /// One JSON object per line (the default when piped or with --output).
    Jsonl,
}

/// When to colour the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Input options shared by `analyze` and `bench`.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Force the input format instead of detecting it: txt, html, jsonl, csv, feed, warc, sgml.
    #[arg(long, value_name = "FORMAT")]
    pub input_format: Option<String>,
    /// The CSV column that holds the article text (default: text, body, content, article, story).
    #[arg(long, value_name = "NAME")]
    pub text_column: Option<String>,
    /// Documents larger than this many bytes are reported and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_doc_bytes: usize,
}

/// `dateline analyze`.
#[derive(Debug, Clone, Args)]
pub struct AnalyzeArgs {
    /// Files, directories (recursive), globs, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// The reference date (YYYY-MM-DD or RFC 3339) for every document; overrides metadata.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The source or agency for every document ("AFP").
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Output format (default: text on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Include tokens in JSON output.
    #[arg(long)]
    pub tokens: bool,
    /// Colour the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// An extra knowledge-base file, added to the bundled KB (same formats as data/kb; the file
    /// name must start with countries, organizations, people or titles). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub kb: Vec<PathBuf>,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Components `eval` can score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Component {
    /// Sentence boundary detection.
    Sbd,
    /// Part-of-speech tags and lemmas (UPOS, XPOS, lemma accuracy) on CoNLL-U gold.
    Pos,
    /// Dependencies (UAS, LAS) on CoNLL-U gold.
    Deps,
    /// Named entities (P/R/F1 per class) on CoNLL-2003 or IOB2 gold (default: CoNLL-2003 dev).
    Ner,
    /// Actor coding (country, sector) on the NGEC actor-resolution gold.
    Actors,
    /// Quotes and speakers on PolNeAR attributions (default: its dev part).
    Quotes,
    /// Time expressions (spans, types, values) on TimeML with a DCT, scored as TempEval-3
    /// (default: TBAQ-cleaned).
    Time,
    /// Toponym recognition and geocoding on GeoVirus or GeoWebNews XML (default: GeoVirus).
    Geo,
    /// Event types and source actors on the PLOVER gold standard record.
    Events,
}

/// `dateline eval`.
#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// The component to score.
    #[arg(value_enum)]
    pub component: Component,
    /// Gold data (default: ../shared/data/sbd/english_golden_rules.jsonl for sbd).
    #[arg(long, value_name = "PATH")]
    pub gold: Option<PathBuf>,
    /// With CoNLL-U gold, only documents whose id starts with this (sbd default: GUM_news_;
    /// pos and deps: every document).
    #[arg(long, value_name = "PREFIX")]
    pub doc_prefix: Option<String>,
    /// List up to this many mistakes.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// For pos and deps: tokenize and split the gold sentences' text with Dateline's own
    /// segmenter instead of using the gold tokens, and align by character offsets.
    #[arg(long)]
    pub own_tokens: bool,
    /// For deps: parse with the gold POS tags instead of the tagger's (a diagnostic: the
    /// parser's ceiling when tagging is perfect).
    #[arg(long)]
    pub gold_tags: bool,
}

/// Models `train` can build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrainComponent {
    /// POS tagger (UPOS + XPOS) and the lemmatizer's lexicon.
    Tagger,
    /// Dependency parser and relation labeller.
    Parser,
    /// Named-entity recognizer (default data: CoNLL-2003 train, dev = CoNLL-2003 testa).
    Ner,
    /// Word clusters from unlabeled news (`--train` takes corpus paths; `--epochs` is the
    /// number of exchange iterations).
    Clusters,
    /// Attribution cues (`--train` takes a PolNeAR folder; default: its train part, dev = its
    /// dev part).
    Cues,
    /// Where reports end (`--train` takes a PolNeAR folder; default: its train part, dev = its
    /// dev part).
    Extent,
}

/// `dateline train`.
#[derive(Debug, Clone, Args)]
pub struct TrainArgs {
    /// What to train.
    #[arg(value_enum)]
    pub component: TrainComponent,
    /// Training CoNLL-U files (default: EWT train + GUM train under ../shared/data/ud).
    #[arg(long, value_name = "FILE")]
    pub train: Vec<PathBuf>,
    /// Development CoNLL-U file for reporting and early stopping (default: EWT dev).
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Where to write the model (default: data/models/<component>.bin.gz).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Seed for the shuffling between epochs (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Which part of the pipeline `bench` times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchStage {
    /// Segmentation and tokenization only.
    Segment,
    /// The whole pipeline.
    All,
}

/// `dateline bench`.
#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// Corpora to read (default: ../shared/corpora/bbc and the press-release CSVs).
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Time only this stage, or every stage.
    #[arg(long, value_enum, default_value_t = BenchStage::All)]
    pub stage: BenchStage,
    /// Passes over the corpus; the best pass is reported.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Input options.
    #[command(flatten)]
    pub input: InputArgs,
}
