//! Sentence-boundary evaluation: pySBD's Golden Rules (JSONL) and UD documents (CoNLL-U, text
//! rebuilt from `# text` lines, paragraphs from `# newpar`).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context, Result};
use dateline_nlp::segment::segment_text;
use serde::Deserialize;

use super::conllu::read_sentences;
use super::{table, Counts};

/// One evaluation unit: a text and its gold sentences.
#[derive(Debug, Clone)]
pub struct SbdCase {
    /// Case or document id.
    pub id: String,
    /// The text to segment.
    pub text: String,
    /// Gold sentence start offsets (bytes), in order; the first is the text's first sentence.
    pub gold_starts: Vec<usize>,
    /// Gold offsets that start a paragraph (boundaries there are given by the layout).
    pub paragraph_starts: BTreeSet<usize>,
}

/// Reads gold cases: a Golden Rules `.jsonl` file, or a `.conllu` file or directory of them
/// restricted to documents whose id starts with `doc_prefix`.
pub fn load_gold(path: &Path, doc_prefix: &str) -> Result<Vec<SbdCase>> {
    if path.extension().is_some_and(|e| e == "jsonl") {
        return load_golden_rules(path);
    }
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(path)
            .with_context(|| format!("{}: cannot list", path.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
            .collect();
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut cases = Vec::new();
    for file in files {
        cases.extend(conllu_documents(&file, doc_prefix)?);
    }
    if cases.is_empty() {
        bail!(
            "{}: no documents with ids starting with {doc_prefix:?}",
            path.display()
        );
    }
    Ok(cases)
}

#[derive(Deserialize)]
struct GoldenRule {
    id: serde_json::Value,
    text: String,
    sentences: Vec<String>,
}

fn load_golden_rules(path: &Path) -> Result<Vec<SbdCase>> {
    let content = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut cases = Vec::new();
    for (index, line) in content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let rule: GoldenRule = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: malformed case", path.display(), index + 1))?;
        let gold_starts = locate(&rule.text, &rule.sentences).with_context(|| {
            format!(
                "{}:{}: a gold sentence is not in the text",
                path.display(),
                index + 1
            )
        })?;
        let id = match rule.id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        cases.push(SbdCase {
            id,
            text: rule.text,
            gold_starts,
            paragraph_starts: BTreeSet::new(),
        });
    }
    Ok(cases)
}

/// Start offsets of `sentences`, found in order in `text`.
fn locate(text: &str, sentences: &[String]) -> Option<Vec<usize>> {
    let mut from = 0;
    let mut starts = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let offset = text[from..].find(sentence.trim())? + from;
        starts.push(offset);
        from = offset + sentence.trim().len();
    }
    Some(starts)
}

fn conllu_documents(path: &Path, doc_prefix: &str) -> Result<Vec<SbdCase>> {
    let mut cases: Vec<SbdCase> = Vec::new();
    for sentence in read_sentences(path)? {
        if !sentence.doc_id.starts_with(doc_prefix) {
            continue;
        }
        if sentence.new_document || cases.last().is_none_or(|c| c.id != sentence.doc_id) {
            cases.push(SbdCase {
                id: sentence.doc_id.clone(),
                text: String::new(),
                gold_starts: Vec::new(),
                paragraph_starts: BTreeSet::new(),
            });
        }
        let Some(case) = cases.last_mut() else {
            continue;
        };
        if !case.text.is_empty() {
            case.text
                .push_str(if sentence.new_paragraph { "\n\n" } else { " " });
        }
        let start = case.text.len();
        if sentence.new_paragraph {
            case.paragraph_starts.insert(start);
        }
        case.gold_starts.push(start);
        case.text.push_str(&sentence.text);
    }
    Ok(cases)
}

/// Scores of one run.
#[derive(Debug, Clone, Default)]
pub struct SbdReport {
    /// Number of cases (rules or documents).
    pub cases: usize,
    /// Cases whose sentences all match exactly.
    pub exact: usize,
    /// Boundaries between sentences (the first sentence start is not a boundary).
    pub boundaries: Counts,
    /// The same, leaving out boundaries at paragraph starts.
    pub inner_boundaries: Counts,
    /// Human-readable mistakes.
    pub errors: Vec<String>,
}

/// Segments every case and compares boundaries with gold.
pub fn evaluate(cases: &[SbdCase]) -> SbdReport {
    let mut report = SbdReport {
        cases: cases.len(),
        ..SbdReport::default()
    };
    for case in cases {
        let segmentation = segment_text(&case.text);
        let predicted: BTreeSet<usize> = segmentation
            .sentences
            .iter()
            .skip(1)
            .map(|s| s.span.start as usize)
            .collect();
        let gold: BTreeSet<usize> = case.gold_starts.iter().skip(1).copied().collect();
        let counts = compare(&gold, &predicted);
        report.boundaries.add(counts);
        let inner = |set: &BTreeSet<usize>| -> BTreeSet<usize> {
            set.difference(&case.paragraph_starts).copied().collect()
        };
        report
            .inner_boundaries
            .add(compare(&inner(&gold), &inner(&predicted)));
        if counts.false_positives == 0 && counts.false_negatives == 0 {
            report.exact += 1;
            continue;
        }
        for &missed in gold.difference(&predicted) {
            report.errors.push(format!(
                "{}: missed boundary: {}",
                case.id,
                context(&case.text, missed)
            ));
        }
        for &extra in predicted.difference(&gold) {
            report.errors.push(format!(
                "{}: false boundary: {}",
                case.id,
                context(&case.text, extra)
            ));
        }
    }
    report
}

fn compare(gold: &BTreeSet<usize>, predicted: &BTreeSet<usize>) -> Counts {
    let true_positives = gold.intersection(predicted).count();
    Counts {
        true_positives,
        false_positives: predicted.len() - true_positives,
        false_negatives: gold.len() - true_positives,
    }
}

/// Up to 50 characters either side of `offset`, with `‖` at the boundary.
fn context(text: &str, offset: usize) -> String {
    let before: String = text[..offset]
        .chars()
        .rev()
        .take(50)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[offset..].chars().take(50).collect();
    format!("…{}‖{}…", before, after).replace('\n', "⏎")
}

/// The printed report; its last line is `sbd F1 0.xxxx`.
pub fn render(report: &SbdReport, errors: usize) -> String {
    let mut out = table(&[
        ("sentence boundaries", report.boundaries),
        ("  within paragraphs", report.inner_boundaries),
    ]);
    let _ = writeln!(
        out,
        "cases segmented exactly right: {}/{}",
        report.exact, report.cases
    );
    for error in report.errors.iter().take(errors) {
        let _ = writeln!(out, "  {error}");
    }
    let _ = writeln!(out, "sbd F1 {:.4}", report.boundaries.f1());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_small_case() {
        let text = "He left. She stayed.";
        let case = SbdCase {
            id: "t".into(),
            text: text.into(),
            gold_starts: locate(text, &["He left.".into(), "She stayed.".into()]).unwrap(),
            paragraph_starts: BTreeSet::new(),
        };
        let report = evaluate(&[case]);
        assert_eq!(report.exact, 1);
        assert_eq!(report.boundaries.true_positives, 1);
        assert!(render(&report, 5).trim_end().ends_with("sbd F1 1.0000"));
    }
}
