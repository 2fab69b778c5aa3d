//! Dateline's analysis stages: functions over a [`dateline_core::Doc`], run in a fixed order by
//! [`pipeline::Pipeline`].
//!
//! Stages so far: [`segment`] (paragraphs, tokens, sentences), [`tagger`] (UPOS and XPOS),
//! [`lemmatizer`] and [`parser`] (UD dependencies), the last three with models bundled from
//! `data/models` ([`models`]). Each stage lives in its own module
//! with one entry point, writes only its own annotation layer, and reads the layers of earlier
//! stages through the `Doc`, never another stage's internals. Stages do no IO and never fail:
//! problems become diagnostics on the document.
//!
//! ```
//! use dateline_core::{Doc, DocMeta};
//! use dateline_nlp::pipeline::Pipeline;
//!
//! let mut doc = Doc::new("Gen. Dan Caine met U.S. officials. Talks went on.".into(), DocMeta::default());
//! Pipeline::new().run(&mut doc);
//! assert_eq!(doc.annotations().sentences.len(), 2);
//! ```
#![deny(missing_docs)]

/// The pipeline's version: the crate version and a fingerprint of the sources, models, KB,
/// lexicons and gazetteer it was built from. Two builds with the same version analyze alike.
pub const PIPELINE_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("DATELINE_PIPELINE_FINGERPRINT")
);

pub mod clusters;
pub mod entities;
pub mod events;
pub mod gazetteer;
pub mod kb;
pub mod lemmatizer;
pub mod models;
pub mod ner;
mod normalize;
pub mod parser;
pub mod perceptron;
pub mod pipeline;
pub mod places;
pub mod quotes;
pub mod segment;
mod speech;
mod syntax;
pub mod tagger;
pub mod time;
mod time_words;
mod tsv;
