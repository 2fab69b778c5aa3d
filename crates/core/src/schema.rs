//! The analysis contract `dateline.analysis/1` (`shared/docs/analysis-schema.md`) as typed wire
//! structs. These are the only serializable types of the document model: internal types stay
//! free to change, these change only with a new schema version.

use serde::{Deserialize, Serialize};

use crate::doc::{Doc, Severity, TokenKind};
use crate::offsets::CharOffsets;
use crate::span::ByteSpan;
use crate::time::DateRef;

/// The schema identifier written in every analysis.
pub const SCHEMA: &str = "dateline.analysis/1";

/// One analyzed document, as `dateline analyze --format json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Metadata and text.
    pub document: DocumentOut,
    /// Sentence spans.
    pub sentences: Vec<SpanOut>,
    /// One entry per referent.
    pub entities: Vec<EntityOut>,
    /// Direct, partial and indirect quotes.
    pub quotes: Vec<QuoteOut>,
    /// Time expressions.
    pub times: Vec<TimeOut>,
    /// Toponyms.
    pub places: Vec<PlaceOut>,
    /// Coded events.
    pub events: Vec<EventOut>,
    /// Document tone; `null` until the tone stage exists.
    pub tone: Option<ToneOut>,
    /// Tokens, only with `--tokens` (an addition to the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenOut>>,
    /// Problems met while reading or analyzing this document (an addition to the contract).
    #[serde(default)]
    pub diagnostics: Vec<DiagnosticOut>,
}

/// `document`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    /// sha256 of the text, hex, or the id given by the input.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publisher or agency.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Reference date (DCT): `2025-08-19` or an RFC 3339 date-time.
    pub published: Option<String>,
    /// `metadata`, `dateline` or `option`.
    pub published_from: Option<String>,
    /// ISO 639-1.
    pub language: String,
    /// The analyzed text.
    pub text: String,
    /// The wire dateline found at the top of the text (an addition to the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<DatelineOut>,
}

/// A dateline ("KYIV, Aug 19 (AFP) -") and what was read from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatelineOut {
    /// Char offset of the first character.
    pub start: u32,
    /// Char offset one past the last character.
    pub end: u32,
    /// The dateline as written.
    pub text: String,
    /// Place as written.
    pub place: Option<String>,
    /// `2025-08-19`, or `--08-19` (TIMEX3 style) when the year is not given.
    pub date: Option<String>,
    /// Agency.
    pub agency: Option<String>,
}

/// A bare span (`sentences[]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOut {
    /// Char offset of the first character.
    pub start: u32,
    /// Char offset one past the last character.
    pub end: u32,
}

/// A span with its text (mentions, triggers, cues).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpanOut {
    /// Char offset of the first character.
    pub start: u32,
    /// Char offset one past the last character.
    pub end: u32,
    /// The text of the span, verbatim.
    pub text: String,
}

/// `entities[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    /// `E1`, `E2`, …
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// PERSON, ORG, GPE, LOC, NORP, GROUP or ANON.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Knowledge-base key.
    pub kb: Option<String>,
    /// ISO 3166-1 alpha-3, or an IGO's own code.
    pub country: Option<String>,
    /// PLOVER/CAMEO sector.
    pub sector: Option<String>,
    /// Titles and roles.
    pub roles: Vec<String>,
    /// Every mention.
    pub mentions: Vec<MentionOut>,
    /// CAMEO-style actor code: country + sector ("USAGOV") or the KB's own ("NATO"). Added
    /// field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Age, when the text gives it. Added field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// How the entity was linked and coded. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// `entities[].mentions[]`: a text span and how it refers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionOut {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// The text of the span, verbatim.
    pub text: String,
    /// `name`, `title`, `descriptor` or `pronoun`. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub kind: String,
}

/// `quotes[].speaker`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerOut {
    /// Entity id, when the speaker resolved to one.
    pub entity: Option<String>,
    /// Speaker name.
    pub name: String,
    /// Char offset of the speaker mention.
    pub start: u32,
    /// End char offset of the speaker mention.
    pub end: u32,
    /// The mention's text.
    pub text: String,
}

/// `quotes[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    /// `Q1`, `Q2`, …
    pub id: String,
    /// direct, partial or indirect.
    pub kind: String,
    /// Content start.
    pub start: u32,
    /// Content end.
    pub end: u32,
    /// Content only, without quote marks.
    pub text: String,
    /// Who said it.
    pub speaker: Option<SpeakerOut>,
    /// The speech verb or phrase.
    pub cue: Option<TextSpanOut>,
    /// Who was told, or the outlet.
    pub addressee: Option<TextSpanOut>,
    /// True for anonymous sources.
    pub anonymous: bool,
    /// How the quote and its speaker were found. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// When it was said (as `events[].date`). Added field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDateOut>,
}

