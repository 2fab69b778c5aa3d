//! The trained model in `data/models` (skipped with a message when it is absent): tags a news
//! sentence sensibly and lemmatizes it, through the document API.

use std::path::PathBuf;

use dateline_core::{Doc, DocMeta};
use dateline_nlp::lemmatizer::Lemmatizer;
use dateline_nlp::segment::segment;
use dateline_nlp::tagger::Tagger;

fn models() -> Option<(Tagger, Lemmatizer)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/models");
    let (Ok(tagger), Ok(lemmas)) = (
        std::fs::read(dir.join("tagger.bin.gz")),
        std::fs::read(dir.join("lemmas.tsv.gz")),
    ) else {
        eprintln!("skipped: no trained tagger in {}", dir.display());
        return None;
    };
    Some((
        Tagger::from_bytes(&tagger).unwrap(),
        Lemmatizer::from_bytes(&lemmas).unwrap(),
    ))
}

const SENTENCE: &str =
    "Putin proposed holding the summit with Zelenskyy in Moscow , three sources familiar \
                        with a call between Trump and the Russian leader told AFP .";

#[test]
fn tags_a_news_sentence() {
    let Some((tagger, _)) = models() else { return };
    let words: Vec<&str> = SENTENCE.split(' ').collect();
    let tags = tagger.tag_words(&words);
    let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
    let expected = [
        "PROPN", "VERB", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT", "NUM",
        "NOUN", "ADJ", "ADP", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "DET", "ADJ", "NOUN", "VERB",
        "PROPN", "PUNCT",
    ];
    let right = upos.iter().zip(expected).filter(|(a, b)| **a == *b).count();
    assert!(right >= expected.len() - 1, "{upos:?}");
    assert_eq!(&upos[..9], &expected[..9], "{upos:?}");
    assert_eq!(tags[1].xpos, "VBD");
    assert_eq!(tags[2].xpos, "VBG");
}

#[test]
fn tags_and_lemmatizes_a_document() {
    let Some((tagger, lemmatizer)) = models() else {
        return;
    };
    let text = "The court ruled that Russia\u{2019}s army hadn\u{2019}t met its goals. Officials said countries agreed.";
    let mut doc = Doc::new(text.to_string(), DocMeta::default());
    segment(&mut doc);
    tagger.tag(&mut doc);
    lemmatizer.lemmatize(&mut doc);
    let annotations = doc.annotations();
    assert_eq!(annotations.pos.len(), annotations.tokens.len());
    assert_eq!(annotations.lemmas.len(), annotations.tokens.len());
    let pairs: Vec<(&str, &str, &str)> = annotations
        .tokens
        .iter()
        .zip(&annotations.pos)
        .zip(&annotations.lemmas)
        .map(|((t, p), l)| (doc.slice(t.span), p.upos, l.as_str()))
        .collect();
    let lemma_of = |word: &str| {
        pairs
            .iter()
            .find(|(w, _, _)| *w == word)
            .map(|(_, _, l)| *l)
    };
    assert_eq!(lemma_of("ruled"), Some("rule"), "{pairs:?}");
    assert_eq!(lemma_of("met"), Some("meet"), "{pairs:?}");
    assert_eq!(lemma_of("n\u{2019}t"), Some("not"), "{pairs:?}");
    assert_eq!(lemma_of("\u{2019}s"), Some("'s"), "{pairs:?}");
    assert_eq!(lemma_of("said"), Some("say"), "{pairs:?}");
    assert_eq!(lemma_of("countries"), Some("country"), "{pairs:?}");
    assert_eq!(lemma_of("agreed"), Some("agree"), "{pairs:?}");
    let tag_of = |word: &str| {
        pairs
            .iter()
            .find(|(w, _, _)| *w == word)
            .map(|(_, p, _)| *p)
    };
    assert_eq!(tag_of("Russia"), Some("PROPN"));
    assert_eq!(tag_of("\u{2019}s"), Some("PART"));
    assert_eq!(tag_of("court"), Some("NOUN"));
}

#[test]
fn lemmas_required_by_the_brief() {
    let Some((_, lemmatizer)) = models() else {
        return;
    };
    use dateline_core::tagset::PosTag;
    let tag = |upos, xpos| PosTag { upos, xpos };
    for (word, pos, lemma) in [
        ("ruled", tag("VERB", "VBD"), "rule"),
        ("met", tag("VERB", "VBD"), "meet"),
        ("agreed", tag("VERB", "VBD"), "agree"),
        ("upgrade", tag("VERB", "VB"), "upgrade"),
        ("upgraded", tag("VERB", "VBD"), "upgrade"),
        ("upgraded", tag("VERB", "VBN"), "upgrade"),
        ("countries", tag("NOUN", "NNS"), "country"),
        ("said", tag("VERB", "VBD"), "say"),
        ("n't", tag("PART", "RB"), "not"),
        ("'s", tag("AUX", "VBZ"), "be"),
        ("\u{2019}s", tag("PART", "POS"), "'s"),
        ("Zelenskyy", tag("PROPN", "NNP"), "Zelenskyy"),
    ] {
        assert_eq!(lemmatizer.lemma(word, pos), lemma, "{word} {pos:?}");
    }
}
