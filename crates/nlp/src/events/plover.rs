//! PLOVER's tense and intent conventions, which change an event's type by how it is presented
//! rather than by its trigger word (PLOVER manual, draft 0.8, sections AGREE, CONCEDE and
//! RETREAT, and "special cases"):
//!
//! - CONSULT, SUPPORT, COOPERATE and AID that are promised, offered or in the future are AGREE
//!   ("will visit", "agreed to meet", "is ready to provide aid"), CAMEO 03x "express intent to".
//! - A promised, offered or future RETREAT, and a promised or offered CONCEDE, is AGREE with
//!   CAMEO 035x "express intent to yield" ("agreed to lift the embargo", "is prepared to lift
//!   the ban", "said they will release the hostages"). The manual's text would make announced
//!   retreats CONCEDE, but its own CAMEO2PLOVER table maps 035x to AGREE, and so does the
//!   gold standard record; we follow the table, so that our CAMEO code and PLOVER type agree.
//! - A promised or announced hostile act (ASSAULT, COERCE, SANCTION, MOBILIZE, PROTEST) is
//!   THREATEN, CAMEO 13x, when the actor says it: under a verb of intent ("vowed to retaliate")
//!   or in the actor's reported speech ("Moscow will impose sanctions, the Kremlin said"). A
//!   writer's forecast ("NATO will deploy more troops") keeps its type, with its modality.
//! - An act not yet done that someone says will hang on the other side's conduct is THREATEN,
//!   CAMEO 13x: a hostile act under "unless" or "if" ("may cut off aid if the attacks go on"),
//!   a withdrawal or rejection under "unless" ("will withdraw its force unless …").
//! - A CONCEDE in the plain future ("will lift the curfew") stays CONCEDE, as the manual says.
//!
//! The lexicon codes each trigger by what the act is when it happens; this module is the only
//! place that recodes, and every recoding is named in the event's `why`.

use dateline_core::Modality;

use super::arguments::Condition;
use super::lexicon::{Lexicon, Trigger};

/// What an event is coded as: type, mode, CAMEO code and Goldstein score.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Coding {
    pub event_type: &'static str,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub goldstein_tenths: Option<i32>,
    /// The convention applied, when the coding is not the trigger's own.
    pub rule: Option<&'static str>,
    /// How the coding relates to the trigger's own.
    pub recoding: Recoding,
}

/// How a coding relates to its trigger's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Recoding {
    /// The trigger's own type.
    Own,
    /// An intent (AGREE, CONCEDE, THREATEN) to do the trigger's act.
    Intent,
    /// A refusal (REJECT) of the act: the negation is the event, so it is no longer negative.
    Refusal,
    /// A demand (REQUEST) by the speaker that the clause's subject do the act: the speaker is
    /// the source, the subject the target.
    Demand,
}

impl Coding {
    fn of(trigger: &Trigger) -> Coding {
        Coding {
            event_type: trigger.event_type,
            mode: trigger.mode.clone(),
            cameo: trigger.cameo.clone(),
            goldstein_tenths: trigger.goldstein_tenths,
            rule: None,
            recoding: Recoding::Own,
        }
    }
}

/// How an event is presented, as far as PLOVER's conventions care.
#[derive(Debug, Clone, Copy)]
pub(super) struct Presentation {
    pub modality: Modality,
    /// The act is made to hang on the target's conduct: "will withdraw unless …", "may halt
    /// mediation if …".
    pub condition: Option<Condition>,
    /// Inside someone's reported speech, whoever the speaker.
    pub reported: bool,
    /// Inside reported speech (a quote, or the complement of a speech verb) whose speaker is
    /// the event's own source: an announcement, offer or threat.
    pub announced_by_actor: bool,
    /// Negated ("will not meet", "did not agree").
    pub negated: bool,
    /// Under "must" or "should" in someone else's reported speech ("Russia said Sudan must
    /// return the helicopter").
    pub demanded: bool,
}

