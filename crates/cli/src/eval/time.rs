//! `dateline eval time`: TIMEX3 recognition and normalization on TimeML (`.tml` files with a
//! DCT; default: `../shared/data/time/TBAQ-cleaned`, TimeBank and AQUAINT).
//!
//! Scored as TempEval-3 defines it (UzZaman et al. 2013), with our own code:
//! - **strict** span match: same first and last character; **relaxed**: any overlap. Each gold
//!   expression pairs with at most one of ours (in text order, first overlap wins).
//! - P = matched / ours, R = matched / gold, F1 their harmonic mean.
//! - **type** and **value** are scored over relaxed matches: accuracy = right / matched, and
//!   attribute F1 from P = right / ours and R = right / gold (TempEval-3's "value F1").
//!   Values compare as strings, exactly (so `2000-W8` ≠ `2000-W08`).
//!
//! Only expressions in `<TEXT>` count: the DCT itself is given, not found.
//! The last line is `time relaxed F1 0.xxxx value F1 0.xxxx`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dateline_core::{CharOffsets, Doc, DocMeta, Published};
use dateline_nlp::pipeline::Pipeline;

use super::timeml::{self, GoldTimex};
use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;

/// Counts of one run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TimeScores {
    /// Exact-span matches.
    pub strict: Counts,
    /// Overlap matches.
    pub relaxed: Counts,
    /// Relaxed matches with the right type.
    pub type_right: usize,
    /// Relaxed matches with the right value.
    pub value_right: usize,
    /// Mistakes, for `--errors`.
    pub errors: Vec<String>,
}

impl TimeScores {
    fn attribute(&self, right: usize) -> Counts {
        let ours = self.relaxed.true_positives + self.relaxed.false_positives;
        let gold = self.relaxed.true_positives + self.relaxed.false_negatives;
        Counts {
            true_positives: right,
            false_positives: ours.saturating_sub(right),
            false_negatives: gold.saturating_sub(right),
        }
    }

    /// Value F1 as TempEval-3 computes it.
    pub fn value_f1(&self) -> f64 {
        self.attribute(self.value_right).f1()
    }
}

/// An expression we found, in character offsets.
#[derive(Debug, Clone)]
struct OurTimex {
    start: usize,
    end: usize,
    timex_type: String,
    value: Option<String>,
    why: String,
}

/// Runs `dateline eval time`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let root = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/time/TBAQ-cleaned"));
    let files = tml_files(&root)?;
    let pipeline = Pipeline::new();
    let mut scores = TimeScores::default();
    let mut unreadable = 0;
    for path in &files {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let gold = match timeml::parse(&source) {
            Ok(gold) => gold,
            Err(error) => {
                // One bad file is reported and skipped; the rest are still scored.
                eprintln!("{}:{}: {}", path.display(), error.line, error.message);
                unreadable += 1;
                continue;
            }
        };
        let ours = predict(&pipeline, &gold.text, gold.dct.as_deref());
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        score(name, &gold.text, &gold.timexes, &ours, &mut scores);
    }
    println!(
        "{} — {} documents{}",
        root.display(),
        files.len() - unreadable,
        if unreadable > 0 {
            format!(" ({unreadable} unreadable, listed above)")
        } else {
            String::new()
        }
    );
    for line in scores.errors.iter().take(args.errors) {
        println!("  {line}");
    }
    print!("{}", render(&scores));
    Ok(())
}

/// Every `.tml` file under `root` (or `root` itself), sorted.
fn tml_files(root: &Path) -> Result<Vec<PathBuf>> {
    if root.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("{}: cannot list", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tml") {
                files.push(path);
            }
        }
    }
    files.sort();
    // TBAQ-cleaned keeps a copy of one TimeBank file in testpipeline/: count each name once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|path| seen.insert(path.file_name().map(|n| n.to_os_string())));
    Ok(files)
}

fn predict(pipeline: &Pipeline, text: &str, dct: Option<&str>) -> Vec<OurTimex> {
    let meta = DocMeta {
        published: dct.and_then(Published::parse),
        ..DocMeta::default()
    };
    let mut doc = Doc::new(text.to_string(), meta);
    pipeline.run(&mut doc);
    let offsets = CharOffsets::new(doc.text());
    doc.annotations()
        .times
        .iter()
        .map(|t| {
            let (start, end) = offsets.char_span(t.span);
            OurTimex {
                start: start as usize,
                end: end as usize,
                timex_type: t.timex_type.as_str().to_string(),
                value: t.value.clone(),
                why: t.why.clone(),
            }
        })
        .collect()
}

