//! The one place where internal byte offsets become the contract's character offsets.

use crate::span::ByteSpan;

/// Converts byte offsets of one text into Unicode scalar value offsets (Python `str` indexing).
///
/// Built once per document at serialization. For ASCII text the conversion is the identity and
/// no table is kept.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// `char_index_at[b]` = number of chars before byte `b`, for every byte boundary `0..=len`.
    /// Empty when the text is ASCII.
    char_index_at: Vec<u32>,
}

impl CharOffsets {
    /// Builds the table for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                char_index_at: Vec::new(),
            };
        }
        let mut char_index_at = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (byte_index, ch) in text.char_indices() {
            debug_assert_eq!(byte_index, char_index_at.len());
            for _ in 0..ch.len_utf8() {
                char_index_at.push(chars);
            }
            chars += 1;
        }
        char_index_at.push(chars);
        CharOffsets { char_index_at }
    }

    /// The char offset of byte offset `byte`. A byte inside a multi-byte character maps to that
    /// character's index; an offset past the end maps to the text's char length.
    pub fn char_offset(&self, byte: u32) -> u32 {
        if self.char_index_at.is_empty() {
            return byte;
        }
        let last = self.char_index_at.len() - 1;
        self.char_index_at[(byte as usize).min(last)]
    }

    /// Both ends of `span` in chars.
    pub fn char_span(&self, span: ByteSpan) -> (u32, u32) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("hello");
        assert_eq!(offsets.char_span(ByteSpan::new(1, 4)), (1, 4));
    }

    #[test]
    fn multibyte_characters_count_once() {
        let text = "“Kyiv” – Zelenskyy";
        let offsets = CharOffsets::new(text);
        let start = text.find("Zelenskyy").unwrap();
        let (s, e) = offsets.char_span(ByteSpan::new(start, text.len()));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[s as usize..e as usize].iter().collect::<String>(),
            "Zelenskyy"
        );
    }

    proptest! {
        #[test]
        fn matches_python_indexing(text in "\\PC{0,40}", cut in 0usize..200) {
            let offsets = CharOffsets::new(&text);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let byte = boundaries[cut % boundaries.len()];
            let expected = text[..byte].chars().count() as u32;
            prop_assert_eq!(offsets.char_offset(byte as u32), expected);
        }
    }
}
