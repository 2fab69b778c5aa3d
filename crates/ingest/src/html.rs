//! HTML pages: encoding, main text via `dom_smoothie` (a Readability port), and metadata from
//! JSON-LD, `<meta>` tags and Readability, in that order of trust.

use dateline_core::{Diagnostic, Doc, DocMeta};
use dom_query::Document;
use dom_smoothie::{Article, Config, Readability, TextMode};

use crate::decode::{decode_declared, decode_utf8, warning};
use crate::error::IngestError;
use crate::error::Location;
use crate::finish::{finish, guarded, non_blank, offer_metadata_date};
use crate::source::{read_document, Source};
use crate::{DocResults, IngestConfig, Reader};

pub(crate) mod charset;
mod jsonld;

/// Reads one HTML file as one document.
pub(crate) struct HtmlReader;

impl Reader for HtmlReader {
    fn documents(&self, mut source: Source, config: &IngestConfig) -> DocResults {
        Box::new(std::iter::once(read_html(&mut source, config)))
    }
}

fn read_html(source: &mut Source, config: &IngestConfig) -> Result<Doc, IngestError> {
    let bytes = read_document(source, config.max_doc_bytes)?;
    let (markup, mut diagnostics) = decode_page(bytes, None);
    let at = source.location();
    let page = parse_page(&markup, &at)?;
    let mut meta = DocMeta::default();
    page.fill_meta(&mut meta);
    diagnostics.extend(page.diagnostics);
    finish(page.text, meta, diagnostics, at, config)
}

/// Decodes a page: a byte-order mark wins, then the HTTP charset (from a WARC record), then a
/// `<meta>` declaration in the first bytes, then UTF-8.
pub(crate) fn decode_page(bytes: Vec<u8>, http_charset: Option<&str>) -> (String, Vec<Diagnostic>) {
    if let Some(label) = http_charset {
        return decode_declared(bytes, label, 0);
    }
    match charset::declared(&bytes) {
        Some((label, at)) => decode_declared(bytes, &label, at),
        None => {
            let (text, diagnostic) = decode_utf8(bytes);
            (text, diagnostic.into_iter().collect())
        }
    }
}

/// What a page yields: its main text, paragraphs separated by blank lines, and its metadata.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Page {
    /// Fills the fields `meta` does not have yet: whoever called first (JSONL fields, a WARC
    /// target URI) knows better than the page.
    pub(crate) fn fill_meta(&self, meta: &mut DocMeta) {
        fill(&mut meta.title, &self.title);
        fill(&mut meta.source, &self.source);
        fill(&mut meta.url, &self.url);
        if meta.authors.is_empty() {
            meta.authors.clone_from(&self.authors);
        }
        if let Some(published) = &self.published {
            offer_metadata_date(meta, published);
        }
    }
}

