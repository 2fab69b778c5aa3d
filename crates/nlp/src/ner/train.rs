//! Training the recognizer: the beam decoding of run time ([`super::beam`]; previous labels and
//! the document history are the model's own predictions), with an early update whenever the gold
//! label sequence of a sentence drops out of the beam or does not finish first.

use std::ops::Range;

use dateline_core::ByteSpan;

use super::{label_names, Label, NerDocument, Recognizer};
use crate::clusters::WordClusters;
use crate::gazetteer::Gazetteer;
use crate::kb::Kb;
use crate::perceptron::{ModelError, Trainer};

/// A gold document, prepared once for all epochs.
#[derive(Debug)]
pub struct TrainDocument {
    document: NerDocument,
    /// Gold label index per token.
    gold: Vec<usize>,
}

impl TrainDocument {
    /// Prepares a document from its sentences: words, predicted Penn tags and gold BIO labels
    /// ("B-PER", "I-PER", "O"; IOB1's "I-" at a name start is read as "B-").
    pub fn new(
        sentences: &[(Vec<String>, Vec<String>, Vec<String>)],
        kb: &Kb,
        clusters: &WordClusters,
        places: Option<&Gazetteer>,
    ) -> TrainDocument {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let mut tags: Vec<&str> = Vec::new();
        let mut gold = Vec::new();
        let names = label_names();
        for (words, xpos, bio) in sentences {
            let start = tokens.len();
            for word in words {
                if !text.is_empty() {
                    text.push(' ');
                }
                let at = text.len();
                text.push_str(word);
                tokens.push(ByteSpan::new(at, text.len()));
            }
            tags.extend(xpos.iter().map(String::as_str));
            for label in bio_to_bilou(bio) {
                gold.push(names.iter().position(|n| *n == label).unwrap_or(0));
            }
            ranges.push(start..tokens.len());
        }
        let document = NerDocument::new(&text, &tokens, &ranges, &tags, kb, clusters, places);
        TrainDocument { document, gold }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// The prepared document, for recognizing it.
    pub fn document(&self) -> &NerDocument {
        &self.document
    }

    /// Whether the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }
}

/// BIO (or IOB1) labels of one sentence → BILOU.
pub fn bio_to_bilou(bio: &[String]) -> Vec<String> {
    let class = |l: &str| l.split_once('-').map(|(_, c)| c.to_string());
    let begins = |i: usize| -> bool {
        let l = &bio[i];
        l.starts_with("B-")
            || (l.starts_with("I-")
                && (i == 0 || class(&bio[i - 1]) != class(l) || bio[i - 1] == "O"))
    };
    (0..bio.len())
        .map(|i| {
            let Some(c) = class(&bio[i]) else {
                return "O".to_string();
            };
            let continues = i + 1 < bio.len()
                && bio[i + 1].starts_with("I-")
                && class(&bio[i + 1]).as_deref() == Some(c.as_str());
            let prefix = match (begins(i), continues) {
                (true, true) => "B",
                (true, false) => "U",
                (false, true) => "I",
                (false, false) => "L",
            };
            format!("{prefix}-{c}")
        })
        .collect()
}

/// Trains a [`Recognizer`] epoch by epoch.
#[derive(Debug, Clone)]
pub struct NerTrainer {
    labels: Vec<Label>,
    names: Vec<String>,
    trainer: Trainer,
    clusters: WordClusters,
}

impl NerTrainer {
    /// A trainer over the BILOU labels of [`super::CLASSES`], with the word clusters the
    /// documents were prepared with.
    pub fn new(clusters: WordClusters) -> NerTrainer {
        let names = label_names();
        let labels = names.iter().filter_map(|n| Label::parse(n)).collect();
        NerTrainer {
            labels,
            trainer: Trainer::new(names.len()).with_min_updates(1),
            names,
            clusters,
        }
    }

    /// One pass over `documents` in the order `order`. Returns tokens labelled right.
    pub fn epoch(&mut self, documents: &[TrainDocument], order: &[usize]) -> usize {
        let mut correct = 0;
        for doc in order.iter().filter_map(|&i| documents.get(i)) {
            correct +=
                super::beam::train_beam(&doc.document, &self.labels, &doc.gold, &mut self.trainer);
        }
        correct
    }

    /// The recognizer the averaged weights so far make.
    pub fn snapshot(&self, prune_below: f32) -> Result<Recognizer, ModelError> {
        let model = self
            .trainer
            .clone()
            .finish(prune_below)
            .with_labels(self.names.clone());
        Recognizer::new(model, self.clusters.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn learns_names_from_a_tiny_corpus() {
        let kb = Kb::from_sources(&[]).unwrap();
        let clusters = WordClusters::default();
        let people = ["Anna Berg", "Omar Haddad", "Li Wei", "Sara Kim"];
        let places = ["Oslo", "Cairo", "Lima", "Hanoi"];
        let mut docs = Vec::new();
        for (i, person) in people.iter().enumerate() {
            let place = places[(i + 1) % places.len()];
            let mut words: Vec<String> = person.split(' ').map(String::from).collect();
            let mut labels = strings(&["B-PER", "I-PER"]);
            words.extend(["visited", place, "on", "Monday", "."].map(String::from));
            labels.extend(strings(&["O", "B-LOC", "O", "O", "O"]));
            let tags = strings(&["NNP", "NNP", "VBD", "NNP", "IN", "NNP", "."]);
            docs.push(TrainDocument::new(
                &[(words, tags, labels)],
                &kb,
                &clusters,
                None,
            ));
        }
        let mut trainer = NerTrainer::new(clusters.clone());
        let order: Vec<usize> = (0..docs.len()).collect();
        for _ in 0..8 {
            trainer.epoch(&docs, &order);
        }
        let recognizer = trainer.snapshot(0.0).unwrap();
        let words = strings(&["Omar", "Haddad", "visited", "Oslo", "on", "Monday", "."]);
        let tags = strings(&["NNP", "NNP", "VBD", "NNP", "IN", "NNP", "."]);
        let labels = vec!["O".to_string(); words.len()];
        let test = TrainDocument::new(&[(words, tags, labels)], &kb, &clusters, None);
        let names = recognizer.recognize_document(test.document());
        let found: Vec<(std::ops::Range<usize>, &str)> =
            names.into_iter().map(|n| (n.tokens, n.class)).collect();
        assert_eq!(found, vec![(0..2, "PER"), (3..4, "LOC")]);
        // And back through the file format.
        let bytes = recognizer.to_bytes().unwrap();
        let loaded = Recognizer::from_bytes(&bytes, clusters).unwrap();
        assert_eq!(loaded.recognize_document(test.document()).len(), 2);
    }

    #[test]
    fn bio_and_iob1_become_bilou() {
        assert_eq!(
            bio_to_bilou(&strings(&[
                "B-PER", "I-PER", "O", "B-LOC", "I-ORG", "I-ORG", "I-ORG"
            ])),
            strings(&["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG"])
        );
        assert_eq!(
            bio_to_bilou(&strings(&["I-PER", "B-PER"])),
            strings(&["U-PER", "U-PER"])
        );
    }
}
