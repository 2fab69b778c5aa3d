//! Training: the transition classifier with the dynamic oracle and error exploration (Goldberg
//! and Nivre 2012), and the relation labeller on gold trees.

use dateline_core::tagset::DEPRELS;

use crate::perceptron::{argmax, Features, Trainer};

use super::features::{label_features, transition_features, Sentence, Tree};
use super::oracle::{cost, projectivize};
use super::state::{State, MOVES};
use super::{relation_hash, Parser};

/// One gold sentence.
#[derive(Debug, Clone)]
pub struct TreeSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Penn tags (gold or predicted).
    pub xpos: Vec<String>,
    /// Universal tags (gold or predicted).
    pub upos: Vec<String>,
    /// Head of each word, 0-based; `words.len()` is the root.
    pub heads: Vec<usize>,
    /// Relation of each word to its head.
    pub relations: Vec<String>,
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct ParserTrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own wrong moves with probability
    /// `explore`, so that it learns to recover from its mistakes.
    pub explore_from: usize,
    /// Probability of following a wrong prediction during exploration.
    pub explore: f64,
    /// Updates a feature must take part in before the transition model gives it weights (1 = all
    /// features). The labeller admits every feature.
    pub min_updates: u8,
}

/// What training saw.
#[derive(Debug, Clone, Default)]
pub struct ParserTrainStats {
    /// Sentences used.
    pub sentences: usize,
    /// Sentences left out: fields of different lengths, heads out of range, or not exactly one
    /// root word.
    pub malformed: usize,
    /// Sentences whose gold tree was non-projective (lifted for the transition oracle).
    pub non_projective: usize,
    /// Arcs lifted in total.
    pub lifted_arcs: usize,
    /// Feature rows of the transition model.
    pub transition_rows: usize,
    /// Feature rows of the labeller.
    pub label_rows: usize,
}

/// A deterministic pseudo-random generator (splitmix64): shuffling and exploration only.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains a parser. `after_epoch` is called with the epoch number and a snapshot parser (for dev
/// scores); it may be a no-op.
pub fn train_parser(
    sentences: &[TreeSentence],
    config: ParserTrainConfig,
    mut after_epoch: impl FnMut(usize, &Parser),
) -> (Parser, ParserTrainStats) {
    let usable: Vec<&TreeSentence> = sentences.iter().filter(|s| is_well_formed(s)).collect();
    let mut stats = ParserTrainStats {
        sentences: usable.len(),
        malformed: sentences.len() - usable.len(),
        ..Default::default()
    };
    let prepared: Vec<(Sentence, Vec<usize>)> = usable
        .iter()
        .map(|s| {
            let mut heads = s.heads.clone();
            let lifts = projectivize(&mut heads);
            stats.non_projective += usize::from(lifts > 0);
            stats.lifted_arcs += lifts;
            (sentence_features(s), heads)
        })
        .collect();
    let relation_ids: Vec<Vec<usize>> = usable
        .iter()
        .map(|s| s.relations.iter().map(|r| relation_index(r)).collect())
        .collect();
    let mut transitions = Trainer::new(MOVES.len()).with_min_updates(config.min_updates);
    let mut labels = Trainer::new(DEPRELS.len());
    let mut order: Vec<usize> = (0..usable.len()).collect();
    let mut random = SplitMix(config.seed);
    let mut features = Features::new();
    let mut scores = Vec::new();
    for epoch in 0..config.epochs {
        random.shuffle(&mut order);
        let explore = epoch >= config.explore_from;
        for &index in &order {
            let (sentence, gold) = &prepared[index];
            let exploration = explore.then_some(config.explore);
            train_transitions(
                sentence,
                gold,
                &mut transitions,
                &mut random,
                exploration,
                &mut features,
                &mut scores,
            );
            let (heads, relations) = (&usable[index].heads, &relation_ids[index]);
            train_labels(
                sentence,
                heads,
                relations,
                &mut labels,
                &mut features,
                &mut scores,
            );
        }
        if epoch + 1 < config.epochs {
            let snapshot =
                Parser::from_models(transitions.clone().finish(0.0), labels.clone().finish(0.0));
            after_epoch(epoch, &snapshot);
        }
    }
    let parser = Parser::from_models(
        transitions.finish(0.0),
        labels.finish(0.0).with_labels(relation_labels()),
    );
    after_epoch(config.epochs.saturating_sub(1), &parser);
    stats.transition_rows = parser.transition_rows();
    stats.label_rows = parser.label_rows();
    (parser, stats)
}

