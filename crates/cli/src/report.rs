//! The readable text report of one analyzed document.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use dateline_core::schema::{Analysis, EntityOut, TimeOut};
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
    section(&mut out, &paint, "Entities", analysis.entities.len());
    for entity in &analysis.entities {
        let _ = writeln!(out, "{}", entity_line(entity, &paint));
    }
    if analysis.entities.is_empty() {
        let _ = writeln!(out, "      {}", paint(DIM, "none found"));
    }
    section(&mut out, &paint, "Quotes", analysis.quotes.len());
    for quote in &analysis.quotes {
        let speaker = quote.speaker.as_ref().map_or_else(
            || "(speaker unknown)".to_string(),
            |s| match &s.entity {
                Some(id) => format!("{} [{id}]", s.name),
                None => s.name.clone(),
            },
        );
        let cue = quote
            .cue
            .as_ref()
            .map_or(String::new(), |c| format!(" {}", c.text));
        let to = quote
            .addressee
            .as_ref()
            .map_or(String::new(), |a| format!(" → {}", a.text));
        let anonymous = if quote.anonymous { " (anonymous)" } else { "" };
        let when = quote
            .date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .map_or(String::new(), |v| format!(" [{v}]"));
        let _ = writeln!(
            out,
            "{:>5}  {:<7}  {}{}{}{}{}: {}",
            quote.id,
            quote.kind,
            paint(HEADING, &speaker),
            cue,
            to,
            anonymous,
            paint(DIM, &when),
            paint(
                QUOTE,
                &format!("\u{201C}{}\u{201D}", quote.text.replace('\n', " "))
            )
        );
    }
    if analysis.quotes.is_empty() {
        let _ = writeln!(out, "      {}", paint(DIM, "none found"));
    }
    section(&mut out, &paint, "Times", analysis.times.len());
    for time in &analysis.times {
        let _ = writeln!(out, "{}", time_line(time, &paint));
    }
    if analysis.times.is_empty() {
        let _ = writeln!(out, "      {}", paint(DIM, "none found"));
    }
    for (name, count) in [
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

/// "T2  DATE      2025-08-18  “Monday”", with the anchored event's date for "three days after X".
fn time_line(time: &TimeOut, paint: &dyn Fn(Style, &str) -> String) -> String {
    let value = time.value.as_deref().unwrap_or("(unknown)");
    let modifier = time
        .modifier
        .as_ref()
        .map_or(String::new(), |m| format!(" {m}"));
    let mut line = format!(
        "{:>5}  {:<8}  {:<14}  {}{}",
        time.id,
        time.time_type,
        paint(HEADING, value),
        paint(QUOTE, &format!("\u{201C}{}\u{201D}", time.text)),
        modifier
    );
    if let Some(relation) = &time.relation {
        let _ = write!(
            line,
            " — {} \u{201C}{}\u{201D} = {}",
            relation.relation,
            relation.event.text,
            relation.event_date.as_deref().unwrap_or("(unknown)")
        );
    }
    if time.value.is_none() {
        let _ = write!(line, "  {}", paint(DIM, &time.why));
    }
    line
}

/// "E3  PERSON  Vladimir Putin  RUSGOV  President — 11 mentions: "Russia's Vladimir Putin", …"
fn entity_line(entity: &EntityOut, paint: &dyn Fn(Style, &str) -> String) -> String {
    let mut line = format!(
        "{:>5}  {:<6}  {}",
        entity.id,
        entity.entity_type,
        paint(HEADING, &entity.name)
    );
    if let Some(code) = &entity.code {
        line.push_str(&format!("  {code}"));
    }
    if !entity.roles.is_empty() {
        line.push_str(&format!("  {}", entity.roles.join(", ")));
    }
    if let Some(age) = entity.age {
        line.push_str(&format!("  age {age}"));
    }
    let mut seen: Vec<&str> = Vec::new();
    for mention in &entity.mentions {
        if !seen.contains(&mention.text.as_str()) {
            seen.push(&mention.text);
        }
    }
    let shown: Vec<String> = seen.iter().take(4).map(|t| format!("{t:?}")).collect();
    let more = if seen.len() > 4 { ", …" } else { "" };
    let count = entity.mentions.len();
    let noun = if count == 1 { "mention" } else { "mentions" };
    line.push_str(&paint(
        DIM,
        &format!(" — {count} {noun}: {}{more}", shown.join(", ")),
    ));
    line
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
