use proptest::prelude::*;

use super::*;

fn sources() -> Vec<(String, String)> {
    let countries = "iso3\tname\tvariants\tdemonyms\tcapitals\tsovereign\n\
        RUS\tRussia\tRussian Federation\tRussian|Russians\tMoscow\t\n\
        UKR\tUkraine\t\tUkrainian|Ukrainians\tKyiv|Kiev\t\n\
        USA\tUnited States\tU.S.|US|America\tAmerican|Americans\tWashington\t\n\
        PRI\tPuerto Rico\t\tPuerto Rican\tSan Juan\tUSA\n";
    let orgs = "key\ttype\tname\tvariants\tcountry\tsector\tsectors2\tcode\tmembers\tnotes\n\
        body:rus-kremlin\tORG\tKremlin\t\tRUS\tGOV\t\t\t\tthe presidency\n\
        org:nato\tORG\tNATO\tNorth Atlantic Treaty Organization\tIGO\tMIL\t\tNATO\tUSA\t\n";
    let people = "name\tvariants\tcountry\toffice\ttitle\tsector\tstart\tend\tnotes\n\
        Vladimir Putin\tPutin\tRUS\thead_of_state\tPresident\tGOV\t2012-05-07\t\t\n\
        Vladimir Putin\tPutin\tRUS\thead_of_government\tPrime Minister\tGOV\t2008-05-08\t2012-05-07\t\n\
        Joe Biden\tBiden\tUSA\thead_of_state\tPresident\tGOV\t2021-01-20\t2025-01-20\t\n\
        Donald Trump\tTrump\tUSA\thead_of_state\tPresident\tGOV\t2017-01-20\t2021-01-20\t\n\
        Donald Trump\tTrump\tUSA\thead_of_state\tPresident\tGOV\t2025-01-20\t\t\n";
    let titles = "phrase\toffice\tsector\tkind\tnotes\n\
        president\thead_of_state\tGOV\ttitle\t\n\
        soldier\t\tMIL\tagent\t\n\
        policeman\t\tCOP\tagent\t\n";
    vec![
        ("countries.tsv".into(), countries.into()),
        ("organizations-x.tsv".into(), orgs.into()),
        ("people-x.tsv".into(), people.into()),
        ("titles.tsv".into(), titles.into()),
    ]
}

