//! Reading the gazetteer files. Every malformed line is refused with `FILE:LINE: message`.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::Arc;

use dateline_core::{Coordinates, PlaceFeature};

use super::{Entry, Gazetteer, GazetteerError, NameKind};
use crate::kb::Kb;

mod divisions;

use divisions::{
    division_centres, given_centres, load_divisions, ADMIN1_FILE, CENTRES_FILE, COUNTIES_FILE,
};

/// The gazetteer's source files.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    /// `cities.tsv.gz`, gzip-compressed.
    pub cities_gz: &'a [u8],
    /// `countries.tsv`.
    pub countries: &'a str,
    /// `country-points.tsv`.
    pub country_points: &'a str,
    /// `admin1.tsv`.
    pub admin1: &'a str,
    /// `counties.tsv`: second-level divisions, in admin1.tsv's format.
    pub counties: &'a str,
    /// `division-centres.tsv`: points for large divisions, by country and name.
    pub division_centres: &'a str,
    /// `landmarks.tsv`.
    pub landmarks: &'a str,
    /// `continents.tsv`.
    pub continents: &'a str,
}

/// The files compiled into the binary.
pub(super) const BUNDLED: Files<'static> = Files {
    cities_gz: include_bytes!("../../../../data/gazetteer/cities.tsv.gz"),
    countries: include_str!("../../../../data/gazetteer/countries.tsv"),
    country_points: include_str!("../../../../data/gazetteer/country-points.tsv"),
    admin1: include_str!("../../../../data/gazetteer/admin1.tsv"),
    counties: include_str!("../../../../data/gazetteer/counties.tsv"),
    division_centres: include_str!("../../../../data/gazetteer/division-centres.tsv"),
    landmarks: include_str!("../../../../data/gazetteer/landmarks.tsv"),
    continents: include_str!("../../../../data/gazetteer/continents.tsv"),
};

/// A TSV file's data rows: (line number, fields), after its header, with the header checked
/// (the lexicons' reader, its errors as the gazetteer's).
fn rows<'a>(
    file: &'static str,
    text: &'a str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'a str>)>, GazetteerError> {
    crate::tsv::rows(file, text, header).map_err(|e| error(e.file, e.line, e.message))
}

fn error(file: &str, line: usize, message: String) -> GazetteerError {
    GazetteerError::Line {
        file: file.to_string(),
        line,
        message,
    }
}

fn optional(field: &str) -> Option<String> {
    let field = field.trim();
    (!field.is_empty()).then(|| field.to_string())
}

fn degrees(
    file: &'static str,
    line: usize,
    lat: &str,
    lon: &str,
) -> Result<Option<Coordinates>, GazetteerError> {
    if lat.trim().is_empty() && lon.trim().is_empty() {
        return Ok(None);
    }
    let parse = |text: &str, limit: f64| {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.abs() <= limit)
            .ok_or_else(|| error(file, line, format!("bad coordinate {text:?}")))
    };
    Ok(Some(Coordinates::from_degrees(
        parse(lat, 90.0)?,
        parse(lon, 180.0)?,
    )))
}

/// Builds the gazetteer: cities first (their ids are the row order), then countries, divisions,
/// landmarks and continents, which find their coordinates through the cities where needed.
pub(super) fn build(files: &Files<'_>, kb: &Kb) -> Result<Gazetteer, GazetteerError> {
    let mut gazetteer = Gazetteer::default();
    let cities_text = decompress(files.cities_gz)?;
    load_cities(&mut gazetteer, &cities_text)?;
    // Countries, divisions and landmarks look their towns up while loading.
    gazetteer.sort_index();
    load_countries(&mut gazetteer, files, kb)?;
    let centres = division_centres(&gazetteer);
    let mut given = given_centres(files.division_centres)?;
    load_divisions(
        &mut gazetteer,
        ADMIN1_FILE,
        files.admin1,
        PlaceFeature::Admin1,
        &centres,
        &mut given,
    )?;
    load_divisions(
        &mut gazetteer,
        COUNTIES_FILE,
        files.counties,
        PlaceFeature::Admin2,
        &centres,
        &mut given,
    )?;
    // Every given point must have found its division: a misspelt name would be lost silently.
    if let Some(((country, name), (line, _))) = given.iter().min_by_key(|(_, (line, _))| *line) {
        return Err(error(
            CENTRES_FILE,
            *line,
            format!("no division {name:?} of {country} in admin1.tsv or counties.tsv"),
        ));
    }
    load_landmarks(&mut gazetteer, files.landmarks)?;
    load_continents(&mut gazetteer, files.continents)?;
    gazetteer.sort_index();
    Ok(gazetteer)
}

