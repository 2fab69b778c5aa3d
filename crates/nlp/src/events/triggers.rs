//! Where a lexicon line matches the parse, and which of a trigger's senses the sentence selects.
//!
//! A verb matches, longest phrase first, with its particle (or the preposition right after it)
//! and its object or oblique ("call off strike", "pull out of deal"), with a preposition and
//! its noun ("take to streets"), with the particle alone ("rule out", "call for"), with the
//! head noun of its object ("lift ban", also "the ban was lifted"), else alone. A noun
//! matches with a compound or adjective modifier ("air strike", "humanitarian aid") or an "of"
//! phrase ("state of emergency"), else alone. The longer phrase always wins. When a phrase has
//! several senses, the first whose target frame (object or preposition) is present on the word
//! is taken, else the first.

use std::ops::Range;

use super::lexicon::{Lexicon, Trigger};
use crate::syntax::Syntax;

/// The trigger at `token`, if any, and the first and last token of the words it spans.
pub(super) fn trigger_at<'l>(
    syntax: &Syntax,
    lexicon: &'l Lexicon,
    token: usize,
    sentence: &Range<usize>,
) -> Option<(&'l Trigger, (usize, usize))> {
    match syntax.upos(token) {
        "VERB" => verb_trigger(syntax, lexicon, token, sentence),
        "NOUN" => noun_trigger(syntax, lexicon, token, sentence),
        _ => None,
    }
}

fn verb_trigger<'l>(
    syntax: &Syntax,
    lexicon: &'l Lexicon,
    token: usize,
    sentence: &Range<usize>,
) -> Option<(&'l Trigger, (usize, usize))> {
    let lemma = syntax.lemma(token);
    let children = syntax.children(token, sentence);
    let sense = |phrase: String| {
        choose_sense(
            syntax,
            lexicon.senses(&phrase, false),
            &children,
            sentence,
            true,
        )
    };
    // The particle, or the preposition right after the verb ("call for").
    let particle = children
        .iter()
        .copied()
        .find(|&c| syntax.relation(c) == "compound:prt")
        .or_else(|| {
            let next = token + 1;
            (sentence.contains(&next) && syntax.upos(next) == "ADP").then_some(next)
        });
    let particle_span = particle.map(|p| (token.min(p), token.max(p)));
    let particle = particle.map(|p| syntax.lower(p));
    // The object names the act ("lifted the ban", "exchanged views"); the verb stays the
    // trigger's word, the object is its argument.
    let objects: Vec<String> = children
        .iter()
        .filter(|&&c| matches!(syntax.relation(c), "obj" | "nsubj:pass"))
        .flat_map(|&c| object_nouns(syntax, c, sentence))
        .flat_map(|o| [syntax.lemma(o), syntax.lower(o)])
        .collect();
    // Obliques with their preposition ("took to the streets", "pulled out of the deal").
    let obliques: Vec<(String, String)> = children
        .iter()
        .filter(|&&c| syntax.relation(c) == "obl")
        .filter_map(|&c| {
            let case = case_of(syntax, c, sentence)?;
            Some([(case.clone(), syntax.lemma(c)), (case, syntax.lower(c))])
        })
        .flatten()
        .collect();
    if let (Some(particle), Some(span)) = (&particle, particle_span) {
        for object in &objects {
            if let Some(t) = sense(format!("{lemma} {particle} {object}")) {
                return Some((t, span));
            }
        }
        for (case, noun) in &obliques {
            let phrase = if case == particle {
                format!("{lemma} {particle} {noun}")
            } else {
                format!("{lemma} {particle} {case} {noun}")
            };
            if let Some(t) = sense(phrase) {
                return Some((t, span));
            }
        }
    }
    for (case, noun) in &obliques {
        if let Some(t) = sense(format!("{lemma} {case} {noun}")) {
            return Some((t, (token, token)));
        }
    }
    if let (Some(particle), Some(span)) = (&particle, particle_span) {
        if let Some(t) = sense(format!("{lemma} {particle}")) {
            return Some((t, span));
        }
    }
    for object in &objects {
        if let Some(t) = sense(format!("{lemma} {object}")) {
            return Some((t, (token, token)));
        }
    }
    sense(lemma).map(|t| (t, (token, token)))
}

