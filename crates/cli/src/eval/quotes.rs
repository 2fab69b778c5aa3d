//! `dateline eval quotes`: attribution on PolNeAR (brat standoff: `text/NAME.txt` and
//! `attributions/NAME_xxxx.ann` with Source, Cue and Content spans tied by an Attribution event;
//! default: `../shared/data/quotes/polnear/dev`).
//!
//! How PolNeAR maps to ours: a gold Content whose text opens with a quote mark (`"`, curly
//! quotes, guillemets, or NYT's doubled `''` and ``` `` ```; or right after one,
//! or after a quote mark and a transcript's speaker label: `"SMITH: …`) is **direct** speech — our
//! direct and partial quotes both count as quoted speech — and any other Content is **indirect**
//! (reported speech, thoughts, intentions, which PolNeAR also annotates). A direct Content written
//! in fragments (a quotation interrupted by its attribution, or running on into a new
//! paragraph) is one gold quote per fragment, as we write such quotes; an indirect one, and a
//! Source, are taken from their first to their last character. Contents are compared without quote marks,
//! surrounding spaces and trailing punctuation: **exact** when equal, **overlap** when the shared
//! characters are at least half of the longer one. Speaker accuracy is over matched direct quotes
//! with a gold Source: right when our speaker's span, or any mention of our speaker entity,
//! overlaps the gold Source. The last line is `quotes direct F1 0.xxxx speaker 0.xxxx`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use dateline_core::{CharOffsets, Doc, DocMeta, QuoteKind};
use dateline_nlp::pipeline::Pipeline;

use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;

/// A gold attribution, in character offsets.
#[derive(Debug, Clone)]
pub(crate) struct GoldQuote {
    /// The content span.
    pub content: (usize, usize),
    /// The speaker's span, when the gold names one.
    pub source: Option<(usize, usize)>,
    /// The cue's span ("said", "according to"), when the gold names one: shown with a miss.
    pub cue: Option<(usize, usize)>,
    /// Quoted (direct or partial) rather than reported speech.
    pub direct: bool,
}

/// A predicted quote, in character offsets.
#[derive(Debug, Clone)]
struct OurQuote {
    content: (usize, usize),
    /// Our speaker's span near the quote and every mention of its entity.
    speaker_spans: Vec<(usize, usize)>,
    direct: bool,
    /// A few quoted words inside a sentence (our `partial` kind).
    partial: bool,
    /// The rule that found it: its `why` up to the first parenthesis or semicolon.
    rule: String,
}

/// Counts of one run.
#[derive(Debug, Default)]
struct QuoteScores {
    direct_exact: Counts,
    direct_overlap: Counts,
    /// The same with every partial quote scored as direct speech.
    direct_overlap_all: Counts,
    /// Our partial quotes inside a gold report, set aside from the direct figures.
    partial_in_reports: usize,
    indirect_overlap: Counts,
    speaker_cases: usize,
    speaker_right: usize,
    errors: Vec<String>,
    /// Per rule that found our indirect quotes: how many it found and how many match a gold
    /// report.
    indirect_by_rule: std::collections::BTreeMap<String, (usize, usize)>,
}

/// Runs `dateline eval quotes`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let dir = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/quotes/polnear/dev"));
    if dir.extension().is_some_and(|e| e == "jsonl") {
        return run_jsonl(args, &dir);
    }
    let pairs = polnear_documents(&dir)?;
    let pipeline = Pipeline::new();
    let mut scores = QuoteScores::default();
    let mut documents = 0;
    for (path, ann) in &pairs {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let gold = read_ann(ann, &text)?;
        let ours = predict(&pipeline, &text);
        score(&text, &gold, &ours, &mut scores);
        if args.errors > 0 {
            list_errors(&text, &gold, &ours, &mut scores.errors);
        }
        documents += 1;
    }
    println!("{} — {documents} documents", dir.display());
    for line in scores.errors.iter().take(args.errors) {
        println!("  {line}");
    }
    if args.errors > 0 {
        println!("indirect quotes by the rule that found them (found, matching a gold report):");
        for (rule, (found, hits)) in &scores.indirect_by_rule {
            println!("  {found:>5} {hits:>5}  {rule}");
        }
    }
    print!("{}", render(&scores));
    Ok(())
}

