//! Segmentation: paragraphs, tokens and sentences, the first stage after ingest.

mod lexicon;
mod paragraphs;
mod sentences;
mod tokenize;

use dateline_core::{Annotations, ByteSpan, Doc, Sentence, Token};

/// Paragraphs, sentences and tokens of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraph spans.
    pub paragraphs: Vec<ByteSpan>,
    /// Sentences; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// Tokens; each lies inside one sentence.
    pub tokens: Vec<Token>,
}

/// Segments `text`. Pure and infallible: any string gives a valid segmentation.
pub fn segment_text(text: &str) -> Segmentation {
    let mut result = Segmentation {
        paragraphs: paragraphs::paragraphs(text),
        sentences: Vec::new(),
        tokens: Vec::with_capacity(text.len() / 5),
    };
    let mut paragraph_tokens = Vec::new();
    for (paragraph_index, &paragraph) in result.paragraphs.iter().enumerate() {
        paragraph_tokens.clear();
        tokenize::tokenize(text, paragraph, &mut paragraph_tokens);
        if paragraph_tokens.is_empty() {
            continue;
        }
        let base = result.tokens.len();
        let starts = capped(
            text,
            &paragraph_tokens,
            sentences::sentence_starts(text, &paragraph_tokens),
        );
        let mut first = 0;
        for end in starts.into_iter().chain([paragraph_tokens.len()]) {
            if end <= first {
                continue;
            }
            let span = ByteSpan {
                start: paragraph_tokens[first].span.start,
                end: paragraph_tokens[end - 1].span.end,
            };
            result.sentences.push(Sentence {
                span,
                tokens: (base + first) as u32..(base + end) as u32,
                paragraph: paragraph_index as u32,
            });
            first = end;
        }
        result.tokens.extend_from_slice(&paragraph_tokens);
    }
    result
}

/// Longest sentence, in tokens. News sentences stay far below it (UD's English treebanks top
/// out under 200); a text without sentence punctuation (a table dump, a run of quote marks)
/// would otherwise be one sentence, and the stages after this one pay per sentence for each of
/// its words.
const MAX_SENTENCE_TOKENS: usize = 500;

/// `starts` with more starts added so that no sentence is longer than [`MAX_SENTENCE_TOKENS`]:
/// an over-long one breaks after its last comma, semicolon, colon or dash in the second half of
/// the allowed length, else at the length itself.
fn capped(text: &str, tokens: &[Token], starts: Vec<usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(starts.len());
    let mut first = 0;
    for end in starts.into_iter().chain([tokens.len()]) {
        while end.saturating_sub(first) > MAX_SENTENCE_TOKENS {
            let limit = first + MAX_SENTENCE_TOKENS;
            let pause = (first + MAX_SENTENCE_TOKENS / 2..limit).rev().find(|&t| {
                matches!(
                    text.get(tokens[t].span.range()),
                    Some("," | ";" | ":" | "-" | "–" | "—")
                )
            });
            let cut = pause.map_or(limit, |t| t + 1);
            out.push(cut);
            first = cut;
        }
        if end < tokens.len() {
            out.push(end);
        }
        first = first.max(end);
    }
    out
}

/// The segmentation stage: writes the paragraph, sentence and token layers of `doc`.
pub fn segment(doc: &mut Doc) {
    let Segmentation {
        paragraphs,
        sentences,
        tokens,
    } = segment_text(doc.text());
    let annotations: &mut Annotations = doc.annotations_mut();
    annotations.paragraphs = paragraphs;
    annotations.sentences = sentences;
    annotations.tokens = tokens;
}
