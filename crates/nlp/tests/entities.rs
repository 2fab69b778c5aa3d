//! Entities end to end with the bundled models and KB: linking, roles, titles resolved by date,
//! descriptions, pronouns, actor codes. Sentences are written for these tests; none comes from a
//! gold set.

use dateline_core::{Doc, Entity, EntityType, MentionKind};
use dateline_nlp::kb::Kb;

mod common;

use common::analyze;

fn entity<'d>(doc: &'d Doc, name: &str) -> &'d Entity {
    let found: Vec<&Entity> = doc
        .annotations()
        .entities
        .iter()
        .filter(|e| e.name == name)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{name} once among {:#?}",
        doc.annotations().entities
    );
    found[0]
}

fn mentions(doc: &Doc, entity: &Entity) -> Vec<String> {
    entity
        .mentions
        .iter()
        .map(|m| doc.slice(m.span).to_string())
        .collect()
}

#[test]
fn the_bundled_kb_loads() {
    let kb = Kb::bundled().expect("bundled KB");
    assert!(
        kb.countries.len() >= 249,
        "{} countries",
        kb.countries.len()
    );
    assert!(kb.people.len() > 1000, "{} people", kb.people.len());
    assert!(kb.country("UKR").is_some());
    assert!(kb.title("foreign minister").is_some());
}

#[test]
fn people_get_kb_facts_for_the_date_and_titles_from_the_text() {
    let doc = analyze(
        "Russian President Vladimir Putin spoke with U.S. Treasury Secretary Scott Bessent on Monday. \
         Putin later called Ukrainian President Volodymyr Zelenskyy.",
        Some("2025-08-19"),
    );
    let putin = entity(&doc, "Vladimir Putin");
    assert_eq!(putin.entity_type, EntityType::Person);
    assert_eq!(
        (putin.country.as_deref(), putin.sector.as_deref()),
        (Some("RUS"), Some("GOV"))
    );
    assert_eq!(putin.code.as_deref(), Some("RUSGOV"));
    assert!(
        putin.roles.iter().any(|r| r == "President"),
        "{:?}",
        putin.roles
    );
    assert_eq!(
        mentions(&doc, putin),
        vec!["Russian President Vladimir Putin", "Putin"]
    );
    let bessent = entity(&doc, "Scott Bessent");
    assert_eq!(bessent.code.as_deref(), Some("USAGOV"));
    assert!(
        bessent.roles.iter().any(|r| r == "Treasury Secretary"),
        "{:?}",
        bessent.roles
    );
    assert_eq!(
        entity(&doc, "Volodymyr Zelenskyy").country.as_deref(),
        Some("UKR")
    );
}

#[test]
fn a_title_alone_resolves_to_the_office_holder_on_the_date() {
    let doc = analyze(
        "Zelenskyy said the Russian leader was not ready. The talks went on.",
        Some("2025-08-19"),
    );
    let putin = entity(&doc, "Vladimir Putin");
    assert_eq!(putin.mentions.len(), 1);
    assert_eq!(putin.mentions[0].kind, MentionKind::Title);
    assert_eq!(doc.slice(putin.mentions[0].span), "the Russian leader");
}

#[test]
fn former_office_holders_are_elites() {
    let doc = analyze("Joe Biden criticized the plan.", Some("2025-08-19"));
    let biden = entity(&doc, "Joe Biden");
    assert_eq!(biden.sector.as_deref(), Some("ELI"));
    let doc = analyze("Joe Biden criticized the plan.", Some("2022-03-01"));
    assert_eq!(entity(&doc, "Joe Biden").sector.as_deref(), Some("GOV"));
}

#[test]
fn appositions_give_roles_and_ages() {
    let doc = analyze(
        "\"It is hard,\" said Olena, a 41-year-old nurse. Taras, 23, agreed.",
        None,
    );
    let olena = entity(&doc, "Olena");
    assert_eq!(olena.age, Some(41));
    assert!(
        olena.roles.iter().any(|r| r == "nurse"),
        "{:?}",
        olena.roles
    );
    assert_eq!(olena.sector.as_deref(), Some("MED"));
    assert_eq!(entity(&doc, "Taras").age, Some(23));
}

#[test]
fn descriptions_are_groups_or_anonymous_sources_with_codes() {
    let doc = analyze(
        "A U.S. defense official told reporters that European military chiefs met on Tuesday.",
        None,
    );
    let entities = &doc.annotations().entities;
    let official = entities
        .iter()
        .find(|e| e.entity_type == EntityType::Anon)
        .expect("an anonymous source");
    assert_eq!(
        doc.slice(official.mentions[0].span),
        "A U.S. defense official"
    );
    assert_eq!(official.country.as_deref(), Some("USA"));
    let chiefs = entities
        .iter()
        .find(|e| doc.slice(e.mentions[0].span) == "European military chiefs")
        .expect("the chiefs");
    assert_eq!(chiefs.entity_type, EntityType::Group);
    assert_eq!(chiefs.code.as_deref(), Some("EURMIL"));
}

