//! Properties of the wire-dateline detector on arbitrary text.

use dateline_ingest::detect_dateline;
use proptest::prelude::*;

fn check(text: &str) -> Result<(), TestCaseError> {
    if let Some(dateline) = detect_dateline(text) {
        let range = dateline.span.range();
        prop_assert_eq!(range.start, 0);
        prop_assert!(text.is_char_boundary(range.end));
        prop_assert!(range.end <= text.len());
        let place = dateline.place.unwrap_or_default();
        prop_assert!(text.starts_with(&place));
    }
    Ok(())
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,80}") {
        check(&text)?;
    }

    #[test]
    fn spans_are_prefixes_on_dateline_like_text(
        place in "[A-Z][A-Za-z]{1,8}( [A-Z][a-z]{1,6})?",
        date in "(, (Jan|Sept\\.|Aug|March|19 August)( [0-9]{1,2})?(, 20[0-9]{2})?)?",
        agency in "( \\((AFP|Reuters|AP|[A-Za-z]{1,5})\\))?",
        dash in " ?(-|--|–|—|—) ?",
        rest in "[A-Za-zé ,.]{0,20}",
    ) {
        let text = format!("{place}{date}{agency}{dash}{rest}");
        check(&text)?;
    }
}
