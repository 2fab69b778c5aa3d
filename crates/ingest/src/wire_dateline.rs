//! Wire datelines at the very start of a story: "KYIV, Aug 19 (AFP) - ",
//! "NEW YORK, Jan. 5, 2024 (AP) — ", "Moscow, 19 August 2025 — ", "BEIJING — ".
//!
//! The grammar is deliberately narrow: a place at byte 0, then optionally a date and a
//! parenthesised agency, then a dash. A title-case place needs a date or an agency to count, so
//! an ordinary sentence ("Trump said on Monday (local time) - ...") never matches.

use dateline_core::{ByteSpan, Dateline, PartialDate};

/// Finds a wire dateline at the start of `text`. The span runs from byte 0 through the dash and
/// the whitespace after it; the text is never changed.
pub fn detect_dateline(text: &str) -> Option<Dateline> {
    let mut cursor = Cursor { text, pos: 0 };
    let place = cursor.place()?;
    let date = cursor.attempt(Cursor::comma_date);
    let agency = cursor.attempt(Cursor::agency);
    let dash = cursor.dash()?;
    cursor.skip_while(char::is_whitespace);
    // A bare place needs the typographic dash of "BEIJING — ": with a plain hyphen, all-caps
    // table headings ("CBT METALS REGISTRATIONS - ...") would pass for datelines.
    let bare = date.is_none() && agency.is_none();
    if bare && !(place.all_caps && dash != Dash::Hyphen) {
        return None;
    }
    Some(Dateline {
        span: ByteSpan::new(0, cursor.pos),
        place: Some(text[..place.end].to_string()),
        date,
        agency,
    })
}

/// Which dash closed the dateline.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dash {
    /// "-"
    Hyphen,
    /// "--", the typewriter em dash.
    Double,
    /// "–" or "—".
    Typographic,
}

/// What [`Cursor::place`] found.
struct Place {
    end: usize,
    all_caps: bool,
}

const MAX_PLACE_WORDS: usize = 8;
const MAX_BARE_PLACE_WORDS: usize = 4;
const MAX_PLACE_SEGMENTS: usize = 3;
const MAX_AGENCY_BYTES: usize = 40;
const CONNECTORS: &[&str] = &[
    "de", "da", "do", "del", "della", "di", "la", "le", "el", "al", "of", "upon", "am", "sur",
];
const LOWERCASE_AGENCIES: &[&str] = &["dpa", "efe", "ap", "afp"];

