//! `dateline train tagger` (to be written with the tagger).

use anyhow::{bail, Result};

use crate::args::TrainArgs;

/// Trains the tagger.
pub fn run(_args: &TrainArgs) -> Result<()> {
    bail!("the tagger trainer is not built yet")
}
