//! The events stage: triggers from the event lexicon ([`lexicon`]), arguments from the parse
//! ([`arguments`]), then polarity, modality, attribution, date and place.
//!
//! 1. A verb is a trigger when its lemma (with its particle: "rule out") is in the lexicon; a
//!    noun is one when it is ("talks", "summit", "invasion"). A verb whose open complement is a
//!    trigger it governs ("agreed to meet", "refused to withdraw") makes one event, coded by the
//!    outer verb, with the inner one's target.
//! 2. Source = subject (through passives, control and coordination); target = the frame's object
//!    or oblique ("met with X", "sanctions against X"), each resolved to the entity whose mention
//!    holds it.
//! 3. Polarity from negation; modality from auxiliaries, conditionals, proposals and quotes;
//!    the date from the time stage ([`crate::time::date_of_token`]); the place from the places
//!    attached to the trigger by "in/at" (location, or venue when proposed) or "to"
//!    (destination).
//! 4. The same event told twice in a document (same type, actors and date) is kept once.
//!
//! Reads tokens, tags, lemmas, dependencies, entities, quotes, times and places; writes
//! `events`.

mod arguments;
pub mod lexicon;

use dateline_core::{ByteSpan, Doc, Event, Modality, PlaceRole, Polarity};

use crate::syntax::Syntax;
use arguments::{actor_of, modality_of, negated, source_of, target_of};
use lexicon::{Lexicon, Trigger};

/// Light verbs whose object is the event ("held talks", "imposed sanctions").
const LIGHT_VERBS: &[&str] = &[
    "hold", "have", "conduct", "launch", "carry", "stage", "impose", "make", "take", "begin",
    "start", "continue", "announce", "resume",
];

/// Finds and codes the events of `doc`.
pub fn extract(doc: &mut Doc, lexicon: &Lexicon) {
    let events = find(doc, lexicon);
    doc.annotations_mut().events = events;
}

fn find(doc: &Doc, lexicon: &Lexicon) -> Vec<Event> {
    let annotations = doc.annotations();
    let syntax = Syntax::new(doc);
    if !syntax.parsed() {
        return Vec::new();
    }
    let mut events: Vec<Event> = Vec::new();
    for (s, sentence) in annotations.sentences.iter().enumerate() {
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        for token in range.clone() {
            let Some((trigger, trigger_span)) = trigger_at(&syntax, lexicon, token, &range) else {
                continue;
            };
            // "agreed to meet": the outer verb codes the event.
            if governed_by_trigger(&syntax, lexicon, token, &range) {
                continue;
            }
            let event = code(
                doc,
                &syntax,
                lexicon,
                token,
                trigger,
                trigger_span,
                s,
                &range,
            );
            // A bare noun with no actor ("the mechanics of a possible peace deal") is a mention
            // of an event, not a report of one, unless the main clause is about it ("Protests
            // erupted", "The talks precede a meeting").
            let central = matches!(syntax.relation(token), "nsubj" | "nsubj:pass" | "obj")
                && syntax
                    .head(token)
                    .is_some_and(|h| syntax.relation(h) == "root");
            if trigger.noun && event.source.is_none() && event.target.is_none() && !central {
                continue;
            }
            if let Some(earlier) = events.iter_mut().find(|e| same_event(e, &event)) {
                earlier
                    .why
                    .push_str(&format!("; told again in sentence {}", s + 1));
                continue;
            }
            events.push(event);
        }
    }
    events
}

/// The trigger at `token`, if any, and the words it spans ("ruled out" with its particle).
fn trigger_at<'l>(
    syntax: &Syntax,
    lexicon: &'l Lexicon,
    token: usize,
    sentence: &std::ops::Range<usize>,
) -> Option<(&'l Trigger, (usize, usize))> {
    let lemma = syntax.lemma(token);
    match syntax.upos(token) {
        "VERB" => {
            for child in syntax.children(token, sentence) {
                if syntax.relation(child) == "compound:prt" {
                    let phrase = format!("{lemma} {}", syntax.lower(child));
                    if let Some(t) = lexicon.get(&phrase, false) {
                        return Some((t, (token.min(child), token.max(child))));
                    }
                }
            }
            let next = token + 1;
            if sentence.contains(&next) && syntax.upos(next) == "ADP" {
                let phrase = format!("{lemma} {}", syntax.lower(next));
                if let Some(t) = lexicon.get(&phrase, false) {
                    return Some((t, (token, next)));
                }
            }
            lexicon.get(&lemma, false).map(|t| (t, (token, token)))
        }
        "NOUN" => {
            let t = lexicon
                .get(&syntax.lower(token), true)
                .or_else(|| lexicon.get(&lemma, true))?;
            Some((t, (token, token)))
        }
        _ => None,
    }
}

