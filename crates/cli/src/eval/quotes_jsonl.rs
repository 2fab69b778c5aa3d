//! Our own quote gold (`data/gold/press-release-quotes.jsonl`): one JSON object per document,
//! `{"url": …, "quotes": [{"kind": "direct"|"indirect", "content": …, "speaker": …, "cue": …,
//! "occurrence": N}]}`. Only spans are stored; the texts are read from the press-release corpus
//! in `../shared` by their URL, and each span is found in the text as written (the Nth
//! occurrence of the content; the speaker occurrence nearest to it).

use std::path::Path;

use anyhow::{Context, Result};
use dateline_core::Doc;
use serde::Deserialize;

use super::press_gold::{char_index, corpus_by_url, nearest, nth};
use super::quotes::GoldQuote;

#[derive(Debug, Deserialize)]
struct Line {
    url: String,
    quotes: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    kind: String,
    content: String,
    #[serde(default)]
    speaker: String,
    #[serde(default)]
    cue: String,
    #[serde(default)]
    occurrence: Option<usize>,
}

/// A gold document: the corpus document and its quotes in character offsets.
pub(super) struct GoldDoc {
    /// The document as ingested.
    pub(super) doc: Doc,
    /// Its quotes.
    pub(super) quotes: Vec<GoldQuote>,
}

/// Reads the gold file and the corpus documents it names. A line or span that cannot be used
/// is reported as `FILE:LINE: message` and left out; the others are still scored.
pub(super) fn read(path: &Path, corpus: &Path) -> Result<(Vec<GoldDoc>, Vec<String>)> {
    let source = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let by_url = corpus_by_url(corpus)?;
    let mut gold = Vec::new();
    let mut problems = Vec::new();
    for (number, text) in source.lines().enumerate() {
        let at = format!("{}:{}", path.display(), number + 1);
        if text.trim().is_empty() {
            continue;
        }
        let line: Line = match serde_json::from_str(text) {
            Ok(line) => line,
            Err(error) => {
                problems.push(format!("{at}: {error}"));
                continue;
            }
        };
        let Some(doc) = by_url.get(&line.url) else {
            problems.push(format!("{at}: no document with URL {}", line.url));
            continue;
        };
        let mut quotes = Vec::new();
        for entry in &line.quotes {
            match locate(doc.text(), entry) {
                Ok(quote) => quotes.push(quote),
                Err(message) => problems.push(format!("{at}: {message}")),
            }
        }
        gold.push(GoldDoc {
            doc: doc.clone(),
            quotes,
        });
    }
    Ok((gold, problems))
}

fn locate(text: &str, entry: &Entry) -> Result<GoldQuote, String> {
    let direct = match entry.kind.as_str() {
        "direct" => true,
        "indirect" => false,
        other => return Err(format!("unknown kind {other:?}")),
    };
    let start = nth(text, &entry.content, entry.occurrence.unwrap_or(1))
        .ok_or_else(|| format!("content {:?} not in the text", short(&entry.content)))?;
    let content = (start, start + entry.content.len());
    // The speaker is the whole-word occurrence outside the quote nearest to its cue (the cue
    // nearest to the quote), so "he" is never found inside "the" or inside the quote.
    let cue = nearest(text, &entry.cue, content, content);
    let source = if entry.speaker.is_empty() {
        None
    } else {
        Some(
            nearest(text, &entry.speaker, cue.unwrap_or(content), content)
                .ok_or_else(|| format!("speaker {:?} not in the text", entry.speaker))?,
        )
    };
    let chars = |(s, e): (usize, usize)| (char_index(text, s), char_index(text, e));
    Ok(GoldQuote {
        content: chars(content),
        source: source.map(chars),
        cue: cue.map(chars),
        direct,
    })
}

fn short(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_found_by_occurrence_and_nearest_speaker() {
        let text = "He said “yes”. Later she said “yes” again, and the minister added more.";
        let entry = Entry {
            kind: "direct".into(),
            content: "yes".into(),
            speaker: "she".into(),
            cue: "said".into(),
            occurrence: Some(2),
        };
        let quote = locate(text, &entry).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let content: String = chars[quote.content.0..quote.content.1].iter().collect();
        assert_eq!(content, "yes");
        assert_eq!(quote.content.0, 31);
        assert_eq!(quote.source, Some((21, 24)));
        let missing = Entry {
            kind: "direct".into(),
            content: "no".into(),
            speaker: String::new(),
            cue: String::new(),
            occurrence: None,
        };
        // "he" inside "the" or "When" is not the speaker.
        let he = Entry {
            kind: "direct".into(),
            content: "ok".into(),
            speaker: "he".into(),
            cue: "said".into(),
            occurrence: None,
        };
        let text = "When the talks ended he said “ok”.";
        let quote = locate(text, &he).unwrap();
        assert_eq!(quote.source, Some((21, 23)));
        assert!(locate(text, &missing)
            .unwrap_err()
            .contains("not in the text"));
    }
}
