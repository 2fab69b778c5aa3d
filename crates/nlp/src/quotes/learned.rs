//! Reports from learned cues: a word the cue model (`cue_model.rs`) accepts that the lexicon's
//! rules left alone becomes an indirect quote — its subject's account, thought or stance, with
//! what its complements say as the content ("criticized [the plan to cut funding]", "raised
//! questions about [his health]", "wants [to run again]").

use std::ops::Range;

use dateline_core::{ByteSpan, EntityType, Quote, QuoteKind};

use super::cue_model::CueModel;
use super::{Attribution, QuoteView};
use crate::perceptron::Features;

/// Prepositions that introduce what a stance is about ("criticism of", "questions about",
/// "called for", "objected to"); others ("at a rally", "in Ohio") say where or when.
const TOPIC_MARKERS: [&str; 12] = [
    "about",
    "of",
    "on",
    "for",
    "against",
    "over",
    "regarding",
    "concerning",
    "with",
    "to",
    "as",
    "that",
];

/// The fewest words a learned report's content may have ("criticized [it]" says too little
/// to show a reader), unless the one word is a name ("criticized [Obama]").
const MIN_WORDS: usize = 2;

impl QuoteView<'_> {
    /// Indirect quotes from the words `model` accepts as cues, skipping any word inside quote
    /// marks, inside an earlier quote's content, or already a direct or indirect quote's cue.
    pub(super) fn learned_reports(
        &self,
        model: &CueModel,
        quoted: &[bool],
        earlier: &[Quote],
    ) -> Vec<Quote> {
        let a = self.doc.annotations();
        // Per token, marked once from the earlier quotes, so that the scan stays linear in the
        // document however many quotes it has.
        let n = a.tokens.len();
        let mut covered = vec![false; n];
        let mut taken_cue = vec![false; n];
        let mut partial_cue: Vec<Option<ByteSpan>> = vec![None; n];
        for q in earlier {
            covered[self.tokens_of(q.content)].fill(true);
            if let Some(cue) = q.cue {
                for i in self.tokens_of(cue) {
                    match q.kind {
                        QuoteKind::Partial => partial_cue[i] = Some(q.content),
                        _ => taken_cue[i] = true,
                    }
                }
            }
        }
        let mut features = Features::new();
        let mut scores = Vec::new();
        let mut out: Vec<Quote> = Vec::new();
        for t in 0..n {
            if quoted[t]
                || covered[t]
                || taken_cue[t]
                || !self.is_cue_candidate(t)
                || self.says_nothing_without_predicate(t)
            {
                continue;
            }
            self.cue_features(t, quoted, &mut features);
            let margin = model.margin(features.hashes(), &mut scores);
            if !CueModel::accepts(margin) {
                continue;
            }
            let Some((content, nominal)) = self.stance_content(t) else {
                continue;
            };
            let holds_cue = content.clone().any(|i| taken_cue[i]);
            if holds_cue
                || (self.word_count(&content) < MIN_WORDS && !self.is_one_name(&content))
                || self.mostly_quoted(&content, quoted)
            {
                continue;
            }
            // A partial quote's cue reports only a clause around the quoted words ("said the
            // plan was "dead on arrival""), not some other phrase of its sentence ("said [on
            // condition of anonymity]").
            if partial_cue[t].is_some_and(|partial| !self.span(&content).contains(partial)) {
                continue;
            }
            let Some(found) = self.learned_source(t, &content) else {
                continue;
            };
            // A speaker inside the content is a parse gone wrong, not a report.
            let content_span = self.span(&content);
            if found
                .speaker
                .is_some_and(|s| s.start < content_span.end && content_span.start < s.end)
            {
                continue;
            }
            let shape = format!(
                "what a learned attribution cue is about (\"{}\", margin {margin:.1})",
                self.lemma(t)
            );
            covered[content.clone()].fill(true);
            taken_cue[t] = true;
            let mut quote = self.indirect_quote(&content, found, &shape);
            quote.stance = nominal;
            out.push(quote);
        }
        out
    }

    /// Whether `content` is a single name ("criticized [Obama]"): a stance toward someone
    /// named, where a lone pronoun or common noun would tell a reader nothing.
    fn is_one_name(&self, content: &Range<usize>) -> bool {
        let words: Vec<usize> = content
            .clone()
            .filter(|&t| self.upos(t) != "PUNCT")
            .collect();
        words.len() == 1 && self.upos(words[0]) == "PROPN"
    }

    /// Who holds the stance of cue `t`, whose content is `content`: its source in the parse; no
    /// one named, for an agentless passive; else the first person before the cue and the
    /// content in its sentence.
    fn learned_source(&self, t: usize, content: &Range<usize>) -> Option<Attribution> {
        let cue = Some(t..t + 1);
        match self.stance_source(t) {
            Some(source) => {
                let how = "subject of a cue the model learned";
                self.speaker_at(source, cue, how, true)
            }
            None if self.is_agentless_passive(t) => Some(self.unnamed_source(t)),
            None => self
                .person_before(t, t.min(content.start))
                .and_then(|person| {
                    let how = "the person before a learned cue that has no subject in the parse";
                    self.speaker_at(person, cue, how, false)
                }),
        }
    }

    /// The tokens that lie inside `span`.
    pub(super) fn tokens_of(&self, span: ByteSpan) -> Range<usize> {
        let tokens = &self.doc.annotations().tokens;
        let first = tokens.partition_point(|t| t.span.start < span.start);
        let end = tokens.partition_point(|t| t.span.start < span.end);
        first..end.max(first)
    }

    /// A verb of naming with no "for"/"on" phrase ("called the mayor"): the lexicon's rule
    /// decides, since without its predicate ("called the plan [a waste]") nothing is said.
    fn says_nothing_without_predicate(&self, t: usize) -> bool {
        crate::speech::is_naming_lemma(&self.lemma(t))
            && !self.children(t).any(|c| {
                !self.is_time_word(c) && matches!(self.marker_of(c).as_deref(), Some("for" | "on"))
            })
    }

    /// What cue `t` is about: its clauses, objects and topic phrases after it, from the first
    /// to the last, without the opening preposition or closing punctuation; else a clause
    /// before it. Also whether the content opens with a noun phrase rather than a clause
    /// ("criticized [the plan]" against "said [the plan failed]").
    fn stance_content(&self, t: usize) -> Option<(Range<usize>, bool)> {
        let parts: Vec<usize> = self
            .children(t)
            .filter(|&c| c > t && self.is_stance_complement(c))
            .collect();
        let Some(&first) = parts.first() else {
            return self.stance_content_before(t).map(|range| (range, false));
        };
        // A clause among the parts is something said, even after a noun phrase ("reminded
        // voters [that taxes would rise]"): not a stance towards a thing.
        let nominal = !parts.iter().any(|&c| {
            matches!(self.relation(c), "ccomp" | "xcomp" | "csubj" | "advcl")
                || self.upos(c) == "VERB"
        });
        // A later clause with a subject of its own after a comma is the writer's next
        // sentence part, not more of the content ("agreed to release the hostages, [those
        // promises were met] with doubt").
        let last = parts
            .iter()
            .copied()
            .take_while(|&c| c == first || !self.is_clause_after_comma(c))
            .last()
            .unwrap_or(first);
        // Never the cue itself, whatever the parse's shape.
        let mut range = self.subtree(first).start.max(t + 1)..self.subtree(last).end;
        while range.len() > 1
            && (matches!(self.relation(range.start), "case" | "mark")
                || self.upos(range.start) == "PUNCT")
        {
            range.start += 1;
        }
        range.end = self.without_closing_punctuation(&range);
        Some((range, nominal))
    }

    /// Whether `c` heads a clause with its own subject that follows a comma.
    pub(super) fn is_clause_after_comma(&self, c: usize) -> bool {
        let own_subject = self
            .children(c)
            .any(|g| matches!(self.relation(g), "nsubj" | "nsubj:pass" | "expl"));
        self.comma_before(c).is_some() && own_subject
    }

    /// The comma that opens `c`'s subtree (the parse often makes it `c`'s own dependent) or
    /// stands right before it.
    fn comma_before(&self, c: usize) -> Option<usize> {
        let a = self.doc.annotations();
        let is_comma = |t: usize| self.doc.slice(a.tokens[t].span) == ",";
        let opening = self.subtree(c).start;
        if is_comma(opening) {
            return Some(opening);
        }
        opening.checked_sub(1).filter(|&t| is_comma(t))
    }

    /// The clause before cue `t` that it reports ("The plan is dead, critics charged."): a
    /// clausal dependent before it, when nothing after it is one.
    fn stance_content_before(&self, t: usize) -> Option<Range<usize>> {
        let clause = self
            .children(t)
            .filter(|&c| c < t && matches!(self.relation(c), "ccomp" | "parataxis"))
            .min()?;
        let mut range = self.subtree(clause);
        range.end = range.end.min(t);
        while range.len() > 1 && self.upos(range.start) == "PUNCT" {
            range.start += 1;
        }
        range.end = self.without_closing_punctuation(&range);
        Some(range)
    }

    /// Whether dependent `c` says what its head's stance is about.
    fn is_stance_complement(&self, c: usize) -> bool {
        if self.is_time_word(c) {
            return false; // "criticized the plan [on Tuesday]"
        }
        match self.relation(c) {
            "ccomp" | "xcomp" | "obj" | "csubj" => true,
            "obl" | "nmod" | "acl" | "advcl" => self
                .marker_of(c)
                .is_some_and(|m| TOPIC_MARKERS.contains(&m.as_str())),
            _ => false,
        }
    }

    /// A passive cue with no agent ("was accused of …", "is expected to …"): someone unnamed
    /// holds the view.
    fn is_agentless_passive(&self, t: usize) -> bool {
        self.upos(t) == "VERB"
            && self.children(t).any(|c| self.relation(c) == "aux:pass")
            && !self.children(t).any(|c| self.relation(c) == "obl:agent")
    }

    /// The attribution of a report whose source the text does not name.
    fn unnamed_source(&self, t: usize) -> Attribution {
        Attribution {
            entity: None,
            speaker: None,
            cue: Some(self.span(&(t..t + 1))),
            addressee: None,
            anonymous: false,
            why: "a passive cue with no agent: the text names no source".into(),
        }
    }

    /// The first person or unnamed source of verb `t`'s sentence before token `before` when the
    /// parse gave the verb no subject ("Mr. Obama, in an interview, insisted …" parsed apart).
    fn person_before(&self, t: usize, before: usize) -> Option<usize> {
        if self.upos(t) != "VERB" {
            return None;
        }
        let sentence = self.sentence_range(t);
        let entities = &self.doc.annotations().entities;
        (sentence.start..before).find(|&i| {
            self.entity_of[i]
                .and_then(|e| entities.get(e))
                .is_some_and(|e| matches!(e.entity_type, EntityType::Person | EntityType::Anon))
        })
    }

    /// Whose stance cue `t` gives: a passive's agent, the subject, a noun's possessor ("the
    /// mayor's criticism of"), the subject of the verb a noun cue is the object of ("raised
    /// questions about"), or the subject a subjectless verb shares.
    fn stance_source(&self, t: usize) -> Option<usize> {
        let own = |rel: &str| self.children(t).find(|&c| self.relation(c) == rel);
        if let Some(agent) = own("obl:agent") {
            return Some(agent);
        }
        // A passive subject on a verb with no passive auxiliary is the labeller's slip on an
        // active verb ("Critics have expressed doubts"): the doer.
        let passive = own("aux:pass").is_some();
        let subject = own("nsubj").or_else(|| own("nsubj:pass").filter(|_| !passive));
        if let Some(subject) = subject.filter(|&s| !self.is_time_word(s)) {
            return Some(subject);
        }
        if self.upos(t) == "NOUN" {
            if let Some(possessor) = own("nmod:poss") {
                return Some(possessor);
            }
            let head = self.head(t)?;
            if self.relation(t) == "obj" {
                return self.children(head).find(|&c| self.relation(c) == "nsubj");
            }
            return None;
        }
        if passive {
            return None;
        }
        self.inherited_subject(t)
    }

    /// The subject a subjectless verb takes from the verb it depends on: "wants to call for"
    /// (control), "criticized …, saying" (a participle), "objected and said" (a conjunct),
    /// "the senator, who called for …" (a relative clause's noun). Up to three steps up.
    fn inherited_subject(&self, t: usize) -> Option<usize> {
        let mut at = t;
        for _ in 0..3 {
            let head = self.head(at)?;
            match self.relation(at) {
                "acl:relcl" => return Some(head),
                "xcomp" | "advcl" | "conj" => {}
                _ => return None,
            }
            let subject = self.children(head).find(|&c| {
                matches!(self.relation(c), "nsubj" | "obl:agent") && !self.is_time_word(c)
            });
            if subject.is_some() {
                return subject;
            }
            at = head;
        }
        None
    }
}