fn decompress(bytes: &[u8]) -> Result<String, GazetteerError> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| GazetteerError::File {
            file: "data/gazetteer/cities.tsv.gz".to_string(),
            message: e.to_string(),
        })?;
    Ok(text)
}

impl Gazetteer {
    fn add<S: AsRef<str>>(
        &mut self,
        entry: Entry,
        names: impl IntoIterator<Item = (S, NameKind)>,
    ) -> u32 {
        let id = self.entries.len() as u32;
        self.entries.push(entry);
        let mut key = String::new();
        for (name, kind) in names {
            super::fold::fold_into(name.as_ref(), &mut key);
            if !key.is_empty() {
                self.index.push((super::name_hash(&key), id, kind));
            }
        }
        id
    }

    /// The most populous city called `name` in the division `code` of `country`.
    fn city_in_division(&self, name: &str, country: &str, code: &str) -> Option<&Entry> {
        self.lookup(name)
            .into_iter()
            .filter_map(|(id, _)| self.entry(id))
            .filter(|e| {
                e.feature == PlaceFeature::City
                    && e.country.as_deref() == Some(country)
                    && e.admin1.as_deref() == Some(code)
            })
            .max_by_key(|e| e.population)
    }

    /// The most populous city called `name` in `country`.
    fn city_in(&self, name: &str, country: &str) -> Option<&Entry> {
        self.lookup(name)
            .into_iter()
            .filter_map(|(id, _)| self.entry(id))
            .filter(|e| e.feature == PlaceFeature::City && e.country.as_deref() == Some(country))
            .max_by_key(|e| e.population)
    }
}

const CITIES: &str = "data/gazetteer/cities.tsv.gz";

/// Reads the towns in two halves on two threads (the file is a quarter of a million lines),
/// then joins them in file order.
fn load_cities(gazetteer: &mut Gazetteer, text: &str) -> Result<(), GazetteerError> {
    let header = "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\n";
    let Some(at) = text.find(header) else {
        return Err(error(
            CITIES,
            1,
            format!("expected the header {:?}", header.trim_end()),
        ));
    };
    let body_start = at + header.len();
    let body = &text[body_start..];
    let first_line = text[..body_start].matches('\n').count() + 1;
    let split = body[body.len() / 2..]
        .find('\n')
        .map_or(body.len(), |i| body.len() / 2 + i + 1);
    let (front, back) = body.split_at(split);
    let back_line = first_line + front.matches('\n').count();
    let (front, back) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| city_lines(back, back_line));
        let front = city_lines(front, first_line);
        let back = worker
            .join()
            .unwrap_or_else(|_| Err(error(CITIES, back_line, "the reading thread failed".into())));
        (front, back)
    });
    for (entries, index) in [front?, back?] {
        let offset = gazetteer.entries.len() as u32;
        gazetteer.entries.extend(entries);
        gazetteer.index.extend(
            index
                .into_iter()
                .map(|(hash, id, kind)| (hash, id + offset, kind)),
        );
    }
    Ok(())
}

type Part = (Vec<Entry>, Vec<(u64, u32, NameKind)>);

