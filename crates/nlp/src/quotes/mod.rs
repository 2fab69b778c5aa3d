//! Quotations: quote-mark spans paired within a paragraph, typed direct or partial, and reported
//! speech (indirect), with speaker, cue and addressee from the dependency parse and the entities.
//!
//! Reads tokens, sentences, paragraphs, lemmas, dependencies and entities; writes
//! `annotations.quotes`. The steps:
//! 1. pairing — an opening mark (or an undecided one outside a quote) opens, the next closing or
//!    undecided mark closes; a quote left open at its paragraph's end ends there (wire style
//!    continues it in the next paragraph, which opens again). Linear in the tokens.
//! 2. typing — a quote that opens its sentence or follows a colon is direct; quoted words inside
//!    the writer's own sentence are partial; capitalized words with no verb ("Coalition of the
//!    Willing"; two words or fewer only with no speech verb around) are a name, not speech, and
//!    are dropped; so is a partial quote that nobody in its sentence says (a scare quote).
//! 3. attribution — a speech verb outside the quote in its sentences, nearest first (for a
//!    partial quote, the speech verb whose clause contains it); the speaker is that verb's
//!    subject, resolved to the entity whose mention holds it; the addressee is the object of
//!    "tell"; "according to X" names X; a name after a dash that follows the quote
//!    (`"…" ― Maria Lopez`) is its speaker (`credit.rs`). A quote with no cue of its own continues the previous
//!    quote's speaker in its paragraph, or the previous paragraph's when it stands alone.
//!
//! 4. reported speech — the clausal complement of a speech or reporting verb outside quote
//!    marks ("Lavrov added that any meeting …"; "…, officials confirmed") is an indirect quote
//!    with the verb's subject as speaker.
//!    An attributed partial quote no report holds is reported with its clause (`around.rs`);
//!    a headline "Source: statement" is the source's report (`headline.rs`); a sentence
//!    attributed in the next one by a demonstrative ("This was stated by X") is X's report
//!    (`anaphoric.rs`), and so is one credited in passing ("…, as X noted.", `as_noted.rs`).
//! 5. learned cues — a word the cue model trained on PolNeAR accepts, which the rules above
//!    left alone, reports what its complements say ("criticized [the plan]"; `cue_model.rs`,
//!    `learned.rs`); a noun-phrase content is flagged `stance`.
//! 6. extent — a report after its cue starts and ends where a ranker trained on PolNeAR puts
//!    it (`extent.rs`).

mod anaphoric;
mod around;
mod as_noted;
mod credit;
mod cue_model;
mod extent;
mod headline;
mod learned;
mod pairing;
mod reported;
mod tail;

use std::ops::Range;

use dateline_core::{ByteSpan, Doc, EntityType, Quote, QuoteKind, TokenKind};

pub use cue_model::{cue_anchor, cue_candidates, CueModel, CUE_LABELS, CUE_MODEL_TYPE};
pub use extent::{
    extent_cases, EndCandidate, ExtentCase, ExtentModel, EXTENT_LABELS, EXTENT_MODEL_TYPE,
};
pub(crate) use pairing::pair_quotes;

