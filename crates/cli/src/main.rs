//! The `dateline` command. Parses arguments and hands each subcommand to the library.

use std::process::ExitCode;

use clap::Parser;
use dateline_cli::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => dateline_cli::analyze::run(&args),
        Command::Eval(args) => dateline_cli::eval_cmd::run(&args),
        Command::Train(args) => dateline_cli::train::run(&args),
        Command::Bench(args) => dateline_cli::bench::run(&args),
        Command::Ingest(args) => dateline_cli::ingest_cmd::run_ingest(&args),
        Command::Reprocess(args) => dateline_cli::ingest_cmd::run_reprocess(&args),
        Command::Events(args) => dateline_cli::query_cmd::run_events(&args),
        Command::Quotes(args) => dateline_cli::query_cmd::run_quotes(&args),
        Command::Search(args) => dateline_cli::query_cmd::run_search(&args),
        Command::Show(args) => dateline_cli::query_cmd::run_show(&args),
        Command::Export(args) => dateline_cli::query_cmd::run_export(&args),
        Command::Serve(args) => dateline_cli::serve_cmd::run_serve(&args),
        Command::Demo(args) => dateline_cli::serve_cmd::run_demo(&args),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            Some(io.kind())
        } else if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            json.io_error_kind()
        } else {
            None
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