/// Our own gold (`data/gold/press-release-quotes.jsonl`) over the press-release corpus.
fn run_jsonl(args: &EvalArgs, path: &Path) -> Result<()> {
    let corpus = shared_dir().join("corpora/press-releases-2021-2022");
    let (gold, problems) = super::quotes_jsonl::read(path, &corpus)?;
    for problem in &problems {
        eprintln!("{problem}");
    }
    let pipeline = Pipeline::new();
    let mut scores = QuoteScores::default();
    for entry in &gold {
        let mut doc = entry.doc.clone();
        let ours = predict_doc(&pipeline, &mut doc);
        score(doc.text(), &entry.quotes, &ours, &mut scores);
        if args.errors > 0 {
            list_errors(doc.text(), &entry.quotes, &ours, &mut scores.errors);
        }
    }
    let annotated: usize = gold.iter().map(|g| g.quotes.len()).sum();
    println!(
        "{} — {} documents, {annotated} gold quotes{}",
        path.display(),
        gold.len(),
        if problems.is_empty() {
            String::new()
        } else {
            format!(" ({} problems, listed above)", problems.len())
        }
    );
    for line in scores.errors.iter().take(args.errors) {
        println!("  {line}");
    }
    print!("{}", render(&scores));
    Ok(())
}

/// PolNeAR's documents under `dir`: each `text/NAME.txt` with its `attributions/NAME_xxxx.ann`.
/// A text several annotators worked on has several; the first in name order is taken, so that
/// every run reads the same one.
pub(crate) fn polnear_documents(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let texts = dir.join("text");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&texts)
        .with_context(|| {
            format!(
                "{}: cannot list (expected PolNeAR's text/ folder)",
                texts.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut annotations: Vec<PathBuf> = std::fs::read_dir(dir.join("attributions"))
        .with_context(|| format!("{}: cannot list attributions/", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    annotations.sort();
    let mut out = Vec::new();
    for path in names {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let ann = annotations.iter().find(|a| {
            a.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&stem) && n.ends_with(".ann") && n.len() <= stem.len() + 9
            })
        });
        if let Some(ann) = ann {
            out.push((path, ann.clone()));
        }
    }
    Ok(out)
}

/// Every document of a PolNeAR folder analyzed by `pipeline`, handed to `visit` with its gold
/// quotes: what the trainers of the quote models read.
pub(crate) fn for_each_analyzed(
    pipeline: &Pipeline,
    dir: &Path,
    mut visit: impl FnMut(Doc, Vec<GoldQuote>) -> Result<()>,
) -> Result<()> {
    for (path, ann) in polnear_documents(dir)? {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let gold = read_ann(&ann, &text)?;
        let mut doc = Doc::new(text, DocMeta::default());
        pipeline.run(&mut doc);
        visit(doc, gold)?;
    }
    Ok(())
}

/// Reads the Content/Source pairs of one `.ann` file.
pub(crate) fn read_ann(path: &Path, text: &str) -> Result<Vec<GoldQuote>> {
    let ann = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    parse_ann(&ann, text, path)
}

/// The Content/Source pairs of one `.ann` file's text (`path` names it in errors).
fn parse_ann(ann: &str, text: &str, path: &Path) -> Result<Vec<GoldQuote>> {
    let chars: Vec<char> = text.chars().collect();
    // Each text-bound annotation's fragments: brat writes a discontinuous span (a quote
    // interrupted by its attribution) as "start end;start end".
    let mut spans: std::collections::HashMap<&str, Vec<(usize, usize)>> = Default::default();
    for (number, line) in ann.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        if !line.starts_with('T') || fields.len() < 2 {
            continue;
        }
        let offsets = fields[1].split_once(' ').map_or("", |(_, o)| o);
        let mut fragments = Vec::new();
        for fragment in offsets.split(';') {
            let bad = || format!("{}:{}: bad offsets {offsets:?}", path.display(), number + 1);
            let (start, end) = fragment.trim().split_once(' ').with_context(bad)?;
            let start: usize = start.parse().with_context(bad)?;
            let end: usize = end.parse().with_context(bad)?;
            fragments.push((start.min(chars.len()), end.min(chars.len())));
        }
        spans.insert(fields[0], fragments);
    }
    let mut out = Vec::new();
    for line in ann.lines().filter(|l| l.starts_with('E')) {
        let mut content: &[(usize, usize)] = &[];
        let mut source = None;
        let mut cue = None;
        for arg in line.split('\t').nth(1).unwrap_or_default().split(' ') {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let Some(fragments) = spans.get(id) else {
                continue;
            };
            match role {
                "Content" => content = fragments,
                "Source" => source = first_to_last(fragments),
                "Cue" => cue = first_to_last(fragments),
                _ => {}
            }
        }
        // A quotation interrupted by its attribution is two quotes, as we write them; reported
        // speech interrupted by its cue ("The plan, he said, is dead") stays one content.
        let Some(whole) = first_to_last(content) else {
            continue;
        };
        if opens_quoted(&chars, whole.0) {
            out.extend(content.iter().map(|&fragment| GoldQuote {
                content: fragment,
                source,
                cue,
                direct: true,
            }));
        } else {
            out.push(GoldQuote {
                content: whole,
                source,
                cue,
                direct: false,
            });
        }
    }
    Ok(out)
}