/// Whether `token` is the complement of a verb that is itself a trigger ("agreed to meet"), or
/// a noun object of a verb trigger ("demanded a ceasefire").
fn governed_by_trigger(
    syntax: &Syntax,
    lexicon: &Lexicon,
    token: usize,
    sentence: &std::ops::Range<usize>,
) -> bool {
    let relation = syntax.relation(token);
    if !matches!(relation, "xcomp" | "obj") {
        return false;
    }
    syntax
        .head(token)
        .is_some_and(|head| trigger_at(syntax, lexicon, head, sentence).is_some())
}

#[allow(clippy::too_many_arguments)]
fn code(
    doc: &Doc,
    syntax: &Syntax,
    lexicon: &Lexicon,
    token: usize,
    trigger: &Trigger,
    (first, last): (usize, usize),
    sentence: usize,
    range: &std::ops::Range<usize>,
) -> Event {
    let annotations = doc.annotations();
    let span_of = |a: usize, b: usize| ByteSpan {
        start: annotations.tokens[a].span.start,
        end: annotations.tokens[b].span.end,
    };
    let noun = trigger.noun;
    // A noun trigger's actors hang off its light verb ("Russia launched an invasion").
    let predicate = if noun {
        syntax
            .head(token)
            .filter(|&h| {
                syntax.relation(token) == "obj" && LIGHT_VERBS.contains(&syntax.lemma(h).as_str())
            })
            .unwrap_or(token)
    } else {
        token
    };
    let source =
        source_of(syntax, predicate, token, range).map(|t| actor_of(doc, syntax, t, range));
    let mut target =
        target_of(syntax, trigger, token, range).map(|t| actor_of(doc, syntax, t, range));
    // "agreed to meet Zelenskyy": the complement's target is the event's.
    if target.is_none() {
        for child in syntax.children(token, range) {
            if syntax.relation(child) == "xcomp" {
                let inner = trigger_at(syntax, lexicon, child, range).map(|(t, _)| t);
                let frame = inner.unwrap_or(trigger);
                target =
                    target_of(syntax, frame, child, range).map(|t| actor_of(doc, syntax, t, range));
            }
        }
    }
    let trigger_span = span_of(first, last);
    let quote = annotations
        .quotes
        .iter()
        .position(|q| q.content.start <= trigger_span.start && trigger_span.end <= q.content.end);
    let modality = modality_of(syntax, predicate, token, range, quote.is_some());
    let polarity = if negated(syntax, predicate, range) || negated(syntax, token, range) {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    let date = crate::time::date_of_token(doc, token);
    let attached = place_of(doc, syntax, predicate, token, modality, range);
    let nearest = || nearest_place(doc, syntax, token, range).map(|p| (p, location_role(modality)));
    let place_rule = if attached.is_some() {
        "; place attached to the trigger"
    } else {
        "; place: the nearest in/at place of the sentence"
    };
    let place = attached.or_else(nearest);
    let clause = arguments::subtree_span(doc, syntax, predicate, range);
    let mut confidence = 50u8;
    if source.as_ref().is_some_and(|a| a.entity.is_some()) {
        confidence += 20;
    }
    if target.as_ref().is_some_and(|a| a.entity.is_some()) {
        confidence += 15;
    }
    if modality == Modality::Asserted {
        confidence += 5;
    }
    let why = format!(
        "lexicon: {} {} → {}{}; source {}; target {}",
        if noun { "noun" } else { "verb" },
        trigger.phrase,
        trigger.event_type,
        trigger
            .cameo
            .as_deref()
            .map_or(String::new(), |c| format!(" (CAMEO {c})")),
        source.as_ref().map_or("none", |_| "subject"),
        target
            .as_ref()
            .map_or("none".to_string(), |_| trigger.targets.join("|")),
    ) + if place.is_some() { place_rule } else { "" };
    Event {
        sentence: sentence as u32,
        clause,
        trigger: trigger_span,
        event_type: trigger.event_type,
        mode: trigger.mode.clone(),
        cameo: trigger.cameo.clone(),
        goldstein_tenths: trigger.goldstein_tenths,
        source,
        target,
        date,
        place,
        polarity,
        modality,
        quote,
        confidence_percent: confidence.min(95),
        why,
    }
}

/// The place attached to the trigger (or its light verb) by a preposition: "in"/"at" → where it
/// happened (or is proposed to), "to" → where someone goes.
fn place_of(
    doc: &Doc,
    syntax: &Syntax,
    predicate: usize,
    token: usize,
    modality: Modality,
    range: &std::ops::Range<usize>,
) -> Option<(usize, PlaceRole)> {
    for (index, place_head) in place_heads(doc, syntax, range) {
        let attached = syntax.head(place_head);
        // On the trigger or its light verb, or on the verb's object ("held talks in Geneva").
        let on_object = attached
            .is_some_and(|a| syntax.relation(a) == "obj" && syntax.head(a) == Some(predicate));
        let reaches = attached == Some(predicate) || attached == Some(token) || on_object;
        if !reaches {
            continue;
        }
        let role = match preposition(syntax, place_head, range).as_deref() {
            Some("to" | "into") => PlaceRole::Destination,
            Some(word) if LOCATIVES.contains(&word) => location_role(modality),
            _ => continue,
        };
        return Some((index, role));
    }
    None
}

/// Where the sentence says something happened when the trigger has no place of its own: the
/// place nearest the trigger that is introduced by a locative preposition ("Talks went on
/// for hours in Geneva", "…, officials said in Kyiv"), as GDELT's ActionGeo takes the place
/// closest to the action. Places that modify a noun or name an actor ("Ukraine's president",
/// "Russia attacked") are not locations.
fn nearest_place(
    doc: &Doc,
    syntax: &Syntax,
    token: usize,
    range: &std::ops::Range<usize>,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (index, place_head) in place_heads(doc, syntax, range) {
        let relation = syntax.relation(place_head);
        if !(relation.starts_with("obl") || relation == "nmod") {
            continue;
        }
        let locative = preposition(syntax, place_head, range)
            .is_some_and(|word| LOCATIVES.contains(&word.as_str()));
        if !locative {
            continue;
        }
        let distance = place_head.abs_diff(token);
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((index, distance));
        }
    }
    best.map(|(index, _)| index)
}

