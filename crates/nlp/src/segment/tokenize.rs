//! News tokenizer: splits one paragraph into tokens with exact byte offsets.
//!
//! Conventions follow Universal Dependencies English, so the tagger and parser see what they were
//! trained on: clitics are split ("Russia's" → "Russia" "'s", "don't" → "do" "n't"), and so are
//! hyphenated words ("32-year-old" → "32" "-" "year" "-" "old") and "cannot"; known
//! abbreviations keep their period ("Gen.", "U.S.", "a.m."), URLs and e-mail addresses stay whole,
//! numbers keep their separators ("1,200", "100.00", "14:00"). Every non-whitespace character of
//! the input ends up in exactly one token.

use dateline_core::{ByteSpan, QuoteSide, Token, TokenKind};

use super::lexicon::Lexicon;

/// Appends the tokens of `text[span]` to `out`.
pub(crate) fn tokenize(text: &str, span: ByteSpan, out: &mut Vec<Token>) {
    let lexicon = Lexicon::get();
    let end = span.end as usize;
    let mut pos = span.start as usize;
    while pos < end {
        let Some(ch) = text[pos..end].chars().next() else {
            break;
        };
        if ch.is_whitespace() {
            pos += ch.len_utf8();
            continue;
        }
        pos = next_token(text, pos, end, ch, lexicon, out);
    }
}

/// Reads one token (or a word and its clitic) starting at `pos`; returns where it ended.
fn next_token(
    text: &str,
    pos: usize,
    end: usize,
    ch: char,
    lexicon: &Lexicon,
    out: &mut Vec<Token>,
) -> usize {
    if ch.is_alphanumeric() {
        if let Some(url_end) = url_or_email_end(text, pos, end) {
            push(out, pos, url_end, TokenKind::Url);
            return url_end;
        }
        return word(text, pos, end, lexicon, out);
    }
    if is_apostrophe(ch) {
        if let Some(clitic_end) = detached_clitic_end(text, pos, end) {
            push(out, pos, clitic_end, TokenKind::Word);
            return clitic_end;
        }
    }
    if let Some((stop, side)) = doubled_quote(text, pos, end) {
        push(out, pos, stop, TokenKind::Quote(side));
        return stop;
    }
    if let Some(side) = quote_side(text, pos, end, ch) {
        let stop = pos + ch.len_utf8();
        push(out, pos, stop, TokenKind::Quote(side));
        return stop;
    }
    let stop = punct_run_end(text, pos, end, ch);
    let kind = if is_symbol(ch) {
        TokenKind::Symbol
    } else {
        TokenKind::Punct
    };
    push(out, pos, stop, kind);
    stop
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: ByteSpan::new(start, end),
        kind,
    });
}

fn char_at(text: &str, pos: usize, end: usize) -> Option<char> {
    text.get(pos..end)?.chars().next()
}

fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '’' | 'ʼ')
}

/// A word or number, with inner hyphens, apostrophes, periods and digit separators; then the
/// abbreviation period and clitic splitting.
fn word(text: &str, start: usize, end: usize, lexicon: &Lexicon, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut pos = start;
    let mut has_inner_period = false;
    let first_is_digit = bytes[start].is_ascii_digit();
    while pos < end {
        let Some(ch) = char_at(text, pos, end) else {
            break;
        };
        if ch.is_alphanumeric() || is_combining_mark(ch) {
            pos += ch.len_utf8();
            continue;
        }
        let next = char_at(text, pos + ch.len_utf8(), end);
        let next_alnum = next.is_some_and(char::is_alphanumeric);
        let next_digit = next.is_some_and(|c| c.is_ascii_digit());
        let prev_digit = pos > start && bytes[pos - 1].is_ascii_digit();
        let joins = match ch {
            // UD English splits hyphenated words ("32-year-old" → 32 - year - old); number
            // ranges, ISO dates and phone numbers stay whole.
            '-' | '‐' | '‑' => prev_digit && next_digit,
            '\'' | '’' | 'ʼ' => next_alnum && pos > start,
            '.' => next_alnum,
            ',' | ':' | '/' => prev_digit && next_digit,
            '°' | 'º' => pos == start + 1 && matches!(bytes[start], b'N' | b'n'),
            '&' => is_initialism_ampersand(text, start, pos, next),
            _ => false,
        };
        if !joins {
            break;
        }
        has_inner_period |= ch == '.';
        pos += ch.len_utf8();
    }
    let mut word_end = pos;
    if bytes.get(pos) == Some(&b'.') && takes_period(&text[start..pos], has_inner_period, lexicon) {
        word_end = pos + 1;
    }
    let kind = if first_is_digit {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    split_clitic(text, start, word_end, kind, out);
    word_end
}

/// "AT&T", "S&P": an ampersand between capital letters with no spaces.
fn is_initialism_ampersand(text: &str, start: usize, pos: usize, next: Option<char>) -> bool {
    let before = &text[start..pos];
    before.len() <= 3
        && before.bytes().all(|b| b.is_ascii_uppercase())
        && next.is_some_and(|c| c.is_ascii_uppercase())
}

fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}')
}

