//! Pairing double quote marks into quotations, paragraph by paragraph, in one pass.

use std::ops::Range;

use dateline_core::{Doc, QuoteSide, TokenKind};

/// A quotation by its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The content tokens, without marks.
    pub content: Range<usize>,
    /// From the opening mark to the closing one (or the paragraph's last token).
    pub marks: Range<usize>,
}

/// Whether a token is a double quote mark (single quotes nest inside quotes and are left alone).
fn is_double(text: &str) -> bool {
    matches!(
        text,
        "\u{201C}" | "\u{201D}" | "\"" | "\u{201E}" | "\u{00AB}" | "\u{00BB}" | "``" | "''"
    )
}

/// The quotations of a segmented document. A quote still open at its paragraph's end ends
/// there; a closing mark with nothing open is ignored. Linear in the number of tokens.
pub(crate) fn pair_quotes(doc: &Doc) -> Vec<Quoted> {
    let a = doc.annotations();
    let mut out = Vec::new();
    let mut t = 0;
    for paragraph in &a.paragraphs {
        let mut open: Option<usize> = None;
        let mut last_in_paragraph = None;
        while t < a.tokens.len() && a.tokens[t].span.start < paragraph.end {
            let token = a.tokens[t];
            last_in_paragraph = Some(t);
            if let TokenKind::Quote(side) = token.kind {
                if is_double(doc.slice(token.span)) {
                    match (open, side) {
                        (None, QuoteSide::Open | QuoteSide::Unknown) => open = Some(t),
                        (Some(o), QuoteSide::Close | QuoteSide::Unknown) => {
                            out.push(Quoted {
                                content: o + 1..t,
                                marks: o..t + 1,
                            });
                            open = None;
                        }
                        // An opening mark inside an open quote: the first was never closed.
                        (Some(o), QuoteSide::Open) => {
                            out.push(Quoted {
                                content: o + 1..t,
                                marks: o..t,
                            });
                            open = Some(t);
                        }
                        (None, QuoteSide::Close) => {}
                    }
                }
            }
            t += 1;
        }
        if let (Some(o), Some(last)) = (open, last_in_paragraph) {
            out.push(Quoted {
                content: o + 1..last + 1,
                marks: o..last + 1,
            });
        }
    }
    out.retain(|q| !q.content.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::DocMeta;
    use proptest::prelude::*;

    fn quoted(text: &str) -> Vec<String> {
        let mut doc = Doc::new(text.to_string(), DocMeta::default());
        crate::segment::segment(&mut doc);
        let a = doc.annotations();
        pair_quotes(&doc)
            .into_iter()
            .map(|q| {
                let start = a.tokens[q.content.start].span.start as usize;
                let end = a.tokens[q.content.end - 1].span.end as usize;
                text[start..end].to_string()
            })
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            quoted("He said: \u{201C}We will see.\u{201D} Then \"no,\" she said."),
            vec!["We will see.", "no,"]
        );
    }

    #[test]
    fn an_open_quote_ends_with_its_paragraph() {
        assert_eq!(
            quoted("\u{201C}First part.\n\n\u{201C}Second part,\u{201D} he said."),
            vec!["First part.", "Second part,"]
        );
    }

    proptest! {
        #[test]
        fn any_marks_pair_in_order_without_panic(text in "[a-z \"\u{201C}\u{201D}\n.]{0,200}") {
            let mut doc = Doc::new(text.clone(), DocMeta::default());
            crate::segment::segment(&mut doc);
            let quotes = pair_quotes(&doc);
            for pair in quotes.windows(2) {
                prop_assert!(pair[0].marks.start < pair[1].marks.start);
            }
            for q in &quotes {
                prop_assert!(q.content.end <= doc.annotations().tokens.len());
            }
        }
    }

    /// Five million marks in one paragraph: one pass, no recursion, no blow-up (a quadratic
    /// pairing would not finish within the test run).
    #[test]
    fn ten_megabytes_of_marks_pair_in_one_pass() {
        let text = "\"".repeat(10 * 1024 * 1024 / 2) + &"a \u{201C}".repeat(1024);
        let mut doc = Doc::new(text, DocMeta::default());
        crate::segment::segment(&mut doc);
        let quotes = pair_quotes(&doc);
        assert!(quotes.len() <= doc.annotations().tokens.len());
    }
}
