//! PLOVER contexts: what an event is about ("military", "election", "asylum"). From its CAMEO
//! code (a military act is military, a meeting diplomatic) and from cue words in its clause
//! (`data/lexicon/contexts.tsv`: "refugee" → asylum, "nuclear" → cbrn).

use std::collections::HashMap;

use super::lexicon::{rows, LexiconError};

const FILE: &str = "data/lexicon/contexts.tsv";
pub(super) const SOURCE: &str = include_str!("../../../../data/lexicon/contexts.tsv");

/// PLOVER's contexts in the manual's order (draft 0.8, "Contexts"), snake_case.
pub const CONTEXTS: [&str; 37] = [
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
];

/// Cue words and the context each gives.
#[derive(Debug, Default)]
pub struct Contexts {
    /// One-word cues by lemma.
    words: HashMap<String, &'static str>,
    /// Two-word cues by their lowercase words.
    pairs: HashMap<(String, String), &'static str>,
}

impl Contexts {
    /// Reads the cue file.
    pub fn parse(text: &str) -> Result<Contexts, LexiconError> {
        let mut contexts = Contexts::default();
        for (line, fields) in rows(FILE, text, &["cue", "context", "notes"])? {
            let error = |message: String| LexiconError {
                file: FILE,
                line,
                message,
            };
            let context = CONTEXTS
                .iter()
                .find(|c| **c == fields[1].trim())
                .ok_or_else(|| error(format!("unknown PLOVER context {:?}", fields[1])))?;
            let cue = fields[0].trim().to_lowercase();
            match cue.split_once(' ') {
                Some((first, second)) => {
                    contexts
                        .pairs
                        .insert((first.to_string(), second.to_string()), context);
                }
                None => {
                    contexts.words.insert(cue, context);
                }
            }
        }
        Ok(contexts)
    }

    /// The contexts of an event with CAMEO code `cameo` whose clause has these lemmas and
    /// lowercase words (same length), plus those its actors imply (`from_actors`), each once,
    /// in the manual's order.
    pub fn of(
        &self,
        cameo: Option<&str>,
        lemmas: &[String],
        words: &[String],
        from_actors: &[&'static str],
    ) -> Vec<String> {
        let mut found: Vec<&str> = cameo.and_then(of_code).into_iter().collect();
        found.extend(from_actors);
        for lemma in lemmas {
            found.extend(self.words.get(lemma.as_str()));
        }
        for pair in words.windows(2) {
            found.extend(self.pairs.get(&(pair[0].clone(), pair[1].clone())));
        }
        CONTEXTS
            .iter()
            .filter(|c| found.contains(c))
            .map(|c| c.to_string())
            .collect()
    }
}

/// The context a CAMEO code implies by its family: the acts of force are military, meetings
/// and diplomatic cooperation diplomatic, economic and judicial cooperation and aid economic
/// and legal, intelligence sharing intelligence, humanitarian aid human security,
/// peacekeeping peacekeeping.
fn of_code(code: &str) -> Option<&'static str> {
    let context = match code {
        c if c.starts_with("0311") || c.starts_with("061") || c.starts_with("071") => "economic",
        c if c.starts_with("0312") || c.starts_with("062") || c.starts_with("072") => "military",
        c if c.starts_with("0313") || c.starts_with("063") => "legal",
        c if c.starts_with("0314") || c.starts_with("064") => "intelligence",
        c if c.starts_with("0333") || c.starts_with("073") => "human_security",
        c if c.starts_with("0334") || c.starts_with("074") => "peacekeeping",
        c if c.starts_with("163") || c.starts_with("085") || c.starts_with("0354") => "economic",
        c if c.starts_with("115") || c.starts_with("116") => "legal",
        c if c.starts_with("036") || c.starts_with("04") || c.starts_with("05") => "diplomatic",
        c if c.starts_with("0356") || c.starts_with("087") || c.starts_with("138") => "military",
        c if c.starts_with("15")
            || c.starts_with("18")
            || c.starts_with("19")
            || c.starts_with("20") =>
        {
            "military"
        }
        _ => return None,
    };
    Some(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_bundled_cues_load_and_combine_with_the_code() {
        let contexts = Contexts::parse(SOURCE).expect("the bundled contexts");
        let found = contexts.of(
            Some("190"),
            &words("rebel attack a refugee camp"),
            &words("rebels attacked a refugee camp"),
            &[],
        );
        assert_eq!(found, ["military", "asylum"]);
        let rights = contexts.of(
            None,
            &words("the human right group"),
            &words("the human rights group"),
            &["diplomatic"],
        );
        assert_eq!(rights, ["human_rights", "diplomatic"]);
        let none = contexts.of(Some("120"), &words("he say no"), &words("he said no"), &[]);
        assert!(none.is_empty());
    }

    #[test]
    fn a_bad_line_names_the_file_and_line() {
        let error = Contexts::parse("cue\tcontext\tnotes\nvote\tpolitics\t\n").unwrap_err();
        assert_eq!((error.file, error.line), (FILE, 2));
    }
}
