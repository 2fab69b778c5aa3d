//! Arguments and qualities of an event from the parse: who acts, on whom, whether negated and
//! how it is presented.

use std::ops::Range;

use dateline_core::{ByteSpan, Doc, EventActor, Modality};

use super::lexicon::Trigger;
use crate::syntax::Syntax;

/// The source: the subject of the predicate; for a passive, its "by" agent; for a complement
/// ("agreed to meet") or a conjoined verb ("met and agreed"), the subject of the verb it hangs
/// from; for a noun trigger without one, its possessor ("Russia's invasion") unless the
/// trigger's frame makes the possessor the target ("Navalny's arrest").
pub(super) fn source_of(
    syntax: &Syntax,
    predicate: usize,
    trigger: usize,
    sentence: &Range<usize>,
    possessor_is_target: bool,
) -> Option<usize> {
    let mut verb = predicate;
    for step in 0..4 {
        let children = syntax.children(verb, sentence);
        if let Some(subject) = active_subject(syntax, verb, &children, step == 0) {
            return Some(subject);
        }
        if let Some(&subject) = children
            .iter()
            .find(|&&c| syntax.relation(c) == "nsubj:pass")
        {
            if !is_passive(syntax, &children) {
                return Some(subject);
            }
            return children
                .iter()
                .copied()
                .find(|&c| syntax.relation(c) == "obl:agent");
        }
        match syntax.relation(verb) {
            "xcomp" | "conj" | "advcl" => match syntax.head(verb) {
                Some(head) => verb = head,
                None => break,
            },
            _ => break,
        }
    }
    if possessor_is_target {
        return None;
    }
    syntax
        .children(trigger, sentence)
        .into_iter()
        .find(|&c| syntax.relation(c) == "nmod:poss")
}

/// The active subject among a verb's `children`. Two subjects mean a parse gone wrong: "Ada, a
/// critic of the blockade since the navy attacked the port, warned …" hangs both on
/// "attacked". A subject after the verb's own subordinator ("since", "after") is the verb's
/// (`own`); a verb that only inherits the subject ("warned", conjoined to "attacked") takes the
/// one before it, which belongs to the clause the parser lost.
fn active_subject(syntax: &Syntax, verb: usize, children: &[usize], own: bool) -> Option<usize> {
    let subjects: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&c| syntax.relation(c) == "nsubj")
        .collect();
    let marker = children
        .iter()
        .copied()
        .find(|&c| syntax.relation(c) == "mark" && c < verb);
    let after_marker = match marker {
        Some(m) if own && subjects.len() > 1 => subjects.iter().copied().find(|&c| c > m),
        _ => None,
    };
    after_marker.or_else(|| subjects.first().copied())
}

/// Whether a verb with a passive subject is passive indeed: it has a passive auxiliary ("was
/// arrested", "got arrested"). The labeller sometimes calls the subject of an active perfect
/// ("the minister had cut short …") `nsubj:pass`; without the auxiliary it is the doer.
fn is_passive(syntax: &Syntax, children: &[usize]) -> bool {
    children.iter().any(|&c| syntax.relation(c) == "aux:pass")
}

