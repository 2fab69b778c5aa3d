//! Resolution: which gazetteer place a toponym names. Countries, continents and named regions
//! win over towns of the same name; among towns, population and the document's countries decide,
//! and "Paris, Texas" is held to Texas. One sense per document: a name resolved once keeps its
//! reading.

use std::collections::HashMap;

use dateline_core::{Doc, EntityType, PlaceFeature};

use super::mentions::Toponym;
use crate::gazetteer::{fold, Entry, Gazetteer, NameKind};

/// What the document says about where it is: countries with how often they come up, and the
/// dateline's country.
#[derive(Debug, Default)]
pub(crate) struct Context {
    countries: HashMap<String, u32>,
    dateline_country: Option<String>,
}

impl Context {
    /// Countries from unambiguous country toponyms, from the KB country of place and nationality
    /// entities (only the KB's: a country the entities stage guessed from a town's name is the
    /// same guess this stage is making, not evidence for it), and from the dateline's place.
    pub(crate) fn of(doc: &Doc, gazetteer: &Gazetteer, toponyms: &[Toponym]) -> Context {
        let mut context = Context::default();
        for toponym in toponyms {
            let text = doc.slice(toponym.span);
            // "Georgia" is no evidence for the country: that is the question.
            if country_and_division(gazetteer, text) {
                continue;
            }
            for (id, _) in &gazetteer.lookup(text) {
                let Some(entry) = gazetteer.entry(*id) else {
                    continue;
                };
                if matches!(entry.feature, PlaceFeature::Country) {
                    if let Some(country) = &entry.country {
                        *context.countries.entry(country.to_string()).or_default() += 1;
                    }
                }
            }
        }
        for entity in &doc.annotations().entities {
            if matches!(
                entity.entity_type,
                EntityType::Gpe | EntityType::Norp | EntityType::Loc
            ) {
                let ambiguous = country_and_division(gazetteer, &entity.name);
                if let (Some(country), Some(_), false) = (&entity.country, &entity.kb, ambiguous) {
                    *context.countries.entry(country.clone()).or_default() += 1;
                }
            }
        }
        let dateline_place = doc.meta().dateline.as_ref().and_then(|d| d.place.clone());
        context.dateline_country = dateline_place.and_then(|place| {
            let best = best_city(gazetteer, &place)?;
            best.country.as_deref().map(str::to_string)
        });
        if let Some(country) = &context.dateline_country {
            *context.countries.entry(country.clone()).or_default() += 2;
        }
        context
    }

    fn weight(&self, country: Option<&str>) -> u32 {
        country
            .and_then(|c| self.countries.get(c))
            .copied()
            .unwrap_or(0)
    }

    fn dominant(&self) -> Option<&str> {
        self.countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(c, _)| c.as_str())
    }
}

fn best_city<'g>(gazetteer: &'g Gazetteer, name: &str) -> Option<&'g Entry> {
    gazetteer
        .lookup(name)
        .iter()
        .filter_map(|(id, _)| gazetteer.entry(*id))
        .filter(|e| e.feature == PlaceFeature::City)
        .max_by_key(|e| e.population)
}

/// A constraint from the words after a toponym: "Paris, Texas" → in Texas.
#[derive(Debug, Clone, Default)]
pub(crate) struct Containment {
    pub country: Option<String>,
    pub admin1: Option<String>,
}

/// The country or division `text` names, as a constraint on the place named before it.
pub(crate) fn containment_named(gazetteer: &Gazetteer, text: &str) -> Containment {
    let mut containment = Containment::default();
    let written = gazetteer.division_written(text);
    for id in written
        .iter()
        .chain(gazetteer.lookup(text).iter().map(|(id, _)| id))
    {
        let Some(entry) = gazetteer.entry(*id) else {
            continue;
        };
        match entry.feature {
            PlaceFeature::Country if containment.country.is_none() => {
                containment.country = entry.country.as_deref().map(str::to_string);
            }
            PlaceFeature::Admin1 if containment.admin1.is_none() && entry.admin1.is_some() => {
                containment.country = entry.country.as_deref().map(str::to_string);
                containment.admin1 = entry.admin1.as_deref().map(str::to_string);
            }
            _ => {}
        }
    }
    containment
}

/// The chosen place and why.
pub(crate) struct Choice<'g> {
    pub id: u32,
    pub entry: &'g Entry,
    pub why: String,
}

