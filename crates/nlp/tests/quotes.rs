//! Quotes end to end with the bundled models: pairing, typing, speakers, cues, addressees,
//! continuation and anonymous sources. Sentences written for these tests.

use dateline_core::{Doc, QuoteKind};

mod common;

use common::analyze_seed_day as analyze;

/// (content, kind, speaker entity name or speaker text, cue, addressee, anonymous) per quote.
fn quotes(doc: &Doc) -> Vec<Listed> {
    let a = doc.annotations();
    a.quotes
        .iter()
        .map(|q| {
            let speaker = match (q.speaker_entity, q.speaker) {
                (Some(e), _) => a.entities[e].name.clone(),
                (None, Some(s)) => doc.slice(s).to_string(),
                (None, None) => String::new(),
            };
            let text = |s: Option<dateline_core::ByteSpan>| {
                s.map_or(String::new(), |s| doc.slice(s).to_string())
            };
            (
                doc.slice(q.content).to_string(),
                q.kind,
                speaker,
                text(q.cue),
                text(q.addressee),
                q.anonymous,
            )
        })
        .collect()
}

/// One quote as `quotes` lists it.
type Listed = (String, QuoteKind, String, String, String, bool);

/// The first reported (indirect) quote, cued by `cue` when given; panics with every quote
/// found when there is none.
fn report(found: &[Listed], cue: Option<&str>) -> Listed {
    found
        .iter()
        .find(|q| q.1 == QuoteKind::Indirect && cue.is_none_or(|c| q.3 == c))
        .cloned()
        .unwrap_or_else(|| panic!("no report cued by {cue:?} in {found:?}"))
}

/// The first quote's `why` says `words`.
fn assert_first_why(doc: &Doc, words: &str) {
    let why = &doc.annotations().quotes[0].why;
    assert!(why.contains(words), "{why}");
}

#[test]
fn direct_quotes_take_the_speech_verbs_subject_and_addressee() {
    let doc = analyze(
        "\u{201C}We are ready to talk,\u{201D} Foreign Minister Sergei Lavrov told reporters on Monday.",
    );
    let found = quotes(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    let (content, kind, speaker, cue, addressee, anonymous) = &found[0];
    assert_eq!(content, "We are ready to talk,");
    assert_eq!(*kind, QuoteKind::Direct);
    assert_eq!(speaker, "Sergei Lavrov");
    assert_eq!(cue, "told");
    assert_eq!(addressee, "reporters");
    assert!(!anonymous);
}

#[test]
fn a_quote_without_a_cue_continues_the_previous_speaker() {
    let doc = analyze(
        "\u{201C}The talks were useful,\u{201D} said Olena Petrenko, a 41-year-old nurse. \u{201C}We will see what comes next.\u{201D}",
    );
    let found = quotes(&doc);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].2, "Olena Petrenko");
    assert_eq!(found[1].2, "Olena Petrenko");
    assert_eq!(found[1].3, "", "no cue of its own");
}

#[test]
fn partial_quotes_and_anonymous_sources() {
    let doc = analyze(
        "Talks were \"constructive but slow,\" a European diplomat said on condition of anonymity.",
    );
    let found = quotes(&doc);
    assert_eq!(
        found.len(),
        2,
        "the quoted words and the report around them: {found:?}"
    );
    assert_eq!(found[0].0, "Talks were \"constructive but slow");
    assert_eq!(found[0].1, QuoteKind::Indirect);
    assert_eq!(found[1].1, QuoteKind::Partial);
    for quote in &found {
        assert_eq!(quote.2, "a European diplomat");
        assert!(quote.5, "anonymous");
    }
}

