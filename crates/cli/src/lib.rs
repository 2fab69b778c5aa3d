//! The `dateline` command-line tool: argument definitions and the subcommands `analyze`, `eval`,
//! `train`, `bench`, and the store commands `ingest`, `reprocess`, `events`, `quotes`, `search`,
//! `show`, `export`, `serve` and `demo`. This crate is the edge: it does the IO, uses `anyhow`, and is the only place that
//! knows about terminals, colours and progress bars.

pub mod analyze;
pub mod args;
pub mod bench;
pub mod eval;
pub mod eval_cmd;
pub mod ingest_cmd;
pub mod models;
pub mod parquet_export;
pub mod query_cmd;
pub mod report;
pub mod rss;
pub mod serve_cmd;
pub mod store_args;
pub mod train;
