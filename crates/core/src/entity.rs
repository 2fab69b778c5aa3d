//! Entities: real-world referents with every mention of them in a document.

use crate::span::ByteSpan;

/// What kind of referent an entity is (the contract's `type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization, body or group with a name.
    Org,
    /// A geopolitical entity: country, city, region with a government.
    Gpe,
    /// A location without a government: seas, mountains, world regions.
    Loc,
    /// A nationality, religious or political group named by an adjective ("Ukrainian").
    Norp,
    /// A group described, not named ("European military chiefs").
    Group,
    /// An unnamed source ("a U.S. defense official").
    Anon,
}

impl EntityType {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Group => "GROUP",
            EntityType::Anon => "ANON",
        }
    }
}

/// How a mention refers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// By name ("Donald Trump", "Trump", "the Kremlin").
    Name,
    /// By title or role alone ("the president", "the Russian leader").
    Title,
    /// By a description ("three sources familiar with a call").
    Descriptor,
    /// By a pronoun ("he").
    Pronoun,
}

impl MentionKind {
    /// Lowercase name for output.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Title => "title",
            MentionKind::Descriptor => "descriptor",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The mention's text.
    pub span: ByteSpan,
    /// How it refers.
    pub kind: MentionKind,
    /// Index of its sentence.
    pub sentence: u32,
}

/// A referent and its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the KB name, else the longest name mention, else the first description.
    pub name: String,
    /// Kind of referent.
    pub entity_type: EntityType,
    /// KB key when linked.
    pub kb: Option<String>,
    /// ISO3 country (or non-state code) it acts for.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// CAMEO-style actor code ("USAGOV", "NATO").
    pub code: Option<String>,
    /// Titles and roles seen in the text or known for the date.
    pub roles: Vec<String>,
    /// Age when the text gives it ("Anton, 32").
    pub age: Option<u32>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// How the entity was linked and coded: a short trace for users.
    pub why: String,
}
