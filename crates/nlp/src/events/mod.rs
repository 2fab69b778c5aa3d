//! The events stage: triggers from the event lexicon ([`lexicon`]), arguments from the parse
//! ([`arguments`]), then polarity, modality, attribution, date and place.
//!
//! 1. A verb is a trigger when its lemma (with its particle or object: "rule out", "lift
//!    ban") is in the lexicon; a noun is one when it is ("talks", "air strike"); see
//!    [`triggers`]. A verb whose open complement is a trigger it governs ("agreed to meet",
//!    "refused to withdraw") makes one event, coded by the outer verb and the inner act, with
//!    the inner one's target.
//! 2. Source = subject (through passives, control and coordination); target = the frame's object
//!    or oblique ("met with X", "sanctions against X"), each resolved to the entity whose mention
//!    holds it.
//! 3. PLOVER's conventions recode by presentation ([`plover`]): future or promised cooperation
//!    or retreat is AGREE (03x), a hostile act its actor announces THREATEN, a negated promise
//!    REJECT, what a speaker says another must do REQUEST. Contexts come from the CAMEO code,
//!    the actors and cue words of the clause ([`contexts`]).
//! 4. Polarity from negation; modality from auxiliaries, conditionals, proposals and quotes;
//!    the date from the time stage ([`crate::time::date_of_token`]); the place from the places
//!    attached to the trigger by "in/at" (location, or venue when proposed) or "to"
//!    (destination).
//! 5. The same event told twice in a document (same type, actors, date and speaker) is kept
//!    once, with the place of either mention.
//!
//! Reads tokens, tags, lemmas, dependencies, entities, quotes, times and places; writes
//! `events`.

mod arguments;
pub mod contexts;
pub mod lexicon;
mod plover;
mod triggers;

use dateline_core::{ByteSpan, Doc, Event, Modality, PlaceRole, Polarity};

use crate::syntax::Syntax;
use arguments::{actor_of, condition_of, modality_of, negated, obliged, source_of, target_of};
use lexicon::{Lexicon, Trigger};
use plover::{Presentation, Recoding};
use triggers::{case_of, governed_by_trigger, trigger_at, EVENT_KINDS};

/// Light verbs whose object is the event ("held talks", "imposed sanctions").
const LIGHT_VERBS: &[&str] = &[
    "hold", "have", "conduct", "launch", "carry", "stage", "impose", "make", "take", "begin",
    "start", "continue", "announce", "resume",
];

/// The type of an act no lexicon line names; never an event's own type (see [`unnamed_act`]).
const UNNAMED_ACT: &str = "UNNAMED";

/// A verb outside the lexicon under "must" or "should" inside someone's reported speech: what
/// the speaker demands ("China must drop barriers"), whatever the act.
fn demanded_act(
    doc: &Doc,
    syntax: &Syntax,
    token: usize,
    sentence: &std::ops::Range<usize>,
) -> bool {
    if syntax.upos(token) != "VERB" || !obliged(syntax, token, token, sentence) {
        return false;
    }
    let span = doc.annotations().tokens[token].span;
    doc.annotations()
        .quotes
        .iter()
        .any(|q| !q.stance && q.content.start <= span.start && span.end <= q.content.end)
}

