//! The verbs of saying and reporting (`data/lexicon/speech-verbs.tsv`, compiled in), shared by
//! segmentation, the entities stage and the quotes stage.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const SPEECH_VERBS: &str = include_str!("../../../data/lexicon/speech-verbs.tsv");

/// What a verb's complement is: words said, a statement reported, a thought, a demand, or
/// what something is called (the `kind` column of `speech-verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Speech,
    Reporting,
    Belief,
    Demand,
    Naming,
}

fn kind_named(name: &str) -> Option<Kind> {
    match name {
        "speech" => Some(Kind::Speech),
        "reporting" => Some(Kind::Reporting),
        "belief" => Some(Kind::Belief),
        "demand" => Some(Kind::Demand),
        "naming" => Some(Kind::Naming),
        _ => None,
    }
}

struct Lexicon {
    lemmas: HashMap<&'static str, Kind>,
    forms: HashSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lemmas = HashMap::new();
        let mut forms = HashSet::new();
        let rows = SPEECH_VERBS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1); // header
        for row in rows {
            let mut fields = row.split('\t');
            let (Some(lemma), Some(kind)) = (fields.next(), fields.next()) else {
                continue;
            };
            // The file is compiled in; a test checks every kind is known.
            let Some(kind) = kind_named(kind) else {
                continue;
            };
            lemmas.insert(lemma, kind);
            forms.extend(
                fields
                    .next()
                    .unwrap_or("")
                    .split(',')
                    .filter(|f| !f.is_empty()),
            );
        }
        Lexicon { lemmas, forms }
    })
}

/// A verb of saying, by lemma ("say", "insist").
pub(crate) fn is_speech_lemma(lemma: &str) -> bool {
    lexicon().lemmas.get(lemma) == Some(&Kind::Speech)
}

/// A verb of saying, of reporting a statement or of thinking, by lemma ("say", "confirm",
/// "believe"): its complement clause is someone's account.
pub(crate) fn is_reporting_lemma(lemma: &str) -> bool {
    lexicon().lemmas.contains_key(lemma)
}

/// A verb of asking others to act, by lemma ("urge", "call" as in "called for").
pub(crate) fn is_demand_lemma(lemma: &str) -> bool {
    lexicon().lemmas.get(lemma) == Some(&Kind::Demand)
}

/// A verb that characterizes its object, by lemma ("describe", "label"); "call" is one too.
pub(crate) fn is_naming_lemma(lemma: &str) -> bool {
    lemma == "call" || lexicon().lemmas.get(lemma) == Some(&Kind::Naming)
}

/// A verb that attributes a thought rather than words, by lemma ("believe", "expect").
pub(crate) fn is_belief_lemma(lemma: &str) -> bool {
    lexicon().lemmas.get(lemma) == Some(&Kind::Belief)
}

/// The lexicon's kind of a lemma ("speech", "belief", …), or "none": a feature of the learned
/// cue model (`quotes/cue_model.rs`).
pub(crate) fn kind_name(lemma: &str) -> &'static str {
    match lexicon().lemmas.get(lemma) {
        Some(Kind::Speech) => "speech",
        Some(Kind::Reporting) => "reporting",
        Some(Kind::Belief) => "belief",
        Some(Kind::Demand) => "demand",
        Some(Kind::Naming) => "naming",
        None => "none",
    }
}

/// A surface form of a speech verb, for use before tagging ("said", "told").
pub(crate) fn is_speech_form(word: &str) -> bool {
    lexicon().forms.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_known_kind() {
        let rows = SPEECH_VERBS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1);
        for row in rows {
            let kind = row.split('\t').nth(1).unwrap_or("");
            assert!(kind_named(kind).is_some(), "unknown kind in {row:?}");
        }
    }

    #[test]
    fn lemmas_and_forms() {
        assert!(is_speech_lemma("say") && is_speech_lemma("insist"));
        assert!(!is_speech_lemma("confirm") && is_reporting_lemma("confirm"));
        assert!(is_speech_form("told") && !is_speech_form("tell me"));
        assert!(!is_reporting_lemma("eat"));
        assert!(is_reporting_lemma("believe") && is_belief_lemma("believe"));
        assert!(!is_speech_lemma("believe") && !is_belief_lemma("say"));
        assert!(is_reporting_lemma("urge") && is_demand_lemma("urge") && !is_demand_lemma("say"));
        assert!(is_naming_lemma("call") && is_naming_lemma("describe") && !is_naming_lemma("say"));
    }
}
