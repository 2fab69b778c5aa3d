//! `dateline eval geo`: toponym recognition and geocoding on GeoVirus or GeoWebNews (default:
//! `../shared/data/geo/GeoVirus.xml`; the format is told from the file).
//!
//! Measured as Gritta et al. define it ("What's missing in geographical parsing?", 2018; "A
//! pragmatic guide to geoparsing evaluation", 2019), with our own code:
//! - **Recognition** P/R/F1, strict (same first and last character) and overlapping spans. For
//!   GeoWebNews the gold toponyms are those of a toponym type (not `Literal_Expression`,
//!   `Non_Lit_Expression` or `Non_Toponym`).
//! - **Geocoding** over recognized toponyms that match a geocoded gold one (overlap): accuracy
//!   within 161 km (100 miles), mean error in km, and AUC: the area under the curve of the
//!   sorted errors on a log scale, normalized to [0, 1] — the mean of ln(1 + error) / ln(20039)
//!   (20,039 km is the longest distance on Earth); lower is better.
//! - **Gold spans given**: every geocoded gold toponym resolved by our resolver in the context of
//!   its analyzed article; a toponym we cannot resolve counts as 20,039 km off.
//!
//! The last line is `geo recognition F1 0.xxxx acc@161 0.xxxx gold-span acc@161 0.xxxx`.

use std::fmt::Write as _;

use anyhow::{Context, Result};
use dateline_core::{ByteSpan, CharOffsets, Doc, DocMeta, Place};
use dateline_nlp::gazetteer::Gazetteer;
use dateline_nlp::pipeline::Pipeline;

use super::geo_gold::{self, GoldFormat, GoldToponym};
use super::{table, Counts};
use crate::args::EvalArgs;
use crate::eval_cmd::shared_dir;

const EARTH_MAX_KM: f64 = 20_039.0;

/// Errors of geocoded toponyms, in km.
#[derive(Debug, Default, Clone)]
struct Errors(Vec<f64>);

impl Errors {
    fn accuracy_161(&self) -> f64 {
        ratio(self.0.iter().filter(|e| **e <= 161.0).count(), self.0.len())
    }

    fn mean(&self) -> f64 {
        self.0.iter().sum::<f64>() / self.0.len().max(1) as f64
    }

