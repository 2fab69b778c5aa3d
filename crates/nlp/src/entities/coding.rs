//! Turning drafts into entities: KB facts for the article's date, the canonical name, and the
//! actor code (country + sector, "USAGOV"; or the KB's own code, "NATO").

use dateline_core::{Entity, EntityType, Mention};

use super::mentions::Draft;
use super::place_names::country_in_name;
use super::view::View;
use crate::gazetteer::Gazetteer;
use crate::kb::{Kb, Target};

/// Codes every draft and returns the entities in order of first mention.
pub(crate) fn finish(
    view: &View,
    kb: &Kb,
    gazetteer: Option<&Gazetteer>,
    day: Option<u32>,
    drafts: Vec<Draft>,
) -> Vec<Entity> {
    let mut entities: Vec<(usize, Entity)> = drafts
        .into_iter()
        .filter(|d| !d.mentions.is_empty())
        .map(|d| {
            let first = d.mentions.iter().map(|(r, _)| r.start).min().unwrap_or(0);
            (first, code(view, kb, gazetteer, day, d))
        })
        .collect();
    entities.sort_by_key(|(first, _)| *first);
    entities.into_iter().map(|(_, e)| e).collect()
}

fn code(
    view: &View,
    kb: &Kb,
    gazetteer: Option<&Gazetteer>,
    day: Option<u32>,
    mut d: Draft,
) -> Entity {
    let mut kb_key = None;
    let mut name = d.name.clone();
    let mut country = d.country.clone();
    let mut sector = d.sector.clone();
    let mut explicit_code = None;
    let mut why = d.why.clone();
    match d.target {
        Some(Target::Person(p)) => {
            if let Some(person) = kb.people.get(p as usize) {
                kb_key = Some(person.key.clone());
                name = Some(person.name.clone());
                country = Some(person.country.clone());
                let term = person.term_at(day);
                // Without the article's date the KB cannot say which title applies.
                let dated_term = day.and(term);
                if let Some(title) = dated_term.and_then(|t| t.title.clone()) {
                    if !d
                        .roles
                        .iter()
                        .any(|r| r.to_lowercase().ends_with(&title.to_lowercase()))
                    {
                        d.roles.push(title);
                    }
                }
                let former = d.former || day.is_some_and(|day| person.is_former(day));
                // A title in the text ("Senator Marco Rubio") says what the person is here unless
                // the KB knows their office on the article's date.
                let dated = day.is_some_and(|day| person.terms.iter().any(|t| t.covers(day)));
                sector = if former {
                    why.push("former office holder on the date: ELI".into());
                    Some("ELI".into())
                } else if sector.is_some() && !dated {
                    why.push("sector from the title in the text".into());
                    sector
                } else if let Some(t) = term {
                    t.sector.clone().or(sector)
                } else {
                    // No known term covers the date (the KB starts in 2018 for most offices):
                    // the nearest term's sector is the best guess, and says so.
                    let nearest = day.and_then(|day| {
                        person.terms.iter().min_by_key(|t| {
                            let start = t.start.map_or(0, |s| s.first_day());
                            start.abs_diff(day)
                        })
                    });
                    if nearest.is_some() {
                        why.push("no KB term on the date: sector of the nearest term".into());
                    }
                    nearest.and_then(|t| t.sector.clone()).or(sector)
                };
            }
        }
        Some(Target::Organization(o)) => {
            if let Some(org) = kb.organizations.get(o as usize) {
                kb_key = Some(org.key.clone());
                name = Some(org.name.clone());
                country = org.country.clone();
                sector = org.sector.clone();
                explicit_code = org.code.clone();
            }
        }
        Some(Target::Country(c)) | Some(Target::Capital(c)) | Some(Target::Demonym(c)) => {
            if let Some(found) = kb.countries.get(c as usize) {
                let kind = match d.target {
                    Some(Target::Capital(_)) => "capital",
                    Some(Target::Demonym(_)) => "demonym",
                    _ => "country",
                };
                kb_key = Some(format!("{kind}:{}", found.iso3));
                country = Some(found.actor_country().to_string());
                if kind == "country" {
                    name = Some(found.name.clone());
                }
                // A capital that acts ("Kyiv said", "Moscow rejected") is its government.
                let acts = d.mentions.iter().any(|(r, _)| {
                    r.clone()
                        .any(|t| matches!(view.relation(t), "nsubj" | "nsubj:pass"))
                });
                if kind == "capital" && acts {
                    sector = Some("GOV".into());
                    why.push("capital acting for its government".into());
                }
            }
        }
        None => {
            if d.former && d.entity_type == EntityType::Person {
                sector = Some("ELI".into());
            }
            // A "person" is placed only when the whole name, two words or more, is a place:
            // "Puerto Penasco" read as a person is the town; "Feliciano Valencia" is no one
            // from Venezuela.
            let person = d.entity_type == EntityType::Person;
            let placeable = person
                || matches!(
                    d.entity_type,
                    EntityType::Gpe | EntityType::Loc | EntityType::Org
                );
            if let (None, true, Some(gazetteer)) = (&country, placeable, gazetteer) {
                let written = name.clone().or_else(|| {
                    d.mentions
                        .first()
                        .map(|(r, _)| view.range_text(r).to_string())
                });
                let words: Vec<&str> = written
                    .as_deref()
                    .unwrap_or("")
                    .split_whitespace()
                    .collect();
                let whole = words.join(" ");
                let found = country_in_name(gazetteer, &words)
                    .filter(|f| !person || (words.len() >= 2 && f.place == whole));
                if let Some(found) = found {
                    why.push(format!(
                        "country from the place in its name ({})",
                        found.place
                    ));
                    country = Some(found.country);
                    // A town as an actor is its people ("Mariupol was shelled").
                    if found.is_town && d.entity_type == EntityType::Gpe && sector.is_none() {
                        sector = Some("CVL".into());
                        why.push("a town stands for its people: CVL".into());
                    }
                }
            }
        }
    }
    let actor_code = explicit_code.or_else(|| match (&country, &sector) {
        // An international organization is its own actor: "EUR", not "EURIGO".
        (Some(c), Some(s)) if s == "IGO" || s == "NGO" => Some(c.clone()),
        (Some(c), Some(s)) if d.entity_type != EntityType::Gpe => Some(format!("{c}{s}")),
        (Some(c), _) => Some(c.clone()),
        (None, Some(s)) => Some(s.clone()),
        (None, None) => None,
    });
    let mut mentions: Vec<Mention> = d
        .mentions
        .iter()
        .map(|(range, kind)| Mention {
            span: view.span(range),
            kind: *kind,
            sentence: view.sentence_of[range.start] as u32,
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by_key(|m| (m.span.start, m.span.end));
    let name = name.unwrap_or_else(|| {
        mentions
            .first()
            .map(|m| view.doc.slice(m.span).to_string())
            .unwrap_or_default()
    });
    why.dedup();
    Entity {
        name,
        entity_type: d.entity_type,
        kb: kb_key,
        country,
        sector,
        code: actor_code,
        roles: d.roles,
        age: d.age,
        mentions,
        why: why.join("; "),
    }
}
