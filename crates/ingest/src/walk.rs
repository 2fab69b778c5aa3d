//! Turns the inputs as given (files, directories, globs, `-`) into a lazy stream of inputs to
//! open, in a deterministic order.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{IngestError, Location};
use crate::source::Input;

/// A lazy stream of inputs to open.
pub(crate) type Inputs = Box<dyn Iterator<Item = Result<Input, IngestError>>>;

/// Expands one input argument. Directories are walked recursively in file-name order; globs are
/// expanded in the glob crate's (alphabetical) order; anything else is taken as a file, so that a
/// missing file is reported when it is opened.
pub(crate) fn expand(input: &str) -> Inputs {
    if input == "-" {
        return Box::new(std::iter::once(Ok(Input::Stdin)));
    }
    let path = Path::new(input);
    if path.is_dir() {
        return walk_dir(path);
    }
    if is_glob(input) && !path.exists() {
        return expand_glob(input);
    }
    Box::new(std::iter::once(Ok(Input::File(path.to_path_buf()))))
}

fn is_glob(input: &str) -> bool {
    input.contains(['*', '?', '['])
}

/// Files a walk or a glob should not yield: hidden files and metadata sidecars, which belong to
/// the document next to them.
fn skipped(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with(".meta.json")
}

/// Extensions a directory walk reads; files without an extension are read too (and sniffed).
/// Files named explicitly or by a glob are always read, whatever their extension.
const NEWS_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "csv", "tsv", "rss", "atom", "xml",
    "warc", "gz", "sgm", "sgml",
];

fn is_news_file(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(extension) => {
            let extension = extension.to_string_lossy().to_ascii_lowercase();
            NEWS_EXTENSIONS.contains(&extension.as_str())
        }
    }
}

fn walk_dir(root: &Path) -> Inputs {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !skipped(entry.path()));
    let root_name = root.display().to_string();
    Box::new(walker.filter_map(move |entry| match entry {
        Ok(entry) if entry.file_type().is_file() => {
            let path = entry.into_path();
            Some(Ok(if is_news_file(&path) {
                Input::File(path)
            } else {
                Input::Skipped(path)
            }))
        }
        Ok(_) => None,
        Err(error) => {
            let path = error
                .path()
                .map_or(root_name.clone(), |p| p.display().to_string());
            Some(Err(IngestError::Input {
                at: Location::file(path),
                message: error.to_string(),
            }))
        }
    }))
}

fn expand_glob(pattern: &str) -> Inputs {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(error) => {
            let message = format!("bad glob pattern: {error}");
            return Box::new(std::iter::once(Err(IngestError::Input {
                at: Location::file(pattern),
                message,
            })));
        }
    };
    let mut files = paths
        .filter_map(|entry| match entry {
            Ok(path) if path.is_file() && !skipped(&path) => Some(Ok(Input::File(path))),
            Ok(_) => None,
            Err(error) => Some(Err(IngestError::Input {
                at: Location::file(error.path().display().to_string()),
                message: error.error().to_string(),
            })),
        })
        .peekable();
    // A pattern that matches nothing is almost always a typo: say so instead of reading nothing.
    if files.peek().is_none() {
        return Box::new(std::iter::once(Err(IngestError::Input {
            at: Location::file(pattern),
            message: "no files match this pattern".to_string(),
        })));
    }
    Box::new(files)
}

/// The sidecars that may hold a text file's metadata: `a.txt.meta.json`, then `a.meta.json`.
pub(crate) fn sidecars(path: &Path) -> Vec<PathBuf> {
    let mut candidates = Vec::with_capacity(2);
    let mut full = path.as_os_str().to_owned();
    full.push(".meta.json");
    candidates.push(PathBuf::from(full));
    if path.extension().is_some() {
        candidates.push(path.with_extension("meta.json"));
    }
    candidates
}
