//! One test module per format, on the hand-written fixtures.

mod common;

use common::{fixture, read_all, read_fixtures, scratch};
use dateline_core::PublishedFrom;
use dateline_ingest::{Format, IngestConfig};

#[test]
fn text_with_headline_and_sidecar() {
    let (docs, errors, _) = read_fixtures(&["text/labour.txt"]);
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &docs[0];
    let meta = doc.meta();
    assert_eq!(
        meta.title.as_deref(),
        Some("Labour sets out childcare plan")
    );
    assert!(doc.text().starts_with("The government set out plans"));
    assert_eq!(doc.id(), "bbc-politics-999");
    assert_eq!(meta.source.as_deref(), Some("BBC"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://bbc.example/politics/999")
    );
    assert_eq!(
        meta.published.map(|p| p.to_string()).as_deref(),
        Some("2005-02-13")
    );
    assert_eq!(meta.published_from, Some(PublishedFrom::Metadata));
    assert_eq!(meta.authors, vec!["Political Staff"]);
    assert_eq!(meta.language, "en");
    assert_eq!(meta.origin.path, fixture("text/labour.txt"));
    assert_eq!(meta.origin.record, None);
}

#[test]
fn text_short_sidecar_name_and_dateline() {
    let (docs, errors, _) = read_fixtures(&["text/wire.txt"]);
    assert!(errors.is_empty(), "{errors:?}");
    let meta = docs[0].meta();
    // The sidecar's title beats the headline line; its source beats the dateline's agency.
    assert_eq!(meta.title.as_deref(), Some("Sidecar title wins"));
    assert_eq!(meta.source.as_deref(), Some("Sidecar Wire"));
    let dateline = meta.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.place.as_deref(), Some("WASHINGTON"));
    assert_eq!(dateline.agency.as_deref(), Some("AP"));
    assert_eq!(
        docs[0].slice(dateline.span),
        "WASHINGTON, Jan. 5, 2024 (AP) — "
    );
    assert_eq!(
        meta.published.map(|p| p.to_string()).as_deref(),
        Some("2024-01-05")
    );
    assert_eq!(meta.published_from, Some(PublishedFrom::Dateline));
}

#[test]
fn text_without_headline_is_whole() {
    let path = fixture("text/no-headline.txt");
    let (docs, _, _) = read_fixtures(&["text/no-headline.txt"]);
    assert_eq!(docs[0].meta().title, None);
    assert_eq!(docs[0].text(), std::fs::read_to_string(path).unwrap());
}

#[test]
fn html_prefers_json_ld_then_meta() {
    let (docs, errors, _) = read_fixtures(&["html/news.html"]);
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &docs[0];
    let meta = doc.meta();
    assert_eq!(
        meta.title.as_deref(),
        Some("Grain talks resume in Istanbul")
    );
    assert_eq!(meta.source.as_deref(), Some("Harbour Times"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://harbour.example/world/grain-talks")
    );
    assert_eq!(meta.authors, vec!["Ayla Demir", "Tom Reed"]);
    assert_eq!(
        meta.published.map(|p| p.to_string()).as_deref(),
        Some("2025-08-19T14:03:00+03:00")
    );
    let text = doc.text();
    // The <h1> and byline are metadata, so the story opens with its wire dateline.
    assert!(
        text.starts_with("ISTANBUL, Aug 19 (Reuters) - Negotiators from Ukraine"),
        "{text}"
    );
    assert_eq!(
        meta.dateline.as_ref().and_then(|d| d.place.as_deref()),
        Some("ISTANBUL")
    );
    assert!(
        text.contains("workmanlike.\n\nTurkish Foreign Minister"),
        "{text}"
    );
    assert!(!text.contains("color: black"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
}

#[test]
fn html_windows_1252() {
    let (docs, errors, _) = read_fixtures(&["html/cp1252.html"]);
    assert!(errors.is_empty(), "{errors:?}");
    let text = docs[0].text();
    assert!(
        text.contains("Café owners in the old town said the “new rules” would cost them €2,000"),
        "{text}"
    );
    assert!(docs[0].diagnostics().is_empty());
}

#[test]
fn jsonl_records() {
    let (docs, errors, summary) = read_fixtures(&["jsonl/articles.jsonl"]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id()).collect();
    assert_eq!(ids, vec!["a1", "a3", "6"]);
    let first = docs[0].meta();
    assert_eq!(first.title.as_deref(), Some("Bridge closed"));
    assert_eq!(first.source.as_deref(), Some("Wire"));
    assert_eq!(first.authors, vec!["Olena K."]);
    assert_eq!(first.origin.record, Some(1));
    assert_eq!(
        first.dateline.as_ref().and_then(|d| d.agency.as_deref()),
        Some("AFP")
    );
    let html = &docs[1];
    assert_eq!(
        html.text(),
        "First paragraph of an HTML record.\n\nSecond paragraph."
    );
    assert_eq!(html.meta().title.as_deref(), Some("From HTML"));
    assert_eq!(html.meta().url.as_deref(), Some("https://example.org/a3"));
    assert_eq!(html.meta().origin.record, Some(4));
    assert_eq!(docs[2].meta().authors, vec!["Single Author"]);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let path = fixture("jsonl/articles.jsonl");
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].starts_with(&format!("{path}:3: malformed JSON line: ")),
        "{messages:?}"
    );
    assert_eq!(messages[1], format!("{path}:5: line is not a JSON object"));
    assert_eq!(
        messages[2],
        format!("{path}:6: no \"text\" or \"html\" field")
    );
    assert_eq!((summary.documents_read, summary.documents_failed), (3, 3));
}

#[test]
fn csv_records_with_multiline_bodies() {
    let (docs, errors, _) = read_fixtures(&["csv/articles.csv"]);
    assert_eq!(docs.len(), 2);
    let first = &docs[0];
    assert_eq!(
        first.text(),
        "The summit opened on Friday.\n\nLeaders spoke about \"trade\", energy and food."
    );
    assert_eq!(first.meta().title.as_deref(), Some("Summit opens"));
    assert_eq!(first.meta().url.as_deref(), Some("https://example.org/1"));
    assert_eq!(first.id(), "p1");
    assert_eq!(
        first.meta().published.map(|p| p.to_string()).as_deref(),
        Some("2022-06-24T17:30:00Z")
    );
    assert_eq!(docs[1].meta().origin.record, Some(2));
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        format!("{}: record 3: empty document", fixture("csv/articles.csv"))
    );
}

