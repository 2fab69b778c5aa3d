//! Collecting mentions and clustering them into draft entities, in text order.

use std::ops::Range;

use dateline_core::{ByteSpan, EntityType, MentionKind, NameSpan};

use super::modifiers::{age_of, country_of_token, modifiers_before, title_ending_at, Modifiers};
use super::view::View;
use crate::kb::{Kb, Office, Target, TitleKind};

/// Honorifics before a name; the modifier reader turns them into roles and genders.
pub(crate) const HONORIFICS: [&str; 16] = [
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
    "mx", "madam", "madame",
];

/// An entity under construction.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub entity_type: EntityType,
    pub target: Option<Target>,
    /// The longest name mention, without titles.
    pub name: Option<String>,
    /// Lowercased words of the names seen, for surname and first-name matching.
    pub name_words: Vec<String>,
    pub roles: Vec<String>,
    pub office: Option<Office>,
    pub sector: Option<String>,
    pub country: Option<String>,
    pub former: bool,
    pub age: Option<u32>,
    /// 'f' or 'm' once a pronoun or a gendered title ("spokeswoman", "Mrs.") says so.
    pub gender: Option<char>,
    pub mentions: Vec<(Range<usize>, MentionKind)>,
    pub why: Vec<String>,
}

impl Draft {
    pub(super) fn new(entity_type: EntityType, target: Option<Target>) -> Draft {
        Draft {
            entity_type,
            target,
            name: None,
            name_words: Vec::new(),
            roles: Vec::new(),
            office: None,
            sector: None,
            country: None,
            former: false,
            age: None,
            gender: None,
            mentions: Vec::new(),
            why: Vec::new(),
        }
    }

    pub(super) fn absorb(&mut self, m: &Modifiers) {
        for role in &m.roles {
            if self.gender.is_none() {
                self.gender = gender_of_title(role);
            }
            if !self.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                self.roles.push(role.clone());
            }
        }
        self.office = self.office.or(m.office);
        if self.sector.is_none() {
            self.sector = m.sector.clone();
        }
        if self.country.is_none() {
            self.country = m.country.clone();
        }
        self.former |= m.former;
    }
}

/// The gender a title states, if any ("spokeswoman", "Mrs.", "King").
fn gender_of_title(title: &str) -> Option<char> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let female = [
        "mrs", "ms", "miss", "madam", "queen", "princess", "lady", "dame", "sister",
    ];
    let male = ["mr", "sir", "king", "prince", "lord", "brother"];
    if words
        .iter()
        .any(|w| female.contains(w) || w.ends_with("woman") || w.ends_with("women"))
    {
        Some('f')
    } else if words
        .iter()
        .any(|w| male.contains(w) || (w.ends_with("man") && !w.ends_with("woman")))
    {
        Some('m')
    } else {
        None
    }
}

/// A name found by the recognizer or the KB.
struct NameCandidate {
    tokens: Range<usize>,
    entity_type: EntityType,
    target: Option<Target>,
}

/// Collects every mention and clusters them into drafts.
pub(crate) fn collect(view: &View, kb: &Kb, day: Option<u32>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut covered = vec![false; view.len()];
    let mut title_regions: Vec<Range<usize>> = Vec::new();
    for name in name_candidates(view, kb) {
        add_name(
            view,
            kb,
            name,
            &mut drafts,
            &mut covered,
            &mut title_regions,
        );
    }
    // An organization named only inside a person's title ("the Trade and Industry Secretary
    // Patricia Hewitt", "U.S. Treasury Secretary …") is part of the role, not an actor here.
    for draft in drafts
        .iter_mut()
        .filter(|d| d.entity_type == EntityType::Org)
    {
        draft.mentions.retain(|(r, _)| {
            !title_regions
                .iter()
                .any(|t| t.start <= r.start + 1 && r.end <= t.end && r.start < t.end)
        });
    }
    drafts.retain(|d| !d.mentions.is_empty());
    super::coreference::add_titles(view, kb, day, &mut drafts, &mut covered);
    super::descriptions::add_descriptions(view, kb, &mut drafts, &mut covered);
    super::coreference::add_pronouns(view, &mut drafts);
    drafts
}