/// Prepositions that say where something happens ("in Geneva", "across Ukraine").
const LOCATIVES: [&str; 7] = [
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
];

/// Where an event happens, or where it is proposed to happen when it has not yet.
fn location_role(modality: Modality) -> PlaceRole {
    match modality {
        Modality::Proposed | Modality::Hypothetical | Modality::Conditional => PlaceRole::Venue,
        _ => PlaceRole::Location,
    }
}

/// The places of the clause `range` with the token that heads each.
fn place_heads<'a>(
    doc: &'a Doc,
    syntax: &'a Syntax,
    range: &'a std::ops::Range<usize>,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    doc.annotations()
        .places
        .iter()
        .enumerate()
        .filter_map(move |(index, place)| {
            let head = place.tokens.start as usize..place.tokens.end as usize;
            if !range.contains(&head.start) {
                return None;
            }
            syntax
                .span_head(&head)
                .map(|place_head| (index, place_head))
        })
}

/// The preposition that introduces the phrase headed by `head` ("in" of "in Geneva").
fn preposition(syntax: &Syntax, head: usize, range: &std::ops::Range<usize>) -> Option<String> {
    syntax
        .children(head, range)
        .into_iter()
        .find(|&c| syntax.relation(c) == "case")
        .map(|c| syntax.lower(c))
}

/// The same happening told again: type, actors' entities and date all equal.
fn same_event(a: &Event, b: &Event) -> bool {
    let entity = |x: &Option<dateline_core::EventActor>| x.as_ref().and_then(|a| a.entity);
    a.event_type == b.event_type
        && entity(&a.source).is_some()
        && entity(&a.source) == entity(&b.source)
        && entity(&a.target) == entity(&b.target)
        && a.date.value == b.date.value
        && a.polarity == b.polarity
}