/// The target by the trigger's frame: its object, or the oblique (or noun modifier) introduced
/// by the frame's preposition; a passive's subject; an indirect object.
pub(super) fn target_of(
    syntax: &Syntax,
    trigger: &Trigger,
    token: usize,
    sentence: &Range<usize>,
) -> Option<usize> {
    let children = syntax.children(token, sentence);
    if let Some(&patient) = children
        .iter()
        .find(|&&c| syntax.relation(c) == "nsubj:pass")
    {
        if is_passive(syntax, &children) {
            return Some(patient);
        }
    }
    // "gave the Ivory Coast aid": an indirect object is always the recipient.
    if let Some(&recipient) = children.iter().find(|&&c| syntax.relation(c) == "iobj") {
        return Some(recipient);
    }
    // "meet with", "call on": a phrase that ends in its preposition has that preposition's
    // noun for object.
    let phrase_preposition = (!trigger.noun)
        .then(|| trigger.phrase.split_once(' ').map(|(_, rest)| rest))
        .flatten()
        .and_then(|rest| rest.rsplit(' ').next());
    for frame in &trigger.targets {
        let found = if frame == "obj" {
            children
                .iter()
                .copied()
                .find(|&c| matches!(syntax.relation(c), "obj" | "iobj"))
                .or_else(|| {
                    let preposition = phrase_preposition?;
                    children.iter().copied().find(|&c| {
                        syntax.relation(c) == "obl"
                            && syntax.children(c, sentence).into_iter().any(|g| {
                                syntax.relation(g) == "case" && syntax.lower(g) == preposition
                            })
                    })
                })
        } else if frame == "poss" {
            // "Navalny's arrest": the possessor is who it is done to.
            children
                .iter()
                .copied()
                .find(|&c| syntax.relation(c) == "nmod:poss")
        } else {
            let introduced = |c: usize| {
                matches!(syntax.relation(c), "obl" | "nmod")
                    && syntax
                        .children(c, sentence)
                        .into_iter()
                        .any(|g| syntax.relation(g) == "case" && syntax.lower(g) == *frame)
            };
            // On the word, or on its object ("held talks with X", "lifted the ban on X").
            children
                .iter()
                .copied()
                .find(|&c| introduced(c))
                .or_else(|| {
                    children
                        .iter()
                        .filter(|&&c| syntax.relation(c) == "obj")
                        .flat_map(|&o| syntax.children(o, sentence))
                        .find(|&c| introduced(c))
                })
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The actor an argument's head word names: the entity whose mention holds it, else the words
/// of the argument (its compound and flat parts).
pub(super) fn actor_of(
    doc: &Doc,
    syntax: &Syntax,
    head: usize,
    sentence: &Range<usize>,
) -> EventActor {
    let annotations = doc.annotations();
    let head = antecedent(syntax, head).unwrap_or(head);
    let span = annotations.tokens[head].span;
    let holding: Vec<usize> = annotations
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.mentions
                .iter()
                .any(|m| m.span.start <= span.start && span.end <= m.span.end)
        })
        .map(|(at, _)| at)
        .collect();
    // A word of a person's title ("Ministry" in "Ministry of Foreign Affairs of Ukraine
    // Dmytro Kuleba") stands for the person, not for the body the title names.
    let entity = holding
        .iter()
        .copied()
        .find(|&at| annotations.entities[at].entity_type == dateline_core::EntityType::Person)
        .or_else(|| holding.first().copied());
    if entity.is_none() {
        if let Some((person, mention)) = titled_person(doc, syntax, head, sentence) {
            return EventActor {
                entity: Some(person),
                span: mention,
            };
        }
    }
    let words = name_span(doc, syntax, head, sentence);
    EventActor {
        entity,
        span: words,
    }
}

/// The person a title names when the parser made the title the head: "Secretary of the
/// National Council Jana Novak", "Deputy Minister Mykola Petrenko". The person's name must close
/// the phrase right after a title word (not after "of": "the lawyer of X" is not X).
fn titled_person(
    doc: &Doc,
    syntax: &Syntax,
    head: usize,
    sentence: &Range<usize>,
) -> Option<(usize, ByteSpan)> {
    let annotations = doc.annotations();
    let mut phrase_end = head;
    let mut stack = vec![head];
    while let Some(node) = stack.pop() {
        for child in syntax.children(node, sentence) {
            let inside = matches!(
                syntax.relation(child),
                "flat" | "appos" | "compound" | "nmod" | "case" | "det" | "amod"
            );
            if inside && child > head && child <= head + 12 {
                phrase_end = phrase_end.max(child);
                stack.push(child);
            }
        }
    }
    let last = annotations.tokens.get(phrase_end)?.span;
    annotations
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type == dateline_core::EntityType::Person)
        .find_map(|(at, e)| {
            let mention = e.mentions.iter().find(|m| m.span.end == last.end)?;
            let first = annotations
                .tokens
                .partition_point(|t| t.span.start < mention.span.start);
            let before = first.checked_sub(1)?;
            let after_title = before >= head
                && !matches!(syntax.upos(before), "ADP" | "PUNCT")
                && syntax.lower(before) != "of";
            after_title.then_some((at, mention.span))
        })
}

/// What a relative pronoun stands for: "forces which attacked" → "forces", the noun the
/// relative clause modifies.
fn antecedent(syntax: &Syntax, head: usize) -> Option<usize> {
    if !matches!(
        syntax.lower(head).as_str(),
        "which" | "who" | "whom" | "that"
    ) {
        return None;
    }
    let clause = syntax.head(head)?;
    if syntax.relation(clause) != "acl:relcl" {
        return None;
    }
    syntax.head(clause)
}

/// The head word with its compound, flat, amod and det children: "the Russian leader".
fn name_span(doc: &Doc, syntax: &Syntax, head: usize, sentence: &Range<usize>) -> ByteSpan {
    let tokens = &doc.annotations().tokens;
    let mut first = head;
    let mut last = head;
    for child in syntax.children(head, sentence) {
        if matches!(
            syntax.relation(child),
            "compound" | "flat" | "amod" | "det" | "nmod:poss" | "case"
        ) && child.abs_diff(head) <= 5
        {
            first = first.min(child);
            last = last.max(child);
        }
    }
    // Neither a possessive "'s" nor a preposition ("at KPA posts") is part of the name.
    while last > first && syntax.relation(last) == "case" {
        last -= 1;
    }
    while first < last && syntax.relation(first) == "case" {
        first += 1;
    }
    ByteSpan {
        start: tokens[first].span.start,
        end: tokens[last].span.end,
    }
}