/// `times[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeOut {
    /// `T1`, `T2`, …
    pub id: String,
    /// Start char offset.
    pub start: u32,
    /// End char offset.
    pub end: u32,
    /// The expression.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub time_type: String,
    /// TIMEX3 value.
    pub value: Option<String>,
    /// TimeML `mod` ("START", "END", "APPROX", …). Added field.
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// For "three days after X": the dates of X and of the clause. Added field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<TimeRelationOut>,
    /// How the value was computed, or why it is null. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// `times[].relation`: an expression that dates one event from another. Added to the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRelationOut {
    /// `after` or `before`.
    pub relation: String,
    /// The anchor event's phrase.
    pub event: TextSpanOut,
    /// The anchor event's date.
    pub event_date: Option<String>,
    /// The date of the clause the expression modifies.
    pub clause_date: Option<String>,
    /// Which date was derived from which.
    pub why: String,
}

/// `places[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceOut {
    /// `P1`, `P2`, …
    pub id: String,
    /// Start char offset.
    pub start: u32,
    /// End char offset.
    pub end: u32,
    /// The toponym as written.
    pub text: String,
    /// Gazetteer name.
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// First-level division.
    pub admin1: Option<String>,
    /// country, admin1, admin2, city, landmark, region, water or continent.
    pub feature: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonameid: Option<u64>,
    /// How it was recognized and resolved. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// `events[].source` and `events[].target`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorOut {
    /// Entity id.
    pub entity: Option<String>,
    /// Actor name.
    pub name: String,
    /// ISO3 or IGO code.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
    /// CAMEO-style code ("USAGOV").
    pub code: Option<String>,
}

/// `events[].date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDateOut {
    /// Time id.
    pub time: Option<String>,
    /// TIMEX3 value.
    pub value: Option<String>,
    /// `time`, `day`, `week`, `month`, `quarter`, `year`, `vague` or `document`. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub precision: String,
    /// Which rule gave the date. Added field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

/// `events[].place`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlaceOut {
    /// Place id.
    pub place: String,
    /// location, venue or destination.
    pub role: String,
}

/// `events[].attribution`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionOut {
    /// Quote id.
    pub quote: Option<String>,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// The outlet the claim came through.
    pub via: Option<String>,
    /// Whether the source is anonymous.
    pub anonymous: bool,
}

/// `events[]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    /// `V1`, `V2`, …
    pub id: String,
    /// Sentence index.
    pub sentence: u32,
    /// Clause start.
    pub start: u32,
    /// Clause end.
    pub end: u32,
    /// The trigger word or phrase.
    pub trigger: TextSpanOut,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// CAMEO QuadClass.
    pub quad_class: Option<u8>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// Who acts.
    pub source: Option<ActorOut>,
    /// Who is acted upon.
    pub target: Option<ActorOut>,
    /// When.
    pub date: EventDateOut,
    /// Where.
    pub place: Option<EventPlaceOut>,
    /// positive or negative.
    pub polarity: String,
    /// asserted, proposed, planned, hypothetical, conditional or reported.
    pub modality: String,
    /// Who claims it.
    pub attribution: Option<AttributionOut>,
    /// 0–1.
    pub confidence: f64,
    /// Rule or model trace.
    pub why: String,
}

/// `tone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToneOut {
    /// Positive minus negative.
    pub score: f64,
    /// Positive share.
    pub positive: f64,
    /// Negative share.
    pub negative: f64,
}

/// `tokens[]` (with `--tokens`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenOut {
    /// Start char offset.
    pub start: u32,
    /// End char offset.
    pub end: u32,
    /// The token.
    pub text: String,
    /// word, number, quote-open, quote-close, quote, punct, symbol or url.
    pub kind: String,
    /// Universal POS tag, once tagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pos: Option<String>,
    /// Penn Treebank tag, once tagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xpos: Option<String>,
    /// Lemma, once lemmatized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lemma: Option<String>,
    /// Index of the head in `tokens[]`, once parsed; a sentence root is its own head (as in
    /// spaCy) and has `dep` "root".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<u32>,
    /// Dependency relation, once parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dep: Option<String>,
}

/// `diagnostics[]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticOut {
    /// warning or error.
    pub severity: String,
    /// Stage that raised it.
    pub stage: String,
    /// The message.
    pub message: String,
}

/// What to include beyond the contract's required fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutputOptions {
    /// Include `tokens[]`.
    pub tokens: bool,
}

