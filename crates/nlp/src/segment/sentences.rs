//! Sentence boundaries inside one paragraph, decided over its tokens.
//!
//! A boundary can only fall after a terminator (". ! ? …" or a word that keeps its period) and the
//! closing quotes and brackets glued to it, before a bullet, or before the next item of a
//! numbered list. Whether it does is decided by the next word: lowercase never starts a sentence,
//! and after abbreviations the class in `abbreviations.tsv` decides.

use dateline_core::{QuoteSide, Token, TokenKind};

use super::lexicon::{AbbrevClass, Lexicon};
use super::tokenize::is_letter_period_run;

/// Indices of the tokens that start a new sentence, after the first one.
pub(crate) fn sentence_starts(text: &str, tokens: &[Token]) -> Vec<usize> {
    Splitter {
        text,
        tokens,
        lexicon: Lexicon::get(),
    }
    .run()
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lexicon: &'static Lexicon,
}

/// A numbered or lettered list item marker ("1.", "2.)", "a.", "3)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ListMarker {
    style: MarkerStyle,
    value: u32,
    /// Number of tokens the marker spans.
    len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    Digit,
    Lower,
    Upper,
}

impl<'a> Splitter<'a> {
    fn run(&self) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut sentence_start = 0;
        let mut list: Option<ListMarker> = None;
        let mut i = 0;
        while i < self.tokens.len() {
            if i > sentence_start && self.breaks_before(i, list) {
                starts.push(i);
                sentence_start = i;
            }
            if i == sentence_start {
                let marker_at = if self.is_bullet(i) { i + 1 } else { i };
                if let Some(marker) = self.list_marker(marker_at) {
                    list = Some(marker);
                    i = marker_at + marker.len;
                    continue;
                }
            }
            match self.terminator_end(i) {
                Some(Terminator { last, split_before }) => {
                    if let Some(next) = split_before {
                        if next < self.tokens.len() && next > sentence_start {
                            starts.push(next);
                            sentence_start = next;
                        }
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        starts
    }

    fn token(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.span.range()])
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// True when whitespace separates token `i` from the token before it.
    fn space_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) {
            (Some(prev), Some(cur)) => prev.span.end < cur.span.start,
            _ => true,
        }
    }

    /// "… at the ceremony Image: NASA." — a photo credit after a caption starts a sentence even
    /// when the caption has no final period.
    fn is_credit_label(&self, i: usize) -> bool {
        CREDIT_LABELS.contains(&self.token(i))
            && self.token(i + 1) == ":"
            && !self.space_before(i + 1)
    }

    fn is_bullet(&self, i: usize) -> bool {
        matches!(
            self.token(i),
            "•" | "⁃" | "▪" | "◦" | "‣" | "·" | "●" | "■" | "►"
        )
    }

    /// A bullet or the next list item starts a new sentence even without a terminator.
    fn breaks_before(&self, i: usize, list: Option<ListMarker>) -> bool {
        if self.is_bullet(i) && self.space_before(i) {
            return true;
        }
        if self.is_credit_label(i) && self.space_before(i) {
            return true;
        }
        let Some(current) = list else { return false };
        match self.list_marker(i) {
            Some(next) => {
                next.style == current.style
                    && next.value == current.value + 1
                    && self.space_before(i)
                    && self.starts_upper(i + next.len)
            }
            None => false,
        }
    }

    fn list_marker(&self, i: usize) -> Option<ListMarker> {
        let word = self.token(i);
        let (style, value) = marker_value(word.trim_end_matches('.'))?;
        let mut len = 1;
        let glued = |j: usize| !self.space_before(j) && j < self.tokens.len();
        if !word.ends_with('.') {
            match self.token(i + 1) {
                "." | ")" if glued(i + 1) => len += 1,
                _ => return None,
            }
        }
        if self.token(i + len) == ")" && glued(i + len) && self.token(i + len - 1) != ")" {
            len += 1;
        }
        let followed_by_space = self.space_before(i + len) && i + len < self.tokens.len();
        (followed_by_space && self.kind(i + len) != Some(TokenKind::Punct)).then_some(ListMarker {
            style,
            value,
            len,
        })
    }

