//! A source is one opened input (a file or stdin) whose first bytes have been sniffed; readers
//! consume it. Also the size-capped reading helpers that every reader shares.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::PathBuf;

use crate::detect::{self, HEAD_LEN};
use crate::error::{IngestError, Location};
use crate::{Format, IngestConfig};

/// One opened input, ready for a [`crate::Reader`].
pub struct Source {
    /// The name used in errors and `Origin::path`: the path as found, or `-` for stdin.
    pub name: String,
    /// The file path, for sidecar lookups; `None` for stdin.
    pub path: Option<PathBuf>,
    /// The file size from its metadata, when known before reading.
    pub size: Option<u64>,
    /// The content from its first byte (the sniffed head is replayed).
    pub reader: Box<dyn BufRead>,
}

impl Source {
    /// The location of the whole source, for errors.
    pub fn location(&self) -> Location {
        Location::file(self.name.clone())
    }
}

/// Where a source's bytes come from.
pub(crate) enum Input {
    /// Standard input, written `-`.
    Stdin,
    /// A file path.
    File(PathBuf),
    /// A file a directory walk passes over because its extension is not a news format
    /// (README.md, images, scripts); counted in the summary, never read.
    Skipped(PathBuf),
}

/// Opens an input, reads its head and decides its format. Errors here are file-level.
pub(crate) fn open_input(
    input: Input,
    config: &IngestConfig,
) -> Result<(Source, Format), IngestError> {
    let (name, path, size, raw): (String, Option<PathBuf>, Option<u64>, Box<dyn Read>) = match input
    {
        Input::Stdin => ("-".to_string(), None, None, Box::new(io::stdin().lock())),
        Input::File(path) | Input::Skipped(path) => {
            let name = path.display().to_string();
            let file = File::open(&path).map_err(|source| IngestError::Open {
                at: Location::file(name.clone()),
                source,
            })?;
            let size = file.metadata().ok().map(|m| m.len());
            (name, Some(path), size, Box::new(file))
        }
    };
    let mut raw = raw;
    let head = read_head(&mut raw).map_err(|source| IngestError::Read {
        at: Location::file(name.clone()),
        source,
    })?;
    let format = match config.format {
        Some(format) => format,
        None => detect::detect(&name, &head)?,
    };
    let reader: Box<dyn BufRead> = Box::new(BufReader::new(Cursor::new(head).chain(raw)));
    Ok((
        Source {
            name,
            path,
            size,
            reader,
        },
        format,
    ))
}

fn read_head(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD_LEN);
    reader.take(HEAD_LEN as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Reads a whole single-document source, refusing it when it is over the cap. The file size is
/// checked before reading; streams without a known size are read up to the cap and then only
/// counted, so that a huge input never sits in memory.
pub(crate) fn read_document(source: &mut Source, cap: usize) -> Result<Vec<u8>, IngestError> {
    let at = source.location();
    let cap64 = cap as u64;
    if let Some(size) = source.size.filter(|&size| size > cap64) {
        return Err(IngestError::TooLarge {
            at,
            size,
            cap: cap64,
        });
    }
    let mut bytes = Vec::new();
    let read = (&mut source.reader)
        .take(cap64.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Read {
            at: at.clone(),
            source,
        })?;
    if read as u64 > cap64 {
        let rest =
            io::copy(&mut source.reader, &mut io::sink()).map_err(|source| IngestError::Read {
                at: at.clone(),
                source,
            })?;
        return Err(IngestError::TooLarge {
            at,
            size: read as u64 + rest,
            cap: cap64,
        });
    }
    Ok(bytes)
}

/// What [`read_line_capped`] found.
pub(crate) struct Line {
    /// The line's length in bytes, without its newline, even when it was not all kept.
    pub len: u64,
    /// False when the line was longer than the cap and only its start is in the buffer.
    pub complete: bool,
}

/// Reads one line into `buffer` (cleared first, newline stripped), keeping at most `cap` bytes:
/// an oversized line is skipped to its end without being held in memory. `None` at end of input.
pub(crate) fn read_line_capped(
    reader: &mut dyn BufRead,
    buffer: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Option<Line>> {
    buffer.clear();
    let mut len: u64 = 0;
    let mut saw_any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        saw_any = true;
        let (chunk, found_newline) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        let room = cap.saturating_sub(buffer.len());
        buffer.extend_from_slice(&chunk[..chunk.len().min(room)]);
        len += chunk.len() as u64;
        let used = chunk.len() + usize::from(found_newline);
        reader.consume(used);
        if found_newline {
            break;
        }
    }
    if !saw_any {
        return Ok(None);
    }
    if buffer.last() == Some(&b'\r') {
        buffer.pop();
        len = len.saturating_sub(1);
    }
    Ok(Some(Line {
        len,
        complete: len <= cap as u64,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines_skip_long_ones() {
        let mut reader = Cursor::new(b"short\r\nthis one is long\n\nlast".to_vec());
        let mut buffer = Vec::new();
        let mut lines = Vec::new();
        while let Some(line) = read_line_capped(&mut reader, &mut buffer, 8).unwrap() {
            lines.push((
                String::from_utf8_lossy(&buffer).into_owned(),
                line.len,
                line.complete,
            ));
        }
        assert_eq!(
            lines,
            vec![
                ("short".to_string(), 5, true),
                ("this one".to_string(), 16, false),
                (String::new(), 0, true),
                ("last".to_string(), 4, true),
            ]
        );
    }
}
