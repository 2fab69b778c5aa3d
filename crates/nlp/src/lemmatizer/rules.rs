//! Lemmas of words the lexicon has not seen, by Penn tag.
//!
//! Inflection is stripped by the tag (plural nouns, verb forms, comparatives and superlatives).
//! Where stripping is ambiguous ("ruled" → "rul" or "rule"?, "stopped" → "stopp" or "stop"?),
//! the candidates are checked against the lemmas seen in training for that word class
//! ([`Known`]), and only then fall back to spelling heuristics (doubled final consonant, a
//! one-syllable consonant–vowel–consonant stem takes an "e", endings like "-at", "-iz", "-v",
//! "-dg" take an "e").

use std::collections::HashSet;

/// Lemmas seen in training, by word class: the candidates' reality check.
#[derive(Debug, Clone, Default)]
pub(crate) struct Known {
    pub(crate) verbs: HashSet<String>,
    pub(crate) nouns: HashSet<String>,
    pub(crate) adjectives: HashSet<String>,
}

/// The lemma of `word` (quote-normalized, original case) tagged `xpos`, by rule.
pub(crate) fn lemma(word: &str, xpos: &str, known: &Known) -> String {
    if matches!(xpos, "NNP" | "ADD" | "GW") {
        return word.to_string();
    }
    if xpos == "NNPS" {
        // Case kept: "Americans" → "American".
        return plural_noun(word, &known.nouns);
    }
    let lower = word.to_lowercase();
    if let Some(lemma) = clitic(&lower, xpos) {
        return lemma.to_string();
    }
    match xpos {
        // UD English writes numbers without digit-group commas: "6,363,217" → "6363217".
        "CD" if lower
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            && lower.contains(',') =>
        {
            lower.replace(',', "")
        }
        "NNS" => plural_noun(&lower, &known.nouns),
        "VBZ" => third_person(&lower, &known.verbs),
        "VBD" | "VBN" => strip_verb_suffix(&lower, "ed", &known.verbs),
        "VBG" => strip_verb_suffix(&lower, "ing", &known.verbs),
        "JJR" | "RBR" => comparative(&lower, "er", &known.adjectives),
        "JJS" | "RBS" => comparative(&lower, "est", &known.adjectives),
        // Capitalized adjectives unknown to the lexicon are mostly nationalities ("Ukrainian"),
        // which UD English lemmatizes with their capital.
        "JJ" if word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase) =>
        {
            word.to_string()
        }
        _ => lower,
    }
}

/// Contractions split by the tokenizer, with UD English's lemmas.
fn clitic(lower: &str, xpos: &str) -> Option<&'static str> {
    Some(match (lower, xpos) {
        ("n't" | "nt", _) => "not",
        ("'s", "POS") | ("'", "POS") => "'s",
        ("'s", "VBZ") | ("'re", _) | ("'m", _) => "be",
        ("'ve", _) => "have",
        ("'ll", _) => "will",
        ("'d", "MD") => "would",
        ("'d", _) => "have",
        _ => return None,
    })
}

/// "countries" → "country", "churches" → "church", "sources" → "source", "wolves" → "wolf".
fn plural_noun(word: &str, known: &HashSet<String>) -> String {
    // A plural written with an apostrophe: "video's" → "video".
    if let Some(stem) = word.strip_suffix("'s").filter(|s| !s.is_empty()) {
        return stem.to_string();
    }
    let lower = word.to_lowercase();
    let base = |len: usize| &word[..word.len() - len];
    let mut candidates: Vec<String> = Vec::new();
    if lower.ends_with("ies") && lower.len() > 4 {
        candidates.push(format!("{}y", base(3)));
    }
    if lower.ends_with("ves") {
        candidates.push(format!("{}f", base(3)));
        candidates.push(format!("{}fe", base(3)));
    }
    if lower.ends_with("es") {
        candidates.push(base(2).to_string());
    }
    if lower.ends_with('s') {
        candidates.push(base(1).to_string());
    }
    if let Some(hit) = candidates
        .iter()
        .find(|c| known.contains(&c.to_lowercase()))
    {
        return hit.clone();
    }
    if lower.ends_with("ies") && lower.len() > 4 {
        format!("{}y", base(3))
    } else if ["ches", "shes", "xes", "sses", "zzes"]
        .iter()
        .any(|s| lower.ends_with(s))
    {
        base(2).to_string()
    } else if lower.ends_with('s')
        && !["ss", "us", "is"].iter().any(|s| lower.ends_with(s))
        && lower.len() > 2
    {
        base(1).to_string()
    } else {
        word.to_string()
    }
}

/// "says" → "say", "watches" → "watch", "goes" → "go", "tries" → "try".
fn third_person(word: &str, known: &HashSet<String>) -> String {
    let candidates = [word.strip_suffix('s'), word.strip_suffix("es")];
    if let Some(hit) = candidates
        .into_iter()
        .flatten()
        .find(|c| known.contains(*c))
    {
        return hit.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 1) {
        format!("{stem}y")
    } else if ["ches", "shes", "xes", "sses", "zzes", "oes"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        word[..word.len() - 2].to_string()
    } else {
        word.strip_suffix('s').unwrap_or(word).to_string()
    }
}

/// "ruled" → "rule", "stopped" → "stop", "agreed" → "agree", "carried" → "carry",
/// "making" → "make", "running" → "run".
fn strip_verb_suffix(word: &str, suffix: &str, known: &HashSet<String>) -> String {
    let Some(stem) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 2) else {
        return word.to_string();
    };
    if suffix == "ed" {
        if let Some(y) = stem.strip_suffix('i').filter(|s| s.len() > 1) {
            return format!("{y}y");
        }
        if stem.ends_with('e') {
            // "agreed" → "agre", "freed" → "fre": the lemma ends in "ee".
            return format!("{stem}e");
        }
    }
    resolve_stem(stem, known, true)
}