/// Negated by "not", "n't", "never" or "no" on the word.
pub(super) fn negated(syntax: &Syntax, token: usize, sentence: &Range<usize>) -> bool {
    syntax.children(token, sentence).into_iter().any(|c| {
        syntax.relation(c) == "advmod"
            && matches!(syntax.lower(c).as_str(), "not" | "n't" | "never")
            || (syntax.relation(c) == "det" && syntax.lower(c) == "no")
    })
}

/// Under an obligation: "must" or "should" on the predicate or on the word it complements
/// ("must be ready to mediate"), or "has to"/"needs to".
pub(super) fn obliged(
    syntax: &Syntax,
    predicate: usize,
    trigger: usize,
    sentence: &Range<usize>,
) -> bool {
    let mut nodes = vec![predicate, trigger];
    if syntax.relation(predicate) == "xcomp" {
        if let Some(head) = syntax.head(predicate) {
            if matches!(syntax.lemma(head).as_str(), "have" | "need") {
                return true;
            }
            nodes.push(head);
        }
    }
    nodes.into_iter().any(|node| {
        syntax.children(node, sentence).into_iter().any(|c| {
            syntax.relation(c) == "aux" && matches!(syntax.lower(c).as_str(), "must" | "should")
        })
    })
}

/// How the event is presented: conditional ("if"), hypothetical ("could", "possible"),
/// proposed (under "propose", "offer", "ready to"), planned ("will", "decided to", "would" in
/// reported speech), reported (in a quote), else asserted.
pub(super) fn modality_of(
    syntax: &Syntax,
    predicate: usize,
    trigger: usize,
    sentence: &Range<usize>,
    quoted: bool,
) -> Modality {
    let mut auxiliaries = Vec::new();
    let mut conditional = false;
    let mut hypothetical = false;
    for node in [predicate, trigger] {
        for child in syntax.children(node, sentence) {
            let word = syntax.lower(child);
            match syntax.relation(child) {
                "aux" => auxiliaries.push(word),
                "mark" if matches!(word.as_str(), "if" | "unless") => conditional = true,
                "amod" if matches!(word.as_str(), "possible" | "potential" | "proposed") => {
                    hypothetical = true;
                }
                _ => {}
            }
        }
    }
    let governor = |words: &[&str]| {
        [predicate, trigger].iter().any(|&node| {
            syntax
                .head(node)
                .is_some_and(|head| words.contains(&syntax.lemma(head).as_str()))
        })
    };
    // "proposed holding", "is ready to provide": offered or intended, not yet decided.
    let proposed = governor(&[
        "propose", "offer", "suggest", "favor", "favour", "plan", "want", "seek", "intend", "hope",
        "aim", "ready", "willing", "prepared", "eager", "keen",
    ]);
    // "decided to withdraw", "is expected to meet", "is due to visit".
    let scheduled = governor(&["decide", "expect", "schedule", "set", "due", "prepare"]);
    let future = auxiliaries
        .iter()
        .any(|a| matches!(a.as_str(), "will" | "'ll" | "shall" | "wo"));
    // In reported speech "would" is the future of a past "said": "said it would allow".
    let future_in_past = quoted && auxiliaries.iter().any(|a| a == "would");
    let possible = auxiliaries
        .iter()
        .any(|a| matches!(a.as_str(), "could" | "might" | "may" | "would"));
    if conditional {
        Modality::Conditional
    } else if hypothetical || (possible && !future_in_past) {
        Modality::Hypothetical
    } else if proposed {
        Modality::Proposed
    } else if future || future_in_past || scheduled {
        Modality::Planned
    } else if quoted {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}

/// A condition the predicate's act is made to hang on: an adverbial clause under it opened by
/// "unless" or "if" ("will recall its troops unless the junta frees the prisoners").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Condition {
    Unless,
    If,
}

pub(super) fn condition_of(
    syntax: &Syntax,
    predicate: usize,
    sentence: &Range<usize>,
) -> Option<Condition> {
    syntax
        .children(predicate, sentence)
        .into_iter()
        .filter(|&c| syntax.relation(c) == "advcl")
        .flat_map(|clause| syntax.children(clause, sentence))
        .filter(|&m| syntax.relation(m) == "mark")
        .find_map(|m| match syntax.lower(m).as_str() {
            "unless" => Some(Condition::Unless),
            "if" => Some(Condition::If),
            _ => None,
        })
}

/// The words of the predicate's clause: its whole subtree.
pub(super) fn subtree_span(
    doc: &Doc,
    syntax: &Syntax,
    root: usize,
    sentence: &Range<usize>,
) -> ByteSpan {
    let tokens = &doc.annotations().tokens;
    let (first, last) = syntax.subtree_bounds(root, sentence);
    ByteSpan {
        start: tokens[first].span.start,
        end: tokens[last].span.end,
    }
}
