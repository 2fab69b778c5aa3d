//! POS tagger (to be written).
