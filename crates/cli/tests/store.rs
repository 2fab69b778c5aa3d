//! The store commands end to end on the bundled examples: ingest (twice: the second run is a
//! no-op), reprocess, the query commands with good and bad filters, `show`, and the exports,
//! with the GDELT rows held to the column formats of GDELT's own files.

mod common;

use std::path::{Path, PathBuf};

use common::{dateline, stderr, stdout};

fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("store.sqlite")
}

fn ingest_examples(db: &Path) {
    let output = dateline(&["ingest", "examples", "--db", db.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn ingest_twice_stores_each_document_once() {
    let db = temp_db("twice");
    let first = dateline(&["ingest", "examples", "--db", db.to_str().unwrap()]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("ingest: 4 new"),
        "{}",
        stderr(&first)
    );
    let second = dateline(&["ingest", "examples", "--db", db.to_str().unwrap()]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("ingest: 0 new, 0 reanalyzed, 4 already stored"),
        "{}",
        stderr(&second)
    );
    let store = dateline_store::Store::open_read_only(&db).unwrap();
    store.integrity_check().unwrap();
    assert_eq!(store.stats().unwrap().documents, 4);
    // Nothing to reprocess with the same build; --all analyzes every document again.
    let again = dateline(&["reprocess", "--db", db.to_str().unwrap()]);
    assert!(
        stderr(&again).contains("already analyzed"),
        "{}",
        stderr(&again)
    );
    let all = dateline(&["reprocess", "--all", "--db", db.to_str().unwrap()]);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(
        stderr(&all).contains("0 new, 4 reanalyzed"),
        "{}",
        stderr(&all)
    );
    assert_eq!(store.stats().unwrap().documents, 4);
}

#[test]
fn a_bad_document_is_reported_and_the_rest_stored() {
    let db = temp_db("bad");
    let dir = db.parent().unwrap().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Russian forces attacked Kharkiv on Monday.",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "   \n").unwrap();
    let output = dateline(&[
        "ingest",
        dir.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("empty.txt"), "{}", stderr(&output));
    assert!(stderr(&output).contains("1 new"), "{}", stderr(&output));
}

#[test]
fn queries_filter_and_refuse_bad_input() {
    let db = temp_db("queries");
    ingest_examples(&db);
    let db = db.to_str().unwrap();
    let output = dateline(&[
        "events", "--db", db, "--type", "consult", "--format", "json", "--limit", "1000",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|row| row["type"] == "CONSULT"));
    let putin = dateline(&["events", "--db", db, "--actor", "putin", "--format", "csv"]);
    let text = stdout(&putin);
    assert!(text.starts_with("day,type,cameo,source,target"), "{text}");
    assert!(text.lines().skip(1).all(|l| l.contains("Putin")), "{text}");
    for (args, message) in [
        (vec!["--from", "2025-02-30"], "not a date"),
        (vec!["--type", "PARTY"], "not a PLOVER event type"),
        (vec!["--from", "2025-09-01", "--to", "2025-08-01"], "after"),
        (vec!["--limit", "0"], "out of range"),
    ] {
        let mut all = vec!["events", "--db", db];
        all.extend(args);
        let output = dateline(&all);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
    }
    // FTS5 syntax in a search is text, never an error.
    let search = dateline(&[
        "search",
        "--db",
        db,
        "\"peace\" OR NEAR(talks*",
        "--format",
        "json",
    ]);
    assert!(search.status.success(), "{}", stderr(&search));
    let quotes = dateline(&["quotes", "--db", db, "--speaker", "Trump"]);
    assert!(
        stdout(&quotes).contains("Donald Trump"),
        "{}",
        stdout(&quotes)
    );
    let missing = dateline(&["events", "--db", "/nonexistent/x.sqlite"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no such store"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn show_prints_a_stored_report() {
    let db = temp_db("show");
    ingest_examples(&db);
    let json = dateline(&["export", "--db", db.to_str().unwrap(), "--format", "jsonl"]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&json).lines().next().unwrap()).unwrap();
    assert_eq!(first["schema"], "dateline.analysis/1");
    let id = first["document"]["id"].as_str().unwrap();
    let output = dateline(&["show", &id[..10], "--db", db.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Sentences ("),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("Events ("), "{}", stdout(&output));
}

/// What a GDELT field looks like, to compare ours with GDELT's column by column.
fn shape(field: &str) -> &'static str {
    if field.is_empty() {
        "empty"
    } else if field.parse::<i64>().is_ok() {
        "integer"
    } else if field.parse::<f64>().is_ok() {
        "number"
    } else if field.starts_with("http") {
        "url"
    } else {
        "text"
    }
}

#[test]
fn gdelt_rows_have_gdelt_columns_and_formats() {
    let Some(shared) = common::shared() else {
        return;
    };
    let db = temp_db("gdelt");
    ingest_examples(&db);
    let output = dateline(&["export", "--db", db.to_str().unwrap(), "--format", "gdelt"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ours = stdout(&output);
    let samples = [
        "20191024143000.export.CSV",
        "sample-20250807220000.export.CSV",
    ];
    let mut allowed: Vec<std::collections::BTreeSet<&str>> = vec![Default::default(); 61];
    let texts: Vec<String> = samples
        .iter()
        .map(|s| std::fs::read_to_string(shared.join("corpora/gdelt").join(s)).unwrap())
        .collect();
    for text in &texts {
        for line in text.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 61, "GDELT's own row has 61 columns");
            for (column, field) in fields.iter().enumerate() {
                allowed[column].insert(shape(field));
            }
        }
    }
    let mut rows = 0;
    for line in ours.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 61, "{line}");
        for (column, field) in fields.iter().enumerate() {
            let ok = allowed[column].contains(shape(field))
                // SOURCEURL holds "the URL or citation" (GDELT 2.0 codebook): the outlet's
                // name when a document has no URL.
                || (column == 60 && shape(field) == "text")
                // An integer is a valid value of a decimal column ("24" for a latitude).
                || (shape(field) == "integer" && allowed[column].contains("number"));
            assert!(
                ok,
                "column {} ({}) {field:?} is {}, GDELT has {:?}",
                column + 1,
                dateline_store::export::GDELT_COLUMNS[column],
                shape(field),
                allowed[column]
            );
        }
        assert_eq!(fields[1].len(), 8, "Day is YYYYMMDD: {line}");
        assert_eq!(fields[59].len(), 14, "DATEADDED is YYYYMMDDHHMMSS: {line}");
        rows += 1;
    }
    assert!(rows > 10, "{ours}");
}

#[test]
fn parquet_export_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    let db = temp_db("parquet");
    ingest_examples(&db);
    let out = db.with_file_name("events.parquet");
    let output = dateline(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "parquet",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let store = dateline_store::Store::open_read_only(&db).unwrap();
    let expected = store.events(&Default::default(), 10_000, 0).unwrap().total;
    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr();
    let names: Vec<&str> = schema.columns().iter().map(|c| c.name()).collect();
    assert_eq!(&names[..5], ["doc_id", "event_id", "day", "date", "type"]);
    let mut rows = 0u64;
    let mut types = std::collections::BTreeSet::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        assert_eq!(row.get_string(0).unwrap().len(), 64);
        types.insert(row.get_string(4).unwrap().clone());
        rows += 1;
    }
    assert_eq!(rows, expected);
    assert!(types.contains("CONSULT"), "{types:?}");
    read_with_duckdb(&out, expected, &types);
}

/// DuckDB reads the file too, with the day as a DATE, when a Python with `duckdb` is at hand
/// (`DATELINE_PYTHON`, default `python3`; `.ci/run` installs one and sets
/// DATELINE_REQUIRE_DUCKDB=1, which makes its absence a failure).
fn read_with_duckdb(path: &Path, rows: u64, types: &std::collections::BTreeSet<String>) {
    let python = std::env::var("DATELINE_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = "import duckdb, sys\n\
        r = duckdb.sql(\"select count(*), count(distinct type), typeof(min(day)) from read_parquet(?)\",\n\
                       params=[sys.argv[1]]).fetchall()[0]\n\
        print(r[0], r[1], r[2])";
    let output = std::process::Command::new(&python)
        .args(["-I", "-c", script, path.to_str().unwrap()])
        .current_dir(std::env::temp_dir())
        .output();
    let required = std::env::var_os("DATELINE_REQUIRE_DUCKDB").is_some_and(|v| v == "1");
    match output {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout);
            assert_eq!(
                text.trim(),
                format!("{rows} {} DATE", types.len()),
                "{text}"
            );
        }
        Ok(output) if !required => eprintln!(
            "skipped: DuckDB check: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(error) if !required => eprintln!("skipped: DuckDB check: {python}: {error}"),
        other => panic!("DuckDB could not read {}: {other:?}", path.display()),
    }
}