/// Picks the place `name` most likely names here.
pub(crate) fn choose<'g>(
    gazetteer: &'g Gazetteer,
    name: &str,
    context: &Context,
    containment: &Containment,
    resolved: &HashMap<String, u32>,
) -> Option<Choice<'g>> {
    let key = fold(name);
    if let Some(&id) = resolved.get(&key) {
        if containment.country.is_none() && containment.admin1.is_none() {
            let entry = gazetteer.entry(id)?;
            return Some(Choice {
                id,
                entry,
                why: "as earlier in the document".to_string(),
            });
        }
    }
    // "Md.", "Ore.": a division's abbreviation exactly as written, not a town called "Ore".
    if let Some(id) = gazetteer.division_written(name) {
        let entry = gazetteer.entry(id)?;
        return Some(Choice {
            id,
            entry,
            why: "a division's abbreviation as written".to_string(),
        });
    }
    let all = candidates(gazetteer, name);
    // "Washington, D.C.", "Paris, Texas" as one name: the first part, held to the second.
    if all.is_empty() {
        if let Some((head, tail)) = name.split_once(',') {
            let (head, tail) = (head.trim(), tail.trim());
            if !head.is_empty() && !tail.is_empty() {
                let inner = containment_named(gazetteer, tail);
                return choose(gazetteer, head, context, &inner, resolved);
            }
        }
    }
    // A list ("Syria, Iraq") looks like containment but holds nothing: then ignore it.
    let held: Vec<(u32, &Entry, NameKind)> = all
        .iter()
        .copied()
        .filter(|(_, e, _)| contained(e, containment))
        .collect();
    let containment_used =
        !held.is_empty() && (containment.country.is_some() || containment.admin1.is_some());
    let candidates = if held.is_empty() { all } else { held };
    let dominant = context.dominant();
    if let Some(choice) = division_of_main_country(&candidates, context, dominant) {
        return Some(choice);
    }
    let (id, entry, score) = candidates
        .into_iter()
        .map(|(id, e, kind)| {
            (
                id,
                e,
                score(e, short_form(e, name, kind), context, dominant),
            )
        })
        .max_by(|a, b| a.2.total_cmp(&b.2).then_with(|| b.0.cmp(&a.0)))?;
    let why = format!(
        "{} (score {score:.1}{})",
        reason(entry),
        if containment_used {
            ", held to the place named after it"
        } else {
            ""
        }
    );
    Some(Choice { id, entry, why })
}

/// Whether a name is both a country's and another country's first-level division's
/// ("Georgia").
fn country_and_division(gazetteer: &Gazetteer, name: &str) -> bool {
    let places: Vec<&Entry> = gazetteer
        .lookup(name)
        .iter()
        .filter_map(|&(id, kind)| {
            (kind == NameKind::Name)
                .then(|| gazetteer.entry(id))
                .flatten()
        })
        .collect();
    places.iter().any(|country| {
        country.feature == PlaceFeature::Country
            && places.iter().any(|division| {
                division.feature == PlaceFeature::Admin1 && division.country != country.country
            })
    })
}

/// "Georgia" in a story about the United States, "Victoria" in one about Australia: the main
/// country's division of that name, when the country or foreign city of that name plays no
/// other part in the story and the main country has no town of that name.
fn division_of_main_country<'g>(
    candidates: &[(u32, &'g Entry, NameKind)],
    context: &Context,
    dominant: Option<&str>,
) -> Option<Choice<'g>> {
    let dominant = dominant?;
    let &(id, entry, _) = candidates.iter().find(|(_, e, _)| {
        e.feature == PlaceFeature::Admin1 && e.country.as_deref() == Some(dominant)
    })?;
    let home_town = candidates
        .iter()
        .any(|(_, e, _)| e.feature == PlaceFeature::City && e.country.as_deref() == Some(dominant));
    if home_town {
        return None;
    }
    let rival = candidates.iter().find(|(_, e, _)| {
        matches!(e.feature, PlaceFeature::Country | PlaceFeature::City)
            && e.country.as_deref() != Some(dominant)
    })?;
    if context.weight(rival.1.country.as_deref()) > 0 {
        return None;
    }
    let what = if rival.1.feature == PlaceFeature::Country {
        "a country"
    } else {
        "a foreign city"
    };
    Some(Choice {
        id,
        entry,
        why: format!(
            "a division of the story's main country; {what} has the same name, but the story is \
             not about its country"
        ),
    })
}