/// The recognizer's names, with an organization written straight before a known person's name
/// ("Ministry of Foreign Affairs of Ukraine Dmytro Kuleba", press-release style) joined to it:
/// the organization is the person's title, handled below as for one long name.
fn titled_people_as_one_name(view: &View, names: &[NameSpan]) -> Vec<NameSpan> {
    let mut out: Vec<NameSpan> = Vec::with_capacity(names.len());
    for name in names {
        let start = name.tokens.start as usize;
        let known_person = view.kb_match[start].as_ref().is_some_and(|(r, targets)| {
            r.start == start
                && r.end == name.tokens.end as usize
                && targets.iter().any(|t| matches!(t, Target::Person(_)))
        });
        // A sentence (a headline's line) may end without punctuation between the two.
        let opens_sentence = view
            .doc
            .annotations()
            .sentences
            .binary_search_by_key(&name.tokens.start, |s| s.tokens.start)
            .is_ok();
        if let Some(previous) = out.last_mut() {
            if name.class == "PER"
                && previous.class == "ORG"
                && previous.tokens.end == name.tokens.start
                && known_person
                && !opens_sentence
            {
                previous.tokens.end = name.tokens.end;
                previous.span = ByteSpan::new(previous.span.start as usize, name.span.end as usize);
                continue;
            }
        }
        out.push(name.clone());
    }
    out
}

/// The recognizer's names (typed by the KB where it knows them) and the KB's names the
/// recognizer missed, in text order.
fn name_candidates(view: &View, kb: &Kb) -> Vec<NameCandidate> {
    let names = titled_people_as_one_name(view, &view.doc.annotations().names);
    let mut out = Vec::new();
    let mut in_name = vec![false; view.len()];
    for name in &names {
        let mut range = name.tokens.start as usize..name.tokens.end as usize;
        if has_inner_lowercase(view, &range) {
            continue; // "Vladimir Putin in Alaska": a run-on; the KB and the words decide.
        }
        // Punctuation is never the edge of a name ("Zelenskyy ." at a sentence end).
        while range.len() > 1 && view.upos(range.end - 1) == "PUNCT" {
            range.end -= 1;
        }
        while range.len() > 1 && view.upos(range.start) == "PUNCT" {
            range.start += 1;
        }
        if range.len() == 1 && view.upos(range.start) == "PUNCT" {
            continue;
        }
        glue_hyphens(view, &mut range);
        // "Volodymyr Zelenskyy and European": a known person's name ends where the KB says.
        if let Some((r, targets)) = view.kb_match[range.start].clone() {
            if r.start == range.start
                && r.end < range.end
                && targets.iter().any(|t| matches!(t, Target::Person(_)))
                && matches!(view.lowers[r.end].as_str(), "and" | "," | "or")
            {
                range.end = r.end;
            }
        }
        let mut class = name.class;
        // "Ministry of Foreign Affairs of Ukraine Dmytro Kuleba" recognized as one name: a
        // known person closing it is the name; what comes before is their title.
        let closing_person = (range.start + 1..range.end).find_map(|t| {
            let (r, targets) = view.kb_match[t].clone()?;
            let person = targets.iter().any(|t| matches!(t, Target::Person(_)));
            (person && r.start == t && r.end == range.end).then_some(r)
        });
        if let Some(person) = closing_person {
            // The title's words name no actor of their own ("the Office of the President" is
            // part of the role, as with any title).
            if !range.clone().any(|t| in_name[t]) {
                in_name[range.start..person.start].fill(true);
            }
            range = person;
            class = "PER";
        }
        // "Taras, 23, agreed": an age after the name makes it a person.
        if class != "PER" && age_follows(view, range.end) {
            class = "PER";
        }
        // "Ms Hewitt", "Mr. Brown": the honorific is not part of the name.
        while range.len() > 1 && HONORIFICS.contains(&view.lowers[range.start].as_str()) {
            range.start += 1;
            class = "PER";
        }
        // "Gen. Dan Caine", "Secretary Karoline Leavitt": the title is a modifier, not the name.
        while range.len() > 1 {
            match title_ending_at(view, kb, range.start + 1, range.start).or_else(|| {
                title_ending_at(view, kb, (range.start + 2).min(range.end - 1), range.start)
            }) {
                Some((first, title)) if first == range.start && title.kind == TitleKind::Title => {
                    let consumed = (range.start..range.end - 1)
                        .rev()
                        .find(|&e| {
                            title_ending_at(view, kb, e + 1, range.start)
                                .is_some_and(|(f, _)| f == range.start)
                        })
                        .map_or(range.start + 1, |e| e + 1);
                    // "General Election" stays a name; "Gen. Dan Caine" is a titled person.
                    if class != "PER" && range.end - consumed < 2 {
                        break;
                    }
                    range.start = consumed;
                    class = "PER";
                }
                _ => break,
            }
        }
        // A KB name that contains the recognized one wins its extent ("Jean-Yves Le Drian",
        // whose hyphen the recognizer split on).
        let known = [range.start, range.end - 1]
            .into_iter()
            .filter_map(|t| view.kb_match[t].clone())
            .find(|(r, _)| r.start <= range.start && range.end <= r.end);
        if let Some((r, _)) = &known {
            range = r.clone();
        }
        if range.clone().any(|t| in_name[t]) {
            continue;
        }
        in_name[range.clone()].fill(true);
        let target = known.and_then(|(_, targets)| pick_target(targets, class));
        let entity_type = match (target, class) {
            (Some(t), _) => type_of_target(kb, t),
            (None, "PER") => EntityType::Person,
            (None, "ORG") => EntityType::Org,
            (None, "LOC") => EntityType::Gpe,
            _ => continue,
        };
        out.push(NameCandidate {
            tokens: range,
            entity_type,
            target,
        });
    }
    let mut i = 0;
    while i < view.len() {
        let Some((range, targets)) = view.kb_match[i].clone() else {
            i += 1;
            continue;
        };
        i = range.end;
        if range.clone().any(|t| in_name[t]) || !view.is_capitalized(range.start) {
            continue;
        }
        let Some(&target) = targets.first() else {
            continue;
        };
        if let Target::Demonym(_) = target {
            // Adjectives modify something else ("Ukrainian officials"); only the plural noun
            // ("Ukrainians") names a group.
            if !matches!(view.xpos(range.end - 1), "NNS" | "NNPS") {
                continue;
            }
        }
        out.push(NameCandidate {
            tokens: range,
            entity_type: type_of_target(kb, target),
            target: Some(target),
        });
    }
    out.sort_by_key(|n| n.tokens.start);
    out
}