/// The span from a source's first fragment to its last.
fn first_to_last(fragments: &[(usize, usize)]) -> Option<(usize, usize)> {
    let start = fragments.iter().map(|f| f.0).min()?;
    let end = fragments.iter().map(|f| f.1).max()?;
    Some((start, end))
}

/// Whether a content starting at `start` is quoted: it opens with a quote mark, follows one
/// (NYT's doubled `''` too, whose second half the annotators sometimes left inside the
/// content), or follows a quote mark and a transcript's speaker label.
fn opens_quoted(chars: &[char], start: usize) -> bool {
    let first = chars.get(start).copied().unwrap_or(' ');
    let before = start
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .copied()
        .unwrap_or(' ');
    is_quote_mark(first)
        || is_quote_mark(before)
        || doubled_mark_at(chars, start)
        || (1..=2).any(|back| {
            start
                .checked_sub(back)
                .is_some_and(|i| doubled_mark_at(chars, i))
        })
        || after_quoted_label(chars, start)
}

/// "''" or "``" at `i`: the double quote mark of NYT-style text.
fn doubled_mark_at(chars: &[char], i: usize) -> bool {
    matches!(
        (chars.get(i), chars.get(i + 1)),
        (Some('\''), Some('\'')) | (Some('`'), Some('`'))
    )
}

/// Whether the content follows a quote mark and a transcript's speaker label: `"SMITH: …`.
/// The label is outside the gold content, but the words are as quoted as any.
fn after_quoted_label(chars: &[char], start: usize) -> bool {
    let mut i = start;
    while i > 0 && chars[i - 1] == ' ' {
        i -= 1;
    }
    if i == 0 || chars[i - 1] != ':' {
        return false;
    }
    i -= 1;
    let label_end = i;
    while i > 0 && label_end - i < 30 && is_label_char(chars[i - 1]) {
        i -= 1;
    }
    let label: String = chars[i..label_end].iter().collect();
    let has_letters = label.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let shouted = label.chars().all(|c| !c.is_lowercase());
    i > 0 && is_quote_mark(chars[i - 1]) && has_letters && shouted
}

