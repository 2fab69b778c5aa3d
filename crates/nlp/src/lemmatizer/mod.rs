//! Lemmatizer: the dictionary form of every token, from its form and its Penn tag.
//!
//! A lexicon learned from the training treebanks maps (lowercased form, XPOS) to the form's most
//! frequent gold lemma; it covers irregulars ("met" → "meet", "said" → "say", "better" → "good")
//! and UD English's conventions ("n't" → "not", "’s" → "'s" or "be"). Words it has not seen go
//! to [`rules`], which strip inflection by tag and check the candidates against the lemmas seen in
//! training. Proper nouns keep their case; everything else is lowercased unless the lexicon says
//! otherwise ("I").
//!
//! The lexicon file (`data/models/lemmas.tsv.gz`) is gzip'd UTF-8 TSV, one `form\txpos\tlemma`
//! row per line, sorted, after a `#` header line.

mod rules;

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};

use dateline_core::tagset::{intern, PosTag, XPOS};
use dateline_core::Doc;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::perceptron::ModelError;
use crate::tagger::normalize_quotes;
use rules::Known;

const HEADER: &str = "# dateline lemma lexicon v1: form\txpos\tlemma";

/// A lexicon plus rules. Immutable and `Send + Sync`.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// Lowercased, quote-normalized form → (XPOS, lemma) pairs.
    lexicon: HashMap<String, Vec<(&'static str, String)>>,
    known: Known,
}

impl Lemmatizer {
    /// Loads a lexicon written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer, ModelError> {
        let mut text = String::new();
        GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| ModelError::Corrupt(e.to_string()))?;
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(ModelError::BadMagic);
        }
        let mut lemmatizer = Lemmatizer::default();
        for (number, line) in lines.enumerate() {
            let mut fields = line.split('\t');
            let (Some(form), Some(xpos), Some(lemma), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(ModelError::Corrupt(format!(
                    "lexicon line {}: expected 3 fields",
                    number + 2
                )));
            };
            let xpos = intern(&XPOS, xpos).ok_or_else(|| {
                ModelError::Corrupt(format!("lexicon line {}: unknown tag {xpos:?}", number + 2))
            })?;
            lemmatizer.insert(form.to_string(), xpos, lemma.to_string());
        }
        Ok(lemmatizer)
    }

    fn insert(&mut self, form: String, xpos: &'static str, lemma: String) {
        let set = match xpos {
            "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ" => Some(&mut self.known.verbs),
            "NN" | "NNS" => Some(&mut self.known.nouns),
            "JJ" | "JJR" | "JJS" | "RB" | "RBR" | "RBS" => Some(&mut self.known.adjectives),
            _ => None,
        };
        if let Some(set) = set {
            set.insert(lemma.to_lowercase());
        }
        self.lexicon.entry(form).or_default().push((xpos, lemma));
    }

    /// Serializes the lexicon.
    pub fn to_bytes(&self) -> Result<Vec<u8>, ModelError> {
        let mut rows: Vec<(&str, &str, &str)> = self
            .lexicon
            .iter()
            .flat_map(|(form, entries)| {
                entries
                    .iter()
                    .map(move |(xpos, lemma)| (form.as_str(), *xpos, lemma.as_str()))
            })
            .collect();
        rows.sort_unstable();
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        writeln!(gz, "{HEADER}")?;
        for (form, xpos, lemma) in rows {
            writeln!(gz, "{form}\t{xpos}\t{lemma}")?;
        }
        Ok(gz.finish()?)
    }

    /// Number of (form, tag) entries in the lexicon.
    pub fn len(&self) -> usize {
        self.lexicon.values().map(Vec::len).sum()
    }

    /// True when the lexicon is empty (rules only).
    pub fn is_empty(&self) -> bool {
        self.lexicon.is_empty()
    }

    /// The lemma of `word` tagged `pos`.
    pub fn lemma(&self, word: &str, pos: PosTag) -> String {
        let normal = normalize_quotes(word);
        let lower = normal.to_lowercase();
        let entry = self
            .lexicon
            .get(&lower)
            .and_then(|entries| entries.iter().find(|(xpos, _)| *xpos == pos.xpos));
        match entry {
            // Proper nouns keep the case they are written in, unless the lemma differs in more
            // than case ("Americans" → "American").
            Some((_, lemma)) if is_proper(pos.xpos) && lemma.to_lowercase() == lower => normal,
            Some((_, lemma)) => lemma.clone(),
            None => rules::lemma(&normal, pos.xpos, &self.known),
        }
    }

    /// Lemmatizes every token of `doc` from its POS tags, writing `annotations.lemmas`.
    /// Without tags (the tagger did not run) every token is lemmatized as an unknown `X|XX`.
    pub fn lemmatize(&self, doc: &mut Doc) {
        let annotations = doc.annotations();
        let unknown = PosTag {
            upos: "X",
            xpos: "XX",
        };
        let lemmas: Vec<String> = annotations
            .tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                self.lemma(
                    doc.slice(token.span),
                    annotations.pos.get(i).copied().unwrap_or(unknown),
                )
            })
            .collect();
        doc.annotations_mut().lemmas = lemmas;
    }
}

