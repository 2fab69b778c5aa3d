//! The places stage: toponyms recognized ([`mentions`]) and resolved against the gazetteer
//! ([`resolve`]), one sense per document.
//!
//! Reads tokens, tags, names, entities and the dateline; writes `places`.

mod mentions;
mod resolve;

use std::collections::HashMap;

use dateline_core::{ByteSpan, Doc, Place, PlaceFeature};

use crate::gazetteer::{fold, Gazetteer};
use mentions::{span_of, token_range, Toponym};
use resolve::{choose, containment_named, Containment, Context};

/// Finds the toponyms of `doc` and resolves each to a place.
pub fn extract(doc: &mut Doc, gazetteer: &Gazetteer) {
    let toponyms = mentions::find(doc, gazetteer);
    let places = resolve_toponyms(doc, gazetteer, &toponyms);
    doc.annotations_mut().places = places.into_iter().flatten().collect();
}

/// Resolves given spans (gold toponyms, for evaluation) in the context of `doc`, which must have
/// run through the pipeline. `None` where the gazetteer has no such name.
pub fn resolve_spans(doc: &Doc, gazetteer: &Gazetteer, spans: &[ByteSpan]) -> Vec<Option<Place>> {
    let toponyms: Vec<Toponym> = spans
        .iter()
        .map(|&span| {
            let tokens = token_range(doc, span);
            Toponym {
                tokens,
                span,
                source: "given span",
            }
        })
        .collect();
    resolve_toponyms(doc, gazetteer, &toponyms)
}

/// Last words of a local place: a street, a building, a neighbourhood. GeoNames' towns do not
/// hold them, but the article's own town does.
const LOCAL_PLACE_WORDS: &[&str] = &[
    "street",
    "st",
    "st.",
    "road",
    "rd",
    "rd.",
    "avenue",
    "ave",
    "ave.",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "way",
    "square",
    "plaza",
    "park",
    "church",
    "cathedral",
    "chapel",
    "mosque",
    "temple",
    "synagogue",
    "hospital",
    "school",
    "library",
    "museum",
    "inn",
    "hotel",
    "bridge",
    "canal",
    "plantation",
    "railroad",
    "railway",
    "station",
    "market",
    "mall",
    "stadium",
    "arena",
    "quarter",
    "neighborhood",
    "neighbourhood",
    "building",
    "tower",
    "hall",
    "house",
    "center",
    "centre",
    "cemetery",
    "pier",
    "courthouse",
    "campus",
    "theater",
    "theatre",
];

/// A toponym the gazetteer cannot resolve but written as a local place ("Frenchmen Street",
/// "Holy Redeemer Church") lies in the town the article is about: the town resolved most often
/// in it, at least twice. It becomes a landmark at that town's point, with no GeoNames id of
/// its own, and says so.
fn place_local_names_in_main_town(doc: &Doc, toponyms: &[Toponym], places: &mut [Option<Place>]) {
    let mut counts: Vec<(u64, usize, &Place)> = Vec::new(); // (geonameid, mentions, first)
    for place in places.iter().flatten() {
        let Some(id) = place
            .geonameid
            .filter(|_| place.feature == PlaceFeature::City)
        else {
            continue;
        };
        match counts.iter_mut().find(|(g, _, _)| *g == id) {
            Some(entry) => entry.1 += 1,
            None => counts.push((id, 1, place)),
        }
    }
    // Most mentions; on a tie, the town named first.
    let mut focus: Option<(usize, &Place)> = None;
    for &(_, n, place) in &counts {
        if n >= 2 && focus.is_none_or(|(best, _)| n > best) {
            focus = Some((n, place));
        }
    }
    let Some((mentions, town)) = focus else {
        return;
    };
    let town = town.clone();
    for (toponym, slot) in toponyms.iter().zip(places.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let text = doc.slice(toponym.span);
        let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
        if text.split_whitespace().count() < 2 || !LOCAL_PLACE_WORDS.contains(&last.as_str()) {
            continue;
        }
        *slot = Some(Place {
            span: toponym.span,
            tokens: toponym.tokens.start as u32..toponym.tokens.end as u32,
            name: text.to_string(),
            country: town.country.clone(),
            admin1: town.admin1.clone(),
            feature: PlaceFeature::Landmark,
            coordinates: town.coordinates,
            geonameid: None,
            why: format!(
                "{}; a local place the gazetteer does not know, put at the article's main town \
                 ({}, resolved {mentions} times)",
                toponym.source, town.name
            ),
        });
    }
}

fn resolve_toponyms(doc: &Doc, gazetteer: &Gazetteer, toponyms: &[Toponym]) -> Vec<Option<Place>> {
    let context = Context::of(doc, gazetteer, toponyms);
    let mut resolved: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::with_capacity(toponyms.len());
    for (k, toponym) in toponyms.iter().enumerate() {
        let text = doc.slice(toponym.span);
        let containment = containment_after(doc, gazetteer, toponyms, k);
        let Some(choice) = choose(gazetteer, text, &context, &containment, &resolved) else {
            out.push(None);
            continue;
        };
        resolved.entry(fold(text)).or_insert(choice.id);
        let entry = choice.entry;
        let admin1 = match (&entry.country, &entry.admin1) {
            (Some(country), Some(code)) if entry.feature != PlaceFeature::Admin1 => {
                gazetteer.admin1_name(country, code).map(str::to_string)
            }
            (_, _) if entry.feature == PlaceFeature::Admin1 => Some(entry.name.clone()),
            _ => None,
        };
        out.push(Some(Place {
            span: toponym.span,
            tokens: toponym.tokens.start as u32..toponym.tokens.end as u32,
            name: entry.name.clone(),
            country: entry.country.as_deref().map(str::to_string),
            admin1,
            feature: entry.feature,
            coordinates: entry.coordinates,
            geonameid: entry.geonameid,
            why: format!("{}; {}", toponym.source, choice.why),
        }));
    }
    place_local_names_in_main_town(doc, toponyms, &mut out);
    out
}

/// "Paris, Texas", "Kramatorsk, Donetsk Oblast", "Geneva, Switzerland": the toponym right after
/// a comma holds this one to its country or division; so does a division's abbreviation as
/// written ("Baltimore, Md."), which is no toponym on its own.
fn containment_after(
    doc: &Doc,
    gazetteer: &Gazetteer,
    toponyms: &[Toponym],
    k: usize,
) -> Containment {
    let comma = toponyms[k].tokens.end;
    let tokens = &doc.annotations().tokens;
    if comma + 1 >= tokens.len() || doc.slice(span_of(doc, &(comma..comma + 1))) != "," {
        return Containment::default();
    }
    match toponyms.get(k + 1) {
        Some(next) if next.tokens.start == comma + 1 => {
            containment_named(gazetteer, doc.slice(next.span))
        }
        _ => {
            // At a sentence's end the tokenizer may split the abbreviation's period off.
            let word = tokens[comma + 1].span;
            let with_period = tokens
                .get(comma + 2)
                .filter(|t| t.span.start == word.end && doc.slice(t.span) == ".")
                .map_or(word, |t| ByteSpan {
                    start: word.start,
                    end: t.span.end,
                });
            [word, with_period]
                .into_iter()
                .map(|span| doc.slice(span))
                .find(|text| gazetteer.division_written(text).is_some())
                .map_or_else(Containment::default, |text| {
                    containment_named(gazetteer, text)
                })
        }
    }
}
