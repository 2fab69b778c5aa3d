//! `dateline eval pos`: UPOS, XPOS and lemma accuracy on CoNLL-U gold (default: EWT test).
//!
//! With gold tokens, the tagger tags each gold sentence's forms. With `--own-tokens`, Dateline's
//! segmenter tokenizes each gold sentence's `# text` (the sentence is given, the tokens are ours);
//! gold tokens are located in the text by their forms, and a gold token counts as right only if
//! one of our tokens has exactly its span and the right tag. Token boundaries are scored as
//! P/R/F1 as well. The last line is `pos UPOS 0.xxxx`.
//!
//! Models are read at run time from the models folder ([`crate::models::models_dir`]:
//! `$DATELINE_MODELS`, else `data/models` under the current directory).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use dateline_core::tagset::PosTag;
use dateline_nlp::lemmatizer::Lemmatizer;
use dateline_nlp::tagger::Tagger;

use super::conllu::{read_sentences, ConlluSentence};
use super::ud::{align, gold_spans, own_tokens};
use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;
use crate::models::read_model_in;

/// The tagger's file name inside the models folder.
pub const TAGGER_FILE: &str = "tagger.bin.gz";
/// The lemma lexicon's file name inside the models folder.
pub const LEMMAS_FILE: &str = "lemmas.tsv.gz";

/// Accuracy counts over gold tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Gold tokens scored.
    pub tokens: usize,
    /// Right UPOS.
    pub upos: usize,
    /// Right XPOS.
    pub xpos: usize,
    /// Right UPOS and XPOS.
    pub both: usize,
    /// Right lemma.
    pub lemma: usize,
    /// Token boundaries (own tokens only).
    pub boundaries: Counts,
    /// Tokens we tagged, and the time tagging them took.
    pub tagged: usize,
    /// Time spent in the tagger alone.
    pub tagging_time: Duration,
}

impl Scores {
    /// `count / tokens`.
    pub fn rate(&self, count: usize) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            count as f64 / self.tokens as f64
        }
    }
}

/// Runs the evaluation.
pub fn run(args: &EvalArgs) -> Result<()> {
    let gold = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/ud/UD_English-EWT/en_ewt-ud-test.conllu"));
    let mut sentences = read_sentences(&gold)
        .with_context(|| format!("loading gold data from {}", gold.display()))?;
    if let Some(prefix) = &args.doc_prefix {
        sentences.retain(|s| s.doc_id.starts_with(prefix.as_str()));
    }
    let dir = crate::models::models_dir();
    let tagger = load_tagger(&dir)?;
    let lemmatizer = load_lemmatizer(&dir)?;
    let mut errors = Vec::new();
    let scores = if args.own_tokens {
        evaluate_own_tokens(&tagger, &lemmatizer, &sentences, &mut errors)
    } else {
        evaluate_gold_tokens(&tagger, &lemmatizer, &sentences, &mut errors)
    };
    print!(
        "{}",
        render(&gold, &scores, args.own_tokens, &errors, args.errors)
    );
    Ok(())
}

/// Loads the tagger from a models folder.
pub fn load_tagger(dir: &Path) -> Result<Tagger> {
    let bytes = read_model_in(dir, TAGGER_FILE)?;
    Tagger::from_bytes(&bytes)
        .with_context(|| format!("{}: cannot load", dir.join(TAGGER_FILE).display()))
}

/// Loads the lemma lexicon from a models folder.
pub fn load_lemmatizer(dir: &Path) -> Result<Lemmatizer> {
    let bytes = read_model_in(dir, LEMMAS_FILE)?;
    Lemmatizer::from_bytes(&bytes)
        .with_context(|| format!("{}: cannot load", dir.join(LEMMAS_FILE).display()))
}

/// Tags the gold forms of every sentence and counts agreement.
pub fn evaluate_gold_tokens(
    tagger: &Tagger,
    lemmatizer: &Lemmatizer,
    sentences: &[ConlluSentence],
    errors: &mut Vec<String>,
) -> Scores {
    let mut scores = Scores::default();
    for sentence in sentences {
        let words: Vec<&str> = sentence.tokens.iter().map(|t| t.form.as_str()).collect();
        let started = Instant::now();
        let tags = tagger.tag_words(&words);
        scores.tagging_time += started.elapsed();
        scores.tagged += words.len();
        for (token, tag) in sentence.tokens.iter().zip(tags) {
            let lemma = lemmatizer.lemma(&token.form, tag);
            score_token(&mut scores, sentence, token, Some((tag, lemma)), errors);
        }
    }
    scores
}

