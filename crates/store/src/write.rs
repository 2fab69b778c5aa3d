//! Writing analyses: one document and all its rows go in together, so a reader (or a process
//! killed mid-batch) sees a document either complete or absent.

use dateline_core::schema::{ActorOut, Analysis, EventOut};
use rusqlite::{params, Transaction};

use crate::{day_of, StoreError};

/// One analyzed document, ready to store.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// Store key: sha256 of the text, hex.
    pub id: String,
    /// Where it was read from (`path` or `path#record`).
    pub origin: String,
    /// The analysis, as the contract has it.
    pub analysis: Analysis,
    /// Version of the pipeline that made the analysis.
    pub pipeline: String,
}

/// What happened to one document of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// Stored for the first time.
    Inserted,
    /// Already stored (same text): left as it was.
    AlreadyStored,
    /// Stored before by another pipeline version; its rows were replaced.
    Replaced,
}

/// Stores `document` inside `tx`. With `replace`, an existing document's analysis is replaced;
/// without, an existing document is left alone.
pub(crate) fn write_document(
    tx: &Transaction<'_>,
    document: &NewDocument,
    replace: bool,
    now: &str,
) -> Result<WriteOutcome, StoreError> {
    let existing: Option<i64> = tx
        .query_row(
            "SELECT seq FROM documents WHERE id = ?1",
            [&document.id],
            |row| row.get(0),
        )
        .map(Some)
        .or_else(|error| match error {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })?;
    if existing.is_some() && !replace {
        return Ok(WriteOutcome::AlreadyStored);
    }
    if let Some(seq) = existing {
        delete_rows(tx, &document.id, seq)?;
    }
    let analysis = &document.analysis;
    let meta = &analysis.document;
    let json = crate::packed::pack(&serde_json::to_string(analysis)?)?;
    let input_id = (meta.id != document.id).then_some(meta.id.as_str());
    tx.execute(
        "INSERT INTO documents (seq, id, input_id, title, source, url, published, published_from,
             day, origin, text, analysis, pipeline, ingested_at, n_events, n_quotes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            existing,
            document.id,
            input_id,
            meta.title,
            meta.source,
            meta.url,
            meta.published,
            meta.published_from,
            meta.published.as_deref().and_then(day_of),
            document.origin,
            meta.text,
            json,
            document.pipeline,
            now,
            analysis.events.len() as i64,
            analysis.quotes.len() as i64,
        ],
    )?;
    let seq = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
        // The same values as the row: the index reads them back from `documents` on delete.
        params![seq, meta.title, meta.text],
    )?;
    write_entities(tx, &document.id, analysis)?;
    write_quotes(tx, &document.id, analysis)?;
    write_times_and_places(tx, &document.id, analysis)?;
    write_events(tx, &document.id, analysis)?;
    Ok(if existing.is_some() {
        WriteOutcome::Replaced
    } else {
        WriteOutcome::Inserted
    })
}

fn delete_rows(tx: &Transaction<'_>, doc_id: &str, seq: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM documents_fts WHERE rowid = ?1", [seq])?;
    tx.execute(
        "DELETE FROM events_fts WHERE rowid IN (SELECT seq FROM events WHERE doc_id = ?1)",
        [doc_id],
    )?;
    tx.execute(
        "DELETE FROM quotes_fts WHERE rowid IN (SELECT seq FROM quotes WHERE doc_id = ?1)",
        [doc_id],
    )?;
    for table in ["entities", "events", "quotes", "times", "places"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), [doc_id])?;
    }
    tx.execute("DELETE FROM documents WHERE id = ?1", [doc_id])?;
    Ok(())
}

fn write_entities(
    tx: &Transaction<'_>,
    doc_id: &str,
    analysis: &Analysis,
) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO entities (doc_id, id, name, type, kb, country, sector, code, roles, mentions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for entity in &analysis.entities {
        insert.execute(params![
            doc_id,
            entity.id,
            entity.name,
            entity.entity_type,
            entity.kb,
            entity.country,
            entity.sector,
            entity.code,
            entity.roles.join("; "),
            entity.mentions.len() as i64,
        ])?;
    }
    Ok(())
}

fn write_quotes(tx: &Transaction<'_>, doc_id: &str, analysis: &Analysis) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO quotes (doc_id, id, kind, start, end, text, speaker_entity, speaker, cue,
             addressee, anonymous, date_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut fts =
        tx.prepare_cached("INSERT INTO quotes_fts (rowid, speaker, text) VALUES (?1, ?2, ?3)")?;
    for quote in &analysis.quotes {
        let speaker = quote.speaker.as_ref();
        insert.execute(params![
            doc_id,
            quote.id,
            quote.kind,
            quote.start,
            quote.end,
            quote.text,
            speaker.and_then(|s| s.entity.clone()),
            speaker.map(|s| s.name.clone()),
            quote.cue.as_ref().map(|c| c.text.clone()),
            quote.addressee.as_ref().map(|a| a.text.clone()),
            quote.anonymous,
            quote.date.as_ref().and_then(|d| d.value.clone()),
        ])?;
        fts.execute(params![
            tx.last_insert_rowid(),
            speaker.map(|s| s.name.as_str()),
            quote.text
        ])?;
    }
    Ok(())
}

