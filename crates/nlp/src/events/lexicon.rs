//! The event lexicon: `data/lexicon/event-verbs.tsv`, verb and noun triggers with the PLOVER
//! type, mode, CAMEO code, Goldstein score and target frame they give. Compiled in; a bad line
//! is refused with `FILE:LINE: message`.

use std::collections::HashMap;
use std::sync::OnceLock;

pub(super) use crate::tsv::rows;
pub use crate::tsv::LexiconError;

const FILE: &str = "data/lexicon/event-verbs.tsv";
const SOURCE: &str = include_str!("../../../../data/lexicon/event-verbs.tsv");
const HEADER: [&str; 8] = [
    "trigger",
    "pos",
    "type",
    "mode",
    "cameo",
    "goldstein",
    "target",
    "notes",
];

/// PLOVER's sixteen event types.
pub const TYPES: [&str; 16] = dateline_core::PLOVER_TYPES;

/// The type of a line that says a phrase is no event ("sign decree", "deliver speech"), so
/// that its verb's own sense does not apply.
pub const NOT_AN_EVENT: &str = "NONE";

/// What a trigger gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// Its lemma form ("meet", "rule out", "talks").
    pub phrase: String,
    /// A noun trigger ("summit") rather than a verb.
    pub noun: bool,
    /// PLOVER type.
    pub event_type: &'static str,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Goldstein score × 10.
    pub goldstein_tenths: Option<i32>,
    /// How the target is expressed: "obj" or a preposition.
    pub targets: Vec<String>,
}

/// Triggers by (phrase, noun).
#[derive(Debug, Default)]
pub struct Lexicon {
    triggers: HashMap<(String, bool), Vec<Trigger>>,
    /// The Goldstein score (× 10) the lexicon gives each CAMEO code, for codes the engine
    /// derives (PLOVER's tense conventions) rather than reads from a line.
    goldstein_by_code: HashMap<String, i32>,
    /// The context cues (`data/lexicon/contexts.tsv`); empty for a lexicon read by [`Lexicon::parse`].
    pub contexts: super::contexts::Contexts,
}

impl Lexicon {
    /// The bundled lexicon, read once per process.
    pub fn bundled() -> Result<&'static Lexicon, &'static LexiconError> {
        static BUNDLED: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                let mut lexicon = Lexicon::parse(SOURCE)?;
                lexicon.contexts = super::contexts::Contexts::parse(super::contexts::SOURCE)?;
                Ok(lexicon)
            })
            .as_ref()
    }

    /// Reads a lexicon in the bundled file's format.
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        for (line, fields) in rows(FILE, text, &HEADER)? {
            let error = |message: String| LexiconError {
                file: FILE,
                line,
                message,
            };
            let event_type = TYPES
                .iter()
                .chain([&NOT_AN_EVENT])
                .find(|t| **t == fields[2].trim())
                .ok_or_else(|| error(format!("unknown PLOVER type {:?}", fields[2])))?;
            let noun = match fields[1].trim() {
                "verb" => false,
                "noun" => true,
                other => return Err(error(format!("pos must be verb or noun, not {other:?}"))),
            };
            let optional = |f: &str| (!f.trim().is_empty()).then(|| f.trim().to_string());
            let goldstein_tenths = match fields[5].trim() {
                "" => None,
                value => Some(
                    value
                        .parse::<f64>()
                        .ok()
                        .filter(|g| g.abs() <= 10.0)
                        .map(|g| (g * 10.0).round() as i32)
                        .ok_or_else(|| error(format!("bad Goldstein score {value:?}")))?,
                ),
            };
            let trigger = Trigger {
                phrase: fields[0].trim().to_lowercase(),
                noun,
                event_type,
                mode: optional(fields[3]),
                cameo: optional(fields[4]),
                goldstein_tenths,
                targets: fields[6]
                    .split('|')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect(),
            };
            if let (Some(code), Some(score)) = (&trigger.cameo, trigger.goldstein_tenths) {
                lexicon
                    .goldstein_by_code
                    .entry(code.clone())
                    .or_insert(score);
            }
            lexicon
                .triggers
                .entry((trigger.phrase.clone(), noun))
                .or_default()
                .push(trigger);
        }
        Ok(lexicon)
    }

    /// The first sense of a trigger phrase.
    pub fn get(&self, phrase: &str, noun: bool) -> Option<&Trigger> {
        self.senses(phrase, noun).first()
    }

    /// Every sense of a trigger phrase, most common first (empty when it is no trigger).
    pub fn senses(&self, phrase: &str, noun: bool) -> &[Trigger] {
        self.triggers
            .get(&(phrase.to_string(), noun))
            .map_or(&[], Vec::as_slice)
    }

    /// The Goldstein score (× 10) of a CAMEO code, as the lexicon's lines give it.
    pub fn goldstein_of(&self, cameo: &str) -> Option<i32> {
        self.goldstein_by_code.get(cameo).copied()
    }

    /// How many triggers it holds.
    pub fn len(&self) -> usize {
        self.triggers.values().map(Vec::len).sum()
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.triggers.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses_bad_lines() {
        let text = "# x\ntrigger\tpos\ttype\tmode\tcameo\tgoldstein\ttarget\tnotes\n\
                    rule out\tverb\tREJECT\t\t120\t-4\tobj\t\n";
        let lexicon = Lexicon::parse(text).unwrap();
        let rule_out = lexicon.get("rule out", false).unwrap();
        assert_eq!(rule_out.event_type, "REJECT");
        assert_eq!(rule_out.goldstein_tenths, Some(-40));
        let bad = text.replace("REJECT", "REFUSE");
        let error = Lexicon::parse(&bad).unwrap_err();
        assert_eq!(error.line, 3);
    }

    #[test]
    fn the_bundled_lexicon_loads() {
        let lexicon = Lexicon::bundled().unwrap();
        assert!(lexicon.len() > 100);
    }
}