/// Measures and amounts whose "of" phrase names what a verb acts on ("5.1 million dollars of
/// aid", "700 kg of medicine").
const MEASURES: &[&str] = &[
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "kilo",
    "pound",
    "litre",
    "liter",
    "dollar",
    "euro",
    "million",
    "billion",
    "thousand",
    "hundred",
    "dozen",
    "amount",
    "lot",
    "number",
    "batch",
    "shipment",
    "consignment",
    "package",
    "load",
    "supply",
    "worth",
];

/// Nouns that a trigger before them makes an event of its kind ("mediation mission").
pub(super) const EVENT_KINDS: &[&str] = &[
    "mission",
    "effort",
    "operation",
    "campaign",
    "initiative",
    "bid",
    "drive",
    "process",
    "programme",
    "program",
];

/// The object's head noun; for a measure the noun of its "of" phrase ("tons of aid"); for an
/// event kind the noun that names it ("ended mediation efforts").
fn object_nouns(syntax: &Syntax, object: usize, sentence: &Range<usize>) -> Vec<usize> {
    let mut nouns = vec![object];
    if EVENT_KINDS.contains(&syntax.lemma(object).as_str()) {
        nouns.extend(
            syntax
                .children(object, sentence)
                .into_iter()
                .filter(|&c| syntax.relation(c) == "compound"),
        );
    }
    let measure = syntax.upos(object) == "NUM" || MEASURES.contains(&syntax.lemma(object).as_str());
    if measure {
        nouns.extend(syntax.children(object, sentence).into_iter().filter(|&c| {
            syntax.relation(c) == "nmod" && case_of(syntax, c, sentence).as_deref() == Some("of")
        }));
    }
    nouns
}

