//! The parser learns a tiny treebank: training in tests runs on a few sentences only; the real
//! models are trained by `dateline train parser`.

use dateline_core::tagset::{intern, PosTag, UPOS, XPOS};
use dateline_nlp::parser::{train_parser, ParserTrainConfig, TreeSentence};

/// (word, upos, xpos, head 1-based or 0 for root, relation)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
);

fn sentence(rows: &[Row]) -> TreeSentence {
    let n = rows.len();
    TreeSentence {
        words: rows.iter().map(|r| r.0.to_string()).collect(),
        upos: rows.iter().map(|r| r.1.to_string()).collect(),
        xpos: rows.iter().map(|r| r.2.to_string()).collect(),
        heads: rows
            .iter()
            .map(|r| if r.3 == 0 { n } else { r.3 - 1 })
            .collect(),
        relations: rows.iter().map(|r| r.4.to_string()).collect(),
    }
}

fn treebank() -> Vec<TreeSentence> {
    vec![
        sentence(&[
            ("Putin", "PROPN", "NNP", 2, "nsubj"),
            ("met", "VERB", "VBD", 0, "root"),
            ("Trump", "PROPN", "NNP", 2, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]),
        sentence(&[
            ("The", "DET", "DT", 2, "det"),
            ("minister", "NOUN", "NN", 3, "nsubj"),
            ("said", "VERB", "VBD", 0, "root"),
            ("Kyiv", "PROPN", "NNP", 5, "nsubj"),
            ("agreed", "VERB", "VBD", 3, "ccomp"),
            (".", "PUNCT", ".", 3, "punct"),
        ]),
        sentence(&[
            ("Leaders", "NOUN", "NNS", 2, "nsubj"),
            ("held", "VERB", "VBD", 0, "root"),
            ("talks", "NOUN", "NNS", 2, "obj"),
            ("in", "ADP", "IN", 5, "case"),
            ("Geneva", "PROPN", "NNP", 2, "obl"),
            (".", "PUNCT", ".", 2, "punct"),
        ]),
        sentence(&[
            ("Sources", "NOUN", "NNS", 2, "nsubj"),
            ("told", "VERB", "VBD", 0, "root"),
            ("AFP", "PROPN", "NNP", 2, "iobj"),
            ("Putin", "PROPN", "NNP", 5, "nsubj"),
            ("proposed", "VERB", "VBD", 2, "ccomp"),
            ("talks", "NOUN", "NNS", 5, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]),
    ]
}

#[test]
fn learns_a_tiny_treebank_deterministically() {
    let bank = treebank();
    let config = ParserTrainConfig {
        epochs: 15,
        seed: 7,
        explore_from: 2,
        explore: 0.9,
        min_updates: 1,
    };
    let (parser, stats) = train_parser(&bank, config, |_, _| {});
    assert_eq!(stats.sentences, 4);
    assert_eq!(stats.non_projective, 0);
    let (again, _) = train_parser(&bank, config, |_, _| {});
    for tree in &bank {
        let words: Vec<&str> = tree.words.iter().map(String::as_str).collect();
        let tags: Vec<PosTag> = tree
            .upos
            .iter()
            .zip(&tree.xpos)
            .map(|(u, x)| PosTag {
                upos: intern(&UPOS, u).unwrap(),
                xpos: intern(&XPOS, x).unwrap(),
            })
            .collect();
        let parsed = parser.parse_words(&words, &tags);
        assert_eq!(
            parsed,
            again.parse_words(&words, &tags),
            "training is deterministic"
        );
        let n = words.len();
        let heads: Vec<usize> = parsed
            .iter()
            .map(|d| d.head.map_or(n, |h| h as usize))
            .collect();
        assert_eq!(heads, tree.heads, "{words:?}");
        let relations: Vec<&str> = parsed.iter().map(|d| d.relation).collect();
        assert_eq!(relations, tree.relations, "{words:?}");
    }
}
