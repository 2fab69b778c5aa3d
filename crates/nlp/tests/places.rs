//! Places end to end with the bundled models, KB and gazetteer: recognition, resolution by
//! feature, population and context, containment ("Paris, Texas"), landmarks and one sense per
//! document. Sentences written for these tests.

use dateline_core::Doc;

mod common;

fn analyze(text: &str) -> Doc {
    common::analyze(text, None)
}

/// (text, name, country, feature) per place.
fn places(doc: &Doc) -> Vec<(String, String, Option<String>, &'static str)> {
    doc.annotations()
        .places
        .iter()
        .map(|p| {
            (
                doc.slice(p.span).to_string(),
                p.name.clone(),
                p.country.clone(),
                p.feature.as_str(),
            )
        })
        .collect()
}

fn find<'a>(
    all: &'a [(String, String, Option<String>, &'static str)],
    text: &str,
) -> &'a (String, String, Option<String>, &'static str) {
    all.iter()
        .find(|p| p.0 == text)
        .unwrap_or_else(|| panic!("no place {text:?} in {all:?}"))
}

/// The span of `needle` written at byte `start` of `text`.
fn span_at(text: &str, start: usize, needle: &str) -> dateline_core::ByteSpan {
    assert_eq!(&text[start..start + needle.len()], needle);
    dateline_core::ByteSpan::new(start, start + needle.len())
}

#[test]
fn countries_capitals_and_landmarks() {
    let doc = analyze(
        "The White House said talks with Russia could be held in Geneva or Budapest. \
         Officials in Kyiv and Moscow did not comment.",
    );
    let all = places(&doc);
    let white_house = find(&all, "The White House");
    assert_eq!(
        (white_house.2.as_deref(), white_house.3),
        (Some("USA"), "landmark")
    );
    assert_eq!(find(&all, "Russia").3, "country");
    for (text, country) in [
        ("Geneva", "CHE"),
        ("Budapest", "HUN"),
        ("Kyiv", "UKR"),
        ("Moscow", "RUS"),
    ] {
        let place = find(&all, text);
        assert_eq!(
            (place.2.as_deref(), place.3),
            (Some(country), "city"),
            "{text}"
        );
    }
}

#[test]
fn the_place_after_a_comma_holds_a_town() {
    let doc = analyze("The storm hit Paris, Texas, on Monday before moving on.");
    let all = places(&doc);
    let paris = find(&all, "Paris");
    assert_eq!(paris.2.as_deref(), Some("USA"), "{all:?}");
    let place = doc
        .annotations()
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "Paris")
        .unwrap();
    assert_eq!(place.admin1.as_deref(), Some("Texas"));
    assert!(place.why.contains("held to"), "{}", place.why);
}

#[test]
fn divisions_and_one_sense_per_document() {
    let doc = analyze(
        "Shelling hit Donetsk Oblast and Zaporizhzhia overnight. Later, Zaporizhzhia was \
         quiet again.",
    );
    let all = places(&doc);
    let oblast = find(&all, "Donetsk Oblast");
    assert_eq!((oblast.2.as_deref(), oblast.3), (Some("UKR"), "admin1"));
    let readings: Vec<_> = all.iter().filter(|p| p.0 == "Zaporizhzhia").collect();
    assert_eq!(readings.len(), 2, "{all:?}");
    assert!(readings.iter().all(|p| p.2.as_deref() == Some("UKR")));
    assert_eq!(readings[0].1, readings[1].1);
    let coordinates = doc
        .annotations()
        .places
        .iter()
        .all(|p| p.coordinates.is_some());
    assert!(coordinates);
}

#[test]
fn people_and_demonyms_are_not_places() {
    let doc = analyze("Michael Jordan praised the Ukrainian team.");
    assert!(places(&doc).is_empty(), "{:?}", places(&doc));
}

