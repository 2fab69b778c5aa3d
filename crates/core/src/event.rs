//! Events: who did what to whom, when, where, how sure, according to whom.

use crate::span::ByteSpan;
use crate::time::DateRef;

/// Whether the text says the event happened or that it did not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// It happened (or is said, planned, proposed to).
    Positive,
    /// It did not, or will not ("will not send troops", "refused to meet").
    Negative,
}

impl Polarity {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// How the text presents the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as fact by the writer.
    Asserted,
    /// Proposed or offered ("proposed holding a summit").
    Proposed,
    /// Planned or future ("will meet", "a Wednesday meeting").
    Planned,
    /// Possible ("could meet", "a possible deal").
    Hypothetical,
    /// Under a condition ("if the hostilities ended").
    Conditional,
    /// Inside someone's reported speech.
    Reported,
}

impl Modality {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Proposed => "proposed",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Conditional => "conditional",
            Modality::Reported => "reported",
        }
    }
}

/// What a place is to an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceRole {
    /// Where it happened ("met in Alaska").
    Location,
    /// Where it is proposed to happen ("proposed holding the summit in Moscow").
    Venue,
    /// Where someone goes ("travelled to Kyiv").
    Destination,
}

impl PlaceRole {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceRole::Location => "location",
            PlaceRole::Venue => "venue",
            PlaceRole::Destination => "destination",
        }
    }
}

/// An actor of an event: an entity when the words are one's mention, else just the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventActor {
    /// Index into `Annotations::entities`.
    pub entity: Option<usize>,
    /// The words naming it in this sentence.
    pub span: ByteSpan,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Index of its sentence.
    pub sentence: u32,
    /// The clause that expresses it.
    pub clause: ByteSpan,
    /// The trigger word or phrase.
    pub trigger: ByteSpan,
    /// PLOVER type.
    pub event_type: &'static str,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts: what it is about ("military", "asylum"), in the manual's order.
    pub context: Vec<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Goldstein score × 10 (kept integral so annotations compare exactly).
    pub goldstein_tenths: Option<i32>,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted upon.
    pub target: Option<EventActor>,
    /// When.
    pub date: DateRef,
    /// Where, and in what role: index into `Annotations::places`.
    pub place: Option<(usize, PlaceRole)>,
    /// Happened or not.
    pub polarity: Polarity,
    /// How it is presented.
    pub modality: Modality,
    /// Index into `Annotations::quotes` of the quote it is told in.
    pub quote: Option<usize>,
    /// Confidence in percent.
    pub confidence_percent: u8,
    /// The rule and the evidence that made it.
    pub why: String,
}

/// PLOVER's sixteen event types, in the manual's order (the contract's `events[].type`).
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];