/// "bigger" → "big", "larger" → "large", "happier" → "happy", "latest" → "late".
fn comparative(word: &str, suffix: &str, known: &HashSet<String>) -> String {
    let Some(stem) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 2) else {
        return word.to_string();
    };
    if let Some(y) = stem.strip_suffix('i') {
        return format!("{y}y");
    }
    resolve_stem(stem, known, false)
}

/// Picks among the stem as is, undoubled, or with an "e": the lexicon first, then spelling.
fn resolve_stem(stem: &str, known: &HashSet<String>, verb: bool) -> String {
    let undoubled = undouble(stem);
    let with_e = format!("{stem}e");
    if known.contains(stem) {
        return stem.to_string();
    }
    if let Some(single) = undoubled.filter(|s| known.contains(*s)) {
        return single.to_string();
    }
    if known.contains(&with_e) {
        return with_e;
    }
    if let Some(single) = undoubled.filter(|_| !stem.ends_with(['l', 's', 'z', 'f'])) {
        return single.to_string();
    }
    if needs_e(stem, verb) {
        with_e
    } else {
        stem.to_string()
    }
}

/// The stem without its doubled final consonant ("stopp" → "stop"), if it has one.
fn undouble(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 3 && bytes[n - 1] == bytes[n - 2] && is_consonant(bytes[n - 1])).then(|| &stem[..n - 1])
}

/// Whether a stripped stem lost a silent "e": a one-syllable consonant–vowel–consonant stem
/// ("rul", "hop"), or an ending English spells with a final e ("creat", "organiz", "solv",
/// "produc", "judg", "handl").
fn needs_e(stem: &str, verb: bool) -> bool {
    const E_ENDINGS: [&str; 27] = [
        "at", "iz", "yz", "v", "c", "dg", "ur", "bl", "dl", "gl", "kl", "pl", "tl", "fl", "ut",
        "ad", "id", "ud", "od", "ar", "ir", "os", "as", "ns", "rs", "ps", "rg",
    ];
    let bytes = stem.as_bytes();
    let n = bytes.len();
    if n < 2 || !stem.is_ascii() {
        return false;
    }
    // Two vowels before the ending mean the vowel is long without an e: "treat", "shout", "pour".
    const NO_E: [&str; 14] = [
        "eat", "oat", "out", "our", "eur", "oad", "ead", "oid", "aid", "oud", "ood", "ear", "air",
        "oar",
    ];
    if verb
        && n > 3
        && E_ENDINGS.iter().any(|e| stem.ends_with(e))
        && !NO_E.iter().any(|e| stem.ends_with(e))
    {
        return true;
    }
    let cvc = n >= 3
        && is_consonant(bytes[n - 1])
        && !matches!(bytes[n - 1], b'w' | b'x' | b'y')
        && !is_consonant(bytes[n - 2])
        && is_consonant(bytes[n - 3]);
    cvc && vowel_groups(stem) == 1
}

fn is_consonant(byte: u8) -> bool {
    byte.is_ascii_alphabetic() && !matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn vowel_groups(word: &str) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for byte in word.bytes() {
        let vowel = byte.is_ascii_alphabetic() && !is_consonant(byte);
        if vowel && !in_vowel {
            groups += 1;
        }
        in_vowel = vowel;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        let verbs = ["upgrade", "stop", "call", "add", "use", "see"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        Known {
            verbs,
            ..Known::default()
        }
    }

    #[test]
    fn verb_forms() {
        let k = known();
        for (word, xpos, expected) in [
            ("ruled", "VBD", "rule"),
            ("agreed", "VBD", "agree"),
            ("upgraded", "VBN", "upgrade"),
            ("upgrades", "VBZ", "upgrade"),
            ("stopped", "VBD", "stop"),
            ("shipped", "VBD", "ship"),
            ("called", "VBD", "call"),
            ("carried", "VBD", "carry"),
            ("walked", "VBD", "walk"),
            ("visited", "VBD", "visit"),
            ("negotiated", "VBN", "negotiate"),
            ("treated", "VBN", "treat"),
            ("decided", "VBD", "decide"),
            ("loaded", "VBD", "load"),
            ("waffling", "VBG", "waffle"),
            ("compared", "VBN", "compare"),
            ("making", "VBG", "make"),
            ("running", "VBG", "run"),
            ("seeing", "VBG", "see"),
            ("watches", "VBZ", "watch"),
            ("tries", "VBZ", "try"),
        ] {
            assert_eq!(lemma(word, xpos, &k), expected, "{word}/{xpos}");
        }
    }

    #[test]
    fn nouns_adjectives_and_clitics() {
        let k = Known::default();
        for (word, xpos, expected) in [
            ("countries", "NNS", "country"),
            ("churches", "NNS", "church"),
            ("boxes", "NNS", "box"),
            ("sources", "NNS", "source"),
            ("Officials", "NNS", "official"),
            ("Americans", "NNPS", "American"),
            ("Zelenskyy", "NNP", "Zelenskyy"),
            ("video's", "NNS", "video"),
            ("6,363,217", "CD", "6363217"),
            ("bigger", "JJR", "big"),
            ("happiest", "JJS", "happy"),
            ("The", "DT", "the"),
            ("n't", "RB", "not"),
            ("'s", "VBZ", "be"),
            ("'s", "POS", "'s"),
        ] {
            assert_eq!(lemma(word, xpos, &k), expected, "{word}/{xpos}");
        }
    }
}
