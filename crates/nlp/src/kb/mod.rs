//! The knowledge base: countries, organizations, people with their office terms, and titles,
//! from the documented text files in `data/kb/` (compiled in) and any user files.
//!
//! [`Kb::bundled`] decodes the embedded files once per process; [`Kb::from_sources`] builds a KB
//! from (file name, text) pairs — the bundled ones plus `--kb` files — so this module does no IO.
//! Names are found in text through one table of every name form ([`Kb::find_names`]); what an office title means
//! on a given day comes from [`Kb::holder`].

mod dates;
mod load;
mod matcher;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use dates::PartialDate;
pub use matcher::TokenMatch;

use dateline_core::ByteSpan;
use load::{FileKind, Loaded};
use matcher::NameMatcher;

include!(concat!(env!("OUT_DIR"), "/kb_files.rs"));

/// Why a KB could not be built.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A line of a KB file is malformed.
    #[error("{file}:{line}: {message}")]
    Line {
        /// The file, as named to the loader.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file name does not say what the file holds.
    #[error("{0}: a KB file name must start with countries, organizations, people or titles")]
    UnknownKind(String),
    /// Two entries share a key.
    #[error("{file}: duplicate key {key:?}")]
    Duplicate {
        /// The file with the second entry.
        file: String,
        /// The key.
        key: String,
    },
}

/// A state or territory.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-3 (`XKX` for Kosovo).
    pub iso3: String,
    /// English short name.
    pub name: String,
    /// Other names.
    pub variants: Vec<String>,
    /// Adjective and people forms.
    pub demonyms: Vec<String>,
    /// Capital and its spellings.
    pub capitals: Vec<String>,
    /// The state a dependency is coded as, if it is one.
    pub sovereign: Option<String>,
}

impl Country {
    /// The code an actor in this country gets (a dependency's sovereign state).
    pub fn actor_country(&self) -> &str {
        self.sovereign.as_deref().unwrap_or(&self.iso3)
    }
}

/// An organization, body, metonym, group or region.
#[derive(Debug, Clone)]
pub struct Organization {
    /// Stable key (`org:nato`).
    pub key: String,
    /// `ORG`, `GPE`, `LOC` or `NORP`.
    pub entity_type: &'static str,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub variants: Vec<String>,
    /// Country or non-state code.
    pub country: Option<String>,
    /// Primary sector.
    pub sector: Option<String>,
    /// Other sectors.
    pub sectors2: Vec<String>,
    /// Actor code when not country + sector.
    pub code: Option<String>,
    /// Member states.
    pub members: Vec<String>,
}

/// The kinds of office the KB knows, so that "the Russian president" can be resolved by date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Office {
    HeadOfState,
    HeadOfGovernment,
    ForeignMinister,
    DefenceMinister,
    FinanceMinister,
    InteriorMinister,
    MilitaryChief,
    IntelligenceChief,
    Spokesperson,
    Minister,
    Legislator,
    Judge,
    PartyLeader,
    IgoOfficial,
    Other,
}

impl Office {
    const NAMES: [(&'static str, Office); 15] = [
        ("head_of_state", Office::HeadOfState),
        ("head_of_government", Office::HeadOfGovernment),
        ("foreign_minister", Office::ForeignMinister),
        ("defence_minister", Office::DefenceMinister),
        ("finance_minister", Office::FinanceMinister),
        ("interior_minister", Office::InteriorMinister),
        ("military_chief", Office::MilitaryChief),
        ("intelligence_chief", Office::IntelligenceChief),
        ("spokesperson", Office::Spokesperson),
        ("minister", Office::Minister),
        ("legislator", Office::Legislator),
        ("judge", Office::Judge),
        ("party_leader", Office::PartyLeader),
        ("igo_official", Office::IgoOfficial),
        ("other", Office::Other),
    ];

    /// The office named by its file value (`head_of_state`).
    pub fn parse(text: &str) -> Option<Office> {
        Office::NAMES
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, office)| *office)
    }

    /// The file value.
    pub fn as_str(self) -> &'static str {
        Office::NAMES
            .iter()
            .find(|(_, office)| *office == self)
            .map_or("other", |(name, _)| name)
    }
}

/// One term in one office.
#[derive(Debug, Clone)]
pub struct Term {
    /// The office.
    pub office: Office,
    /// The title as news writes it.
    pub title: Option<String>,
    /// Sector while in office.
    pub sector: Option<String>,
    /// First day.
    pub start: Option<PartialDate>,
    /// Last day; `None` while in office.
    pub end: Option<PartialDate>,
}

impl Term {
    /// Whether the term covers `day` (an ordinal from [`dates::ordinal`]). Unknown starts count
    /// as "always", unknown ends as "still".
    pub fn covers(&self, day: u32) -> bool {
        self.start.is_none_or(|s| s.first_day() <= day)
            && self.end.is_none_or(|e| day <= e.last_day())
    }
}