/// The places a name can mean. A demonym ("Russian") counts when nothing is called that, or
/// when only small towns are ("Canadian", Texas); an all-capital abbreviation ("EU") never means
/// a small town ("Eu", France).
fn candidates<'g>(gazetteer: &'g Gazetteer, name: &str) -> Vec<(u32, &'g Entry, NameKind)> {
    let all: Vec<(u32, &Entry, NameKind)> = gazetteer
        .lookup(name)
        .iter()
        .filter_map(|&(id, kind)| Some((id, gazetteer.entry(id)?, kind)))
        .collect();
    let abbreviation = name.len() <= 4 && name.chars().all(|c| c.is_uppercase() || c == '.');
    // "the North", "the West": directions, not the towns GeoNames has by those names.
    let direction = matches!(
        fold(name).as_str(),
        "north"
            | "south"
            | "east"
            | "west"
            | "central"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "midwest"
            | "interior"
            | "capital"
            | "border"
    );
    let names: Vec<(u32, &Entry, NameKind)> = all
        .iter()
        .copied()
        .filter(|(_, e, kind)| {
            *kind != NameKind::Demonym
                && !(abbreviation && e.feature == PlaceFeature::City && e.population < 100_000)
                && !(direction && e.feature == PlaceFeature::City)
        })
        .collect();
    let demonyms = all
        .iter()
        .copied()
        .filter(|(_, _, kind)| *kind == NameKind::Demonym);
    let only_small_towns = names
        .iter()
        .all(|(_, e, _)| e.feature == PlaceFeature::City && e.population < 100_000);
    if only_small_towns {
        let demonyms: Vec<_> = demonyms.collect();
        if !demonyms.is_empty() {
            return demonyms;
        }
    }
    names
}

/// "New York" for "New York City" is the city's own name, shortened, not a foreign or
/// historic alternate.
fn short_form(entry: &Entry, name: &str, kind: NameKind) -> NameKind {
    if kind == NameKind::Alternate && fold(&entry.name).starts_with(&fold(name)) {
        NameKind::Name
    } else {
        kind
    }
}

fn contained(entry: &Entry, containment: &Containment) -> bool {
    let country_ok = containment
        .country
        .as_ref()
        .is_none_or(|c| entry.country.as_deref() == Some(c.as_str()));
    let admin_ok = containment
        .admin1
        .as_ref()
        .is_none_or(|a| entry.admin1.as_deref() == Some(a.as_str()));
    country_ok && admin_ok
}

/// Feature priors, then population, then whether the document talks about the place's country.
/// Context only tips the balance between towns of similar size: a story about America that
/// mentions "Geneva" still means the Swiss city, not the Illinois one.
fn score(entry: &Entry, kind: NameKind, context: &Context, dominant: Option<&str>) -> f64 {
    let country = entry.country.as_deref();
    let mentioned = if context.weight(country) > 0 {
        3.0
    } else {
        0.0
    };
    let main = if country.is_some() && country == dominant {
        1.0
    } else {
        0.0
    };
    match entry.feature {
        PlaceFeature::Country => 100.0,
        PlaceFeature::Continent => 90.0,
        PlaceFeature::Landmark | PlaceFeature::Region | PlaceFeature::Water => 80.0,
        PlaceFeature::Admin1 => 60.0 + mentioned + main,
        PlaceFeature::Admin2 => 55.0 + mentioned + main,
        PlaceFeature::City => {
            let population = (entry.population as f64 + 1.0).ln();
            // A big city beats a division of the same name ("Washington", "New York"), by its
            // own name only: "Salisbury" is not Harare.
            let alternate = kind == NameKind::Alternate;
            let big = if entry.population >= 500_000 && !alternate {
                50.0
            } else {
                0.0
            };
            let weaker = if alternate { -5.0 } else { 0.0 };
            let notable = if entry.population >= 100_000 {
                2.0
            } else {
                0.0
            };
            let dateline = if country.is_some() && country == context.dateline_country.as_deref() {
                3.0
            } else {
                0.0
            };
            population + big + notable + mentioned + main + dateline + weaker
        }
    }
}

fn reason(entry: &Entry) -> String {
    match entry.feature {
        PlaceFeature::City => format!(
            "the city of {} inhabitants that fits best",
            entry.population
        ),
        PlaceFeature::Country => "a country name".to_string(),
        PlaceFeature::Admin1 => "a first-level division".to_string(),
        PlaceFeature::Admin2 => "a county (second-level division)".to_string(),
        PlaceFeature::Continent => "a continent".to_string(),
        PlaceFeature::Landmark => "a landmark or seat of government".to_string(),
        PlaceFeature::Region => "a named region".to_string(),
        PlaceFeature::Water => "a sea, gulf or strait".to_string(),
    }
}
