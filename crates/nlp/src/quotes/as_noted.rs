//! Reports credited in passing: "As the mayor noted, the bridge has been closed for a year",
//! "…, as the mayor noted on Tuesday.", "Hawaii, as one adviser pointed out, rarely gets
//! hurricanes." The "as X said" phrase attributes the rest of its sentence. Read from the words,
//! not the parse, which often hangs the phrase's noun on "as" as a preposition.

use std::ops::Range;

use dateline_core::Quote;

use super::QuoteView;

/// The shape named in `why`.
const SHAPE: &str = "the sentence credited by \"as X said\"";

/// Most words an "as X said" phrase's noun phrase may have ("as one of the president's climate
/// advisers pointed out").
const MAX_SOURCE_WORDS: usize = 8;

/// Most words after the verb before the phrase closes ("noted on Tuesday", "said in a
/// statement").
const MAX_TRAILING_WORDS: usize = 5;

impl QuoteView<'_> {
    /// The reports of sentences credited by an "as X said" phrase at their start, end or
    /// middle, skipping verbs inside quote marks or already a quotation's cue (`cues`, by byte
    /// offset).
    pub(super) fn as_noted_reports(&self, quoted: &[bool], cues: &[u32]) -> Vec<Quote> {
        let a = self.doc.annotations();
        let word = |t: usize| self.doc.slice(a.tokens[t].span);
        let mut out = Vec::new();
        for t in 0..a.tokens.len() {
            if quoted[t] || !word(t).eq_ignore_ascii_case("as") {
                continue;
            }
            let sentence = self.sentence_range(t);
            if t != sentence.start && word(t - 1) != "," {
                continue;
            }
            let Some((verb, close)) = self.as_phrase_verb(t, &sentence) else {
                continue;
            };
            if cues.contains(&a.tokens[verb].span.start) {
                continue;
            }
            // "one of the advisers": the noun after "of" when the phrase opens with a number.
            let last_noun = (t + 1..verb)
                .rev()
                .find(|&i| matches!(self.upos(i), "NOUN" | "PROPN"));
            let Some(source) = self.phrase_head(t + 1..verb).or(last_noun) else {
                continue;
            };
            let Some(content) = self.credited_content(t, close, &sentence) else {
                continue;
            };
            if self.word_count(&content) < 3 || self.mostly_quoted(&content, quoted) {
                continue;
            }
            let how = "the noun phrase of \"as X said\"";
            let Some(found) = self.speaker_at(source, Some(verb..verb + 1), how, false) else {
                continue;
            };
            out.push(self.indirect_quote(&content, found, SHAPE));
        }
        out
    }

    /// The reporting verb of the phrase that "as" at `t` opens, and where the phrase closes
    /// (the comma after it, or the sentence's last token): "as" + a noun phrase + the verb +
    /// at most a particle and a short prepositional phrase ("pointed out", "noted on Tuesday").
    fn as_phrase_verb(&self, t: usize, sentence: &Range<usize>) -> Option<(usize, usize)> {
        let a = self.doc.annotations();
        let last = (t + 1 + MAX_SOURCE_WORDS + 1).min(sentence.end);
        let verb = (t + 2..last).find(|&v| self.upos(v) == "VERB")?;
        let possessive = |i: usize| a.pos.get(i).is_some_and(|p| p.xpos == "POS");
        let nominal = |i: usize| {
            matches!(
                self.upos(i),
                "DET" | "NOUN" | "PROPN" | "ADJ" | "PRON" | "NUM"
            ) || possessive(i)
                || (self.upos(i) == "ADP" && self.doc.slice(a.tokens[i].span) == "of")
        };
        if !self.is_reporting_verb(verb) || !(t + 1..verb).all(nominal) {
            return None;
        }
        let is_comma = |i: usize| self.doc.slice(a.tokens[i].span) == ",";
        let final_punct = |i: usize| i + 1 == sentence.end && self.upos(i) == "PUNCT";
        let close = (verb + 1..sentence.end)
            .find(|&i| is_comma(i) || final_punct(i))
            .unwrap_or(sentence.end);
        let trailing = verb + 1..close;
        // What follows the verb is a particle or a phrase of time or place, never an object
        // ("as he said goodbye, …" is a time, not a source).
        let opens_phrase = trailing.is_empty()
            || matches!(self.upos(trailing.start), "ADP" | "PART")
            || self.is_time_word(trailing.start);
        let short = self.word_count(&trailing) <= MAX_TRAILING_WORDS;
        let plain = trailing
            .clone()
            .all(|i| !matches!(self.upos(i), "VERB" | "AUX" | "SCONJ" | "CCONJ"));
        (opens_phrase && short && plain).then_some((verb, close))
    }

    /// What an "as X said" phrase from `t` to `close` credits: the rest of the sentence after
    /// it when it opens the sentence, the sentence before it when it closes the sentence, the
    /// whole sentence when it interrupts it.
    fn credited_content(
        &self,
        t: usize,
        close: usize,
        sentence: &Range<usize>,
    ) -> Option<Range<usize>> {
        let closes_sentence = close + 1 >= sentence.end;
        let range = if t == sentence.start {
            if closes_sentence {
                return None;
            }
            close + 1..sentence.end
        } else if closes_sentence {
            sentence.start..t - 1
        } else if (sentence.start..t).any(|i| matches!(self.upos(i), "VERB" | "AUX")) {
            // Inside a clause of its own ("hints on whether, as X claim, he plans …"): which
            // part it credits is the parse's guess, so none is taken.
            return None;
        } else {
            // After the subject ("Hawaii, as X pointed out, rarely gets …"): the sentence.
            sentence.start..sentence.end
        };
        let mut range = range;
        while range.len() > 1 && self.upos(range.start) == "PUNCT" {
            range.start += 1;
        }
        range.end = self.without_closing_punctuation(&range);
        (!range.is_empty()).then_some(range)
    }
}
