//! Dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron, trained
//! with a dynamic oracle, and a second perceptron that labels each arc with its UD relation,
//! top-down so that a word's label can depend on its head's.
//!
//! The transition system produces projective trees; non-projective gold trees are lifted for
//! training ([`oracle::projectivize`]) and the lifts are counted in the training report.

mod features;
mod oracle;
mod state;
mod train;

pub use train::{train_parser, ParserTrainConfig, ParserTrainStats, TreeSentence};

use dateline_core::tagset::{Dependency, PosTag, DEPRELS};
use dateline_core::Doc;

use crate::perceptron::{FeatureHasher, Features, Model, ModelError};

use features::{label_features, transition_features, Sentence, Tree};
use state::{State, MOVES};

/// Type tags of the two model files.
pub const TRANSITION_MODEL_TYPE: &str = "parser/arc-hybrid";
/// Type tag of the labeller model.
pub const LABEL_MODEL_TYPE: &str = "parser/labels";

/// A trained parser. Immutable; share it between threads.
#[derive(Debug, Clone)]
pub struct Parser {
    transitions: Model,
    labels: Model,
}

impl Parser {
    pub(crate) fn from_models(transitions: Model, labels: Model) -> Parser {
        Parser {
            transitions,
            labels,
        }
    }

    /// Loads the transition and label models (gzip'd model files).
    pub fn from_bytes(transitions: &[u8], labels: &[u8]) -> Result<Parser, ModelError> {
        Ok(Parser {
            transitions: Model::read(transitions, TRANSITION_MODEL_TYPE)?,
            labels: Model::read(labels, LABEL_MODEL_TYPE)?,
        })
    }

    /// Writes both models.
    pub fn write(
        &self,
        transitions: impl std::io::Write,
        labels: impl std::io::Write,
    ) -> Result<(), ModelError> {
        self.transitions.write(TRANSITION_MODEL_TYPE, transitions)?;
        self.labels.write(LABEL_MODEL_TYPE, labels)
    }

    /// A copy with the smallest weights dropped: the `quantile` share of the transition model's
    /// weights and of the labeller's, by magnitude.
    pub fn pruned(&self, quantile: f64) -> Parser {
        Parser {
            transitions: self
                .transitions
                .pruned(self.transitions.weight_quantile(quantile)),
            labels: self.labels.pruned(self.labels.weight_quantile(quantile)),
        }
    }

    /// Feature rows of the transition model.
    pub fn transition_rows(&self) -> usize {
        self.transitions.rows()
    }

    /// Feature rows of the labeller.
    pub fn label_rows(&self) -> usize {
        self.labels.rows()
    }

    /// Parses one sentence of `words` with their tags. Returns, per word, its head (`None` for
    /// the root word) and relation.
    pub fn parse_words(&self, words: &[&str], tags: &[PosTag]) -> Vec<Dependency> {
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos).collect();
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let sentence = Sentence::new(words, &xpos, &upos);
        let heads = self.attach(&sentence, words.len());
        let relations = self.label(&sentence, &heads);
        let n = words.len();
        heads
            .iter()
            .zip(relations)
            .map(|(&head, relation)| Dependency {
                head: (head < n).then_some(head as u32),
                relation,
            })
            .collect()
    }

    /// Unlabelled heads by greedy transitions (`n` = root).
    fn attach(&self, sentence: &Sentence, n: usize) -> Vec<usize> {
        let mut state = State::new(n);
        let mut features = Features::new();
        let mut scores = Vec::with_capacity(MOVES.len());
        while !state.is_terminal() {
            transition_features(sentence, &state, &mut features);
            self.transitions.scores(features.hashes(), &mut scores);
            let action = (0..MOVES.len()).filter(|&m| state.is_valid(MOVES[m])).fold(
                None,
                |best: Option<usize>, m| match best {
                    Some(b) if scores[b] >= scores[m] => Some(b),
                    _ => Some(m),
                },
            );
            match action {
                Some(m) => state.apply(MOVES[m]),
                None => break,
            }
        }
        // A well-formed run attaches everything; anything left over goes to the root.
        state
            .heads
            .iter()
            .map(|&h| if h == state::NONE { n } else { h })
            .collect()
    }

    /// Relations, head before dependent, so each label sees its head's.
    fn label(&self, sentence: &Sentence, heads: &[usize]) -> Vec<&'static str> {
        let n = heads.len();
        let mut relations: Vec<Option<&'static str>> = vec![None; n];
        let mut features = Features::new();
        let mut scores = Vec::with_capacity(DEPRELS.len());
        let root_index = DEPRELS.iter().position(|&r| r == "root").unwrap_or(0);
        let tree = Tree::new(heads);
        for dependent in top_down_order(&tree) {
            let head = heads[dependent];
            if head >= n {
                relations[dependent] = Some("root");
                continue;
            }
            let head_relation = relation_hash(relations[head].filter(|_| heads[head] < n));
            label_features(sentence, &tree, dependent, head_relation, &mut features);
            self.labels.scores(features.hashes(), &mut scores);
            scores[root_index] = f32::NEG_INFINITY;
            relations[dependent] = Some(DEPRELS[crate::perceptron::argmax(&scores)]);
        }
        relations.into_iter().map(|r| r.unwrap_or("dep")).collect()
    }

    /// The parsing stage: heads and relations for every sentence of a tagged document.
    pub fn parse(&self, doc: &mut Doc) {
        let mut dependencies = Vec::with_capacity(doc.annotations().tokens.len());
        for index in 0..doc.annotations().sentences.len() {
            let range = doc.annotations().sentences[index].tokens.clone();
            let (start, end) = (range.start as usize, range.end as usize);
            let words: Vec<&str> = doc.annotations().tokens[start..end]
                .iter()
                .map(|t| doc.slice(t.span))
                .collect();
            let Some(tags) = doc.annotations().pos.get(start..end) else {
                return;
            };
            for dependency in self.parse_words(&words, tags) {
                dependencies.push(Dependency {
                    head: dependency.head.map(|h| h + start as u32),
                    ..dependency
                });
            }
        }
        doc.annotations_mut().dependencies = dependencies;
    }
}

/// The feature value for "my head's relation is `relation`" (`None`: my head is the root word).
pub(crate) fn relation_hash(relation: Option<&str>) -> u64 {
    FeatureHasher::new(9)
        .str(relation.unwrap_or("<root-word>"))
        .finish()
}

/// Tokens ordered so that every head comes before its dependents (breadth-first from the root).
fn top_down_order(tree: &Tree) -> Vec<usize> {
    let n = tree.heads.len();
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    let mut next = 0;
    order.extend(tree.children[n].iter().copied());
    for &token in &order {
        seen[token] = true;
    }
    while next < order.len() {
        let head = order[next];
        next += 1;
        for &dependent in &tree.children[head] {
            if !seen[dependent] {
                seen[dependent] = true;
                order.push(dependent);
            }
        }
    }
    // Tokens in a cycle (impossible from the transition system) still get a label.
    order.extend((0..n).filter(|&t| !seen[t]));
    order
}
