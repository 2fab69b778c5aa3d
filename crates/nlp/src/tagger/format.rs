//! The tagger file: the tag dictionary plus the perceptron model, in one gzip stream.
//!
//! Layout (after gzip, little-endian): magic `DLTG`, version (u32), dictionary size (u32), then
//! per entry the word (u32 length + UTF-8) and its class (u16), sorted by word so the file is
//! byte-for-byte deterministic; then the ambiguity classes: their number (u32), then per entry
//! the word (u32 length + UTF-8), its number of classes (u16) and the classes (u16 each), sorted by
//! word; then the perceptron model's own bytes ([`Model::write`]'s gzip'd stream) prefixed by
//! their length (u64).
//!
//! [`Model::write`]: crate::perceptron::Model::write

use std::collections::HashMap;
use std::io::{Read, Write};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

use super::features::Ambiguity;
use crate::perceptron::{Cursor, ModelError};

/// The tagger's word lists: the tag dictionary and the ambiguity classes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Lexicons {
    /// Quote-normalized word → its only class.
    pub(crate) dictionary: HashMap<String, u16>,
    /// Lowercased word → the classes it takes.
    pub(crate) ambiguity: Ambiguity,
}

const MAGIC: &[u8; 4] = b"DLTG";
const VERSION: u32 = 1;

/// Writes the dictionary and the model bytes.
pub(crate) fn write(lexicons: &Lexicons, model: &[u8]) -> Result<Vec<u8>, ModelError> {
    let dictionary = &lexicons.dictionary;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(MAGIC)?;
    gz.write_all(&VERSION.to_le_bytes())?;
    let mut entries: Vec<(&String, &u16)> = dictionary.iter().collect();
    entries.sort_unstable();
    gz.write_all(&(entries.len() as u32).to_le_bytes())?;
    for (word, class) in entries {
        gz.write_all(&(word.len() as u32).to_le_bytes())?;
        gz.write_all(word.as_bytes())?;
        gz.write_all(&class.to_le_bytes())?;
    }
    let mut entries: Vec<(&String, &Vec<u16>)> = lexicons.ambiguity.iter().collect();
    entries.sort_unstable();
    gz.write_all(&(entries.len() as u32).to_le_bytes())?;
    for (word, classes) in entries {
        gz.write_all(&(word.len() as u32).to_le_bytes())?;
        gz.write_all(word.as_bytes())?;
        gz.write_all(&(classes.len() as u16).to_le_bytes())?;
        for class in classes {
            gz.write_all(&class.to_le_bytes())?;
        }
    }
    gz.write_all(&(model.len() as u64).to_le_bytes())?;
    gz.write_all(model)?;
    Ok(gz.finish()?)
}

/// Reads the dictionary and the model bytes.
pub(crate) fn read(bytes: &[u8]) -> Result<(Lexicons, Vec<u8>), ModelError> {
    let mut raw = Vec::new();
    GzDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|e| ModelError::Corrupt(e.to_string()))?;
    let mut cursor = Cursor::new(&raw);
    if cursor.take(4)? != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let version = u32::from_le_bytes(cursor.array()?);
    if version != VERSION {
        return Err(ModelError::UnsupportedVersion { found: version });
    }
    let count = u32::from_le_bytes(cursor.array()?) as usize;
    let mut dictionary = HashMap::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let word = cursor.string()?;
        let class = u16::from_le_bytes(cursor.array()?);
        dictionary.insert(word, class);
    }
    let count = u32::from_le_bytes(cursor.array()?) as usize;
    let mut ambiguity = Ambiguity::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let word = cursor.string()?;
        let n = u16::from_le_bytes(cursor.array()?);
        let classes = (0..n)
            .map(|_| Ok(u16::from_le_bytes(cursor.array()?)))
            .collect::<Result<Vec<u16>, ModelError>>()?;
        ambiguity.insert(word, classes);
    }
    let len = u64::from_le_bytes(cursor.array()?);
    let len = usize::try_from(len).map_err(|e| ModelError::Corrupt(e.to_string()))?;
    let model = cursor.take(len)?.to_vec();
    Ok((
        Lexicons {
            dictionary,
            ambiguity,
        },
        model,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption() {
        let lexicons = Lexicons {
            dictionary: [("the".to_string(), 3), ("of".to_string(), 1)].into(),
            ambiguity: [("run".to_string(), vec![2, 5]), ("of".to_string(), vec![1])].into(),
        };
        let bytes = write(&lexicons, b"model bytes").unwrap();
        let (back, model) = read(&bytes).unwrap();
        assert_eq!(back, lexicons);
        assert_eq!(model, b"model bytes");
        assert_eq!(write(&lexicons, b"model bytes").unwrap(), bytes);
        assert!(matches!(
            read(&bytes[..bytes.len() / 2]),
            Err(ModelError::Corrupt(_))
        ));
        assert!(read(b"junk").is_err());
    }
}
