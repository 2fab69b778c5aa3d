//! Reading the tab-separated files compiled in (the lexicons under `data/lexicon`, the
//! gazetteer's hand-written files): comments, a header, a fixed number of fields, and errors
//! that name the file and line. (The KB has its own reader: its files may come from outside
//! the binary, with CR line ends and padded fields.)

use thiserror::Error;

/// A line of the lexicon that could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The data lines of a tab-separated lexicon file with their 1-based line numbers: comments
/// (`#`) and blank lines skipped, the first other line checked against `header`, every later
/// one checked to have as many fields.
pub(crate) fn rows<'t>(
    file: &'static str,
    text: &'t str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'t str>)>, LexiconError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (number, line) in text.lines().enumerate() {
        let error = |message: String| LexiconError {
            file,
            line: number + 1,
            message,
        };
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !seen_header {
            if fields != header {
                return Err(error(format!("expected the header {header:?}")));
            }
            seen_header = true;
            continue;
        }
        if fields.len() != header.len() {
            return Err(error(format!(
                "{} fields, expected {}",
                fields.len(),
                header.len()
            )));
        }
        out.push((number + 1, fields));
    }
    if !seen_header {
        return Err(LexiconError {
            file,
            line: 1,
            message: "no header".to_string(),
        });
    }
    Ok(out)
}