/// Whether a word keeps the period that follows it: known abbreviations, single letters
/// ("E." initials, "a." list items) and letter-period runs ("U.S.", "a.m.").
fn takes_period(word: &str, has_inner_period: bool, lexicon: &Lexicon) -> bool {
    let mut chars = word.chars();
    let single_letter =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    if single_letter {
        return true;
    }
    if has_inner_period && is_letter_period_run(word) {
        return true;
    }
    lexicon.abbreviation(word).is_some()
}

/// "U.S", "a.m", "e.g": one or two letters between periods.
pub(crate) fn is_letter_period_run(word: &str) -> bool {
    word.split('.').all(|part| {
        let letters = part.chars().count();
        (1..=2).contains(&letters) && part.chars().all(char::is_alphabetic)
    })
}

/// Splits UD clitics off a word: 's 're 've 'll 'd 'm and n't.
fn split_clitic(text: &str, start: usize, end: usize, kind: TokenKind, out: &mut Vec<Token>) {
    let word = &text[start..end];
    if kind == TokenKind::Word {
        // UD splits "cannot" like "can not".
        if word.eq_ignore_ascii_case("cannot") {
            push(out, start, start + 3, kind);
            push(out, start + 3, end, kind);
            return;
        }
        if let Some(cut) = clitic_start(word) {
            if cut > 0 {
                push(out, start, start + cut, kind);
                push(out, start + cut, end, TokenKind::Word);
                return;
            }
        }
    }
    push(out, start, end, kind);
}

/// Byte offset inside `word` where a clitic begins, if it ends with one.
fn clitic_start(word: &str) -> Option<usize> {
    const CLITICS: [&str; 14] = [
        "'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "’s", "’re", "’ve", "’ll", "’d", "’m", "n’t",
    ];
    let bytes = word.as_bytes();
    // Every clitic contains an apostrophe in its last five bytes; most words have none.
    let tail = &bytes[bytes.len().saturating_sub(5)..];
    if !tail.iter().any(|&b| b == b'\'' || b == 0x99) {
        return None;
    }
    CLITICS.iter().find_map(|clitic| {
        let cut = word.len().checked_sub(clitic.len())?;
        let matches =
            cut > 0 && word.is_char_boundary(cut) && word[cut..].eq_ignore_ascii_case(clitic);
        matches.then_some(cut)
    })
}

