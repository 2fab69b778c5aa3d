//! Reports around partial quotes. "The senator said the tax breaks “do nothing for the
//! economy”" reports a whole clause, of which only the end is quoted word for word; the partial
//! quote has the speaker and the cue, but when quote marks inside a clause lead the parser
//! astray (the quoted verb hung on the noun before it as a relative clause), no complement
//! clause is found and the report is lost. The clause is then taken by position: after a cue
//! that comes first, from the cue's first complement to the sentence's end; before a closing
//! cue ("…,” says Smith), from the sentence's start to the punctuation before the attribution.
//! The report keeps the partial quote's speaker.

use std::ops::Range;

use dateline_core::{Quote, QuoteKind, TokenKind};

use super::QuoteView;

/// Fewest words a report around a partial quote has beyond the quoted ones: with fewer, the
/// quote is the whole report and adds nothing.
const MIN_OWN_WORDS: usize = 1;

impl QuoteView<'_> {
    /// The reports around the attributed partial quotes among `quotes` that no report in
    /// `quotes` already holds.
    pub(super) fn reports_around_partials(&self, quotes: &[Quote], quoted: &[bool]) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        for partial in quotes.iter().filter(|q| q.kind == QuoteKind::Partial) {
            let (Some(cue), Some(speaker)) = (partial.cue, partial.speaker) else {
                continue;
            };
            let held =
                |q: &Quote| q.kind == QuoteKind::Indirect && q.content.contains(partial.content);
            if quotes.iter().chain(&out).any(held) {
                continue;
            }
            let cue_tokens = self.tokens_of(cue);
            let quoted_words = self.tokens_of(partial.content);
            if cue_tokens.is_empty() || quoted_words.is_empty() {
                continue;
            }
            // The quoted words without a closing comma the marks enclose ("lose,”").
            let inner = quoted_words.start..self.without_closing_punctuation(&quoted_words);
            // A speaker named between the cue and the quote ("according to Smith, …") comes
            // before the report, as the cue does.
            let speaker_tokens = self.tokens_of(speaker);
            let opening =
                if speaker_tokens.start >= cue_tokens.end && speaker_tokens.end <= inner.start {
                    speaker_tokens.end
                } else {
                    cue_tokens.end
                };
            // The quote may belong to the speaker's next act, a verb conjoined to the cue ("…
            // and urged Americans to “check out” …"): that verb reports it.
            let mut report_cue = cue;
            let clause = if cue_tokens.end <= inner.start {
                let head = cue_tokens.end - 1;
                match self.next_act_holding(head, &inner) {
                    Some(act) => {
                        report_cue = self.span(&(act..act + 1));
                        self.clause_after_cue(act, act + 1, &inner)
                    }
                    None => self.clause_after_cue(head, opening, &inner),
                }
            } else if inner.end <= cue_tokens.start {
                self.clause_before_cue(cue_tokens.start, &inner)
            } else {
                None
            };
            let Some(clause) = clause else { continue };
            let content = self.span(&clause);
            let own_words =
                self.word_count(&clause) - self.word_count(&inner).min(self.word_count(&clause));
            if own_words < MIN_OWN_WORDS
                || clause.start > inner.start
                || clause.end < inner.end
                || (speaker.start < content.end && content.start < speaker.end)
                || clause.clone().all(|t| quoted[t])
            {
                continue;
            }
            out.push(Quote {
                kind: QuoteKind::Indirect,
                content,
                speaker_entity: partial.speaker_entity,
                speaker: partial.speaker,
                cue: Some(report_cue),
                addressee: partial.addressee,
                anonymous: partial.anonymous,
                stance: false,
                why: format!(
                    "the clause around a partial quote, reported by its cue; {}",
                    partial.why
                ),
            });
        }
        out
    }

    /// After `cue`: from its first complement at or after `opening` (past punctuation, "that",
    /// an addressee and time words) to the sentence's end, which must hold the partial quote
    /// `inner`.
    fn clause_after_cue(
        &self,
        cue: usize,
        opening: usize,
        inner: &Range<usize>,
    ) -> Option<Range<usize>> {
        let sentence = self.sentence_range(cue);
        let addressee = |t: usize| {
            self.head(t) == Some(cue)
                && matches!(self.relation(t), "obj" | "iobj")
                && self.lemma(cue) == "tell"
        };
        // The dependent of the cue whose phrase `t` opens ("told [the] reporters", "said [on]
        // Monday"), if any.
        let phrase_of = |t: usize| {
            let mut at = t;
            let mut steps = 0;
            while let Some(head) = self.head(at).filter(|&h| h != cue) {
                at = head;
                steps += 1;
                if steps > 64 {
                    return None;
                }
            }
            (self.head(at) == Some(cue) && self.subtree(at).start == t).then_some(at)
        };
        let mut start = opening.max(cue + 1);
        while start < inner.start {
            let skipped = phrase_of(start).filter(|&p| addressee(p) || self.is_time_word(p));
            if let Some(phrase) = skipped {
                // A phrase whose subtree runs into the quote swallowed the clause in the parse
                // ("tweeted in the early hours [that X was “…”]" with the clause hung on
                // "hours"): skip only up to its head word.
                let tree = self.subtree(phrase);
                let end = if tree.end > inner.start {
                    phrase + 1
                } else {
                    tree.end
                };
                start = end.max(start + 1);
            } else if self.upos(start) == "PUNCT" || self.relation(start) == "mark" {
                start += 1;
            } else {
                break;
            }
        }
        if start >= inner.start || start >= sentence.end {
            return None;
        }
        // Up to the speaker's next act after the quote ("… that X was “…” [and urged …]").
        let next_act = self
            .next_acts(cue)
            .map(|act| self.subtree(act).start)
            .filter(|&s| s >= inner.end && s > start)
            .min()
            .unwrap_or(sentence.end);
        let mut end = next_act.min(sentence.end).max(inner.end);
        while end > inner.end && matches!(self.upos(end - 1), "CCONJ" | "PUNCT") {
            end -= 1;
        }
        let range = start..end;
        let end = self.without_closing_punctuation(&range);
        Some(start..end.max(inner.end))
    }

    /// The verbs conjoined to `cue` after it with no subject of their own: the speaker's next
    /// acts ("tweeted that … and urged …").
    fn next_acts(&self, cue: usize) -> impl Iterator<Item = usize> + '_ {
        self.children(cue).filter(move |&c| {
            c > cue
                && self.relation(c) == "conj"
                && self.upos(c) == "VERB"
                && !self
                    .children(c)
                    .any(|g| matches!(self.relation(g), "nsubj" | "nsubj:pass" | "expl"))
        })
    }

    /// The next act of `cue` whose words hold the quote `inner`, if any.
    fn next_act_holding(&self, cue: usize, inner: &Range<usize>) -> Option<usize> {
        self.next_acts(cue).find(|&act| {
            let tree = self.subtree(act);
            act < inner.start && tree.start <= inner.start && inner.end <= tree.end
        })
    }

    /// Before a closing `cue`: from the sentence's start to the last punctuation before the
    /// attribution ("…,” says Smith; “…,” Smith said).
    fn clause_before_cue(&self, cue: usize, inner: &Range<usize>) -> Option<Range<usize>> {
        let sentence = self.sentence_range(cue);
        let mut start = sentence.start;
        while start < inner.start && self.upos(start) == "PUNCT" {
            start += 1;
        }
        // The subject nearest the cue: another before it opens the report ("A cashier who
        // “…” is held accountable, Warren said").
        let subject_start = self
            .children(cue)
            .filter(|&c| c < cue && matches!(self.relation(c), "nsubj" | "nsubj:pass"))
            .max()
            .map_or(cue, |c| self.subtree(c).start);
        let limit = subject_start.min(cue);
        let boundary = if (inner.end..limit).all(|t| self.upos(t) == "PUNCT") {
            inner.end
        } else {
            (inner.end..limit)
                .rev()
                .find(|&t| self.upos(t) == "PUNCT" && !self.is_quote_mark_token(t))?
        };
        let range = start..boundary;
        if range.is_empty() {
            return None;
        }
        Some(
            start
                ..self
                    .without_closing_punctuation(&range)
                    .max(inner.end.min(boundary)),
        )
    }

    /// Whether token `t` is a quote mark, as segmentation typed it.
    fn is_quote_mark_token(&self, t: usize) -> bool {
        matches!(self.doc.annotations().tokens[t].kind, TokenKind::Quote(_))
    }
}