/// Finds the quotations of `doc` and writes `annotations.quotes`. With a cue model, words it
/// learned as attribution cues add reports the speech-verb lexicon does not cover; with an
/// extent model, a report after its cue ends where the model ranks best (`extent.rs`).
pub fn extract(doc: &mut Doc, cue_model: Option<&CueModel>, extent_model: Option<&ExtentModel>) {
    let quotes = {
        let a = doc.annotations();
        let view = QuoteView::new(doc);
        let mut quotes: Vec<Quote> = Vec::new();
        // (paragraph, end, speaker entity, speaker words, anonymous) of the last attributed quote.
        type Previous = (usize, usize, Option<usize>, Option<ByteSpan>, bool);
        let mut previous: Option<Previous> = None;
        let all_quotes = pair_quotes(doc);
        let quoted_token = cue_model::quoted_tokens(&all_quotes, a.tokens.len());
        for quoted in all_quotes {
            let mut content = quoted.content.clone();
            if content.is_empty() {
                continue;
            }
            // A transcript's turn: `"SMITH: Let's start …` is Smith's, word for word.
            if let Some(label) = view.transcript_label(&content) {
                content.start = label.end + 1;
                let entity = view.person_named(&label);
                let speaker = Some(view.span(&label));
                quotes.push(Quote {
                    kind: QuoteKind::Direct,
                    content: view.span(&content),
                    speaker_entity: entity,
                    speaker,
                    cue: None,
                    addressee: None,
                    anonymous: false,
                    stance: false,
                    why: format!(
                        "a transcript's speaker label{}",
                        if entity.is_some() {
                            ", resolved to the person with that surname"
                        } else {
                            ""
                        }
                    ),
                });
                let paragraph = view.paragraph_of(content.start);
                previous = Some((paragraph, content.end, entity, speaker, false));
                continue;
            }
            let Some(kind) = view.kind(&content, &quoted.marks) else {
                continue;
            };
            let paragraph = view.paragraph_of(content.start);
            let attribution = view.attribute(&content, kind, &quoted_token, false);
            let quote = match attribution {
                Some(found) => Quote {
                    kind,
                    content: view.span(&content),
                    speaker_entity: found.entity,
                    speaker: found.speaker,
                    cue: found.cue,
                    addressee: found.addressee,
                    anonymous: found.anonymous,
                    stance: false,
                    why: found.why,
                },
                // Quoted words in the writer's sentence with no one saying them are scare
                // quotes ("so-called"), not speech.
                None if kind == QuoteKind::Partial => continue,
                None => {
                    // No cue of its own: the previous quote's speaker, in the same paragraph or
                    // the one before when this paragraph is only the quote; else an unresolved
                    // pronoun ("he said") is still the speaker's mention.
                    let alone = view.paragraph_is_quote(paragraph, &quoted.marks);
                    let inherited = previous
                        .filter(|&(p, _, _, _, _)| p == paragraph || (alone && p + 1 == paragraph));
                    let pronoun = inherited
                        .is_none()
                        .then(|| view.attribute(&content, kind, &quoted_token, true))
                        .flatten();
                    if let Some(found) = pronoun {
                        quotes.push(Quote {
                            kind,
                            content: view.span(&content),
                            speaker_entity: None,
                            speaker: found.speaker,
                            cue: found.cue,
                            addressee: found.addressee,
                            anonymous: false,
                            stance: false,
                            why: found.why,
                        });
                        continue;
                    }
                    Quote {
                        kind,
                        content: view.span(&content),
                        speaker_entity: inherited.and_then(|(_, _, e, _, _)| e),
                        speaker: inherited.and_then(|(_, _, _, s, _)| s),
                        cue: None,
                        addressee: None,
                        anonymous: inherited.is_some_and(|(_, _, _, _, a)| a),
                        stance: false,
                        why: if inherited.is_some() {
                            "continues the previous quote's speaker".into()
                        } else {
                            "no speaker found".into()
                        },
                    }
                }
            };
            if quote.speaker.is_some() {
                previous = Some((
                    paragraph,
                    content.end,
                    quote.speaker_entity,
                    quote.speaker,
                    quote.anonymous,
                ));
            }
            quotes.push(quote);
        }
        let _ = a;
        let cues: Vec<u32> = quotes
            .iter()
            .filter_map(|q| q.cue.map(|c| c.start))
            .collect();
        quotes.extend(view.reported_speech(&quoted_token, &cues));
        quotes.extend(view.anaphoric_reports(&quoted_token, &cues));
        // Every cue so far: a verb that already reports something is no "as X said".
        let taken: Vec<u32> = quotes
            .iter()
            .filter_map(|q| q.cue.map(|c| c.start))
            .collect();
        quotes.extend(view.as_noted_reports(&quoted_token, &taken));
        let around = view.reports_around_partials(&quotes, &quoted_token);
        quotes.extend(around);
        let headlines = view.headline_reports(&mut quotes, &quoted_token);
        quotes.extend(headlines);
        if let Some(model) = cue_model {
            let learned = view.learned_reports(model, &quoted_token, &quotes);
            quotes.extend(learned);
        }
        if let Some(model) = extent_model {
            extent::re_end(&view, model, &quoted_token, &mut quotes);
        }
        quotes.sort_by_key(|q| (q.content.start, q.content.end));
        // Two reports of one speaker that came to the same words by different rules (a clause
        // re-ended by the extent model, the clause around a partial quote) are one report.
        quotes.dedup_by(|later, earlier| {
            later.kind == QuoteKind::Indirect
                && earlier.kind == QuoteKind::Indirect
                && later.content == earlier.content
                && later.speaker == earlier.speaker
        });
        quotes
    };
    doc.annotations_mut().quotes = quotes;
}

