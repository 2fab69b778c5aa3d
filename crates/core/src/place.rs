//! Places: toponyms resolved against the gazetteer.

use std::ops::Range;

use crate::span::ByteSpan;

/// What kind of place a toponym names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceFeature {
    /// A state or territory.
    Country,
    /// A first-level division (state, province, oblast).
    Admin1,
    /// A second-level division (a US county, an Irish county).
    Admin2,
    /// A populated place.
    City,
    /// A building or site ("the White House").
    Landmark,
    /// A region without administrative status ("Donbas", "the Middle East").
    Region,
    /// A sea, gulf, strait or lake.
    Water,
    /// A continent.
    Continent,
}

impl PlaceFeature {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceFeature::Country => "country",
            PlaceFeature::Admin1 => "admin1",
            PlaceFeature::Admin2 => "admin2",
            PlaceFeature::City => "city",
            PlaceFeature::Landmark => "landmark",
            PlaceFeature::Region => "region",
            PlaceFeature::Water => "water",
            PlaceFeature::Continent => "continent",
        }
    }
}

/// A point on the globe, stored in hundred-thousandths of a degree (about a metre) so that
/// annotations stay comparable for equality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Coordinates {
    /// Latitude × 100,000.
    pub lat_e5: i32,
    /// Longitude × 100,000.
    pub lon_e5: i32,
}

impl Coordinates {
    /// From decimal degrees.
    pub fn from_degrees(lat: f64, lon: f64) -> Coordinates {
        Coordinates {
            lat_e5: (lat * 1e5).round() as i32,
            lon_e5: (lon * 1e5).round() as i32,
        }
    }

    /// Latitude in degrees.
    pub fn lat(self) -> f64 {
        f64::from(self.lat_e5) / 1e5
    }

    /// Longitude in degrees.
    pub fn lon(self) -> f64 {
        f64::from(self.lon_e5) / 1e5
    }
}

/// One toponym in the text and the place it was resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The toponym as written.
    pub span: ByteSpan,
    /// Its tokens.
    pub tokens: Range<u32>,
    /// The gazetteer's name for the place.
    pub name: String,
    /// ISO 3166-1 alpha-3 of the country it lies in (the country itself for a country).
    pub country: Option<String>,
    /// Name of its first-level division, when known.
    pub admin1: Option<String>,
    /// What kind of place it is.
    pub feature: PlaceFeature,
    /// Where it is.
    pub coordinates: Option<Coordinates>,
    /// The GeoNames id, when the place comes from GeoNames.
    pub geonameid: Option<u64>,
    /// How it was recognized and resolved.
    pub why: String,
}
