//! `dateline serve` and `dateline demo`.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dateline_server::{serve, ServerConfig};

use crate::ingest_cmd::{pipeline_version, run_ingest};
use crate::store_args::{DbArgs, DemoArgs, IngestArgs, ServeArgs};

/// Runs `dateline serve`.
pub fn run_serve(args: &ServeArgs) -> Result<ExitCode> {
    let bind = resolve(&args.bind)?;
    if !bind.ip().is_loopback() {
        eprintln!(
            "warning: serving on {bind}, reachable from other machines{}",
            if args.token.is_some() {
                ""
            } else {
                " (read-only: no --token)"
            }
        );
    }
    let config = ServerConfig {
        db: args.db.db.clone(),
        bind,
        token: args.token.clone().filter(|t| !t.is_empty()),
        pipeline_version: pipeline_version(&[])?,
    };
    let db = config.db.display().to_string();
    serve(config, |address| {
        eprintln!("Dateline is serving {db} at http://{address}/  (Ctrl-C stops it)");
    })
    .with_context(|| format!("serving {}", args.bind))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `dateline demo`: a fresh store with the examples, then the UI.
pub fn run_demo(args: &DemoArgs) -> Result<ExitCode> {
    let db = match &args.db {
        Some(path) => path.clone(),
        None => std::env::temp_dir().join(format!("dateline-demo-{}.sqlite", std::process::id())),
    };
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.clone().into_os_string();
        path.push(suffix);
        let path = PathBuf::from(path);
        if path.exists() {
            std::fs::remove_file(&path)
                .with_context(|| format!("{}: cannot remove the old demo store", path.display()))?;
        }
    }
    let paths = if args.paths.is_empty() {
        vec![examples_dir()?]
    } else {
        args.paths.clone()
    };
    let ingest = IngestArgs {
        paths,
        db: DbArgs { db: db.clone() },
        date: None,
        source: None,
        kb: Vec::new(),
        jobs: None,
        batch: 32,
        input: crate::args::InputArgs {
            input_format: None,
            text_column: None,
            max_doc_bytes: 10 * 1024 * 1024,
        },
    };
    run_ingest(&ingest)?;
    run_serve(&ServeArgs {
        db: DbArgs { db },
        bind: args.bind.clone(),
        token: None,
    })
}

/// `examples/` beside the working directory, or in the source tree this binary was built from.
fn examples_dir() -> Result<String> {
    let candidates = [
        PathBuf::from("examples"),
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples"),
    ];
    for candidate in candidates {
        if candidate.is_dir() {
            return Ok(candidate.display().to_string());
        }
    }
    bail!("no examples/ folder here; give the documents to ingest: dateline demo PATH…")
}

fn resolve(bind: &str) -> Result<SocketAddr> {
    bind.to_socket_addrs()
        .with_context(|| format!("--bind {bind:?}: expected HOST:PORT such as 127.0.0.1:8080"))?
        .next()
        .with_context(|| format!("--bind {bind:?}: no address"))
}
