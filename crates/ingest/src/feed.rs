//! RSS 2.0 and Atom feeds: every item or entry is a document.

use dateline_core::{Doc, DocMeta, Published, PublishedFrom};
use feed_rs::model::{Entry, Feed};

use crate::error::{IngestError, Location};
use crate::finish::{finish, guarded, non_blank};
use crate::html::fragment_text;
use crate::source::{read_document, Source};
use crate::{DocResults, IngestConfig, Reader};

/// Reads a feed. The feed-rs parser needs the whole feed in memory, so a feed file is bounded
/// by the same cap as one document.
pub(crate) struct FeedReader;

impl Reader for FeedReader {
    fn documents(&self, mut source: Source, config: &IngestConfig) -> DocResults {
        let at = source.location();
        let feed = read_document(&mut source, config.max_doc_bytes).and_then(|bytes| {
            guarded(&at, "the feed parser", || {
                feed_rs::parser::parse(bytes.as_slice())
            })?
            .map_err(|error| IngestError::BadRecord {
                at: at.clone(),
                message: format!("cannot parse feed: {error}"),
            })
        });
        match feed {
            Ok(feed) => Box::new(entries(feed, source.name, config.clone())),
            Err(error) => Box::new(std::iter::once(Err(error))),
        }
    }
}

fn entries(
    feed: Feed,
    name: String,
    config: IngestConfig,
) -> impl Iterator<Item = Result<Doc, IngestError>> {
    let feed_title = feed.title.map(|title| title.content).and_then(non_blank);
    feed.entries
        .into_iter()
        .enumerate()
        .map(move |(index, entry)| {
            let at = Location::record(name.clone(), index as u64 + 1);
            entry_document(entry, feed_title.as_deref(), at, &config)
        })
}

fn entry_document(
    entry: Entry,
    feed_title: Option<&str>,
    at: Location,
    config: &IngestConfig,
) -> Result<Doc, IngestError> {
    // Full content (content:encoded, atom:content) beats the summary or description.
    let body = entry
        .content
        .and_then(|content| content.body)
        .filter(|body| !body.trim().is_empty())
        .or_else(|| entry.summary.map(|summary| summary.content));
    let text = body.map(|body| fragment_text(&body)).unwrap_or_default();
    let mut meta = DocMeta {
        title: entry.title.map(|title| fragment_text(&title.content)),
        url: entry.links.first().map(|link| link.href.clone()),
        authors: entry
            .authors
            .into_iter()
            .map(|person| person.name)
            .collect(),
        // feed-rs puts a copied entry's origin (often a URL) in `source`: only a name will do.
        source: entry
            .source
            .filter(|source| !source.contains("://"))
            .or_else(|| feed_title.map(str::to_string)),
        ..DocMeta::default()
    };
    if let Some(date) = entry.published.or(entry.updated) {
        meta.offer_published(
            Published::Zoned(date.fixed_offset()),
            PublishedFrom::Metadata,
        );
    }
    finish(text, meta, Vec::new(), at, config)
}
