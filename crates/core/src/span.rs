//! Byte ranges into a document's text.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a [`crate::Doc`]'s text.
///
/// Every annotation in the document model is a `ByteSpan` plus typed data. Byte offsets are what
/// Rust string slicing needs; the contract's character offsets are computed only at
/// serialization, by [`crate::CharOffsets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteSpan {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl ByteSpan {
    /// A span from `start` to `end`; `end` is clamped so that the span is never inverted.
    pub fn new(start: usize, end: usize) -> Self {
        let start = to_u32(start);
        let end = to_u32(end).max(start);
        ByteSpan { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range<usize>` for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Offsets are stored as `u32`: documents are capped far below 4 GiB at ingest, so saturating
/// here only guards against misuse, never truncates real input.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverted_span_is_clamped_to_empty() {
        let span = ByteSpan::new(5, 3);
        assert!(span.is_empty());
        assert_eq!(span.start, 5);
    }

    #[test]
    fn containment() {
        let outer = ByteSpan::new(0, 10);
        assert!(outer.contains(ByteSpan::new(2, 10)));
        assert!(!outer.contains(ByteSpan::new(2, 11)));
    }
}
