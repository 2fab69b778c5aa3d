//! Place-gazetteer marks for the recognizer: which tokens spell a place GeoNames knows, what
//! kind of place, and how populous. "Leeds" is a city whether it plays football today or not;
//! the model weighs that against the context.

use dateline_core::PlaceFeature;

use crate::gazetteer::{Gazetteer, NameKind};

/// Longest name looked up, in tokens.
const MAX_TOKENS: usize = 4;

/// A place name over a token: where in the name it falls and a coarse description of the
/// place (its feature class and the order of magnitude of its population).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlaceMark {
    /// 0 = begin, 1 = inside, 2 = last, 3 = unit.
    pub position: u8,
    pub feature: PlaceFeature,
    /// ⌊log10(population)⌋, 0 when unknown.
    pub magnitude: u8,
}

/// Marks the longest place names, left to right. Only names that start and end with a
/// capitalized word are looked up, and only under their own name (not GeoNames' alternates).
pub(crate) fn place_marks(words: &[String], gazetteer: &Gazetteer) -> Vec<Option<PlaceMark>> {
    let mut marks = vec![None; words.len()];
    let capitalized = |w: &String| w.chars().next().is_some_and(char::is_uppercase);
    let mut i = 0;
    while i < words.len() {
        if !capitalized(&words[i]) {
            i += 1;
            continue;
        }
        let longest = (1..=MAX_TOKENS.min(words.len() - i)).rev().find_map(|n| {
            if !capitalized(&words[i + n - 1]) {
                return None;
            }
            best_place(&words[i..i + n].join(" "), gazetteer).map(|place| (n, place))
        });
        let Some((n, (feature, magnitude))) = longest else {
            i += 1;
            continue;
        };
        for k in 0..n {
            let position = match (k == 0, k + 1 == n) {
                (true, true) => 3,
                (true, false) => 0,
                (false, true) => 2,
                (false, false) => 1,
            };
            marks[i + k] = Some(PlaceMark {
                position,
                feature,
                magnitude,
            });
        }
        i += n;
    }
    marks
}

/// The place named exactly `name` that a reader would think of first: a country, continent,
/// division, region, water or landmark before a town (divisions carry no population, and a
/// village of 900 called "Texas" must not hide the state), then the most populous.
fn best_place(name: &str, gazetteer: &Gazetteer) -> Option<(PlaceFeature, u8)> {
    gazetteer
        .lookup(name)
        .into_iter()
        .filter(|&(_, kind)| kind == NameKind::Name)
        .filter_map(|(id, _)| gazetteer.entry(id))
        .max_by_key(|e| (e.feature != PlaceFeature::City, e.population))
        .map(|e| (e.feature, magnitude(e.population)))
}

fn magnitude(population: u64) -> u8 {
    let mut m = 0;
    let mut p = population;
    while p >= 10 {
        p /= 10;
        m += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn marks_the_longest_capitalized_place_names() {
        let gazetteer = Gazetteer::bundled().expect("bundled gazetteer");
        let text = "Rallies in New York , Chicago and Texas on Sunday .";
        let marks = place_marks(&words(text), gazetteer);
        let seen: Vec<Option<(u8, PlaceFeature)>> = marks
            .iter()
            .map(|m| m.map(|m| (m.position, m.feature)))
            .collect();
        assert_eq!(seen[0], None);
        // A division's name goes before a town's.
        assert_eq!(seen[2], Some((0, PlaceFeature::Admin1)));
        assert_eq!(seen[3], Some((2, PlaceFeature::Admin1)));
        assert_eq!(seen[5], Some((3, PlaceFeature::City)));
        assert_eq!(seen[7], Some((3, PlaceFeature::Admin1)));
        assert_eq!(seen[9], None, "a weekday is no place");
        assert!(
            marks[5].is_some_and(|m| m.magnitude >= 6),
            "Chicago has millions"
        );
    }

    #[test]
    fn lowercase_words_are_never_places() {
        let gazetteer = Gazetteer::bundled().expect("bundled gazetteer");
        let marks = place_marks(&words("she was reading in nice weather"), gazetteer);
        assert!(marks.iter().all(Option::is_none));
    }

    #[test]
    fn magnitudes_are_orders_of_ten() {
        assert_eq!(magnitude(0), 0);
        assert_eq!(magnitude(9), 0);
        assert_eq!(magnitude(15_000), 4);
        assert_eq!(magnitude(8_000_000), 6);
    }
}