fn is_label_char(c: char) -> bool {
    c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-')
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// Our quotes for a text, in character offsets.
fn predict(pipeline: &Pipeline, text: &str) -> Vec<OurQuote> {
    let mut doc = Doc::new(text.to_string(), DocMeta::default());
    predict_doc(pipeline, &mut doc)
}

/// Our quotes for a document (with its metadata), in character offsets.
fn predict_doc(pipeline: &Pipeline, doc: &mut Doc) -> Vec<OurQuote> {
    pipeline.run(doc);
    let offsets = CharOffsets::new(doc.text());
    let a = doc.annotations();
    let chars = |span| {
        let (s, e) = offsets.char_span(span);
        (s as usize, e as usize)
    };
    a.quotes
        .iter()
        .map(|q| {
            let mut speaker_spans: Vec<(usize, usize)> = q.speaker.map(chars).into_iter().collect();
            if let Some(entity) = q.speaker_entity.and_then(|e| a.entities.get(e)) {
                speaker_spans.extend(entity.mentions.iter().map(|m| chars(m.span)));
            }
            OurQuote {
                content: chars(q.content),
                speaker_spans,
                direct: q.kind != QuoteKind::Indirect,
                partial: q.kind == QuoteKind::Partial,
                rule: q
                    .why
                    .split([';', '('])
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            }
        })
        .collect()
}

/// A content span without quote marks, spaces and trailing punctuation.
pub(crate) fn trimmed(chars: &[char], (start, end): (usize, usize)) -> (usize, usize) {
    let (mut s, mut e) = (start, end.min(chars.len()));
    let strip = |c: char| {
        c.is_whitespace() || is_quote_mark(c) || matches!(c, ',' | '.' | '?' | '!' | ':' | ';')
    };
    loop {
        if s < e && strip(chars[s]) {
            s += 1;
        } else if s + 1 < e && doubled_mark_at(chars, s) {
            s += 2;
        } else {
            break;
        }
    }
    loop {
        if e > s && strip(chars[e - 1]) {
            e -= 1;
        } else if e >= s + 2 && doubled_mark_at(chars, e - 2) {
            e -= 2;
        } else {
            break;
        }
    }
    (s, e)
}

pub(crate) fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Whether two contents overlap by at least half of the longer one.
fn overlapping(a: (usize, usize), b: (usize, usize)) -> bool {
    let longer = (a.1 - a.0).max(b.1 - b.0);
    longer > 0 && 2 * overlap(a, b) >= longer
}

/// Per quote of ours, whether it is a partial quote that lies inside a gold indirect Content
/// and overlaps no gold direct one: quoted words within reported speech ("called the plan
/// \"a disaster\""), which PolNeAR annotates only as the report around them. Such a quote is
/// neither a hit nor a miss of direct speech; it is counted on a line of its own.
fn partial_in_reports(chars: &[char], gold: &[GoldQuote], ours: &[OurQuote]) -> Vec<bool> {
    ours.iter()
        .map(|q| {
            let content = trimmed(chars, q.content);
            let inside = |g: &GoldQuote| {
                let g = trimmed(chars, g.content);
                g.0 <= content.0 && content.1 <= g.1
            };
            q.partial
                && !gold
                    .iter()
                    .any(|g| g.direct && overlapping(trimmed(chars, g.content), content))
                && gold.iter().any(|g| !g.direct && inside(g))
        })
        .collect()
}

/// The trimmed contents of one kind (direct or indirect) of gold and of our quotes.
type Contents = (Vec<(usize, usize)>, Vec<(usize, usize)>);

fn contents_of_kind(
    chars: &[char],
    gold: &[GoldQuote],
    ours: &[OurQuote],
    direct: bool,
) -> Contents {
    let set_aside = partial_in_reports(chars, gold, ours);
    let gold = gold
        .iter()
        .filter(|g| g.direct == direct)
        .map(|g| trimmed(chars, g.content))
        .collect();
    let ours = ours
        .iter()
        .zip(&set_aside)
        .filter(|(q, aside)| q.direct == direct && !**aside)
        .map(|(q, _)| q)
        .map(|q| trimmed(chars, q.content))
        .collect();
    (gold, ours)
}

/// A direct gold quote with a Source, matched by one of ours.
struct SpeakerCase<'o> {
    /// The gold content, trimmed.
    content: (usize, usize),
    /// The gold Source span.
    source: (usize, usize),
    /// Our direct quote that overlaps it.
    ours: &'o OurQuote,
}

/// Each direct gold quote with a Source that one of our direct quotes overlaps.
fn speaker_cases<'o>(
    chars: &[char],
    gold: &[GoldQuote],
    ours: &'o [OurQuote],
) -> Vec<SpeakerCase<'o>> {
    gold.iter()
        .filter(|g| g.direct)
        .filter_map(|g| {
            let source = g.source?;
            let content = trimmed(chars, g.content);
            let ours = ours
                .iter()
                .filter(|q| q.direct)
                .find(|q| overlapping(content, trimmed(chars, q.content)))?;
            Some(SpeakerCase {
                content,
                source,
                ours,
            })
        })
        .collect()
}

/// Whether our speaker (its words or any mention of its entity) overlaps the gold source.
fn speaker_right(ours: &OurQuote, source: (usize, usize)) -> bool {
    ours.speaker_spans.iter().any(|&s| overlap(s, source) > 0)
}

/// Hits, misses and spurious contents of one kind under `matches`.
fn counts(
    gold: &[(usize, usize)],
    ours: &[(usize, usize)],
    matches: &dyn Fn((usize, usize), (usize, usize)) -> bool,
) -> Counts {
    Counts {
        true_positives: gold
            .iter()
            .filter(|g| ours.iter().any(|o| matches(**g, *o)))
            .count(),
        false_negatives: gold
            .iter()
            .filter(|g| !ours.iter().any(|o| matches(**g, *o)))
            .count(),
        false_positives: ours
            .iter()
            .filter(|o| !gold.iter().any(|g| matches(*g, **o)))
            .count(),
    }
}

