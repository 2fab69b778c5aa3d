//! PLOVER JSON records (the PLOVER manual, chapter "Data Fields"): the required `id`, `date`,
//! `actor`, `event`, with recipient, location, mode, context, quad code, scale, the event
//! text with its offsets, and citation information. Dateline's own trace goes in `comment`.

use serde_json::{json, Value};

use super::CountryCodes;
use crate::query::{ActorRef, EventRow};

/// The PLOVER record of one event.
pub fn plover_record(event: &EventRow, codes: &CountryCodes) -> Value {
    let mut record = json!({
        "id": format!("{}-{}", event.doc_id, event.id),
        "date": event.day.clone().or_else(|| event.published.as_deref().and_then(crate::day_of)),
        "actor": actors(event.source.as_ref()),
        "recipient": actors(event.target.as_ref()),
        "event": [event.event_type],
        "mode": event.mode.iter().collect::<Vec<_>>(),
        "context": event.context,
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "cameo": event.cameo,
        "polarity": event.polarity,
        "modality": event.modality,
        "event_text": [event.trigger],
        "text_info": {
            "sequence": event.sentence_index,
            "start": event.start,
            "end": event.end,
            "text_story": [event.sentence],
        },
        "cite_info": {
            "citation": event.doc_id,
            "url": event.url,
            "title": event.title,
            "publication": event.doc_source,
            "language": "en",
            "coder": concat!("Dateline ", env!("CARGO_PKG_VERSION")),
            "codebook": "plover-base",
        },
        "coded_date": event.added.get(..10),
        "comment": event.why,
    });
    if let Some(place) = &event.place {
        let country = place.country.as_deref();
        record["event_loc"] = json!({
            "extracted_place": place.text,
            "resolved_place": place.name,
            "geonameid": place.geonameid,
            "lat": place.lat,
            "lon": place.lon,
            "city": (place.feature.as_deref() == Some("city")).then_some(&place.name),
            "province": place.admin1,
            "country": country.and_then(|c| codes.name(c)),
            "country_code": country,
            "resolution": match place.feature.as_deref() {
                Some("country") => Some(1),
                Some("admin1") => Some(2),
                Some("admin2") => Some(3),
                Some("city") => Some(4),
                Some("landmark") => Some(5),
                _ => None,
            },
            "role": place.role,
        });
    }
    record
}

fn actors(actor: Option<&ActorRef>) -> Value {
    match actor {
        Some(actor) => json!([{
            "code": actor.country,
            "sector": actor.sector,
            "entity_text": actor.name,
            "actor_code": actor.code,
        }]),
        None => json!([]),
    }
}
