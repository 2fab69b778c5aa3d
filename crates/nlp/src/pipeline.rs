//! The pipeline: the stages in their fixed order.

use dateline_core::Doc;

use crate::segment;

/// Runs the analysis stages over documents. Holds nothing per document, so one pipeline serves
/// any number of documents and threads.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    _private: (),
}

impl Pipeline {
    /// A pipeline with the bundled lexicons and models.
    pub fn new() -> Pipeline {
        Pipeline { _private: () }
    }

    /// Analyzes `doc` in place: ingest → segment → (later stages as they land).
    pub fn run(&self, doc: &mut Doc) {
        segment::segment(doc);
    }
}
