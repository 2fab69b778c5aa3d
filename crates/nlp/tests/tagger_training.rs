//! A tiny training run: the tagger learns hand-written sentences, survives a round trip through
//! its file format, and the lemma lexicon built beside it answers from the lexicon and the rules.

use dateline_core::tagset::PosTag;
use dateline_nlp::lemmatizer::LexiconBuilder;
use dateline_nlp::tagger::{shuffle, Tagger, TaggerTrainer, TrainSentence};

/// Word/UPOS/XPOS triples, one sentence per line.
const SENTENCES: &str = "
The/DET/DT minister/NOUN/NN said/VERB/VBD talks/NOUN/NNS would/AUX/MD resume/VERB/VB ./PUNCT/.
Putin/PROPN/NNP met/VERB/VBD Trump/PROPN/NNP in/ADP/IN Alaska/PROPN/NNP ./PUNCT/.
Officials/NOUN/NNS in/ADP/IN Kyiv/PROPN/NNP rejected/VERB/VBD the/DET/DT plan/NOUN/NN ./PUNCT/.
She/PRON/PRP does/AUX/VBZ n't/PART/RB agree/VERB/VB with/ADP/IN them/PRON/PRP ./PUNCT/.
Russia/PROPN/NNP 's/PART/POS army/NOUN/NN attacked/VERB/VBD the/DET/DT city/NOUN/NN ./PUNCT/.
The/DET/DT talks/NOUN/NNS ended/VERB/VBD on/ADP/IN Friday/PROPN/NNP ./PUNCT/.
He/PRON/PRP is/AUX/VBZ leading/VERB/VBG the/DET/DT new/ADJ/JJ government/NOUN/NN ./PUNCT/.
Three/NUM/CD sources/NOUN/NNS told/VERB/VBD AFP/PROPN/NNP ./PUNCT/.
Prices/NOUN/NNS rose/VERB/VBD sharply/ADV/RB in/ADP/IN March/PROPN/NNP ./PUNCT/.
The/DET/DT court/NOUN/NN ruled/VERB/VBD that/SCONJ/IN the/DET/DT law/NOUN/NN was/AUX/VBD invalid/ADJ/JJ ./PUNCT/.
";

fn parse(text: &str) -> Vec<TrainSentence> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut sentence = TrainSentence {
                words: Vec::new(),
                tags: Vec::new(),
            };
            for item in line.split_whitespace() {
                let mut parts = item.rsplitn(3, '/');
                let xpos = parts.next().unwrap();
                let upos = parts.next().unwrap();
                let word = parts.next().unwrap();
                let upos =
                    dateline_core::tagset::intern(&dateline_core::tagset::UPOS, upos).unwrap();
                let xpos =
                    dateline_core::tagset::intern(&dateline_core::tagset::XPOS, xpos).unwrap();
                sentence.words.push(word.to_string());
                sentence.tags.push(PosTag { upos, xpos });
            }
            sentence
        })
        .collect()
}

/// The ten patterns above, each repeated five times: fifty sentences.
fn corpus() -> Vec<TrainSentence> {
    let base = parse(SENTENCES);
    (0..5).flat_map(|_| base.clone()).collect()
}

fn train(sentences: &[TrainSentence], seed: u64) -> Tagger {
    let mut trainer = TaggerTrainer::new(sentences);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    for epoch in 0..8 {
        shuffle(&mut order, seed + epoch);
        trainer.epoch(sentences, &order);
    }
    trainer.into_tagger(0.0).unwrap()
}

#[test]
fn learns_its_training_sentences() {
    let sentences = corpus();
    assert_eq!(sentences.len(), 50);
    let tagger = train(&sentences, 1);
    let (mut right, mut total) = (0, 0);
    for sentence in &sentences[..10] {
        let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
        let tags = tagger.tag_words(&words);
        right += tags
            .iter()
            .zip(&sentence.tags)
            .filter(|(a, b)| a == b)
            .count();
        total += tags.len();
    }
    assert_eq!(right, total, "training sentences are tagged right");
}

#[test]
fn round_trip_and_determinism() {
    let sentences = corpus();
    let tagger = train(&sentences, 3);
    let bytes = tagger.to_bytes().unwrap();
    assert_eq!(
        train(&sentences, 3).to_bytes().unwrap(),
        bytes,
        "same seed, same file"
    );
    let back = Tagger::from_bytes(&bytes).unwrap();
    let words = ["The", "minister", "met", "Trump", "in", "Kyiv", "."];
    assert_eq!(back.tag_words(&words), tagger.tag_words(&words));
    assert_eq!(back.tag_words(&[]), Vec::new());
    assert!(Tagger::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn curly_apostrophes_tag_like_straight_ones() {
    let tagger = train(&corpus(), 5);
    let straight = tagger.tag_words(&["She", "does", "n't", "agree", "."]);
    let curly = tagger.tag_words(&["She", "does", "n\u{2019}t", "agree", "."]);
    assert_eq!(straight, curly);
    assert_eq!(curly[2].upos, "PART");
}

#[test]
fn lexicon_built_from_the_corpus() {
    let mut builder = LexiconBuilder::new();
    builder.add("met", "VBD", "meet", 1);
    builder.add("said", "VBD", "say", 1);
    builder.add("n't", "RB", "not", 1);
    let lemmatizer = builder.build();
    let verb = |xpos| PosTag { upos: "VERB", xpos };
    assert_eq!(lemmatizer.lemma("met", verb("VBD")), "meet");
    assert_eq!(lemmatizer.lemma("said", verb("VBD")), "say");
    assert_eq!(lemmatizer.lemma("ruled", verb("VBD")), "rule");
    assert_eq!(
        lemmatizer.lemma(
            "n\u{2019}t",
            PosTag {
                upos: "PART",
                xpos: "RB"
            }
        ),
        "not"
    );
}
