//! GDELT 2.0 event export rows: 61 tab-separated columns in GDELT's order and formats
//! (<http://data.gdeltproject.org/documentation/GDELT-Event_Codebook-V2.0.pdf>).
//!
//! What Dateline cannot fill is left empty, as GDELT leaves unknown fields: ethnic and
//! religion codes, actor geography (Dateline places events, not actors), ADM2 codes and GNS
//! feature ids of cities (GDELT's id space, not GeoNames'). ADM1Code carries the country's
//! FIPS code, as GDELT's own rows do when the division is unknown. AvgTone is 0 until the tone
//! stage exists; NumMentions/NumSources/NumArticles are 1: a row is one mention in one article.

use chrono::{Datelike, NaiveDate};

use super::CountryCodes;
use crate::query::{ActorRef, EventRow, PlaceRef};

/// GDELT 2.0's column names, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Sentences that count as the lead, GDELT's "root event" test.
const LEAD_SENTENCES: u32 = 2;

/// The GDELT row of `event`, numbered `global_id`; `None` for an event without a CAMEO code.
pub fn gdelt_row(event: &EventRow, global_id: u64, codes: &CountryCodes) -> Option<Vec<String>> {
    let cameo = event.cameo.as_deref().filter(|c| c.len() >= 2)?;
    let day = event
        .day
        .as_deref()
        .or(event.published.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        .or_else(|| NaiveDate::parse_from_str(event.added.get(..10)?, "%Y-%m-%d").ok())?;
    let mut row = Vec::with_capacity(61);
    row.push(global_id.to_string());
    row.push(day.format("%Y%m%d").to_string());
    row.push(day.format("%Y%m").to_string());
    row.push(day.format("%Y").to_string());
    row.push(fraction_date(day));
    push_actor(&mut row, event.source.as_ref());
    push_actor(&mut row, event.target.as_ref());
    row.push(u8::from(event.sentence_index < LEAD_SENTENCES).to_string());
    row.push(cameo.to_string());
    row.push(cameo.chars().take(3).collect());
    row.push(cameo.chars().take(2).collect());
    row.push(event.quad_class.map(|q| q.to_string()).unwrap_or_default());
    row.push(
        event
            .goldstein
            .map(|g| format!("{g:.1}"))
            .unwrap_or_default(),
    );
    row.extend(["1", "1", "1", "0"].map(str::to_string));
    push_no_geography(&mut row);
    push_no_geography(&mut row);
    match &event.place {
        Some(place) => push_geography(&mut row, place, codes),
        None => push_no_geography(&mut row),
    }
    row.push(date_added(&event.added));
    row.push(
        event
            .url
            .clone()
            .or_else(|| event.doc_source.clone())
            .unwrap_or_default(),
    );
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    Some(row.into_iter().map(|field| clean(&field)).collect())
}

/// GDELT's FractionDate: year + (30 × (month − 1) + day) / 365, four decimals.
fn fraction_date(day: NaiveDate) -> String {
    let fraction = f64::from(30 * day.month0() + day.day()) / 365.0;
    format!("{:.4}", f64::from(day.year()) + fraction)
}

fn push_actor(row: &mut Vec<String>, actor: Option<&ActorRef>) {
    let Some(actor) = actor else {
        row.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let country = actor.country.as_deref().unwrap_or("");
    // A three-letter country is CAMEO's country code; anything else ("NATO", "UNO") is an
    // international organization, GDELT's known-group code.
    let is_country = country.len() == 3 && country.bytes().all(|b| b.is_ascii_uppercase());
    row.push(actor.code.clone().unwrap_or_default());
    row.push(actor.name.to_uppercase());
    row.push(if is_country {
        country.to_string()
    } else {
        String::new()
    });
    row.push(if is_country {
        String::new()
    } else {
        country.to_string()
    });
    row.extend(std::iter::repeat_n(String::new(), 3));
    row.push(actor.sector.clone().unwrap_or_default());
    row.extend(std::iter::repeat_n(String::new(), 2));
}

fn push_no_geography(row: &mut Vec<String>) {
    row.push("0".to_string());
    row.extend(std::iter::repeat_n(String::new(), 7));
}

fn push_geography(row: &mut Vec<String>, place: &PlaceRef, codes: &CountryCodes) {
    let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
        return push_no_geography(row);
    };
    let iso3 = place.country.as_deref().unwrap_or("");
    let in_us = iso3 == "USA";
    let geo_type = match place.feature.as_deref() {
        Some("country") => 1,
        Some("admin1") if in_us => 2,
        Some("admin1") => 5,
        Some("city" | "admin2" | "landmark") if in_us => 3,
        Some("city" | "admin2" | "landmark") => 4,
        // Regions, seas and continents have no GDELT geography type.
        _ => return push_no_geography(row),
    };
    let country_name = codes.name(iso3).unwrap_or(iso3);
    let full_name = match geo_type {
        1 => country_name.to_string(),
        _ => {
            let mut parts = vec![place.name.as_str()];
            if let Some(admin1) = place.admin1.as_deref().filter(|a| *a != place.name) {
                parts.push(admin1);
            }
            parts.push(country_name);
            parts.join(", ")
        }
    };
    let fips = codes.fips(iso3).unwrap_or("");
    row.push(geo_type.to_string());
    row.push(full_name);
    row.push(fips.to_string());
    row.push(fips.to_string());
    row.push(String::new());
    row.push(format!("{lat:.4}"));
    row.push(format!("{lon:.4}"));
    row.push(if geo_type == 1 {
        fips.to_string()
    } else {
        String::new()
    });
}

/// `2026-11-29T11:00:05Z` → `20261129110005`.
fn date_added(added: &str) -> String {
    let digits: String = added
        .chars()
        .filter(char::is_ascii_digit)
        .take(14)
        .collect();
    format!("{digits:0<14}")
}

/// Tabs and line breaks would break the row.
fn clean(field: &str) -> String {
    if field.contains(['\t', '\n', '\r']) {
        field.replace(['\t', '\n', '\r'], " ")
    } else {
        field.to_string()
    }
}