    fn starts_upper(&self, i: usize) -> bool {
        self.token(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
    }

    /// If token `i` can end a sentence, where its closers end and where the next sentence would
    /// start when the boundary is real.
    fn terminator_end(&self, i: usize) -> Option<Terminator> {
        let token = self.tokens.get(i)?;
        let word = self.token(i);
        match token.kind {
            TokenKind::Punct if word == "." => Some(self.period(i)),
            TokenKind::Punct if is_exclamation_or_question(word) => {
                let last = self.closers_end(i);
                Some(self.decide(i, last, Opener::Capital))
            }
            TokenKind::Punct if is_ellipsis(word) => {
                let last = self.closers_end(i);
                let dots = word
                    .chars()
                    .map(|c| if c == '…' { 3 } else { 1 })
                    .sum::<usize>();
                let quoted = last > i;
                let opener = if dots >= 4 || quoted {
                    Opener::Capital
                } else {
                    Opener::Never
                };
                Some(self.decide(i, last, opener))
            }
            TokenKind::Word if word.len() > 1 && word.ends_with('.') => {
                let last = self.closers_end(i);
                Some(self.decide(i, last, self.abbreviation_opener(i, word)))
            }
            _ => None,
        }
    }

    /// A lone period, or the first of a spaced ellipsis ". . .".
    fn period(&self, i: usize) -> Terminator {
        let mut last_dot = i;
        while self.token(last_dot + 1) == "." && self.single_space_before(last_dot + 1) {
            last_dot += 1;
        }
        let dots = last_dot - i + 1;
        if dots == 1 {
            let last = self.closers_end(i);
            return self.decide(i, last, Opener::CapitalOrDigit);
        }
        let attached = !self.space_before(i) && i > 0;
        if attached {
            // "compounds. . . . The": the glued period ends the sentence and the ellipsis opens
            // the next one, as in quoted prose.
            let after = self.closers_end(last_dot);
            let next = after + 1;
            let split = self.space_before(next) && self.starts_upper_after_openers(next);
            return Terminator {
                last: after,
                split_before: split.then_some(i + 1),
            };
        }
        let last = self.closers_end(last_dot);
        let opener = if dots >= 4 {
            Opener::Capital
        } else {
            Opener::Never
        };
        self.decide(last_dot, last, opener)
    }

    fn single_space_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) {
            (Some(prev), Some(cur)) => {
                &self.text[prev.span.end as usize..cur.span.start as usize] == " "
            }
            _ => false,
        }
    }

    /// What must follow a word with a period for the period to end the sentence.
    fn abbreviation_opener(&self, i: usize, word: &str) -> Opener {
        let stem = &word[..word.len() - 1];
        if let Some(class) = self.lexicon.abbreviation(stem) {
            return match class {
                AbbrevClass::Prefix => Opener::Never,
                AbbrevClass::Number => Opener::StarterNotDigit,
                AbbrevClass::Time => Opener::AfterTime,
                AbbrevClass::Suffix => Opener::Starter,
            };
        }
        let mut chars = stem.chars();
        if let (Some(letter), None) = (chars.next(), chars.next()) {
            if !letter.is_uppercase() {
                return Opener::CapitalOrDigit;
            }
            let prev_lowercase = self
                .token(i.wrapping_sub(1))
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if letter == 'I' && prev_lowercase {
                return Opener::CapitalOrDigit;
            }
            let prev_capitalized =
                i > 0 && self.starts_upper(i - 1) && self.kind(i - 1) == Some(TokenKind::Word);
            return if prev_capitalized {
                Opener::Never
            } else {
                Opener::Starter
            };
        }
        if is_letter_period_run(stem) {
            Opener::Starter
        } else {
            Opener::CapitalOrDigit
        }
    }

    /// The last of the closing quotes and brackets glued to token `i`.
    fn closers_end(&self, i: usize) -> usize {
        let mut last = i;
        while let Some(next) = self.tokens.get(last + 1) {
            let word = self.token(last + 1);
            let closer = match next.kind {
                TokenKind::Quote(QuoteSide::Close) => true,
                TokenKind::Quote(QuoteSide::Unknown) => !self.space_before(last + 1),
                TokenKind::Punct => matches!(word, ")" | "]" | "}"),
                _ => false,
            };
            if !closer || self.space_before(last + 1) {
                break;
            }
            last += 1;
        }
        last
    }

    fn starts_upper_after_openers(&self, mut i: usize) -> bool {
        while self.is_opener(i) {
            i += 1;
        }
        self.starts_upper(i)
    }

    fn is_opener(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(TokenKind::Quote(QuoteSide::Open | QuoteSide::Unknown)) => true,
            Some(TokenKind::Punct) => matches!(self.token(i), "(" | "[" | "{"),
            _ => false,
        }
    }

    /// Applies `opener` to what follows the terminator at `term` and its closers up to `last`.
    fn decide(&self, term: usize, last: usize, opener: Opener) -> Terminator {
        let next = last + 1;
        let no_split = Terminator {
            last,
            split_before: None,
        };
        if next >= self.tokens.len() || !self.space_before(next) {
            return no_split;
        }
        if self.is_bullet(next) {
            return Terminator {
                last,
                split_before: Some(next),
            };
        }
        let mut content = next;
        while self.is_opener(content) {
            content += 1;
        }
        let word = self.token(content);
        let Some(first) = word.chars().next() else {
            return no_split;
        };
        if first.is_lowercase() {
            return no_split;
        }
        let quoted = (term + 1..=last).any(|j| matches!(self.kind(j), Some(TokenKind::Quote(_))));
        if quoted && self.is_speech_tag(content) {
            return no_split;
        }
        let capital = first.is_uppercase();
        let digit = first.is_ascii_digit() || matches!(first, '$' | '€' | '£');
        let split = match opener {
            Opener::Never => false,
            Opener::Capital => capital || digit,
            Opener::CapitalOrDigit => capital || digit,
            Opener::Starter => {
                self.lexicon.is_sentence_starter(word) || (content > next && capital)
            }
            Opener::StarterNotDigit => !digit && self.lexicon.is_sentence_starter(word),
            Opener::AfterTime => {
                capital && !self.continues_time(content) && !self.is_time_fragment(term)
            }
        };
        Terminator {
            last,
            split_before: split.then_some(next),
        }
    }

    /// `"…?" Trump asked.` — a capitalized speaker and a speech verb after a closing quote
    /// continue the sentence.
    fn is_speech_tag(&self, i: usize) -> bool {
        (i..i + 6)
            .take_while(|&j| self.kind(j) == Some(TokenKind::Word))
            .any(|j| crate::speech::is_speech_form(self.token(j)))
    }

    /// "5 p.m. Monday", "7 p.m. EST", "3 p.m. Moscow time".
    fn continues_time(&self, i: usize) -> bool {
        TIME_CONTINUATIONS.contains(&self.token(i)) || self.token(i + 1) == "time"
    }

    /// "At 5 a.m." is not a sentence on its own.
    fn is_time_fragment(&self, term: usize) -> bool {
        let start = (0..term)
            .rev()
            .find(|&j| self.terminator_like(j))
            .map_or(0, |j| j + 1);
        term - start <= 3
            && PREPOSITIONS
                .iter()
                .any(|p| self.token(start).eq_ignore_ascii_case(p))
    }

    fn terminator_like(&self, j: usize) -> bool {
        let word = self.token(j);
        word == "." || is_exclamation_or_question(word)
    }
}

