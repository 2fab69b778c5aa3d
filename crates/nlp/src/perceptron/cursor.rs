//! A bounds-checked reader over the bytes of a model file: every read either returns the bytes or
//! a `ModelError::Corrupt` naming the offset, never a panic.

use super::ModelError;

/// Reads little-endian values from a byte slice, front to back.
pub(crate) struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(bytes: &'a [u8]) -> Cursor<'a> {
        Cursor { bytes, pos: 0 }
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Bytes left.
    pub fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| {
            ModelError::Corrupt(format!("needs {n} bytes at offset {}", self.pos))
        })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// A length-prefixed (u32) UTF-8 string.
    pub fn string(&mut self) -> Result<String, ModelError> {
        let len = self.u32()? as usize;
        let text =
            std::str::from_utf8(self.take(len)?).map_err(|e| ModelError::Corrupt(e.to_string()))?;
        Ok(text.to_string())
    }
}