/// A speaker found for a quote.
struct Attribution {
    entity: Option<usize>,
    speaker: Option<ByteSpan>,
    cue: Option<ByteSpan>,
    addressee: Option<ByteSpan>,
    anonymous: bool,
    why: String,
}

/// The layers attribution reads.
struct QuoteView<'d> {
    doc: &'d Doc,
    /// Entity index of the smallest mention holding each token.
    entity_of: Vec<Option<usize>>,
    /// That mention's span.
    mention_of: Vec<Option<ByteSpan>>,
    /// Dependents of each token.
    children: Vec<Vec<usize>>,
    /// The first and last token of each token's subtree, computed once: the extent ranker asks
    /// for them for every word of a report's sentence.
    subtrees: Vec<(usize, usize)>,
}

impl<'d> QuoteView<'d> {
    fn new(doc: &'d Doc) -> QuoteView<'d> {
        let a = doc.annotations();
        let n = a.tokens.len();
        let mut entity_of = vec![None; n];
        let mut mention_of: Vec<Option<ByteSpan>> = vec![None; n];
        for (e, entity) in a.entities.iter().enumerate() {
            for mention in &entity.mentions {
                // Tokens are sorted: the mention's first token by binary search, then a walk.
                let first = a
                    .tokens
                    .partition_point(|t| t.span.start < mention.span.start);
                for t in first..n {
                    if !mention.span.contains(a.tokens[t].span) {
                        break;
                    }
                    let smaller = mention_of[t].is_none_or(|m| mention.span.len() < m.len());
                    if smaller {
                        entity_of[t] = Some(e);
                        mention_of[t] = Some(mention.span);
                    }
                }
            }
        }
        let mut children = vec![Vec::new(); n];
        for (t, d) in a.dependencies.iter().enumerate() {
            if let Some(list) = d.head.and_then(|h| children.get_mut(h as usize)) {
                list.push(t);
            }
        }
        let subtrees = subtree_bounds(&children);
        QuoteView {
            doc,
            entity_of,
            mention_of,
            children,
            subtrees,
        }
    }

    fn span(&self, range: &Range<usize>) -> ByteSpan {
        let tokens = &self.doc.annotations().tokens;
        ByteSpan::new(
            tokens[range.start].span.start as usize,
            tokens[range.end - 1].span.end as usize,
        )
    }

    fn lemma(&self, i: usize) -> String {
        let a = self.doc.annotations();
        a.lemmas
            .get(i)
            .cloned()
            .unwrap_or_else(|| self.doc.slice(a.tokens[i].span).to_lowercase())
            .to_lowercase()
    }

    fn upos(&self, i: usize) -> &'static str {
        self.doc.annotations().pos.get(i).map_or("X", |p| p.upos)
    }