/// Whitespace tokens of `text`, as byte spans.
fn tokens(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(ByteSpan::new(s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

#[test]
fn names_match_on_token_boundaries_longest_first() {
    let kb = Kb::from_sources(&sources()).unwrap();
    let text = "Putin met US officials in Moscow , not us in Russian Federation or Russians";
    let spans = tokens(text);
    let found: Vec<(String, Target)> = kb
        .find_names(text, &spans)
        .into_iter()
        .map(|m| {
            let words: Vec<&str> = m.tokens.clone().map(|t| &text[spans[t].range()]).collect();
            (words.join(" "), m.targets[0])
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("Putin".into(), Target::Person(0)),
            ("US".into(), Target::Country(2)),
            ("Moscow".into(), Target::Capital(0)),
            ("Russian Federation".into(), Target::Country(0)),
            ("Russians".into(), Target::Demonym(0)),
        ]
    );
}

#[test]
fn capitals_and_curly_apostrophes_are_added() {
    let kb = Kb::from_sources(&sources()).unwrap();
    let text = "KREMLIN said";
    let found = kb.find_names(text, &tokens(text));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].targets, &[Target::Organization(0)]);
}

#[test]
fn office_holders_resolve_by_date() {
    let kb = Kb::from_sources(&sources()).unwrap();
    let day = |s: &str| PartialDate::parse(s).unwrap().first_day();
    let name = |d: &str| {
        kb.holder("USA", Office::HeadOfState, day(d))
            .map(|(_, p)| p.name.as_str())
    };
    assert_eq!(name("2025-08-19"), Some("Donald Trump"));
    assert_eq!(name("2022-03-01"), Some("Joe Biden"));
    assert_eq!(name("2019-03-01"), Some("Donald Trump"));
    let putin = &kb.people[0];
    assert_eq!(putin.terms.len(), 2);
    assert_eq!(
        putin.term_at(Some(day("2010-01-01"))).unwrap().office,
        Office::HeadOfGovernment
    );
    assert!(kb.people[1].is_former(day("2025-08-19")));
    assert!(!kb.people[1].is_former(day("2022-01-01")));
    assert!(
        kb.people[2].is_former(day("2022-01-01")),
        "between two terms"
    );
}

#[test]
fn titles_have_plurals_and_dependencies_fold() {
    let kb = Kb::from_sources(&sources()).unwrap();
    assert_eq!(kb.title("Soldiers").unwrap().sector.as_deref(), Some("MIL"));
    assert_eq!(
        kb.title("policemen").unwrap().sector.as_deref(),
        Some("COP")
    );
    assert_eq!(
        kb.title("President").unwrap().office,
        Some(Office::HeadOfState)
    );
    assert_eq!(kb.country("PRI").unwrap().actor_country(), "USA");
}

#[test]
fn unknown_file_kinds_and_duplicates_are_refused() {
    let mut bad = sources();
    bad.push(("notes.tsv".into(), String::new()));
    assert!(matches!(
        Kb::from_sources(&bad),
        Err(KbError::UnknownKind(_))
    ));
    let mut dup = sources();
    dup.push(("organizations-y.tsv".into(), dup[1].1.clone()));
    let error = Kb::from_sources(&dup).unwrap_err();
    assert_eq!(
        error.to_string(),
        "organizations-y.tsv: duplicate key \"body:rus-kremlin\""
    );
}

#[test]
fn plurals() {
    assert_eq!(plural("foreign minister"), "foreign ministers");
    assert_eq!(plural("militia"), "militias");
    assert_eq!(plural("spy"), "spies");
    assert_eq!(plural("attorney"), "attorneys");
    assert_eq!(plural("boss"), "bosses");
}

/// The plain reading of the contract: every span from a token's start to a token's end that
/// is a form; at each start the longest; starts inside a kept match skipped.
fn reference(forms: &[String], text: &str, tokens: &[ByteSpan]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut next_free = 0;
    for first in 0..tokens.len() {
        if first < next_free {
            continue;
        }
        let start = tokens[first].start as usize;
        let longest = (first..tokens.len()).rev().find(|&last| {
            let end = tokens[last].end as usize;
            forms.iter().any(|f| text.get(start..end) == Some(f.trim()))
        });
        if let Some(last) = longest {
            out.push((first, last + 1));
            next_free = last + 1;
        }
    }
    out
}

proptest! {
    #[test]
    fn finds_what_the_plain_reading_finds(
        forms in prop::collection::vec("[ab é]{1,7}", 1..8),
        text in "[ab é]{0,40}",
    ) {
        let pairs = forms.iter().map(|f| (f.clone(), Target::Country(0))).collect();
        let matcher = NameMatcher::new(pairs);
        let tokens = tokens(&text);
        let found: Vec<(usize, usize)> = matcher
            .find(&text, &tokens)
            .iter()
            .map(|m| (m.tokens.start, m.tokens.end))
            .collect();
        prop_assert_eq!(found, reference(&forms, &text, &tokens));
    }
}

#[test]
fn one_byte_and_multibyte_forms() {
    let pairs = vec![
        ("a".to_string(), Target::Country(0)),
        ("éa b".to_string(), Target::Country(1)),
    ];
    let matcher = NameMatcher::new(pairs);
    let text = "a éa b ab";
    let found: Vec<_> = matcher
        .find(text, &tokens(text))
        .iter()
        .map(|m| m.tokens.clone())
        .collect();
    assert_eq!(found, vec![0..1, 1..3]);
}
