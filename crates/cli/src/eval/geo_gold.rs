//! Readers for the geoparsing gold sets: GeoVirus (`<article><text>…<locations><location>` with
//! name, start, end, lat, lon) and GeoWebNews (`<article><text>…<toponyms><toponym>` with
//! extractedName, type, start, end and, for geocoded ones, latitude and longitude). Offsets are
//! characters of the decoded text.
//!
//! GeoVirus's offsets in this copy are one character late for many locations ("Pandi" at
//! 170..175 reads "andi,"): each name is re-anchored to the nearest occurrence within three
//! characters of its offsets; a name not found there is reported, not guessed.

use anyhow::{bail, Result};

/// One gold toponym.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// GeoWebNews type ("Literal", "Demonym", …); `Literal` for GeoVirus.
    pub kind: String,
    /// Gold coordinates, when geocoded.
    pub point: Option<(f64, f64)>,
}

/// One gold article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// The text.
    pub text: String,
    /// Its toponyms.
    pub toponyms: Vec<GoldToponym>,
}

/// Which gold set a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoldFormat {
    /// GeoVirus.
    GeoVirus,
    /// GeoWebNews.
    GeoWebNews,
}

/// Reads either format, telling which it was, and how many names had to be re-anchored or
/// could not be found.
pub fn parse(xml: &str) -> Result<(GoldFormat, Vec<GoldArticle>, usize, usize)> {
    let format = if xml.contains("<locations>") {
        GoldFormat::GeoVirus
    } else if xml.contains("<toponyms>") {
        GoldFormat::GeoWebNews
    } else {
        bail!("neither GeoVirus (<locations>) nor GeoWebNews (<toponyms>) XML");
    };
    let (item, name_tag, lat_tag, lon_tag) = match format {
        GoldFormat::GeoVirus => ("location", "name", "lat", "lon"),
        GoldFormat::GeoWebNews => ("toponym", "extractedName", "latitude", "longitude"),
    };
    let mut articles = Vec::new();
    let (mut moved, mut lost) = (0, 0);
    for (number, article) in elements(xml, "article").into_iter().enumerate() {
        let Some(text) = child(article, "text").map(decode) else {
            bail!("article {}: no <text>", number + 1);
        };
        let chars: Vec<char> = text.chars().collect();
        let mut toponyms = Vec::new();
        for entry in elements(article, item) {
            let number_of = |tag| child(entry, tag).and_then(|v| v.trim().parse::<usize>().ok());
            let (Some(start), Some(end)) = (number_of("start"), number_of("end")) else {
                lost += 1; // counted and reported with the names not found
                continue;
            };
            let name = child(entry, name_tag).map(decode).unwrap_or_default();
            let degrees = |tag| child(entry, tag).and_then(|v| v.trim().parse::<f64>().ok());
            let point = degrees(lat_tag).zip(degrees(lon_tag));
            let kind = child(entry, "type").unwrap_or("Literal").trim().to_string();
            match anchor(&chars, &name, start, end) {
                Some((s, e)) => {
                    if s != start {
                        moved += 1;
                    }
                    toponyms.push(GoldToponym {
                        start: s,
                        end: e,
                        kind,
                        point,
                    });
                }
                None => lost += 1,
            }
        }
        articles.push(GoldArticle { text, toponyms });
    }
    Ok((format, articles, moved, lost))
}

/// Where `name` is: at the given offsets, or within three characters of them.
fn anchor(chars: &[char], name: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let name: Vec<char> = name.chars().collect();
    let at = |s: usize| {
        chars
            .get(s..s + name.len())
            .is_some_and(|w| w == name.as_slice())
    };
    if name.is_empty() {
        return (end <= chars.len() && start < end).then_some((start, end));
    }
    for delta in 0..=3usize {
        for s in [start.checked_sub(delta), start.checked_add(delta)]
            .into_iter()
            .flatten()
        {
            if at(s) {
                return Some((s, s + name.len()));
            }
        }
    }
    None
}

/// The inner texts of every `<tag>…</tag>` (not nested).
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        // "<article>" or "<article file=…>", not "<articles>".
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let Some(body_start) = after.find('>') else {
            break;
        };
        let body = &after[body_start + 1..];
        let Some(end) = body.find(&close) else { break };
        out.push(&body[..end]);
        rest = &body[end + close.len()..];
    }
    out
}

fn child<'a>(xml: &'a str, tag: &str) -> Option<&'a str> {
    elements(xml, tag).into_iter().next()
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_geovirus_and_reanchors_names() {
        let xml = "<articles><article><text>Cases in Pandi, Bulacan.</text><locations>\
            <location><name>Pandi</name><start>10</start><end>15</end><lat>14.87</lat>\
            <lon>120.95</lon></location></locations></article></articles>";
        let (format, articles, moved, lost) = parse(xml).unwrap();
        assert_eq!(format, GoldFormat::GeoVirus);
        assert_eq!((moved, lost), (1, 0));
        let t = &articles[0].toponyms[0];
        assert_eq!((t.start, t.end), (9, 14));
        assert_eq!(t.point, Some((14.87, 120.95)));
    }

    #[test]
    fn reads_geowebnews_types() {
        let xml = "<articles><article file=\"0\"><text>Irish fans &amp; Dublin.</text><toponyms>\
            <toponym><extractedName>Dublin</extractedName><type>Literal</type><start>16</start>\
            <end>22</end><latitude>53.3</latitude><longitude>-6.2</longitude></toponym>\
            </toponyms></article></articles>";
        let (format, articles, _, lost) = parse(xml).unwrap();
        assert_eq!(format, GoldFormat::GeoWebNews);
        assert_eq!(lost, 0);
        assert_eq!(articles[0].text, "Irish fans & Dublin.");
        assert_eq!(articles[0].toponyms[0].kind, "Literal");
        assert!(parse("<rss/>").is_err());
    }
}