    fn relation(&self, i: usize) -> &'static str {
        self.doc
            .annotations()
            .dependencies
            .get(i)
            .map_or("dep", |d| d.relation)
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.doc
            .annotations()
            .dependencies
            .get(i)
            .and_then(|d| d.head)
            .map(|h| h as usize)
    }

    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.children.get(i).into_iter().flatten().copied()
    }

    fn sentence_range(&self, token: usize) -> Range<usize> {
        let sentences = &self.doc.annotations().sentences;
        let at = sentences.partition_point(|s| (s.tokens.end as usize) <= token);
        sentences
            .get(at)
            .filter(|s| (s.tokens.start as usize..s.tokens.end as usize).contains(&token))
            .map_or(token..token + 1, |s| {
                s.tokens.start as usize..s.tokens.end as usize
            })
    }

    fn paragraph_of(&self, token: usize) -> usize {
        let a = self.doc.annotations();
        let offset = a.tokens[token].span.start;
        a.paragraphs.partition_point(|p| p.end <= offset)
    }

    /// Whether a paragraph holds nothing but this quote (and its marks).
    fn paragraph_is_quote(&self, paragraph: usize, marks: &Range<usize>) -> bool {
        let a = self.doc.annotations();
        let Some(p) = a.paragraphs.get(paragraph) else {
            return false;
        };
        let first = a.tokens.partition_point(|t| t.span.start < p.start);
        let end = a.tokens.partition_point(|t| t.span.start < p.end);
        (first..end).all(|t| marks.contains(&t))
    }

    /// Direct, partial, or not speech at all.
    fn kind(&self, content: &Range<usize>, marks: &Range<usize>) -> Option<QuoteKind> {
        let a = self.doc.annotations();
        let words: Vec<usize> = content
            .clone()
            .filter(|&t| a.tokens[t].kind == TokenKind::Word)
            .collect();
        let has_verb = content
            .clone()
            .any(|t| matches!(self.upos(t), "VERB" | "AUX"));
        let sentence = self.sentence_range(content.start);
        let starts_sentence = content.start <= sentence.start + 1;
        let capitalized = words.iter().all(|&t| {
            let text = self.doc.slice(a.tokens[t].span);
            text.chars().next().is_some_and(char::is_uppercase)
                || matches!(text, "of" | "the" | "and" | "for" | "in" | "on")
        });
        // A title or a name in quote marks ("Coalition of the Willing").
        if !words.is_empty() && words.len() <= 6 && !has_verb && capitalized {
            let short_without_speech = words.len() <= 2 && !self.speech_verb_near(content);
            if words.len() > 2 || short_without_speech {
                return None;
            }
        }
        // Direct speech stands on its own: it opens its sentence or follows a colon. Quoted
        // words inside the writer's own sentence are partial.
        let after_colon = marks.start > 0
            && self
                .doc
                .slice(self.doc.annotations().tokens[marks.start - 1].span)
                == ":";
        if starts_sentence || after_colon {
            Some(QuoteKind::Direct)
        } else {
            Some(QuoteKind::Partial)
        }
    }

    fn speech_verb_near(&self, content: &Range<usize>) -> bool {
        let sentence = self.sentence_range(content.start);
        sentence
            .clone()
            .any(|t| !content.contains(&t) && self.is_speech_verb(t))
    }

    /// A day or other time word ("said Tuesday", "said last week"), which is never the speaker
    /// after a speech verb. Month names are left out: "May" is also a surname.
    fn is_time_word(&self, t: usize) -> bool {
        let a = self.doc.annotations();
        let word = self.doc.slice(a.tokens[t].span);
        crate::time_words::weekday(word).is_some()
            || crate::time_words::unit(word).is_some()
            || matches!(
                word.to_ascii_lowercase().as_str(),
                "today" | "yesterday" | "tonight"
            )
            || matches!(self.relation(t), "obl:tmod" | "nmod:tmod" | "obl:npmod")
    }

    /// Speech verbs and the verbs news uses to report statements ("announced that", "denied").
    fn is_reporting_verb(&self, t: usize) -> bool {
        matches!(self.upos(t), "VERB") && crate::speech::is_reporting_lemma(&self.lemma(t))
    }

    fn is_speech_verb(&self, t: usize) -> bool {
        matches!(self.upos(t), "VERB") && crate::speech::is_speech_lemma(&self.lemma(t))
    }

    /// The speaker of a quote from its own sentences.
    fn attribute(
        &self,
        content: &Range<usize>,
        kind: QuoteKind,
        quoted: &[bool],
        unresolved_pronouns: bool,
    ) -> Option<Attribution> {
        if kind == QuoteKind::Direct {
            if let Some(found) = self.dash_credit(content, unresolved_pronouns) {
                return Some(found);
            }
        }
        let first = self.sentence_range(content.start);
        let last = self.sentence_range(content.end - 1);
        let around = first.start..last.end;
        // "according to X"
        for t in around.clone().filter(|t| !content.contains(t)) {
            let text = self
                .doc
                .slice(self.doc.annotations().tokens[t].span)
                .to_lowercase();
            if text == "according" && t + 2 < around.end {
                // The phrase's noun, which "according" marks in the parse ("according to
                // [the] report"), else the word after "to".
                let source = self
                    .head(t)
                    .filter(|&h| h > t + 1 && h < around.end && !content.contains(&h))
                    .unwrap_or(t + 2);
                if let Some(found) =
                    self.speaker_at(source, Some(t..t + 2), "according to", unresolved_pronouns)
                {
                    return Some(found);
                }
            }
        }
        // Speech verbs outside every quote ("stated" inside another quote says nothing here).
        let mut verbs: Vec<usize> = around
            .clone()
            .filter(|&t| !quoted[t] && self.is_speech_verb(t))
            .collect();
        if kind == QuoteKind::Partial {
            // The sentence's own attribution first (", a spokesperson said."), then the speech
            // verb whose clause holds the quote, then the nearest.
            verbs.sort_by_key(|&v| {
                (
                    !self.ends_sentence(v),
                    self.head(v).is_some(),
                    !self.dominates(v, content.start),
                    distance(v, content),
                )
            });
        } else {
            verbs.sort_by_key(|&v| distance(v, content));
        }
        for verb in verbs {
            // "This was stated by the President": a passive's speaker is its agent.
            // A word of the quote the parser hung on the verb ("…a really careless remark,"
            // Hartley said: two subjects) is never its speaker; look past it.
            let agent = self
                .children(verb)
                .find(|&c| self.relation(c) == "obl:agent" && !quoted[c]);
            // Of two subjects ("A cashier who … is held accountable, Warren said"), the one
            // nearest the verb is the speaker; the other opens what was said.
            let subject = agent.or_else(|| {
                self.children(verb)
                    .filter(|&c| {
                        matches!(self.relation(c), "nsubj" | "nsubj:pass")
                            && !quoted[c]
                            && !self.is_time_word(c)
                    })
                    .min_by_key(|&c| c.abs_diff(verb))
            });
            // '"…," said the RMA Head': an inverted speaker the parser did not make the subject
            // (not "told her", whose object is the addressee, nor "said at an event").
            let subject = subject.or_else(|| {
                (verb >= content.end && self.lemma(verb) != "tell")
                    .then(|| {
                        self.children(verb).find(|&c| {
                            c > verb
                                && c <= verb + 4
                                && matches!(self.upos(c), "NOUN" | "PROPN")
                                && !self.children(c).any(|g| self.relation(g) == "case")
                                && !self.is_time_word(c)
                        })
                    })
                    .flatten()
            });
            // Without a subject: "a U.S. defense official told AFP" parsed as a clause on the
            // noun (acl) gives the noun; else the nearest entity before the verb in its sentence.
            let subject = subject.or_else(|| {
                (self.relation(verb) == "acl")
                    .then(|| self.head(verb))
                    .flatten()
            });
            // "She insisted … and said …": a conjoined verb shares its head's subject.
            let subject = subject.or_else(|| {
                let head = (self.relation(verb) == "conj")
                    .then(|| self.head(verb))
                    .flatten()?;
                self.children(head)
                    .find(|&c| matches!(self.relation(c), "nsubj" | "nsubj:pass"))
            });
            // Else the first person (or unnamed source) of the sentence before the verb: "Trump,
            // long a critic of …, said".
            let subject = subject.or_else(|| {
                let kind_of = |t: usize| {
                    self.entity_of[t]
                        .and_then(|e| self.doc.annotations().entities.get(e))
                        .map(|e| e.entity_type)
                };
                (around.start..verb).find(|&t| {
                    !quoted[t] && matches!(kind_of(t), Some(EntityType::Person | EntityType::Anon))
                })
            });
            let Some(subject) = subject.filter(|s| !quoted[*s]) else {
                continue;
            };
            if let Some(mut found) = self.speaker_at(
                subject,
                Some(verb..verb + 1),
                "subject of the speech verb",
                unresolved_pronouns,
            ) {
                if self.lemma(verb) == "tell" {
                    found.addressee = self.objects_of(verb, |c| !content.contains(&c));
                }
                return Some(found);
            }
        }
        None
    }

    /// The first and last token of `t`'s subtree.
    fn subtree(&self, t: usize) -> Range<usize> {
        self.subtrees
            .get(t)
            .map_or(t..t + 1, |&(lo, hi)| lo..hi + 1)
    }

    /// The speaker whose mention holds token `t`. A pronoun with nothing to resolve to ("it
    /// said") is no speaker unless `unresolved_pronouns`, the last resort.
    fn speaker_at(
        &self,
        t: usize,
        cue: Option<Range<usize>>,
        how: &str,
        unresolved_pronouns: bool,
    ) -> Option<Attribution> {
        let a = self.doc.annotations();
        let pronoun = self.upos(t) == "PRON";
        let entity = self.entity_of.get(t).copied().flatten();
        if entity.is_none() && pronoun && !unresolved_pronouns {
            return None;
        }
        // "This" stands for what was said, never for who said it ("This was stated by X,
        // answering questions …"); "that" may be a relative pronoun for a speaker ("a letter
        // that says …").
        if entity.is_none()
            && self
                .doc
                .slice(a.tokens[t].span)
                .eq_ignore_ascii_case("this")
        {
            return None;
        }
        let anonymous = entity
            .and_then(|e| a.entities.get(e))
            .is_some_and(|e| e.entity_type == EntityType::Anon);
        Some(Attribution {
            entity,
            speaker: Some(self.mention_or_token(t)),
            cue: cue.map(|c| self.span(&c)),
            addressee: None,
            anonymous,
            why: format!(
                "{how}{}",
                if entity.is_some() {
                    ", resolved to an entity"
                } else if pronoun {
                    ", a pronoun not resolved to anyone"
                } else {
                    ""
                }
            ),
        })
    }

    /// Whom `verb` addresses among its objects that `keep` admits: its indirect objects, else
    /// its direct ones, side by side as one span ("told [her staff]", also when the parse splits
    /// the phrase into two objects; "told [him] the story").
    fn objects_of(&self, verb: usize, keep: impl Fn(usize) -> bool) -> Option<ByteSpan> {
        let of = |relation: &str| -> Vec<usize> {
            self.children(verb)
                .filter(|&c| self.relation(c) == relation && keep(c))
                .collect()
        };
        let iobj = of("iobj");
        let objects = if iobj.is_empty() { of("obj") } else { iobj };
        let mut spans = objects
            .into_iter()
            .map(|c| (self.subtree(c), self.mention_or_token(c)));
        let (mut tokens, mut span) = spans.next()?;
        for (next_tokens, next_span) in spans {
            if next_tokens.start != tokens.end {
                break;
            }
            tokens.end = next_tokens.end;
            span = ByteSpan::new(span.start as usize, next_span.end.max(span.end) as usize);
        }
        Some(span)
    }

    /// The entity mention holding `t`, else `t` with its determiner, modifiers and name parts
    /// ("the regional governor").
    fn mention_or_token(&self, t: usize) -> ByteSpan {
        if let Some(mention) = self.mention_of.get(t).copied().flatten() {
            return mention;
        }
        let phrase: Vec<usize> = self
            .children(t)
            .filter(|&c| {
                matches!(
                    self.relation(c),
                    "det" | "amod" | "compound" | "flat" | "nmod:poss"
                ) && c.abs_diff(t) <= 4
            })
            .chain([t])
            .collect();
        let first = phrase.iter().copied().min().unwrap_or(t);
        let last = phrase.iter().copied().max().unwrap_or(t);
        self.span(&(first..last + 1))
    }

    /// The speaker label that opens a transcript's turn: one to three words with no lowercase
    /// letter ("SMITH", "SEN. JONES"), then a colon, then at least two words. Returns the
    /// label's tokens.
    fn transcript_label(&self, content: &Range<usize>) -> Option<Range<usize>> {
        let a = self.doc.annotations();
        let text = |t: usize| self.doc.slice(a.tokens[t].span);
        let colon =
            (content.start..(content.start + 4).min(content.end)).find(|&t| text(t) == ":")?;
        let label = content.start..colon;
        let shouted = |t: usize| {
            text(t).chars().any(char::is_alphabetic) && !text(t).chars().any(char::is_lowercase)
        };
        let letters: usize = label
            .clone()
            .map(|t| text(t).chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        let words_after = content.end.saturating_sub(colon + 1);
        (!label.is_empty() && label.clone().all(shouted) && letters >= 2 && words_after >= 2)
            .then_some(label)
    }

    /// The one person whose name ends with the label's last word ("PENCE" → Mike Pence).
    fn person_named(&self, label: &Range<usize>) -> Option<usize> {
        let a = self.doc.annotations();
        let last = self.doc.slice(a.tokens[label.end - 1].span).to_lowercase();
        let mut found = a.entities.iter().enumerate().filter(|(_, e)| {
            e.entity_type == EntityType::Person
                && e.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| w.to_lowercase() == last)
        });
        let first = found.next().map(|(i, _)| i);
        if found.next().is_some() {
            return None;
        }
        first
    }

    /// Whether a speech verb closes its sentence ("…," a spokesperson said. / … told AFP.): the
    /// wire-style attribution of the whole sentence, whatever the parser made its head.
    fn ends_sentence(&self, verb: usize) -> bool {
        let sentence = self.sentence_range(verb);
        let tail = verb + 1..sentence.end;
        tail.len() <= 4 && !tail.clone().any(|t| matches!(self.upos(t), "VERB" | "AUX"))
    }

    /// Whether `verb`'s subtree holds token `t`.
    fn dominates(&self, verb: usize, t: usize) -> bool {
        let mut at = Some(t);
        let mut steps = 0;
        while let Some(node) = at {
            if node == verb {
                return true;
            }
            steps += 1;
            if steps > 200 {
                return false;
            }
            at = self.head(node);
        }
        false
    }
}