/// A person and their terms.
#[derive(Debug, Clone)]
pub struct Person {
    /// Stable key (`person:rus-vladimir-putin`).
    pub key: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub variants: Vec<String>,
    /// Country they act for.
    pub country: String,
    /// Office terms, by start.
    pub terms: Vec<Term>,
}

impl Person {
    /// The term in force on `day`, or with no day the latest one.
    pub fn term_at(&self, day: Option<u32>) -> Option<&Term> {
        match day {
            Some(day) => self
                .terms
                .iter()
                .filter(|t| t.covers(day))
                .min_by_key(|t| t.office as u8),
            None => self.terms.last(),
        }
    }

    /// Whether the person held any office before `day` but none on it: a former official.
    pub fn is_former(&self, day: u32) -> bool {
        !self.terms.is_empty()
            && self.terms.iter().all(|t| !t.covers(day))
            && self
                .terms
                .iter()
                .any(|t| t.start.is_some_and(|s| s.first_day() <= day))
    }
}

/// Whether a [`Title`] is a title ("President") or a common noun for people ("soldiers").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// Precedes or follows a name, or stands for the person.
    Title,
    /// Names people or groups.
    Agent,
}

/// A title or role noun.
#[derive(Debug, Clone)]
pub struct Title {
    /// Lowercase phrase.
    pub phrase: String,
    /// The office it denotes.
    pub office: Option<Office>,
    /// The sector it implies.
    pub sector: Option<String>,
    /// Title or agent noun.
    pub kind: TitleKind,
}

/// What a name form may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// A country's name (index into [`Kb::countries`]).
    Country(u32),
    /// A person (index into [`Kb::people`]).
    Person(u32),
    /// An organization, body or region (index into [`Kb::organizations`]).
    Organization(u32),
    /// A country's capital, often standing for its government.
    Capital(u32),
    /// A country's demonym ("Ukrainian").
    Demonym(u32),
}

impl Target {
    /// Preference when one form has several meanings: a country name beats a person, who beats
    /// an organization, a capital, a demonym.
    fn priority(&self) -> u8 {
        match self {
            Target::Country(_) => 0,
            Target::Person(_) => 1,
            Target::Organization(_) => 2,
            Target::Capital(_) => 3,
            Target::Demonym(_) => 4,
        }
    }
}

/// The knowledge base. Immutable; share one between threads.
#[derive(Debug, Clone)]
pub struct Kb {
    /// States and territories.
    pub countries: Vec<Country>,
    /// Organizations, bodies, groups, regions.
    pub organizations: Vec<Organization>,
    /// People.
    pub people: Vec<Person>,
    /// Titles and role nouns.
    pub titles: Vec<Title>,
    matcher: NameMatcher,
    title_index: HashMap<String, u32>,
    country_index: HashMap<String, u32>,
    holders: HashMap<(String, Office), Vec<u32>>,
}

impl Kb {
    /// The KB compiled from `data/kb/`, decoded on the first call. An error means a bundled
    /// file is malformed; it is returned on every call, never a panic.
    pub fn bundled() -> Result<&'static Kb, &'static KbError> {
        static KB: OnceLock<Result<Kb, KbError>> = OnceLock::new();
        KB.get_or_init(|| Kb::from_sources(&Kb::bundled_sources()))
            .as_ref()
    }

    /// The bundled files as (name, text) pairs, to combine with user files.
    pub fn bundled_sources() -> Vec<(String, String)> {
        KB_FILES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect()
    }

