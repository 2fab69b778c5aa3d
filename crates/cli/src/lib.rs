//! The `dateline` command-line tool: argument definitions and the subcommands `analyze`, `eval`
//! `train` and `bench`. This crate is the edge: it does the IO, uses `anyhow`, and is the only place that
//! knows about terminals, colours and progress bars.

pub mod analyze;
pub mod args;
pub mod bench;
pub mod eval;
pub mod eval_cmd;
pub mod models;
pub mod report;
pub mod rss;
pub mod train;
