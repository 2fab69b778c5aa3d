//! The tag inventories the models predict: Universal POS tags, English Penn Treebank XPOS tags as
//! UD English uses them, and UD English dependency relations. Tags are `&'static str` from these
//! lists, so annotation layers hold no per-token strings.

/// The 17 Universal POS tags.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Penn Treebank tags with the UD English additions (ADD, AFX, GW, HYPH, NFP, XX).
pub const XPOS: [&str; 50] = [
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
    "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB", "XX", "``",
];

/// UD English dependency relations (with subtypes).
pub const DEPRELS: [&str; 51] = [
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "case",
    "cc",
    "cc:preconj",
    "ccomp",
    "compound",
    "compound:prt",
    "conj",
    "cop",
    "csubj",
    "csubj:outer",
    "csubj:pass",
    "dep",
    "det",
    "det:predet",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nmod:desc",
    "nmod:poss",
    "nmod:unmarked",
    "nsubj",
    "nsubj:outer",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:unmarked",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
];

/// The inventory's own `&'static str` for `tag`, if it is in `inventory`.
pub fn intern(inventory: &'static [&'static str], tag: &str) -> Option<&'static str> {
    inventory.iter().copied().find(|&known| known == tag)
}

/// Part of speech of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PosTag {
    /// Universal POS tag, one of [`UPOS`].
    pub upos: &'static str,
    /// Penn Treebank tag, one of [`XPOS`].
    pub xpos: &'static str,
}

/// The syntactic head of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dependency {
    /// Index of the head token in the document's token list; `None` for the sentence root.
    pub head: Option<u32>,
    /// Relation to the head, one of [`DEPRELS`].
    pub relation: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inventories_are_sorted_and_unique() {
        for inventory in [&UPOS[..], &XPOS[..], &DEPRELS[..]] {
            let mut sorted = inventory.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), inventory.len());
        }
        assert_eq!(intern(&UPOS, "NOUN"), Some("NOUN"));
        assert_eq!(intern(&DEPRELS, "nsubj:pass"), Some("nsubj:pass"));
        assert_eq!(intern(&XPOS, "NOPE"), None);
    }
}