fn is_proper(xpos: &str) -> bool {
    matches!(xpos, "NNP" | "NNPS")
}

/// Collects (form, tag, lemma) triples from gold data and keeps each form's most frequent lemma.
#[derive(Debug, Clone, Default)]
pub struct LexiconBuilder {
    counts: BTreeMap<(String, &'static str), BTreeMap<String, u32>>,
}

impl LexiconBuilder {
    /// An empty builder.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// Counts one gold token `weight` times (a treebank whose conventions should win, such as
    /// EWT's "people" → "people" over GUM's "person", gets a higher weight). Tokens with an
    /// unknown tag, an empty or "_" lemma, or a tab or newline inside are ignored.
    pub fn add(&mut self, form: &str, xpos: &str, lemma: &str, weight: u32) {
        let Some(xpos) = intern(&XPOS, xpos) else {
            return;
        };
        let bad = |s: &str| s.is_empty() || s.contains(['\t', '\n', '\r']);
        if bad(form) || bad(lemma) || lemma == "_" {
            return;
        }
        let key = (normalize_quotes(form).to_lowercase(), xpos);
        *self
            .counts
            .entry(key)
            .or_default()
            .entry(lemma.to_string())
            .or_default() += weight;
    }

    /// The lemmatizer with the most frequent lemma per (form, tag); ties go to the lemma that
    /// sorts first, so the result never depends on input order.
    pub fn build(self) -> Lemmatizer {
        let mut lemmatizer = Lemmatizer::default();
        for ((form, xpos), lemmas) in self.counts {
            let best = lemmas
                .into_iter()
                .max_by(|(a, m), (b, n)| m.cmp(n).then_with(|| b.cmp(a)));
            if let Some((lemma, _)) = best {
                lemmatizer.insert(form, xpos, lemma);
            }
        }
        lemmatizer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(upos: &'static str, xpos: &'static str) -> PosTag {
        PosTag { upos, xpos }
    }

    fn sample() -> Lemmatizer {
        let mut builder = LexiconBuilder::new();
        for (form, xpos, lemma) in [
            ("met", "VBD", "meet"),
            ("said", "VBD", "say"),
            ("said", "VBD", "say"),
            ("said", "VBN", "say"),
            ("n't", "RB", "not"),
            ("'s", "VBZ", "be"),
            ("'s", "POS", "'s"),
            ("upgrade", "VB", "upgrade"),
            ("Russia", "NNP", "Russia"),
            ("I", "PRP", "I"),
        ] {
            builder.add(form, xpos, lemma, 1);
        }
        builder.build()
    }

    #[test]
    fn lexicon_then_rules() {
        let l = sample();
        assert_eq!(l.lemma("met", tag("VERB", "VBD")), "meet");
        assert_eq!(l.lemma("Said", tag("VERB", "VBD")), "say");
        assert_eq!(l.lemma("said", tag("VERB", "VBN")), "say");
        assert_eq!(l.lemma("n\u{2019}t", tag("PART", "RB")), "not");
        assert_eq!(l.lemma("\u{2019}s", tag("AUX", "VBZ")), "be");
        assert_eq!(l.lemma("\u{2019}s", tag("PART", "POS")), "'s");
        assert_eq!(l.lemma("upgraded", tag("VERB", "VBD")), "upgrade");
        assert_eq!(l.lemma("upgrade", tag("VERB", "VB")), "upgrade");
        assert_eq!(l.lemma("ruled", tag("VERB", "VBD")), "rule");
        assert_eq!(l.lemma("agreed", tag("VERB", "VBD")), "agree");
        assert_eq!(l.lemma("countries", tag("NOUN", "NNS")), "country");
        assert_eq!(l.lemma("RUSSIA", tag("PROPN", "NNP")), "RUSSIA");
        assert_eq!(l.lemma("I", tag("PRON", "PRP")), "I");
        assert_eq!(l.lemma("They", tag("PRON", "PRP")), "they");
    }

    #[test]
    fn round_trip() {
        let l = sample();
        let bytes = l.to_bytes().unwrap();
        let back = Lemmatizer::from_bytes(&bytes).unwrap();
        assert_eq!(back.len(), l.len());
        assert_eq!(back.to_bytes().unwrap(), bytes);
        assert_eq!(back.lemma("met", tag("VERB", "VBD")), "meet");
        assert!(Lemmatizer::from_bytes(b"junk").is_err());
    }
}
