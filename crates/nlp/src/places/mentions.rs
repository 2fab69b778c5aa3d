//! Toponym recognition: which spans of the text name places.

use std::ops::Range;

use dateline_core::{ByteSpan, Doc, EntityType, MentionKind, PlaceFeature};

use crate::gazetteer::{Gazetteer, NameKind};

/// A span that names a place, and where the reading came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Toponym {
    pub tokens: Range<usize>,
    pub span: ByteSpan,
    pub source: &'static str,
}

/// Toponyms in text order, never overlapping: place entities (GPE, LOC) by their name
/// mentions, the recognizer's LOC names, organization names that are landmarks ("the White
/// House"), and capitalized proper-noun runs the gazetteer knows that no other name covers.
pub(crate) fn find(doc: &Doc, gazetteer: &Gazetteer) -> Vec<Toponym> {
    let annotations = doc.annotations();
    let mut found: Vec<Toponym> = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for entity in &annotations.entities {
        let place_type = matches!(entity.entity_type, EntityType::Gpe | EntityType::Loc);
        for mention in entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            let tokens = token_range(doc, mention.span);
            if tokens.is_empty() {
                continue;
            }
            taken.push(tokens.clone());
            let text = doc.slice(mention.span);
            let landmark = !place_type && is_landmark(gazetteer, text);
            if place_type || landmark {
                let source = if landmark {
                    "landmark name"
                } else {
                    "place entity"
                };
                found.push(Toponym {
                    span: mention.span,
                    tokens,
                    source,
                });
            }
        }
    }
    for name in &annotations.names {
        let tokens = name.tokens.start as usize..name.tokens.end as usize;
        if overlaps_any(&taken, &tokens) {
            continue;
        }
        taken.push(tokens.clone());
        if name.class == "LOC" {
            found.push(Toponym {
                span: name.span,
                tokens,
                source: "recognizer LOC name",
            });
        }
    }
    found.extend(gazetteer_runs(doc, gazetteer, &taken));
    found.sort_by_key(|t| t.tokens.start);
    found.dedup_by(|b, a| overlaps(&a.tokens, &b.tokens));
    found
}

fn is_landmark(gazetteer: &Gazetteer, text: &str) -> bool {
    gazetteer.lookup(text).iter().any(|(id, kind)| {
        *kind == NameKind::Name
            && gazetteer
                .entry(*id)
                .is_some_and(|e| e.feature == PlaceFeature::Landmark)
    })
}

/// Runs of capitalized proper nouns (up to three) that the gazetteer knows as a country,
/// division, region or a city of 15,000 or more, where no name was recognized.
fn gazetteer_runs(doc: &Doc, gazetteer: &Gazetteer, taken: &[Range<usize>]) -> Vec<Toponym> {
    let annotations = doc.annotations();
    let mut out = Vec::new();
    for sentence in &annotations.sentences {
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        let mut i = range.start;
        while i < range.end {
            let mut best = None;
            for len in (1..=3).rev() {
                let tokens = i..(i + len).min(range.end);
                if tokens.len() != len || overlaps_any(taken, &tokens) {
                    continue;
                }
                if !tokens.clone().all(|t| proper(doc, t)) {
                    continue;
                }
                let span = span_of(doc, &tokens);
                if known_place(gazetteer, doc.slice(span)) {
                    best = Some(Toponym {
                        tokens,
                        span,
                        source: "gazetteer name",
                    });
                    break;
                }
            }
            match best {
                Some(toponym) => {
                    i = toponym.tokens.end;
                    out.push(toponym);
                }
                None => i += 1,
            }
        }
    }
    out
}

fn proper(doc: &Doc, token: usize) -> bool {
    let annotations = doc.annotations();
    let tagged = annotations
        .pos
        .get(token)
        .is_some_and(|p| p.upos == "PROPN");
    let capitalized = annotations
        .tokens
        .get(token)
        .is_some_and(|t| doc.slice(t.span).starts_with(|c: char| c.is_uppercase()));
    tagged && capitalized
}

fn known_place(gazetteer: &Gazetteer, text: &str) -> bool {
    gazetteer.lookup(text).iter().any(|(id, kind)| {
        *kind == NameKind::Name
            && gazetteer.entry(*id).is_some_and(|e| match e.feature {
                PlaceFeature::City => e.population >= 15_000,
                _ => true,
            })
    })
}

/// The tokens a byte span covers.
pub(crate) fn token_range(doc: &Doc, span: ByteSpan) -> Range<usize> {
    let tokens = &doc.annotations().tokens;
    let start = tokens.partition_point(|t| t.span.end <= span.start);
    let end = tokens.partition_point(|t| t.span.start < span.end);
    start..end.max(start)
}

/// The bytes from the first token to the last.
pub(crate) fn span_of(doc: &Doc, tokens: &Range<usize>) -> ByteSpan {
    crate::syntax::tokens_span(doc, tokens)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn overlaps_any(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    ranges.iter().any(|r| overlaps(r, range))
}
