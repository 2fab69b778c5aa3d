//! `dateline export --format parquet`: events as one flat Parquet table (snappy), readable by
//! pandas, DuckDB and Spark. Written with the `parquet` crate's column writers, without Arrow,
//! to keep the build light.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use dateline_store::export::ExportSummary;
use dateline_store::{EventFilter, EventRow, Store};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Events per row group: large enough for good compression, small enough for bounded memory.
const ROW_GROUP: usize = 50_000;

/// How a column's values are typed.
enum Kind {
    Text(fn(&EventRow) -> Option<String>),
    Float(fn(&EventRow) -> Option<f64>),
    Int(fn(&EventRow) -> Option<i32>),
    /// Days since 1970-01-01 (Parquet's DATE).
    Date(fn(&EventRow) -> Option<i32>),
}

/// The table's columns, in order.
fn columns() -> Vec<(&'static str, Kind)> {
    use Kind::*;
    vec![
        ("doc_id", Text(|e| Some(e.doc_id.clone()))),
        ("event_id", Text(|e| Some(e.id.clone()))),
        ("day", Date(|e| e.day.as_deref().and_then(days_since_epoch))),
        ("date", Text(|e| e.date.clone())),
        ("type", Text(|e| Some(e.event_type.clone()))),
        ("mode", Text(|e| e.mode.clone())),
        ("cameo", Text(|e| e.cameo.clone())),
        ("quad_class", Int(|e| e.quad_class.map(i32::from))),
        ("goldstein", Float(|e| e.goldstein)),
        (
            "source_name",
            Text(|e| e.source.as_ref().map(|a| a.name.clone())),
        ),
        (
            "source_code",
            Text(|e| e.source.as_ref().and_then(|a| a.code.clone())),
        ),
        (
            "source_country",
            Text(|e| e.source.as_ref().and_then(|a| a.country.clone())),
        ),
        (
            "target_name",
            Text(|e| e.target.as_ref().map(|a| a.name.clone())),
        ),
        (
            "target_code",
            Text(|e| e.target.as_ref().and_then(|a| a.code.clone())),
        ),
        (
            "target_country",
            Text(|e| e.target.as_ref().and_then(|a| a.country.clone())),
        ),
        (
            "place_name",
            Text(|e| e.place.as_ref().map(|p| p.name.clone())),
        ),
        (
            "place_country",
            Text(|e| e.place.as_ref().and_then(|p| p.country.clone())),
        ),
        (
            "place_role",
            Text(|e| e.place.as_ref().and_then(|p| p.role.clone())),
        ),
        ("lat", Float(|e| e.place.as_ref().and_then(|p| p.lat))),
        ("lon", Float(|e| e.place.as_ref().and_then(|p| p.lon))),
        ("polarity", Text(|e| Some(e.polarity.clone()))),
        ("modality", Text(|e| Some(e.modality.clone()))),
        ("trigger", Text(|e| Some(e.trigger.clone()))),
        ("sentence", Text(|e| Some(e.sentence.clone()))),
        ("confidence", Float(|e| Some(e.confidence))),
        ("title", Text(|e| e.title.clone())),
        ("published", Text(|e| e.published.clone())),
        ("source", Text(|e| e.doc_source.clone())),
        ("url", Text(|e| e.url.clone())),
        ("why", Text(|e| Some(e.why.clone()))),
    ]
}

fn days_since_epoch(day: &str) -> Option<i32> {
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

fn schema(columns: &[(&str, Kind)]) -> String {
    let fields: Vec<String> = columns
        .iter()
        .map(|(name, kind)| match kind {
            Kind::Text(_) => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
            Kind::Float(_) => format!("OPTIONAL DOUBLE {name};"),
            Kind::Int(_) => format!("OPTIONAL INT32 {name};"),
            Kind::Date(_) => format!("OPTIONAL INT32 {name} (DATE);"),
        })
        .collect();
    format!("message event {{ {} }}", fields.join(" "))
}

/// Writes the events matching `filter` to `path`.
pub fn export_parquet(store: &Store, filter: &EventFilter, path: &Path) -> Result<ExportSummary> {
    let columns = columns();
    let schema = Arc::new(parse_message_type(&schema(&columns)).context("parquet schema")?);
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("Dateline {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let file = File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
    let mut writer = SerializedFileWriter::new(file, schema, properties)?;
    let mut rows: Vec<EventRow> = Vec::with_capacity(ROW_GROUP);
    let mut written = 0u64;
    let mut failure: Option<anyhow::Error> = None;
    store.for_each_event(filter, |event| {
        rows.push(event);
        if rows.len() >= ROW_GROUP {
            if let Err(error) = write_row_group(&mut writer, &columns, &rows) {
                failure.get_or_insert(error);
            }
            written += rows.len() as u64;
            rows.clear();
        }
        Ok(())
    })?;
    if let Some(error) = failure {
        return Err(error.context(format!("{}: writing parquet", path.display())));
    }
    if !rows.is_empty() || written == 0 {
        write_row_group(&mut writer, &columns, &rows)
            .with_context(|| format!("{}: writing parquet", path.display()))?;
        written += rows.len() as u64;
    }
    writer
        .close()
        .with_context(|| format!("{}: finishing parquet", path.display()))?;
    Ok(ExportSummary {
        written,
        ..ExportSummary::default()
    })
}

fn write_row_group(
    writer: &mut SerializedFileWriter<File>,
    columns: &[(&str, Kind)],
    rows: &[EventRow],
) -> Result<()> {
    let mut group = writer.next_row_group()?;
    let mut index = 0;
    while let Some(mut column) = group.next_column()? {
        let Some((_, kind)) = columns.get(index) else {
            anyhow::bail!("parquet schema has more columns than the table");
        };
        match kind {
            Kind::Text(get) => {
                let (values, levels) = split(rows, |e| get(e).map(|s| ByteArray::from(s.as_str())));
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&values, Some(&levels), None)?;
            }
            Kind::Float(get) => {
                let (values, levels) = split(rows, get);
                column
                    .typed::<DoubleType>()
                    .write_batch(&values, Some(&levels), None)?;
            }
            Kind::Int(get) | Kind::Date(get) => {
                let (values, levels) = split(rows, get);
                column
                    .typed::<Int32Type>()
                    .write_batch(&values, Some(&levels), None)?;
            }
        }
        column.close()?;
        index += 1;
    }
    group.close()?;
    Ok(())
}

/// Present values and Parquet definition levels (1 present, 0 null) of an optional column.
fn split<T>(rows: &[EventRow], get: impl Fn(&EventRow) -> Option<T>) -> (Vec<T>, Vec<i16>) {
    let mut values = Vec::with_capacity(rows.len());
    let mut levels = Vec::with_capacity(rows.len());
    for row in rows {
        match get(row) {
            Some(value) => {
                values.push(value);
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (values, levels)
}
