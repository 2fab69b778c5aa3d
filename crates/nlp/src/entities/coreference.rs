//! In-document coreference of mentions without a name: titles standing alone for a person
//! ("the president", "the Russian leader": the office holder on the article's date, else the
//! last person seen with that title) and third-person pronouns (the last person mentioned).

use std::ops::Range;

use dateline_core::{EntityType, MentionKind};

use super::mentions::{sentence_start, Draft};
use super::modifiers::{modifiers_before, title_ending_at, Modifiers};
use super::view::View;
use crate::kb::{Kb, Office, Target, TitleKind};

/// Titles standing alone for a person: "the president", "the Russian leader", "Russia's
/// foreign minister".
pub(super) fn add_titles(
    view: &View,
    kb: &Kb,
    day: Option<u32>,
    drafts: &mut Vec<Draft>,
    covered: &mut [bool],
) {
    for i in 0..view.len() {
        if covered[i] || !matches!(view.upos(i), "NOUN" | "PROPN") {
            continue;
        }
        let floor = sentence_start(view, i);
        let Some((first, title)) = title_ending_at(view, kb, i + 1, floor) else {
            continue;
        };
        if title.kind != TitleKind::Title || title.office.is_none() {
            continue;
        }
        if i + 1 < view.len() && view.upos(i + 1) == "PROPN" && view.is_capitalized(i + 1) {
            continue; // a title before a name the recognizer missed
        }
        let modifiers = modifiers_before(view, kb, first, floor);
        let start = modifiers.start;
        let definite = start > floor && view.lowers[start - 1] == "the";
        if !definite && modifiers.country.is_none() {
            continue;
        }
        if view.xpos(i) == "NNS" {
            continue;
        }
        let mention = if definite {
            start - 1..i + 1
        } else {
            start..i + 1
        };
        let office = title.office;
        let by_date = match (&modifiers.country, office, day) {
            (Some(country), Some(office), Some(day)) => holder(kb, country, office, day),
            _ => None,
        };
        let at = match by_date {
            Some(target) => match drafts.iter().position(|d| d.target == Some(target)) {
                Some(at) => Some(at),
                None => {
                    drafts.push(Draft::new(EntityType::Person, Some(target)));
                    Some(drafts.len() - 1)
                }
            },
            None => recent_with_office(
                drafts,
                office,
                modifiers.country.as_deref(),
                &view.lowers[i],
                first,
            ),
        };
        let Some(at) = at else { continue };
        let draft = &mut drafts[at];
        draft.absorb(&Modifiers {
            roles: Vec::new(),
            ..modifiers.clone()
        });
        draft.why.push(if by_date.is_some() {
            "title resolved by office holder on the date".into()
        } else {
            "title resolved to the last person with it".into()
        });
        covered[mention.clone()].fill(true);
        draft.mentions.push((mention, MentionKind::Title));
    }
}

/// The KB person holding `office` in `country` on `day`; "leader" may be either head.
fn holder(kb: &Kb, country: &str, office: Office, day: u32) -> Option<Target> {
    let found = kb.holder(country, office, day).or_else(|| {
        (office == Office::HeadOfState)
            .then(|| kb.holder(country, Office::HeadOfGovernment, day))
            .flatten()
    });
    found.map(|(i, _)| Target::Person(i))
}

/// The most recently mentioned person whose office (or role word) matches.
fn recent_with_office(
    drafts: &[Draft],
    office: Option<Office>,
    country: Option<&str>,
    word: &str,
    before: usize,
) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (at, d) in drafts.iter().enumerate() {
        if d.entity_type != EntityType::Person {
            continue;
        }
        let office_fits = office.is_some() && d.office == office;
        let word_fits = d.roles.iter().any(|r| r.to_lowercase().ends_with(word));
        let country_fits = country.is_none_or(|c| d.country.as_deref() == Some(c));
        if (office_fits || word_fits) && country_fits {
            let Some(last) = d
                .mentions
                .iter()
                .map(|(r, _)| r.end)
                .filter(|&e| e <= before)
                .max()
            else {
                continue;
            };
            if best.is_none_or(|(_, l)| last > l) {
                best = Some((at, last));
            }
        }
    }
    best.map(|(at, _)| at)
}

/// Whether a mention is the subject of its sentence's main verb.
fn is_main_subject(view: &View, range: &Range<usize>) -> bool {
    range.clone().any(|t| {
        matches!(view.relation(t), "nsubj" | "nsubj:pass")
            && view.head(t).is_some_and(|h| view.head(h).is_none())
    })
}

/// A third-person singular pronoun → the last person mentioned before it: "he"/"she" as the
/// subject of any verb, "him"/"her" as its object or oblique, "his"/"her" as a possessor ("her
/// visit ended with a dinner"). "they" and "it" are left alone: they name groups, countries and
/// things as often as people.
pub(super) fn add_pronouns(view: &View, drafts: &mut [Draft]) {
    for i in 0..view.len() {
        let (gender, roles): (char, &[&str]) = match view.lowers[i].as_str() {
            "he" => ('m', &["nsubj", "nsubj:pass"]),
            "she" => ('f', &["nsubj", "nsubj:pass"]),
            "him" => ('m', &["obj", "iobj", "obl"]),
            "his" => ('m', &["nmod:poss"]),
            "her" => ('f', &["obj", "iobj", "obl", "nmod:poss"]),
            _ => continue,
        };
        if !roles.contains(&view.relation(i)) {
            continue;
        }
        // The person of the nearest earlier sentence, its main-clause subject first, then the
        // latest mention.
        let previous = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                d.entity_type == EntityType::Person && d.gender.is_none_or(|g| g == gender)
            })
            .filter_map(|(at, d)| {
                let (range, _) = d
                    .mentions
                    .iter()
                    .filter(|(r, _)| r.end <= i)
                    .max_by_key(|(r, _)| r.end)?;
                let sentence = view.sentence_of[range.start];
                Some((at, (sentence, is_main_subject(view, range), range.end)))
            })
            .max_by_key(|&(_, key)| key);
        if let Some((at, _)) = previous {
            drafts[at].gender = Some(gender);
            drafts[at].mentions.push((i..i + 1, MentionKind::Pronoun));
        }
    }
}
