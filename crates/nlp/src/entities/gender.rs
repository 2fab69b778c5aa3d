//! Given names that news uses for one gender (`data/lexicon/given-names.tsv`, compiled in), so
//! that "she" is never resolved to "Donald Trump". Names used for both are deliberately absent.

use std::collections::HashMap;
use std::sync::OnceLock;

const GIVEN_NAMES: &str = include_str!("../../../../data/lexicon/given-names.tsv");

fn names() -> &'static HashMap<&'static str, char> {
    static NAMES: OnceLock<HashMap<&'static str, char>> = OnceLock::new();
    NAMES.get_or_init(|| {
        GIVEN_NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1) // header
            .filter_map(|line| {
                let (name, gender) = line.split_once('\t')?;
                let gender = gender
                    .trim()
                    .chars()
                    .next()
                    .filter(|g| matches!(g, 'f' | 'm'))?;
                Some((name.trim(), gender))
            })
            .collect()
    })
}

/// The gender a full name's first word implies, if the lexicon knows it.
pub(crate) fn gender_of_name(full_name: &str) -> Option<char> {
    let first = full_name.split([' ', '-']).next()?;
    names().get(first).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_give_gender() {
        assert_eq!(gender_of_name("Karoline Leavitt"), Some('f'));
        assert_eq!(gender_of_name("Donald Trump"), Some('m'));
        assert_eq!(gender_of_name("Leavitt"), None);
        assert!(names().len() > 1000);
    }
}