/// "'s" written after a token that ended before the apostrophe ("Jr.'s", "U.S.'s").
fn detached_clitic_end(text: &str, pos: usize, end: usize) -> Option<usize> {
    let preceded_by_token = pos > 0
        && text[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
    if !preceded_by_token {
        return None;
    }
    let after = pos + text[pos..].chars().next()?.len_utf8();
    for clitic in ["s", "re", "ve", "ll", "d", "m"] {
        let stop = after + clitic.len();
        if stop <= end
            && text
                .get(after..stop)
                .is_some_and(|w| w.eq_ignore_ascii_case(clitic))
            && !char_at(text, stop, end).is_some_and(char::is_alphanumeric)
        {
            return Some(stop);
        }
    }
    None
}

/// The side of a quotation mark, or `None` when `ch` is not one.
fn quote_side(text: &str, pos: usize, end: usize, ch: char) -> Option<QuoteSide> {
    match ch {
        // A “ glued to the end of a word and followed by a space is a closing quote typed with
        // the wrong mark; everything else opens.
        '“' if glued_closer(text, pos, end, ch) => Some(QuoteSide::Close),
        '“' | '‘' | '«' | '„' | '‹' | '‚' => Some(QuoteSide::Open),
        '”' | '»' | '›' => Some(QuoteSide::Close),
        '"' | '\'' | '’' | '`' => {
            let before = text[..pos].chars().next_back();
            let after = char_at(text, pos + ch.len_utf8(), end);
            let open_context =
                |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-/“‘".contains(c));
            let word_after = after.is_some_and(|c| !c.is_whitespace());
            Some(if open_context(before) && word_after {
                QuoteSide::Open
            } else if before.is_some_and(|c| !c.is_whitespace()) || ch == '’' {
                QuoteSide::Close
            } else {
                QuoteSide::Unknown
            })
        }
        _ => None,
    }
}

/// Two backticks or two apostrophes written for a double quote mark, as the New York Times
/// and typewriter-era wire copy do (``Yes,'' he said). A pair of backticks always opens; a
/// pair of apostrophes is placed by its neighbours like a straight double quote.
fn doubled_quote(text: &str, pos: usize, end: usize) -> Option<(usize, QuoteSide)> {
    let rest = text.get(pos..end)?;
    if rest.starts_with("``") {
        return Some((pos + 2, QuoteSide::Open));
    }
    if !rest.starts_with("''") || rest.starts_with("'''") {
        return None;
    }
    let before = text[..pos].chars().next_back();
    let after = char_at(text, pos + 2, end);
    let open_context = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let side = if open_context && after.is_some_and(|c| !c.is_whitespace()) {
        QuoteSide::Open
    } else if before.is_some_and(|c| !c.is_whitespace()) {
        QuoteSide::Close
    } else {
        QuoteSide::Unknown
    };
    Some((pos + 2, side))
}

fn glued_closer(text: &str, pos: usize, end: usize, ch: char) -> bool {
    let before = text[..pos].chars().next_back();
    let after = char_at(text, pos + ch.len_utf8(), end);
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(char::is_whitespace)
}

/// Punctuation that groups: ellipses ("...", "…", "...."), "!!", "?!", "--", "[...]".
fn punct_run_end(text: &str, pos: usize, end: usize, ch: char) -> usize {
    let rest = &text[pos..end];
    match ch {
        '.' | '…' => pos + run_len(rest, |c| c == '.' || c == '…'),
        '!' | '?' | '‽' => pos + run_len(rest, |c| matches!(c, '!' | '?' | '‽')),
        '-' => pos + run_len(rest, |c| c == '-'),
        '[' | '(' => {
            for ellipsis in ["[...]", "[…]", "(...)", "(…)"] {
                if rest.starts_with(ellipsis) {
                    return pos + ellipsis.len();
                }
            }
            pos + ch.len_utf8()
        }
        _ => pos + ch.len_utf8(),
    }
}

fn run_len(text: &str, member: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !member(c))
        .map_or(text.len(), |(i, _)| i)
}

fn is_symbol(ch: char) -> bool {
    matches!(
        ch,
        '$' | '%'
            | '&'
            | '€'
            | '£'
            | '¥'
            | '₽'
            | '₴'
            | '@'
            | '#'
            | '+'
            | '='
            | '<'
            | '>'
            | '^'
            | '~'
            | '|'
            | '°'
            | '§'
            | '©'
            | '®'
            | '™'
            | '*'
    ) || (!ch.is_ascii() && !is_unicode_punct(ch))
}

