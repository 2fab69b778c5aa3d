//! The stored analysis JSON, deflate-compressed: it is most of a store's size (about 20 KB a
//! document as text, a seventh of that packed) and is read only whole, one document at a time.
//! A store may also hold plain-text JSON (written before packing existed): both read back.

use std::io::{Read, Write};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use rusqlite::types::ValueRef;

use crate::StoreError;

/// Compresses `json` for the `analysis` column.
pub(crate) fn pack(json: &str) -> Result<Vec<u8>, StoreError> {
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(json.len() / 5), Compression::new(6));
    encoder.write_all(json.as_bytes())?;
    Ok(encoder.finish()?)
}

/// The JSON of an `analysis` column value, packed (BLOB) or plain (TEXT).
pub(crate) fn unpack(value: ValueRef<'_>) -> Result<String, StoreError> {
    match value {
        ValueRef::Text(bytes) => String::from_utf8(bytes.to_vec())
            .map_err(|e| StoreError::Corrupt(format!("analysis is not UTF-8: {e}"))),
        ValueRef::Blob(bytes) => {
            let mut json = String::with_capacity(bytes.len() * 6);
            DeflateDecoder::new(bytes)
                .read_to_string(&mut json)
                .map_err(|e| StoreError::Corrupt(format!("analysis cannot be unpacked: {e}")))?;
            Ok(json)
        }
        _ => Err(StoreError::Corrupt(
            "analysis is neither JSON text nor packed JSON".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_and_plain_both_read_back() {
        let json = r#"{"schema":"dateline.analysis/1","text":"Kyiv – talks «»"}"#;
        let packed = pack(json).unwrap();
        assert_eq!(unpack(ValueRef::Blob(&packed)).unwrap(), json);
        assert_eq!(unpack(ValueRef::Text(json.as_bytes())).unwrap(), json);
        assert!(unpack(ValueRef::Blob(b"not deflate")).is_err());
    }
}
