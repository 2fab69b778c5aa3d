//! Named-entity recognition: PER, LOC, ORG and MISC names, by a greedy left-to-right averaged
//! perceptron over BILOU labels.
//!
//! Features ([`features`]) are the word, its shape and affixes, the words and tags around it, the
//! two previous predicted labels, the KB names it is part of (countries, capitals, demonyms,
//! people, organizations — the gazetteer), the GeoNames places it spells ([`places`]), whether
//! a title word precedes it, and two document-wide facts: what the same word was labelled
//! earlier in the document, and whether it also appears in lowercase. Decoding only takes label sequences BILOU allows.
//!
//! The model is trained by `dateline train ner` on CoNLL-2003 (Reuters newswire) and bundled as
//! `data/models/ner.bin.gz`. [`Recognizer`] is immutable: share one between threads.

mod features;
mod places;
mod train;

use std::collections::HashMap;
use std::ops::Range;

use dateline_core::{ByteSpan, Doc, NameSpan};

use crate::clusters::WordClusters;
use crate::gazetteer::Gazetteer;
use crate::kb::Kb;
use crate::perceptron::{Features, Model, ModelError};
pub use features::NerDocument;
pub use train::{bio_to_bilou, NerTrainer, TrainDocument};

/// The perceptron model's type tag inside the NER file.
pub const MODEL_TYPE: &str = "ner/bilou-v1";

/// The entity classes, as CoNLL-2003 names them.
pub const CLASSES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// The label before a sentence's first token.
const START: u64 = u64::MAX;

/// A BILOU label: where in a name a token is, and the name's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Label {
    /// `O`, `B`, `I`, `L` or `U`.
    pub prefix: u8,
    /// Index into [`CLASSES`]; unused for `O`.
    pub class: usize,
}

impl Label {
    /// Parses "O", "B-PER", "U-MISC", ….
    pub fn parse(text: &str) -> Option<Label> {
        if text == "O" {
            return Some(Label {
                prefix: b'O',
                class: 0,
            });
        }
        let (prefix, class) = text.split_once('-')?;
        let prefix = match prefix {
            "B" | "I" | "L" | "U" => prefix.as_bytes()[0],
            _ => return None,
        };
        let class = CLASSES.iter().position(|c| *c == class)?;
        Some(Label { prefix, class })
    }

    /// Whether this label may follow `previous` (`None` at a sentence start).
    fn may_follow(&self, previous: Option<Label>) -> bool {
        let open = previous.filter(|p| matches!(p.prefix, b'B' | b'I'));
        match open {
            Some(p) => matches!(self.prefix, b'I' | b'L') && self.class == p.class,
            None => matches!(self.prefix, b'O' | b'B' | b'U'),
        }
    }

    /// Whether a sentence may end on this label.
    fn may_end(&self) -> bool {
        matches!(self.prefix, b'O' | b'L' | b'U')
    }
}

/// All labels in model order: O, then B/I/L/U for each class.
pub fn label_names() -> Vec<String> {
    let mut names = vec!["O".to_string()];
    for class in CLASSES {
        for prefix in ["B", "I", "L", "U"] {
            names.push(format!("{prefix}-{class}"));
        }
    }
    names
}

/// A trained recognizer. Immutable and `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Recognizer {
    model: Model,
    labels: Vec<Label>,
    clusters: WordClusters,
}

/// A recognized name: token range and class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Tokens `start..end`.
    pub tokens: Range<usize>,
    /// One of [`CLASSES`].
    pub class: &'static str,
}

impl Recognizer {
    /// Loads a recognizer written by [`Recognizer::to_bytes`], with the word clusters it was
    /// trained with.
    pub fn from_bytes(bytes: &[u8], clusters: WordClusters) -> Result<Recognizer, ModelError> {
        Recognizer::new(Model::read(bytes, MODEL_TYPE)?, clusters)
    }