#[test]
fn given_spans_with_a_comma_or_a_continent_adjective() {
    let doc = analyze("Officials in Washington, D.C. and European leaders met.");
    let text = doc.text();
    let span = |needle: &str| span_at(text, text.find(needle).unwrap(), needle);
    let gazetteer = dateline_nlp::gazetteer::Gazetteer::bundled().unwrap();
    let resolved = dateline_nlp::places::resolve_spans(
        &doc,
        gazetteer,
        &[span("Washington, D.C."), span("European")],
    );
    let washington = resolved[0].as_ref().expect("Washington, D.C. resolved");
    assert_eq!(washington.country.as_deref(), Some("USA"));
    assert_eq!(washington.name, "Washington");
    let europe = resolved[1].as_ref().expect("European resolved");
    assert_eq!(europe.name, "Europe");
}

#[test]
fn an_abbreviated_state_after_a_town_holds_it() {
    // "Md." and "Ore." fold into other words ("MD", Ore in Nigeria); as written they are states.
    let doc = analyze("The mayor of Baltimore, Md., met officials from Portland, Ore., on Monday.");
    let all = places(&doc);
    let portland = find(&all, "Portland");
    assert_eq!(portland.2.as_deref(), Some("USA"));
    let ore = find(&all, "Ore.");
    assert_eq!(ore.1, "Oregon");
    // Illinois's capital has a bigger namesake in Missouri; the division still has its code.
    let doc = analyze("The storm hit Springfield, Ill. on Monday.");
    let all = places(&doc);
    let springfield = doc
        .annotations()
        .places
        .iter()
        .find(|p| p.name == "Springfield")
        .unwrap_or_else(|| panic!("no Springfield in {all:?}"));
    assert_eq!(springfield.admin1.as_deref(), Some("Illinois"));
}

#[test]
fn georgia_is_the_state_in_a_story_about_the_united_states() {
    let us = analyze(
        "Flooding hit Texas and Florida on Monday, and officials in Georgia said more rain \
         was coming to the United States.",
    );
    let all = places(&us);
    let georgia = find(&all, "Georgia");
    assert_eq!((georgia.2.as_deref(), georgia.3), (Some("USA"), "admin1"));
    let caucasus = analyze("Russia and Georgia fought a war in 2008, Moscow said.");
    let all = places(&caucasus);
    let georgia = find(&all, "Georgia");
    assert_eq!((georgia.2.as_deref(), georgia.3), (Some("GEO"), "country"));
}

#[test]
fn a_division_of_the_main_country_beats_a_foreign_city_of_its_name() {
    let story = analyze(
        "Bushfires burned across Australia this week. Crews in Victoria saved 40 homes near \
         Ballarat, and more were sent from New South Wales.",
    );
    let all = places(&story);
    let victoria = find(&all, "Victoria");
    assert_eq!((victoria.2.as_deref(), victoria.3), (Some("AUS"), "admin1"));
    let elsewhere = analyze("Ferries from Victoria to Kowloon were cancelled.");
    let all = places(&elsewhere);
    let victoria = find(&all, "Victoria");
    assert_ne!(victoria.2.as_deref(), Some("AUS"), "{all:?}");
}

#[test]
fn a_street_the_gazetteer_lacks_lies_in_the_article_s_town() {
    let doc = analyze(
        "Crowds filled Galway on Saturday. Police closed Mainguard Street, and the mayor of \
         Galway thanked the organisers. The Rainbow Mountains stayed quiet.",
    );
    let text = doc.text();
    let span = |needle: &str| span_at(text, text.find(needle).unwrap(), needle);
    let gazetteer = dateline_nlp::gazetteer::Gazetteer::bundled().unwrap();
    let given = [
        span("Galway"),
        span("Mainguard Street"),
        span("Rainbow Mountains"),
        span_at(text, text.rfind("Galway").unwrap(), "Galway"),
    ];
    let resolved = dateline_nlp::places::resolve_spans(&doc, gazetteer, &given);
    let town = resolved[0].as_ref().expect("Galway resolved");
    let street = resolved[1].as_ref().expect("the street placed in the town");
    assert_eq!(street.feature.as_str(), "landmark");
    assert_eq!(street.name, "Mainguard Street");
    assert_eq!(street.geonameid, None);
    assert_eq!(street.coordinates, town.coordinates);
    assert_eq!(street.country.as_deref(), Some("IRL"));
    // No word of a local place: left unresolved rather than put in the town.
    assert!(resolved[2].is_none(), "{:?}", resolved[2]);
}