/// Extends a name over hyphenated parts written without spaces ("Jean-Yves", "Ho-jen"), which
/// the tokenizer splits and the recognizer may cut.
fn glue_hyphens(view: &View, range: &mut Range<usize>) {
    let glued = |a: usize, b: usize| view.spans[a].end == view.spans[b].start;
    while range.start >= 2
        && view.text(range.start - 1) == "-"
        && glued(range.start - 2, range.start - 1)
        && glued(range.start - 1, range.start)
        && view.sentence_of[range.start - 2] == view.sentence_of[range.start]
    {
        range.start -= 2;
    }
    while range.end + 1 < view.len()
        && view.text(range.end) == "-"
        && glued(range.end - 1, range.end)
        && glued(range.end, range.end + 1)
        && view.sentence_of[range.end + 1] == view.sentence_of[range.end - 1]
    {
        range.end += 2;
    }
}

/// Whether a name has a lowercase word other than the particles names carry ("of", "bin").
fn has_inner_lowercase(view: &View, range: &Range<usize>) -> bool {
    const PARTICLES: [&str; 20] = [
        "of", "the", "and", "for", "de", "del", "della", "di", "da", "du", "des", "la", "le", "al",
        "el", "bin", "ibn", "van", "von", "y",
    ];
    range.clone().any(|t| {
        let text = view.text(t);
        text.chars().next().is_some_and(char::is_lowercase)
            && text.chars().all(char::is_alphabetic)
            && !PARTICLES.contains(&text)
    })
}

/// The KB reading of a name the recognizer classed `class`: one that fits the class, else the
/// KB's first reading — the KB's names are curated, so it knows "Downing Street" is not a person
/// and "Emmanuel Macron" is one, whatever the recognizer thought.
fn pick_target(targets: &[Target], class: &str) -> Option<Target> {
    let fits = |t: &&Target| match (t, class) {
        (Target::Person(_), "PER") => true,
        (Target::Person(_), _) => false,
        (_, "PER") => false,
        _ => true,
    };
    targets
        .iter()
        .find(fits)
        .or_else(|| targets.first())
        .copied()
}

fn type_of_target(kb: &Kb, target: Target) -> EntityType {
    match target {
        Target::Person(_) => EntityType::Person,
        Target::Country(_) | Target::Capital(_) => EntityType::Gpe,
        Target::Demonym(_) => EntityType::Norp,
        Target::Organization(o) => match kb.organizations.get(o as usize).map(|o| o.entity_type) {
            Some("GPE") => EntityType::Gpe,
            Some("LOC") => EntityType::Loc,
            Some("NORP") => EntityType::Norp,
            _ => EntityType::Org,
        },
    }
}

