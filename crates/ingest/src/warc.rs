//! WARC files, plain or gzip-compressed per record (Common Crawl News): every HTTP `response`
//! record holding an HTML page is a document. A small streaming parser: one record in memory.

use std::io::{self, BufRead, BufReader, Read};

use dateline_core::{Doc, DocMeta};
use flate2::bufread::MultiGzDecoder;

use crate::error::{IngestError, Location};
use crate::finish::{finish, non_blank, offer_metadata_date};
use crate::html::{self, charset::charset_param};
use crate::source::Source;
use crate::{DocResults, IngestConfig, Reader};

/// Reads WARC records one at a time.
pub(crate) struct WarcReader;

impl Reader for WarcReader {
    fn documents(&self, mut source: Source, config: &IngestConfig) -> DocResults {
        let gzipped = source
            .reader
            .fill_buf()
            .is_ok_and(|head| head.starts_with(&[0x1f, 0x8b]));
        let stream: Box<dyn BufRead> = if gzipped {
            Box::new(BufReader::new(MultiGzDecoder::new(source.reader)))
        } else {
            source.reader
        };
        Box::new(WarcDocs {
            name: source.name,
            stream,
            gzipped,
            offset: 0,
            record: 0,
            done: false,
            config: config.clone(),
        })
    }
}

struct WarcDocs {
    name: String,
    stream: Box<dyn BufRead>,
    gzipped: bool,
    /// Bytes consumed so far in the (decompressed) stream.
    offset: u64,
    record: u64,
    done: bool,
    config: IngestConfig,
}

/// The WARC header fields this reader uses.
#[derive(Default)]
struct WarcHeader {
    kind: String,
    length: Option<u64>,
    target: Option<String>,
    date: Option<String>,
}

/// A problem that stops the file: the parser cannot find the next record after it.
type Fatal = IngestError;

impl Iterator for WarcDocs {
    type Item = Result<Doc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Ok(Some(Some(result))) => return Some(result),
                Ok(Some(None)) => continue,
                Ok(None) => self.done = true,
                Err(fatal) => {
                    self.done = true;
                    return Some(Err(fatal));
                }
            }
        }
        None
    }
}

impl WarcDocs {
    /// Reads one record: `None` at the clean end of the file, `Some(None)` for a record that is
    /// not a document (warcinfo, request, metadata), `Some(Some(result))` for a response.
    fn next_record(&mut self) -> Result<Option<Option<Result<Doc, IngestError>>>, Fatal> {
        let start = self.offset;
        let at = Location::record(self.name.clone(), self.record + 1).at_byte(start);
        let Some(header) = self.read_header(&at)? else {
            return Ok(None);
        };
        self.record += 1;
        let Some(length) = header.length else {
            let message = "WARC record without a valid Content-Length".to_string();
            return Err(IngestError::Unreadable { at, message });
        };
        let cap = self.config.max_doc_bytes as u64;
        if header.kind != "response" {
            self.skip(length, &at)?;
            return Ok(Some(None));
        }
        if length > cap {
            self.skip(length, &at)?;
            return Ok(Some(Some(Err(IngestError::TooLarge {
                at,
                size: length,
                cap,
            }))));
        }
        let block = self.read_block(length, &at)?;
        Ok(Some(Some(self.response(block, header, at))))
    }