/// The coding of an event whose trigger is `trigger`; `inner` is the trigger of its open
/// complement when the trigger is a verb of intent or agreement ("agreed to meet": "agree"
/// and "meet").
pub(super) fn code(
    lexicon: &Lexicon,
    trigger: &Trigger,
    inner: Option<&Trigger>,
    presentation: Presentation,
) -> Coding {
    // The act the event is about: under a verb of agreement, the complement's.
    let act = match inner {
        Some(inner) if trigger.event_type == "AGREE" => inner,
        _ => trigger,
    };
    if presentation.demanded {
        if let Some(coding) = demand(lexicon, act) {
            return coding;
        }
    }
    let coding = tense_coding(lexicon, trigger, inner, presentation);
    // "will not meet", "did not agree to withdraw", "will never accept these demands": a
    // refusal, not a negated promise.
    let promised = coding.recoding == Recoding::Intent
        || presentation.announced_by_actor
        || matches!(
            presentation.modality,
            Modality::Planned | Modality::Proposed
        );
    let refusable = coding.event_type == "AGREE" || (coding.event_type == "CONCEDE" && promised);
    if presentation.negated && refusable {
        return refusal(lexicon, act);
    }
    coding
}

fn tense_coding(
    lexicon: &Lexicon,
    trigger: &Trigger,
    inner: Option<&Trigger>,
    presentation: Presentation,
) -> Coding {
    let own = Coding::of(trigger);
    if let Some(inner) = inner {
        // "agreed to meet", "promised to withdraw", "vowed to retaliate": the promise of an act.
        if trigger.event_type == "AGREE" {
            return intent(lexicon, inner, true).unwrap_or(own);
        }
        return own;
    }
    let future = matches!(
        presentation.modality,
        Modality::Planned | Modality::Proposed
    );
    let announced = presentation.announced_by_actor
        && matches!(
            presentation.modality,
            Modality::Planned | Modality::Proposed | Modality::Conditional
        );
    if let Some(coding) = conditional_threat(lexicon, trigger, presentation) {
        return coding;
    }
    match trigger.event_type {
        "CONSULT" | "SUPPORT" | "COOPERATE" | "AID" | "RETREAT" if future || announced => {
            intent(lexicon, trigger, false).unwrap_or(own)
        }
        "CONCEDE" if presentation.modality == Modality::Proposed || announced => {
            intent(lexicon, trigger, false).unwrap_or(own)
        }
        "ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" | "PROTEST" if announced => {
            intent(lexicon, trigger, false).unwrap_or(own)
        }
        _ => own,
    }
}

/// "will recall its troops unless the junta frees the prisoners", "may cut off aid if the attacks
/// go on": a hostile act, or a withdrawal or rejection, that is not yet done and is made to hang on
/// what the other side does is a threat (CAMEO 13: "coercive or forceful warnings with serious
/// potential repercussions"). "If" makes a threat only of a hostile act: "will lift sanctions if
/// Iran complies" is an offer.
fn conditional_threat(
    lexicon: &Lexicon,
    act: &Trigger,
    presentation: Presentation,
) -> Option<Coding> {
    let condition = presentation.condition?;
    // A threat is said by someone; the writer's "if talks fail, Moscow could impose
    // sanctions" is a forecast.
    if !presentation.reported {
        return None;
    }
    let not_done = matches!(
        presentation.modality,
        Modality::Planned | Modality::Proposed | Modality::Hypothetical
    );
    let hostile = matches!(
        act.event_type,
        "ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" | "PROTEST"
    );
    let yielding_or_refusing = matches!(act.event_type, "RETREAT" | "REJECT");
    let threat = match condition {
        Condition::Unless => hostile || yielding_or_refusing,
        Condition::If => hostile,
    };
    if !not_done || !threat {
        return None;
    }
    // Only threat codes (13x): a withdrawal threatened is CAMEO 136, "threaten to halt
    // international involvement".
    let cameo = match act.cameo.as_deref().and_then(intent_code) {
        Some(code) if code.starts_with("13") => code,
        _ if act.event_type == "RETREAT" => "136",
        _ => "130",
    };
    Some(Coding {
        event_type: "THREATEN",
        mode: Some(threat_mode(act).to_string()),
        cameo: Some(cameo.to_string()),
        goldstein_tenths: goldstein(lexicon, cameo),
        rule: Some("CAMEO: an act made to hang on the other side's conduct is a threat"),
        recoding: Recoding::Intent,
    })
}

