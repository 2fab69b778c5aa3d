//! `dateline eval`: locate gold data and run a component's scorer.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::args::{Component, EvalArgs};
use crate::eval::sbd;

/// Where `../shared` is: `$DATELINE_SHARED`, else `../shared` beside the current directory.
pub fn shared_dir() -> PathBuf {
    std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"))
}

/// The unlabeled news corpora under `../shared` that `bench` times and `train clusters` reads:
/// the BBC corpus and the Kremlin and Ukrainian presidency releases.
pub fn news_corpora() -> Vec<String> {
    let shared = shared_dir();
    ["corpora/bbc", "corpora/press-releases-2021-2022"]
        .iter()
        .map(|p| shared.join(p).display().to_string())
        .collect()
}

/// Runs `dateline eval`.
pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    match args.component {
        Component::Sbd => {
            let gold = args
                .gold
                .clone()
                .unwrap_or_else(|| shared_dir().join("data/sbd/english_golden_rules.jsonl"));
            let cases = sbd::load_gold(&gold, args.doc_prefix.as_deref().unwrap_or("GUM_news_"))
                .with_context(|| format!("loading gold data from {}", gold.display()))?;
            let report = sbd::evaluate(&cases);
            print!("{}", sbd::render(&report, args.errors));
        }
        Component::Pos => crate::eval::pos::run(args)?,
        Component::Deps => crate::eval::deps::run(args)?,
        Component::Ner => crate::eval::ner::run(args)?,
        Component::Actors => crate::eval::actors::run(args)?,
        Component::Quotes => crate::eval::quotes::run(args)?,
        Component::Time => crate::eval::time::run(args)?,
        Component::Geo => crate::eval::geo::run(args)?,
        Component::Events => crate::eval::events::run(args)?,
    }
    Ok(ExitCode::SUCCESS)
}