#[test]
fn names_in_quote_marks_are_not_speech() {
    let doc = analyze(
        "The leaders met as the so-called \u{201C}Coalition of the Willing\u{201D} on Sunday.",
    );
    assert!(quotes(&doc).is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn according_to_names_the_source() {
    let doc = analyze("The deal is \"almost done,\" according to Karoline Leavitt.");
    let found = quotes(&doc);
    assert_eq!(
        found.len(),
        2,
        "the quoted words and the report around them: {found:?}"
    );
    for quote in &found {
        assert_eq!(quote.2, "Karoline Leavitt");
        assert_eq!(quote.3, "according to");
    }
}

#[test]
fn unbalanced_marks_end_at_the_paragraph() {
    let doc = analyze("He said: \u{201C}This never closes.\n\nNext paragraph here.");
    let found = quotes(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "This never closes.");
}

#[test]
fn inverted_passive_and_pronoun_speakers() {
    let doc = analyze(
        "\u{201C}Most people came from Kherson,\u{201D} said the regional governor.\n\n\
         \u{201C}We will not give up,\u{201D} it was stated by Volodymyr Zelenskyy.",
    );
    let found = quotes(&doc);
    let speaker_of = |content: &str| {
        found
            .iter()
            .find(|q| q.0.contains(content))
            .map(|q| q.2.clone())
            .unwrap_or_else(|| panic!("no quote {content:?} in {found:?}"))
    };
    assert_eq!(speaker_of("Most people"), "the regional governor");
    assert_eq!(speaker_of("We will not give up"), "Volodymyr Zelenskyy");
    // A pronoun with nothing to resolve to is still the speaker's words.
    let doc = analyze("\u{201C}I do not expect much,\u{201D} he said.");
    assert_eq!(quotes(&doc)[0].2, "he");
}

#[test]
fn a_closing_attribution_reports_the_sentence_before_it() {
    // The tagger reads "founders" as a noun, so the parse hangs "said" under the "if" clause;
    // the sentence's shape still says who reports what.
    let doc = analyze(
        "The regional bloc may halt its aid convoys to the north if the ceasefire founders, \
         Senegalese Foreign Minister Aminata Diallo said on Tuesday. Putin proposed holding \
         the summit in Moscow, three sources familiar with the call told AFP.",
    );
    let found = quotes(&doc);
    let halt = found
        .iter()
        .find(|q| q.0.starts_with("The regional bloc may halt"))
        .unwrap_or_else(|| panic!("no quote for the first sentence in {found:?}"));
    assert_eq!(halt.1, QuoteKind::Indirect);
    assert!(halt.0.ends_with("founders"), "{:?}", halt.0);
    assert!(halt.2.contains("Diallo"), "{:?}", halt.2);
    let moscow = found
        .iter()
        .find(|q| q.0.starts_with("Putin proposed"))
        .unwrap_or_else(|| panic!("no quote for the second sentence in {found:?}"));
    assert!(moscow.2.contains("sources"), "{:?}", moscow.2);
    assert_eq!(moscow.4, "AFP");
}

#[test]
fn a_transcript_turn_belongs_to_its_label() {
    let doc = analyze(
        "Anna Berg interviewed Tom Keller on Sunday.\n\n\
         \u{201C}BERG: Will the minister be at the summit?\n\n\
         \u{201C}KELLER: She will not be attending the summit tomorrow night.\u{201D}",
    );
    let found = quotes(&doc);
    let keller = found
        .iter()
        .find(|q| q.0.starts_with("She will not"))
        .unwrap_or_else(|| panic!("no quote for Keller's turn in {found:?}"));
    assert_eq!(keller.1, QuoteKind::Direct);
    assert_eq!(keller.2, "Tom Keller");
    let berg = found
        .iter()
        .find(|q| q.0.starts_with("Will the minister"))
        .unwrap_or_else(|| panic!("no quote for Berg's turn in {found:?}"));
    assert_eq!(berg.2, "Anna Berg");
}

#[test]
fn a_quote_credited_after_a_dash_belongs_to_the_name() {
    let doc = analyze(
        "Voters in Phoenix told us what they made of the debate.\n\n\
         \u{201C}He never answers a question. Not one.\u{201D} \u{2015} Maria Lopez\n\n\
         \u{201C}I was pleasantly surprised by both of them.\u{201D} \u{2014} Daniel Okafor, a \
         retired teacher",
    );
    let found = quotes(&doc);
    let speaker_of = |start: &str| {
        found
            .iter()
            .find(|q| q.0.starts_with(start))
            .map(|q| (q.2.clone(), q.3.clone()))
            .unwrap_or_else(|| panic!("no quote starting {start:?} in {found:?}"))
    };
    assert_eq!(
        speaker_of("He never"),
        ("Maria Lopez".into(), "\u{2015}".into())
    );
    assert_eq!(
        speaker_of("I was"),
        ("Daniel Okafor".into(), "\u{2014}".into())
    );
}

#[test]
fn a_dash_inside_a_sentence_credits_no_one() {
    let doc = analyze(
        "The senator said the plan was \u{201C}a gift to donors\u{201D} \u{2014} Brussels \
         disagreed on Monday.",
    );
    let found = quotes(&doc);
    assert!(
        found.iter().all(|q| q.2 != "Brussels"),
        "a place after a dash is no credit: {found:?}"
    );
}

#[test]
fn a_word_of_the_quote_parsed_as_a_subject_is_not_the_speaker() {
    let doc = analyze(
        "\u{201C}There are fair ways to criticise the plan, but that was a really \u{2014} a \
         really careless remark,\u{201D} Hartley said on Tuesday.",
    );
    let found = quotes(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "Hartley");
    assert_eq!(found[0].3, "said");
}

#[test]
fn according_to_at_either_end_reports_the_rest_of_the_sentence() {
    let doc = analyze(
        "According to the health ministry, the clinic will reopen next month.\n\n\
         The bridge was closed for repairs in March, according to city officials.",
    );
    let found = quotes(&doc);
    let indirect: Vec<(&str, &str, &str)> = found
        .iter()
        .filter(|q| q.1 == QuoteKind::Indirect)
        .map(|q| (q.0.as_str(), q.2.as_str(), q.3.as_str()))
        .collect();
    assert!(
        indirect
            .iter()
            .any(|q| q.0 == "the clinic will reopen next month" && q.2 == "According to"),
        "{indirect:?}"
    );
    assert!(
        indirect
            .iter()
            .any(|q| q.0 == "The bridge was closed for repairs in March"
                && q.1.contains("officials")),
        "{indirect:?}"
    );
}

#[test]
fn a_participle_of_speech_shares_its_verbs_subject() {
    let doc = analyze(
        "Mayor Lena Fischer criticized the budget on Monday, saying the city could not \
         afford new buses.",
    );
    let found = quotes(&doc);
    let report = report(&found, Some("saying"));
    assert_eq!(report.2, "Lena Fischer");
    assert!(
        report.0.starts_with("the city could not afford"),
        "{report:?}"
    );
}

#[test]
fn a_verb_of_thinking_attributes_its_clause() {
    let doc = analyze(
        "Governor Tomas Reyes believes that the new dam will protect the valley from floods.\n\n\
         The river rose quickly after the storm.",
    );
    let found = quotes(&doc);
    let report = report(&found, Some("believes"));
    assert_eq!(report.2, "Tomas Reyes");
    assert!(
        report.0.starts_with("the new dam will protect"),
        "{report:?}"
    );
    assert_first_why(&doc, "verb of thinking");
}

#[test]
fn a_report_by_an_unresolved_pronoun_keeps_the_pronoun_as_speaker() {
    let doc = analyze("They said the ferry service would resume in May after the repairs.");
    let found = quotes(&doc);
    let report = report(&found, None);
    assert_eq!(report.2, "They");
    assert!(
        report.0.starts_with("the ferry service would resume"),
        "{report:?}"
    );
}

#[test]
fn a_report_before_its_verb_does_not_run_on_past_the_verb() {
    let doc = analyze(
        "\"Two boats were seen near the pier at dawn\", said the coast guard. \"Reckless \
         fishing deserves a stern answer\", it added; and, later, \"the commander gave an order \
         that the patrol units should enter a state of alert to be ready to board any boat\".",
    );
    for q in &doc.annotations().quotes {
        let text = doc.slice(q.content);
        assert!(
            !text.contains("added"),
            "a quote swallowed its own cue: {text:?}"
        );
    }
}

#[test]
fn a_report_interrupted_by_its_attribution_is_the_whole_sentence() {
    let doc = analyze(
        "The new library, Mayor Lena Fischer said on Monday, will open its doors in the spring.",
    );
    let found = quotes(&doc);
    let report = report(&found, None);
    assert_eq!(report.2, "Lena Fischer");
    assert_eq!(report.3, "said");
    assert!(report.0.starts_with("The new library,"), "{report:?}");
    assert!(report.0.ends_with("in the spring"), "{report:?}");
}

#[test]
fn what_a_poll_shows_is_its_report_but_what_police_find_is_not() {
    let doc = analyze(
        "A new survey showed the governor with a narrow lead among older voters.\n\n\
         Police found a stolen car near the station on Sunday.",
    );
    let found = quotes(&doc);
    let indirect: Vec<_> = found
        .iter()
        .filter(|q| q.1 == QuoteKind::Indirect)
        .collect();
    assert_eq!(indirect.len(), 1, "{found:?}");
    assert!(
        indirect[0].0.starts_with("the governor with a narrow lead"),
        "{indirect:?}"
    );
    assert_eq!(indirect[0].3, "showed");
}

#[test]
fn what_a_verb_of_asking_asks_for_is_reported() {
    let doc = analyze(
        "Senator Ruth Alvarez called for an independent inquiry into the contract.\n\n\
         Mayor Lena Fischer urged residents to stay indoors during the storm.\n\n\
         Critics called the plan a waste of money.",
    );
    let found = quotes(&doc);
    let indirect: Vec<(&str, &str, &str)> = found
        .iter()
        .filter(|q| q.1 == QuoteKind::Indirect)
        .map(|q| (q.0.as_str(), q.2.as_str(), q.3.as_str()))
        .collect();
    assert!(
        indirect.contains(&(
            "an independent inquiry into the contract",
            "Ruth Alvarez",
            "called"
        )),
        "{indirect:?}"
    );
    // Whom the mayor urged is in the content or is its addressee, as the extent model ranks it.
    let urged = found
        .iter()
        .find(|q| q.1 == QuoteKind::Indirect && q.3 == "urged")
        .expect("a report cued by \"urged\"");
    assert!(
        urged.0.ends_with("stay indoors during the storm"),
        "{urged:?}"
    );
    assert_eq!(urged.2, "Lena Fischer");
    assert!(
        urged.0.starts_with("residents") || urged.4 == "residents",
        "{urged:?}"
    );
    // "called the plan a waste" asks for nothing; it names the plan (a report of its own).
    assert_eq!(indirect.len(), 3, "{indirect:?}");
}

#[test]
fn what_a_verb_of_naming_calls_something_is_reported_and_a_bare_call_is_not() {
    let doc = analyze(
        "Critics called the plan a waste of money.\n\n\
         The union described the offer as an insult to nurses.\n\n\
         A group called Green Valley Watch called the mayor on Monday.",
    );
    let found = quotes(&doc);
    let indirect: Vec<(&str, &str)> = found
        .iter()
        .filter(|q| q.1 == QuoteKind::Indirect)
        .map(|q| (q.0.as_str(), q.3.as_str()))
        .collect();
    assert_eq!(
        indirect,
        [
            ("the plan a waste of money", "called"),
            ("the offer as an insult to nurses", "described")
        ],
        "{found:?}"
    );
    assert_first_why(&doc, "verb of naming");
}

#[test]
fn telling_someone_to_act_is_asking() {
    let doc = analyze("Senator Maria Keller told her staff to rest before the vote.");
    let found = quotes(&doc);
    let report = report(&found, None);
    assert!(report.0.ends_with("rest before the vote"), "{report:?}");
    assert_eq!(report.4, "her staff", "whom the senator told");
    assert_eq!(
        (report.2.as_str(), report.3.as_str()),
        ("Maria Keller", "told")
    );
    assert_first_why(&doc, "verb of asking");
}

#[test]
fn who_was_told_to_act_is_not_the_speaker() {
    let doc = analyze("The border troops have been told to prepare for a long winter.");
    let found = quotes(&doc);
    assert!(
        found.iter().all(|q| !q.2.contains("troops")),
        "the troops were told, they did not tell: {found:?}"
    );
}

#[test]
fn a_day_after_the_verb_is_never_the_speaker() {
    let doc = analyze(
        "\u{201C}Our view is that the bridge will reopen in spring,\u{201D} Transport Minister \
         Ana Ruiz, D-Ore., said Tuesday.",
    );
    let found = quotes(&doc);
    let quote = found
        .iter()
        .find(|q| q.0.starts_with("Our view"))
        .unwrap_or_else(|| panic!("no quote in {found:?}"));
    assert_ne!(quote.2, "Tuesday", "{found:?}");
    // A month name is also a surname: "May" stays a speaker.
    let doc = analyze("\u{201C}The talks will go on,\u{201D} said Clara May on Friday.");
    let found = quotes(&doc);
    assert!(found.iter().any(|q| q.2.contains("May")), "{found:?}");
}

#[test]
fn a_report_keeps_its_subject_and_a_naming_keeps_its_as_phrase_however_parsed() {
    // Sentences where the parser hangs the clause's subject on the reporting verb, and "as …"
    // on the object rather than on the verb; the report must still hold them.
    let doc = common::analyze(
        "A new survey showed Mendes was the favourite of young voters.\n\n\
         The minister also described the strike as reckless for the economy.",
        Some("2025-08-19"),
    );
    let found = quotes(&doc);
    let shown = report(&found, Some("showed"));
    assert_eq!(
        shown.0, "Mendes was the favourite of young voters",
        "{found:?}"
    );
    let described = report(&found, Some("described"));
    assert_eq!(
        described.0, "the strike as reckless for the economy",
        "{found:?}"
    );
}