/// Towns from consecutive lines of `cities.tsv.gz`; `first_line` numbers the first one.
fn city_lines<'a>(text: &'a str, first_line: usize) -> Result<Part, GazetteerError> {
    let mut part = Gazetteer::default();
    let mut shared: HashMap<&'a str, Arc<str>> = HashMap::new();
    let mut share = |text: &'a str| -> Option<Arc<str>> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Some(found) = shared.get(text) {
            return Some(Arc::clone(found));
        }
        let value: Arc<str> = Arc::from(text);
        shared.insert(text, Arc::clone(&value));
        Some(value)
    };
    part.entries.reserve(text.len() / 100);
    part.index.reserve(text.len() / 45);
    for (number, line) in text.lines().enumerate() {
        let line_number = first_line + number;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let mut f = [""; 8];
        for slot in &mut f {
            *slot = fields
                .next()
                .ok_or_else(|| error(CITIES, line_number, "too few fields".into()))?;
        }
        if fields.next().is_some() {
            return Err(error(CITIES, line_number, "too many fields".into()));
        }
        let number = |text: &str, what: &str| {
            text.parse::<u64>()
                .map_err(|_| error(CITIES, line_number, format!("bad {what} {text:?}")))
        };
        let entry = Entry {
            name: f[1].to_string(),
            country: share(f[2]),
            admin1: share(f[3]),
            feature: PlaceFeature::City,
            coordinates: degrees(CITIES, line_number, f[4], f[5])?,
            population: number(f[6], "population")?,
            geonameid: Some(number(f[0], "geonameid")?),
        };
        let names = std::iter::once((f[1], NameKind::Name)).chain(
            f[7].split('|')
                .filter(|n| !n.is_empty())
                .map(|n| (n, NameKind::Alternate)),
        );
        part.add(entry, names);
    }
    Ok((part.entries, part.index))
}

fn load_countries(
    gazetteer: &mut Gazetteer,
    files: &Files<'_>,
    kb: &Kb,
) -> Result<(), GazetteerError> {
    const COUNTRIES: &str = "data/gazetteer/countries.tsv";
    const POINTS: &str = "data/gazetteer/country-points.tsv";
    let mut geonames: HashMap<&str, (u64, u64)> = HashMap::new();
    let header = [
        "country",
        "geonameid",
        "name",
        "capital",
        "population",
        "continent",
    ];
    for (line, f) in rows(COUNTRIES, files.countries, &header)? {
        let id = f[1]
            .parse()
            .map_err(|_| error(COUNTRIES, line, "bad geonameid".into()))?;
        let population = f[4].parse().unwrap_or(0);
        geonames.insert(f[0], (id, population));
    }
    let mut points: HashMap<&str, Coordinates> = HashMap::new();
    for (line, f) in rows(
        POINTS,
        files.country_points,
        &["country", "lat", "lon", "source"],
    )? {
        if let Some(point) = degrees(POINTS, line, f[1], f[2])? {
            points.insert(f[0], point);
        }
    }
    for country in &kb.countries {
        let iso3 = country.iso3.as_str();
        // Without a point of its own, a country sits at its capital.
        let capital_point = || {
            country
                .capitals
                .iter()
                .find_map(|c| gazetteer.city_in(c, iso3))
                .and_then(|city| city.coordinates)
        };
        let coordinates = points.get(iso3).copied().or_else(capital_point);
        let (geonameid, population) = geonames
            .get(iso3)
            .copied()
            .map_or((None, 0), |(id, p)| (Some(id), p));
        let entry = Entry {
            name: country.name.clone(),
            country: Some(Arc::from(iso3)),
            admin1: None,
            feature: PlaceFeature::Country,
            coordinates,
            population,
            geonameid,
        };
        let names = std::iter::once(&country.name)
            .chain(&country.variants)
            .map(|n| (n.clone(), NameKind::Name))
            .chain(
                country
                    .demonyms
                    .iter()
                    .map(|d| (d.clone(), NameKind::Demonym)),
            );
        gazetteer.add(entry, names);
    }
    Ok(())
}

