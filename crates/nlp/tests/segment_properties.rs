//! Properties every segmentation must have, for any input.

use dateline_nlp::segment::{segment_text, Segmentation};
use proptest::prelude::*;

/// Checks the invariants and returns a description of the first one broken.
fn check_invariants(text: &str, seg: &Segmentation) -> Result<(), String> {
    let mut cursor = 0usize;
    let mut rebuilt = String::new();
    for (index, sentence) in seg.sentences.iter().enumerate() {
        let (start, end) = (sentence.span.start as usize, sentence.span.end as usize);
        if start < cursor || end < start || end > text.len() {
            return Err(format!(
                "sentence {index} {start}..{end} out of order or range"
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "sentence {index} {start}..{end} not on char boundaries"
            ));
        }
        let gap = &text[cursor..start];
        if !gap.chars().all(char::is_whitespace) {
            return Err(format!(
                "non-whitespace {gap:?} lost before sentence {index}"
            ));
        }
        rebuilt.push_str(gap);
        rebuilt.push_str(&text[start..end]);
        cursor = end;
        let tokens = &seg.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize];
        if tokens.is_empty() {
            return Err(format!("sentence {index} has no tokens"));
        }
        if tokens[0].span.start as usize != start
            || tokens[tokens.len() - 1].span.end as usize != end
        {
            return Err(format!("sentence {index} does not span its tokens"));
        }
    }
    let tail = &text[cursor..];
    if !tail.chars().all(char::is_whitespace) {
        return Err(format!("non-whitespace tail {tail:?} lost"));
    }
    rebuilt.push_str(tail);
    if rebuilt != text {
        return Err("sentences + gaps differ from the input".into());
    }
    let mut token_cursor = 0usize;
    for (index, token) in seg.tokens.iter().enumerate() {
        let (start, end) = (token.span.start as usize, token.span.end as usize);
        if start < token_cursor || end <= start {
            return Err(format!(
                "token {index} {start}..{end} empty or out of order"
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "token {index} {start}..{end} not on char boundaries"
            ));
        }
        if !text[token_cursor..start].chars().all(char::is_whitespace) {
            return Err(format!(
                "text {:?} before token {index} is in no token",
                &text[token_cursor..start]
            ));
        }
        token_cursor = end;
    }
    let covered: u32 = seg
        .sentences
        .iter()
        .map(|s| s.tokens.end - s.tokens.start)
        .sum();
    if covered as usize != seg.tokens.len() {
        return Err("sentences do not partition the tokens".into());
    }
    Ok(())
}

/// Text made of news-like pieces, so that abbreviations, quotes, lists and breaks meet.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Gen.",
        "U.S.",
        "said",
        "Trump",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        ".",
        ". ",
        "...",
        "…",
        " . . .",
        "?",
        "!",
        "(",
        ")",
        "[...]",
        "1.",
        "2.)",
        "a.",
        "•",
        "—",
        "-",
        "\n",
        "\n\n",
        "  \n    ",
        "p.m.",
        "$100.00",
        "1,200",
        "e.g.",
        "Kyiv",
        "Зеленський",
        "é",
        "\u{301}",
        "https://x.org/a.",
        "a@b.co",
        "N°.",
        "Jr.'s",
        "don't",
        " ",
        "\t",
        "\r\n",
        "Mr.",
        "I.",
        "Image:",
        "#",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_loses_or_reorders_newsy_text(text in newsy_text()) {
        let seg = segment_text(&text);
        prop_assert_eq!(check_invariants(&text, &seg), Ok(()));
    }

    #[test]
    fn never_loses_or_reorders_arbitrary_text(text in "\\PC{0,200}") {
        let seg = segment_text(&text);
        prop_assert_eq!(check_invariants(&text, &seg), Ok(()));
    }

    #[test]
    fn deterministic(text in newsy_text()) {
        prop_assert_eq!(segment_text(&text), segment_text(&text));
    }
}

#[test]
fn seed_style_paragraphs() {
    let text = "Top U.S. and European military officials discussed Tuesday the mechanics of a possible peace deal.\n\n\
                \"Now I thought it would be better if they met without me, just to see,\" the president told a host on Tuesday. \"We'll see how they do.\"\n\n\
                Allies discuss next steps\n\n\
                Press Secretary Jane Doe told reporters the option was \"a possibility.\" Gen. John Roe held talks at 5 p.m. Monday.";
    let seg = segment_text(text);
    check_invariants(text, &seg).unwrap();
    let sentences: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &text[s.span.range()])
        .collect();
    assert_eq!(
        sentences,
        [
            "Top U.S. and European military officials discussed Tuesday the mechanics of a possible peace deal.",
            "\"Now I thought it would be better if they met without me, just to see,\" the president told a host on Tuesday.",
            "\"We'll see how they do.\"",
            "Allies discuss next steps",
            "Press Secretary Jane Doe told reporters the option was \"a possibility.\"",
            "Gen. John Roe held talks at 5 p.m. Monday.",
        ]
    );
}

#[test]
fn a_run_on_text_is_cut_into_bounded_sentences_at_its_pauses() {
    // 1,300 words without a full stop, a comma every 40 words.
    let words: Vec<String> = (0..1300)
        .map(|i| {
            if i % 40 == 39 {
                "word,".to_string()
            } else {
                "word".to_string()
            }
        })
        .collect();
    let text = words.join(" ");
    let seg = segment_text(&text);
    check_invariants(&text, &seg).unwrap();
    assert!(
        seg.sentences.len() >= 3,
        "{} sentences",
        seg.sentences.len()
    );
    for sentence in &seg.sentences {
        assert!(sentence.tokens.len() <= 500, "{:?}", sentence.tokens);
    }
    // Every cut but the text's end falls after a comma.
    for sentence in &seg.sentences[..seg.sentences.len() - 1] {
        assert!(
            text[sentence.span.range()].ends_with(','),
            "{:?}",
            sentence.span
        );
    }
    // Ordinary sentences are untouched.
    let short = segment_text("The talks ended. Both sides left, without a deal.");
    assert_eq!(short.sentences.len(), 2);
}
