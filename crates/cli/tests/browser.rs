//! The web UI in headless Chromium: `dateline serve` over the examples, driven by
//! `crates/server/tests/browser/ui.mjs` (Playwright): load, filter, open an event and see its
//! sentence highlighted, then the map, timeline and network. Needs Node.js, Chromium and
//! `npm ci` in that folder (`.ci/run` installs them); without them the test says so and
//! skips, unless DATELINE_REQUIRE_BROWSER=1, which makes a missing piece a failure.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use common::{dateline, stderr, workspace};

fn missing(what: &str) {
    if std::env::var_os("DATELINE_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
        panic!("browser test: {what} (DATELINE_REQUIRE_BROWSER=1)");
    }
    eprintln!("skipped: browser test: {what}");
}

#[test]
fn the_ui_works_in_headless_chromium() {
    let browser_dir = workspace().join("crates/server/tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return missing(&format!("no Chromium at {chromium}"));
    }
    if !browser_dir.join("node_modules/playwright-core").is_dir() {
        return missing("run `npm ci` in crates/server/tests/browser");
    }
    if Command::new("node").arg("--version").output().is_err() {
        return missing("no node on PATH");
    }
    let dir = std::env::temp_dir().join(format!("dateline-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("store.sqlite");
    let ingest = dateline(&["ingest", "examples", "--db", db.to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let mut server = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--bind",
            "127.0.0.1:0",
        ])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            line.split_whitespace()
                .find(|w| w.starts_with("http://"))
                .map(|w| w.trim_end_matches('/').to_string())
        })
        .expect("serve prints its URL");
    let result = Command::new("node")
        .arg("ui.mjs")
        .current_dir(&browser_dir)
        .env("DATELINE_URL", &url)
        .env("CHROMIUM", &chromium)
        .env("SCREENSHOT", dir.join("ui.png"))
        .output();
    let _ = server.kill();
    let _ = server.wait();
    let output = result.expect("node runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{text}");
    assert!(text.contains("browser test: ok"), "{text}");
}
