//! Character normalization shared by the models' features: curly quotes and apostrophes (and
//! their look-alikes) become ASCII ones, so "n’t" and "n't", “ and " are one word to every model.

/// The ASCII form of a quote or apostrophe character; any other character is returned as is.
pub(crate) fn straight_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_agree() {
        let straight: String = "n’t “yes” ‘no’".chars().map(straight_quote).collect();
        assert_eq!(straight, "n't \"yes\" 'no'");
    }
}