fn noun_trigger<'l>(
    syntax: &Syntax,
    lexicon: &'l Lexicon,
    token: usize,
    sentence: &Range<usize>,
) -> Option<(&'l Trigger, (usize, usize))> {
    let lower = syntax.lower(token);
    let lemma = syntax.lemma(token);
    let children = syntax.children(token, sentence);
    let sense = |phrase: String| {
        choose_sense(
            syntax,
            lexicon.senses(&phrase, true),
            &children,
            sentence,
            false,
        )
    };
    for &child in &children {
        match syntax.relation(child) {
            "compound" | "amod" => {
                let modifier = syntax.lower(child);
                for word in [&lower, &lemma] {
                    if let Some(t) = sense(format!("{modifier} {word}")) {
                        return Some((t, (token.min(child), token.max(child))));
                    }
                }
            }
            "nmod" if case_of(syntax, child, sentence).as_deref() == Some("of") => {
                for object in [syntax.lower(child), syntax.lemma(child)] {
                    for word in [&lower, &lemma] {
                        if let Some(t) = sense(format!("{word} of {object}")) {
                            return Some((t, (token.min(child), token.max(child))));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    sense(lower)
        .or_else(|| sense(lemma))
        .map(|t| (t, (token, token)))
}

/// The sense whose target frame the word has ("warned X" vs "warned of X"); when the word has
/// no object or oblique at all, the first sense that expects none ("workers struck"); else the
/// first.
fn choose_sense<'l>(
    syntax: &Syntax,
    senses: &'l [Trigger],
    children: &[usize],
    sentence: &Range<usize>,
    verb: bool,
) -> Option<&'l Trigger> {
    if senses.len() < 2 {
        return senses.first();
    }
    let present = |frame: &str| {
        children.iter().any(|&c| match frame {
            // A passive's subject is its object: "restrictions were eased".
            "obj" => matches!(syntax.relation(c), "obj" | "iobj" | "nsubj:pass"),
            preposition => {
                matches!(syntax.relation(c), "obl" | "nmod")
                    && case_of(syntax, c, sentence).as_deref() == Some(preposition)
            }
        })
    };
    // Only a verb says by its frame that it takes no object ("workers struck"; a passive's
    // subject is its object: "restrictions were eased"); a noun without one is just
    // unmodified ("a missile strike").
    let bare = verb
        && !children.iter().any(|&c| {
            matches!(syntax.relation(c), "obj" | "iobj" | "nsubj:pass")
                || (matches!(syntax.relation(c), "obl" | "nmod")
                    && case_of(syntax, c, sentence).is_some())
        });
    senses
        .iter()
        .find(|s| s.targets.iter().any(|f| present(f)))
        .or_else(|| {
            bare.then(|| senses.iter().find(|s| s.targets.is_empty()))
                .flatten()
        })
        // No sense's frame is there ("spoke at the ceremony", "prices eased in March"): a
        // frameless NONE sense says the word is then no event.
        .or_else(|| {
            senses
                .iter()
                .find(|s| s.event_type == super::lexicon::NOT_AN_EVENT && s.targets.is_empty())
        })
        .or(senses.first())
}

/// The preposition that introduces the phrase headed by `head` ("of" in "of emergency").
pub(super) fn case_of(syntax: &Syntax, head: usize, sentence: &Range<usize>) -> Option<String> {
    syntax
        .children(head, sentence)
        .into_iter()
        .find(|&c| syntax.relation(c) == "case")
        .map(|c| syntax.lower(c))
}

/// Whether `token` is the complement of a verb that is itself a trigger ("agreed to meet"), or
/// a noun object of a verb trigger ("demanded a ceasefire", "held talks", "the ban was lifted"),
/// or of a light verb that is a trigger's complement ("proposed holding the summit").
pub(super) fn governed_by_trigger(
    syntax: &Syntax,
    lexicon: &Lexicon,
    token: usize,
    sentence: &Range<usize>,
) -> bool {
    let Some(head) = syntax.head(token) else {
        return false;
    };
    // "ended mediation efforts": the kind of the verb trigger's object.
    if syntax.relation(token) == "compound"
        && syntax.relation(head) == "obj"
        && EVENT_KINDS.contains(&syntax.lemma(head).as_str())
    {
        return syntax
            .head(head)
            .is_some_and(|verb| trigger_at(syntax, lexicon, verb, sentence).is_some());
    }
    if !matches!(syntax.relation(token), "xcomp" | "obj" | "nsubj:pass") {
        return false;
    }
    if let Some((outer, _)) = trigger_at(syntax, lexicon, head, sentence) {
        // The outer phrase names this word ("held talks", "lifted the ban"), or the word is
        // what the outer verb acts on: the act it asks for, promises, refuses or threatens
        // ("demanded a ceasefire", "agreed to meet"), or what it lifts, imposes, suspends or
        // delivers ("lifted sanctions", "provided aid"). What is condemned, welcomed, protested
        // or discussed happened, and stays an event of its own ("condemned Navalny's arrest").
        let last_word = outer.phrase.rsplit(' ').next().unwrap_or_default();
        let named = outer.phrase.contains(' ')
            && (last_word == syntax.lemma(token) || last_word == syntax.lower(token));
        let about = matches!(
            outer.event_type,
            "ACCUSE" | "SUPPORT" | "CONSULT" | "PROTEST"
        );
        return named || !about || syntax.relation(token) == "xcomp";
    }
    // "proposed holding the summit": the summit is the proposal's act.
    syntax.relation(token) == "obj"
        && syntax.relation(head) == "xcomp"
        && super::LIGHT_VERBS.contains(&syntax.lemma(head).as_str())
        && syntax
            .head(head)
            .is_some_and(|outer| trigger_at(syntax, lexicon, outer, sentence).is_some())
}