fn fill(slot: &mut Option<String>, value: &Option<String>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

/// Extracts text and metadata from a whole page. When Readability finds no main text, the
/// body's text is used and a warning says so; only a panic in the HTML libraries is an error.
pub(crate) fn parse_page(markup: &str, at: &Location) -> Result<Page, IngestError> {
    guarded(at, "HTML extraction", || extract_page(markup))
}

fn extract_page(markup: &str) -> Page {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let Ok(mut readability) = Readability::new(markup, None, Some(config)) else {
        return fallback_page(markup);
    };
    let linked = jsonld::article(&readability.doc);
    let tags = meta_tags(&readability.doc);
    let mut page = match readability.parse() {
        Ok(article) => page_from_article(article),
        Err(error) => {
            let mut page = fallback_page(markup);
            let message = format!("main-text extraction failed ({error}); used the whole body");
            page.diagnostics.push(warning(message));
            page
        }
    };
    let guessed_title = page.title.clone();
    // JSON-LD beats <meta> tags, which beat Readability's guesses.
    for found in [tags, linked] {
        overlay(&mut page, found);
    }
    let titles = [guessed_title.as_deref(), page.title.as_deref()];
    page.text = drop_leading_headline(&page.text, &titles);
    page
}

/// Readability keeps the page's `<h1>` and byline line above the story. They are metadata, and
/// left in place they hide the wire dateline that opens the first real paragraph.
fn drop_leading_headline(text: &str, titles: &[Option<&str>]) -> String {
    let mut rest = text;
    for _ in 0..3 {
        let (first, after) = rest.split_once("\n\n").unwrap_or((rest, ""));
        let is_title = titles
            .iter()
            .flatten()
            .any(|t| first.trim().eq_ignore_ascii_case(t.trim()));
        let is_byline = first.len() <= 120
            && (first.starts_with("By ") || first.starts_with("BY "))
            && !first.contains('\n');
        if after.is_empty() || !(is_title || is_byline) {
            break;
        }
        rest = after;
    }
    rest.to_string()
}

fn overlay(page: &mut Page, found: Page) {
    let replace = |slot: &mut Option<String>, value: Option<String>| {
        if let Some(value) = value.and_then(non_blank) {
            *slot = Some(value);
        }
    };
    replace(&mut page.title, found.title);
    replace(&mut page.source, found.source);
    replace(&mut page.published, found.published);
    replace(&mut page.url, found.url);
    if !found.authors.is_empty() {
        page.authors = found.authors;
    }
}

fn page_from_article(article: Article) -> Page {
    Page {
        text: tidy_paragraphs(&article.text_content),
        title: non_blank(article.title),
        authors: article.byline.and_then(non_blank).into_iter().collect(),
        source: article.site_name.and_then(non_blank),
        published: article.published_time.and_then(non_blank),
        url: article.url.and_then(non_blank),
        diagnostics: Vec::new(),
    }
}

fn fallback_page(markup: &str) -> Page {
    let document = Document::from(markup);
    document
        .select("script, style, noscript, template")
        .remove();
    let text = match document.body() {
        Some(body) => body.formatted_text().to_string(),
        None => document.formatted_text().to_string(),
    };
    let title = non_blank(document.select("title").text().to_string());
    Page {
        text: tidy_paragraphs(&text),
        title,
        ..Page::default()
    }
}

/// `<meta>` and `<link rel=canonical>` metadata.
fn meta_tags(document: &Document) -> Page {
    let mut page = Page::default();
    for node in document.select("meta").nodes() {
        let key = node.attr("property").or_else(|| node.attr("name"));
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        let content = content.trim().to_string();
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "og:title" => &mut page.title,
            "og:site_name" => &mut page.source,
            "article:published_time" | "datepublished" | "pubdate" | "dc.date" => {
                &mut page.published
            }
            "og:url" => &mut page.url,
            "author" | "article:author" if !content.starts_with("http") => {
                page.authors.push(content);
                continue;
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = non_blank(content);
        }
    }
    if page.url.is_none() {
        let canonical = document.select(r#"link[rel="canonical"]"#).attr("href");
        page.url = canonical.and_then(|href| non_blank(href.to_string()));
    }
    page
}

/// The text of an HTML fragment (a feed item's content): tags stripped, entities decoded,
/// paragraphs kept. Text without tags keeps its own blank-line paragraphs.
pub(crate) fn fragment_text(fragment: &str) -> String {
    if !fragment.contains('<') {
        return tidy_paragraphs(fragment);
    }
    let document = Document::fragment(fragment);
    document
        .select("script, style, noscript, template")
        .remove();
    tidy_paragraphs(&document.formatted_text())
}

/// Trims every line, turns runs of blank lines into one, and drops leading and trailing blank
/// lines, so that paragraphs are always separated by exactly "\n\n".
pub(crate) fn tidy_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_break = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            pending_break = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if pending_break { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        pending_break = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_keeps_paragraphs() {
        assert_eq!(tidy_paragraphs("\n  a \n b\n\n\n  \nc  \n\n"), "a\nb\n\nc");
    }

    #[test]
    fn fragments_keep_paragraph_breaks_and_decode_entities() {
        let text = fragment_text("<p>Talks &amp; more.</p><p>Second <b>para</b>.</p>");
        assert_eq!(text, "Talks & more.\n\nSecond para.");
        assert_eq!(fragment_text("Plain\n\ntext"), "Plain\n\ntext");
    }

    #[test]
    fn headline_and_byline_are_not_text() {
        let text = "Talks resume\n\nBy A. Writer\n\nKYIV (AFP) — Talks resumed.\n\nMore.";
        let titles = [Some("Talks resume"), None];
        assert_eq!(
            drop_leading_headline(text, &titles),
            "KYIV (AFP) — Talks resumed.\n\nMore."
        );
        assert_eq!(
            drop_leading_headline("Talks resume", &titles),
            "Talks resume"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for markup in [
            "",
            "<",
            "<html><body><p>",
            "<<<>>>&&;;",
            "<script>x</script>",
        ] {
            let _ = extract_page(markup);
        }
    }
}