impl Analysis {
    /// Builds the wire form of `doc`. This is the one place byte offsets become char offsets.
    pub fn from_doc(doc: &Doc, options: OutputOptions) -> Analysis {
        let offsets = CharOffsets::new(doc.text());
        let span = |span: ByteSpan| {
            let (start, end) = offsets.char_span(span);
            SpanOut { start, end }
        };
        let text_span = |s: ByteSpan| {
            let (start, end) = offsets.char_span(s);
            TextSpanOut {
                start,
                end,
                text: doc.slice(s).to_string(),
            }
        };
        let annotations = doc.annotations();
        let meta = doc.meta();
        let dateline = meta.dateline.as_ref().map(|dateline| {
            let TextSpanOut { start, end, text } = text_span(dateline.span);
            DatelineOut {
                start,
                end,
                text,
                place: dateline.place.clone(),
                date: dateline.date.map(|date| match (date.year, date.day) {
                    (Some(year), Some(day)) => format!("{year:04}-{:02}-{day:02}", date.month),
                    (Some(year), None) => format!("{year:04}-{:02}", date.month),
                    (None, Some(day)) => format!("--{:02}-{day:02}", date.month),
                    (None, None) => format!("--{:02}", date.month),
                }),
                agency: dateline.agency.clone(),
            }
        });
        let tokens = options.tokens.then(|| {
            annotations
                .tokens
                .iter()
                .enumerate()
                .map(|(index, token)| {
                    let TextSpanOut { start, end, text } = text_span(token.span);
                    let pos = annotations.pos.get(index);
                    let dependency = annotations.dependencies.get(index);
                    TokenOut {
                        start,
                        end,
                        text,
                        kind: token_kind_name(token.kind).to_string(),
                        pos: pos.map(|p| p.upos.to_string()),
                        xpos: pos.map(|p| p.xpos.to_string()),
                        lemma: annotations.lemmas.get(index).cloned(),
                        head: dependency.map(|d| d.head.unwrap_or(index as u32)),
                        dep: dependency.map(|d| d.relation.to_string()),
                    }
                })
                .collect()
        });
        Analysis {
            schema: SCHEMA.to_string(),
            document: DocumentOut {
                id: doc.id().to_string(),
                title: meta.title.clone(),
                source: meta.source.clone(),
                url: meta.url.clone(),
                published: meta.published.map(|published| published.to_string()),
                published_from: meta.published_from.map(|from| from.as_str().to_string()),
                language: meta.language.clone(),
                text: doc.text().to_string(),
                dateline,
            },
            sentences: annotations.sentences.iter().map(|s| span(s.span)).collect(),
            entities: annotations
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityOut {
                    id: format!("E{}", i + 1),
                    name: e.name.clone(),
                    entity_type: e.entity_type.as_str().to_string(),
                    kb: e.kb.clone(),
                    country: e.country.clone(),
                    sector: e.sector.clone(),
                    roles: e.roles.clone(),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|m| {
                            let TextSpanOut { start, end, text } = text_span(m.span);
                            MentionOut {
                                start,
                                end,
                                text,
                                kind: m.kind.as_str().to_string(),
                            }
                        })
                        .collect(),
                    code: e.code.clone(),
                    age: e.age,
                    why: e.why.clone(),
                })
                .collect(),
            quotes: annotations
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let TextSpanOut { start, end, text } = text_span(q.content);
                    let speaker = q.speaker.map(|span| {
                        let TextSpanOut { start, end, text } = text_span(span);
                        let entity = q.speaker_entity.and_then(|e| annotations.entities.get(e));
                        SpeakerOut {
                            entity: q.speaker_entity.map(|e| format!("E{}", e + 1)),
                            name: entity.map_or_else(|| text.clone(), |e| e.name.clone()),
                            start,
                            end,
                            text,
                        }
                    });
                    QuoteOut {
                        id: format!("Q{}", i + 1),
                        kind: q.kind.as_str().to_string(),
                        start,
                        end,
                        text,
                        speaker,
                        cue: q.cue.map(text_span),
                        addressee: q.addressee.map(text_span),
                        anonymous: q.anonymous,
                        why: q.why.clone(),
                        date: annotations.quote_dates.get(i).map(date_out),
                    }
                })
                .collect(),
            times: annotations
                .times
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let TextSpanOut { start, end, text } = text_span(t.span);
                    TimeOut {
                        id: format!("T{}", i + 1),
                        start,
                        end,
                        text,
                        time_type: t.timex_type.as_str().to_string(),
                        value: t.value.clone(),
                        modifier: t.modifier.map(str::to_string),
                        relation: t.relation.as_ref().map(|r| TimeRelationOut {
                            relation: r.relation.to_string(),
                            event: text_span(r.event),
                            event_date: r.event_date.clone(),
                            clause_date: r.clause_date.clone(),
                            why: r.why.clone(),
                        }),
                        why: t.why.clone(),
                    }
                })
                .collect(),
            places: annotations
                .places
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let TextSpanOut { start, end, text } = text_span(p.span);
                    PlaceOut {
                        id: format!("P{}", i + 1),
                        start,
                        end,
                        text,
                        name: p.name.clone(),
                        country: p.country.clone(),
                        admin1: p.admin1.clone(),
                        feature: p.feature.as_str().to_string(),
                        lat: p.coordinates.map(|c| c.lat()),
                        lon: p.coordinates.map(|c| c.lon()),
                        geonameid: p.geonameid,
                        why: p.why.clone(),
                    }
                })
                .collect(),
            events: annotations
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| event_out(i, e, doc, &text_span))
                .collect(),
            tone: None,
            tokens,
            diagnostics: doc
                .diagnostics()
                .iter()
                .map(|d| DiagnosticOut {
                    severity: match d.severity {
                        Severity::Warning => "warning".to_string(),
                        Severity::Error => "error".to_string(),
                    },
                    stage: d.stage.to_string(),
                    message: d.message.clone(),
                })
                .collect(),
        }
    }
}