/// What must follow a candidate terminator for it to end the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    Never,
    Capital,
    CapitalOrDigit,
    Starter,
    StarterNotDigit,
    AfterTime,
}

struct Terminator {
    /// The last token that belongs to the current sentence if it ends here.
    last: usize,
    /// The first token of the next sentence, when the boundary is real.
    split_before: Option<usize>,
}

fn marker_value(stem: &str) -> Option<(MarkerStyle, u32)> {
    if !stem.is_empty() && stem.len() <= 3 && stem.bytes().all(|b| b.is_ascii_digit()) {
        return stem.parse().ok().map(|n| (MarkerStyle::Digit, n));
    }
    let mut chars = stem.chars();
    match (chars.next(), chars.next()) {
        (Some(c @ 'a'..='z'), None) => Some((MarkerStyle::Lower, c as u32 - 'a' as u32 + 1)),
        (Some(c @ 'A'..='Z'), None) => Some((MarkerStyle::Upper, c as u32 - 'A' as u32 + 1)),
        _ => None,
    }
}

fn is_exclamation_or_question(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '!' | '?' | '‽'))
}

fn is_ellipsis(word: &str) -> bool {
    word.chars().all(|c| c == '.' || c == '…') && (word.contains('…') || word.len() >= 3)
}

const CREDIT_LABELS: &[&str] = &["Image", "Photo", "Photograph", "Picture", "Credit", "Video"];

const TIME_CONTINUATIONS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "GMT",
    "UTC",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "MST",
    "MDT",
    "PT",
    "PST",
    "PDT",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "MSK",
    "IST",
    "JST",
    "AEST",
    "Eastern",
    "Central",
    "Pacific",
    "Mountain",
];

const PREPOSITIONS: &[&str] = &[
    "at", "by", "until", "till", "before", "after", "from", "since", "around", "about",
];
