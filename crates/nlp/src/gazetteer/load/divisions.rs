//! First-level divisions and counties: `admin1.tsv` and `counties.tsv` (one format), the points
//! `division-centres.tsv` gives large divisions, and the UK nations' adjectives.

use std::collections::HashMap;
use std::sync::Arc;

use dateline_core::{Coordinates, PlaceFeature};

use super::{degrees, error, optional, rows};
use crate::gazetteer::{Entry, Gazetteer, GazetteerError, NameKind};

pub(super) const ADMIN1_FILE: &str = "data/gazetteer/admin1.tsv";
pub(super) const CENTRES_FILE: &str = "data/gazetteer/division-centres.tsv";

/// Points given for large divisions (`division-centres.tsv`), by (country, name), with the line
/// that gives each. Loading a division takes its point out of the map.
pub(super) type GivenCentres = HashMap<(String, String), (usize, Coordinates)>;

pub(super) fn given_centres(text: &str) -> Result<GivenCentres, GazetteerError> {
    let mut out = GivenCentres::new();
    for (line, f) in rows(CENTRES_FILE, text, &["country", "name", "lat", "lon"])? {
        let point = degrees(CENTRES_FILE, line, f[2], f[3])?
            .ok_or_else(|| error(CENTRES_FILE, line, "no coordinates".into()))?;
        let key = (f[0].trim().to_string(), f[1].trim().to_string());
        if out.insert(key, (line, point)).is_some() {
            return Err(error(
                CENTRES_FILE,
                line,
                "a second point for one division".into(),
            ));
        }
    }
    Ok(out)
}
pub(super) const COUNTIES_FILE: &str = "data/gazetteer/counties.tsv";

/// First-level divisions (`admin1.tsv`) or counties (`counties.tsv`, the same format). A
/// county takes its seat's division code and point and never names a code.
pub(super) fn load_divisions(
    gazetteer: &mut Gazetteer,
    file: &'static str,
    text: &str,
    feature: PlaceFeature,
    centres: &HashMap<(String, String), Coordinates>,
    given: &mut GivenCentres,
) -> Result<(), GazetteerError> {
    for (line, f) in rows(
        file,
        text,
        &["country", "name", "variants", "kind", "capital"],
    )? {
        let country = f[0].trim();
        if country.len() != 3 {
            return Err(error(file, line, format!("bad country code {country:?}")));
        }
        // A division shares its capital's GeoNames admin1 code and sits in the middle of the
        // towns with that code. The first line with a code names it; a later line with the
        // same code is a unit inside it (an English county, a Philippine province) and sits
        // at its own capital instead.
        // "Springfield@IL": the capital of that name in the division with GeoNames admin1 code
        // IL, where a bigger namesake elsewhere in the country would take the bare name.
        let (capital_name, given_code) = match f[4].trim().split_once('@') {
            Some((name, code)) => (optional(name), optional(code)),
            None => (optional(f[4]), None),
        };
        let capital = capital_name.and_then(|c| match &given_code {
            Some(code) => gazetteer.city_in_division(&c, country, code).cloned(),
            None => gazetteer.city_in(&c, country).cloned(),
        });
        let code = capital
            .as_ref()
            .and_then(|c| c.admin1.clone())
            .or_else(|| given_code.map(|c| Arc::from(c.as_str())));
        let names_code = feature == PlaceFeature::Admin1
            && code.as_ref().is_some_and(|code| {
                let named = gazetteer
                    .admin1_names
                    .entry((country.to_string(), code.to_string()))
                    .or_insert_with(|| f[1].to_string());
                named == f[1]
            });
        let centre = code.as_ref().filter(|_| names_code).and_then(|code| {
            centres
                .get(&(country.to_string(), code.to_string()))
                .copied()
        });
        // A point written for the division wins: the middle of its towns is far from the
        // middle of a large division whose people live at one end (British Columbia).
        let written = given
            .remove(&(country.to_string(), f[1].trim().to_string()))
            .map(|(_, point)| point);
        let coordinates = written
            .or(centre)
            .or_else(|| capital.and_then(|c| c.coordinates));
        let entry = Entry {
            name: f[1].to_string(),
            country: Some(Arc::from(country)),
            admin1: code,
            feature,
            coordinates,
            population: 0,
            geonameid: None,
        };
        // "=Md.": a form that names the division only as written, after a town ("Baltimore,
        // Md."), since folded it is another word ("MD").
        let (exact, folded): (Vec<&str>, Vec<&str>) = f[2]
            .split('|')
            .filter(|n| !n.is_empty())
            .partition(|n| n.starts_with('='));
        let demonym = NATION_DEMONYMS
            .iter()
            .find(|(nation, nation_name, _)| *nation == country && *nation_name == f[1])
            .map(|(_, _, demonym)| (demonym.to_string(), NameKind::Demonym));
        let names = std::iter::once(f[1])
            .chain(folded)
            .map(|n| (n.to_string(), NameKind::Name))
            .chain(demonym);
        let id = gazetteer.add(entry, names);
        for form in exact {
            gazetteer
                .exact_divisions
                .insert(form.trim_start_matches('=').to_string(), id);
        }
    }
    Ok(())
}

/// The adjectives of the United Kingdom's four countries, which are divisions here and have
/// no entry in the KB's country list: "English", "Scottish", "Welsh", "Northern Irish". Like a
/// country's demonym, a place only where a reader asks for those.
const NATION_DEMONYMS: [(&str, &str, &str); 4] = [
    ("GBR", "England", "English"),
    ("GBR", "Scotland", "Scottish"),
    ("GBR", "Wales", "Welsh"),
    ("GBR", "Northern Ireland", "Northern Irish"),
];

/// The middle of the area a division's towns cover (their latitude and longitude ranges, the
/// extreme 2% on each side left out so a mis-coded town does not stretch it): close to the
/// point GeoNames gives a division, and far better than its capital for a large one.
pub(super) fn division_centres(gazetteer: &Gazetteer) -> HashMap<(String, String), Coordinates> {
    // (country, admin1 code) → the latitudes and longitudes of its towns.
    type Towns<'a> = HashMap<(&'a str, &'a str), (Vec<i32>, Vec<i32>)>;
    let mut towns: Towns = HashMap::new();
    for entry in &gazetteer.entries {
        if let (PlaceFeature::City, Some(country), Some(code), Some(point)) = (
            entry.feature,
            &entry.country,
            &entry.admin1,
            entry.coordinates,
        ) {
            let (lats, lons) = towns.entry((&**country, &**code)).or_default();
            lats.push(point.lat_e5);
            lons.push(point.lon_e5);
        }
    }
    towns
        .into_iter()
        .map(|(key, (mut lats, mut lons))| {
            lats.sort_unstable();
            lons.sort_unstable();
            let middle = |values: &[i32]| {
                let cut = values.len() / 50;
                let low = values[cut];
                let high = values[values.len() - 1 - cut];
                ((i64::from(low) + i64::from(high)) / 2) as i32
            };
            let centre = Coordinates {
                lat_e5: middle(&lats),
                lon_e5: middle(&lons),
            };
            ((key.0.to_string(), key.1.to_string()), centre)
        })
        .collect()
}
