//! GUM's entity annotation as NER gold: GUM marks every mention (`Entity=(8-organization-new-
//! …-University_of_Portsmouth` … `8)` in MISC) with a type and, for famous ones, a Wikipedia
//! identifier. Named mentions of type person, place or organization — a Wikipedia identifier,
//! or proper-noun words only — with a capitalized first word after any leading determiner become
//! PER, LOC and ORG names; named mentions nested in a kept one are dropped. CoNLL conventions
//! are applied: leading titles (KB titles), and whatever follows the proper-noun run ("'s",
//! relative clauses), are cut; single-word nationalities ("Americans") are skipped. Documents
//! follow `# newdoc`.

use std::path::Path;

use anyhow::Result;

use super::conllu::{read_sentences, ConlluSentence};
use super::iob::{IobDocuments, IobSentence};

/// Reads a GUM CoNLL-U file as NER documents.
pub fn read_gum_named(path: &Path) -> Result<IobDocuments> {
    let sentences = read_sentences(path)?;
    let mut documents: IobDocuments = Vec::new();
    for sentence in &sentences {
        if sentence.new_document || documents.is_empty() {
            documents.push(Vec::new());
        }
        if let Some(doc) = documents.last_mut() {
            doc.push(named_labels(sentence));
        }
    }
    Ok(documents)
}

/// An open mention: id, class (if named and of a kept type), first token.
struct Open {
    id: String,
    class: Option<&'static str>,
    /// Has a Wikipedia identifier.
    named: bool,
    start: usize,
}

/// Whether a word is a title ("President", "Attorney") in the bundled KB.
fn is_title(word: &str) -> bool {
    dateline_nlp::kb::Kb::bundled()
        .ok()
        .and_then(|kb| kb.title(word))
        .is_some_and(|t| t.kind == dateline_nlp::kb::TitleKind::Title)
}

fn named_labels(sentence: &ConlluSentence) -> IobSentence {
    let words: Vec<String> = sentence.tokens.iter().map(|t| t.form.clone()).collect();
    let mut labels = vec!["O".to_string(); words.len()];
    let mut open: Vec<Open> = Vec::new();
    let mut spans: Vec<(usize, usize, &'static str, bool)> = Vec::new();
    for (i, token) in sentence.tokens.iter().enumerate() {
        let Some(entity) = token
            .misc
            .split('|')
            .find_map(|f| f.strip_prefix("Entity="))
        else {
            continue;
        };
        let mut rest = entity;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let end = after.find(['(', ')']).unwrap_or(after.len());
                let descriptor = &after[..end];
                let parts: Vec<&str> = descriptor.split('-').collect();
                let class = match parts.get(1).copied() {
                    Some("person") => Some("PER"),
                    Some("place") => Some("LOC"),
                    Some("organization") => Some("ORG"),
                    _ => None,
                };
                open.push(Open {
                    id: parts.first().unwrap_or(&"").to_string(),
                    class,
                    named: parts.len() >= 8,
                    start: i,
                });
                rest = &after[end..];
                if let Some(closed) = rest.strip_prefix(')') {
                    // "(7-…)" opens and closes on this token.
                    if let Some(o) = open.pop() {
                        if let Some(class) = o.class {
                            spans.push((o.start, i + 1, class, o.named));
                        }
                    }
                    rest = closed;
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(at) = open.iter().rposition(|o| o.id == id) {
                    let o = open.remove(at);
                    if let Some(class) = o.class {
                        spans.push((o.start, i + 1, class, o.named));
                    }
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    // Outermost first; skip a leading determiner; keep capitalized names only.
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut taken = vec![false; words.len()];
    for (mut start, end, class, identified) in spans {
        if (start..end).any(|t| taken[t]) {
            continue;
        }
        while start < end && sentence.tokens[start].upos == "DET" {
            start += 1;
        }
        if start == end || !words[start].chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let properish = |t: &super::conllu::ConlluToken| {
            matches!(t.upos.as_str(), "PROPN" | "ADP" | "DET" | "CCONJ")
                || t.form == "-"
                || t.form == "."
        };
        let proper = sentence.tokens[start..end].iter().all(properish);
        if !identified && !proper {
            continue;
        }
        // CoNLL conventions: titles before the name, and anything after the proper-noun run
        // ("Bezos 's", "Bezos , who …"), are not part of the name.
        while start + 1 < end && is_title(&sentence.tokens[start].form) {
            start += 1;
        }
        let mut end = start
            + sentence.tokens[start..end]
                .iter()
                .take_while(|t| properish(t))
                .count();
        while end > start && !matches!(sentence.tokens[end - 1].upos.as_str(), "PROPN") {
            end -= 1;
        }
        // Nationalities ("Americans", "British") are MISC in CoNLL, not people or places.
        let single_nationality =
            end == start + 1 && matches!(sentence.tokens[start].xpos.as_str(), "NNPS" | "JJ");
        if end == start || sentence.tokens[start].upos != "PROPN" || single_nationality {
            continue;
        }
        for t in start..end {
            taken[t] = true;
            labels[t] = format!("{}-{class}", if t == start { "B" } else { "I" });
        }
    }
    IobSentence { words, labels }
}
