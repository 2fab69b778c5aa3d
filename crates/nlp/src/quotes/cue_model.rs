//! Attribution cues learned from PolNeAR's training part: which words introduce someone's
//! statement, thought or stance — "criticized", "questions about", "made clear", "wants" —
//! beyond the speech-verb lexicon (`data/lexicon/speech-verbs.tsv`), whose hand-written list
//! cannot follow the long tail of such words.
//!
//! An averaged perceptron scores every verb, noun and adjective from its own words, its place
//! in the parse (relation, head, the relations and prepositions of its dependents) and its
//! subject's entity type. `dateline train cues` trains it (`data/models/cues.bin.gz`); the
//! quotes stage turns a word it accepts into a report (`learned.rs`).

use std::ops::Range;

use dateline_core::{Doc, EntityType};

use super::pairing::Quoted;
use super::{pair_quotes, QuoteView};
use crate::perceptron::{Features, Model, ModelError};

/// The model file's type tag.
pub const CUE_MODEL_TYPE: &str = "attribution-cues";

/// The two classes, in the model's order.
pub const CUE_LABELS: [&str; 2] = ["O", "CUE"];

/// The learned cue scorer.
#[derive(Debug)]
pub struct CueModel {
    model: Model,
}

impl CueModel {
    /// Loads a model written by [`CueModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CueModel, ModelError> {
        CueModel::new(Model::read(bytes, CUE_MODEL_TYPE)?)
    }

    /// Wraps a trained two-class model.
    pub fn new(model: Model) -> Result<CueModel, ModelError> {
        if model.classes() != CUE_LABELS.len() {
            return Err(ModelError::Corrupt(format!(
                "a cue model has {} classes, not {}",
                model.classes(),
                CUE_LABELS.len()
            )));
        }
        Ok(CueModel { model })
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut out = Vec::new();
        self.model.write(CUE_MODEL_TYPE, &mut out)?;
        Ok(out)
    }

    /// Number of weight rows (hashed features).
    pub fn feature_count(&self) -> usize {
        self.model.rows()
    }

    /// Whether a word with this margin is a cue: the model's own decision boundary (on PolNeAR
    /// dev, boundaries of −2, 2, 5 and 10 all scored lower).
    pub fn accepts(margin: f32) -> bool {
        margin > 0.0
    }

    /// How much more the model believes in a cue than in none.
    pub fn margin(&self, features: &[u64], scores: &mut Vec<f32>) -> f32 {
        self.model.scores(features, scores);
        scores[1] - scores[0]
    }
}

/// Every word of `doc` the cue model scores, with its features: the training examples of
/// `dateline train cues`, and what the quotes stage scores at run time. `doc` must be parsed.
pub fn cue_candidates(doc: &Doc) -> Vec<(usize, Vec<u64>)> {
    let view = QuoteView::new(doc);
    let quoted = quoted_tokens(&pair_quotes(doc), doc.annotations().tokens.len());
    let mut features = Features::new();
    let mut out = Vec::new();
    for t in 0..doc.annotations().tokens.len() {
        if !view.is_cue_candidate(t) {
            continue;
        }
        view.cue_features(t, &quoted, &mut features);
        out.push((t, features.hashes().to_vec()));
    }
    out
}

/// Which of `tokens` tokens lie inside the quote marks of `quotes` (the marks included).
pub(super) fn quoted_tokens(quotes: &[Quoted], tokens: usize) -> Vec<bool> {
    let mut quoted = vec![false; tokens];
    for q in quotes {
        quoted[q.marks.clone()].fill(true);
    }
    quoted
}

/// The token of `span` (token indices) that heads it in the parse: the first whose head lies
/// outside the span, preferring a word the cue model scores. Used to turn a gold cue span
/// ("is raising questions about") into the one word the model learns.
pub fn cue_anchor(doc: &Doc, span: Range<usize>) -> Option<usize> {
    let view = QuoteView::new(doc);
    let outside = |t: &usize| view.head(*t).is_none_or(|h| !span.contains(&h));
    let heads: Vec<usize> = span.clone().filter(outside).collect();
    heads
        .iter()
        .copied()
        .find(|&t| view.is_cue_candidate(t))
        .or_else(|| span.clone().find(|&t| view.is_cue_candidate(t)))
}

