//! Beam decoding over BILOU labels, and the training that makes its scores comparable.
//!
//! Greedy decoding that opens a name on a wrong word must then continue and close it, whatever
//! the next words look like (a "B-ORG" on a channel's name dragging the span over a comma into
//! the next name). A beam keeps a few label sequences per sentence, so a better continuation can
//! win. Summed perceptron scores only rank whole sequences when the model was trained on whole
//! sequences, so training runs the same beam with early update (Collins and Roark 2004): as soon
//! as the gold sequence falls out of the beam, weight moves from the best sequence's prefix to
//! the gold prefix.
//!
//! Only four features depend on the labels before a token
//! ([`NerDocument::extract_previous_labels`]); the rest are scored once per token and shared by
//! every hypothesis.

use std::collections::HashMap;
use std::ops::Range;

use crate::perceptron::{Features, Trainer};

use super::{remember, Label, NerDocument, START};

/// Label sequences kept per sentence.
const BEAM_WIDTH: usize = 4;

/// One hypothesis: its last two labels, its summed score, where it came from in the previous
/// step (see [`Trellis`]), and whether its labels so far are the gold ones (training only).
#[derive(Debug, Clone, Copy)]
struct Hypothesis {
    score: f32,
    last: Option<usize>,
    before_last: Option<usize>,
    on_gold: bool,
}

impl Hypothesis {
    const START: Hypothesis = Hypothesis {
        score: 0.0,
        last: None,
        before_last: None,
        on_gold: true,
    };

    /// A label as the feature number the model knows (the sentence start has its own).
    fn number(label: Option<usize>) -> u64 {
        label.map_or(START, |l| l as u64)
    }
}

/// The back-pointers of a sentence's beam: per token, per kept hypothesis, (the hypothesis it
/// extends in the previous step, its label). Reading a sequence back costs its length, so a
/// sentence of any length decodes in linear time.
#[derive(Debug, Default)]
struct Trellis {
    steps: Vec<Vec<(usize, usize)>>,
}

impl Trellis {
    /// The labels of hypothesis `slot` of the last step, first token first.
    fn labels(&self, slot: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.steps.len());
        let mut slot = slot;
        for step in self.steps.iter().rev() {
            let Some(&(back, label)) = step.get(slot) else {
                break;
            };
            out.push(label);
            slot = back;
        }
        out.reverse();
        out
    }
}

/// Scratch space reused across tokens.
#[derive(Default)]
struct Buffers {
    features: Features,
    shared: Vec<f32>,
    own: Vec<f32>,
    candidates: Vec<(f32, usize, usize)>,
}

/// Where a sentence is being decoded.
struct Position<'a> {
    document: &'a NerDocument,
    sentence: &'a Range<usize>,
    history: &'a HashMap<String, u64>,
    label_set: &'a [Label],
}

impl<'a> Position<'a> {
    fn new(
        document: &'a NerDocument,
        sentence: &'a Range<usize>,
        history: &'a HashMap<String, u64>,
        label_set: &'a [Label],
    ) -> Position<'a> {
        Position {
            document,
            sentence,
            history,
            label_set,
        }
    }
}

