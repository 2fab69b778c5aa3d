//! Unnamed actors: noun phrases headed by a KB role noun, as groups ("European military
//! chiefs") or anonymous sources ("a U.S. defense official", "three sources familiar with a
//! call"), with the sector their words give.

use std::ops::Range;

use dateline_core::{EntityType, MentionKind};

use super::mentions::{sentence_start, Draft};
use super::modifiers::{country_of_token, title_ending_at};
use super::view::View;
use crate::kb::{Kb, TitleKind};

/// Heads of descriptions that stand for an unnamed source rather than a group.
const ANONYMOUS_HEADS: [&str; 14] = [
    "source",
    "official",
    "insider",
    "diplomat",
    "aide",
    "person",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "officer",
    "adviser",
    "advisor",
    "staffer",
    "participant",
];

/// Role nouns every sector has: their sector gives way to a role word before them.
pub(super) const BROAD_HEADS: [&str; 12] = [
    "officer",
    "official",
    "worker",
    "employee",
    "member",
    "staff",
    "staffer",
    "personnel",
    "agent",
    "representative",
    "spokesperson",
    "source",
];

/// Determiners and quantifiers that make a description indefinite.
const INDEFINITE: [&str; 14] = [
    "a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "other", "few",
    "dozens", "around",
];

/// Noun phrases headed by a KB role noun: groups ("European military chiefs") and unnamed
/// sources ("a U.S. defense official", "three sources familiar with a call").
pub(super) fn add_descriptions(
    view: &View,
    kb: &Kb,
    drafts: &mut Vec<Draft>,
    covered: &mut [bool],
) {
    let mut person_covered = vec![false; view.len()];
    for draft in drafts
        .iter()
        .filter(|d| d.entity_type == EntityType::Person)
    {
        for (range, _) in &draft.mentions {
            person_covered[range.clone()].fill(true);
        }
    }
    for i in 0..view.len() {
        if covered[i] || view.upos(i) != "NOUN" {
            continue;
        }
        let lemma = view.lemma(i).to_lowercase();
        let phrase = title_ending_at(view, kb, i + 1, sentence_start(view, i)).map(|(_, t)| t);
        let Some(title) = phrase.or_else(|| kb.title(&lemma)) else {
            continue;
        };
        let plural = view.xpos(i) == "NNS";
        let children = &view.children[i];
        let indefinite = children.iter().any(|&c| {
            c < i && (INDEFINITE.contains(&view.lowers[c].as_str()) || view.upos(c) == "NUM")
        });
        if !plural && !indefinite {
            continue;
        }
        let anonymous = ANONYMOUS_HEADS.contains(&lemma.as_str());
        let modified = children.iter().any(|&c| {
            c < i && (view.kb_match[c].is_some() || matches!(view.upos(c), "NUM" | "DET" | "PROPN"))
        });
        let acts = matches!(view.relation(i), "nsubj" | "nsubj:pass");
        if !anonymous && !modified && !acts {
            continue; // a generic plural ("rights for parents") is not an actor
        }
        if matches!(view.relation(i), "appos")
            || children.iter().any(|&c| view.relation(c) == "cop")
        {
            continue; // describes another mention ("Anton, a warehouse worker"; "X is a critic")
        }
        if title.sector.as_deref().is_none_or(|s| s == "UNK")
            && !ANONYMOUS_HEADS.contains(&lemma.as_str())
        {
            continue;
        }
        let range = view.subtree(i, &|c| {
            matches!(
                view.relation(c),
                "acl"
                    | "acl:relcl"
                    | "appos"
                    | "punct"
                    | "conj"
                    | "cc"
                    | "parataxis"
                    | "advcl"
                    | "dep"
                    | "case"
            ) || (c > i && view.relation(c) == "nmod" && view.upos(c) == "PROPN")
        });
        // A description never swallows a name before it ("Zelenskyy and European leaders").
        let mut range = range;
        if let Some(last_named) = (range.start..i).rev().find(|&t| person_covered[t]) {
            range.start = last_named + 1;
        }
        let range = trim(view, range);
        if range.clone().any(|t| covered[t] && t < i)
            && !range.clone().any(|t| view.kb_match[t].is_some())
        {
            continue;
        }
        let mut draft = Draft::new(
            if anonymous {
                EntityType::Anon
            } else {
                EntityType::Group
            },
            None,
        );
        let generic = title
            .sector
            .as_deref()
            .is_none_or(|s| matches!(s, "GOV" | "UNK"));
        // A head any sector has ("officer", "worker") takes a more specific word before it:
        // "an intelligence agency officer" is SPY, "police officers" COP.
        let broad = BROAD_HEADS.contains(&lemma.as_str());
        draft.sector = if generic || broad {
            sector_of_description(view, kb, range.start, i).or_else(|| title.sector.clone())
        } else {
            title.sector.clone()
        };
        if (range.start..i).any(|t| matches!(view.lowers[t].as_str(), "former" | "ex" | "ex-")) {
            draft.former = true;
            draft.sector = Some("ELI".into());
        }
        draft.country =
            (range.start..i).find_map(|t| country_of_token(view, kb, t).map(|(_, c)| c));
        draft.name = Some(view.range_text(&range).to_string());
        draft
            .why
            .push(format!("description headed by role noun {lemma:?}"));
        for t in range.clone() {
            if t >= i {
                covered[t] = true;
            }
        }
        draft.mentions.push((range, MentionKind::Descriptor));
        drafts.push(draft);
    }
}

/// `range` without leading or trailing conjunctions, punctuation and adpositions.
fn trim(view: &View, mut range: Range<usize>) -> Range<usize> {
    let edge = |t: usize| matches!(view.upos(t), "CCONJ" | "PUNCT" | "ADP" | "SCONJ" | "PART");
    while range.len() > 1 && edge(range.start) {
        range.start += 1;
    }
    while range.len() > 1 && edge(range.end - 1) {
        range.end -= 1;
    }
    range
}

/// A sector from the modifiers of a role noun ("military chiefs" → MIL), nearest first; the
/// longest role phrase ending at a word counts ("an intelligence agency officer" is SPY from
/// "intelligence agency", not GOV from "agency").
pub(super) fn sector_of_description(
    view: &View,
    kb: &Kb,
    start: usize,
    head: usize,
) -> Option<String> {
    (start..head).rev().find_map(|t| {
        if view.kb_match[t].is_some() {
            return None; // a word of a name ("European Union" is not a trade union)
        }
        let (_, title) = title_ending_at(view, kb, t + 1, start)?;
        if title.kind == TitleKind::Agent || title.kind == TitleKind::Title {
            title.sector.clone()
        } else {
            None
        }
    })
}