pub(super) fn sentence_start(view: &View, i: usize) -> usize {
    let s = view.sentence_of[i];
    view.doc
        .annotations()
        .sentences
        .get(s)
        .map_or(0, |s| s.tokens.start as usize)
}

fn add_name(
    view: &View,
    kb: &Kb,
    name: NameCandidate,
    drafts: &mut Vec<Draft>,
    covered: &mut [bool],
    title_regions: &mut Vec<Range<usize>>,
) {
    let mut mention = name.tokens.clone();
    let mut modifiers = Modifiers::default();
    if name.entity_type == EntityType::Person {
        modifiers = modifiers_before(
            view,
            kb,
            name.tokens.start,
            sentence_start(view, name.tokens.start),
        );
        mention.start = modifiers.start;
        if !modifiers.roles.is_empty() {
            title_regions.push(modifiers.start..name.tokens.start);
        }
    } else if name.entity_type == EntityType::Org
        && mention.start > 0
        && view.lowers[mention.start - 1] == "the"
    {
        mention.start -= 1;
    }
    let words: Vec<String> = name
        .tokens
        .clone()
        .map(|t| view.lowers[t].clone())
        .collect();
    let mut name = name;
    // A surname the document already gave a full name to ("Jack McConnell" … "Mr McConnell")
    // is that person, not a KB namesake found by the surname alone.
    if matches!(name.target, Some(Target::Person(_))) {
        let earlier = drafts.iter().any(|d| {
            d.entity_type == EntityType::Person
                && d.target != name.target
                && d.name_words.len() > words.len()
                && words.iter().all(|w| d.name_words.contains(w))
        });
        if earlier {
            name.target = None;
        }
    }
    // "Peru's Defense Department": a KB body of another state, under a name any state's body
    // could have, is the body of the state named before it.
    let mut other_state = None;
    if let Some(Target::Organization(o)) = name.target {
        let owner = owner_before(view, kb, name.tokens.start);
        let org = kb.organizations.get(o as usize);
        // Only a state body: "Kenya's al-Shabaab" is still Somalia's group.
        let state_body = org
            .and_then(|g| g.sector.as_deref())
            .is_some_and(|s| matches!(s, "GOV" | "MIL" | "JUD" | "LEG" | "COP" | "SPY"));
        let org_state = org
            .and_then(|g| g.country.as_deref())
            .filter(|c| state_body && is_state(c));
        if let (Some(owner), Some(org_state)) = (owner, org_state) {
            if owner != org_state {
                other_state = Some((owner, org.and_then(|g| g.sector.clone())));
                name.target = None;
            }
        }
    }
    let at = find_draft(drafts, &name, &words);
    let draft = match at {
        Some(at) => &mut drafts[at],
        None => {
            drafts.push(Draft::new(name.entity_type, name.target));
            drafts.last_mut().expect("just pushed")
        }
    };
    if draft.target.is_none() {
        draft.target = name.target;
    }
    let text = view.range_text(&name.tokens).to_string();
    if name.entity_type == EntityType::Person && draft.gender.is_none() {
        draft.gender = super::gender::gender_of_name(&text).or_else(|| match name.target {
            Some(Target::Person(p)) => kb
                .people
                .get(p as usize)
                .and_then(|p| super::gender::gender_of_name(&p.name)),
            _ => None,
        });
    }
    if draft.name.as_ref().is_none_or(|n| n.len() < text.len()) {
        draft.name = Some(text);
    }
    for w in words {
        if !draft.name_words.contains(&w) {
            draft.name_words.push(w);
        }
    }
    draft.absorb(&modifiers);
    if draft.sector.is_none() && draft.target.is_none() && name.entity_type == EntityType::Org {
        draft.sector = super::modifiers::sector_in_name(view, kb, name.tokens.clone());
        if let Some(sector) = &draft.sector {
            draft
                .why
                .push(format!("sector {sector} from a role word in its name"));
        }
    }
    if let Some((owner, sector)) = other_state {
        draft.country = Some(owner);
        draft.sector = draft.sector.take().or(sector);
        draft
            .why
            .push("a body of the state named before it, not the KB's namesake".into());
    }
    if name.entity_type == EntityType::Person {
        appositives(view, kb, name.tokens.clone(), draft);
    }
    draft.why.push(match name.target {
        Some(_) => "name in KB".into(),
        None => "name from the recognizer".into(),
    });
    covered[mention.clone()].fill(true);
    draft.mentions.push((mention, MentionKind::Name));
}