fn load_landmarks(gazetteer: &mut Gazetteer, text: &str) -> Result<(), GazetteerError> {
    const FILE: &str = "data/gazetteer/landmarks.tsv";
    let header = ["name", "variants", "country", "kind", "lat", "lon", "city"];
    for (line, f) in rows(FILE, text, &header)? {
        let feature = match f[3].trim() {
            "landmark" | "government-seat" => PlaceFeature::Landmark,
            "region" | "mountains" | "island" | "valley" => PlaceFeature::Region,
            "water" => PlaceFeature::Water,
            other => return Err(error(FILE, line, format!("unknown kind {other:?}"))),
        };
        let country = optional(f[2]);
        let city_point = || {
            let city = optional(f[6])?;
            let found = match &country {
                Some(c) => gazetteer.city_in(&city, c),
                None => None,
            };
            found.and_then(|e| e.coordinates)
        };
        let coordinates = degrees(FILE, line, f[4], f[5])?.or_else(city_point);
        let entry = Entry {
            name: f[0].to_string(),
            country: country.as_deref().map(Arc::from),
            admin1: None,
            feature,
            coordinates,
            population: 0,
            geonameid: None,
        };
        let names = std::iter::once(f[0])
            .chain(f[1].split('|').filter(|n| !n.is_empty()))
            .map(|n| (n.to_string(), NameKind::Name));
        gazetteer.add(entry, names);
    }
    Ok(())
}

/// The adjectives of the continents, which English forms regularly and GeoNames does not list:
/// "European leaders", "African Union". Like a country's demonym, a place only where a reader
/// asks for those.
const CONTINENT_DEMONYMS: [(&str, &str); 6] = [
    ("Africa", "African"),
    ("Asia", "Asian"),
    ("Europe", "European"),
    ("North America", "North American"),
    ("South America", "South American"),
    ("Antarctica", "Antarctic"),
];