// Feature templates. Numbers are part of the trained model: never reuse one.
const BIAS: u32 = 1;
const LEMMA: u32 = 2;
const WORD: u32 = 3;
const TAGS: u32 = 4;
const RELATION: u32 = 5;
const LEMMA_RELATION: u32 = 6;
const HEAD_LEMMA_RELATION: u32 = 7;
const HEAD_TAG_RELATION: u32 = 8;
const CHILD_RELATION: u32 = 9;
const LEMMA_CHILD_RELATION: u32 = 10;
const LEMMA_CHILD_MARKER: u32 = 11;
const SUBJECT_TYPE: u32 = 12;
const LEMMA_SUBJECT_TYPE: u32 = 13;
const LEXICON_KIND: u32 = 14;
const QUOTED: u32 = 15;
const PREVIOUS_WORD: u32 = 16;
const NEXT_WORD: u32 = 17;
const LEMMA_NEXT_WORD: u32 = 18;
const SUFFIX: u32 = 19;
const HEAD_KIND_RELATION: u32 = 20;
const LEMMA_HEAD_LEMMA: u32 = 21;
const NEGATED: u32 = 22;

impl QuoteView<'_> {
    /// Verbs, nouns and adjectives: the words a cue is headed by.
    pub(super) fn is_cue_candidate(&self, t: usize) -> bool {
        matches!(self.upos(t), "VERB" | "NOUN" | "ADJ")
    }

    /// The features of word `t` as a possible cue.
    pub(super) fn cue_features(&self, t: usize, quoted: &[bool], out: &mut Features) {
        out.clear();
        let a = self.doc.annotations();
        let lemma = self.lemma(t);
        let word = self.doc.slice(a.tokens[t].span).to_lowercase();
        let upos = self.upos(t);
        let xpos = a.pos.get(t).map_or("X", |p| p.xpos);
        let relation = self.relation(t);
        out.add(BIAS, "");
        out.add(LEMMA, &lemma);
        out.add(WORD, &word);
        out.add2(TAGS, upos, xpos);
        out.add(RELATION, relation);
        out.add2(LEMMA_RELATION, &lemma, relation);
        let suffix: String = word
            .chars()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        out.add2(SUFFIX, upos, &suffix);
        out.add(LEXICON_KIND, crate::speech::kind_name(&lemma));
        out.add(QUOTED, if quoted[t] { "in" } else { "out" });
        match self.head(t) {
            Some(h) => {
                let head_lemma = self.lemma(h);
                out.add2(HEAD_LEMMA_RELATION, &head_lemma, relation);
                out.add2(HEAD_TAG_RELATION, self.upos(h), relation);
                out.add2(
                    HEAD_KIND_RELATION,
                    crate::speech::kind_name(&head_lemma),
                    relation,
                );
                out.add2(LEMMA_HEAD_LEMMA, &lemma, &head_lemma);
            }
            None => out.add2(HEAD_TAG_RELATION, "ROOT", relation),
        }
        let previous = t
            .checked_sub(1)
            .map_or(String::new(), |p| self.word_lower(p));
        let next = if t + 1 < a.tokens.len() {
            self.word_lower(t + 1)
        } else {
            String::new()
        };
        out.add(PREVIOUS_WORD, &previous);
        out.add(NEXT_WORD, &next);
        out.add2(LEMMA_NEXT_WORD, &lemma, &next);
        let mut subject = "none";
        for c in self.children(t) {
            let child_relation = self.relation(c);
            out.add(CHILD_RELATION, child_relation);
            out.add2(LEMMA_CHILD_RELATION, &lemma, child_relation);
            if let Some(marker) = self.marker_of(c) {
                out.add3(LEMMA_CHILD_MARKER, &lemma, child_relation, &marker);
            }
            if matches!(child_relation, "nsubj" | "nsubj:pass" | "nmod:poss") {
                subject = self.actor_kind(c);
            }
            if child_relation == "advmod" && matches!(self.word_lower(c).as_str(), "not" | "n't") {
                out.add(NEGATED, "");
            }
        }
        out.add(SUBJECT_TYPE, subject);
        out.add2(LEMMA_SUBJECT_TYPE, &lemma, subject);
    }

    /// The lowercased text of token `t`.
    fn word_lower(&self, t: usize) -> String {
        let a = self.doc.annotations();
        self.doc.slice(a.tokens[t].span).to_lowercase()
    }

    /// The preposition or subordinator that introduces dependent `c` ("of", "about", "that").
    pub(super) fn marker_of(&self, c: usize) -> Option<String> {
        self.children(c)
            .find(|&g| matches!(self.relation(g), "case" | "mark"))
            .map(|g| self.word_lower(g))
    }

    /// What kind of actor token `t` is, as a feature: an entity type, a pronoun, or a noun.
    fn actor_kind(&self, t: usize) -> &'static str {
        let entity = self.entity_of[t].and_then(|e| self.doc.annotations().entities.get(e));
        match entity.map(|e| e.entity_type) {
            Some(EntityType::Person) => "person",
            Some(EntityType::Anon) => "anon",
            Some(EntityType::Org) => "org",
            Some(EntityType::Gpe) => "gpe",
            Some(_) => "entity",
            None if self.upos(t) == "PRON" => "pronoun",
            None => "noun",
        }
    }
}
