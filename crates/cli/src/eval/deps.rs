//! `dateline eval deps` (to be written with its model).

use anyhow::{bail, Result};

use crate::args::EvalArgs;

/// Runs the evaluation.
pub fn run(_args: &EvalArgs) -> Result<()> {
    bail!("eval deps is not built yet")
}
