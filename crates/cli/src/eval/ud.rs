//! Conversions between CoNLL-U sentences and the models' inputs, and the alignment of Dateline's
//! own tokens to gold tokens by character offsets (as the CoNLL 2018 evaluation aligns words).

use dateline_core::tagset::{intern, PosTag, UPOS, XPOS};
use dateline_nlp::parser::TreeSentence;
use dateline_nlp::segment::segment_text;

use super::conllu::ConlluSentence;

/// A gold sentence as the parser trainer wants it (gold tags).
pub fn tree_sentence(sentence: &ConlluSentence) -> TreeSentence {
    let n = sentence.tokens.len();
    TreeSentence {
        words: sentence.tokens.iter().map(|t| t.form.clone()).collect(),
        xpos: sentence.tokens.iter().map(|t| t.xpos.clone()).collect(),
        upos: sentence.tokens.iter().map(|t| t.upos.clone()).collect(),
        heads: sentence
            .tokens
            .iter()
            .map(|t| {
                if t.head == 0 || t.head as usize > n {
                    n
                } else {
                    t.head as usize - 1
                }
            })
            .collect(),
        relations: sentence.tokens.iter().map(|t| t.deprel.clone()).collect(),
    }
}

/// The gold tags of a sentence as `PosTag`s (unknown tags become X / XX).
pub fn gold_tags(sentence: &ConlluSentence) -> Vec<PosTag> {
    sentence
        .tokens
        .iter()
        .map(|t| PosTag {
            upos: intern(&UPOS, &t.upos).unwrap_or("X"),
            xpos: intern(&XPOS, &t.xpos).unwrap_or("XX"),
        })
        .collect()
}

/// Byte spans of the gold forms in the sentence text, found left to right. A form that cannot be
/// found close ahead (a multiword token written differently, a text/form mismatch) gets `None`.
pub fn gold_spans<'a>(
    text: &str,
    forms: impl Iterator<Item = &'a str>,
) -> Vec<Option<(usize, usize)>> {
    /// How far past the cursor a form may be found (skipping an unaligned token's characters).
    const MAX_SKIP: usize = 24;
    let mut cursor = 0;
    let mut spans = Vec::new();
    for form in forms {
        let found = text
            .get(cursor..)
            .and_then(|rest| rest.find(form))
            .filter(|&offset| offset <= MAX_SKIP);
        match found {
            Some(offset) if !form.is_empty() => {
                let start = cursor + offset;
                cursor = start + form.len();
                spans.push(Some((start, cursor)));
            }
            _ => spans.push(None),
        }
    }
    spans
}

/// Dateline's tokens of the sentence text, as byte spans with their strings.
pub fn own_tokens(text: &str) -> Vec<(usize, usize)> {
    segment_text(text)
        .tokens
        .iter()
        .map(|t| (t.span.start as usize, t.span.end as usize))
        .collect()
}

/// For each gold word, the index of the predicted token with exactly the same span.
pub fn align(gold: &[Option<(usize, usize)>], predicted: &[(usize, usize)]) -> Vec<Option<usize>> {
    gold.iter()
        .map(|span| span.and_then(|span| predicted.binary_search(&span).ok()))
        .collect()
}