fn score(text: &str, gold: &[GoldQuote], ours: &[OurQuote], scores: &mut QuoteScores) {
    let chars: Vec<char> = text.chars().collect();
    for direct in [true, false] {
        let (gold_kind, ours_kind) = contents_of_kind(&chars, gold, ours, direct);
        if direct {
            scores
                .direct_exact
                .add(counts(&gold_kind, &ours_kind, &|g, o| g == o));
            scores
                .direct_overlap
                .add(counts(&gold_kind, &ours_kind, &overlapping));
            let set_aside = partial_in_reports(&chars, gold, ours);
            scores.partial_in_reports += set_aside.iter().filter(|&&a| a).count();
            let every: Vec<(usize, usize)> = ours
                .iter()
                .filter(|q| q.direct)
                .map(|q| trimmed(&chars, q.content))
                .collect();
            scores
                .direct_overlap_all
                .add(counts(&gold_kind, &every, &overlapping));
        } else {
            scores
                .indirect_overlap
                .add(counts(&gold_kind, &ours_kind, &overlapping));
            // Only reports: a partial quote set aside is direct speech here.
            for q in ours.iter().filter(|q| !q.direct) {
                let content = trimmed(&chars, q.content);
                let hit = gold_kind.iter().any(|g| overlapping(*g, content));
                let tally = scores.indirect_by_rule.entry(q.rule.clone()).or_default();
                tally.0 += 1;
                tally.1 += usize::from(hit);
            }
        }
    }
    for case in speaker_cases(&chars, gold, ours) {
        scores.speaker_cases += 1;
        if speaker_right(case.ours, case.source) {
            scores.speaker_right += 1;
        }
    }
}

/// How the spans nearest to `span` relate to it, for `--errors`: `inside` when one of them lies
/// within it (`span` is the longer), `around` when one holds it, `crossing` when they only
/// overlap, `apart` when none touches it.
fn near_class(others: impl Iterator<Item = (usize, usize)>, span: (usize, usize)) -> &'static str {
    let mut class = "apart";
    for other in others.filter(|&o| overlap(o, span) > 0) {
        let found = if other.0 >= span.0 && other.1 <= span.1 {
            "inside"
        } else if other.0 <= span.0 && other.1 >= span.1 {
            "around"
        } else {
            "crossing"
        };
        if class == "apart" || found == "inside" {
            class = found;
        }
    }
    class
}

/// Spurious and missed quotes of both kinds, and wrong speakers of matched direct quotes, for
/// `--errors`.
fn list_errors(text: &str, gold: &[GoldQuote], ours: &[OurQuote], errors: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let show = |(s, e): (usize, usize)| {
        chars[s..e.min(s + 80).min(chars.len())]
            .iter()
            .collect::<String>()
            .replace('\n', " ")
    };
    let partials: Vec<(usize, usize)> = ours
        .iter()
        .filter(|q| q.partial)
        .map(|q| trimmed(&chars, q.content))
        .collect();
    for direct in [true, false] {
        let kind = if direct { "direct" } else { "indirect" };
        let all_ours = ours;
        let (gold_contents, ours) = contents_of_kind(&chars, gold, ours, direct);
        for o in &ours {
            if !gold_contents.iter().any(|g| overlapping(*g, *o)) {
                let near = near_class(gold.iter().map(|g| trimmed(&chars, g.content)), *o);
                let rule = all_ours
                    .iter()
                    .find(|q| q.direct == direct && trimmed(&chars, q.content) == *o)
                    .map_or("", |q| q.rule.as_str());
                errors.push(format!("spurious {kind} {:?} [{near}] ({rule})", show(*o)));
            }
        }
        // `contents_of_kind` keeps the gold's order, so the cues line up with the contents.
        let cues = gold.iter().filter(|g| g.direct == direct).map(|g| g.cue);
        for (g, cue) in gold_contents.iter().zip(cues) {
            if !ours.iter().any(|o| overlapping(*g, *o)) {
                let cue = cue.map_or(String::new(), |c| format!(" (cue {:?})", show(c)));
                let near = near_class(ours.iter().copied(), *g);
                let touching: Vec<String> = ours
                    .iter()
                    .filter(|o| overlap(**o, *g) > 0)
                    .map(|o| show(*o))
                    .collect();
                let holds_partial = partials.iter().any(|p| g.0 <= p.0 && p.1 <= g.1);
                let partial = if holds_partial {
                    " [holds a partial quote of ours]"
                } else {
                    ""
                };
                errors.push(format!(
                    "missed   {kind} {:?}{cue} [{near}]{partial} {touching:?}",
                    show(*g)
                ));
            }
        }
    }
    for SpeakerCase {
        content,
        source,
        ours,
    } in speaker_cases(&chars, gold, ours)
    {
        if !speaker_right(ours, source) {
            let said: Vec<String> = ours.speaker_spans.iter().map(|&s| show(s)).collect();
            errors.push(format!(
                "speaker  {:?}: gold {:?}, ours {said:?}",
                show(content),
                show(source)
            ));
        }
    }
}

