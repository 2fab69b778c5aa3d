//! Dependency parser (to be written).
