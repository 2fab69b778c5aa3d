//! Where a report ends. The rules and the cue model find what a cue reports from the parse —
//! its complement clause, its object and topic phrases — and end it with that subtree. Writers
//! and annotators draw the line elsewhere often enough to matter: a conjoined clause the parser
//! hung on the speech verb still belongs to the report ("said [he believes X and was
//! therefore eligible]"), a trailing appositive or non-restrictive relative clause often does
//! not ("said [he did not support the candidate], the presumed favourite").
//!
//! An averaged perceptron ranks the spans a report may take: its start where the rules put it or
//! past a complement of the cue that opens it ("warned [officials] to …"), its end at any edge
//! of a constituent up to the end of the cue's own clause; the rules' own span comes first and
//! wins a tie. It is trained on PolNeAR's training part (`dateline train extent`,
//! `data/models/extent.bin.gz`) from the bundled pipeline's own reports, each paired with the
//! gold report whose content it overlaps, one with the same cue first. Only a report that
//! follows its cue is re-ended; one before it ("…, X said") keeps its start and end.

use std::ops::Range;

use dateline_core::{ByteSpan, Doc, Quote, QuoteKind};

use super::pairing::pair_quotes;
use super::{cue_model::quoted_tokens, QuoteView};
use crate::perceptron::{FeatureHasher, Features, Model, ModelError};

/// The model file's type tag.
pub const EXTENT_MODEL_TYPE: &str = "report-extent";

/// The one class: a candidate end's score.
pub const EXTENT_LABELS: [&str; 1] = ["END"];

/// The learned ranker of report ends.
#[derive(Debug)]
pub struct ExtentModel {
    model: Model,
}

impl ExtentModel {
    /// Loads a model written by [`ExtentModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<ExtentModel, ModelError> {
        ExtentModel::new(Model::read(bytes, EXTENT_MODEL_TYPE)?)
    }

    /// Wraps a trained one-class model.
    pub fn new(model: Model) -> Result<ExtentModel, ModelError> {
        if model.classes() != EXTENT_LABELS.len() {
            return Err(ModelError::Corrupt(format!(
                "an extent model has {} classes, not {}",
                model.classes(),
                EXTENT_LABELS.len()
            )));
        }
        Ok(ExtentModel { model })
    }

    /// Serializes the model.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut out = Vec::new();
        self.model.write(EXTENT_MODEL_TYPE, &mut out)?;
        Ok(out)
    }

    /// Number of weight rows (hashed features).
    pub fn feature_count(&self) -> usize {
        self.model.rows()
    }

    /// A candidate end's score.
    pub fn score(&self, features: &[u64], scores: &mut Vec<f32>) -> f32 {
        self.model.scores(features, scores);
        scores[0]
    }

    /// The best of `candidates` (the first on a tie, which is the rules' own end).
    pub fn best(&self, candidates: &[EndCandidate]) -> Option<usize> {
        let mut scores = Vec::new();
        let mut best: Option<(usize, f32)> = None;
        for (i, candidate) in candidates.iter().enumerate() {
            let score = self.score(&candidate.features, &mut scores);
            if best.is_none_or(|(_, kept)| score > kept) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// One span a report's content may take: where it starts and ends, and the features of taking
/// it.
#[derive(Debug, Clone)]
pub struct EndCandidate {
    /// The content's first token.
    pub start: usize,
    /// The content's end (exclusive token index).
    pub end: usize,
    /// The feature hashes of the span.
    pub features: Vec<u64>,
}

/// A report the extent model may re-end: its content (token indices) and the candidate ends,
/// the rules' own end first.
#[derive(Debug, Clone)]
pub struct ExtentCase {
    /// Index of the report in `annotations.quotes`.
    pub quote: usize,
    /// The content as the rules found it.
    pub content: Range<usize>,
    /// The candidate ends, the rules' own first.
    pub candidates: Vec<EndCandidate>,
}

/// The indirect reports of a document whose end the model may choose, with their candidates:
/// the training examples of `dateline train extent`. `doc` must have its quotes.
pub fn extent_cases(doc: &Doc) -> Vec<ExtentCase> {
    let view = QuoteView::new(doc);
    let quoted = quoted_tokens(&pair_quotes(doc), doc.annotations().tokens.len());
    doc.annotations()
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let (cue, content) = view.extent_subject(q)?;
            let speaker = q.speaker.map(|s| view.tokens_of(s));
            let candidates = view.end_candidates(cue, &content, speaker, &quoted);
            Some(ExtentCase {
                quote: i,
                content,
                candidates,
            })
        })
        .collect()
}