#[cfg(test)]
mod tests {
    use dateline_core::QuoteKind;

    use super::super::misparsed;

    /// The reports of `text` with its parse replaced by `heads` (head index, relation; `None`
    /// for the root), as the quotes stage finds them without the learned models.
    fn reports_of_misparse(text: &str, heads: &[(Option<u32>, &'static str)]) -> Vec<String> {
        let mut doc = misparsed(text, heads);
        crate::quotes::extract(&mut doc, None, None);
        doc.annotations()
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| {
                let cue = q.cue.map_or("", |c| doc.slice(c));
                format!("{cue}: {}", doc.slice(q.content))
            })
            .collect()
    }

    #[test]
    fn partial_quotes_in_two_acts_of_one_speaker_are_two_reports() {
        // The clause hung on "hours" as a relative clause, "urged" conjoined to "wrote": the
        // parser's shape on a PolNeAR sentence.
        let text = "Okafor wrote in the early morning hours that the mayor was “reckless” and \
                    “a fraud” and urged residents to “look up” the minutes.";
        let heads: Vec<(Option<u32>, &'static str)> = vec![
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(6), "case"),
            (Some(6), "det"),
            (Some(5), "amod"),
            (Some(6), "compound"),
            (Some(1), "obl"),
            (Some(12), "mark"),
            (Some(9), "det"),
            (Some(12), "nsubj"),
            (Some(12), "cop"),
            (Some(12), "punct"),
            (Some(6), "acl"),
            (Some(12), "punct"),
            (Some(17), "cc"),
            (Some(17), "punct"),
            (Some(17), "det"),
            (Some(12), "conj"),
            (Some(17), "punct"),
            (Some(20), "cc"),
            (Some(1), "conj"),
            (Some(20), "obj"),
            (Some(24), "mark"),
            (Some(24), "punct"),
            (Some(20), "xcomp"),
            (Some(24), "compound:prt"),
            (Some(24), "punct"),
            (Some(28), "det"),
            (Some(24), "obj"),
            (Some(1), "punct"),
        ];
        let reports = reports_of_misparse(text, &heads);
        assert!(
            reports.contains(&"wrote: the mayor was “reckless” and “a fraud".to_string()),
            "{reports:?}"
        );
        assert!(
            reports
                .iter()
                .any(|r| r.starts_with("urged: ") && r.contains("look up")),
            "{reports:?}"
        );
    }
}
