//! `dateline eval deps`: unlabelled and labelled attachment scores on CoNLL-U gold.
//!
//! With gold tokens, every word is scored (punctuation included, as in the CoNLL 2018 shared
//! task). LAS counts the full relation with its subtype; "LAS (universal)" compares only the part
//! before the colon, as the CoNLL 2018 script does. With `--own-tokens`, Dateline segments each
//! gold sentence's text itself, words are aligned by character span, and the scores are F1 over
//! aligned words.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, Result};
use dateline_core::tagset::PosTag;
use dateline_nlp::parser::Parser;

use super::conllu::{read_sentences, ConlluSentence};
use super::ud::{align, gold_spans, gold_tags, own_tokens};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;
use crate::models::read_model;
use crate::train::parser::{LABELS_FILE, TRANSITIONS_FILE};

/// Counts behind UAS and LAS.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DepsScores {
    /// Gold words.
    pub gold: usize,
    /// Predicted words (differs from gold only with own tokens).
    pub predicted: usize,
    /// Words with the right head.
    pub heads: usize,
    /// Words with the right head and full relation.
    pub labelled: usize,
    /// Words with the right head and universal relation.
    pub labelled_universal: usize,
    /// Words with the right relation, whatever the head.
    pub relations: usize,
}

impl DepsScores {
    fn f1(&self, correct: usize) -> f64 {
        let precision = correct as f64 / self.predicted.max(1) as f64;
        let recall = correct as f64 / self.gold.max(1) as f64;
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }

    /// Unlabelled attachment score (F1; accuracy when tokens are gold).
    pub fn uas(&self) -> f64 {
        self.f1(self.heads)
    }

    /// Labelled attachment score with full relations.
    pub fn las(&self) -> f64 {
        self.f1(self.labelled)
    }

    /// Labelled attachment score with universal relations.
    pub fn las_universal(&self) -> f64 {
        self.f1(self.labelled_universal)
    }

    /// Relation accuracy.
    pub fn label_accuracy(&self) -> f64 {
        self.f1(self.relations)
    }
}

fn universal(relation: &str) -> &str {
    relation.split(':').next().unwrap_or(relation)
}

/// Scores `parser` on gold tokens, with tags from `tags_for(index, sentence)`.
pub fn score_gold_tokens(
    sentences: &[ConlluSentence],
    mut tags_for: impl FnMut(usize, &ConlluSentence) -> Vec<PosTag>,
    parser: &Parser,
) -> DepsScores {
    let mut scores = DepsScores::default();
    for (index, sentence) in sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.tokens.is_empty())
    {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
        let tags = tags_for(index, sentence);
        let parsed = parser.parse_words(&words, &tags);
        for (gold, predicted) in sentence.tokens.iter().zip(&parsed) {
            let predicted_head = predicted.head.map_or(0, |h| h + 1);
            let head_right = predicted_head == gold.head;
            scores.gold += 1;
            scores.predicted += 1;
            scores.heads += usize::from(head_right);
            scores.labelled += usize::from(head_right && predicted.relation == gold.deprel);
            scores.labelled_universal +=
                usize::from(head_right && universal(predicted.relation) == universal(&gold.deprel));
            scores.relations += usize::from(predicted.relation == gold.deprel);
        }
    }
    scores
}

/// Scores on Dateline's own tokenization of each gold sentence's text.
pub fn score_own_tokens(
    sentences: &[ConlluSentence],
    mut tags_for_words: impl FnMut(&[&str]) -> Vec<PosTag>,
    parser: &Parser,
) -> DepsScores {
    let mut scores = DepsScores::default();
    for sentence in sentences.iter().filter(|s| !s.tokens.is_empty()) {
        let spans = own_tokens(&sentence.text);
        let words: Vec<&str> = spans.iter().map(|&(s, e)| &sentence.text[s..e]).collect();
        let tags = tags_for_words(&words);
        let parsed = parser.parse_words(&words, &tags);
        let gold = gold_spans(
            &sentence.text,
            sentence.tokens.iter().map(|t| t.form.as_str()),
        );
        let alignment = align(&gold, &spans);
        scores.gold += sentence.tokens.len();
        scores.predicted += words.len();
        for (index, gold_token) in sentence.tokens.iter().enumerate() {
            let Some(predicted_index) = alignment[index] else {
                continue;
            };
            let predicted = parsed[predicted_index];
            let head_right = match (gold_token.head, predicted.head) {
                (0, None) => true,
                (gold_head, Some(predicted_head)) if gold_head > 0 => {
                    alignment.get(gold_head as usize - 1).copied().flatten()
                        == Some(predicted_head as usize)
                }
                _ => false,
            };
            scores.heads += usize::from(head_right);
            scores.labelled += usize::from(head_right && predicted.relation == gold_token.deprel);
            scores.labelled_universal += usize::from(
                head_right && universal(predicted.relation) == universal(&gold_token.deprel),
            );
            scores.relations += usize::from(predicted.relation == gold_token.deprel);
        }
    }
    scores
}

/// Loads the parser from the models folder.
pub fn load_parser() -> Result<Parser> {
    let transitions = read_model(TRANSITIONS_FILE)?;
    let labels = read_model(LABELS_FILE)?;
    Parser::from_bytes(&transitions, &labels).context("loading the parser models")
}

/// Runs `dateline eval deps`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let gold_path: PathBuf = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/ud/UD_English-EWT/en_ewt-ud-test.conllu"));
    let sentences =
        read_sentences(&gold_path).with_context(|| format!("reading {}", gold_path.display()))?;
    let parser = load_parser()?;
    let tagger = if args.gold_tags {
        None
    } else {
        Some(crate::eval::pos::load_tagger(&crate::models::models_dir())?)
    };
    let scores = match (&tagger, args.own_tokens) {
        (None, false) => score_gold_tokens(&sentences, |_, s| gold_tags(s), &parser),
        (Some(tagger), false) => score_gold_tokens(
            &sentences,
            |_, s| tagger.tag_words(&s.tokens.iter().map(|t| t.form.as_str()).collect::<Vec<_>>()),
            &parser,
        ),
        (Some(tagger), true) => {
            score_own_tokens(&sentences, |words| tagger.tag_words(words), &parser)
        }
        (None, true) => anyhow::bail!("--gold-tags needs gold tokens: drop --own-tokens"),
    };
    let mut out = String::new();
    let tokens = if args.own_tokens {
        "own tokens (F1 over aligned words)"
    } else {
        "gold tokens"
    };
    let tags = if args.gold_tags {
        "gold tags"
    } else {
        "predicted tags"
    };
    let _ = writeln!(
        out,
        "{}: {} sentences, {tokens}, {tags}",
        gold_path.display(),
        sentences.iter().filter(|s| !s.tokens.is_empty()).count()
    );
    let _ = writeln!(
        out,
        "words: gold {} predicted {}",
        scores.gold, scores.predicted
    );
    let _ = writeln!(out, "UAS               {:.4}", scores.uas());
    let _ = writeln!(out, "LAS (universal)   {:.4}", scores.las_universal());
    let _ = writeln!(out, "label accuracy    {:.4}", scores.label_accuracy());
    let _ = writeln!(out, "deps LAS {:.4}", scores.las());
    print!("{out}");
    Ok(())
}
