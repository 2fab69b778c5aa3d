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
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