    /// Reads the header block. Blank lines before the version line are the previous record's
    /// trailing CRLFs.
    fn read_header(&mut self, at: &Location) -> Result<Option<WarcHeader>, Fatal> {
        let mut line = String::new();
        loop {
            if self.read_line(&mut line, at)? == 0 {
                return Ok(None);
            }
            if !line.trim().is_empty() {
                break;
            }
        }
        if !line.starts_with("WARC/") {
            let message = format!("expected a WARC version line, found {:?}", truncate(&line));
            return Err(IngestError::Unreadable {
                at: at.clone(),
                message,
            });
        }
        let mut header = WarcHeader::default();
        loop {
            if self.read_line(&mut line, at)? == 0 {
                return Err(self.truncated(at));
            }
            let trimmed = line.trim_end();
            if trimmed.is_empty() {
                return Ok(Some(header));
            }
            let Some((name, value)) = trimmed.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value,
                "content-length" => header.length = value.parse().ok(),
                "warc-target-uri" => header.target = non_blank(value),
                "warc-date" => header.date = non_blank(value),
                _ => {}
            }
        }
    }

    fn read_line(&mut self, line: &mut String, at: &Location) -> Result<usize, Fatal> {
        line.clear();
        let mut bytes = Vec::new();
        // WARC headers are short; a "line" this long means we are not in a header at all.
        let read = (&mut self.stream)
            .take(64 * 1024)
            .read_until(b'\n', &mut bytes)
            .map_err(|error| self.stream_error(error, at))?;
        self.offset += read as u64;
        line.push_str(&String::from_utf8_lossy(&bytes));
        Ok(read)
    }

    fn read_block(&mut self, length: u64, at: &Location) -> Result<Vec<u8>, Fatal> {
        let mut block = Vec::new();
        let read = (&mut self.stream)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|error| self.stream_error(error, at))?;
        self.offset += read as u64;
        if (read as u64) < length {
            return Err(self.truncated(at));
        }
        Ok(block)
    }

    fn skip(&mut self, length: u64, at: &Location) -> Result<(), Fatal> {
        let skipped = io::copy(&mut (&mut self.stream).take(length), &mut io::sink())
            .map_err(|error| self.stream_error(error, at))?;
        self.offset += skipped;
        if skipped < length {
            return Err(self.truncated(at));
        }
        Ok(())
    }

    fn truncated(&self, at: &Location) -> IngestError {
        let what = if self.gzipped {
            "truncated gzip stream"
        } else {
            "truncated record"
        };
        IngestError::Truncated {
            at: at.clone(),
            what: what.to_string(),
        }
    }

    fn stream_error(&self, error: io::Error, at: &Location) -> IngestError {
        if !self.gzipped {
            return IngestError::Read {
                at: at.clone(),
                source: error,
            };
        }
        let what = match error.kind() {
            io::ErrorKind::UnexpectedEof => "truncated gzip stream".to_string(),
            _ => format!("corrupt gzip stream ({error})"),
        };
        IngestError::Truncated {
            at: at.clone(),
            what,
        }
    }

    /// A response record: HTTP headers, then the page.
    fn response(
        &self,
        block: Vec<u8>,
        header: WarcHeader,
        at: Location,
    ) -> Result<Doc, IngestError> {
        let http = HttpResponse::parse(block).map_err(|reason| IngestError::Skipped {
            at: at.clone(),
            reason,
        })?;
        let (markup, mut diagnostics) = html::decode_page(http.body, http.charset.as_deref());
        let page = html::parse_page(&markup, &at)?;
        let mut meta = DocMeta {
            url: header.target,
            ..DocMeta::default()
        };
        page.fill_meta(&mut meta);
        // The WARC date is when the page was crawled: a fallback when the page states no date.
        if let Some(date) = &header.date {
            offer_metadata_date(&mut meta, date);
        }
        diagnostics.extend(page.diagnostics);
        finish(page.text, meta, diagnostics, at, &self.config)
    }
}

/// The parts of an HTTP response this reader needs.
struct HttpResponse {
    charset: Option<String>,
    body: Vec<u8>,
}

impl HttpResponse {
    /// Splits the status line and headers from the body. Returns why the record is not an HTML
    /// page when it is not one.
    fn parse(block: Vec<u8>) -> Result<HttpResponse, String> {
        let Some((head_end, body_start)) = header_end(&block) else {
            return Err("response record without an HTTP header".to_string());
        };
        let head = String::from_utf8_lossy(&block[..head_end]).into_owned();
        let mut lines = head.lines();
        let status = lines.next().unwrap_or_default();
        let code = status.split_whitespace().nth(1).unwrap_or_default();
        if !status.starts_with("HTTP/") {
            return Err("response record is not HTTP".to_string());
        }
        if !code.starts_with('2') {
            return Err(format!("HTTP status {code}"));
        }
        let content_type = lines
            .filter_map(|line| line.split_once(':'))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-type"))
            .map(|(_, value)| value.trim().to_string());
        if let Some(kind) = &content_type {
            let lower = kind.to_ascii_lowercase();
            if !(lower.contains("html") || lower.is_empty()) {
                return Err(format!("payload is {kind}, not HTML"));
            }
        }
        let charset = content_type.as_deref().and_then(charset_param);
        Ok(HttpResponse {
            charset,
            body: block[body_start..].to_vec(),
        })
    }
}

fn header_end(block: &[u8]) -> Option<(usize, usize)> {
    if let Some(i) = block.windows(4).position(|w| w == b"\r\n\r\n") {
        return Some((i, i + 4));
    }
    block
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| (i, i + 2))
}

fn truncate(line: &str) -> String {
    line.trim_end().chars().take(40).collect()
}
