//! `dateline eval pos` (to be written with its model).

use anyhow::{bail, Result};

use crate::args::EvalArgs;

/// Runs the evaluation.
pub fn run(_args: &EvalArgs) -> Result<()> {
    bail!("eval pos is not built yet")
}
