//! Entities: mentions (names, titles standing for people, descriptions of groups and unnamed
//! sources, pronouns), linked to the KB, clustered within the document and coded as actors.
//!
//! Reads tokens, tags, lemmas, dependencies and the recognizer's names; writes
//! `annotations.entities`. The steps, in order:
//! 1. names — the recognizer's names and the KB names it missed, extended leftwards over titles
//!    and country words ("U.S. Treasury Secretary Scott Bessent"), with appositive roles and
//!    ages ("Anton, a 32-year-old warehouse worker");
//! 2. titles alone — "the Russian leader", "the U.S. president": the office holder on the
//!    article's date when the KB knows one, else the last person seen with that title
//!    ([`coreference`]);
//! 3. descriptions — noun phrases headed by a KB role noun ("three sources familiar with …",
//!    "a U.S. defense official", "European military chiefs");
//! 4. third-person pronouns ("he replied", "told him", "his visit") — the last person
//!    mentioned ([`coreference`]);
//! 5. clustering (same KB entry; a surname or first name of an earlier person) and coding
//!    (country, sector on the date, CAMEO-style code) — [`coding`].

mod coding;
mod coreference;
mod descriptions;
mod gender;
mod mentions;
mod modifiers;
mod place_names;
mod short_text;
mod view;

pub use short_text::{code_short_text, ActorGuess};

use dateline_core::{Doc, Entity};

use crate::gazetteer::Gazetteer;
use crate::kb::Kb;
use view::View;

/// Finds, links, clusters and codes the entities of `doc` (after tagging, parsing and name
/// recognition) and writes `annotations.entities`. With a gazetteer, a name the KB does not
/// know takes the country of a town or division it names ("Mariupol", "Kano State government").
pub fn resolve(doc: &mut Doc, kb: &Kb, gazetteer: Option<&Gazetteer>) {
    let day = doc.meta().published.as_ref().map(|p| {
        use chrono::Datelike;
        let date = p.date();
        crate::kb::PartialDate {
            year: date.year().clamp(0, 9999) as u16,
            month: Some(date.month() as u8),
            day: Some(date.day() as u8),
        }
        .first_day()
    });
    let entities: Vec<Entity> = {
        let view = View::new(doc, kb);
        let drafts = mentions::collect(&view, kb, day);
        coding::finish(&view, kb, gazetteer, day, drafts)
    };
    doc.annotations_mut().entities = entities;
}
