//! The readable text report of one analyzed document.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use dateline_core::schema::{Analysis, EntityOut, EventOut, TimeOut};

const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const QUOTE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const NUMBER: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const WARNING: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));

/// Renders an analysis as sections per annotation type; `origin` says where the document was
/// read from. Works from the contract alone, so a stored analysis renders as a fresh one does.
pub fn render(analysis: &Analysis, origin: &str, color: bool) -> String {
    let paint = |style: Style, text: &str| {
        if color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let document = &analysis.document;
    let title = document.title.clone().unwrap_or_else(|| origin.to_string());
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
    let _ = writeln!(out, "{}", paint(DIM, &format!("from {origin}")));
    section(&mut out, &paint, "Sentences", analysis.sentences.len());
    let chars: Vec<char> = document.text.chars().collect();
    for (index, sentence) in analysis.sentences.iter().enumerate() {
        let end = (sentence.end as usize).min(chars.len());
        let start = (sentence.start as usize).min(end);
        let text: String = chars[start..end].iter().collect();
        let _ = writeln!(
            out,
            "{:>4}  {}",
            index + 1,
            paint_sentence(&text.replace('\n', " "), &paint)
        );
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
    section(&mut out, &paint, "Places", analysis.places.len());
    for line in place_lines(analysis) {
        let _ = writeln!(out, "{line}");
    }
    if analysis.places.is_empty() {
        let _ = writeln!(out, "      {}", paint(DIM, "none found"));
    }
    section(&mut out, &paint, "Events", analysis.events.len());
    for event in &analysis.events {
        let _ = writeln!(out, "{}", event_line(event, &paint));
    }
    if analysis.events.is_empty() {
        let _ = writeln!(out, "      {}", paint(DIM, "none found"));
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

/// One line per distinct place (the first mention's id, how often it is named):
/// "P3  Geneva  city CHE  46.20222, 6.14569  ×2".
fn place_lines(analysis: &Analysis) -> Vec<String> {
    let mut seen: Vec<(&str, Option<&str>, usize, &str, String)> = Vec::new();
    for place in &analysis.places {
        let key = (place.name.as_str(), place.country.as_deref());
        match seen.iter_mut().find(|s| (s.0, s.1) == key) {
            Some(entry) => entry.2 += 1,
            None => {
                let point = match (place.lat, place.lon) {
                    (Some(lat), Some(lon)) => format!("{lat:.5}, {lon:.5}"),
                    _ => "(no coordinates)".to_string(),
                };
                seen.push((
                    key.0,
                    key.1,
                    1,
                    place.id.as_str(),
                    format!(
                        "{:<8} {}  {}",
                        place.feature,
                        place.country.as_deref().unwrap_or("-"),
                        point
                    ),
                ));
            }
        }
    }
    seen.into_iter()
        .map(|(name, _, count, id, rest)| {
            let times = if count > 1 {
                format!("  ×{count}")
            } else {
                String::new()
            };
            format!("{id:>5}  {name:<24} {rest}{times}")
        })
        .collect()
}

/// "V3  REJECT 120  Donald Trump → American boots  “ruled out”  2025-08-18  negative asserted".
fn event_line(event: &EventOut, paint: &dyn Fn(Style, &str) -> String) -> String {
    let actor = |a: &Option<dateline_core::schema::ActorOut>| {
        a.as_ref().map_or("—".to_string(), |a| a.name.clone())
    };
    let place = event
        .place
        .as_ref()
        .map_or(String::new(), |p| format!("  {} {}", p.role, p.place));
    let quoted = event
        .attribution
        .as_ref()
        .and_then(|a| a.quote.as_ref())
        .map_or(String::new(), |q| format!("  in {q}"));
    format!(
        "{:>5}  {} {}  {} → {}  {}  {}{}  {} {}{}",
        event.id,
        paint(HEADING, &event.event_type),
        event.cameo.as_deref().unwrap_or("-"),
        actor(&event.source),
        actor(&event.target),
        paint(QUOTE, &format!("\u{201C}{}\u{201D}", event.trigger.text)),
        event.date.value.as_deref().unwrap_or("(no date)"),
        place,
        event.polarity,
        event.modality,
        quoted
    )
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

/// Quote marks in green and numbers in cyan, as a reader scans for them.
fn paint_sentence(text: &str, paint: &dyn Fn(Style, &str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut number = String::new();
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            number.push(ch);
            continue;
        }
        if !number.is_empty() {
            out.push_str(&paint(NUMBER, &number));
            number.clear();
        }
        if matches!(ch, '"' | '“' | '”' | '«' | '»') {
            out.push_str(&paint(QUOTE, &ch.to_string()));
        } else {
            out.push(ch);
        }
    }
    if !number.is_empty() {
        out.push_str(&paint(NUMBER, &number));
    }
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