/// Re-ends `quotes` (of the document `view` reads) where the model prefers another end.
pub(super) fn re_end(view: &QuoteView, model: &ExtentModel, quoted: &[bool], quotes: &mut [Quote]) {
    for quote in quotes.iter_mut() {
        let Some((cue, content)) = view.extent_subject(quote) else {
            continue;
        };
        let speaker = quote.speaker.map(|s| view.tokens_of(s));
        let candidates = view.end_candidates(cue, &content, speaker, quoted);
        let Some(best) = model.best(&candidates) else {
            continue;
        };
        let EndCandidate { start, end, .. } = candidates[best];
        if start != content.start || end != content.end {
            quote.content = view.span(&(start..end));
            // The object skipped at the start is whom the cue addresses ("told [her staff] to
            // rest").
            if start > content.start {
                // Only someone can be addressed: a name, a pronoun or people named by a plural
                // ("urged [residents] to …"), not "expressed [readiness] to …".
                let someone = |c: usize| {
                    let plural = view
                        .doc
                        .annotations()
                        .pos
                        .get(c)
                        .is_some_and(|p| p.xpos == "NNS");
                    view.entity_of.get(c).copied().flatten().is_some()
                        || plural
                        || matches!(view.upos(c), "PRON" | "PROPN")
                };
                let skipped =
                    view.objects_of(cue, |c| (content.start..start).contains(&c) && someone(c));
                let replaces = |old: ByteSpan| skipped.is_some_and(|s| s.contains(old));
                if skipped.is_some() && quote.addressee.is_none_or(replaces) {
                    quote.addressee = skipped;
                }
            }
            let how = match (start != content.start, end.cmp(&content.end)) {
                (true, std::cmp::Ordering::Equal) => {
                    "its start moved past the words before the clause"
                }
                (true, _) => "its start and end moved",
                (false, std::cmp::Ordering::Greater) => "its end extended",
                (false, _) => "its end shortened",
            };
            quote
                .why
                .push_str(&format!("; {how} by the learned extent model"));
        }
    }
}

// Feature templates. Numbers are part of the trained model: never reuse one.
const RULE: u32 = 1;
const SHIFT: u32 = 2;
const SENTENCE_END: u32 = 3;
const LAST: u32 = 4;
const NEXT: u32 = 5;
const NEXT_UNIT: u32 = 6;
const NEXT_UNIT_WORD: u32 = 7;
const LAST_UNIT: u32 = 8;
const ADDED: u32 = 9;
const DROPPED: u32 = 10;
const AFTER_COMMA: u32 = 11;
const LENGTH: u32 = 12;
const CROSSES_CUE: u32 = 13;
const CUE_NEXT_UNIT: u32 = 14;
const QUOTE_EDGE: u32 = 15;
const RULE_CUE: u32 = 16;
const NEXT_UNIT_SUBJECT: u32 = 17;
const START: u32 = 18;
const SKIPPED: u32 = 19;
const SKIPPED_CUE: u32 = 20;
const START_UNIT: u32 = 21;

/// Words kept as themselves in features; others stand as their part of speech.
fn is_closed_class(upos: &str) -> bool {
    matches!(
        upos,
        "ADP" | "CCONJ" | "SCONJ" | "PRON" | "DET" | "PUNCT" | "AUX" | "PART"
    )
}

