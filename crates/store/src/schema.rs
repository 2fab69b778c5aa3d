//! The database schema as an ordered list of migrations. `PRAGMA user_version` records how many
//! have run; opening a store runs the rest, each in its own transaction, so a store written by
//! an older Dateline is brought up to date and one written by a newer one is refused.

use rusqlite::Connection;

use crate::StoreError;

/// The migrations, in order. Never edit one that has shipped: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: documents, the contract JSON, normalized tables and full-text indexes.
    r#"
    CREATE TABLE documents (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,      -- sha256 of the text, hex
        input_id     TEXT,                      -- the id the input gave, if any
        title        TEXT,
        source       TEXT,
        url          TEXT,
        published    TEXT,                      -- DCT as in the contract
        published_from TEXT,
        day          TEXT,                      -- YYYY-MM-DD of `published`
        origin       TEXT NOT NULL,             -- file or file#record it was read from
        text         TEXT NOT NULL,
        analysis     TEXT NOT NULL,             -- the dateline.analysis/1 JSON
        pipeline     TEXT NOT NULL,             -- the pipeline version that made `analysis`
        ingested_at  TEXT NOT NULL,
        n_events     INTEGER NOT NULL,
        n_quotes     INTEGER NOT NULL
    );
    CREATE INDEX documents_day ON documents(day);
    CREATE INDEX documents_pipeline ON documents(pipeline);

    CREATE TABLE entities (
        doc_id   TEXT NOT NULL,
        id       TEXT NOT NULL,
        name     TEXT NOT NULL,
        type     TEXT NOT NULL,
        kb       TEXT,
        country  TEXT,
        sector   TEXT,
        code     TEXT,
        roles    TEXT NOT NULL,                 -- "; "-joined
        mentions INTEGER NOT NULL,
        PRIMARY KEY (doc_id, id)
    ) WITHOUT ROWID;
    CREATE INDEX entities_code ON entities(code);
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

    CREATE TABLE events (
        seq            INTEGER PRIMARY KEY,
        doc_id         TEXT NOT NULL,
        id             TEXT NOT NULL,
        sentence       INTEGER NOT NULL,
        start          INTEGER NOT NULL,
        end            INTEGER NOT NULL,
        trigger        TEXT NOT NULL,
        trigger_start  INTEGER NOT NULL,
        trigger_end    INTEGER NOT NULL,
        sentence_text  TEXT NOT NULL,
        type           TEXT NOT NULL,
        mode           TEXT,
        context        TEXT NOT NULL,           -- "; "-joined
        cameo          TEXT,
        quad_class     INTEGER,
        goldstein      REAL,
        source_entity  TEXT, source_name TEXT, source_country TEXT, source_sector TEXT, source_code TEXT,
        target_entity  TEXT, target_name TEXT, target_country TEXT, target_sector TEXT, target_code TEXT,
        date_time      TEXT,                    -- times[].id
        date_value     TEXT,                    -- TIMEX3 value
        date_precision TEXT,
        day            TEXT,                    -- YYYY-MM-DD: the event's date, else the document's
        place_id       TEXT, place_name TEXT, place_country TEXT, place_admin1 TEXT,
        place_feature  TEXT, place_lat REAL, place_lon REAL, place_geonameid INTEGER, place_role TEXT,
        polarity       TEXT NOT NULL,
        modality       TEXT NOT NULL,
        quote_id       TEXT,
        speaker        TEXT,
        via            TEXT,
        anonymous      INTEGER NOT NULL,
        confidence     REAL NOT NULL,
        why            TEXT NOT NULL,
        UNIQUE (doc_id, id)
    );
    CREATE INDEX events_day ON events(day, type);
    CREATE INDEX events_type ON events(type, day);
    CREATE INDEX events_source_code ON events(source_code);
    CREATE INDEX events_target_code ON events(target_code);
    CREATE INDEX events_place ON events(place_name COLLATE NOCASE);

    CREATE TABLE quotes (
        seq            INTEGER PRIMARY KEY,
        doc_id         TEXT NOT NULL,
        id             TEXT NOT NULL,
        kind           TEXT NOT NULL,
        start          INTEGER NOT NULL,
        end            INTEGER NOT NULL,
        text           TEXT NOT NULL,
        speaker_entity TEXT,
        speaker        TEXT,
        cue            TEXT,
        addressee      TEXT,
        anonymous      INTEGER NOT NULL,
        date_value     TEXT,
        UNIQUE (doc_id, id)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

    CREATE TABLE times (
        doc_id TEXT NOT NULL, id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT,
        PRIMARY KEY (doc_id, id)
    ) WITHOUT ROWID;

    CREATE TABLE places (
        doc_id TEXT NOT NULL, id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
        text TEXT NOT NULL, name TEXT NOT NULL, country TEXT, admin1 TEXT, feature TEXT NOT NULL,
        lat REAL, lon REAL, geonameid INTEGER,
        PRIMARY KEY (doc_id, id)
    ) WITHOUT ROWID;
    CREATE INDEX places_name ON places(name COLLATE NOCASE);

    -- Full text: rowid = documents.seq and quotes.seq, so rows can be deleted on reprocess.
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE quotes_fts USING fts5(speaker, text, tokenize = 'unicode61 remove_diacritics 2');
    "#,
    // 2: full text over events' actors (names and codes), places, outlets and sentences, so
    // that the actor, place, source and text filters are index lookups, not table scans.
    r#"
    CREATE VIRTUAL TABLE events_fts USING fts5(actors, place, outlet, sentence,
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts (rowid, actors, place, outlet, sentence)
        SELECT e.seq,
               concat_ws(' ', e.source_name, e.source_code, e.source_country,
                              e.target_name, e.target_code, e.target_country),
               concat_ws(' ', e.place_name, e.place_country),
               COALESCE(d.source, ''),
               e.sentence_text
        FROM events e JOIN documents d ON d.id = e.doc_id;
    "#,
    // 3: event keys ordered by day (`crate::event_key`), so that "newest first" is the key
    // order of the table, of every index and of the full-text index, and a date range is a
    // key range. New keys are at least 2^24, above the old ones, so renumbering in place
    // never collides.
    r#"
    UPDATE events SET seq = renumbered.key
    FROM (
        SELECT seq AS old,
               ((CASE WHEN day IS NULL THEN 1
                      ELSE MAX(CAST(julianday(day) - julianday('1800-01-01') AS INTEGER), 0) + 2
                 END) << 24)
               + ROW_NUMBER() OVER (PARTITION BY day ORDER BY seq) - 1 AS key
        FROM events
    ) AS renumbered
    WHERE events.seq = renumbered.old;
    DROP INDEX events_day;
    DROP INDEX events_type;
    CREATE INDEX events_type ON events(type);
    DELETE FROM events_fts;
    INSERT INTO events_fts (rowid, actors, place, outlet, sentence)
        SELECT e.seq,
               concat_ws(' ', e.source_name, e.source_code, e.source_country,
                              e.target_name, e.target_code, e.target_country),
               concat_ws(' ', e.place_name, e.place_country),
               COALESCE(d.source, ''),
               e.sentence_text
        FROM events e JOIN documents d ON d.id = e.doc_id;
    "#,
    // 4: the event type in the full-text index too, so that "actor X and type T" is one
    // intersection of two posting lists instead of a check of every event X takes part in.
    r#"
    DROP TABLE events_fts;
    CREATE VIRTUAL TABLE events_fts USING fts5(actors, place, outlet, sentence, type,
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts (rowid, actors, place, outlet, sentence, type)
        SELECT e.seq,
               concat_ws(' ', e.source_name, e.source_code, e.source_country,
                              e.target_name, e.target_code, e.target_country),
               concat_ws(' ', e.place_name, e.place_country),
               COALESCE(d.source, ''),
               e.sentence_text,
               e.type
        FROM events e JOIN documents d ON d.id = e.doc_id;
    "#,
    // 5: full-text indexes without second copies of the texts: the documents' and quotes'
    // indexes read their tables (external content); the events' keeps no content at all (it
    // is only searched, never read back).
    r#"
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text,
        content = 'documents', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
    DROP TABLE quotes_fts;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(speaker, text,
        content = 'quotes', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
    DROP TABLE events_fts;
    CREATE VIRTUAL TABLE events_fts USING fts5(actors, place, outlet, sentence, type,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts (rowid, actors, place, outlet, sentence, type)
        SELECT e.seq,
               concat_ws(' ', e.source_name, e.source_code, e.source_country,
                              e.target_name, e.target_code, e.target_country),
               concat_ws(' ', e.place_name, e.place_country),
               COALESCE(d.source, ''),
               e.sentence_text,
               e.type
        FROM events e JOIN documents d ON d.id = e.doc_id;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Runs the migrations the database has not seen yet.
pub(crate) fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    let current: u32 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(sql)?;
        transaction.pragma_update(None, "user_version", index as u32 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}
