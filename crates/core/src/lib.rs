//! The core of Dateline: the stand-off document model and the analysis contract.
//!
//! Brief overview:
//!
//! - [`Doc`] holds a news document's text, which never changes after construction, its
//!   [`DocMeta`] (title, source, reference date, dateline, origin) and its [`Annotations`]:
//!   layers of [`ByteSpan`]s plus typed data, each written by one pipeline stage.
//! - [`schema::Analysis`] is the JSON contract `dateline.analysis/1`. [`schema::Analysis::from_doc`]
//!   is the one place where byte offsets become the contract's character offsets
//!   ([`CharOffsets`]).
//!
//! This crate does no IO and knows nothing of models, readers, SQL or HTTP.
//!
//! ```
//! use dateline_core::{Doc, DocMeta, schema::{Analysis, OutputOptions}};
//!
//! let doc = Doc::new("Kyiv said no.".to_string(), DocMeta::default());
//! let analysis = Analysis::from_doc(&doc, OutputOptions { tokens: false });
//! assert_eq!(analysis.schema, "dateline.analysis/1");
//! assert_eq!(analysis.document.text, "Kyiv said no.");
//! ```
#![deny(missing_docs)]

mod doc;
mod entity;
mod event;
mod meta;
mod offsets;
mod place;
mod quote;
pub mod schema;
mod span;
pub mod tagset;
mod time;

pub use doc::{
    content_id, Annotations, Diagnostic, Doc, NameSpan, QuoteSide, Sentence, Severity, Token,
    TokenKind,
};
pub use entity::{Entity, EntityType, Mention, MentionKind};
pub use event::{Event, EventActor, Modality, PlaceRole, Polarity, PLOVER_TYPES};
pub use meta::{Dateline, DocMeta, Origin, PartialDate, Published, PublishedFrom};
pub use offsets::CharOffsets;
pub use place::{Coordinates, Place, PlaceFeature};
pub use quote::{Quote, QuoteKind};
pub use span::ByteSpan;
pub use time::{DatePrecision, DateRef, TimeRelation, Timex, TimexType};
