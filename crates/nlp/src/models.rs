//! The bundled models (tagger, lemmatizer, parser, recognizer, attribution cues, report
//! extents): compiled into the binary from `data/models/` and decoded once, on first
//! use, so that a fresh clone analyzes offline with no files to find at run time.

use std::sync::OnceLock;

use crate::clusters::WordClusters;
use crate::lemmatizer::Lemmatizer;
use crate::ner::Recognizer;
use crate::parser::Parser;
use crate::perceptron::ModelError;
use crate::quotes::{CueModel, ExtentModel};
use crate::tagger::Tagger;

const TAGGER: &[u8] = include_bytes!("../../../data/models/tagger.bin.gz");
const LEMMAS: &[u8] = include_bytes!("../../../data/models/lemmas.tsv.gz");
const PARSER_TRANSITIONS: &[u8] = include_bytes!("../../../data/models/parser-transitions.bin.gz");
const PARSER_LABELS: &[u8] = include_bytes!("../../../data/models/parser-labels.bin.gz");
const NER: &[u8] = include_bytes!("../../../data/models/ner.bin.gz");
const CUES: &[u8] = include_bytes!("../../../data/models/cues.bin.gz");
const EXTENT: &[u8] = include_bytes!("../../../data/models/extent.bin.gz");
const CLUSTERS: &[u8] = include_bytes!("../../../data/models/clusters.tsv.gz");

/// The tagger, lemmatizer and parser, decoded.
#[derive(Debug)]
pub struct Models {
    /// POS tagger.
    pub tagger: Tagger,
    /// Lemmatizer.
    pub lemmatizer: Lemmatizer,
    /// Dependency parser.
    pub parser: Parser,
    /// Named-entity recognizer.
    pub ner: Recognizer,
    /// Attribution cues learned from PolNeAR.
    pub cues: CueModel,
    /// Where reports end, learned from PolNeAR.
    pub extent: ExtentModel,
}

/// The bundled models, decoded on the first call and shared afterwards. An error means the
/// binary was built with a damaged model file; it is returned on every call, never a panic.
pub fn bundled() -> Result<&'static Models, &'static ModelError> {
    static MODELS: OnceLock<Result<Models, ModelError>> = OnceLock::new();
    MODELS.get_or_init(decode).as_ref()
}

/// Decodes the models on parallel threads: decompressing and indexing dominate load time.
fn decode() -> Result<Models, ModelError> {
    std::thread::scope(|scope| {
        let parser = scope.spawn(|| Parser::from_bytes(PARSER_TRANSITIONS, PARSER_LABELS));
        let tagger = scope.spawn(|| Tagger::from_bytes(TAGGER));
        let ner = scope.spawn(|| Recognizer::from_bytes(NER, WordClusters::from_bytes(CLUSTERS)?));
        let lemmatizer = Lemmatizer::from_bytes(LEMMAS)?;
        let cues = CueModel::from_bytes(CUES)?;
        let extent = ExtentModel::from_bytes(EXTENT)?;
        let ner = ner.join().unwrap_or_else(|_| Err(panicked()))?;
        let tagger = tagger.join().unwrap_or_else(|_| Err(panicked()))?;
        let parser = parser.join().unwrap_or_else(|_| Err(panicked()))?;
        Ok(Models {
            tagger,
            lemmatizer,
            parser,
            ner,
            cues,
            extent,
        })
    })
}

fn panicked() -> ModelError {
    ModelError::Corrupt("a model decoder panicked".into())
}