/// The state a possessive or adjective right before `start` names ("Chile's", "Chilean").
fn owner_before(view: &View, kb: &Kb, start: usize) -> Option<String> {
    let mut t = start.checked_sub(1)?;
    if matches!(view.lowers[t].as_str(), "'s" | "\u{2019}s") {
        t = t.checked_sub(1)?;
    }
    let (range, targets) = view.kb_match[t].clone()?;
    if range.end != t + 1 {
        return None;
    }
    targets.iter().find_map(|target| match *target {
        Target::Country(c) | Target::Demonym(c) => kb
            .countries
            .get(c as usize)
            .map(|c| c.actor_country().to_string()),
        _ => None,
    })
}

/// A state's code, not a non-state actor's (IGO, NGO, UNO, EUR, …).
fn is_state(code: &str) -> bool {
    code.len() == 3 && !matches!(code, "IGO" | "NGO" | "UNO" | "EUR" | "ISM" | "IMG" | "MNC")
}

/// The draft a new name belongs to: the same KB entry; for people, an earlier person whose name
/// words contain this name's or are contained in it; otherwise the same words and type.
fn find_draft(drafts: &[Draft], name: &NameCandidate, words: &[String]) -> Option<usize> {
    if let Some(target) = name.target {
        if let Some(at) = drafts.iter().position(|d| d.target == Some(target)) {
            return Some(at);
        }
    }
    drafts.iter().rposition(|d| {
        if d.entity_type != name.entity_type {
            return false;
        }
        if name.target.is_some() && d.target.is_some() {
            return false;
        }
        if name.entity_type == EntityType::Person {
            let inside = words.iter().all(|w| d.name_words.contains(w));
            let contains =
                !d.name_words.is_empty() && d.name_words.iter().all(|w| words.contains(w));
            inside || contains
        } else {
            d.name_words == words
        }
    })
}

/// Roles and ages from appositions: "Anton, a 32-year-old warehouse worker", "Vyacheslav, 23",
/// "Sergei Lavrov, Russia's foreign minister"; and the reverse, "the foreign minister, Lavrov".
/// The age in ", 23," right after token `end - 1`, however the parser attached it.
fn age_follows(view: &View, end: usize) -> bool {
    age_after(view, end).is_some()
}

fn age_after(view: &View, end: usize) -> Option<u32> {
    let (comma, number) = (end, end + 1);
    let framed = number < view.len()
        && view.text(comma) == ","
        && view.upos(number) == "NUM"
        && (number + 1 == view.len() || view.upos(number + 1) == "PUNCT");
    framed.then(|| age_of(view.text(number))).flatten()
}

fn appositives(view: &View, kb: &Kb, name: Range<usize>, draft: &mut Draft) {
    let last = name.end - 1;
    // "Vyacheslav, 23,"
    if let Some(age) = age_after(view, name.end) {
        draft.age.get_or_insert(age);
    }
    let mut heads: Vec<usize> = view.children[last]
        .iter()
        .copied()
        .filter(|&c| matches!(view.relation(c), "appos" | "nummod" | "amod") && c > last)
        .collect();
    if view.relation(last) == "appos" {
        if let Some(h) = view.head(last).filter(|&h| h < name.start) {
            heads.push(h);
        }
    }
    for head in heads {
        let range = view.subtree(head, &|c| {
            matches!(view.relation(c), "acl:relcl" | "punct" | "conj" | "cc")
        });
        if range.end > name.start && range.start < name.end {
            continue;
        }
        for t in range.clone() {
            if let Some(age) = age_of(view.text(t)) {
                if view.upos(t) == "NUM" || view.text(t).contains("year") {
                    draft.age.get_or_insert(age);
                }
            }
        }
        if let Some((first, title)) = title_ending_at(view, kb, head + 1, range.start) {
            if title.sector.as_deref().is_none_or(|s| s == "UNK") {
                continue;
            }
            let mut role_start = first;
            while role_start > range.start
                && matches!(view.upos(role_start - 1), "NOUN" | "PROPN")
                && age_of(view.text(role_start - 1)).is_none()
            {
                role_start -= 1;
            }
            let role = view.range_text(&(role_start..head + 1)).to_string();
            let modifiers = Modifiers {
                roles: vec![role],
                office: title.office,
                sector: title.sector.clone(),
                country: range
                    .clone()
                    .find_map(|t| country_of_token(view, kb, t).map(|(_, c)| c)),
                ..Modifiers::default()
            };
            draft.absorb(&modifiers);
            draft.why.push("role from apposition".into());
        }
    }
}