/// The first and last token under each token, from the dependents of each: one post-order walk
/// from every token no one governs, then from any token a cycle (which no parse of ours makes)
/// kept out of reach; each token is visited once.
fn subtree_bounds(children: &[Vec<usize>]) -> Vec<(usize, usize)> {
    let n = children.len();
    let mut bounds: Vec<(usize, usize)> = (0..n).map(|t| (t, t)).collect();
    let mut governed = vec![false; n];
    for list in children {
        for &c in list {
            governed[c] = true;
        }
    }
    let mut visited = vec![false; n];
    // (token, whether its dependents are done)
    let mut stack: Vec<(usize, bool)> = Vec::new();
    // Roots first, then whatever a cycle kept from them.
    let roots: Vec<usize> = (0..n).filter(|&t| !governed[t]).collect();
    for root in roots.into_iter().chain(0..n) {
        stack.push((root, false));
        while let Some((t, done)) = stack.pop() {
            if done {
                for &c in &children[t] {
                    bounds[t].0 = bounds[t].0.min(bounds[c].0);
                    bounds[t].1 = bounds[t].1.max(bounds[c].1);
                }
                continue;
            }
            if visited[t] {
                continue;
            }
            visited[t] = true;
            stack.push((t, true));
            stack.extend(
                children[t]
                    .iter()
                    .filter(|&&c| !visited[c])
                    .map(|&c| (c, false)),
            );
        }
    }
    bounds
}

/// Tokens between a verb and a quote.
fn distance(verb: usize, content: &Range<usize>) -> usize {
    if verb < content.start {
        content.start - verb
    } else {
        verb.saturating_sub(content.end)
    }
}

/// `text` through the bundled pipeline, then its parse replaced by `heads` (head index and
/// relation per token; `None` for the root): the misparse a rule must survive, for tests.
#[cfg(test)]
fn misparsed(text: &str, heads: &[(Option<u32>, &'static str)]) -> Doc {
    let mut doc = Doc::new(text.to_string(), dateline_core::DocMeta::default());
    crate::pipeline::Pipeline::new().run(&mut doc);
    assert_eq!(
        doc.annotations().tokens.len(),
        heads.len(),
        "one head per token"
    );
    doc.annotations_mut().dependencies = heads
        .iter()
        .map(|&(head, relation)| dateline_core::tagset::Dependency { head, relation })
        .collect();
    doc
}