fn render(s: &QuoteScores) -> String {
    let mut out = table(&[
        ("direct, exact content", s.direct_exact),
        ("direct, overlap ≥ 50%", s.direct_overlap),
        ("  every partial quote as direct", s.direct_overlap_all),
        ("indirect, overlap ≥ 50%", s.indirect_overlap),
    ]);
    let _ = writeln!(
        out,
        "partial quotes inside a gold report, set aside from the direct rows: {}",
        s.partial_in_reports
    );
    let accuracy = if s.speaker_cases == 0 {
        0.0
    } else {
        s.speaker_right as f64 / s.speaker_cases as f64
    };
    let _ = writeln!(
        out,
        "speaker of matched direct quotes: {}/{} = {accuracy:.4}",
        s.speaker_right, s.speaker_cases
    );
    let _ = writeln!(
        out,
        "quotes direct F1 {:.4} speaker {accuracy:.4}",
        s.direct_overlap.f1()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_quotation_is_two_quotes_and_interrupted_speech_one() {
        let text = "\u{201C}We will rebuild,\u{201D} the mayor said. \u{201C}All of it.\u{201D} \
                    The plan, she added, is fixed.";
        let chars: Vec<char> = text.chars().collect();
        let find = |needle: &str| {
            let at = text.find(needle).unwrap();
            let start = text[..at].chars().count();
            (start, start + needle.chars().count())
        };
        let (q1, q2) = (find("We will rebuild,"), find("All of it."));
        let (m, r1, r2) = (find("the mayor"), find("The plan"), find("is fixed"));
        let she = find("she");
        let ann = format!(
            "T1\tContent {} {};{} {}\tx\nT2\tSource {} {}\tx\nT3\tContent {} {};{} {}\tx\n\
             T4\tSource {} {}\tx\nE1\tAttribution:T9 Content:T1 Source:T2\n\
             E2\tAttribution:T8 Content:T3 Source:T4\n",
            q1.0, q1.1, q2.0, q2.1, m.0, m.1, r1.0, r1.1, r2.0, r2.1, she.0, she.1
        );
        let gold = parse_ann(&ann, text, Path::new("test.ann")).unwrap();
        let summary: Vec<(String, bool)> = gold
            .iter()
            .map(|g| (chars[g.content.0..g.content.1].iter().collect(), g.direct))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("We will rebuild,".to_string(), true),
                ("All of it.".to_string(), true),
                ("The plan, she added, is fixed".to_string(), false),
            ]
        );
        assert!(gold.iter().take(2).all(|g| g.source == Some(m)));
    }

    #[test]
    fn a_content_inside_doubled_marks_is_quoted_wherever_the_annotator_began_it() {
        let text: Vec<char> = "He said, ''We should wait.'' Then he left."
            .chars()
            .collect();
        let first_mark = text.iter().position(|&c| c == '\'').unwrap_or(0);
        for start in first_mark..first_mark + 3 {
            assert!(opens_quoted(&text, start), "content from {start}");
        }
        let then = text.iter().position(|&c| c == 'T').unwrap_or(0);
        assert!(!opens_quoted(&text, then));
    }

    #[test]
    fn malformed_offsets_name_the_file_and_line() {
        let error = parse_ann("T1\tContent 3 x\tx\n", "text", Path::new("a.ann")).unwrap_err();
        assert!(error.to_string().contains("a.ann:1"), "{error}");
    }
}
