//! Reports attributed after the fact, through a demonstrative: "Ukraine is ready to negotiate.
//! This was stated by President X after talks in Kyiv." or "… The Head of State said this during
//! his address." Government press releases open many paragraphs this way: the statement first,
//! its source in the next sentence. The sentence before the attribution is the report; its
//! speaker is the passive's agent or the active verb's subject.

use dateline_core::Quote;

use super::QuoteView;

/// The shape named in `why`.
const SHAPE: &str = "the sentence before \"This was stated by X\"";

impl QuoteView<'_> {
    /// The reports of sentences attributed by a demonstrative in the sentence after them,
    /// skipping reporting verbs inside quote marks or already a quotation's cue (`cues`, by
    /// byte offset) and sentences that are mostly quoted (a quotation keeps its own speaker).
    pub(super) fn anaphoric_reports(&self, quoted: &[bool], cues: &[u32]) -> Vec<Quote> {
        let a = self.doc.annotations();
        let mut out = Vec::new();
        for verb in 0..a.tokens.len() {
            if quoted[verb]
                || cues.contains(&a.tokens[verb].span.start)
                || !self.is_speech_verb(verb)
            {
                continue;
            }
            let Some(speaker) = self.speaker_of_demonstrative(verb) else {
                continue;
            };
            let sentence = self.sentence_range(verb);
            if sentence.start == 0 {
                continue;
            }
            let previous = self.sentence_range(sentence.start - 1);
            let mut content = previous.start..previous.end;
            while content.len() > 1 && self.upos(content.start) == "PUNCT" {
                content.start += 1;
            }
            content.end = self.without_closing_punctuation(&content);
            if self.word_count(&content) < 3 || self.mostly_quoted(&content, quoted) {
                continue;
            }
            let how = "the agent or subject of a verb whose object is \"this\"";
            let Some(found) = self.speaker_at(speaker, Some(verb..verb + 1), how, true) else {
                continue;
            };
            out.push(self.indirect_quote(&content, found, SHAPE));
        }
        out
    }

    /// The speaker of `verb` when what it reports is a demonstrative standing for the sentence
    /// before: the agent of "This was stated by X", the subject of "X said this".
    fn speaker_of_demonstrative(&self, verb: usize) -> Option<usize> {
        let a = self.doc.annotations();
        let word = |t: usize| self.doc.slice(a.tokens[t].span);
        let bare =
            |t: usize| matches!(self.upos(t), "PRON" | "DET") && self.children(t).next().is_none();
        // "This was stated by X", "That was announced by X": the demonstrative opens its
        // sentence.
        let opens_sentence = |t: usize| {
            (self.sentence_range(t).start..t).all(|p| self.upos(p) == "PUNCT")
                && (word(t).eq_ignore_ascii_case("this") || word(t).eq_ignore_ascii_case("that"))
        };
        let subject = self.children(verb).any(|c| {
            matches!(self.relation(c), "nsubj" | "nsubj:pass") && bare(c) && opens_sentence(c)
        });
        // "X said this": only "this"; "said that" opens a clause far more often than it points
        // back.
        let object = self
            .children(verb)
            .any(|c| self.relation(c) == "obj" && bare(c) && word(c).eq_ignore_ascii_case("this"));
        let find = |relation: &str| self.children(verb).find(|&c| self.relation(c) == relation);
        // The parser does not always mark the passive's subject as such; an active "This
        // shows …" has no agent and is no attribution.
        if subject {
            find("obl:agent")
        } else if object {
            find("nsubj")
        } else {
            None
        }
    }
}
