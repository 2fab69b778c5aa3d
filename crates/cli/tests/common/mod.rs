//! Helpers shared by the CLI integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the workspace, when it is there.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

/// Runs the `dateline` binary from the workspace root.
pub fn dateline(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dateline"));
    command
        .args(args)
        .current_dir(workspace())
        .env("NO_COLOR", "1");
    if let Some(shared) = shared() {
        command.env("DATELINE_SHARED", shared);
    }
    command.output().expect("the dateline binary runs")
}

/// The reference article analyzed as JSON with its date and source, when `../shared` is there.
pub fn analyze_seed() -> Option<serde_json::Value> {
    let seed = shared()?.join("seed/article.txt");
    let output = dateline(&[
        "analyze",
        seed.to_str()?,
        "--date",
        "2025-08-19",
        "--source",
        "AFP",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    Some(serde_json::from_str(&stdout(&output)).expect("analysis JSON"))
}

/// Standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs the `dateline` binary with `input` on standard input.
pub fn dateline_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(workspace())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(input.as_bytes())
            .expect("stdin accepts the input");
    }
    child
        .wait_with_output()
        .expect("the dateline binary finishes")
}
