//! Crash safety: `dateline ingest` killed with SIGKILL at pseudo-random moments leaves a
//! consistent store, and running the same command again finishes the job with every document
//! stored exactly once and every row belonging to a stored document.

mod common;

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{dateline, stderr, workspace};

/// Distinct documents made from the example articles' paragraphs, so that analysis takes
/// long enough to be interrupted.
fn write_corpus(dir: &std::path::Path, count: usize) {
    let mut paragraphs = Vec::new();
    for entry in std::fs::read_dir(workspace().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            paragraphs.extend(
                text.split("\n\n")
                    .map(str::trim)
                    .filter(|p| p.len() > 80)
                    .map(str::to_string),
            );
        }
    }
    assert!(paragraphs.len() > 10);
    for i in 0..count {
        let body: Vec<&str> = (0..6)
            .map(|k| paragraphs[(i * 7 + k * 3) % paragraphs.len()].as_str())
            .collect();
        let text = format!("Report number {i}.\n\n{}", body.join("\n\n"));
        std::fs::write(dir.join(format!("doc-{i:03}.txt")), text).unwrap();
    }
}

fn stored(db: &std::path::Path) -> u64 {
    if !db.exists() {
        return 0;
    }
    match dateline_store::Store::open_read_only(db) {
        Ok(store) => store.stats().map(|s| s.documents).unwrap_or(0),
        // The first process may not have created the schema yet.
        Err(_) => 0,
    }
}

#[test]
fn kill_9_during_ingest_never_loses_or_duplicates_a_document() {
    const DOCUMENTS: usize = 300;
    const ROUNDS: usize = 8;
    let dir = std::env::temp_dir().join(format!("dateline-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    write_corpus(&corpus, DOCUMENTS);
    let db = dir.join("store.sqlite");
    // Each round waits until the child has committed some documents, then kills it after a
    // pseudo-random extra delay (a fixed LCG, so a failure can be reproduced): the kills land
    // mid-ingest whatever the machine's speed.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let mut mid_ingest_kills = 0;
    let mut stored_before = 0;
    for _ in 0..ROUNDS {
        let target = stored_before + 5 + next() % 15;
        let extra = Duration::from_millis(next() % 150);
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args([
                "ingest",
                corpus.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
            ])
            .args(["--jobs", "2", "--batch", "3"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while stored(&db) < target
            && started.elapsed() < Duration::from_secs(60)
            && child.try_wait().unwrap().is_none()
        {
            std::thread::sleep(Duration::from_millis(15));
        }
        std::thread::sleep(extra);
        // SIGKILL: no destructor, no rollback, no flush runs.
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        let store = dateline_store::Store::open_read_only(&db).unwrap();
        store.integrity_check().unwrap();
        let now = store.stats().unwrap().documents;
        assert!(
            now >= stored_before,
            "documents were lost: {now} < {stored_before}"
        );
        if !finished && now < DOCUMENTS as u64 {
            mid_ingest_kills += 1;
        }
        stored_before = now;
    }
    assert!(
        mid_ingest_kills >= ROUNDS / 2,
        "only {mid_ingest_kills} kills landed mid-ingest"
    );
    let last = dateline(&[
        "ingest",
        corpus.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(last.status.success(), "{}", stderr(&last));
    let store = dateline_store::Store::open_read_only(&db).unwrap();
    store.integrity_check().unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, DOCUMENTS as u64);
    // Every stored analysis once, and the normalized rows are exactly those of the analyses.
    let mut ids = HashSet::new();
    let mut events = 0u64;
    let mut quotes = 0u64;
    store
        .for_each_analysis(|id, json| {
            assert!(ids.insert(id.to_string()), "{id} stored twice");
            let analysis: serde_json::Value = serde_json::from_str(json).unwrap();
            events += analysis["events"].as_array().unwrap().len() as u64;
            quotes += analysis["quotes"].as_array().unwrap().len() as u64;
            Ok(())
        })
        .unwrap();
    assert_eq!(ids.len(), DOCUMENTS);
    assert_eq!(stats.events, events);
    assert_eq!(stats.quotes, quotes);
    eprintln!("{mid_ingest_kills} of {ROUNDS} kills landed mid-ingest; {stored_before} stored before the last run");
}
