//! The segmentation lexicons: `data/lexicon/abbreviations.tsv` and `sentence-starters.txt`,
//! compiled into the binary and parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../../../data/lexicon/abbreviations.tsv");
const SENTENCE_STARTERS: &str = include_str!("../../../../data/lexicon/sentence-starters.txt");

/// How an abbreviation's period relates to a sentence end (see abbreviations.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    Prefix,
    Suffix,
    Time,
    Number,
}

pub(crate) struct Lexicon {
    abbreviations: HashMap<String, AbbrevClass>,
    starters: HashSet<String>,
}

/// Longest abbreviation key we look up; longer words skip the lookup without allocating.
const MAX_KEY: usize = 16;

impl Lexicon {
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse_bundled)
    }

    fn parse_bundled() -> Lexicon {
        let mut abbreviations = HashMap::new();
        for line in data_lines(ABBREVIATIONS) {
            let mut fields = line.split('\t');
            let (Some(key), Some(class)) = (fields.next(), fields.next()) else {
                continue;
            };
            let class = match class.trim() {
                "prefix" => AbbrevClass::Prefix,
                "suffix" => AbbrevClass::Suffix,
                "time" => AbbrevClass::Time,
                "number" => AbbrevClass::Number,
                // The lexicon ships in the binary and a unit test parses every line, so an unknown
                // class cannot reach users; skipping keeps this path panic-free regardless.
                _ => continue,
            };
            abbreviations.insert(key.trim().to_lowercase(), class);
        }
        let starters = data_lines(SENTENCE_STARTERS).map(str::to_string).collect();
        Lexicon {
            abbreviations,
            starters,
        }
    }

    /// The class of `word` (without its final period), case-insensitively.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > MAX_KEY {
            return None;
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.abbreviations.get(word).copied();
        }
        self.abbreviations.get(&word.to_lowercase()).copied()
    }

    /// True when `word` is a common sentence opener (exact case).
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_line_parses() {
        let lexicon = Lexicon::get();
        assert_eq!(
            lexicon.abbreviations.len(),
            data_lines(ABBREVIATIONS).count()
        );
        assert_eq!(lexicon.abbreviation("Gen"), Some(AbbrevClass::Prefix));
        assert_eq!(lexicon.abbreviation("U.S"), Some(AbbrevClass::Suffix));
        assert_eq!(lexicon.abbreviation("p.m"), Some(AbbrevClass::Time));
        assert!(lexicon.is_sentence_starter("The"));
        assert!(!lexicon.is_sentence_starter("Government"));
    }
}