    /// Builds a KB from (file name, text) pairs; the name's prefix gives the file's kind.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Kb, KbError> {
        let mut loaded = Loaded::default();
        for (name, text) in sources {
            let kind = FileKind::of(name).ok_or_else(|| KbError::UnknownKind(name.clone()))?;
            let before = loaded.organizations.len();
            load::parse_file(name, kind, text, &mut loaded)?;
            let mut seen: std::collections::HashSet<&str> = Default::default();
            for org in &loaded.organizations[..before] {
                seen.insert(&org.key);
            }
            for org in &loaded.organizations[before..] {
                if !seen.insert(&org.key) {
                    return Err(KbError::Duplicate {
                        file: name.clone(),
                        key: org.key.clone(),
                    });
                }
            }
        }
        Kb::build(loaded)
    }

    fn build(loaded: Loaded) -> Result<Kb, KbError> {
        let Loaded {
            countries,
            organizations,
            people,
            titles,
        } = loaded;
        let people = merge_people(people);
        let mut pairs: Vec<(String, Target)> = Vec::new();
        for (i, c) in countries.iter().enumerate() {
            let i = i as u32;
            for form in std::iter::once(&c.name).chain(&c.variants) {
                pairs.push((form.clone(), Target::Country(i)));
            }
            pairs.extend(c.capitals.iter().map(|f| (f.clone(), Target::Capital(i))));
            pairs.extend(c.demonyms.iter().map(|f| (f.clone(), Target::Demonym(i))));
        }
        for (i, o) in organizations.iter().enumerate() {
            for form in std::iter::once(&o.name).chain(&o.variants) {
                pairs.push((form.clone(), Target::Organization(i as u32)));
            }
        }
        for (i, p) in people.iter().enumerate() {
            for form in std::iter::once(&p.name).chain(&p.variants) {
                pairs.push((form.clone(), Target::Person(i as u32)));
            }
        }
        let matcher = NameMatcher::new(with_surface_variants(pairs));
        let mut title_index = HashMap::new();
        for (i, t) in titles.iter().enumerate() {
            title_index.entry(t.phrase.clone()).or_insert(i as u32);
        }
        for (i, t) in titles.iter().enumerate() {
            title_index.entry(plural(&t.phrase)).or_insert(i as u32);
        }
        let country_index = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.iso3.clone(), i as u32))
            .collect();
        let mut holders: HashMap<(String, Office), Vec<u32>> = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            for term in &p.terms {
                let list = holders.entry((p.country.clone(), term.office)).or_default();
                if !list.contains(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        Ok(Kb {
            countries,
            organizations,
            people,
            titles,
            matcher,
            title_index,
            country_index,
            holders,
        })
    }

    /// Number of distinct name forms the matcher knows.
    pub fn name_forms(&self) -> usize {
        self.matcher.len()
    }

    /// KB names in `text` on the boundaries of `tokens` (sorted, not overlapping): longest
    /// first, not overlapping, in text order.
    pub fn find_names<'a>(&'a self, text: &str, tokens: &[ByteSpan]) -> Vec<TokenMatch<'a>> {
        self.matcher.find(text, tokens)
    }

    /// The title or role noun `phrase` (any case, singular or regular plural).
    pub fn title(&self, phrase: &str) -> Option<&Title> {
        let key = phrase.to_lowercase();
        self.title_index
            .get(&key)
            .map(|&i| &self.titles[i as usize])
    }

    /// The country with code `iso3`.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.country_index
            .get(iso3)
            .map(|&i| &self.countries[i as usize])
    }

    /// Who held `office` in `country` on `day` (an ordinal day, see [`PartialDate::first_day`]);
    /// `None` when the KB knows nobody or more than one.
    pub fn holder(&self, country: &str, office: Office, day: u32) -> Option<(u32, &Person)> {
        let candidates = self.holders.get(&(country.to_string(), office))?;
        let mut found = candidates.iter().filter(|&&i| {
            self.people[i as usize]
                .terms
                .iter()
                .any(|t| t.office == office && t.covers(day))
        });
        let first = *found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some((first, &self.people[first as usize]))
    }
}

/// Merges person-office lines into people: lines with the same name and country are one person.
fn merge_people(lines: Vec<load::PersonLine>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for line in lines {
        let key = (line.name.clone(), line.country.clone());
        let at = *index.entry(key).or_insert_with(|| {
            people.push(Person {
                key: format!(
                    "person:{}-{}",
                    line.country.to_lowercase(),
                    slug(&line.name)
                ),
                name: line.name.clone(),
                variants: Vec::new(),
                country: line.country.clone(),
                terms: Vec::new(),
            });
            people.len() - 1
        });
        let person = &mut people[at];
        for variant in line.variants {
            if !person.variants.contains(&variant) {
                person.variants.push(variant);
            }
        }
        person.terms.push(line.term);
    }
    for person in &mut people {
        person
            .terms
            .sort_by_key(|t| t.start.map_or(0, |s| s.first_day()));
    }
    people
}

/// Lowercase ASCII letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        } else if !c.is_ascii() && c.is_alphabetic() {
            out.push(c.to_lowercase().next().unwrap_or(c));
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Adds the forms news also prints: curly apostrophes, and all capitals for datelines and
/// headlines ("TEHRAN"), the latter only for forms of four letters or more.
fn with_surface_variants(pairs: Vec<(String, Target)>) -> Vec<(String, Target)> {
    let mut out = Vec::with_capacity(pairs.len() * 2);
    for (form, target) in pairs {
        if form.contains('\'') {
            out.push((form.replace('\'', "\u{2019}"), target));
        }
        if form.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            let upper = form.to_uppercase();
            if upper != form {
                out.push((upper, target));
            }
        }
        out.push((form, target));
    }
    out
}

/// The regular English plural of a lowercase phrase (last word inflected).
fn plural(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((head, last)) => (format!("{head} "), last),
        None => (String::new(), phrase),
    };
    let inflected = if let Some(stem) = last.strip_suffix("man") {
        format!("{stem}men")
    } else if last.ends_with('s')
        || last.ends_with('x')
        || last.ends_with("ch")
        || last.ends_with("sh")
    {
        format!("{last}es")
    } else if last.ends_with('y')
        && !matches!(last.chars().rev().nth(1), Some('a' | 'e' | 'i' | 'o' | 'u'))
    {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    format!("{head}{inflected}")
}

#[cfg(test)]
mod tests;