fn write_times_and_places(
    tx: &Transaction<'_>,
    doc_id: &str,
    analysis: &Analysis,
) -> Result<(), StoreError> {
    let mut times = tx.prepare_cached(
        "INSERT INTO times (doc_id, id, start, end, text, type, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for time in &analysis.times {
        times.execute(params![
            doc_id,
            time.id,
            time.start,
            time.end,
            time.text,
            time.time_type,
            time.value
        ])?;
    }
    let mut places = tx.prepare_cached(
        "INSERT INTO places (doc_id, id, start, end, text, name, country, admin1, feature, lat, lon, geonameid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for place in &analysis.places {
        places.execute(params![
            doc_id,
            place.id,
            place.start,
            place.end,
            place.text,
            place.name,
            place.country,
            place.admin1,
            place.feature,
            place.lat,
            place.lon,
            place.geonameid.map(|id| id as i64),
        ])?;
    }
    Ok(())
}

fn write_events(tx: &Transaction<'_>, doc_id: &str, analysis: &Analysis) -> Result<(), StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO events (seq, doc_id, id, sentence, start, end, trigger, trigger_start, trigger_end,
             sentence_text, type, mode, context, cameo, quad_class, goldstein,
             source_entity, source_name, source_country, source_sector, source_code,
             target_entity, target_name, target_country, target_sector, target_code,
             date_time, date_value, date_precision, day,
             place_id, place_name, place_country, place_admin1, place_feature, place_lat, place_lon,
             place_geonameid, place_role, polarity, modality, quote_id, speaker, via, anonymous,
             confidence, why)
         VALUES (?47, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
             ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29,
             ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46)",
    )?;
    let mut next_key = tx.prepare_cached(
        "SELECT COALESCE(MAX(seq) + 1, ?1) FROM events WHERE seq >= ?1 AND seq < ?2",
    )?;
    let mut fts = tx.prepare_cached(
        "INSERT INTO events_fts (rowid, actors, place, outlet, sentence, type)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let outlet = analysis.document.source.as_deref().unwrap_or("");
    let document_day = analysis.document.published.as_deref().and_then(day_of);
    for event in &analysis.events {
        let place = event.place.as_ref().and_then(|role| {
            analysis
                .places
                .iter()
                .find(|p| p.id == role.place)
                .map(|p| (role, p))
        });
        let source = actor_columns(event.source.as_ref());
        let target = actor_columns(event.target.as_ref());
        let attribution = event.attribution.as_ref();
        let sentence = sentence_text(analysis, event);
        let day = event
            .date
            .value
            .as_deref()
            .and_then(day_of)
            .or_else(|| document_day.clone());
        // The next free key of the event's day: keys sort by day (see `event_key_base`).
        let base = crate::event_key_base(day.as_deref());
        let key: i64 =
            next_key.query_row(params![base, base + crate::DAY_SPAN], |row| row.get(0))?;
        insert.execute(params![
            doc_id,
            event.id,
            event.sentence,
            event.start,
            event.end,
            event.trigger.text,
            event.trigger.start,
            event.trigger.end,
            sentence,
            event.event_type,
            event.mode,
            event.context.join("; "),
            event.cameo,
            event.quad_class,
            event.goldstein,
            source.0,
            source.1,
            source.2,
            source.3,
            source.4,
            target.0,
            target.1,
            target.2,
            target.3,
            target.4,
            event.date.time,
            event.date.value,
            Some(event.date.precision.as_str()).filter(|p| !p.is_empty()),
            day,
            place.map(|(_, p)| p.id.clone()),
            place.map(|(_, p)| p.name.clone()),
            place.and_then(|(_, p)| p.country.clone()),
            place.and_then(|(_, p)| p.admin1.clone()),
            place.map(|(_, p)| p.feature.clone()),
            place.and_then(|(_, p)| p.lat),
            place.and_then(|(_, p)| p.lon),
            place.and_then(|(_, p)| p.geonameid.map(|id| id as i64)),
            place.map(|(role, _)| role.role.clone()),
            event.polarity,
            event.modality,
            attribution.and_then(|a| a.quote.clone()),
            attribution.and_then(|a| a.speaker.clone()),
            attribution.and_then(|a| a.via.clone()),
            attribution.is_some_and(|a| a.anonymous),
            event.confidence,
            event.why,
            key,
        ])?;
        fts.execute(params![
            key,
            words(&[&source.1, &source.4, &source.2, &target.1, &target.4, &target.2]),
            words(&[
                &place.map(|(_, p)| p.name.clone()),
                &place.and_then(|(_, p)| p.country.clone())
            ]),
            outlet,
            &sentence,
            event.event_type,
        ])?;
    }
    Ok(())
}

/// The present values, space-separated, for a full-text column.
fn words(values: &[&Option<String>]) -> String {
    let present: Vec<&str> = values.iter().filter_map(|v| v.as_deref()).collect();
    present.join(" ")
}

type ActorColumns = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn actor_columns(actor: Option<&ActorOut>) -> ActorColumns {
    match actor {
        Some(actor) => (
            actor.entity.clone(),
            Some(actor.name.clone()),
            actor.country.clone(),
            actor.sector.clone(),
            actor.code.clone(),
        ),
        None => (None, None, None, None, None),
    }
}

/// The text of the event's sentence, so that a row explains itself without the document.
fn sentence_text(analysis: &Analysis, event: &EventOut) -> String {
    let Some(sentence) = analysis.sentences.get(event.sentence as usize) else {
        return String::new();
    };
    analysis
        .document
        .text
        .chars()
        .skip(sentence.start as usize)
        .take(sentence.end.saturating_sub(sentence.start) as usize)
        .collect()
}