fn length_bucket(n: usize) -> &'static str {
    match n {
        0..=2 => "1-2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}

impl QuoteView<'_> {
    /// The cue token and content tokens of an indirect report that follows its cue.
    fn extent_subject(&self, quote: &Quote) -> Option<(usize, Range<usize>)> {
        if quote.kind != QuoteKind::Indirect {
            return None;
        }
        let cue_tokens = self.tokens_of(quote.cue?);
        if cue_tokens.is_empty() {
            return None;
        }
        let cue = cue_tokens
            .clone()
            .find(|&t| self.head(t).is_none_or(|h| !cue_tokens.contains(&h)))
            .unwrap_or(cue_tokens.start);
        let content = self.tokens_of(quote.content);
        (content.start > cue && !content.is_empty()).then_some((cue, content))
    }

    /// The spans `content`, reported by `cue`, may take: its own first, then every start past
    /// a complement of the cue that opens it ("urged [officials] [to vote]") combined with
    /// every edge of a constituent after that start inside its sentence, without trailing
    /// punctuation or conjunctions; never one of a single word, one that takes in the
    /// `speaker`'s words, another attribution, a time word of the cue's own or a clause after a
    /// comma that has its own subject.
    fn end_candidates(
        &self,
        cue: usize,
        content: &Range<usize>,
        speaker: Option<Range<usize>>,
        quoted: &[bool],
    ) -> Vec<EndCandidate> {
        let sentence = self.sentence_range(content.start);
        // Never past the cue's own clause: a cue inside "While X agreed to …," reports nothing of
        // the main clause after the comma.
        let clause_end = self.subtree(cue).end.min(sentence.end);
        let limit = self.trimmed_end(content.start, clause_end.max(content.end));
        let mut edges = Vec::new();
        for t in content.start..limit {
            let tree = self.subtree(t);
            edges.push(tree.start);
            edges.push(tree.end);
        }
        edges.push(limit);
        edges.sort_unstable();
        edges.dedup();
        let mut out = Vec::new();
        let mut features = Features::new();
        for start in self.start_candidates(cue, content) {
            // The rules' own span stays first and untrimmed, so that a tie keeps it.
            let first = (start == content.start).then_some(content.end);
            let mut seen = Vec::new();
            for end in first.into_iter().chain(
                edges
                    .iter()
                    .map(|&edge| self.trimmed_end(start, edge.min(limit.max(content.end)))),
            ) {
                let own = start == content.start && end == content.end;
                let holds_speaker = speaker
                    .as_ref()
                    .is_some_and(|s| !s.is_empty() && s.start < end && start < s.end);
                // One word says too little to stand for what was reported ("said [that]",
                // "supporter of [NATO] and of …"), unless the rules found just that.
                let barred = holds_speaker
                    || self.word_count(&(start..end)) < 2
                    || self.adds_time_of_cue(cue, content, end)
                    || self.adds_attribution(cue, content, end)
                    || self.adds_clause_after_comma(content, end);
                if end <= start || seen.contains(&end) || (barred && !own) {
                    continue;
                }
                seen.push(end);
                self.end_features(cue, content, start..end, limit, quoted, &mut features);
                out.push(EndCandidate {
                    start,
                    end,
                    features: features.hashes().to_vec(),
                });
            }
        }
        out
    }

    /// Whether ending at `end` takes in another attribution past the rules' end: a speech
    /// verb with its subject ("told them [X]," a spokesperson said"), or with a clause of its
    /// own (the speaker's next act, "explained that X [and added that Y]").
    fn adds_attribution(&self, cue: usize, content: &Range<usize>, end: usize) -> bool {
        let added = content.end..end;
        added.clone().any(|t| {
            t != cue
                && self.is_speech_verb(t)
                && (self.children(t).any(|c| {
                    let subject = matches!(self.relation(c), "nsubj" | "nsubj:pass");
                    let clause = matches!(self.relation(c), "ccomp" | "parataxis");
                    (subject || clause) && added.contains(&c)
                }) || self.that_clause(t).is_some())
        })
    }

    /// Whether ending at `end` takes in a time word of the cue's own ("criticized the plan [on
    /// Tuesday]"): it dates the telling, not what is told.
    fn adds_time_of_cue(&self, cue: usize, content: &Range<usize>, end: usize) -> bool {
        (content.end..end).any(|t| self.head(t) == Some(cue) && self.is_time_word(t))
    }

    /// Whether ending at `end` takes in a clause with a subject of its own after a comma, past
    /// the rules' end: the writer's next clause, not more of the report ("agreed to meet
    /// [him], [those promises] were met with doubt").
    fn adds_clause_after_comma(&self, content: &Range<usize>, end: usize) -> bool {
        (content.end..end)
            .any(|t| self.subtree(t).start >= content.end && self.is_clause_after_comma(t))
    }

    /// Where the content may start: where the rules start it, and past each complement of the
    /// cue that opens it, as long as something is left.
    fn start_candidates(&self, cue: usize, content: &Range<usize>) -> Vec<usize> {
        let mut starts = vec![content.start];
        // Where the complements that open the content end so far.
        let mut opened = content.start;
        let mut children: Vec<usize> = self.children(cue).filter(|&c| c > cue).collect();
        children.sort_unstable_by_key(|&c| self.subtree(c).start);
        for child in children {
            let tree = self.subtree(child);
            if tree.end <= opened {
                continue;
            }
            let skip = |t: usize| self.upos(t) == "PUNCT" || self.relation(t) == "mark";
            while opened < tree.start && skip(opened) {
                opened += 1;
            }
            // Only a complement that opens what is left: one in the middle ("said the talks
            // were, [frankly], a failure") would drop the words before it.
            if tree.start != opened || tree.end >= content.end {
                break;
            }
            let mut start = tree.end;
            while start + 1 < content.end && skip(start) {
                start += 1;
            }
            if !starts.contains(&start) {
                starts.push(start);
            }
            opened = start;
        }
        starts
    }

    /// `end` without the punctuation, conjunctions and subordinators before it.
    fn trimmed_end(&self, start: usize, mut end: usize) -> usize {
        while end > start + 1
            && (matches!(self.upos(end - 1), "PUNCT" | "CCONJ") || self.relation(end - 1) == "mark")
        {
            end -= 1;
        }
        end
    }

    /// The word as a feature: itself when closed-class, else its part of speech.
    fn shape(&self, t: usize) -> String {
        let upos = self.upos(t);
        if is_closed_class(upos) {
            self.doc
                .slice(self.doc.annotations().tokens[t].span)
                .to_lowercase()
        } else {
            upos.to_string()
        }
    }

    /// The largest constituent that starts at `t` and ends by `limit`.
    fn unit_from(&self, t: usize, limit: usize) -> usize {
        let mut unit = t;
        while let Some(head) = self.head(unit) {
            let tree = self.subtree(head);
            if tree.start < t || tree.end > limit || head < t {
                break;
            }
            unit = head;
        }
        unit
    }

    /// The largest constituent that ends just before `end` and starts at or after `start`.
    fn unit_to(&self, start: usize, end: usize) -> usize {
        let mut unit = end - 1;
        while let Some(head) = self.head(unit) {
            let tree = self.subtree(head);
            if tree.end != end || tree.start < start || head >= end {
                break;
            }
            unit = head;
        }
        unit
    }

    /// Where a unit hangs, relative to the report: on the cue, on the content's root, inside
    /// the content, before it or after it.
    fn attachment(&self, unit: usize, cue: usize, content: &Range<usize>) -> &'static str {
        match self.head(unit) {
            None => "root",
            Some(h) if h == cue => "cue",
            Some(h) if content.contains(&h) => {
                if self.head(h).is_none_or(|hh| !content.contains(&hh)) {
                    "content-root"
                } else {
                    "content"
                }
            }
            Some(h) if h < content.start => "before",
            Some(_) => "after",
        }
    }

    fn end_features(
        &self,
        cue: usize,
        content: &Range<usize>,
        span: Range<usize>,
        limit: usize,
        quoted: &[bool],
        features: &mut Features,
    ) {
        features.clear();
        let (start, end) = (span.start, span.end);
        self.start_features(cue, content, start, features);
        let rule = end == content.end;
        let cue_lemma = self.lemma(cue);
        features.add(RULE, if rule { "yes" } else { "no" });
        features.add2(RULE_CUE, if rule { "yes" } else { "no" }, &cue_lemma);
        let shift = if rule {
            "same".to_string()
        } else if end > content.end {
            format!("longer {}", length_bucket(end - content.end))
        } else {
            format!("shorter {}", length_bucket(content.end - end))
        };
        features.add(SHIFT, &shift);
        features.add(SENTENCE_END, if end >= limit { "yes" } else { "no" });
        features.add(LENGTH, length_bucket(end - start));
        let last = end - 1;
        features.add2(LAST, &self.shape(last), self.relation(last));
        let last_unit = self.unit_to(start, end);
        features.add2(
            LAST_UNIT,
            self.relation(last_unit),
            self.attachment(last_unit, cue, content),
        );
        if end < limit {
            let next = end;
            features.add2(NEXT, &self.shape(next), self.relation(next));
            let unit_start = if self.upos(next) == "PUNCT" && next + 1 < limit {
                let after = next + 1;
                features.add2(AFTER_COMMA, &self.shape(next), &self.shape(after));
                after
            } else {
                next
            };
            let unit = self.unit_from(unit_start, limit);
            let relation = self.relation(unit);
            let attached = self.attachment(unit, cue, content);
            features.add2(NEXT_UNIT, relation, attached);
            features.add3(NEXT_UNIT_WORD, relation, attached, &self.shape(unit_start));
            features.add3(CUE_NEXT_UNIT, &cue_lemma, relation, attached);
            let own_subject = self
                .children(unit)
                .any(|c| matches!(self.relation(c), "nsubj" | "nsubj:pass" | "expl"));
            features.add2(
                NEXT_UNIT_SUBJECT,
                relation,
                if own_subject { "yes" } else { "no" },
            );
            if quoted[last] != quoted[next] {
                features.add(QUOTE_EDGE, if quoted[next] { "into" } else { "out" });
            }
        } else {
            features.add(NEXT, "</s>");
        }
        // The units the end adds to the rules' content, or takes from it.
        let (range, template) = if end > content.end {
            (content.end..end, ADDED)
        } else {
            (end..content.end, DROPPED)
        };
        let mut at = range.start;
        let mut steps = 0;
        while at < range.end && steps < 64 {
            if self.upos(at) == "PUNCT" || self.upos(at) == "CCONJ" {
                features.push(
                    FeatureHasher::new(template)
                        .str("word")
                        .str(&self.shape(at)),
                );
                at += 1;
            } else {
                let unit = self.unit_from(at, range.end);
                let attached = self.attachment(unit, cue, content);
                features.add3(template, "unit", self.relation(unit), attached);
                at = self.subtree(unit).end.max(at + 1);
            }
            steps += 1;
        }
        if (content.end..end).any(|t| t != cue && self.is_reporting_verb(t)) {
            features.add(CROSSES_CUE, "speech verb");
        }
    }

    /// What starting at `start` rather than at the rules' start means: the units it skips.
    fn start_features(
        &self,
        cue: usize,
        content: &Range<usize>,
        start: usize,
        features: &mut Features,
    ) {
        if start == content.start {
            features.add(START, "rule");
            return;
        }
        features.add2(START, "moved", &self.shape(start));
        let cue_lemma = self.lemma(cue);
        let mut at = content.start;
        let mut steps = 0;
        while at < start && steps < 16 {
            let unit = self.unit_from(at, start);
            let relation = self.relation(unit);
            features.add2(SKIPPED, relation, self.upos(unit));
            features.add2(SKIPPED_CUE, relation, &cue_lemma);
            at = self.subtree(unit).end.max(at + 1);
            steps += 1;
        }
        let opening = self.unit_from(start, content.end);
        features.add2(START_UNIT, self.relation(opening), &self.shape(start));
    }
}

#[cfg(test)]
mod tests {
    use dateline_core::{Doc, DocMeta};

    use super::QuoteView;
    use crate::pipeline::Pipeline;

    #[test]
    fn an_end_past_another_speakers_attribution_is_barred() {
        let text = "Okafor told them the teams would meet soon, a ministry spokesperson said.";
        let mut doc = Doc::new(text.to_string(), DocMeta::default());
        Pipeline::new().run(&mut doc);
        let view = QuoteView::new(&doc);
        let word = |w: &str| {
            doc.annotations()
                .tokens
                .iter()
                .position(|t| doc.slice(t.span) == w)
                .expect("the word is in the text")
        };
        let (told, soon, said) = (word("told"), word("soon"), word("said"));
        let report = word("the")..soon + 1;
        assert!(!view.adds_attribution(told, &report, soon + 1));
        assert!(view.adds_attribution(told, &report, said + 1));
    }
}
