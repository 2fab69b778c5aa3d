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
use dateline_core::{Diagnostic, Doc, Severity};

use crate::perceptron::{FeatureHasher, Features, Model, ModelError};

use features::{label_features, transition_features, Sentence, Tree};
use state::{State, MOVES};

/// Type tag of the transition model file.
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

    /// Loads the transition and label models (gzip'd model files), checking that they predict
    /// this build's transitions and relations.
    pub fn from_bytes(transitions: &[u8], labels: &[u8]) -> Result<Parser, ModelError> {
        let transitions = Model::read(transitions, TRANSITION_MODEL_TYPE)?;
        let labels = Model::read(labels, LABEL_MODEL_TYPE)?;
        if transitions.classes() != MOVES.len() {
            let found = transitions.classes();
            return Err(ModelError::Corrupt(format!(
                "transition model has {found} classes, expected {}",
                MOVES.len()
            )));
        }
        if labels.labels() != train::relation_labels().as_slice() {
            return Err(ModelError::Corrupt(
                "labeller relations differ from this build's UD relations".into(),
            ));
        }
        Ok(Parser {
            transitions,
            labels,
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

    /// A copy with the smallest weights dropped: the `transition_share` of the transition
    /// model's weights and the `label_share` of the labeller's, by magnitude.
    pub fn pruned(&self, transition_share: f64, label_share: f64) -> Parser {
        let prune = |model: &Model, share: f64| {
            if share > 0.0 {
                model.pruned(model.weight_quantile(share))
            } else {
                model.clone()
            }
        };
        Parser {
            transitions: prune(&self.transitions, transition_share),
            labels: prune(&self.labels, label_share),
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
    /// the root word) and relation. Missing tags count as X/XX; extra tags are ignored.
    pub fn parse_words(&self, words: &[&str], tags: &[PosTag]) -> Vec<Dependency> {
        let tag = |i: usize| {
            tags.get(i).copied().unwrap_or(PosTag {
                upos: "X",
                xpos: "XX",
            })
        };
        let xpos: Vec<&str> = (0..words.len()).map(|i| tag(i).xpos).collect();
        let upos: Vec<&str> = (0..words.len()).map(|i| tag(i).upos).collect();
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

    /// The parsing stage: heads and relations for every sentence of a tagged document, written
    /// parallel to the token layer. Without tags (the tagger did not run) the layer is left empty
    /// and a diagnostic says so.
    pub fn parse(&self, doc: &mut Doc) {
        let token_count = doc.annotations().tokens.len();
        if doc.annotations().pos.len() != token_count {
            doc.push_diagnostic(Diagnostic {
                severity: Severity::Warning,
                stage: "parser",
                message: "tokens are not tagged; dependencies were not computed".into(),
            });
            return;
        }
        let mut dependencies = vec![
            Dependency {
                head: None,
                relation: "dep"
            };
            token_count
        ];
        for sentence in &doc.annotations().sentences {
            let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
            let (Some(tokens), Some(tags)) = (
                doc.annotations().tokens.get(range.clone()),
                doc.annotations().pos.get(range.clone()),
            ) else {
                continue;
            };
            let words: Vec<&str> = tokens.iter().map(|t| doc.slice(t.span)).collect();
            let offset = range.start as u32;
            for (slot, dependency) in dependencies[range]
                .iter_mut()
                .zip(self.parse_words(&words, tags))
            {
                *slot = Dependency {
                    head: dependency.head.map(|h| h + offset),
                    ..dependency
                };
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
