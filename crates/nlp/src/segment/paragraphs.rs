//! Paragraph spans: a paragraph break always ends a sentence.
//!
//! A blank line is a break. A single newline is a break too, unless the text is hard-wrapped
//! (old wire copy, e-mail, Reuters SGML), where it is only a space; there a newline followed by
//! indentation or a bullet still starts a paragraph.

use dateline_core::ByteSpan;

/// Lines at most this long, in a text whose lines mostly have about this length, are taken for
/// hard wrapping.
const WRAP_MIN: usize = 40;
const WRAP_MAX: usize = 100;

/// The paragraphs of `text`, trimmed of surrounding whitespace, in order.
pub(crate) fn paragraphs(text: &str) -> Vec<ByteSpan> {
    let hard_wrapped = is_hard_wrapped(text);
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(offset) = memchr_newline(&bytes[pos..]) {
        let newline = pos + offset;
        let next_line = newline + 1;
        if is_break(text, newline, next_line, hard_wrapped) {
            push_trimmed(text, start, newline, &mut spans);
            start = next_line;
        }
        pos = next_line;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Whether the newline at `newline` ends a paragraph.
fn is_break(text: &str, newline: usize, next_line: usize, hard_wrapped: bool) -> bool {
    let rest = &text[next_line..];
    let indent_len = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\u{a0}']).len();
    let after_indent = &rest[indent_len..];
    if after_indent.starts_with('\n') || after_indent.is_empty() {
        return true;
    }
    let line_before_blank = text[..newline]
        .trim_end_matches([' ', '\t', '\r'])
        .ends_with('\n');
    if line_before_blank {
        return true;
    }
    if !hard_wrapped {
        return true;
    }
    let indented = rest.starts_with('\t') || indent_len >= 2;
    let bulleted = after_indent.starts_with(['•', '*', '-', '–', '—', '▪', '◦', '·']);
    indented || bulleted
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<ByteSpan>) {
    let slice = &text[start..end];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let begin = start + trimmed_start;
        spans.push(ByteSpan::new(begin, begin + trimmed.len()));
    }
}

/// Most non-empty lines are of wrapping length and none is very long.
fn is_hard_wrapped(text: &str) -> bool {
    let mut lines = 0usize;
    let mut wrapped = 0usize;
    for line in text.lines() {
        // Bytes, not chars: a cheap estimate is enough to recognise wrapping.
        let length = line.trim_end().len();
        if length == 0 {
            continue;
        }
        if length > WRAP_MAX + 20 {
            return false;
        }
        lines += 1;
        if (WRAP_MIN..=WRAP_MAX).contains(&length) {
            wrapped += 1;
        }
    }
    lines >= 4 && wrapped * 10 >= lines * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn blank_lines_and_single_newlines() {
        assert_eq!(
            texts("Headline here\n\nFirst para.\nSecond para.\n"),
            ["Headline here", "First para.", "Second para."]
        );
    }

    #[test]
    fn hard_wrapped_text_joins_lines_until_indentation() {
        let text = "Showers continued throughout the week in the Bahia cocoa zone,\n\
                    alleviating the drought since early January and improving\n\
                    prospects for the coming crop, the review said today.\n    \
                    The dry period means the harvest will be late this year and\n\
                    arrivals were lower than in the same week of last season.";
        assert_eq!(texts(text).len(), 2);
    }
}
