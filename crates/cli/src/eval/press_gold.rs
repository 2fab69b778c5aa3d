//! What our own gold files over the press-release corpus share (`data/gold/*.jsonl`): the
//! corpus documents by URL, and finding a stored span in a text as written.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Result};
use dateline_core::Doc;
use dateline_ingest::{open, IngestConfig};

/// Every document of the corpus that has a URL, by URL.
pub(super) fn corpus_by_url(corpus: &Path) -> Result<HashMap<String, Doc>> {
    let documents = open(
        &[corpus.to_string_lossy().into_owned()],
        &IngestConfig::default(),
    );
    let mut by_url: HashMap<String, Doc> = HashMap::new();
    for doc in documents.flatten() {
        if let Some(url) = doc.meta().url.clone() {
            by_url.entry(url).or_insert(doc);
        }
    }
    if by_url.is_empty() {
        bail!("{}: no documents with URLs", corpus.display());
    }
    Ok(by_url)
}

/// The byte offset of the `occurrence`th (1-based) match of `needle`.
pub(super) fn nth(text: &str, needle: &str, occurrence: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    text.match_indices(needle)
        .nth(occurrence.max(1) - 1)
        .map(|(i, _)| i)
}

/// Byte offsets where `needle` occurs as whole words (not inside a longer word).
pub(super) fn whole_words<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(move |&i| {
            !needle.is_empty()
                && !word(text[..i].chars().next_back())
                && !word(text[i + needle.len()..].chars().next())
        })
}

/// The whole-word occurrence of `needle` outside `avoid` nearest to `anchor` (byte spans).
pub(super) fn nearest(
    text: &str,
    needle: &str,
    anchor: (usize, usize),
    avoid: (usize, usize),
) -> Option<(usize, usize)> {
    let outside = |i: usize| i + needle.len() <= avoid.0 || i >= avoid.1;
    let distance = |i: usize| {
        if i < anchor.0 {
            anchor.0 - i
        } else {
            i.saturating_sub(anchor.1)
        }
    };
    whole_words(text, needle)
        .filter(|&i| outside(i))
        .min_by_key(|&i| distance(i))
        .map(|i| (i, i + needle.len()))
}

/// The character index of a byte offset.
pub(super) fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |prefix| prefix.chars().count())
}
