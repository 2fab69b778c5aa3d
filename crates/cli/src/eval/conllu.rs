//! A CoNLL-U reader: sentences with their comments and token rows, grouped into documents and
//! paragraphs by `# newdoc` and `# newpar`.

use std::io::BufRead;

use anyhow::{Context, Result};

/// One token row (multi-word token ranges and empty nodes are kept out of `tokens`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConlluToken {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// HEAD (0 = root).
    pub head: u32,
    /// DEPREL.
    pub deprel: String,
    /// MISC (GUM keeps its entity annotation here).
    pub misc: String,
}

/// One sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`.
    pub text: String,
    /// The document this sentence belongs to (`# newdoc id`, carried forward).
    pub doc_id: String,
    /// True when `# newpar` precedes this sentence.
    pub new_paragraph: bool,
    /// True when `# newdoc` precedes this sentence.
    pub new_document: bool,
    /// Token rows.
    pub tokens: Vec<ConlluToken>,
}

/// Reads every sentence of a CoNLL-U file. Errors name the file and line.
pub fn read_sentences(path: &std::path::Path) -> Result<Vec<ConlluSentence>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let reader = std::io::BufReader::new(file);
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    let mut doc_id = String::new();
    for (index, line) in reader.lines().enumerate() {
        let line_no = index + 1;
        let line = line.with_context(|| format!("{}:{line_no}: cannot read", path.display()))?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.tokens.is_empty() || !current.text.is_empty() {
                current.doc_id = doc_id.clone();
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            read_comment(comment.trim(), &mut current, &mut doc_id);
            continue;
        }
        if let Some(token) = parse_row(line)
            .with_context(|| format!("{}:{line_no}: malformed token row", path.display()))?
        {
            current.tokens.push(token);
        }
    }
    if !current.tokens.is_empty() {
        current.doc_id = doc_id;
        sentences.push(current);
    }
    Ok(sentences)
}

fn read_comment(comment: &str, current: &mut ConlluSentence, doc_id: &mut String) {
    if let Some(id) = comment.strip_prefix("newdoc id =") {
        *doc_id = id.trim().to_string();
        current.new_document = true;
        current.new_paragraph = true;
    } else if comment == "newdoc" {
        current.new_document = true;
        current.new_paragraph = true;
    } else if comment.starts_with("newpar") && !comment.starts_with("newpar_block") {
        current.new_paragraph = true;
    } else if let Some(id) = comment.strip_prefix("sent_id =") {
        current.id = id.trim().to_string();
    } else if let Some(text) = comment.strip_prefix("text =") {
        current.text = text.trim().to_string();
    }
}

/// A token row, or `None` for multi-word ranges ("3-4") and empty nodes ("5.1").
fn parse_row(line: &str) -> Result<Option<ConlluToken>> {
    let fields: Vec<&str> = line.split('\t').collect();
    anyhow::ensure!(
        fields.len() == 10,
        "expected 10 tab-separated fields, found {}",
        fields.len()
    );
    if fields[0].contains(['-', '.']) {
        return Ok(None);
    }
    let head = fields[6].parse().unwrap_or(0);
    Ok(Some(ConlluToken {
        form: fields[1].to_string(),
        lemma: fields[2].to_string(),
        upos: fields[3].to_string(),
        xpos: fields[4].to_string(),
        head,
        deprel: fields[7].to_string(),
        misc: fields.get(9).map_or(String::new(), |m| m.to_string()),
    }))
}
