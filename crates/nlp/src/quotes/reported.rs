//! Reported speech outside quote marks: the clausal complement of a speech or reporting verb,
//! a "that" clause the parser left unattached, a sentence closed by ", NP said." (`tail.rs`),
//! and a sentence opened or closed by "according to X".

use std::ops::Range;

use dateline_core::{Quote, QuoteKind, TokenKind};

use super::{Attribution, QuoteView};

/// Nouns for documents, counts and recordings whose findings the press reports as a source's:
/// "polls show …", "the study found …", "video shows …".
const EVIDENCE_NOUNS: [&str; 24] = [
    "poll",
    "survey",
    "study",
    "data",
    "record",
    "document",
    "figure",
    "report",
    "analysis",
    "video",
    "footage",
    "image",
    "photo",
    "statistic",
    "research",
    "filing",
    "audit",
    "review",
    "census",
    "investigation",
    "inquiry",
    "test",
    "probe",
    "result",
];

/// A reported clause: its head (or first word) and its tokens.
type Clause = (usize, Range<usize>);

impl QuoteView<'_> {
    /// Reported speech: the clausal complement of a speech verb outside quote marks ("Lavrov
    /// added that any meeting …", "Trump said Putin had agreed …"), with the verb's subject as
    /// speaker. A complement that is all one direct quote is left to the quote.
    pub(super) fn reported_speech(&self, quoted: &[bool], cues: &[u32]) -> Vec<Quote> {
        let a = self.doc.annotations();
        let is_cue = |t: usize| cues.contains(&a.tokens[t].span.start);
        let mut out = Vec::new();
        for verb in 0..a.tokens.len() {
            if quoted[verb] || !self.is_reporting_verb(verb) {
                continue;
            }
            if !is_cue(verb) {
                if let Some(report) = self.interrupted_report(verb, quoted) {
                    out.push(report);
                    continue;
                }
            }
            let complement = if crate::speech::is_belief_lemma(&self.lemma(verb)) {
                "complement clause of a verb of thinking"
            } else {
                "complement clause of a speech verb"
            };
            // (clause head, clause tokens, the speaker's token when the parse gives none, the
            // shape of the report for its `why`)
            let mut clauses: Vec<(usize, Range<usize>, Option<usize>, &str)> = self
                .children(verb)
                .filter(|&c| self.relation(c) == "ccomp" && !self.is_misparsed_setting(c))
                .map(|c| (c, self.with_stray_subject(verb, c), None, complement))
                .collect();
            // Without a complement clause, the other shapes in turn, each tried only if needed.
            if clauses.is_empty() {
                let shaped = |found: Option<Clause>, shape: &'static str| found.map(|f| (f, shape));
                let found = shaped(self.that_clause(verb), complement)
                    .or_else(|| shaped(self.evidence_object(verb), "what a record or study shows"))
                    .or_else(|| shaped(self.demanded(verb), "what a verb of asking asks for"))
                    .or_else(|| {
                        shaped(
                            self.characterized(verb),
                            "what a verb of naming says something is",
                        )
                    });
                if let Some(((c, r), shape)) = found {
                    clauses.push((c, r, None, shape));
                }
            }
            // No clause, or a clause but no subject: a parse gone wrong. A sentence shaped as a
            // closing attribution still says who reports what.
            let has_subject = self
                .children(verb)
                .any(|c| matches!(self.relation(c), "nsubj" | "nsubj:pass"));
            if clauses.is_empty() || !has_subject {
                let tail = self
                    .attribution_tail(verb)
                    .or_else(|| self.inverted_attribution_tail(verb));
                if let Some((c, r, speaker)) = tail {
                    let shape = "the sentence before a closing attribution (\"…, X said\")";
                    clauses = vec![(c, r, speaker, shape)];
                }
            }
            for (clause, mut range, tail_speaker, shape) in clauses {
                if range.contains(&verb) {
                    continue;
                }
                // The speaker's next act, misattached inside the clause ("explained that the
                // service was restructured [and added that …]"), is a report of its own.
                if let Some(act) = self.misattached_speech_act(clause) {
                    range.end = range.end.min(self.subtree(act).start);
                    while range.end > range.start + 1
                        && matches!(self.upos(range.end - 1), "CCONJ" | "PUNCT")
                    {
                        range.end -= 1;
                    }
                }
                // Only a clause after its verb runs on: one before it ("A, it added; and B")
                // would swallow the verb.
                if let Some(end) = self
                    .continuation_end(verb, &range)
                    .filter(|_| range.start > verb)
                {
                    range.end = end;
                }
                // A verb that already introduces a quotation ("…, the president said: '…'")
                // does not also report the clause before it.
                if range.start < verb && is_cue(verb) {
                    continue;
                }
                // Another quotation's attribution inside the clause ("…," a spokesperson said)
                // ends it at the comma before that attribution.
                if let Some(other) = range
                    .clone()
                    .find(|&t| t != verb && is_cue(t) && t > clause)
                {
                    if let Some(comma) = (range.start..other)
                        .rev()
                        .find(|&t| self.doc.slice(a.tokens[t].span) == ",")
                    {
                        range.end = comma;
                    }
                }
                while range.len() > 1
                    && (matches!(self.relation(range.start), "mark")
                        || self.upos(range.start) == "PUNCT")
                {
                    range.start += 1;
                }
                range.end = self.without_closing_punctuation(&range);
                if self.word_count(&range) < 3 || range.clone().all(|t| quoted[t]) {
                    continue;
                }
                let subject = tail_speaker
                    .or_else(|| {
                        self.children(verb)
                            .find(|&c| matches!(self.relation(c), "nsubj" | "nsubj:pass"))
                    })
                    .or_else(|| self.controlling_subject(verb));
                let how = if tail_speaker.is_some() {
                    "the noun phrase of a closing \"…, X said\""
                } else {
                    "subject of the reporting verb"
                };
                let Some(mut found) =
                    subject.and_then(|s| self.speaker_at(s, Some(verb..verb + 1), how, true))
                else {
                    continue;
                };
                if self.lemma(verb) == "tell" {
                    found.addressee = self.objects_of(verb, |_| true);
                }
                out.push(self.indirect_quote(&range, found, shape));
            }
        }
        out.extend(self.according_to(quoted, cues));
        out
    }

    /// "The museum, the mayor said, will open in May.": a report interrupted by its attribution.
    /// When the verb, its subject and at most a few words after it ("told reporters on Friday")
    /// stand between two commas, with words on both sides, the whole sentence is the report.
    fn interrupted_report(&self, verb: usize, quoted: &[bool]) -> Option<Quote> {
        if matches!(self.relation(verb), "acl:relcl" | "acl") {
            return None; // "Trump, who said so, …"
        }
        let sentence = self.sentence_range(verb);
        let a = self.doc.annotations();
        let is_comma = |t: usize| self.doc.slice(a.tokens[t].span) == ",";
        let nominal = |t: usize| {
            matches!(
                self.upos(t),
                "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ" | "PART" | "NUM"
            ) || (self.upos(t) == "PUNCT" && !is_comma(t))
        };
        let opening = (sentence.start..verb)
            .rev()
            .take(9)
            .find(|&t| !nominal(t))?;
        let trailing = |t: usize| {
            matches!(
                self.upos(t),
                "ADP" | "NOUN" | "PROPN" | "PRON" | "DET" | "NUM" | "ADJ" | "ADV"
            )
        };
        let closing = (verb + 1..sentence.end).take(7).find(|&t| !trailing(t))?;
        if !is_comma(opening) || !is_comma(closing) || opening + 1 == verb {
            return None;
        }
        let before = sentence.start..opening;
        let after = closing + 1..sentence.end;
        if self.word_count(&before) < 2 || self.word_count(&after) < 2 {
            return None;
        }
        let content = sentence.start..self.without_closing_punctuation(&sentence);
        if self.mostly_quoted(&content, quoted) {
            return None;
        }
        let speaker_phrase = opening + 1..verb;
        let head = self
            .children(verb)
            .find(|&c| {
                speaker_phrase.contains(&c) && matches!(self.relation(c), "nsubj" | "nsubj:pass")
            })
            .or_else(|| self.phrase_head(speaker_phrase))?;
        let how = "the speaker between commas inside the sentence";
        let found = self.speaker_at(head, Some(verb..verb + 1), how, true)?;
        let shape = "a sentence interrupted by its attribution (\"A, X said, B\")";
        Some(self.indirect_quote(&content, found, shape))
    }

    /// Reported speech over `content`, said by `found`, in a sentence of the given `shape`.
    pub(super) fn indirect_quote(
        &self,
        content: &Range<usize>,
        found: Attribution,
        shape: &str,
    ) -> Quote {
        Quote {
            kind: QuoteKind::Indirect,
            content: self.span(content),
            speaker_entity: found.entity,
            speaker: found.speaker,
            cue: found.cue,
            addressee: found.addressee,
            anonymous: found.anonymous,
            stance: false,
            why: format!("{shape}; {}", found.why),
        }
    }

    /// Whether more than half of `range`'s words are inside quote marks.
    pub(super) fn mostly_quoted(&self, range: &Range<usize>, quoted: &[bool]) -> bool {
        let tokens = &self.doc.annotations().tokens;
        let words = range.clone().filter(|&t| tokens[t].kind == TokenKind::Word);
        let (inside, all) = words.fold((0, 0), |(i, n), t| (i + usize::from(quoted[t]), n + 1));
        2 * inside > all
    }

    /// "Polls show Clinton with a narrow lead", "the audit found 31 cases of fraud": what a
    /// document, poll or record shows is its account, object and all. Only for subjects that
    /// are evidence ("police found a body" is no report).
    fn evidence_object(&self, verb: usize) -> Option<(usize, Range<usize>)> {
        if !matches!(
            self.lemma(verb).as_str(),
            "show" | "find" | "indicate" | "suggest" | "reveal"
        ) {
            return None;
        }
        let subject = self
            .children(verb)
            .find(|&c| matches!(self.relation(c), "nsubj" | "nsubj:pass"))?;
        if !EVIDENCE_NOUNS.contains(&self.lemma(subject).to_lowercase().as_str()) {
            return None;
        }
        let object = self
            .children(verb)
            .find(|&c| self.relation(c) == "obj" && c > verb)?;
        let mut range = self.subtree(object);
        // "found that action unconstitutional", "showed the governor with a lead": what the
        // parser hangs on the verb after the object belongs to it.
        for c in self.children(verb) {
            if matches!(self.relation(c), "xcomp" | "obl") && c >= range.end {
                range.end = range.end.max(self.subtree(c).end);
            }
        }
        Some((object, range))
    }

    /// What a verb of asking asks for: "urged Congress to act" (object and "to" clause),
    /// "called for an inquiry", "called on allies to help" (the phrase after "for"/"on", and
    /// its "to" clause). A bare "called" ("called him a liar", "a group called X") asks nothing.
    fn demanded(&self, verb: usize) -> Option<(usize, Range<usize>)> {
        let lemma = self.lemma(verb);
        // "told his staff to stay", "warned Seoul not to respond": a speech verb with an object
        // and a "to" clause asks as well.
        // A passive one ("the army was told to prepare") names who was told, not who told.
        let telling = matches!(lemma.as_str(), "tell" | "warn" | "ask" | "remind")
            && self
                .children(verb)
                .any(|c| self.relation(c) == "xcomp" && c > verb)
            && !self
                .children(verb)
                .any(|c| matches!(self.relation(c), "nsubj:pass" | "aux:pass"));
        if !crate::speech::is_demand_lemma(&lemma) && !telling {
            return None;
        }
        let a = self.doc.annotations();
        let word = |t: usize| self.doc.slice(a.tokens[t].span).to_lowercase();
        let after = |c: &usize| *c > verb;
        let first = if lemma == "call" {
            self.children(verb).filter(after).find(|&c| {
                self.relation(c).starts_with("obl")
                    && self.children(c).any(|m| {
                        self.relation(m) == "case" && matches!(word(m).as_str(), "for" | "on")
                    })
            })?
        } else {
            self.children(verb)
                .filter(after)
                .filter(|&c| matches!(self.relation(c), "obj" | "iobj" | "xcomp"))
                .min()?
        };
        let mut range = self.subtree(first);
        for c in self.children(verb).filter(after) {
            if self.relation(c) == "xcomp" && c >= range.end {
                range.end = range.end.max(self.subtree(c).end);
            }
        }
        // "called on" keeps its preposition out of the content.
        while range.len() > 1 && self.relation(range.start) == "case" {
            range.start += 1;
        }
        Some((first, range))
    }

    /// What a verb of naming says something is: "called the deal a disaster" (object and its
    /// predicate), "described the plan as reckless" (object and its "as" phrase). Without the
    /// predicate nothing is said ("called him on Monday", "a group called X").
    fn characterized(&self, verb: usize) -> Option<(usize, Range<usize>)> {
        if !crate::speech::is_naming_lemma(&self.lemma(verb)) {
            return None;
        }
        let a = self.doc.annotations();
        let after = |c: &usize| *c > verb;
        let object = self
            .children(verb)
            .filter(after)
            .find(|&c| self.relation(c) == "obj")?;
        let as_phrase = |c: usize| {
            (self.relation(c).starts_with("obl") || self.relation(c).starts_with("nmod"))
                && self.children(c).any(|m| {
                    self.relation(m) == "case"
                        && self.doc.slice(a.tokens[m].span).eq_ignore_ascii_case("as")
                })
        };
        // UD makes the predicate the verb's xcomp; the parser sometimes hangs it on the object
        // as an apposition or bare noun phrase ("called [the plan] [a waste]"), an adjective
        // after it ("called [the charges] [false]"), an "as" phrase ("described [the plan] [as
        // a waste]"), or makes it a second object of either. A time phrase is no predicate
        // ("called him [a day later]").
        let predicate = self
            .children(verb)
            .filter(|&c| c > object && !self.is_time_word(c))
            .find(|&c| matches!(self.relation(c), "xcomp" | "obj") || as_phrase(c))
            .or_else(|| {
                self.children(object)
                    .filter(|&c| c > object && !self.is_time_word(c))
                    .find(|&c| {
                        matches!(
                            self.relation(c),
                            "appos" | "nmod:unmarked" | "obj" | "xcomp" | "amod"
                        ) || as_phrase(c)
                    })
            })?;
        let range = self.subtree(object).start..self.subtree(predicate).end;
        Some((object, range))
    }

    /// A "clause" that opens with a preposition and has no subject: where or when the words
    /// were said, misparsed as what was said ("said [at a campaign stop] this week").
    fn is_misparsed_setting(&self, clause: usize) -> bool {
        let first = self.subtree(clause).start;
        self.upos(first) == "ADP"
            && self.relation(first) == "case"
            && !self
                .children(clause)
                .any(|c| matches!(self.relation(c), "nsubj" | "nsubj:pass" | "expl"))
    }

    /// The tokens of `clause`, the complement of `verb`, with the clause's subject when the
    /// parse hung it on the verb as a second subject ("a poll showed [Clinton] was the winner").
    /// Only a second one: a verb's only subject after it is the speaker ("…, said Smith").
    fn with_stray_subject(&self, verb: usize, clause: usize) -> Range<usize> {
        let mut range = self.subtree(clause);
        let subject_before = self
            .children(verb)
            .any(|c| c < verb && matches!(self.relation(c), "nsubj" | "nsubj:pass"));
        if range.start > verb && subject_before {
            let stray = self.children(verb).find(|&c| {
                c > verb && c < range.start && matches!(self.relation(c), "nsubj" | "nsubj:pass")
            });
            if let Some(subject) = stray {
                range.start = self.subtree(subject).start;
            }
        }
        range
    }

    /// Where `range` ends without its closing punctuation (never empty).
    pub(super) fn without_closing_punctuation(&self, range: &Range<usize>) -> usize {
        let mut end = range.end;
        while end > range.start + 1 && self.upos(end - 1) == "PUNCT" {
            end -= 1;
        }
        end
    }

    /// How many words (not punctuation or numbers) `range` holds.
    pub(super) fn word_count(&self, range: &Range<usize>) -> usize {
        let tokens = &self.doc.annotations().tokens;
        range
            .clone()
            .filter(|&t| tokens[t].kind == TokenKind::Word)
            .count()
    }

    /// A speech verb with no subject of its own and a clause of its own, conjoined to the
    /// reported clause `clause`: the parse hung the speaker's next act ("… and added that …")
    /// on what the first verb reports.
    fn misattached_speech_act(&self, clause: usize) -> Option<usize> {
        self.children(clause).find(|&c| {
            c > clause
                && self.relation(c) == "conj"
                && self.is_speech_verb(c)
                && !self
                    .children(c)
                    .any(|g| matches!(self.relation(g), "nsubj" | "nsubj:pass" | "expl"))
                && (self
                    .children(c)
                    .any(|g| matches!(self.relation(g), "ccomp" | "parataxis"))
                    || self.that_clause(c).is_some())
        })
    }

    /// Whether speech verb `verb`, conjoined to `head`, is the reporter's next act misattached
    /// to the clause `head` that a reporting verb reports.
    fn is_misattached_next_act(&self, verb: usize, head: usize) -> bool {
        self.relation(verb) == "conj"
            && self.misattached_speech_act(head) == Some(verb)
            && self.relation(head) == "ccomp"
            && self.head(head).is_some_and(|h| self.is_reporting_verb(h))
    }

    /// The subject a subjectless speech verb shares with the verb it hangs on: "The minister
    /// criticized the plan, saying it would fail" (an adverbial participle), "She objected and
    /// said …" (a conjoined verb).
    pub(super) fn controlling_subject(&self, verb: usize) -> Option<usize> {
        let participle = self.relation(verb) == "advcl"
            && self
                .doc
                .annotations()
                .pos
                .get(verb)
                .is_some_and(|p| p.xpos == "VBG");
        if !participle && self.relation(verb) != "conj" {
            return None;
        }
        let mut head = self.head(verb)?;
        // A speech act conjoined to a reported clause belongs to the reporter ("explained that
        // the service was restructured and added that …").
        if self.is_misattached_next_act(verb, head) {
            head = self.head(head)?;
        }
        self.children(head)
            .find(|&c| matches!(self.relation(c), "nsubj" | "nsubj:pass"))
    }

    /// "According to X, …" and "…, according to X.": the rest of the sentence is X's report.
    /// In the middle of a sentence ("…, according to X, …") the report is the clause before
    /// the phrase when the words after it are not part of that clause ("…, according to X,
    /// an advocacy group", "…, according to X, but …"); else the whole sentence when the
    /// phrase interrupts its clause ("Fundraising, according to the campaign, has surged"), or
    /// what follows an opening adverbial ("In addition, according to X, …"). A phrase that
    /// introduces a quotation of its own is left to the quotation.
    fn according_to(&self, quoted: &[bool], cues: &[u32]) -> Vec<Quote> {
        let a = self.doc.annotations();
        let word = |t: usize| self.doc.slice(a.tokens[t].span);
        let mut out = Vec::new();
        for t in 0..a.tokens.len().saturating_sub(2) {
            if quoted[t]
                || !word(t).eq_ignore_ascii_case("according")
                || !word(t + 1).eq_ignore_ascii_case("to")
                || cues.contains(&a.tokens[t].span.start)
            {
                continue;
            }
            let sentence = self.sentence_range(t);
            let is_comma = |i: usize| word(i) == ",";
            // The source's phrase runs from after "to" to the next comma or the sentence's end,
            // and on over an apposition the parse hangs on its head.
            let first_comma = (t + 2..sentence.end)
                .find(|&i| is_comma(i) || (i + 1 == sentence.end && self.upos(i) == "PUNCT"))
                .unwrap_or(sentence.end);
            // The parse's noun when the tags give none ("a tally by the party" with "tally"
            // tagged as an adverb): "according" is the case marker of its source.
            let phrase = t + 2..first_comma;
            let parsed = self.head(t).filter(|h| phrase.contains(h));
            let Some(source) = self.phrase_head(phrase.clone()).or(parsed) else {
                continue;
            };
            let phrase_end = first_comma.max(self.subtree(source).end).min(sentence.end);
            let Some(content) = self.according_content(t, phrase_end, &sentence) else {
                continue;
            };
            let content = content.start..self.without_closing_punctuation(&content);
            if self.word_count(&content) < 3 || content.clone().any(|i| quoted[i]) {
                continue;
            }
            let Some(found) = self.speaker_at(source, Some(t..t + 2), "according to", false) else {
                continue;
            };
            let shape = "the rest of a sentence that says whose account it is";
            out.push(self.indirect_quote(&content, found, shape));
        }
        out
    }

    /// What "according to" at `t`, whose source phrase ends at `phrase_end`, attributes: see
    /// [`QuoteView::according_to`].
    fn according_content(
        &self,
        t: usize,
        phrase_end: usize,
        sentence: &Range<usize>,
    ) -> Option<Range<usize>> {
        let a = self.doc.annotations();
        let is_comma = |i: usize| self.doc.slice(a.tokens[i].span) == ",";
        // Past the comma after the phrase; nothing but punctuation left means it closes.
        let mut rest = phrase_end;
        while rest < sentence.end && self.upos(rest) == "PUNCT" {
            rest += 1;
        }
        let rest = rest..sentence.end;
        if t == sentence.start {
            return (!rest.is_empty()).then_some(rest);
        }
        if !is_comma(t - 1) {
            return None;
        }
        let before = sentence.start..t - 1;
        if rest.clone().all(|i| self.upos(i) == "PUNCT") {
            return Some(before);
        }
        let root = sentence
            .clone()
            .find(|&i| self.head(i).is_none_or(|h| !sentence.contains(&h)))?;
        // A core part of the main clause after the phrase: the phrase interrupts the clause.
        let core = |i: usize| {
            matches!(
                self.relation(i),
                "obj"
                    | "iobj"
                    | "ccomp"
                    | "xcomp"
                    | "nsubj"
                    | "nsubj:pass"
                    | "cop"
                    | "aux"
                    | "aux:pass"
            )
        };
        let continues = rest.clone().any(|i| {
            self.head(i)
                .is_some_and(|h| !rest.contains(&h) && (h == root || before.contains(&h)))
                && core(i)
        }) || rest.contains(&root)
            // A clause cut after a function word ("boats which, according to X, the UN has
            // criticised") goes on after the phrase.
            || before.clone().last().is_some_and(|last| {
                matches!(
                    self.upos(last),
                    "PRON" | "SCONJ" | "CCONJ" | "ADP" | "DET" | "AUX"
                )
            });
        if !continues {
            return before.contains(&root).then_some(before);
        }
        let subject_before = before.clone().any(|i| {
            self.head(i).is_some_and(|h| !before.contains(&h))
                && matches!(self.relation(i), "nsubj" | "nsubj:pass")
        });
        if before.contains(&root) || subject_before {
            Some(sentence.start..sentence.end)
        } else {
            Some(rest)
        }
    }

    /// The head of a noun phrase: its last noun before any preposition ("a spokesman for the
    /// ministry" → spokesman), else its first pronoun.
    pub(super) fn phrase_head(&self, phrase: Range<usize>) -> Option<usize> {
        let before_preposition = phrase
            .clone()
            .find(|&i| self.upos(i) == "ADP")
            .unwrap_or(phrase.end);
        (phrase.start..before_preposition)
            .rev()
            .find(|&i| matches!(self.upos(i), "NOUN" | "PROPN"))
            .or_else(|| phrase.clone().find(|&i| self.upos(i) == "PRON"))
    }

    /// "noted that …" when the parser did not attach the clause to the verb: from the "that"
    /// right after the verb (or after its addressee, "told reporters that") to the end of the
    /// sentence. The clause's first word stands for its head.
    pub(super) fn that_clause(&self, verb: usize) -> Option<(usize, Range<usize>)> {
        let sentence = self.sentence_range(verb);
        let a = self.doc.annotations();
        let that = (verb + 1..(verb + 4).min(sentence.end)).find(|&t| {
            self.doc
                .slice(a.tokens[t].span)
                .eq_ignore_ascii_case("that")
                && self.upos(t) == "SCONJ"
        })?;
        // Only nouns or pronouns may stand between the verb and "that".
        if (verb + 1..that).any(|t| !matches!(self.upos(t), "PRON" | "NOUN" | "PROPN" | "DET")) {
            return None;
        }
        let range = that + 1..sentence.end;
        (range.len() > 2).then(|| (that + 1, range))
    }

    /// Where reported speech continues past its clause: "said that A, and B" when the parser
    /// hangs B on the speech verb. B counts when it follows A, has a subject of its own (so it
    /// is not the speaker's second act, "noted A and stressed B") and is not itself a speech
    /// verb.
    fn continuation_end(&self, verb: usize, clause: &Range<usize>) -> Option<usize> {
        let mut end = None;
        for conj in self.children(verb).filter(|&c| self.relation(c) == "conj") {
            let own_subject = self
                .children(conj)
                .any(|c| matches!(self.relation(c), "nsubj" | "nsubj:pass" | "expl"));
            let follows = conj > clause.end;
            // A reporting verb that reports something of its own is another report ("…, and
            // aides said B"); one that does not is more of this one ("saw a gun and that one
            // was found nearby").
            let reports_own = self.is_reporting_verb(conj)
                && self
                    .children(conj)
                    .any(|c| matches!(self.relation(c), "ccomp" | "xcomp" | "obj"));
            if follows && own_subject && !reports_own {
                let tail = self.subtree(conj);
                if tail.start >= clause.end {
                    end = Some(end.unwrap_or(0).max(tail.end));
                }
            }
        }
        end
    }
}
