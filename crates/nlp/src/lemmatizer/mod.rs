//! Lemmatizer (to be written).