/// PLOVER's REQUEST/REJECT mode and the CAMEO demand (10x) and rejection (12x) codes for an
/// act: (mode, demand code, rejection code).
fn request_frame(act: &Trigger) -> (Option<&'static str>, &'static str, &'static str) {
    let code = act.cameo.as_deref().unwrap_or("");
    match act.event_type {
        "CONSULT" => (Some("meet"), "108", "125"),
        "SUPPORT" => (Some("assist"), "102", "120"),
        "COOPERATE" => (Some("assist"), "100", "121"),
        "AID" => (Some("assist"), "103", "122"),
        "RETREAT" | "CONCEDE" => {
            let demand = match code {
                c if c.starts_with("0874") => "106",
                c if c.starts_with("081") => "1051",
                c if c.starts_with("084") => "1053",
                c if c.starts_with("085") => "1054",
                c if c.starts_with("086") => "1055",
                c if c.starts_with("087") => "1056",
                _ => "100",
            };
            (Some("yield"), demand, "124")
        }
        "AGREE" if code == "036" => (Some("meet"), "108", "125"),
        _ => (None, "100", "120"),
    }
}

/// "Sudan must return the helicopter, Russia said": the speaker demands the act.
fn demand(lexicon: &Lexicon, act: &Trigger) -> Option<Coding> {
    if matches!(
        act.event_type,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST"
    ) {
        return None;
    }
    let (mode, cameo, _) = request_frame(act);
    Some(Coding {
        event_type: "REQUEST",
        mode: mode.map(str::to_string),
        cameo: Some(cameo.to_string()),
        goldstein_tenths: goldstein(lexicon, cameo),
        rule: Some("PLOVER: what a speaker says another must do is a demand, REQUEST"),
        recoding: Recoding::Demand,
    })
}

/// "will not meet", "refused to withdraw": a rejection of the act.
fn refusal(lexicon: &Lexicon, act: &Trigger) -> Coding {
    let (mode, _, cameo) = request_frame(act);
    Coding {
        event_type: "REJECT",
        mode: mode.map(str::to_string),
        cameo: Some(cameo.to_string()),
        goldstein_tenths: goldstein(lexicon, cameo),
        rule: Some("PLOVER: a refused or negated promise is REJECT"),
        recoding: Recoding::Refusal,
    }
}

/// The intent coding of an act: AGREE, CONCEDE or THREATEN with the CAMEO 03x or 13x code
/// for it; `None` for types that have none (REQUEST, ACCUSE, …). `promised`: under a verb of
/// promise or agreement, rather than in the future tense or announced.
fn intent(lexicon: &Lexicon, act: &Trigger, promised: bool) -> Option<Coding> {
    let (event_type, rule) = match (act.event_type, promised) {
        ("CONSULT" | "SUPPORT" | "COOPERATE" | "AID", true) => (
            "AGREE",
            "PLOVER: a promised or agreed cooperative act is AGREE",
        ),
        ("CONSULT" | "SUPPORT" | "COOPERATE" | "AID", false) => (
            "AGREE",
            "PLOVER: a future or offered cooperative act is AGREE",
        ),
        ("RETREAT" | "CONCEDE", true) => {
            ("AGREE", "CAMEO2PLOVER: a promise to yield (035) is AGREE")
        }
        ("RETREAT" | "CONCEDE", false) => {
            ("AGREE", "CAMEO2PLOVER: an intent to yield (035) is AGREE")
        }
        ("ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" | "PROTEST", true) => {
            ("THREATEN", "PLOVER: a vowed hostile act is THREATEN")
        }
        ("ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" | "PROTEST", false) => (
            "THREATEN",
            "PLOVER: a hostile act its actor announces is THREATEN",
        ),
        _ => return None,
    };
    let cameo = act
        .cameo
        .as_deref()
        .and_then(intent_code)
        .map(str::to_string);
    let goldstein_tenths = cameo.as_deref().and_then(|c| goldstein(lexicon, c));
    let mode = (event_type == "THREATEN").then(|| threat_mode(act).to_string());
    Some(Coding {
        event_type,
        mode,
        cameo,
        goldstein_tenths,
        rule: Some(rule),
        recoding: Recoding::Intent,
    })
}