#[derive(Clone, Copy)]
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, literal: &str) -> bool {
        if self.rest().starts_with(literal) {
            self.pos += literal.len();
            true
        } else {
            false
        }
    }

    fn skip_while(&mut self, keep: impl Fn(char) -> bool) -> usize {
        let start = self.pos;
        while let Some(c) = self.peek().filter(|&c| keep(c)) {
            self.pos += c.len_utf8();
        }
        self.pos - start
    }

    /// Runs a sub-parser and keeps its progress only when it succeeds.
    fn attempt<T>(&mut self, parse: impl FnOnce(&mut Cursor<'a>) -> Option<T>) -> Option<T> {
        let mut trial = *self;
        let value = parse(&mut trial)?;
        *self = trial;
        Some(value)
    }

    /// One or more comma-separated segments of capitalised words ("Kyiv, Ukraine").
    fn place(&mut self) -> Option<Place> {
        let (mut words, mut all_caps, mut letters) = self.segment()?;
        for _ in 1..MAX_PLACE_SEGMENTS {
            // A date after the comma ends the place instead of continuing it.
            let mut probe = *self;
            if probe.comma_date().is_some() {
                break;
            }
            let mut trial = *self;
            if !trial.eat(", ") {
                break;
            }
            let Some((more_words, caps, more_letters)) = trial.segment() else {
                break;
            };
            *self = trial;
            words += more_words;
            all_caps &= caps;
            letters += more_letters;
        }
        if words > MAX_PLACE_WORDS || letters < 2 {
            return None;
        }
        Some(Place {
            end: self.pos,
            all_caps: all_caps && words <= MAX_BARE_PLACE_WORDS,
        })
    }

    /// Capitalised words separated by single spaces, with lowercase connectors between them
    /// ("Rio de Janeiro"). Returns (words, all in capitals, letters).
    fn segment(&mut self) -> Option<(usize, bool, usize)> {
        let (mut caps, mut letters) = self.word()?;
        let mut words = 1;
        loop {
            let mut trial = *self;
            if !trial.eat(" ") {
                break;
            }
            let connected = trial
                .attempt(|c| {
                    let word = c.lower_word()?;
                    (CONNECTORS.contains(&word) && c.eat(" ")).then_some(())
                })
                .is_some();
            let Some((word_caps, word_letters)) = trial.word() else {
                break;
            };
            *self = trial;
            words += 1;
            caps &= word_caps && !connected;
            letters += word_letters;
        }
        Some((words, caps, letters))
    }

    /// A word that starts with a capital letter. Returns (all in capitals, letters). Inner hyphens and apostrophes are allowed ("WILKES-BARRE"), trailing periods too ("ST.").
    fn word(&mut self) -> Option<(bool, usize)> {
        if !self.peek().is_some_and(char::is_uppercase) {
            return None;
        }
        let start = self.pos;
        let mut letters = 0;
        let mut caps = true;
        while let Some(c) = self.peek() {
            if c.is_alphabetic() {
                letters += 1;
                caps &= !c.is_lowercase();
            } else if c == '.' {
                // Abbreviations: "ST. LOUIS", "D.C."
            } else if matches!(c, '-' | '\'' | '’') {
                let next = self.rest()[c.len_utf8()..].chars().next();
                if !next.is_some_and(char::is_alphabetic) {
                    break;
                }
            } else {
                break;
            }
            self.pos += c.len_utf8();
        }
        (self.pos > start).then_some((caps, letters))
    }

    fn lower_word(&mut self) -> Option<&'a str> {
        let start = self.pos;
        self.skip_while(|c| c.is_lowercase());
        (self.pos > start).then(|| &self.text[start..self.pos])
    }

    /// ", Aug 19", ", Jan. 5, 2024", ", 19 August 2025".
    fn comma_date(&mut self) -> Option<PartialDate> {
        if !self.eat(", ") {
            return None;
        }
        self.attempt(Cursor::month_first)
            .or_else(|| self.attempt(Cursor::day_first))
    }

    fn month_first(&mut self) -> Option<PartialDate> {
        let month = self.month()?;
        // The day may be missing ("NEW YORK, April - "); then so is the year.
        let Some(day) = self.attempt(|c| {
            c.eat(" ").then_some(())?;
            c.number(1, 31, 2)
        }) else {
            return Some(PartialDate {
                year: None,
                month,
                day: None,
            });
        };
        let year = self.optional_year();
        Some(PartialDate {
            year,
            month,
            day: Some(day),
        })
    }

    fn day_first(&mut self) -> Option<PartialDate> {
        let day = self.number(1, 31, 2)?;
        if !self.eat(" ") {
            return None;
        }
        let month = self.month()?;
        let year = self.optional_year();
        Some(PartialDate {
            year,
            month,
            day: Some(day),
        })
    }

    /// ", 2025" or " 2025" after a day and month, if present.
    fn optional_year(&mut self) -> Option<i32> {
        self.attempt(|c| {
            c.eat(",");
            c.eat(" ").then_some(())?;
            c.year()
        })
    }

    fn year(&mut self) -> Option<i32> {
        let year = self.number(1800, 2200, 4)?;
        i32::try_from(year).ok()
    }

    /// A decimal number of at most `max_digits` digits in `[min, max]`, not followed by a digit
    /// or a letter ("19th" is not a day here: too rare in datelines to be worth the risk).
    fn number(&mut self, min: u32, max: u32, max_digits: usize) -> Option<u32> {
        let start = self.pos;
        let digits = self.skip_while(|c| c.is_ascii_digit());
        if digits == 0 || digits > max_digits || self.peek().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let value: u32 = self.text[start..self.pos].parse().ok()?;
        (min..=max).contains(&value).then_some(value)
    }

    /// A month name or abbreviation, any case, with an optional period ("Sept.", "AUG").
    fn month(&mut self) -> Option<u32> {
        let start = self.pos;
        self.skip_while(|c| c.is_ascii_alphabetic());
        let word = self.text[start..self.pos].to_ascii_lowercase();
        let (month, abbreviated) = month_number(&word)?;
        // Abbreviations may carry a period; full names may not.
        if abbreviated {
            self.eat(".");
        }
        Some(month)
    }

    /// " (Reuters)", "(AFP)".
    fn agency(&mut self) -> Option<String> {
        self.skip_while(|c| c == ' ' || c == '\u{a0}');
        if !self.eat("(") {
            return None;
        }
        let start = self.pos;
        let length = self.skip_while(|c| c != ')' && c != '(' && c != '\n');
        if !self.eat(")") || !(2..=MAX_AGENCY_BYTES).contains(&length) {
            return None;
        }
        let name = &self.text[start..start + length];
        agency_like(name).then(|| name.to_string())
    }

    /// The dash that closes a dateline; hyphens must stand alone so that "NEW-YORKER" is not
    /// split.
    fn dash(&mut self) -> Option<Dash> {
        self.skip_while(|c| c == ' ' || c == '\u{a0}');
        if self.eat("—") || self.eat("–") {
            return Some(Dash::Typographic);
        }
        let dash = if self.eat("--") {
            Dash::Double
        } else if self.eat("-") {
            Dash::Hyphen
        } else {
            return None;
        };
        (self.rest().is_empty() || self.peek().is_some_and(char::is_whitespace)).then_some(dash)
    }
}