#[test]
fn a_broad_role_noun_takes_the_sector_of_the_word_before_it() {
    let doc = analyze(
        "An opposition party worker and a hospital employee were questioned on Friday, while \
         several officers stood outside.",
        None,
    );
    let entities = &doc.annotations().entities;
    let sector_of = |text: &str| {
        entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| doc.slice(m.span) == text))
            .and_then(|e| e.sector.clone())
            .unwrap_or_else(|| panic!("no entity {text:?} in {entities:#?}"))
    };
    // "opposition party" is one role phrase (OPP), read whole before "party" alone (PTY).
    assert_eq!(sector_of("An opposition party worker"), "OPP");
    assert_eq!(sector_of("a hospital employee"), "MED");
    assert_eq!(sector_of("several officers"), "MIL");
}

#[test]
fn a_role_phrase_before_a_broad_noun_counts_whole() {
    let doc = analyze(
        "Two intelligence agency officers were questioned on Friday.",
        None,
    );
    let officers = doc
        .annotations()
        .entities
        .iter()
        .find(|e| e.name.contains("officers"))
        .unwrap_or_else(|| panic!("no officers in {:#?}", doc.annotations().entities));
    assert_eq!(
        officers.sector.as_deref(),
        Some("SPY"),
        "{:?}",
        officers.why
    );
}

#[test]
fn speech_verb_pronouns_follow_gender() {
    let doc = analyze(
        "Press Secretary Karoline Leavitt said Donald Trump would decide. She insisted talks were going well.",
        Some("2025-08-19"),
    );
    let leavitt = entity(&doc, "Karoline Leavitt");
    assert_eq!(
        mentions(&doc, leavitt).last().map(String::as_str),
        Some("She")
    );
    assert_eq!(leavitt.code.as_deref(), Some("USAGOV"));
}

#[test]
fn organizations_and_metonyms_code_to_their_country() {
    let doc = analyze(
        "NATO and the Kremlin traded accusations, AFP reported.",
        None,
    );
    assert_eq!(entity(&doc, "NATO").code.as_deref(), Some("NATO"));
    let afp = entity(&doc, "Agence France-Presse");
    assert_eq!(afp.code.as_deref(), Some("FRAJRN"));
}

#[test]
fn third_person_pronouns_of_any_verb_join_the_last_person() {
    let doc = analyze(
        "Maria Lopez arrived in Lima on Monday. She met the mayor, and her visit ended with a \
         dinner in his honour.",
        None,
    );
    let lopez = entity(&doc, "Maria Lopez");
    let said = mentions(&doc, lopez);
    assert!(said.contains(&"She".to_string()), "{said:?}");
    assert!(said.contains(&"her".to_string()), "{said:?}");
    assert!(
        !said.contains(&"his".to_string()),
        "a male pronoun is not hers: {said:?}"
    );
}

#[test]
fn a_known_person_closing_a_long_name_is_that_person_titled_by_the_rest() {
    let doc = analyze(
        "Ministry of Foreign Affairs of Ukraine Dmytro Kuleba held talks with Antony Blinken.",
        None,
    );
    let kuleba = entity(&doc, "Dmytro Kuleba");
    assert_eq!(kuleba.entity_type, EntityType::Person);
    assert!(
        doc.annotations()
            .entities
            .iter()
            .all(|e| e.entity_type != EntityType::Org),
        "the ministry in his title is no actor of its own: {:#?}",
        doc.annotations().entities
    );
}

#[test]
fn a_state_body_named_after_another_state_belongs_to_that_state() {
    let doc = analyze(
        "Peru's Defense Department denied the report, while Russia's Kremlin said nothing.",
        None,
    );
    let department = doc
        .annotations()
        .entities
        .iter()
        .find(|e| e.name.contains("Defense Department"))
        .unwrap_or_else(|| panic!("no department in {:#?}", doc.annotations().entities));
    assert_eq!(department.country.as_deref(), Some("PER"));
    let kremlin = doc
        .annotations()
        .entities
        .iter()
        .find(|e| e.name.contains("Kremlin"))
        .expect("the Kremlin");
    assert_eq!(kremlin.country.as_deref(), Some("RUS"));
}

#[test]
fn a_short_actor_text_reads_two_word_roles_after_a_name() {
    let kb = Kb::bundled().expect("bundled KB");
    let doc = analyze("Sweden's central bank", None);
    let guess = dateline_nlp::entities::code_short_text(&doc, kb, None);
    assert_eq!(guess.country.as_deref(), Some("SWE"));
    assert_eq!(guess.sector.as_deref(), Some("GOV"), "{}", guess.why);
}