/// A stand-in trigger for such a verb: the demand recoding gives it REQUEST (CAMEO 100); it is
/// dropped if anything else comes of it.
fn unnamed_act(syntax: &Syntax, token: usize) -> Trigger {
    Trigger {
        phrase: syntax.lemma(token),
        noun: false,
        event_type: UNNAMED_ACT,
        mode: None,
        cameo: None,
        goldstein_tenths: None,
        targets: vec!["obj".to_string()],
    }
}

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
            let unnamed;
            let (trigger, trigger_span) = match trigger_at(&syntax, lexicon, token, &range) {
                Some(found) => found,
                None if demanded_act(doc, &syntax, token, &range) => {
                    unnamed = unnamed_act(&syntax, token);
                    (&unnamed, (token, token))
                }
                None => continue,
            };
            if trigger.event_type == lexicon::NOT_AN_EVENT {
                continue;
            }
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
            // An act the lexicon does not know is an event only as someone's demand of an
            // actor: "the ministry said that the rebels must hand over their weapons".
            let unnamed_demand = trigger.event_type == UNNAMED_ACT;
            let demand_of_actor = event.event_type == "REQUEST"
                && event.target.as_ref().is_some_and(|t| t.entity.is_some());
            if unnamed_demand && !demand_of_actor {
                continue;
            }
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
            if let Some(earlier) = events.iter_mut().find(|e| same_event(doc, e, &event)) {
                // One event with what either mention says.
                if earlier.place.is_none() && event.place.is_some() {
                    earlier.place = event.place;
                    earlier.why.push_str("; place from its second mention");
                }
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
        noun_predicate(syntax, token).unwrap_or(token)
    } else {
        token
    };
    let source_token = source_of(
        syntax,
        predicate,
        token,
        range,
        trigger.targets.iter().any(|t| t == "poss"),
    );
    let source = source_token.map(|t| actor_of(doc, syntax, t, range));
    let mut target =
        target_of(syntax, trigger, token, range).map(|t| actor_of(doc, syntax, t, range));
    // "Scholz and Macron discussed …": a meeting of two named sides with no other partner has
    // the second for target (not when a "with" later in the sentence names a partner the parse
    // lost: "Scholz and Macron held consultations with 20 European leaders").
    let partner_named = (token + 1..range.end).any(|t| syntax.lower(t) == "with");
    if target.is_none() && trigger.event_type == "CONSULT" && !partner_named {
        target = source_token
            .and_then(|s| {
                syntax
                    .children(s, range)
                    .into_iter()
                    .find(|&c| syntax.relation(c) == "conj" && syntax.upos(c) == "PROPN")
            })
            .map(|t| actor_of(doc, syntax, t, range))
            .filter(|t| t.entity.is_some());
    }
    // "agreed to meet Zelenskyy": the complement's trigger shapes the coding and its target
    // is the event's.
    let complement = syntax
        .children(token, range)
        .into_iter()
        .find(|&c| syntax.relation(c) == "xcomp");
    // The complement's act: its own trigger, or its light verb's object ("proposed holding
    // the summit").
    let inner_act = complement.and_then(|verb| {
        let act = match trigger_at(syntax, lexicon, verb, range) {
            Some((t, _)) => Some((t, verb)),
            None => light_verb_object(syntax, verb, range)
                .and_then(|o| trigger_at(syntax, lexicon, o, range).map(|(t, _)| (t, o))),
        };
        act.map(|(t, act)| (t, verb, act))
    });
    let inner = inner_act.map(|(t, _, _)| t);
    if target.is_none() {
        if let Some(child) = complement {
            let frame = inner.unwrap_or(trigger);
            target =
                target_of(syntax, frame, child, range).map(|t| actor_of(doc, syntax, t, range));
        }
    }
    let trigger_span = span_of(first, last);
    let quote = annotations.quotes.iter().position(|q| {
        !q.stance && q.content.start <= trigger_span.start && trigger_span.end <= q.content.end
    });
    let modality = modality_of(syntax, predicate, token, range, quote.is_some());
    let announced_by_actor = quote.is_some_and(|q| said_by_actor(doc, q, source.as_ref()));
    let is_negated = negated(syntax, predicate, range) || negated(syntax, token, range);
    let presentation = Presentation {
        modality,
        condition: condition_of(syntax, predicate, range),
        reported: quote.is_some(),
        announced_by_actor,
        negated: is_negated,
        demanded: quote.is_some()
            && !announced_by_actor
            && obliged(syntax, predicate, token, range),
    };
    let coding = plover::code(lexicon, trigger, inner, presentation);
    let polarity = if is_negated && coding.recoding != Recoding::Refusal {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    // A demand's source is who demands it; whoever must act is its target.
    let (source, target) = match (coding.recoding, quote) {
        (Recoding::Demand, Some(q)) => (speaker_actor(doc, q), source),
        _ => (source, target),
    };
    // "We will help", says the minister: a pronoun that stands for the speaker is the speaker.
    let source = match (source, quote) {
        (Some(actor), Some(q)) if actor.entity.is_none() && pronoun_is_speaker(doc, q, &actor) => {
            speaker_actor(doc, q)
                .filter(|speaker| speaker.entity.is_some())
                .or(Some(actor))
        }
        (source, _) => source,
    };
    let date = crate::time::date_of_token(doc, token);
    // A promised or proposed act happens, if at all, where its complement says: a venue.
    let attached = place_of(doc, syntax, predicate, token, modality, range).or_else(|| {
        let (_, verb, act) = inner_act?;
        place_of(doc, syntax, verb, act, Modality::Proposed, range)
    });
    let nearest_role = if inner.is_some() {
        location_role(Modality::Proposed)
    } else {
        location_role(modality)
    };
    let nearest = || nearest_place(doc, syntax, token, range).map(|p| (p, nearest_role));
    let place_rule = if attached.is_some() {
        "; place attached to the trigger"
    } else {
        "; place: the nearest in/at place of the sentence"
    };
    let place = attached.or_else(nearest);
    let clause = arguments::subtree_span(doc, syntax, predicate, range);
    let clause_tokens: Vec<usize> = range
        .clone()
        .filter(|&t| {
            let span = annotations.tokens[t].span;
            clause.start <= span.start && span.end <= clause.end
        })
        .collect();
    let context = lexicon.contexts.of(
        coding.cameo.as_deref(),
        &clause_tokens
            .iter()
            .map(|&t| syntax.lemma(t))
            .collect::<Vec<_>>(),
        &clause_tokens
            .iter()
            .map(|&t| syntax.lower(t))
            .collect::<Vec<_>>(),
        &actor_contexts(doc, coding.event_type, source.as_ref(), target.as_ref()),
    );
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
    let recoded = coding.rule.map_or(String::new(), |rule| {
        format!(
            "; {rule}: {}{}",
            coding.event_type,
            coding
                .cameo
                .as_deref()
                .map_or(String::new(), |c| format!(" (CAMEO {c})"))
        )
    });
    let why = format!(
        "lexicon: {} {} → {}{}{}; source {}; target {}",
        if noun { "noun" } else { "verb" },
        trigger.phrase,
        trigger.event_type,
        trigger
            .cameo
            .as_deref()
            .map_or(String::new(), |c| format!(" (CAMEO {c})")),
        recoded,
        source.as_ref().map_or("none", |_| "subject"),
        target
            .as_ref()
            .map_or("none".to_string(), |_| trigger.targets.join("|")),
    ) + if place.is_some() { place_rule } else { "" }
        + &if context.is_empty() {
            String::new()
        } else {
            format!(
                "; context {} (CAMEO code and clause words)",
                context.join(", ")
            )
        };
    Event {
        sentence: sentence as u32,
        clause,
        trigger: trigger_span,
        event_type: coding.event_type,
        mode: coding.mode,
        context,
        cameo: coding.cameo,
        goldstein_tenths: coding.goldstein_tenths,
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

/// The speaker of quote `quote` as an event actor.
fn speaker_actor(doc: &Doc, quote: usize) -> Option<dateline_core::EventActor> {
    let quote = doc.annotations().quotes.get(quote)?;
    Some(dateline_core::EventActor {
        entity: quote.speaker_entity,
        span: quote.speaker?,
    })
}

/// Whether the speaker of quote `at` is the event's own source: the same entity or the same
/// country's actor ("Moscow will …, the Kremlin said"), a first-person subject of a quotation
/// ("we will"), or an unresolved pronoun subject of reported speech ("North Korea said it
/// would …").
fn said_by_actor(doc: &Doc, at: usize, source: Option<&dateline_core::EventActor>) -> bool {
    let annotations = doc.annotations();
    let (Some(quote), Some(source)) = (annotations.quotes.get(at), source) else {
        return false;
    };
    match (source.entity, quote.speaker_entity) {
        (Some(actor), Some(speaker)) => {
            let country = |e: usize| annotations.entities.get(e).and_then(|e| e.country.clone());
            actor == speaker || country(actor).is_some_and(|c| Some(c) == country(speaker))
        }
        (None, _) => pronoun_is_speaker(doc, at, source),
        (Some(_), None) => false,
    }
}

/// Whether an unresolved pronoun actor stands for the speaker of quote `quote`: "I"/"we" in a
/// quotation; in reported speech ("said it would") a third-person pronoun too, which in a
/// quotation is someone else ("if they met").
fn pronoun_is_speaker(doc: &Doc, quote: usize, actor: &dateline_core::EventActor) -> bool {
    let Some(quote) = doc.annotations().quotes.get(quote) else {
        return false;
    };
    let words = doc.slice(actor.span).to_lowercase();
    match quote.kind {
        dateline_core::QuoteKind::Indirect => {
            matches!(words.as_str(), "he" | "she" | "it" | "they" | "we")
        }
        _ => matches!(words.as_str(), "i" | "we"),
    }
}

/// The verb whose subject acts in a noun trigger: its light verb ("Russia launched an
/// invasion"), or any verb whose object the trigger names the kind of ("undertook a mediation
/// mission", "launched a peace effort").
fn noun_predicate(syntax: &Syntax, token: usize) -> Option<usize> {
    let head = syntax.head(token)?;
    match syntax.relation(token) {
        "obj" if LIGHT_VERBS.contains(&syntax.lemma(head).as_str()) => Some(head),
        "compound"
            if syntax.relation(head) == "obj"
                && EVENT_KINDS.contains(&syntax.lemma(head).as_str()) =>
        {
            let verb = syntax.head(head)?;
            (syntax.upos(verb) == "VERB").then_some(verb)
        }
        _ => None,
    }
}

/// Contexts an event's actors imply: a state's armed forces make it military; a verbal
/// exchange between two states' actors (PLOVER's verbal cooperation and conflict types) is
/// diplomatic, as the manual defines that context.
fn actor_contexts(
    doc: &Doc,
    event_type: &str,
    source: Option<&dateline_core::EventActor>,
    target: Option<&dateline_core::EventActor>,
) -> Vec<&'static str> {
    let entity = |a: Option<&dateline_core::EventActor>| {
        a.and_then(|a| a.entity)
            .and_then(|e| doc.annotations().entities.get(e))
    };
    let (source, target) = (entity(source), entity(target));
    let mut found = Vec::new();
    if [source, target]
        .iter()
        .flatten()
        .any(|e| e.sector.as_deref() == Some("MIL"))
    {
        found.push("military");
    }
    let verbal = matches!(
        event_type,
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN"
    );
    let (source_state, target_state) = (state_of(source), state_of(target));
    if verbal && source_state.is_some() && target_state.is_some() && source_state != target_state {
        found.push("diplomatic");
    }
    found
}

/// The state an entity acts for, if it is a state's actor (not an IGO, NGO or other non-state
/// code).
fn state_of(entity: Option<&dateline_core::Entity>) -> Option<&str> {
    entity
        .and_then(|e| e.country.as_deref())
        .filter(|c| c.len() == 3 && !matches!(*c, "IGO" | "NGO" | "IMG" | "MNC" | "ISM"))
}

/// The object of `verb` when `verb` is a light verb ("holding the summit" → "summit").
fn light_verb_object(
    syntax: &Syntax,
    verb: usize,
    range: &std::ops::Range<usize>,
) -> Option<usize> {
    if !LIGHT_VERBS.contains(&syntax.lemma(verb).as_str()) {
        return None;
    }
    syntax
        .children(verb, range)
        .into_iter()
        .find(|&c| syntax.relation(c) == "obj")
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
        let role = match case_of(syntax, place_head, range).as_deref() {
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
        let locative = case_of(syntax, place_head, range)
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

/// The same happening told again: type, actors' entities, date and the quote's speaker all
/// equal (two sources' claims stay two rows: "according to whom" differs). A target known in
/// one mention only keeps them apart: "agreed to meet X and accept Y" are two promises.
fn same_event(doc: &Doc, a: &Event, b: &Event) -> bool {
    let speaker = |e: &Event| {
        e.quote
            .and_then(|q| doc.annotations().quotes.get(q))
            .and_then(|q| q.speaker_entity)
    };
    let entity = |x: &Option<dateline_core::EventActor>| x.as_ref().and_then(|a| a.entity);
    a.event_type == b.event_type
        && entity(&a.source).is_some()
        && entity(&a.source) == entity(&b.source)
        && entity(&a.target) == entity(&b.target)
        && a.date.value == b.date.value
        && a.polarity == b.polarity
        && speaker(a) == speaker(b)
}
