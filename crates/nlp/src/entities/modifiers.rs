//! What the words around a name or a role noun say: titles ("Treasury Secretary", "Gen."),
//! country modifiers ("U.S.", "Russian", "Ukraine's"), "former", and ages ("Anton, 32",
//! "a 32-year-old warehouse worker").

use std::ops::Range;

use super::view::View;
use crate::kb::{Kb, Office, Target, Title, TitleKind};

/// What a run of modifier tokens says.
#[derive(Debug, Clone, Default)]
pub(crate) struct Modifiers {
    /// Titles as written ("Treasury Secretary").
    pub roles: Vec<String>,
    /// The office the last title denotes.
    pub office: Option<Office>,
    /// The sector the titles imply.
    pub sector: Option<String>,
    /// The country a modifier names.
    pub country: Option<String>,
    /// "former", "ex-".
    pub former: bool,
    /// Where the modifiers start (the mention is extended to here).
    pub start: usize,
    /// Where the first role read ends (to merge adjacent title words into it).
    pub role_end: usize,
    /// Where the leftmost role starts, while nothing else has been read left of it.
    pub role_start: Option<usize>,
}

/// The longest KB title ending at token `end - 1`, of up to four words: (first token, title).
pub(crate) fn title_ending_at<'k>(
    view: &View,
    kb: &'k Kb,
    end: usize,
    floor: usize,
) -> Option<(usize, &'k Title)> {
    for n in (1..=4).rev() {
        let Some(start) = end.checked_sub(n) else {
            continue;
        };
        if start < floor {
            continue;
        }
        let phrase: Vec<&str> = (start..end).map(|i| view.lowers[i].as_str()).collect();
        if let Some(title) = kb.title(&phrase.join(" ")) {
            return Some((start, title));
        }
    }
    None
}

/// The country a token names as a modifier: a country name ("U.S."), a demonym ("Russian"), a
/// possessive country ("Ukraine" before "'s"), or a KB organization with a country.
pub(crate) fn country_of_token(view: &View, kb: &Kb, i: usize) -> Option<(Range<usize>, String)> {
    let (range, targets) = view.kb_match[i].clone()?;
    let code = targets.iter().find_map(|t| match *t {
        Target::Country(c) | Target::Demonym(c) | Target::Capital(c) => kb
            .countries
            .get(c as usize)
            .map(|c| c.actor_country().to_string()),
        Target::Organization(o) => kb.organizations.get(o as usize)?.country.clone(),
        Target::Person(_) => None,
    })?;
    Some((range, code))
}