fn agency_like(name: &str) -> bool {
    let first_upper = name.chars().next().is_some_and(char::is_uppercase);
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '.' | '&' | '-' | '\'' | '/');
    let words = name.split_whitespace().count();
    let has_letter = name.chars().any(char::is_alphabetic);
    name.chars().all(allowed)
        && has_letter
        && words <= 4
        && (first_upper || LOWERCASE_AGENCIES.contains(&name))
}

/// The month number of a name or abbreviation, and whether it was abbreviated.
fn month_number(word: &str) -> Option<(u32, bool)> {
    const MONTHS: [(&str, &str); 12] = [
        ("jan", "january"),
        ("feb", "february"),
        ("mar", "march"),
        ("apr", "april"),
        ("may", "may"),
        ("jun", "june"),
        ("jul", "july"),
        ("aug", "august"),
        ("sep", "september"),
        ("oct", "october"),
        ("nov", "november"),
        ("dec", "december"),
    ];
    let index = MONTHS.iter().position(|(short, long)| {
        word == *short || word == *long || (*short == "sep" && word == "sept")
    })?;
    let abbreviated = word != MONTHS[index].1;
    Some((u32::try_from(index + 1).ok()?, abbreviated))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (year, month, day) of a dateline's date.
    type Ymd = (Option<i32>, u32, Option<u32>);

    /// Text, expected span text, place, date, agency.
    type Case<'a> = (&'a str, &'a str, &'a str, Option<Ymd>, Option<&'a str>);

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("KYIV, Aug 19 (AFP) - Talks", "KYIV, Aug 19 (AFP) - ", "KYIV", Some((None, 8, Some(19))), Some("AFP")),
        ("WASHINGTON (Reuters) — The", "WASHINGTON (Reuters) — ", "WASHINGTON", None, Some("Reuters")),
        ("Moscow, 19 August 2025 — The", "Moscow, 19 August 2025 — ", "Moscow", Some((Some(2025), 8, Some(19))), None),
        ("LONDON, March 3 (Reuters) -", "LONDON, March 3 (Reuters) -", "LONDON", Some((None, 3, Some(3))), Some("Reuters")),
        ("NEW YORK, Jan. 5, 2024 (AP) — Stocks", "NEW YORK, Jan. 5, 2024 (AP) — ", "NEW YORK", Some((Some(2024), 1, Some(5))), Some("AP")),
        ("BEIJING — China", "BEIJING — ", "BEIJING", None, None),
        ("Kyiv, Ukraine, Aug. 19 (AFP) – Russia", "Kyiv, Ukraine, Aug. 19 (AFP) – ", "Kyiv, Ukraine", Some((None, 8, Some(19))), Some("AFP")),
        ("SALVADOR, Feb 26 - Showers", "SALVADOR, Feb 26 - ", "SALVADOR", Some((None, 2, Some(26))), None),
        ("ST. LOUIS, Sept. 3 -- Rain", "ST. LOUIS, Sept. 3 -- ", "ST. LOUIS", Some((None, 9, Some(3))), None),
        ("Rio de Janeiro (Reuters) - Brazil", "Rio de Janeiro (Reuters) - ", "Rio de Janeiro", None, Some("Reuters")),
        ("BERLIN (dpa) - Merz", "BERLIN (dpa) - ", "BERLIN", None, Some("dpa")),
        ("NEW YORK, April - Rich Inc", "NEW YORK, April - ", "NEW YORK", Some((None, 4, None)), None),
        ("WASHINGTON, D.C., May 4 -- X", "WASHINGTON, D.C., May 4 -- ", "WASHINGTON, D.C.", Some((None, 5, Some(4))), None),
    ];

    #[test]
    fn wire_forms() {
        for &(text, span, place, date, agency) in CASES {
            let found = detect_dateline(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(&text[found.span.range()], span, "{text}");
            assert_eq!(found.place.as_deref(), Some(place), "{text}");
            assert_eq!(found.date.map(|d| (d.year, d.month, d.day)), date, "{text}");
            assert_eq!(found.agency.as_deref(), agency, "{text}");
        }
    }

    #[test]
    fn ordinary_sentences_do_not_match() {
        for text in [
            "Trump said on Monday (local time) - that talks would go on.",
            "Moscow — the capital — was quiet.",
            "The talks (AFP) - went on.",
            "Prices rose. LONDON (Reuters) - ",
            " LONDON (Reuters) - leading space",
            "WILKES-BARRE is a city.",
            "LONDON-based firms said",
            "May 5 was a Monday - or so.",
            "A - B",
            "CBT METALS REGISTRATIONS - wheat",
            "Moscow, Russia - the capital",
            "",
        ] {
            assert!(detect_dateline(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn full_date_converts() {
        let found = detect_dateline("Moscow, 19 August 2025 — x").unwrap();
        assert_eq!(
            found
                .date
                .and_then(PartialDate::to_date)
                .unwrap()
                .to_string(),
            "2025-08-19"
        );
    }
}