/// Extends every hypothesis by one token `i`, keeping the best [`BEAM_WIDTH`] and recording
/// their back-pointers; `gold` is the token's gold label when training. Ties go to the earlier
/// hypothesis and the lower label, so the result never depends on sort stability.
fn advance(
    at: &Position,
    i: usize,
    beam: &[Hypothesis],
    gold: Option<usize>,
    score: &dyn Fn(&[u64], &mut Vec<f32>),
    buffers: &mut Buffers,
    trellis: &mut Trellis,
) -> Vec<Hypothesis> {
    let Buffers {
        features,
        shared,
        own,
        candidates,
    } = buffers;
    features.clear();
    at.document
        .extract_context(i, at.sentence, at.history, features);
    score(features.hashes(), shared);
    let last = i + 1 == at.sentence.end;
    candidates.clear();
    for (h, hypothesis) in beam.iter().enumerate() {
        features.clear();
        at.document.extract_previous_labels(
            i,
            Hypothesis::number(hypothesis.last),
            Hypothesis::number(hypothesis.before_last),
            features,
        );
        score(features.hashes(), own);
        let previous = hypothesis.last.map(|p| at.label_set[p]);
        for (c, label) in at.label_set.iter().enumerate() {
            if !label.may_follow(previous) || (last && !label.may_end()) {
                continue;
            }
            let gain = shared.get(c).copied().unwrap_or(0.0) + own.get(c).copied().unwrap_or(0.0);
            candidates.push((hypothesis.score + gain, h, c));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    candidates.truncate(BEAM_WIDTH);
    trellis
        .steps
        .push(candidates.iter().map(|&(_, h, c)| (h, c)).collect());
    candidates
        .iter()
        .map(|&(score, h, c)| Hypothesis {
            score,
            last: Some(c),
            before_last: beam[h].last,
            on_gold: beam[h].on_gold && gold == Some(c),
        })
        .collect()
}

/// Beam decoding over a document, sentence by sentence; the document history (what a word was
/// labelled before) is the best sequence's. Returns one label index per token.
pub(crate) fn decode_beam(
    document: &NerDocument,
    labels: &[Label],
    score: &dyn Fn(&[u64], &mut Vec<f32>),
) -> Vec<usize> {
    let mut out = vec![0; document.len()];
    let mut history: HashMap<String, u64> = HashMap::new();
    let mut buffers = Buffers::default();
    for sentence in &document.sentences {
        let at = Position::new(document, sentence, &history, labels);
        let mut beam = vec![Hypothesis::START];
        let mut trellis = Trellis::default();
        for i in sentence.clone() {
            let next = advance(&at, i, &beam, None, score, &mut buffers, &mut trellis);
            if next.is_empty() {
                trellis.steps.pop();
                break; // no label allowed: an incomplete label set; the rest stays O
            }
            beam = next;
        }
        for (slot, label) in out[sentence.clone()].iter_mut().zip(trellis.labels(0)) {
            *slot = label;
        }
        remember(document, sentence, &out, labels, &mut history);
    }
    out
}

/// One training pass over a document: the beam of [`decode_beam`] with early update against
/// `gold`, one label per token (a sentence without gold labels for all its tokens is skipped).
/// After an update the sentence is decoded to its end with the updated weights, to give later
/// sentences the history the model would give them. Returns the tokens of the best sequences
/// labelled right.
pub(crate) fn train_beam(
    document: &NerDocument,
    labels: &[Label],
    gold: &[usize],
    trainer: &mut Trainer,
) -> usize {
    let mut out = vec![0; document.len()];
    let mut history: HashMap<String, u64> = HashMap::new();
    let mut buffers = Buffers::default();
    let mut correct = 0;
    for sentence in &document.sentences {
        let Some(truth) = gold.get(sentence.clone()) else {
            continue;
        };
        let at = Position::new(document, sentence, &history, labels);
        let mut beam = vec![Hypothesis::START];
        let mut trellis = Trellis::default();
        let mut updated = false;
        for i in sentence.clone() {
            let done = i + 1 - sentence.start;
            let next = {
                let score = |f: &[u64], s: &mut Vec<f32>| trainer.scores(f, s);
                let gold_here = truth.get(done - 1).copied();
                advance(&at, i, &beam, gold_here, &score, &mut buffers, &mut trellis)
            };
            if next.is_empty() {
                trellis.steps.pop();
                break;
            }
            beam = next;
            trainer.tick();
            if updated {
                continue;
            }
            let gold_kept = beam.iter().any(|h| h.on_gold);
            let finished = i + 1 == sentence.end;
            if !gold_kept || (finished && !beam[0].on_gold) {
                let guess = trellis.labels(0);
                update(&at, &truth[..done], &guess, trainer, &mut buffers);
                updated = true;
            }
        }
        let best = trellis.labels(0);
        correct += best
            .iter()
            .zip(truth)
            .filter(|(guess, gold)| guess == gold)
            .count();
        for (slot, label) in out[sentence.clone()].iter_mut().zip(best) {
            *slot = label;
        }
        remember(document, sentence, &out, labels, &mut history);
    }
    correct
}

/// Moves weight from the features of the `guess` prefix to those of the `gold` prefix, token by
/// token; a token whose label and previous labels agree in both changes nothing.
fn update(
    at: &Position,
    gold: &[usize],
    guess: &[usize],
    trainer: &mut Trainer,
    buffers: &mut Buffers,
) {
    let previous = |labels: &[usize], t: usize, back: usize| {
        t.checked_sub(back).map_or(START, |at| labels[at] as u64)
    };
    let (document, sentence) = (at.document, at.sentence);
    for t in 0..gold.len().min(guess.len()) {
        let i = sentence.start + t;
        let gold_context = (previous(gold, t, 1), previous(gold, t, 2));
        let guess_context = (previous(guess, t, 1), previous(guess, t, 2));
        if gold[t] == guess[t] && gold_context == guess_context {
            continue;
        }
        let features = &mut buffers.features;
        if gold[t] != guess[t] {
            features.clear();
            document.extract_context(i, sentence, at.history, features);
            trainer.update(features.hashes(), gold[t], guess[t]);
        }
        features.clear();
        document.extract_previous_labels(i, gold_context.0, gold_context.1, features);
        trainer.reward(features.hashes(), gold[t], 1.0);
        features.clear();
        document.extract_previous_labels(i, guess_context.0, guess_context.1, features);
        trainer.reward(features.hashes(), guess[t], -1.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clusters::WordClusters;
    use crate::kb::Kb;
    use crate::ner::train::TrainDocument;
    use crate::ner::{label_names, Label};

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn toy() -> (TrainDocument, Vec<Label>, Vec<usize>) {
        let kb = Kb::from_sources(&[]).unwrap();
        let words = strings(&["Ines", "Duarte", "visited", "Porto", "."]);
        let tags = strings(&["NNP", "NNP", "VBD", "NNP", "."]);
        let bio = strings(&["B-PER", "I-PER", "O", "B-LOC", "O"]);
        let doc = TrainDocument::new(&[(words, tags, bio)], &kb, &WordClusters::default(), None);
        let names = label_names();
        let labels: Vec<Label> = names.iter().filter_map(|n| Label::parse(n)).collect();
        let index = |l: &str| names.iter().position(|n| n == l).unwrap();
        let gold = ["B-PER", "L-PER", "O", "U-LOC", "O"].map(index).to_vec();
        (doc, labels, gold)
    }

    #[test]
    fn equal_scores_tie_to_the_first_label() {
        let (doc, labels, _) = toy();
        let flat = |_: &[u64], s: &mut Vec<f32>| {
            s.clear();
            s.resize(labels.len(), 0.0);
        };
        assert_eq!(decode_beam(doc.document(), &labels, &flat), vec![0; 5]);
    }

    #[test]
    fn training_moves_the_beam_to_the_gold_sequence() {
        let (doc, labels, gold) = toy();
        let mut trainer = Trainer::new(labels.len());
        let first = train_beam(doc.document(), &labels, &gold, &mut trainer);
        assert!(
            first < gold.len(),
            "an untrained model gets something wrong"
        );
        for _ in 0..3 {
            train_beam(doc.document(), &labels, &gold, &mut trainer);
        }
        let learned = |f: &[u64], s: &mut Vec<f32>| trainer.scores(f, s);
        assert_eq!(decode_beam(doc.document(), &labels, &learned), gold);
        // A gold sequence shorter than the document is skipped, not a panic.
        let mut again = Trainer::new(labels.len());
        assert_eq!(
            train_beam(doc.document(), &labels, &gold[..2], &mut again),
            0
        );
    }
}