/// Reads the modifiers left of `start` (a name or a role noun) within its sentence: titles,
/// country words, possessive markers, "former". Stops at anything else.
pub(crate) fn modifiers_before(view: &View, kb: &Kb, start: usize, floor: usize) -> Modifiers {
    let mut out = Modifiers {
        start,
        ..Modifiers::default()
    };
    let mut at = start;
    while at > floor {
        let prev = at - 1;
        let lower = view.lowers[prev].as_str();
        if let Some((first, title)) = title_ending_at(view, kb, at, floor) {
            // Role nouns count right before the name too: "radio host Levin".
            let adjacent = at == start && title.sector.is_some() && view.xpos(at - 1) != "NNS";
            // A noun before a role is part of it: "government employee", "radio host".
            let compound = out.role_start == Some(at) && view.upos(first) == "NOUN";
            if title.kind == TitleKind::Title || view.is_capitalized(first) || adjacent || compound
            {
                // Adjacent title words make one role: "Trade and Industry Secretary".
                let mut role_end = at;
                // …but an abbreviated title stays its own role ("officer", "Gen.").
                let abbreviated = out.roles.first().is_some_and(|r| r.ends_with('.'));
                if out.role_start == Some(at) && !out.roles.is_empty() && !abbreviated {
                    role_end = out.role_end;
                    out.roles.remove(0);
                }
                let text = view.range_text(&(first..role_end)).to_string();
                out.roles.insert(0, text);
                out.role_end = role_end;
                out.role_start = Some(first);
                if out.office.is_none() {
                    out.office = title.office;
                }
                if out.sector.is_none() {
                    out.sector = title.sector.clone();
                }
                at = first;
                out.start = at;
                continue;
            }
        }
        if let Some((range, code)) = country_of_token(view, kb, prev) {
            if range.end == at && range.start >= floor {
                out.country.get_or_insert(code);
                at = range.start;
                out.start = at;
                out.role_start = None;
                // "the President of Ukraine Volodymyr Zelenskyy"
                if at >= floor + 2 && view.lowers[at - 1] == "of" {
                    if let Some((first, title)) = title_ending_at(view, kb, at - 1, floor) {
                        out.roles
                            .insert(0, view.range_text(&(first..at - 1)).to_string());
                        out.office = out.office.or(title.office);
                        out.sector = out.sector.clone().or_else(|| title.sector.clone());
                        out.role_end = at - 1;
                        at = first;
                        out.start = at;
                        out.role_start = Some(first);
                    }
                }
                continue;
            }
        }
        if (lower == "'s" || lower == "\u{2019}s") && prev > floor {
            if let Some((range, code)) = country_of_token(view, kb, prev - 1) {
                if range.end == prev {
                    out.country.get_or_insert(code);
                    at = range.start;
                    out.start = at;
                    out.role_start = None;
                    continue;
                }
            }
            break;
        }
        if super::mentions::HONORIFICS.contains(&lower) {
            out.roles.insert(0, view.text(prev).to_string());
            out.role_end = at;
            at = prev;
            out.start = at;
            out.role_start = None;
            continue;
        }
        if matches!(lower, "former" | "ex" | "ex-" | "then") {
            out.former = lower != "then";
            at = prev;
            out.start = at;
            continue;
        }
        // Words inside a title ("Deputy", "Trade and Industry") or "-" in "ex-President".
        let in_role = out.role_start == Some(at) && !view.is_name_token(prev);
        let inside_title = in_role && view.is_capitalized(prev) && view.upos(prev) == "PROPN";
        let joins_title = in_role
            && lower == "and"
            && prev > floor
            && view.is_capitalized(prev - 1)
            && !view.is_name_token(prev - 1);
        let title_word = matches!(
            lower,
            "-" | "acting" | "deputy" | "top" | "interim" | "senior" | "first"
        );
        if title_word || inside_title || joins_title {
            at = prev;
            if in_role {
                if let Some(first_role) = out.roles.first_mut() {
                    *first_role = view.range_text(&(prev..out.role_end)).to_string();
                }
                out.start = at;
                out.role_start = Some(at);
            }
            continue;
        }
        break;
    }
    // "U.S. Treasury Secretary": a country word that opened the title is the country, not the role.
    if let Some(first) = out.role_start {
        if first + 1 < out.role_end {
            if let Some((_, code)) = country_of_token(view, kb, first) {
                out.country.get_or_insert(code);
                if let Some(role) = out.roles.first_mut() {
                    *role = view.range_text(&(first + 1..out.role_end)).to_string();
                }
            }
        }
    }
    out
}

/// The sector a recognized organization's own words give when the KB does not know it: the
/// longest role phrase in its head part, before any "of" ("Shin Bet Security Service" → SPY,
/// "University of Lagos" → EDU), the last one first.
pub(crate) fn sector_in_name(view: &View, kb: &Kb, name: Range<usize>) -> Option<String> {
    let head_end = name
        .clone()
        .find(|&t| view.lowers[t] == "of" && t > name.start)
        .unwrap_or(name.end);
    (name.start..head_end).rev().find_map(|t| {
        let (_, title) = title_ending_at(view, kb, t + 1, name.start)?;
        title.sector.clone().filter(|s| s != "UNK")
    })
}

/// An age written as "32" (appositive) or "32-year-old".
pub(crate) fn age_of(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    let age: u32 = digits.parse().ok()?;
    let plain = rest.is_empty();
    let year_old = rest.starts_with("-year-old") || rest.starts_with("-years-old");
    ((plain || year_old) && (1..=120).contains(&age)).then_some(age)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(age_of("32-year-old"), Some(32));
        assert_eq!(age_of("23"), Some(23));
        assert_eq!(age_of("2025"), None);
        assert_eq!(age_of("30s"), None);
    }
}
