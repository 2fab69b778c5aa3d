//! Named-entity recognition: PER, LOC, ORG and MISC names, by a left-to-right averaged
//! perceptron over BILOU labels, decoded with a small beam and trained with the same beam
//! ([`beam`]).
//!
//! Features ([`features`]) are the word, its shape and affixes, the words and tags around it, the
//! two previous predicted labels, the KB names it is part of (countries, capitals, demonyms,
//! people, organizations — the gazetteer), the GeoNames places it spells ([`places`]), whether
//! a title word precedes it, and two document-wide facts: what the same word was labelled
//! earlier in the document, and whether it also appears in lowercase. Decoding only takes label
//! sequences BILOU allows. Afterwards a one-word name that is the surname of a person named in
//! full in the same document becomes a person, a lone title word ("Spokesperson") is no person,
//! and a leading "The" before a KB name leaves the name.
//!
//! The model is trained by `dateline train ner` on CoNLL-2003 (Reuters newswire) and bundled as
//! `data/models/ner.bin.gz`. [`Recognizer`] is immutable: share one between threads.

mod beam;
mod features;
mod places;
mod train;

use std::collections::HashMap;
use std::ops::Range;

use dateline_core::{ByteSpan, Doc, NameSpan};

use crate::clusters::WordClusters;
use crate::gazetteer::Gazetteer;
use crate::kb::Kb;
use crate::perceptron::{Model, ModelError};
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
        let classes = beam::decode_beam(document, &self.labels, &|f, s| self.model.scores(f, s));
        let mut names = spans(&classes, &self.labels);
        let surnames = full_name_surnames(document, &names);
        drop_lone_titles(document, &surnames, &mut names);
        surnames_stay_people(document, &surnames, &mut names);
        for name in &mut names {
            drop_article_before_kb_name(document, name);
        }
        names
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

/// The last words of the document's person names of two words or more.
fn full_name_surnames<'d>(document: &'d NerDocument, names: &[Name]) -> Vec<&'d str> {
    names
        .iter()
        .filter(|n| n.class == "PER" && n.tokens.len() >= 2)
        .map(|n| document.word(n.tokens.end - 1))
        .filter(|w| w.chars().count() > 1 && w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

/// A one-word person name that is a title or role noun ("the State Department Spokesperson")
/// names no one, unless it is the surname of someone named in full ("King" after "Larry King").
fn drop_lone_titles(document: &NerDocument, surnames: &[&str], names: &mut Vec<Name>) {
    names.retain(|n| {
        let lone_title = n.class == "PER"
            && n.tokens.len() == 1
            && document.is_title(n.tokens.start)
            && !surnames.contains(&document.word(n.tokens.start));
        !lone_title
    });
}

/// A one-word name that is the surname of a person named in full elsewhere in the document is
/// that person: news introduces "Neil Jordan" once and writes "Jordan" after, and the gazetteer
/// must not turn him into the country, nor a cardinal into a village.
fn surnames_stay_people(document: &NerDocument, surnames: &[&str], names: &mut [Name]) {
    for name in names
        .iter_mut()
        .filter(|n| n.class != "PER" && n.tokens.len() == 1)
    {
        if surnames.contains(&document.word(name.tokens.start)) {
            name.class = "PER";
        }
    }
}

/// "The Commerce Department" (capitalized, as at a sentence start or in a headline) is the KB's
/// "Commerce Department": the article is not part of the name unless the KB's name has it, or
/// the name is one the KB does not know ("The Oval", "The Times" stay whole).
fn drop_article_before_kb_name(document: &NerDocument, name: &mut Name) {
    let first = name.tokens.start;
    if name.tokens.len() >= 2
        && document.word(first) == "The"
        && !document.in_kb_name(first)
        && document.starts_kb_name(first + 1)
    {
        name.tokens.start += 1;
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