/// The contract's form of an event.
fn event_out(
    index: usize,
    event: &crate::event::Event,
    doc: &Doc,
    text_span: &dyn Fn(ByteSpan) -> TextSpanOut,
) -> EventOut {
    let annotations = doc.annotations();
    let actor = |a: &crate::event::EventActor| {
        let entity = a.entity.and_then(|e| annotations.entities.get(e));
        ActorOut {
            entity: a.entity.map(|e| format!("E{}", e + 1)),
            name: entity.map_or_else(|| doc.slice(a.span).to_string(), |e| e.name.clone()),
            country: entity.and_then(|e| e.country.clone()),
            sector: entity.and_then(|e| e.sector.clone()),
            code: entity.and_then(|e| e.code.clone()),
        }
    };
    let clause = text_span(event.clause);
    let quote = event
        .quote
        .and_then(|q| annotations.quotes.get(q).map(|quote| (q, quote)));
    EventOut {
        id: format!("V{}", index + 1),
        sentence: event.sentence,
        start: clause.start,
        end: clause.end,
        trigger: text_span(event.trigger),
        event_type: event.event_type.to_string(),
        mode: event.mode.clone(),
        context: event.context.clone(),
        cameo: event.cameo.clone(),
        quad_class: event.cameo.as_deref().and_then(quad_class),
        goldstein: event.goldstein_tenths.map(|g| f64::from(g) / 10.0),
        source: event.source.as_ref().map(actor),
        target: event.target.as_ref().map(actor),
        date: date_out(&event.date),
        place: event.place.map(|(p, role)| EventPlaceOut {
            place: format!("P{}", p + 1),
            role: role.as_str().to_string(),
        }),
        polarity: event.polarity.as_str().to_string(),
        modality: event.modality.as_str().to_string(),
        attribution: quote.map(|(q, quote)| AttributionOut {
            quote: Some(format!("Q{}", q + 1)),
            speaker: quote.speaker_entity.map(|e| format!("E{}", e + 1)),
            via: quote.addressee.map(|a| doc.slice(a).to_string()),
            anonymous: quote.anonymous,
        }),
        confidence: f64::from(event.confidence_percent) / 100.0,
        why: event.why.clone(),
    }
}

/// CAMEO's QuadClass from the root code: 01–05 verbal cooperation, 06–08 material cooperation,
/// 09–13 verbal conflict, 14–20 material conflict.
pub fn quad_class(cameo: &str) -> Option<u8> {
    let root: u8 = cameo.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// The contract's form of a date given to an event or quote.
fn date_out(date: &DateRef) -> EventDateOut {
    EventDateOut {
        time: date.time.map(|t| format!("T{}", t + 1)),
        value: date.value.clone(),
        precision: date.precision.as_str().to_string(),
        why: date.why.clone(),
    }
}

/// The contract's name for a token kind.
pub fn token_kind_name(kind: TokenKind) -> &'static str {
    use crate::doc::QuoteSide;
    match kind {
        TokenKind::Word => "word",
        TokenKind::Number => "number",
        TokenKind::Quote(QuoteSide::Open) => "quote-open",
        TokenKind::Quote(QuoteSide::Close) => "quote-close",
        TokenKind::Quote(QuoteSide::Unknown) => "quote",
        TokenKind::Punct => "punct",
        TokenKind::Symbol => "symbol",
        TokenKind::Url => "url",
    }
}
