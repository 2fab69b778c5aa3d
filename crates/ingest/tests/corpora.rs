//! Smoke tests on the real corpora in `../shared`; each skips with a message where the
//! directory is absent (a fresh clone has none).

mod common;

use common::{read_all, shared};
use dateline_core::PublishedFrom;
use dateline_ingest::IngestConfig;

#[test]
fn reuters_subset_reads_every_file() {
    let Some(dir) = shared("corpora/reuters21578-subset") else {
        return;
    };
    let pattern = format!("{}/*.sgm", dir.display());
    let (docs, errors, summary) = read_all(&[pattern], &IngestConfig::default());
    assert_eq!(summary.files_read, 22, "{summary}");
    assert!(docs.len() > 1000, "{summary}");
    assert!(docs
        .iter()
        .all(|d| d.meta().published_from == Some(PublishedFrom::Metadata)));
    assert!(docs
        .iter()
        .all(|d| d.id().starts_with("reuters-") && d.meta().source.as_deref() == Some("Reuters")));
    // Most stories open with their wire dateline ("SALVADOR, Feb 26 - ").
    let with_dateline = docs.iter().filter(|d| d.meta().dateline.is_some()).count();
    assert!(
        with_dateline * 10 > docs.len() * 8,
        "{with_dateline} of {}",
        docs.len()
    );
    // Only the articles with nothing at all in them fail.
    assert!(
        errors.len() < 50,
        "{summary}: {:?}",
        errors.first().map(ToString::to_string)
    );
    assert!(docs
        .iter()
        .all(|d| !d.text().contains("&#") && !d.text().contains("&lt;")));
}

#[test]
fn putin_press_releases_csv() {
    let Some(path) = shared("corpora/press-releases-2021-2022/putin.csv") else {
        return;
    };
    let (docs, errors, summary) = read_all(&[path.display().to_string()], &IngestConfig::default());
    assert!(
        errors.is_empty(),
        "{:?}",
        errors.first().map(ToString::to_string)
    );
    assert_eq!(docs.len(), 816, "{summary}");
    assert!(docs.iter().all(|d| d.meta().title.is_some()));
    assert!(docs
        .iter()
        .all(|d| d.meta().published_from == Some(PublishedFrom::Metadata)));
    assert!(docs.iter().all(|d| d
        .meta()
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("http"))));
    assert_eq!(docs[0].meta().title.as_deref(), Some("BRICS+ meeting"));
    assert_eq!(
        docs[0].meta().published.map(|p| p.to_string()).as_deref(),
        Some("2022-06-24T17:30:00Z")
    );
}

#[test]
fn bbc_politics_headlines() {
    let Some(dir) = shared("corpora/bbc/politics") else {
        return;
    };
    let inputs: Vec<String> = (1..=20)
        .map(|n| format!("{}/{n:03}.txt", dir.display()))
        .collect();
    let (docs, errors, _) = read_all(&inputs, &IngestConfig::default());
    assert!(
        errors.is_empty(),
        "{:?}",
        errors.first().map(ToString::to_string)
    );
    assert_eq!(docs.len(), 20);
    assert!(
        docs.iter().all(|d| d.meta().title.is_some()),
        "every BBC file starts with a headline"
    );
    assert_eq!(
        docs[0].meta().title.as_deref(),
        Some("Labour plans maternity pay rise")
    );
    assert!(docs[0].text().starts_with("Maternity pay for new mothers"));
}

#[test]
fn seed_article_has_no_headline() {
    let Some(path) = shared("seed/article.txt") else {
        return;
    };
    let (docs, errors, _) = read_all(&[path.display().to_string()], &IngestConfig::default());
    assert!(errors.is_empty());
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(docs[0].meta().title, None);
    assert_eq!(docs[0].text(), expected);
    assert_eq!(docs[0].meta().published, None);
}

#[test]
fn whole_bbc_corpus_streams_without_failures() {
    let Some(dir) = shared("corpora/bbc") else {
        return;
    };
    let (docs, errors, summary) = read_all(&[dir.display().to_string()], &IngestConfig::default());
    // README.TXT is read as a document too: the corpus has 2,225 articles plus it.
    assert!(docs.len() >= 2225, "{summary}");
    assert!(
        errors.is_empty(),
        "{:?}",
        errors.first().map(ToString::to_string)
    );
}
