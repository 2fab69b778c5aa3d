//! Part-of-speech tagger: UPOS and Penn Treebank XPOS for every token.
//!
//! A greedy left-to-right averaged perceptron ([`crate::perceptron`]) predicts one *joint* class
//! "UPOS|XPOS" per word (117 combinations occur in EWT + GUM); the joint class keeps the two tags
//! consistent and costs one decision. Features ([`features`]) are Honnibal-style: the word,
//! affixes, shape, the words ±2 around it and the two previous predicted tags. Frequent words that
//! nearly always take one class (the tag dictionary: ≥ 20 occurrences, ≥ 97 % one class) skip
//! the model.
//!
//! The model file (`data/models/tagger.bin.gz`, see [`format`]) holds the tag dictionary and the
//! perceptron model. [`Tagger`] is immutable: share one between threads.
//!
//! ```no_run
//! use dateline_nlp::tagger::Tagger;
//! let tagger = Tagger::from_bytes(&std::fs::read("data/models/tagger.bin.gz")?)?;
//! let tags = tagger.tag_words(&["Putin", "met", "Trump", "."]);
//! assert_eq!(tags[1].upos, "VERB");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod features;
mod format;
mod train;

use dateline_core::tagset::{intern, PosTag, UPOS, XPOS};
use dateline_core::Doc;

use crate::perceptron::{argmax, Features, Model, ModelError};
use features::{Context, START, START2};
use format::Lexicons;

pub(crate) use features::{normalize_quotes, shape};
pub use train::{shuffle, TaggerTrainer, TrainSentence};

/// The perceptron model's type tag inside the tagger file.
pub const MODEL_TYPE: &str = "tagger/upos-xpos";

/// The tag given to tokens outside every sentence (they should not exist).
const UNKNOWN: PosTag = PosTag {
    upos: "X",
    xpos: "XX",
};

/// A trained tagger. Immutable and `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    /// Class index → its tags.
    classes: Vec<PosTag>,
    /// The tag dictionary and the ambiguity classes.
    lexicons: Lexicons,
}

impl Tagger {
    /// Loads a tagger written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let (lexicons, model) = format::read(bytes)?;
        let model = Model::read(&model, MODEL_TYPE)?;
        Tagger::new(model, lexicons)
    }

    /// Builds a tagger from a model whose labels are "UPOS|XPOS" pairs.
    pub(crate) fn new(model: Model, lexicons: Lexicons) -> Result<Tagger, ModelError> {
        let classes = model
            .labels()
            .iter()
            .map(|label| parse_label(label))
            .collect::<Result<Vec<_>, _>>()?;
        if classes.len() != model.classes() {
            return Err(ModelError::Corrupt(format!(
                "{} labels for {} classes",
                classes.len(),
                model.classes()
            )));
        }
        let out_of_range = |class: &u16| usize::from(*class) >= classes.len();
        let bad_word = lexicons
            .dictionary
            .iter()
            .find(|(_, class)| out_of_range(class))
            .map(|(w, _)| w);
        let bad_word = bad_word.or_else(|| {
            lexicons
                .ambiguity
                .iter()
                .find(|(_, c)| c.iter().any(out_of_range))
                .map(|(w, _)| w)
        });
        if let Some(word) = bad_word {
            return Err(ModelError::Corrupt(format!(
                "word {word:?} has a class outside the model's"
            )));
        }
        Ok(Tagger {
            model,
            classes,
            lexicons,
        })
    }

    /// Serializes the tagger (tag dictionary and model) in the format [`Tagger::from_bytes`] reads.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut model = Vec::new();
        self.model.write(MODEL_TYPE, &mut model)?;
        format::write(&self.lexicons, &model)
    }

    /// Number of weight rows (hashed features) in the model.
    pub fn feature_count(&self) -> usize {
        self.model.rows()
    }

    /// Number of words in the tag dictionary.
    pub fn dictionary_len(&self) -> usize {
        self.lexicons.dictionary.len()
    }

    /// Tags the words of one sentence.
    pub fn tag_words(&self, words: &[&str]) -> Vec<PosTag> {
        self.classify(words)
            .into_iter()
            .map(|class| self.classes[class])
            .collect()
    }

    /// Tags every sentence of `doc`, writing `annotations.pos` parallel to the tokens.
    pub fn tag(&self, doc: &mut Doc) {
        let annotations = doc.annotations();
        let mut pos = vec![UNKNOWN; annotations.tokens.len()];
        for sentence in &annotations.sentences {
            let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
            let Some(tokens) = annotations.tokens.get(range.clone()) else {
                continue;
            };
            let words: Vec<&str> = tokens.iter().map(|token| doc.slice(token.span)).collect();
            for (slot, tag) in pos[range].iter_mut().zip(self.tag_words(&words)) {
                *slot = tag;
            }
        }
        doc.annotations_mut().pos = pos;
    }

    /// Class indices for one sentence, greedily left to right.
    fn classify(&self, words: &[&str]) -> Vec<usize> {
        let context = Context::new(words, &self.lexicons.ambiguity);
        let mut features = Features::new();
        let mut scores = Vec::with_capacity(self.classes.len());
        let mut out = Vec::with_capacity(words.len());
        let (mut prev, mut prev2) = (START, START2);
        for i in 0..context.len() {
            let class = match self.lexicons.dictionary.get(context.word(i)) {
                Some(&class) => usize::from(class),
                None => {
                    context.extract(i, prev, prev2, &mut features);
                    self.model.scores(features.hashes(), &mut scores);
                    argmax(&scores)
                }
            };
            out.push(class);
            prev2 = prev;
            prev = class as u64;
        }
        out
    }
}

/// The joint label of a tag pair, as stored in the model.
pub fn joint_label(upos: &str, xpos: &str) -> String {
    format!("{upos}|{xpos}")
}

/// Splits a joint "UPOS|XPOS" label into interned tags.
fn parse_label(label: &str) -> Result<PosTag, ModelError> {
    let bad = || ModelError::Corrupt(format!("unknown tag pair {label:?}"));
    let (upos, xpos) = label.split_once('|').ok_or_else(bad)?;
    Ok(PosTag {
        upos: intern(&UPOS, upos).ok_or_else(bad)?,
        xpos: intern(&XPOS, xpos).ok_or_else(bad)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_reject_unknown_tags() {
        assert_eq!(
            parse_label("PROPN|NNP").ok(),
            Some(PosTag {
                upos: "PROPN",
                xpos: "NNP"
            })
        );
        assert!(parse_label("NOUN").is_err());
        assert!(parse_label("NOUN|BOGUS").is_err());
        assert_eq!(joint_label("AUX", "VBZ"), "AUX|VBZ");
    }

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
