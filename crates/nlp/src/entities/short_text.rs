//! Coding a short actor text ("Armenian Prime Minister", "two Chinese warplanes", "Kyiv police")
//! as one actor: the entity that covers most of it, else its head role noun and country words.

use std::ops::Range;

use dateline_core::{Doc, EntityType};

use super::descriptions::{sector_of_description, BROAD_HEADS};
use super::modifiers::{country_of_token, title_ending_at};
use super::place_names::country_in_name;
use super::view::View;
use crate::gazetteer::Gazetteer;
use crate::kb::Kb;

/// The actor a short text names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorGuess {
    /// Canonical name, if an entity was found.
    pub name: Option<String>,
    /// Country or non-state code.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// How it was found.
    pub why: String,
}

/// Codes an analyzed short text (after [`super::resolve`]).
pub fn code_short_text(doc: &Doc, kb: &Kb, gazetteer: Option<&Gazetteer>) -> ActorGuess {
    let view = View::new(doc, kb);
    let covered = |e: &dateline_core::Entity| -> usize {
        e.mentions.iter().map(|m| m.span.len()).max().unwrap_or(0)
    };
    let best = doc
        .annotations()
        .entities
        .iter()
        .filter(|e| {
            !matches!(e.entity_type, EntityType::Norp) || doc.annotations().entities.len() == 1
        })
        .filter(|e| !is_posting(&view, e) && !is_whereabouts(&view, e))
        .max_by_key(|e| {
            (
                covered(e),
                std::cmp::Reverse(e.mentions.first().map_or(0, |m| m.span.start)),
            )
        });
    // A country word ("Chinese warplanes"), else a town or division named in the text
    // ("Madras High Court", whose recognized name is only "High Court"). A person's own name
    // names no place ("Senator Ana Valencia" is not from Valencia).
    let in_person_name = |t: usize| {
        best.is_some_and(|e| {
            e.entity_type == EntityType::Person
                && e.mentions
                    .iter()
                    .any(|m| m.span.start <= view.spans[t].start && view.spans[t].end <= m.span.end)
        })
    };
    let outside: Vec<usize> = (0..view.len()).filter(|&t| !in_person_name(t)).collect();
    let country_word = outside
        .iter()
        .find_map(|&t| country_of_token(&view, kb, t).map(|(_, c)| c))
        .or_else(|| {
            let words: Vec<&str> = outside.iter().map(|&t| view.text(t)).collect();
            country_in_name(gazetteer?, &words).map(|p| p.country)
        });
    if let Some(entity) = best {
        let country = entity.country.clone().or(country_word);
        let capital = entity
            .kb
            .as_deref()
            .is_some_and(|k| k.starts_with("capital:"));
        // A role noun after the name says who acts: "the EU legislature", "Kyiv police".
        let name_end = entity
            .mentions
            .iter()
            .map(|m| m.span.end)
            .max()
            .unwrap_or(0);
        let after = (0..view.len())
            .find(|&t| view.spans[t].start >= name_end)
            .map_or(view.len()..view.len(), |first| first..view.len());
        // …unless the name is a group with its own sector: "Boko Haram gunmen" are rebels. (A
        // town's people, CVL, is no such sector: "Delhi police" are police.)
        let own = entity
            .sector
            .clone()
            .filter(|s| !matches!(s.as_str(), "GOV" | "IGO" | "CVL"));
        let sector = own
            .or_else(|| role_sector(&view, kb, after, &["NOUN"]))
            .or_else(|| entity.sector.clone())
            .or_else(|| head_sector(&view, kb))
            .or_else(|| capital.then(|| "GOV".to_string()));
        return ActorGuess {
            name: Some(entity.name.clone()),
            country,
            sector,
            why: format!("entity {:?}: {}", entity.name, entity.why),
        };
    }
    let pronoun = view.len() == 1 && view.upos(0) == "PRON";
    ActorGuess {
        name: None,
        country: country_word,
        sector: head_sector(&view, kb).or_else(|| pronoun.then(|| "UNK".to_string())),
        why: if pronoun {
            "an unresolved pronoun: unknown actor".into()
        } else {
            "role noun and country words".into()
        },
    }
}

