//! Closing attributions the parse lost: "…, Senegal's foreign minister said on Tuesday." and
//! "…, said Mr. Barrett, the lawyer for the agency." When the speech verb has no clause or no
//! subject, the shape of the sentence's end still says who reports what.

use std::ops::Range;

use super::QuoteView;

/// A closing attribution: the reported clause's first word (standing for its head), the
/// clause, and the speaker's token.
pub(super) type Tail = (usize, Range<usize>, Option<usize>);

impl QuoteView<'_> {
    /// "…, Senegal's foreign minister said on Tuesday.": when the parse gives the
    /// verb no clause, a sentence that closes with a comma, a noun phrase, the verb and nothing
    /// but a few nouns and prepositions ("told AFP", "said in a statement") is that speaker's
    /// report of everything before the comma. Returns the clause's first word (standing for its
    /// head), the clause and the noun phrase's head: its last noun, or the last before a
    /// preposition ("three sources familiar with the call").
    pub(super) fn attribution_tail(&self, verb: usize) -> Option<Tail> {
        let sentence = self.sentence_range(verb);
        let a = self.doc.annotations();
        let is_comma = |t: usize| self.doc.slice(a.tokens[t].span) == ",";
        let verbal = |t: usize| matches!(self.upos(t), "VERB" | "AUX" | "SCONJ");
        let after_ok = (verb + 1..sentence.end).all(|t| {
            matches!(
                self.upos(t),
                "ADP" | "NOUN" | "PROPN" | "NUM" | "DET" | "ADJ" | "PRON" | "PUNCT"
            )
        });
        if !after_ok || verb + 1 + 8 < sentence.end {
            return None;
        }
        let comma = (sentence.start..verb)
            .rev()
            .take_while(|&t| !verbal(t))
            .find(|&t| is_comma(t))?;
        let phrase = comma + 1..verb;
        if phrase.is_empty() || phrase.len() > 12 {
            return None;
        }
        let nominal = |t: usize| matches!(self.upos(t), "NOUN" | "PROPN" | "PRON");
        let before_preposition = phrase
            .clone()
            .find(|&t| {
                let adjective_with_object = self.upos(t) == "ADJ" && self.upos(t + 1) == "ADP";
                self.upos(t) == "ADP" || (adjective_with_object && t > phrase.start)
            })
            .unwrap_or(phrase.end);
        let head = (phrase.start..before_preposition)
            .rev()
            .find(|&t| nominal(t))?;
        let clause = sentence.start..comma;
        // What is reported says something: a phrase without a verb is the verb's setting ("In
        // an interview last week, she acknowledged …").
        let has_verb = clause
            .clone()
            .any(|t| matches!(self.upos(t), "VERB" | "AUX"));
        (clause.len() > 2 && has_verb).then_some((sentence.start, clause, Some(head)))
    }

    /// "…, said Mr. Barrett, the lawyer for the agency.": the inverted closing attribution, when
    /// the parse gives the verb neither clause nor subject. A speech verb right after a comma,
    /// followed by nothing but a noun phrase (with its apposition) to the sentence's end,
    /// reports everything before the comma; the speaker is the phrase's first run of nouns.
    /// Returns what [`QuoteView::attribution_tail`] returns.
    pub(super) fn inverted_attribution_tail(&self, verb: usize) -> Option<Tail> {
        let sentence = self.sentence_range(verb);
        let a = self.doc.annotations();
        let is_comma = |t: usize| self.doc.slice(a.tokens[t].span) == ",";
        if !self.is_speech_verb(verb) || verb == sentence.start || !is_comma(verb - 1) {
            return None;
        }
        // A finite verb and a noun phrase right after it: "…, speaking at the forum" is the
        // speaker's setting, not the speaker.
        let finite = a
            .pos
            .get(verb)
            .is_some_and(|p| matches!(p.xpos, "VBD" | "VBZ" | "VBP"));
        let rest = verb + 1..sentence.end;
        if !finite || rest.is_empty() || self.upos(rest.start) == "ADP" {
            return None;
        }
        let nominal_only = rest.clone().all(|t| {
            matches!(
                self.upos(t),
                "ADP" | "NOUN" | "PROPN" | "NUM" | "DET" | "ADJ" | "PUNCT" | "PART"
            )
        });
        if !nominal_only || rest.len() > 20 {
            return None;
        }
        let noun = |t: usize| matches!(self.upos(t), "NOUN" | "PROPN");
        let mut head = rest.clone().find(|&t| noun(t))?;
        while head + 1 < rest.end && noun(head + 1) {
            head += 1;
        }
        let clause = sentence.start..verb - 1;
        let has_verb = clause
            .clone()
            .any(|t| matches!(self.upos(t), "VERB" | "AUX"));
        (clause.len() > 2 && has_verb).then_some((sentence.start, clause, Some(head)))
    }
}

#[cfg(test)]
mod tests {
    use dateline_core::{Doc, DocMeta};

    use super::super::misparsed;
    use super::QuoteView;
    use crate::pipeline::Pipeline;

    #[test]
    fn an_inverted_attribution_the_parse_lost_reports_the_clause_before_it() {
        // "said" hung on "felt" as xcomp and "Okafor" as its object, as the parser did on a
        // PolNeAR sentence.
        let text = "Officials felt safe because they could pressure lenders, said Mr. Okafor, \
                    the lawyer.";
        let doc = misparsed(
            text,
            &[
                (Some(1), "nsubj"),
                (None, "root"),
                (Some(1), "xcomp"),
                (Some(6), "mark"),
                (Some(6), "nsubj"),
                (Some(6), "aux"),
                (Some(1), "advcl"),
                (Some(6), "obj"),
                (Some(6), "punct"),
                (Some(1), "xcomp"),
                (Some(11), "nmod:desc"),
                (Some(9), "obj"),
                (Some(14), "punct"),
                (Some(14), "det"),
                (Some(11), "appos"),
                (Some(1), "punct"),
            ],
        );
        let view = QuoteView::new(&doc);
        let (first, clause, speaker) = view
            .inverted_attribution_tail(9)
            .expect("the attribution after the comma");
        assert_eq!((first, clause), (0, 0..8));
        assert_eq!(speaker, Some(11));
    }

    #[test]
    fn a_participle_with_its_setting_is_no_inverted_attribution() {
        let text = "The talks went well, speaking at the forum.";
        let mut doc = Doc::new(text.to_string(), DocMeta::default());
        Pipeline::new().run(&mut doc);
        let view = QuoteView::new(&doc);
        assert_eq!(view.inverted_attribution_tail(5), None);
    }
}