    fn auc(&self) -> f64 {
        let total: f64 = self.0.iter().map(|e| (1.0 + e).ln()).sum();
        total / (self.0.len().max(1) as f64 * (1.0 + EARTH_MAX_KM).ln())
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} {:>7} toponyms  acc@161 {:.4}  mean {:>7.1} km  AUC {:.4}\n",
            self.0.len(),
            self.accuracy_161(),
            self.mean(),
            self.auc()
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Great-circle distance in km.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn is_toponym_type(kind: &str) -> bool {
    !matches!(
        kind,
        "Literal_Expression" | "Non_Lit_Expression" | "Non_Toponym"
    )
}

/// Runs `dateline eval geo`.
pub fn run(args: &EvalArgs) -> Result<()> {
    let path = args
        .gold
        .clone()
        .unwrap_or_else(|| shared_dir().join("data/geo/GeoVirus.xml"));
    let xml = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let (format, articles, moved, lost) = geo_gold::parse(&xml)
        .with_context(|| format!("{}: not a geo gold file", path.display()))?;
    let gazetteer =
        Gazetteer::bundled().map_err(|e| anyhow::anyhow!("loading the gazetteer: {e}"))?;
    let pipeline = Pipeline::new();
    let mut strict = Counts::default();
    let mut overlap = Counts::default();
    let mut end_to_end = Errors::default();
    let mut given = Errors::default();
    let mut mistakes = Vec::new();
    for article in &articles {
        let mut doc = Doc::new(article.text.clone(), DocMeta::default());
        pipeline.run(&mut doc);
        let offsets = CharOffsets::new(doc.text());
        let ours: Vec<((usize, usize), &Place)> = doc
            .annotations()
            .places
            .iter()
            .map(|p| {
                let (s, e) = offsets.char_span(p.span);
                ((s as usize, e as usize), p)
            })
            .collect();
        let gold: Vec<&GoldToponym> = article
            .toponyms
            .iter()
            .filter(|t| format == GoldFormat::GeoVirus || is_toponym_type(&t.kind))
            .collect();
        score_recognition(&gold, &ours, &mut strict, &mut overlap);
        for g in &gold {
            let Some(truth) = g.point else { continue };
            let hit = ours.iter().find(|((s, e), _)| *s < g.end && g.start < *e);
            if let Some((_, place)) = hit {
                end_to_end.0.push(error_km(place, truth));
            }
        }
        // Gold spans given: every geocoded gold toponym, whatever its type.
        let geocoded: Vec<&GoldToponym> = article
            .toponyms
            .iter()
            .filter(|t| t.point.is_some())
            .collect();
        let spans: Vec<ByteSpan> = geocoded
            .iter()
            .map(|t| byte_span(&article.text, t.start, t.end))
            .collect();
        let resolved = dateline_nlp::places::resolve_spans(&doc, gazetteer, &spans);
        for (g, place) in geocoded.iter().zip(&resolved) {
            let truth = g.point.unwrap_or_default();
            let error = place.as_ref().map_or(EARTH_MAX_KM, |p| error_km(p, truth));
            if error > 161.0 && mistakes.len() < args.errors {
                let name: String = article
                    .text
                    .chars()
                    .skip(g.start)
                    .take(g.end - g.start)
                    .collect();
                mistakes.push(format!(
                    "{name:?} → {} ({:.0} km off)",
                    place.as_ref().map_or("nothing".to_string(), |p| format!(
                        "{} {} {}",
                        p.name,
                        p.country.as_deref().unwrap_or("-"),
                        p.feature.as_str()
                    )),
                    error
                ));
            }
            given.0.push(error);
        }
    }
    println!(
        "{} — {} articles ({format:?}; {moved} gold offsets re-anchored, {lost} names not found \
         at their offsets and left out)",
        path.display(),
        articles.len()
    );
    for line in &mistakes {
        println!("  {line}");
    }
    print!("{}", render(strict, overlap, &end_to_end, &given));
    Ok(())
}

fn score_recognition(
    gold: &[&GoldToponym],
    ours: &[((usize, usize), &Place)],
    strict: &mut Counts,
    overlap: &mut Counts,
) {
    let exact = gold
        .iter()
        .filter(|g| ours.iter().any(|((s, e), _)| (*s, *e) == (g.start, g.end)))
        .count();
    let mut used = vec![false; ours.len()];
    let mut overlapping = 0;
    for g in gold {
        if let Some(i) = (0..ours.len()).find(|&i| {
            let (s, e) = ours[i].0;
            !used[i] && s < g.end && g.start < e
        }) {
            used[i] = true;
            overlapping += 1;
        }
    }
    strict.add(Counts {
        true_positives: exact,
        false_positives: ours.len() - exact,
        false_negatives: gold.len() - exact,
    });
    overlap.add(Counts {
        true_positives: overlapping,
        false_positives: ours.len() - overlapping,
        false_negatives: gold.len() - overlapping,
    });
}

fn error_km(place: &Place, truth: (f64, f64)) -> f64 {
    place
        .coordinates
        .map_or(EARTH_MAX_KM, |c| haversine_km((c.lat(), c.lon()), truth))
}

/// Byte offsets of a character range.
fn byte_span(text: &str, start: usize, end: usize) -> ByteSpan {
    let byte_at = |char_index: usize| {
        text.char_indices()
            .nth(char_index)
            .map_or(text.len(), |(b, _)| b)
    };
    ByteSpan::new(byte_at(start), byte_at(end))
}

fn render(strict: Counts, overlap: Counts, end_to_end: &Errors, given: &Errors) -> String {
    let mut out = table(&[
        ("recognition, strict spans", strict),
        ("recognition, overlapping", overlap),
    ]);
    out.push_str(&end_to_end.line("geocoding, end to end"));
    out.push_str(&given.line("geocoding, gold spans given"));
    let _ = writeln!(
        out,
        "geo recognition F1 {:.4} acc@161 {:.4} gold-span acc@161 {:.4}",
        strict.f1(),
        end_to_end.accuracy_161(),
        given.accuracy_161()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Paris to London is about 344 km.
        let d = haversine_km((48.8566, 2.3522), (51.5074, -0.1278));
        assert!((d - 343.5).abs() < 2.0, "{d}");
        assert!(haversine_km((0.0, 0.0), (0.0, 180.0)) <= EARTH_MAX_KM + 1.0);
    }

    #[test]
    fn auc_is_zero_for_perfect_and_one_for_antipodes() {
        assert_eq!(Errors(vec![0.0, 0.0]).auc(), 0.0);
        assert!((Errors(vec![EARTH_MAX_KM]).auc() - 1.0).abs() < 1e-9);
    }
}