#[test]
fn csv_text_column_option() {
    let config = IngestConfig {
        text_column: Some("summary".into()),
        ..IngestConfig::default()
    };
    let (docs, errors, _) = read_all(&[fixture("csv/articles.csv")], &config);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].text(), "A summit opened.");
}

#[test]
fn csv_without_text_column_lists_the_header() {
    let (docs, errors, summary) = read_fixtures(&["csv/no-text.csv"]);
    assert!(docs.is_empty());
    let message = errors[0].to_string();
    assert!(
        message.ends_with("columns are: url, headline, summary"),
        "{message}"
    );
    assert_eq!(summary.files_failed, 1);
}

#[test]
fn rss_items() {
    let (docs, errors, _) = read_fixtures(&["feeds/news.rss"]);
    assert_eq!(docs.len(), 2);
    let first = &docs[0];
    assert_eq!(
        first.text(),
        "ODESA, Aug 19 (AFP) - The port of Odesa reopened on Tuesday after a storm closed it for two days.\n\nShips queued outside the harbour & pilots worked through the night."
    );
    let meta = first.meta();
    assert_eq!(meta.title.as_deref(), Some("Port reopens after storm"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://harbour.example/world/port-reopens")
    );
    assert_eq!(meta.source.as_deref(), Some("Harbour Times World"));
    assert_eq!(meta.authors, vec!["Ayla Demir"]);
    assert_eq!(
        meta.published.map(|p| p.to_string()).as_deref(),
        Some("2025-08-19T14:03:00Z")
    );
    assert_eq!(meta.origin.record, Some(1));
    assert_eq!(
        docs[1].text(),
        "European ministers met in Brussels on Monday.\n\nThey discussed energy prices."
    );
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().ends_with("record 3: empty document"),
        "{}",
        errors[0]
    );
}

#[test]
fn atom_entries() {
    let (docs, errors, _) = read_fixtures(&["feeds/news.atom"]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].text(),
        "Engineers found cracks in the Valley dam on Tuesday.\n\nThe reservoir will be lowered."
    );
    assert_eq!(docs[0].meta().authors, vec!["Mara Lind"]);
    assert_eq!(docs[0].meta().source.as_deref(), Some("Valley Courier"));
    assert_eq!(
        docs[0].meta().published.map(|p| p.to_string()).as_deref(),
        Some("2025-08-19T08:30:00Z")
    );
    assert_eq!(
        docs[1].text(),
        "The town council approved next year's budget on Monday evening."
    );
    assert_eq!(
        docs[1].meta().url.as_deref(),
        Some("https://courier.example/budget")
    );
}

#[test]
fn warc_gz_responses() {
    let (docs, errors, summary) = read_fixtures(&["warc/news.warc.gz"]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 2);
    let bridge = docs[0].meta();
    assert_eq!(bridge.url.as_deref(), Some("https://news.example/bridge"));
    // The page's own date beats the crawl date.
    assert_eq!(
        bridge.published.map(|p| p.to_string()).as_deref(),
        Some("2025-08-18T10:00:00Z")
    );
    assert_eq!(bridge.origin.record, Some(3));
    assert!(docs[0].text().contains("rebuild the old stone bridge"));
    let cafe = docs[1].meta();
    // No date in the page: the crawl date is all there is.
    assert_eq!(
        cafe.published.map(|p| p.to_string()).as_deref(),
        Some("2025-08-21T03:00:00Z")
    );
    assert!(docs[1].text().contains("Café owners"), "{}", docs[1].text());
    assert_eq!(
        summary.to_string(),
        "read 2 documents from 1 file; 0 failed"
    );
}