/// The first token starting at or after byte `start` (a mention's first token).
fn first_token_at(view: &View, start: u32) -> Option<usize> {
    (0..view.len()).find(|&t| view.spans[t].start >= start)
}

/// Envoys named by where they are sent: "ambassador to the United Nations" is no UN official.
const ENVOYS: [&str; 8] = [
    "ambassador",
    "envoy",
    "representative",
    "delegate",
    "emissary",
    "mission",
    "delegation",
    "consul",
];

/// Whether every mention of `entity` is the post an envoy is sent to ("Canadian Ambassador to
/// the United Nations"): the actor is the envoy's country, not the post.
fn is_posting(view: &View, entity: &dateline_core::Entity) -> bool {
    let sent_to = |start: u32| {
        let Some(first) = first_token_at(view, start) else {
            return false;
        };
        let before_the = if first > 0 && view.lowers[first - 1] == "the" {
            first - 1
        } else {
            first
        };
        before_the >= 2
            && view.lowers[before_the - 1] == "to"
            && ENVOYS.contains(&view.lemma(before_the - 2).to_lowercase().as_str())
    };
    !entity.mentions.is_empty() && entity.mentions.iter().all(|m| sent_to(m.span.start))
}

/// Whether `entity` is only where the actor is: a place after a role noun and a preposition
/// of place ("Muslim leaders in France", "protesters across Iran"); the role names the actor.
fn is_whereabouts(view: &View, entity: &dateline_core::Entity) -> bool {
    if !matches!(entity.entity_type, EntityType::Gpe | EntityType::Loc) {
        return false;
    }
    let placed = |start: u32| {
        let Some(first) = first_token_at(view, start) else {
            return false;
        };
        first >= 2
            && matches!(
                view.lowers[first - 1].as_str(),
                "in" | "across" | "throughout" | "inside" | "near" | "at"
            )
            && view.upos(first - 2) == "NOUN"
    };
    !entity.mentions.is_empty() && entity.mentions.iter().all(|m| placed(m.span.start))
}

/// The sector of the last role noun in `tokens` with one of the universal `tags`, read as the
/// longest role phrase ending there ("military intelligence agency" → SPY, not "agency" →
/// GOV; "central bank" GOV, "bank" alone BUS).
fn role_sector(view: &View, kb: &Kb, tokens: Range<usize>, tags: &[&str]) -> Option<String> {
    tokens.clone().rev().find_map(|t| {
        // A word of a name ("European Union" is not a trade union) is no role noun.
        if !tags.contains(&view.upos(t)) || view.kb_match[t].is_some() {
            return None;
        }
        let lemma = view.lemma(t).to_lowercase();
        let phrase = title_ending_at(view, kb, t + 1, tokens.start).filter(|(first, _)| *first < t);
        let sector = phrase
            .map(|(_, title)| title)
            .or_else(|| kb.title(&lemma))
            .or_else(|| kb.title(&view.lowers[t]))
            .and_then(|title| title.sector.clone())?;
        // A head every sector has ("leaders", "officials") takes a role word before it, as
        // descriptions do: "Muslim leaders" REL, "opposition leaders" OPP.
        let generic =
            matches!(sector.as_str(), "GOV" | "UNK") || BROAD_HEADS.contains(&lemma.as_str());
        let start = phrase.map_or(t, |(first, _)| first);
        let modifier = generic
            .then(|| sector_of_description(view, kb, tokens.start, start))
            .flatten();
        Some(modifier.unwrap_or(sector))
    })
}

/// The sector of the last role noun in the text ("Kyiv police" → COP).
fn head_sector(view: &View, kb: &Kb) -> Option<String> {
    role_sector(view, kb, 0..view.len(), &["NOUN", "PROPN", "ADJ"])
}