#[test]
fn a_short_actor_text_reads_the_longest_role_phrase_at_its_head() {
    let kb = Kb::bundled().expect("bundled KB");
    let doc = analyze("a foreign intelligence agency", None);
    let guess = dateline_nlp::entities::code_short_text(&doc, kb, None);
    assert_eq!(guess.sector.as_deref(), Some("SPY"), "{}", guess.why);
}

#[test]
fn an_envoy_is_coded_by_the_country_that_sends_them() {
    let kb = Kb::bundled().expect("bundled KB");
    let doc = analyze("the Norwegian ambassador to the European Union", None);
    let guess = dateline_nlp::entities::code_short_text(&doc, kb, None);
    assert_eq!(guess.country.as_deref(), Some("NOR"), "{}", guess.why);
    assert_eq!(guess.sector.as_deref(), Some("GOV"), "{}", guess.why);
}

#[test]
fn a_persons_own_name_names_no_place() {
    let kb = Kb::bundled().expect("bundled KB");
    let places = dateline_nlp::gazetteer::Gazetteer::bundled().expect("bundled gazetteer");
    let doc = analyze("Senator Ana Valencia", None);
    let guess = dateline_nlp::entities::code_short_text(&doc, kb, Some(places));
    assert_eq!(guess.country, None, "{}", guess.why);
    assert_eq!(guess.sector.as_deref(), Some("LEG"), "{}", guess.why);
}

#[test]
fn a_town_read_as_a_person_is_still_placed_when_its_whole_name_is_the_town() {
    let kb = Kb::bundled().expect("bundled KB");
    let places = dateline_nlp::gazetteer::Gazetteer::bundled().expect("bundled gazetteer");
    for (text, country) in [("Villa Alemana", "CHL"), ("Marco Island", "USA")] {
        let doc = analyze(text, None);
        let guess = dateline_nlp::entities::code_short_text(&doc, kb, Some(places));
        assert_eq!(
            guess.country.as_deref(),
            Some(country),
            "{text}: {}",
            guess.why
        );
    }
}

#[test]
fn an_unknown_organization_takes_the_sector_of_a_role_word_in_its_name() {
    let doc = analyze(
        "The Borland Security Service said on Friday that the Ministry of Fisheries had been \
         warned.",
        None,
    );
    let sector_of = |name: &str| {
        doc.annotations()
            .entities
            .iter()
            .find(|e| e.name.contains(name))
            .unwrap_or_else(|| panic!("no {name} in {:#?}", doc.annotations().entities))
            .sector
            .clone()
    };
    assert_eq!(sector_of("Security Service").as_deref(), Some("SPY"));
    assert_eq!(sector_of("Ministry of Fisheries").as_deref(), Some("GOV"));
}

#[test]
fn a_place_after_a_role_is_where_the_actor_is() {
    let kb = Kb::bundled().expect("bundled KB");
    let code = |text: &str| {
        let doc = analyze(text, None);
        let guess = dateline_nlp::entities::code_short_text(&doc, kb, None);
        (guess.country, guess.sector, guess.why)
    };
    let (country, sector, why) = code("Hindu leaders in Nepal");
    assert_eq!(
        (country.as_deref(), sector.as_deref()),
        (Some("NPL"), Some("REL")),
        "{why}"
    );
    let (country, sector, why) = code("protesters in Paris");
    assert_eq!(
        (country.as_deref(), sector.as_deref()),
        (Some("FRA"), Some("CVL")),
        "{why}"
    );
}

#[test]
fn a_surname_after_the_full_name_stays_a_person() {
    // "Jordan" and "Chad" alone are countries in the gazetteer; here they are two people's
    // surnames, introduced in full first.
    let doc = analyze(
        "The Irish film director Neil Jordan and the actor Tom Chad spent a year on the new film. \
         Jordan said the shoot had been hard. Chad agreed.",
        Some("2025-08-19"),
    );
    let names: Vec<(&str, &str)> = doc
        .annotations()
        .names
        .iter()
        .map(|n| (doc.slice(n.span), n.class))
        .collect();
    for surname in ["Jordan", "Chad"] {
        assert!(
            names.contains(&(surname, "PER")),
            "{surname} alone should be a person: {names:?}"
        );
        assert!(
            !names
                .iter()
                .any(|&(text, class)| text == surname && class != "PER"),
            "{surname} alone should be a person only: {names:?}"
        );
    }
}

#[test]
fn a_capitalized_title_alone_is_not_a_person() {
    let doc = analyze(
        "Officials met in Lisbon on Monday. Maria Costa, the Foreign Ministry Spokesperson, said \
         the talks had gone well.",
        Some("2025-08-19"),
    );
    let people: Vec<&str> = doc
        .annotations()
        .names
        .iter()
        .filter(|n| n.class == "PER")
        .map(|n| doc.slice(n.span))
        .collect();
    assert!(!people.contains(&"Spokesperson"), "{people:?}");
    assert!(people.contains(&"Maria Costa"), "{people:?}");
}
