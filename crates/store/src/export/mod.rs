//! Exports of a store: GDELT 2.0 event rows, PLOVER JSON lines, the contract as JSON lines,
//! (Parquet: see `dateline-cli`).

mod countries;
mod gdelt;
mod plover;

use std::io::Write;

use crate::query::EventFilter;
use crate::{Store, StoreError};

pub use countries::CountryCodes;
pub use gdelt::{gdelt_row, GDELT_COLUMNS};

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Rows written.
    pub written: u64,
    /// Events left out because the format cannot hold them, with the reason in `skipped_why`.
    pub skipped: u64,
    /// Why rows were skipped.
    pub skipped_why: &'static str,
}

/// GDELT 2.0 event export (tab-separated, no header, 61 columns).
pub fn export_gdelt(
    store: &Store,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<ExportSummary, StoreError> {
    let codes = CountryCodes::bundled();
    let mut summary = ExportSummary {
        skipped_why: "no CAMEO code, which every GDELT row needs",
        ..ExportSummary::default()
    };
    store.for_each_event(filter, |event| {
        match gdelt_row(&event, summary.written + 1, codes) {
            Some(row) => {
                out.write_all(row.join("\t").as_bytes())?;
                out.write_all(b"\n")?;
                summary.written += 1;
            }
            None => summary.skipped += 1,
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(summary)
}

/// PLOVER JSON, one event per line.
pub fn export_plover(
    store: &Store,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<ExportSummary, StoreError> {
    let codes = CountryCodes::bundled();
    let mut summary = ExportSummary::default();
    store.for_each_event(filter, |event| {
        serde_json::to_writer(&mut *out, &plover::plover_record(&event, codes))?;
        out.write_all(b"\n")?;
        summary.written += 1;
        Ok(())
    })?;
    out.flush()?;
    Ok(summary)
}

/// The stored analyses (the contract), one document per line.
pub fn export_jsonl(store: &Store, out: &mut dyn Write) -> Result<ExportSummary, StoreError> {
    let written = store.for_each_analysis(|_, json| {
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(ExportSummary {
        written,
        ..ExportSummary::default()
    })
}