/// PLOVER's THREATEN mode for the act threatened: violence, arrest, expel, territory,
/// relations or restrict (the manual's THREATEN modes).
fn threat_mode(act: &Trigger) -> &'static str {
    let code = act.cameo.as_deref().unwrap_or("");
    match (act.event_type, act.mode.as_deref()) {
        ("ASSAULT" | "MOBILIZE", _) => "violence",
        (_, Some("arrest" | "detain")) => "arrest",
        (_, Some("expel" | "deport")) => "expel",
        (_, Some("seize" | "occupy")) => "territory",
        ("SANCTION", _) if code.starts_with("166") => "expel",
        ("RETREAT", _) => "expel",
        ("REJECT", _) => "relations",
        ("SANCTION", _) if code.starts_with("163") => "restrict",
        ("SANCTION", _) => "relations",
        _ => "restrict",
    }
}

/// CAMEO's "express intent to" (03x) or "threaten" (13x) code for an act's code.
fn intent_code(act: &str) -> Option<&'static str> {
    let code = match act {
        // Material cooperation, aid and yielding have specific intents.
        c if c.starts_with("061") => "0311",
        c if c.starts_with("062") => "0312",
        c if c.starts_with("063") => "0313",
        c if c.starts_with("064") => "0314",
        c if c.starts_with("071") => "0331",
        c if c.starts_with("072") => "0332",
        c if c.starts_with("073") => "0333",
        c if c.starts_with("074") => "0334",
        c if c.starts_with("081") => "0351",
        c if c.starts_with("082") => "0352",
        c if c.starts_with("083") => "034",
        c if c.starts_with("084") => "0353",
        c if c.starts_with("085") => "0354",
        c if c.starts_with("086") => "0355",
        c if c.starts_with("087") => "0356",
        c if c.starts_with("161") => "1313",
        c if c.starts_with("162") => "1311",
        c if c.starts_with("163") => "1312",
        c if c.starts_with("164") => "134",
        c if c.starts_with("165") => "135",
        c if c.starts_with("166") => "136",
        c if c.starts_with("14") => "133",
        c if c.starts_with("204") => "1385",
        c if c.starts_with("19") || c.starts_with("18") => "1384",
        c if c.starts_with("04") => "036",
        c if c.starts_with("05") => "032",
        c if c.starts_with("06") => "031",
        c if c.starts_with("07") => "033",
        c if c.starts_with("08") => "035",
        c if c.starts_with("16") => "131",
        c if c.starts_with("17") => "137",
        c if c.starts_with("15") || c.starts_with("20") => "138",
        _ => return None,
    };
    Some(code)
}