#[test]
fn plain_warc_matches_gzip() {
    let (plain, errors, _) = read_fixtures(&["warc/news.warc"]);
    let (gz, _, _) = read_fixtures(&["warc/news.warc.gz"]);
    assert!(errors.is_empty(), "{errors:?}");
    let texts = |docs: &[dateline_core::Doc]| {
        docs.iter()
            .map(|d| d.text().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&plain), texts(&gz));
}

#[test]
fn reuters_sgml_articles() {
    let (docs, errors, _) = read_fixtures(&["sgml/reuters.sgm"]);
    assert_eq!(docs.len(), 2, "{errors:?}");
    let first = &docs[0];
    assert_eq!(first.id(), "reuters-101");
    assert_eq!(first.meta().title.as_deref(), Some("COCOA ZONE REVIEW"));
    assert_eq!(first.meta().source.as_deref(), Some("Reuters"));
    assert_eq!(
        first.meta().published.map(|p| p.to_string()).as_deref(),
        Some("1987-02-26T15:01:01")
    );
    assert_eq!(
        first.text(),
        "SALVADOR, Feb 26 - Showers continued in the cocoa zone this week, easing the drought, a trade review said.\n\nArrivals rose to 155,221 bags <of 60 kilos> & prices were steady.\n\nReuter"
    );
    let dateline = first.meta().dateline.as_ref().expect("dateline");
    assert_eq!(dateline.place.as_deref(), Some("SALVADOR"));
    assert_eq!(
        docs[1].meta().title.as_deref(),
        Some("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT")
    );
    assert_eq!(docs[1].meta().origin.record, Some(2));
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        format!("{}: record 3: no body", fixture("sgml/reuters.sgm"))
    );
}

#[test]
fn directories_are_walked_sorted_without_sidecars() {
    let (docs, errors, summary) = read_fixtures(&["text"]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<String> = docs
        .iter()
        .map(|d| {
            d.meta()
                .origin
                .path
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(names, vec!["labour.txt", "no-headline.txt", "wire.txt"]);
    assert_eq!(
        summary.to_string(),
        "read 3 documents from 3 files; 0 failed"
    );
}

#[test]
fn globs_expand_and_empty_globs_are_reported() {
    let (docs, _, _) = read_fixtures(&["feeds/*.rss", "text/l*.txt"]);
    assert_eq!(docs.len(), 3);
    let (docs, errors, _) = read_fixtures(&["nothing/*.txt"]);
    assert!(docs.is_empty());
    assert!(errors[0]
        .to_string()
        .ends_with("nothing/*.txt: no files match this pattern"));
}

#[test]
fn content_sniffing_without_extensions() {
    let dir = scratch("sniff");
    let copy = |from: &str, to: &str| std::fs::copy(fixture(from), dir.join(to)).unwrap();
    copy("feeds/news.rss", "feed.xml");
    copy("html/news.html", "page");
    copy("jsonl/articles.jsonl", "records");
    copy("warc/news.warc.gz", "crawl.gz");
    copy("sgml/reuters.sgm", "reuters");
    let (docs, _, summary) = read_all(&[dir.display().to_string()], &IngestConfig::default());
    assert_eq!(summary.files_read, 5);
    let count = |suffix: &str| {
        docs.iter()
            .filter(|d| d.meta().origin.path.ends_with(suffix))
            .count()
    };
    assert_eq!(count("crawl.gz"), 2);
    assert_eq!(count("feed.xml"), 2);
    assert_eq!(count("page"), 1);
    assert_eq!(count("records"), 3);
    assert_eq!(count("reuters"), 2);
}

#[test]
fn forced_format_overrides_detection() {
    let config = IngestConfig {
        format: Some(Format::Text),
        ..IngestConfig::default()
    };
    let (docs, _, _) = read_all(&[fixture("html/news.html")], &config);
    assert!(docs[0].text().contains("<script"));
    assert_eq!("sgml".parse::<Format>(), Ok(Format::ReutersSgml));
    assert!("pdf".parse::<Format>().is_err());
}

#[test]
fn directory_walk_skips_files_that_are_not_news_and_counts_them() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("walk-skips");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("story.txt"), "Kyiv said no.\n").unwrap();
    std::fs::write(dir.join("README.md"), "# Notes about this folder\n").unwrap();
    std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G', 0, 0]).unwrap();
    let inputs = [dir.display().to_string()];
    let mut documents = dateline_ingest::open(&inputs, &dateline_ingest::IngestConfig::default());
    let results: Vec<_> = documents.by_ref().collect();
    assert_eq!(results.len(), 1);
    assert!(results[0].is_ok());
    let summary = documents.summary();
    assert_eq!(summary.files_skipped, 2);
    assert!(
        summary
            .to_string()
            .contains("skipped 2 files that are not a news format"),
        "{summary}"
    );
    // Named explicitly, a file is read whatever its extension.
    let named = [dir.join("README.md").display().to_string()];
    let docs: Vec<_> =
        dateline_ingest::open(&named, &dateline_ingest::IngestConfig::default()).collect();
    assert!(docs[0].is_ok());
}
