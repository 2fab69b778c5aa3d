//! Reading NER gold in the column formats of the data sets at hand: CoNLL-2003 (space-separated
//! `word POS chunk label`, documents split by `-DOCSTART-`) and IOB2 as UNER writes it
//! (tab-separated `index word label …`, `#` comment lines, documents split by `# newdoc`).
//! Labels are BIO or IOB1; MISC and the others are kept as written. A `.conllu` file is read as
//! GUM entity annotation ([`super::gum`]).

use std::path::Path;

use anyhow::{bail, Context, Result};

/// One sentence: words and their gold labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IobSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Gold labels, parallel to `words`.
    pub labels: Vec<String>,
}

/// Documents of sentences.
pub type IobDocuments = Vec<Vec<IobSentence>>;

/// Reads a gold file; an unreadable line is an error naming file and line.
pub fn read_iob(path: &Path) -> Result<IobDocuments> {
    if path.extension().is_some_and(|e| e == "conllu") {
        return super::gum::read_gum_named(path);
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read NER gold", path.display()))?;
    parse_iob(&text).with_context(|| format!("{}", path.display()))
}

/// Parses gold text (see the module documentation).
pub fn parse_iob(text: &str) -> Result<IobDocuments> {
    let mut documents: IobDocuments = vec![Vec::new()];
    let mut sentence = IobSentence::default();
    let flush = |sentence: &mut IobSentence, documents: &mut IobDocuments| {
        if !sentence.words.is_empty() {
            if let Some(doc) = documents.last_mut() {
                doc.push(std::mem::take(sentence));
            }
        }
    };
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("# newdoc") || line.starts_with("-DOCSTART-") {
            flush(&mut sentence, &mut documents);
            if documents.last().is_some_and(|d| !d.is_empty()) {
                documents.push(Vec::new());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut sentence, &mut documents);
            continue;
        }
        let (word, label) = if line.contains('\t') {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                [index, word, label, ..] if index.parse::<u32>().is_ok() => (*word, *label),
                [word, .., label] => (*word, *label),
                _ => bail!("line {}: expected `index word label`", number + 1),
            }
        } else {
            let fields: Vec<&str> = line.split(' ').collect();
            match fields.as_slice() {
                [word, .., label] => (*word, *label),
                _ => bail!("line {}: expected `word … label`", number + 1),
            }
        };
        let label = if label.is_empty() || label == "_" || label == "-" {
            "O"
        } else {
            label
        };
        if label != "O" && !(label.starts_with("B-") || label.starts_with("I-")) {
            bail!("line {}: label {label:?} is not O, B-X or I-X", number + 1);
        }
        // WikiANN prefixes every word with its language ("en:Sioux").
        let word = word
            .strip_prefix("en:")
            .filter(|w| !w.is_empty())
            .unwrap_or(word);
        sentence.words.push(word.to_string());
        sentence.labels.push(label.to_string());
    }
    flush(&mut sentence, &mut documents);
    documents.retain(|d| !d.is_empty());
    // Without document markers (WikiANN) sentences are unrelated: one document each, so that
    // nothing is carried from one to the next.
    if !text.contains("-DOCSTART-") && !text.contains("# newdoc") {
        documents = documents.into_iter().flatten().map(|s| vec![s]).collect();
    }
    Ok(documents)
}

/// Names in a BIO/IOB1 sequence as (start, end, class), end exclusive.
pub fn bio_spans(labels: &[String]) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, label) in labels.iter().enumerate() {
        let (prefix, class) = label.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, c)| c == class);
        if !continues {
            if let Some((start, c)) = open.take() {
                spans.push((start, i, c));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, class.to_string()));
            }
        }
    }
    if let Some((start, c)) = open {
        spans.push((start, labels.len(), c));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conll_and_uner() {
        // Written for this test, in CoNLL-2003's column format.
        let conll = "-DOCSTART- -X- -X- O\n\nNATO NNP B-NP B-ORG\nmet VBD B-VP O\n\nOlena NNP B-NP B-PER\nPetrenko NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nLviv NNP B-NP B-LOC\n";
        let docs = parse_iob(conll).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 2);
        assert_eq!(docs[0][1].labels, vec!["B-PER", "I-PER"]);
        assert_eq!(docs[1][0].words, vec!["Lviv"]);
        let uner = "# newdoc id = a\n# text = It is Miramar\n1\tIt\tO\t-\t-\n2\tis\tO\t-\t-\n3\tMiramar\tB-LOC\t-\tx\n\n# newdoc id = b\n1\tHi\tO\t-\t-\n";
        let docs = parse_iob(uner).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].words, vec!["It", "is", "Miramar"]);
        assert!(parse_iob("word BOGUS\n").is_err());
    }

    #[test]
    fn spans_from_bio_and_iob1() {
        let labels: Vec<String> = ["I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            bio_spans(&labels),
            vec![
                (0, 2, "PER".to_string()),
                (3, 4, "LOC".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 6, "ORG".to_string())
            ]
        );
    }
}
