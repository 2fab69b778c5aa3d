//! The pipeline: the stages in their fixed order.

use dateline_core::{Diagnostic, Doc, Severity};

use crate::models::{self, Models};
use crate::segment;

/// Runs the analysis stages over documents. Holds nothing per document, so one pipeline serves
/// any number of documents and threads.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline {
    models: Option<&'static Models>,
    load_error: Option<&'static crate::perceptron::ModelError>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    /// A pipeline with the bundled lexicons and models (decoded once per process).
    pub fn new() -> Pipeline {
        match models::bundled() {
            Ok(models) => Pipeline {
                models: Some(models),
                load_error: None,
            },
            Err(error) => Pipeline {
                models: None,
                load_error: Some(error),
            },
        }
    }

    /// A pipeline that only segments: for measuring segmentation alone.
    pub fn segment_only() -> Pipeline {
        Pipeline {
            models: None,
            load_error: None,
        }
    }

    /// Analyzes `doc` in place: segment → tag → lemmatize → parse → (later stages as they land).
    pub fn run(&self, doc: &mut Doc) {
        segment::segment(doc);
        if let Some(error) = self.load_error {
            doc.push_diagnostic(Diagnostic {
                severity: Severity::Error,
                stage: "models",
                message: format!(
                    "bundled models could not be loaded: {error}; only segmentation ran"
                ),
            });
        }
        let Some(models) = self.models else { return };
        models.tagger.tag(doc);
        models.lemmatizer.lemmatize(doc);
        models.parser.parse(doc);
    }
}