fn score_token(
    scores: &mut Scores,
    sentence: &ConlluSentence,
    gold: &super::conllu::ConlluToken,
    predicted: Option<(PosTag, String)>,
    errors: &mut Vec<String>,
) {
    scores.tokens += 1;
    let Some((tag, lemma)) = predicted else {
        errors.push(format!(
            "{}\t{}\ttoken boundary\t(not a token of ours)",
            sentence.id, gold.form
        ));
        return;
    };
    let upos = tag.upos == gold.upos;
    let xpos = tag.xpos == gold.xpos;
    scores.upos += usize::from(upos);
    scores.xpos += usize::from(xpos);
    scores.both += usize::from(upos && xpos);
    scores.lemma += usize::from(lemma == gold.lemma);
    if !(upos && xpos) {
        let gold_tag = format!("{}|{}", gold.upos, gold.xpos);
        errors.push(format!(
            "{}\t{}\tgold {gold_tag}\tours {}|{}",
            sentence.id, gold.form, tag.upos, tag.xpos
        ));
    } else if lemma != gold.lemma {
        errors.push(format!(
            "{}\t{}\tgold lemma {}\tours {lemma}",
            sentence.id, gold.form, gold.lemma
        ));
    }
}

/// Tokenizes each sentence's text with our segmenter, tags our tokens, and scores gold tokens
/// whose exact span we reproduced.
pub fn evaluate_own_tokens(
    tagger: &Tagger,
    lemmatizer: &Lemmatizer,
    sentences: &[ConlluSentence],
    errors: &mut Vec<String>,
) -> Scores {
    let mut scores = Scores::default();
    for sentence in sentences {
        let text = sentence.text.as_str();
        let ours = own_tokens(text);
        let words: Vec<&str> = ours.iter().map(|&(start, end)| &text[start..end]).collect();
        let started = Instant::now();
        let tags = tagger.tag_words(&words);
        scores.tagging_time += started.elapsed();
        scores.tagged += words.len();
        let spans = gold_spans(text, sentence.tokens.iter().map(|t| t.form.as_str()));
        let alignment = align(&spans, &ours);
        let mut matched = 0;
        for (gold, aligned) in sentence.tokens.iter().zip(alignment) {
            let predicted = aligned.map(|i| (tags[i], lemmatizer.lemma(words[i], tags[i])));
            matched += usize::from(predicted.is_some());
            score_token(&mut scores, sentence, gold, predicted, errors);
        }
        scores.boundaries.add(Counts {
            true_positives: matched,
            false_positives: ours.len() - matched,
            false_negatives: sentence.tokens.len() - matched,
        });
    }
    scores
}

/// The report: accuracy table, boundaries, speed, mistakes, and the `pos UPOS` line last.
pub fn render(
    gold: &Path,
    scores: &Scores,
    own_tokens: bool,
    errors: &[String],
    max_errors: usize,
) -> String {
    let mut out = String::new();
    let tokens = if own_tokens {
        "own tokens"
    } else {
        "gold tokens"
    };
    let _ = writeln!(
        out,
        "gold: {} ({} tokens, {tokens})",
        gold.display(),
        scores.tokens
    );
    let _ = writeln!(
        out,
        "{:<16} {:>8} {:>8} {:>8}",
        "", "right", "gold", "accuracy"
    );
    for (name, right) in [
        ("UPOS", scores.upos),
        ("XPOS", scores.xpos),
        ("UPOS+XPOS", scores.both),
        ("lemma", scores.lemma),
    ] {
        let _ = writeln!(
            out,
            "{name:<16} {right:>8} {:>8} {:>8.4}",
            scores.tokens,
            scores.rate(right)
        );
    }
    if own_tokens {
        out.push_str(&table(&[("token boundaries", scores.boundaries)]));
    }
    let seconds = scores.tagging_time.as_secs_f64();
    if seconds > 0.0 {
        let rate = scores.tagged as f64 / seconds;
        let _ = writeln!(
            out,
            "tagging: {} tokens in {seconds:.3} s ({rate:.0} tokens/s, one thread)",
            scores.tagged
        );
    }
    if max_errors > 0 {
        let _ = writeln!(
            out,
            "first {} of {} mistakes:",
            max_errors.min(errors.len()),
            errors.len()
        );
        for error in errors.iter().take(max_errors) {
            let _ = writeln!(out, "  {error}");
        }
    }
    let _ = writeln!(out, "pos UPOS {:.4}", scores.rate(scores.upos));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_forms_are_located_in_the_text() {
        let spans = gold_spans("I don't know.", ["I", "do", "n't", "know", "."].into_iter());
        assert_eq!(
            spans,
            vec![
                Some((0, 1)),
                Some((2, 4)),
                Some((4, 7)),
                Some((8, 12)),
                Some((12, 13))
            ]
        );
        let spans = gold_spans("gonna go", ["gon", "na", "XYZ", "go"].into_iter());
        assert_eq!(spans, vec![Some((0, 3)), Some((3, 5)), None, Some((6, 8))]);
    }
}