/// A code's Goldstein score as the lexicon gives it, else its three-digit parent's, else its
/// root's ("0353" → "035" → "030").
fn goldstein(lexicon: &Lexicon, code: &str) -> Option<i32> {
    let parent = code.get(..3)?;
    let root = format!("{}0", code.get(..2)?);
    lexicon
        .goldstein_of(code)
        .or_else(|| lexicon.goldstein_of(parent))
        .or_else(|| lexicon.goldstein_of(&root))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(event_type: &'static str, cameo: &str) -> Trigger {
        Trigger {
            phrase: "x".to_string(),
            noun: false,
            event_type,
            mode: None,
            cameo: Some(cameo.to_string()),
            goldstein_tenths: Some(10),
            targets: Vec::new(),
        }
    }

    fn lexicon() -> &'static Lexicon {
        Lexicon::bundled().expect("the bundled lexicon")
    }

    fn presented(modality: Modality, by_actor: bool) -> Presentation {
        Presentation {
            modality,
            condition: None,
            reported: by_actor,
            announced_by_actor: by_actor,
            negated: false,
            demanded: false,
        }
    }

    #[test]
    fn future_cooperation_and_future_retreat_are_intents_agree() {
        let visit = trigger("CONSULT", "042");
        let coding = code(lexicon(), &visit, None, presented(Modality::Planned, false));
        assert_eq!(
            (coding.event_type, coding.cameo.as_deref()),
            ("AGREE", Some("036"))
        );
        assert!(coding.rule.is_some());
        let withdraw = trigger("RETREAT", "0874");
        let coding = code(
            lexicon(),
            &withdraw,
            None,
            presented(Modality::Planned, true),
        );
        assert_eq!(
            (coding.event_type, coding.cameo.as_deref()),
            ("AGREE", Some("0356"))
        );
    }

    #[test]
    fn asserted_and_past_acts_keep_their_type() {
        let visit = trigger("CONSULT", "042");
        for modality in [
            Modality::Asserted,
            Modality::Reported,
            Modality::Hypothetical,
        ] {
            let coding = code(lexicon(), &visit, None, presented(modality, true));
            assert_eq!(coding, Coding::of(&visit));
        }
    }

    #[test]
    fn acts_hung_on_the_other_sides_conduct_are_threats() {
        let on = |condition, modality| Presentation {
            condition: Some(condition),
            reported: true,
            ..presented(modality, false)
        };
        // "will recall its troops unless the junta frees the prisoners"
        let withdraw = trigger("RETREAT", "0874");
        let threat = code(
            lexicon(),
            &withdraw,
            None,
            on(Condition::Unless, Modality::Planned),
        );
        assert_eq!(
            (
                threat.event_type,
                threat.cameo.as_deref(),
                threat.mode.as_deref()
            ),
            ("THREATEN", Some("136"), Some("expel"))
        );
        // "may halt its mediation if the attacks go on"
        let halt = trigger("SANCTION", "165");
        let threat = code(
            lexicon(),
            &halt,
            None,
            on(Condition::If, Modality::Hypothetical),
        );
        assert_eq!(
            (threat.event_type, threat.cameo.as_deref()),
            ("THREATEN", Some("135"))
        );
        // "will lift sanctions if Iran complies" is an offer; a past act under "if" is no threat.
        let lift = trigger("RETREAT", "085");
        let offer = code(lexicon(), &lift, None, on(Condition::If, Modality::Planned));
        assert_eq!(offer.event_type, "AGREE");
        let done = code(
            lexicon(),
            &halt,
            None,
            on(Condition::If, Modality::Asserted),
        );
        assert_eq!(done.event_type, "SANCTION");
        let forecast = Presentation {
            reported: false,
            ..on(Condition::If, Modality::Hypothetical)
        };
        assert_eq!(
            code(lexicon(), &halt, None, forecast).event_type,
            "SANCTION"
        );
    }

    #[test]
    fn hostile_acts_are_threats_only_when_their_actor_announces_them() {
        let sanction = trigger("SANCTION", "163");
        let forecast = code(
            lexicon(),
            &sanction,
            None,
            presented(Modality::Planned, false),
        );
        assert_eq!(forecast.event_type, "SANCTION");
        let announced = code(
            lexicon(),
            &sanction,
            None,
            presented(Modality::Planned, true),
        );
        assert_eq!(announced.mode.as_deref(), Some("restrict"));
        assert_eq!(
            (announced.event_type, announced.cameo.as_deref()),
            ("THREATEN", Some("1312"))
        );
        let vow = trigger("AGREE", "030");
        let attack = trigger("ASSAULT", "190");
        let vowed = code(
            lexicon(),
            &vow,
            Some(&attack),
            presented(Modality::Asserted, false),
        );
        assert_eq!(
            (vowed.event_type, vowed.cameo.as_deref()),
            ("THREATEN", Some("1384"))
        );
    }

    #[test]
    fn an_agreement_to_meet_is_an_intent_to_meet() {
        let agree = trigger("AGREE", "030");
        let meet = trigger("CONSULT", "040");
        let coding = code(
            lexicon(),
            &agree,
            Some(&meet),
            presented(Modality::Asserted, false),
        );
        assert_eq!(
            (coding.event_type, coding.cameo.as_deref()),
            ("AGREE", Some("036"))
        );
        let refuse = trigger("REJECT", "120");
        let coding = code(
            lexicon(),
            &refuse,
            Some(&meet),
            presented(Modality::Asserted, false),
        );
        assert_eq!(coding, Coding::of(&refuse));
    }
}
