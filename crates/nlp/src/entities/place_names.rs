//! The country of a name the KB does not know, from the places in it: "Mariupol" (a town of
//! Ukraine), "Kano State government", "Oxford University", "Santa Marta Self Defense Forces".
//!
//! The gazetteer is a resource shared with the places stage, as the KB is; this module reads
//! only names and populations, never the places stage's choices, so the data still flows one
//! way. Without the text's context it takes the most populous place of a name, and only places
//! big enough for that to be a safe bet.

use std::sync::Arc;

use dateline_core::PlaceFeature;

use crate::gazetteer::{Gazetteer, NameKind};

/// A town this big or bigger is what its bare name means in news; smaller ones share names
/// with words and with each other too often ("Union", "Independence", "Harvard").
const MIN_POPULATION: u64 = 15_000;
/// A town's alternate (historic or foreign) name counts only for a big city ("Madras").
const MIN_POPULATION_ALTERNATE: u64 = 500_000;
/// Longest run of words tried as one place name.
const MAX_WORDS: usize = 3;

/// Words of organization names that are also town names somewhere; never read as a place.
const NOT_PLACES: [&str; 48] = [
    "union",
    "alliance",
    "coalition",
    "congress",
    "assembly",
    "federation",
    "association",
    "foundation",
    "agency",
    "national",
    "international",
    "federal",
    "central",
    "united",
    "royal",
    "high",
    "supreme",
    "court",
    "state",
    "university",
    "college",
    "institute",
    "party",
    "front",
    "council",
    "bank",
    "group",
    "army",
    "police",
    "service",
    "league",
    "society",
    "news",
    "times",
    "post",
    "independence",
    "liberty",
    "victoria",
    "progress",
    "justice",
    "unity",
    "freedom",
    "hope",
    "new",
    "north",
    "south",
    "east",
    "west",
];

/// What a name says about where its bearer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceCountry {
    /// ISO3 of the country.
    pub country: String,
    /// The place name found.
    pub place: String,
    /// The whole name is a town (not a first-level division or a part of a longer name).
    pub is_town: bool,
}

/// The country of the first country, division or town named in `words` (the name's words in order):
/// the whole name first, then runs of up to three capitalized words, longest and leftmost first.
pub(crate) fn country_in_name(gazetteer: &Gazetteer, words: &[&str]) -> Option<PlaceCountry> {
    let n = words.len();
    let mut lengths = vec![n];
    lengths.extend((1..=MAX_WORDS.min(n.saturating_sub(1))).rev());
    for len in lengths {
        for start in 0..=n - len {
            let run = &words[start..start + len];
            if !run.iter().all(|w| is_capitalized(w)) {
                continue;
            }
            if len == 1 && NOT_PLACES.contains(&run[0].to_lowercase().as_str()) {
                continue;
            }
            let name = run.join(" ");
            if let Some((country, feature)) = best_place(gazetteer, &name) {
                return Some(PlaceCountry {
                    country: country.to_string(),
                    place: name,
                    is_town: len == n && feature == PlaceFeature::City,
                });
            }
        }
    }
    None
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The most populous town or first-level division of that name, when it is big enough.
fn best_place(gazetteer: &Gazetteer, name: &str) -> Option<(Arc<str>, PlaceFeature)> {
    let mut best: Option<(u64, Arc<str>, PlaceFeature)> = None;
    for (id, kind) in gazetteer.lookup(name) {
        let Some(entry) = gazetteer.entry(id) else {
            continue;
        };
        let Some(country) = entry.country.clone() else {
            continue;
        };
        let big_enough = match (entry.feature, kind) {
            (
                PlaceFeature::Country | PlaceFeature::Admin1 | PlaceFeature::Admin2,
                NameKind::Name,
            ) => true,
            (PlaceFeature::City, NameKind::Name) => entry.population >= MIN_POPULATION,
            (PlaceFeature::City, NameKind::Alternate) => {
                entry.population >= MIN_POPULATION_ALTERNATE
            }
            _ => false,
        };
        if !big_enough {
            continue;
        }
        // A country outranks divisions and towns of its name ("Montenegro", not the Brazilian
        // town), a division outranks towns ("Kano" the state over the city: the same country
        // either way); otherwise the bigger town.
        let rank = match entry.feature {
            PlaceFeature::Country => u64::MAX,
            PlaceFeature::Admin1 => u64::MAX - 1,
            PlaceFeature::Admin2 => u64::MAX - 2,
            _ => entry.population,
        };
        if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
            best = Some((rank, country, entry.feature));
        }
    }
    best.map(|(_, country, feature)| (country, feature))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(words: &str) -> Option<(String, bool)> {
        let gazetteer = Gazetteer::bundled().unwrap();
        let words: Vec<&str> = words.split_whitespace().collect();
        country_in_name(gazetteer, &words).map(|p| (p.country, p.is_town))
    }

    #[test]
    fn towns_divisions_and_names_with_places_in_them() {
        assert_eq!(country("Mariupol"), Some(("UKR".into(), true)));
        assert_eq!(
            country("Montenegro Municipality Association").map(|c| c.0),
            Some("MNE".into())
        );
        assert_eq!(
            country("Kano State government").map(|c| c.0),
            Some("NGA".into())
        );
        assert_eq!(
            country("Oxford University").map(|c| c.0),
            Some("GBR".into())
        );
        assert_eq!(
            country("Santa Marta Self Defense Forces").map(|c| c.0),
            Some("COL".into())
        );
    }

    #[test]
    fn common_words_and_small_towns_are_not_places() {
        assert_eq!(country("National Union of Journalists"), None);
        assert_eq!(country("Supreme Court"), None);
        assert_eq!(country("the group"), None);
        // Alliance, Ohio and Congress, Arizona are towns; in a name they are its kind.
        assert_eq!(country("Rural Health Services Alliance"), None);
        assert_eq!(country("Farmers Congress"), None);
    }
}
