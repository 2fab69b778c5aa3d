//! The pipeline: the stages in their fixed order.

use dateline_core::{Diagnostic, Doc, Severity};

use crate::events::lexicon::Lexicon;
use crate::gazetteer::{Gazetteer, GazetteerError};
use crate::kb::{Kb, KbError};
use crate::models::{self, Models};
use crate::{entities, events, places, quotes, segment, time};

/// Runs the analysis stages over documents. Holds nothing per document, so one pipeline serves
/// any number of documents and threads.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline {
    models: Option<&'static Models>,
    load_error: Option<&'static crate::perceptron::ModelError>,
    kb: Option<&'static Kb>,
    kb_error: Option<&'static KbError>,
    gazetteer: Option<Result<&'static Gazetteer, &'static GazetteerError>>,
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
                ..Pipeline::segment_only()
            },
            Err(error) => Pipeline {
                models: None,
                load_error: Some(error),
                ..Pipeline::segment_only()
            },
        }
        .with_bundled_kb()
        .with_bundled_gazetteer()
    }

    fn with_bundled_gazetteer(self) -> Pipeline {
        Pipeline {
            gazetteer: Some(Gazetteer::bundled()),
            ..self
        }
    }

    fn with_bundled_kb(self) -> Pipeline {
        match Kb::bundled() {
            Ok(kb) => Pipeline {
                kb: Some(kb),
                ..self
            },
            Err(error) => Pipeline {
                kb: None,
                kb_error: Some(error),
                ..self
            },
        }
    }

    /// The same pipeline with another KB (the bundled files plus a user's, built with
    /// [`Kb::from_sources`]).
    pub fn with_kb(self, kb: &'static Kb) -> Pipeline {
        Pipeline {
            kb: Some(kb),
            kb_error: None,
            ..self
        }
    }

    /// A pipeline that only segments: for measuring segmentation alone.
    pub fn segment_only() -> Pipeline {
        Pipeline {
            models: None,
            load_error: None,
            kb: None,
            kb_error: None,
            gazetteer: None,
        }
    }

    /// Analyzes `doc` in place: segment → tag → lemmatize → parse → names → entities →
    /// quotes → times → places → events (tone when it lands).
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
        if let Some(error) = self.kb_error {
            doc.push_diagnostic(Diagnostic {
                severity: Severity::Error,
                stage: "kb",
                message: format!("the knowledge base could not be loaded: {error}; no entities"),
            });
        }
        let Some(kb) = self.kb else { return };
        let gazetteer = self.gazetteer.and_then(Result::ok);
        models.ner.recognize(doc, kb, gazetteer);
        entities::resolve(doc, kb, gazetteer);
        quotes::extract(doc, Some(&models.cues), Some(&models.extent));
        time::extract(doc);
        match self.gazetteer {
            Some(Ok(gazetteer)) => places::extract(doc, gazetteer),
            Some(Err(error)) => doc.push_diagnostic(Diagnostic {
                severity: Severity::Error,
                stage: "places",
                message: format!("the gazetteer could not be loaded: {error}; no places"),
            }),
            None => {}
        }
        match Lexicon::bundled() {
            Ok(lexicon) => events::extract(doc, lexicon),
            Err(error) => doc.push_diagnostic(Diagnostic {
                severity: Severity::Error,
                stage: "events",
                message: format!("the event lexicon could not be loaded: {error}; no events"),
            }),
        }
    }
}