/// Pairs and counts one document's expressions.
fn score(name: &str, text: &str, gold: &[GoldTimex], ours: &[OurTimex], scores: &mut TimeScores) {
    let chars: Vec<char> = text.chars().collect();
    let show = |start: usize, end: usize| -> String {
        chars[start.min(chars.len())..end.min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    };
    let mut used = vec![false; ours.len()];
    for g in gold {
        let partner = ours
            .iter()
            .enumerate()
            .find(|(i, o)| !used[*i] && o.start < g.end && g.start < o.end);
        let Some((i, o)) = partner else {
            scores.relaxed.false_negatives += 1;
            scores.strict.false_negatives += 1;
            scores.errors.push(format!(
                "{name}: missed {:?} {} {}",
                show(g.start, g.end),
                g.timex_type,
                g.value
            ));
            continue;
        };
        used[i] = true;
        scores.relaxed.true_positives += 1;
        if (o.start, o.end) == (g.start, g.end) {
            scores.strict.true_positives += 1;
        } else {
            scores.strict.false_negatives += 1;
            scores.strict.false_positives += 1;
        }
        if o.timex_type == g.timex_type {
            scores.type_right += 1;
        }
        if o.value.as_deref() == Some(g.value.as_str()) {
            scores.value_right += 1;
        } else {
            scores.errors.push(format!(
                "{name}: {:?} value {} (gold {:?} {}) — {}",
                show(o.start, o.end),
                o.value.as_deref().unwrap_or("null"),
                show(g.start, g.end),
                g.value,
                o.why
            ));
        }
    }
    for (i, o) in ours.iter().enumerate() {
        if !used[i] {
            scores.relaxed.false_positives += 1;
            scores.strict.false_positives += 1;
            scores.errors.push(format!(
                "{name}: spurious {:?} {} {}",
                show(o.start, o.end),
                o.timex_type,
                o.value.as_deref().unwrap_or("null")
            ));
        }
    }
}

fn render(scores: &TimeScores) -> String {
    let matched = scores.relaxed.true_positives.max(1) as f64;
    let mut out = table(&[
        ("spans, strict", scores.strict),
        ("spans, relaxed", scores.relaxed),
        ("type", scores.attribute(scores.type_right)),
        ("value", scores.attribute(scores.value_right)),
    ]);
    let _ = writeln!(
        out,
        "type accuracy {:.4}, value accuracy {:.4} (over {} relaxed matches)",
        scores.type_right as f64 / matched,
        scores.value_right as f64 / matched,
        scores.relaxed.true_positives
    );
    let _ = writeln!(
        out,
        "time relaxed F1 {:.4} value F1 {:.4}",
        scores.relaxed.f1(),
        scores.value_f1()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, end: usize, value: &str) -> GoldTimex {
        GoldTimex {
            start,
            end,
            timex_type: "DATE".into(),
            value: value.into(),
        }
    }

    fn ours(start: usize, end: usize, value: &str) -> OurTimex {
        OurTimex {
            start,
            end,
            timex_type: "DATE".into(),
            value: Some(value.into()),
            why: String::new(),
        }
    }

    #[test]
    fn strict_relaxed_and_value_scores() {
        let text = "On Tuesday and last week, nothing.";
        let gold = [gold(3, 10, "2025-08-19"), gold(15, 24, "2025-W33")];
        // One exact and right, one overlapping with a wrong value, one spurious.
        let ours = [
            ours(3, 10, "2025-08-19"),
            ours(20, 24, "2025-W34"),
            ours(26, 33, "PRESENT_REF"),
        ];
        let mut scores = TimeScores::default();
        score("t", text, &gold, &ours, &mut scores);
        assert_eq!(scores.strict.true_positives, 1);
        assert_eq!(scores.relaxed.true_positives, 2);
        assert_eq!(scores.relaxed.false_positives, 1);
        assert_eq!(scores.value_right, 1);
        // value P = 1/3, R = 1/2.
        assert!((scores.value_f1() - 0.4).abs() < 1e-9);
    }
}
