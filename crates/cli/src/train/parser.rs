//! `dateline train parser` (to be written with the parser).

use anyhow::{bail, Result};

use crate::args::TrainArgs;

/// Trains the parser.
pub fn run(_args: &TrainArgs) -> Result<()> {
    bail!("the parser trainer is not built yet")
}