fn is_unicode_punct(ch: char) -> bool {
    matches!(
        ch,
        '–' | '—'
            | '―'
            | '…'
            | '•'
            | '·'
            | '⁃'
            | '▪'
            | '◦'
            | '‣'
            | '¡'
            | '¿'
            | '‽'
            | '‐'
            | '‑'
            | '‒'
    )
}

/// End of a URL or e-mail address starting at `pos`, without trailing punctuation.
fn url_or_email_end(text: &str, pos: usize, end: usize) -> Option<usize> {
    let rest = &text[pos..end];
    let looks_like_url = rest.starts_with("http://")
        || rest.starts_with("https://")
        || rest.starts_with("www.")
        || rest.starts_with("ftp://");
    // An e-mail address is a word-ish run with an @ inside; only look for one when the run's
    // first stretch of word characters is followed by '@' or '.'.
    let word_len =
        rest.find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_' || c == '-' || c == '+'));
    let at_follows = word_len.is_some_and(|n| rest.as_bytes()[n] == b'@');
    if !looks_like_url && !at_follows {
        return None;
    }
    let run_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let run = &rest[..run_len];
    let looks_like_email = run
        .find('@')
        .is_some_and(|at| at > 0 && run[at + 1..].contains('.') && !run[..at].contains(['(', '"']));
    if !looks_like_url && !looks_like_email {
        return None;
    }
    let trimmed = run.trim_end_matches(|c: char| ".,;:!?)]}\"'’”»".contains(c));
    (trimmed.len() > 4).then(|| pos + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, ByteSpan::new(0, text.len()), &mut out);
        out.iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn news_tokens() {
        assert_eq!(
            tokens("Gen. Dan Caine met U.S. officials at 5 p.m., Russia's envoy didn't."),
            [
                "Gen.",
                "Dan",
                "Caine",
                "met",
                "U.S.",
                "officials",
                "at",
                "5",
                "p.m.",
                ",",
                "Russia",
                "'s",
                "envoy",
                "did",
                "n't",
                "."
            ]
        );
    }

    #[test]
    fn numbers_money_urls() {
        assert_eq!(
            tokens("$100.00 and 1,200 at 14:00."),
            ["$", "100.00", "and", "1,200", "at", "14:00", "."]
        );
        assert_eq!(
            tokens("See https://example.com/a_b.html. Mail jane.doe@example.com."),
            [
                "See",
                "https://example.com/a_b.html",
                ".",
                "Mail",
                "jane.doe@example.com",
                "."
            ]
        );
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_one_double_quote_mark() {
        let text = "``Yes,'' he said. ''Maybe not.'' The players' union's ''";
        let mut out = Vec::new();
        tokenize(text, ByteSpan::new(0, text.len()), &mut out);
        let marks: Vec<(&str, TokenKind)> = out
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Quote(_)) && t.span.len() == 2)
            .map(|t| (&text[t.span.range()], t.kind))
            .collect();
        assert_eq!(
            marks,
            [
                ("``", TokenKind::Quote(QuoteSide::Open)),
                ("''", TokenKind::Quote(QuoteSide::Close)),
                ("''", TokenKind::Quote(QuoteSide::Open)),
                ("''", TokenKind::Quote(QuoteSide::Close)),
                ("''", TokenKind::Quote(QuoteSide::Unknown)),
            ]
        );
        assert!(tokens("The players' union").contains(&"'"));
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            tokens("“We'll see,” he said... \"Now\" [...] that.... JFK Jr.'s"),
            [
                "“", "We", "'ll", "see", ",", "”", "he", "said", "...", "\"", "Now", "\"", "[...]",
                "that", "....", "JFK", "Jr.", "'s"
            ]
        );
    }

    #[test]
    fn hyphens_and_dashes() {
        assert_eq!(
            tokens("a 32-year-old worker – and AT&T -- fine in 1990-95, cannot"),
            [
                "a", "32", "-", "year", "-", "old", "worker", "–", "and", "AT&T", "--", "fine",
                "in", "1990-95", ",", "can", "not"
            ]
        );
    }
}