    pub(crate) fn new(model: Model, clusters: WordClusters) -> Result<Recognizer, ModelError> {
        let labels = model
            .labels()
            .iter()
            .map(|l| {
                Label::parse(l)
                    .ok_or_else(|| ModelError::Corrupt(format!("unknown NER label {l:?}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if labels.len() != model.classes() {
            return Err(ModelError::Corrupt(format!(
                "{} labels for {} classes",
                labels.len(),
                model.classes()
            )));
        }
        Ok(Recognizer {
            model,
            labels,
            clusters,
        })
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut out = Vec::new();
        self.model.write(MODEL_TYPE, &mut out)?;
        Ok(out)
    }

    /// The word clusters its features use.
    pub fn clusters(&self) -> &WordClusters {
        &self.clusters
    }

    /// Number of weight rows (hashed features).
    pub fn feature_count(&self) -> usize {
        self.model.rows()
    }

    /// Finds the names of a prepared document.
    pub fn recognize_document(&self, document: &NerDocument) -> Vec<Name> {
        let classes = decode(document, &self.labels, &mut ModelStep(&self.model));
        spans(&classes, &self.labels)
    }

    /// Finds the names of `doc` (tokens, sentences and tags must be there) and writes
    /// `annotations.names`.
    pub fn recognize(&self, doc: &mut Doc, kb: &Kb, places: Option<&Gazetteer>) {
        let annotations = doc.annotations();
        let tokens: Vec<ByteSpan> = annotations.tokens.iter().map(|t| t.span).collect();
        let sentences: Vec<Range<usize>> = annotations
            .sentences
            .iter()
            .map(|s| s.tokens.start as usize..s.tokens.end as usize)
            .collect();
        let xpos: Vec<&str> = annotations.pos.iter().map(|p| p.xpos).collect();
        let document = NerDocument::new(
            doc.text(),
            &tokens,
            &sentences,
            &xpos,
            kb,
            &self.clusters,
            places,
        );
        let names = self
            .recognize_document(&document)
            .into_iter()
            .map(|name| NameSpan {
                span: ByteSpan::new(
                    tokens[name.tokens.start].start as usize,
                    tokens[name.tokens.end - 1].end as usize,
                ),
                tokens: name.tokens.start as u32..name.tokens.end as u32,
                class: name.class,
            })
            .collect();
        doc.annotations_mut().names = names;
    }
}

/// What decoding asks of a model: scores for a token's features, and (when training) the label
/// chosen, to learn from.
pub(crate) trait Step {
    /// Fills the class scores for `features`.
    fn score(&mut self, features: &[u64], scores: &mut Vec<f32>);
    /// Told the label chosen for token `token`.
    fn chosen(&mut self, _token: usize, _features: &[u64], _label: usize) {}
}

/// Scoring with a trained model.
struct ModelStep<'m>(&'m Model);

impl Step for ModelStep<'_> {
    fn score(&mut self, features: &[u64], scores: &mut Vec<f32>) {
        self.0.scores(features, scores);
    }
}

/// Greedy decoding over a document, sentence by sentence, with BILOU constraints: the one loop
/// both running and training use. Returns one label index per token.
pub(crate) fn decode(document: &NerDocument, labels: &[Label], step: &mut impl Step) -> Vec<usize> {
    let mut out = vec![0; document.len()];
    let mut features = Features::new();
    let mut scores = Vec::new();
    let mut history: HashMap<String, u64> = HashMap::new();
    for sentence in &document.sentences {
        let (mut prev, mut prev2) = (START, START);
        let mut previous: Option<Label> = None;
        for i in sentence.clone() {
            document.extract(i, sentence, prev, prev2, &history, &mut features);
            step.score(features.hashes(), &mut scores);
            let last = i + 1 == sentence.end;
            let best = best_valid(&scores, labels, previous, last);
            step.chosen(i, features.hashes(), best);
            out[i] = best;
            prev2 = prev;
            prev = best as u64;
            previous = Some(labels[best]);
        }
        remember(document, sentence, &out, labels, &mut history);
    }
    out
}

/// The best-scoring label allowed after `previous`.
pub(crate) fn best_valid(
    scores: &[f32],
    labels: &[Label],
    previous: Option<Label>,
    last: bool,
) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (i, label) in labels.iter().enumerate() {
        if !label.may_follow(previous) || (last && !label.may_end()) {
            continue;
        }
        let s = scores.get(i).copied().unwrap_or(0.0);
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    best
}

/// Records the class each word of the sentence was labelled with, for later sentences.
pub(crate) fn remember(
    document: &NerDocument,
    sentence: &Range<usize>,
    out: &[usize],
    labels: &[Label],
    history: &mut HashMap<String, u64>,
) {
    for i in sentence.clone() {
        let label = labels[out[i]];
        let class = if label.prefix == b'O' {
            99
        } else {
            label.class as u64
        };
        let word = document.word(i);
        if word.chars().next().is_some_and(char::is_uppercase) {
            history.insert(word.to_string(), class);
        }
    }
}

/// Label indices → names.
fn spans(classes: &[usize], labels: &[Label]) -> Vec<Name> {
    let mut names = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in classes.iter().enumerate() {
        let label = labels[c];
        match label.prefix {
            b'B' => open = Some(i),
            b'L' => {
                if let Some(start) = open.take() {
                    names.push(Name {
                        tokens: start..i + 1,
                        class: CLASSES[label.class],
                    });
                }
            }
            b'U' => {
                open = None;
                names.push(Name {
                    tokens: i..i + 1,
                    class: CLASSES[label.class],
                });
            }
            b'I' => {}
            _ => open = None,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let b_per = Label::parse("B-PER").unwrap();
        assert!(Label::parse("L-PER").unwrap().may_follow(Some(b_per)));
        assert!(!Label::parse("L-ORG").unwrap().may_follow(Some(b_per)));
        assert!(!Label::parse("O").unwrap().may_follow(Some(b_per)));
        assert!(Label::parse("U-LOC").unwrap().may_follow(None));
        assert!(!Label::parse("I-LOC").unwrap().may_follow(None));
        assert!(!b_per.may_end());
        assert_eq!(label_names().len(), 17);
        assert!(label_names().iter().all(|l| Label::parse(l).is_some()));
    }

    #[test]
    fn spans_from_labels() {
        let labels: Vec<Label> = label_names()
            .iter()
            .filter_map(|l| Label::parse(l))
            .collect();
        let index = |l: &str| label_names().iter().position(|x| x == l).unwrap();
        let seq = [index("B-PER"), index("L-PER"), index("O"), index("U-LOC")];
        let names = spans(&seq, &labels);
        assert_eq!(
            names,
            vec![
                Name {
                    tokens: 0..2,
                    class: "PER"
                },
                Name {
                    tokens: 3..4,
                    class: "LOC"
                }
            ]
        );
    }
}
