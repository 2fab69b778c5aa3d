//! The readable text report of one analyzed document.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use dateline_core::schema::Analysis;
use dateline_core::{Doc, QuoteSide, TokenKind};

const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const QUOTE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const NUMBER: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const WARNING: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

/// Renders `doc` and its analysis as sections per annotation type.
pub fn render(doc: &Doc, analysis: &Analysis, color: bool) -> String {
    let paint = |style: Style, text: &str| {
        if color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let document = &analysis.document;
    let title = document
        .title
        .clone()
        .unwrap_or_else(|| doc.meta().origin.to_string());
    let _ = writeln!(out, "{}", paint(HEADING, &format!("━━ {title} ━━")));
    let published = match (&document.published, &document.published_from) {
        (Some(date), Some(from)) => format!("{date} (from {from})"),
        _ => "unknown".to_string(),
    };
    let _ = writeln!(
        out,
        "source: {}   published: {published}   id: {}",
        document.source.as_deref().unwrap_or("unknown"),
        short_id(&document.id)
    );
    if let Some(dateline) = &document.dateline {
        let _ = writeln!(out, "dateline: {:?}", dateline.text.trim());
    }
    let _ = writeln!(
        out,
        "{}",
        paint(DIM, &format!("from {}", doc.meta().origin))
    );
    section(&mut out, &paint, "Sentences", analysis.sentences.len());
    for (index, sentence) in doc.annotations().sentences.iter().enumerate() {
        let mut line = String::new();
        let mut cursor = sentence.span.start as usize;
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        for token in doc.annotations().tokens.get(range).unwrap_or(&[]) {
            line.push_str(
                doc.text()
                    .get(cursor..token.span.start as usize)
                    .unwrap_or(""),
            );
            let text = doc.slice(token.span);
            line.push_str(&match token.kind {
                TokenKind::Quote(QuoteSide::Open | QuoteSide::Close | QuoteSide::Unknown) => {
                    paint(QUOTE, text)
                }
                TokenKind::Number => paint(NUMBER, text),
                _ => text.to_string(),
            });
            cursor = token.span.end as usize;
        }
        let _ = writeln!(out, "{:>4}  {}", index + 1, line.replace('\n', " "));
    }
    for (name, count) in [
        ("Entities", analysis.entities.len()),
        ("Quotes", analysis.quotes.len()),
        ("Times", analysis.times.len()),
        ("Places", analysis.places.len()),
        ("Events", analysis.events.len()),
    ] {
        section(&mut out, &paint, name, count);
        if count == 0 {
            let _ = writeln!(out, "      {}", paint(DIM, "none found"));
        }
    }
    if !analysis.diagnostics.is_empty() {
        section(&mut out, &paint, "Diagnostics", analysis.diagnostics.len());
        for diagnostic in &analysis.diagnostics {
            let _ = writeln!(
                out,
                "      {} [{}] {}",
                paint(WARNING, &diagnostic.severity),
                diagnostic.stage,
                diagnostic.message
            );
        }
    }
    out.push('\n');
    out
}

fn section(out: &mut String, paint: &dyn Fn(Style, &str) -> String, name: &str, count: usize) {
    let _ = writeln!(out, "\n{}", paint(HEADING, &format!("{name} ({count})")));
}

fn short_id(id: &str) -> &str {
    if id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        &id[..12]
    } else {
        id
    }
}