fn load_continents(gazetteer: &mut Gazetteer, text: &str) -> Result<(), GazetteerError> {
    const FILE: &str = "data/gazetteer/continents.tsv";
    for (line, f) in rows(FILE, text, &["code", "name", "geonameid", "lat", "lon"])? {
        let entry = Entry {
            name: f[1].to_string(),
            country: None,
            admin1: None,
            feature: PlaceFeature::Continent,
            coordinates: degrees(FILE, line, f[3], f[4])?,
            population: 0,
            geonameid: f[2].parse().ok(),
        };
        let demonym = CONTINENT_DEMONYMS
            .iter()
            .find(|(continent, _)| *continent == f[1])
            .map(|(_, demonym)| (demonym.to_string(), NameKind::Demonym));
        gazetteer.add(
            entry,
            std::iter::once((f[1].to_string(), NameKind::Name)).chain(demonym),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn gzip(text: &str) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    }

    const CITIES_HEADER: &str = "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\n";

    const DIVISIONS_HEADER: &str = "country\tname\tvariants\tkind\tcapital\n";

    fn files<'a>(cities: &'a [u8], admin1: &'a str) -> Files<'a> {
        Files {
            cities_gz: cities,
            countries: "country\tgeonameid\tname\tcapital\tpopulation\tcontinent\n",
            country_points: "country\tlat\tlon\tsource\nUKR\t49\t32\tgeonames\n",
            admin1,
            counties: DIVISIONS_HEADER,
            division_centres: "country\tname\tlat\tlon\n",
            landmarks: "name\tvariants\tcountry\tkind\tlat\tlon\tcity\n",
            continents: "code\tname\tgeonameid\tlat\tlon\n",
        }
    }

    #[test]
    fn builds_and_looks_up_folded_names() {
        let cities = gzip(&format!(
            "# test\n{CITIES_HEADER}703448\tKyiv\tUKR\t12\t50.45466\t30.52380\t2952301\tKiev|Kijev\n\
             709717\tDonetsk\tUKR\t05\t48.02300\t37.80224\t929063\t\n"
        ));
        let admin1 = "country\tname\tvariants\tkind\tcapital\nUKR\tDonetsk Oblast\tDonetsk region\toblast\tDonetsk\n";
        let kb = Kb::bundled().unwrap();
        let gazetteer = build(&files(&cities, admin1), kb).unwrap();
        let kiev = gazetteer.lookup("KIEV");
        assert_eq!(kiev.len(), 1);
        assert_eq!(kiev[0].1, NameKind::Alternate);
        let region = gazetteer.lookup("the Donetsk Region");
        let entry = gazetteer.entry(region[0].0).unwrap();
        assert_eq!(entry.feature, PlaceFeature::Admin1);
        assert_eq!(entry.admin1.as_deref(), Some("05"));
        assert_eq!(gazetteer.admin1_name("UKR", "05"), Some("Donetsk Oblast"));
        let ukraine = gazetteer.lookup("Ukrainian");
        assert!(ukraine.iter().any(|(_, kind)| *kind == NameKind::Demonym));
    }

    #[test]
    fn a_county_sits_at_its_seat_and_names_no_code() {
        let cities = gzip(&format!(
            "{CITIES_HEADER}1\tKharkiv\tUKR\t07\t50.0\t36.25\t1400000\t\n\
             2\tIzium\tUKR\t07\t49.2\t37.25\t45000\t\n"
        ));
        let admin1 = format!("{DIVISIONS_HEADER}UKR\tKharkiv Oblast\t\toblast\tKharkiv\n");
        let counties = format!("{DIVISIONS_HEADER}UKR\tIzium Raion\t\tcounty\tIzium@07\n");
        let mut files = files(&cities, &admin1);
        files.counties = &counties;
        let gazetteer = build(&files, Kb::bundled().unwrap()).unwrap();
        let raion = gazetteer.lookup("Izium Raion");
        let entry = gazetteer.entry(raion[0].0).unwrap();
        assert_eq!(entry.feature, PlaceFeature::Admin2);
        assert_eq!(entry.admin1.as_deref(), Some("07"));
        assert_eq!(
            entry.coordinates,
            Some(Coordinates::from_degrees(49.2, 37.25))
        );
        assert_eq!(gazetteer.admin1_name("UKR", "07"), Some("Kharkiv Oblast"));
    }

    #[test]
    fn a_written_centre_places_its_division_and_an_unknown_one_is_an_error() {
        let cities = gzip(&format!(
            "{CITIES_HEADER}1\tKharkiv\tUKR\t07\t50.0\t36.25\t1400000\t\n"
        ));
        let admin1 = format!("{DIVISIONS_HEADER}UKR\tKharkiv Oblast\t\toblast\tKharkiv\n");
        let centres = "country\tname\tlat\tlon\nUKR\tKharkiv Oblast\t49.6\t36.6\n";
        let mut files = files(&cities, &admin1);
        files.division_centres = centres;
        let gazetteer = build(&files, Kb::bundled().unwrap()).unwrap();
        let oblast = gazetteer.lookup("Kharkiv Oblast");
        let entry = gazetteer.entry(oblast[0].0).unwrap();
        assert_eq!(
            entry.coordinates,
            Some(Coordinates::from_degrees(49.6, 36.6))
        );
        let misspelt = "country\tname\tlat\tlon\nUKR\tKharkov Oblast\t49.6\t36.6\n";
        files.division_centres = misspelt;
        let error = build(&files, Kb::bundled().unwrap()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "data/gazetteer/division-centres.tsv:2: no division \"Kharkov Oblast\" of UKR in \
             admin1.tsv or counties.tsv"
        );
    }

    #[test]
    fn the_uk_nations_have_their_adjectives() {
        let gazetteer = Gazetteer::bundled().unwrap();
        let welsh = gazetteer.lookup("Welsh");
        let wales = welsh
            .iter()
            .find(|(_, kind)| *kind == NameKind::Demonym)
            .and_then(|(id, _)| gazetteer.entry(*id))
            .expect("Welsh names Wales");
        assert_eq!(wales.name, "Wales");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let cities = gzip(&format!("{CITIES_HEADER}1\tX\tUKR\t\tnorth\t30\t5\t\n"));
        let error = build(
            &files(&cities, "country\tname\tvariants\tkind\tcapital\n"),
            Kb::bundled().unwrap(),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "data/gazetteer/cities.tsv.gz:2: bad coordinate \"north\""
        );
        let cities = gzip(CITIES_HEADER);
        let admin1 = "country\tname\tvariants\tkind\tcapital\nUKRAINE\tX\t\toblast\t\n";
        let error = build(&files(&cities, admin1), Kb::bundled().unwrap()).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("data/gazetteer/admin1.tsv:2:"),
            "{error}"
        );
    }

    #[test]
    fn the_bundled_gazetteer_loads() {
        let gazetteer = Gazetteer::bundled().unwrap();
        assert!(gazetteer.entries().len() > 200_000);
        assert!(gazetteer.country("UKR").is_some());
    }
}