/// Every field has one entry per word, every head is a word or the root, and exactly one word
/// hangs from the root: the trees the transition system can build.
fn is_well_formed(s: &TreeSentence) -> bool {
    let n = s.words.len();
    let lengths_agree = [s.xpos.len(), s.upos.len(), s.heads.len(), s.relations.len()]
        .iter()
        .all(|&l| l == n);
    lengths_agree
        && n > 0
        && s.heads.iter().all(|&h| h <= n)
        && s.heads.iter().filter(|&&h| h == n).count() == 1
}

/// The labeller's class names, stored in its model file and checked at load.
pub(crate) fn relation_labels() -> Vec<String> {
    DEPRELS.iter().map(|r| r.to_string()).collect()
}

/// Token hashes of a training sentence.
pub(crate) fn sentence_features(s: &TreeSentence) -> Sentence {
    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
    let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
    let upos: Vec<&str> = s.upos.iter().map(String::as_str).collect();
    Sentence::new(&words, &xpos, &upos)
}

fn relation_index(relation: &str) -> usize {
    DEPRELS
        .iter()
        .position(|&r| r == relation)
        .unwrap_or_else(|| {
            // Unknown subtypes fall back to their universal relation, then to "dep".
            let universal = relation.split(':').next().unwrap_or(relation);
            DEPRELS.iter().position(|&r| r == universal).unwrap_or(20)
        })
}

fn train_transitions(
    sentence: &Sentence,
    gold: &[usize],
    model: &mut Trainer,
    random: &mut SplitMix,
    explore: Option<f64>,
    features: &mut Features,
    scores: &mut Vec<f32>,
) {
    let mut state = State::new(gold.len());
    while !state.is_terminal() {
        transition_features(sentence, &state, features);
        model.scores(features.hashes(), scores);
        let valid: Vec<usize> = (0..MOVES.len())
            .filter(|&m| state.is_valid(MOVES[m]))
            .collect();
        let Some(&first_valid) = valid.first() else {
            break;
        };
        let best = |candidates: &mut dyn Iterator<Item = usize>| {
            candidates.fold(None, |best: Option<usize>, m| match best {
                Some(b) if scores[b] >= scores[m] => Some(b),
                _ => Some(m),
            })
        };
        let guess = best(&mut valid.iter().copied()).unwrap_or(first_valid);
        let costs: Vec<usize> = (0..MOVES.len())
            .map(|m| cost(&state, gold, MOVES[m]))
            .collect();
        let zero_cost = best(&mut valid.iter().copied().filter(|&m| costs[m] == 0));
        let truth = zero_cost.unwrap_or(guess);
        model.update(features.hashes(), truth, guess);
        model.tick();
        let follow_guess = costs[guess] == 0 || explore.is_some_and(|p| random.unit() < p);
        state.apply(MOVES[if follow_guess { guess } else { truth }]);
    }
}

fn train_labels(
    sentence: &Sentence,
    heads: &[usize],
    relations: &[usize],
    model: &mut Trainer,
    features: &mut Features,
    scores: &mut Vec<f32>,
) {
    let n = heads.len();
    let tree = Tree::new(heads);
    for dependent in 0..n {
        let head = heads[dependent];
        if head >= n {
            continue;
        }
        let head_relation = relation_hash(if heads[head] >= n {
            None
        } else {
            Some(DEPRELS[relations[head]])
        });
        label_features(sentence, &tree, dependent, head_relation, features);
        model.scores(features.hashes(), scores);
        let guess = argmax(scores);
        model.update(features.hashes(), relations[dependent], guess);
        model.tick();
    }
}
