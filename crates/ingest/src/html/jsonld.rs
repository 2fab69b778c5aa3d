//! JSON-LD news metadata: the first NewsArticle/Article-like object in any
//! `<script type="application/ld+json">`, looking inside `@graph` and top-level arrays.

use dom_query::Document;
use serde_json::Value;

use super::Page;
use crate::finish::non_blank;

/// How deep nested arrays and graphs are followed; real pages nest two or three levels.
const MAX_DEPTH: usize = 6;

/// The article metadata the page's JSON-LD states, or an empty page when it states none.
pub(crate) fn article(document: &Document) -> Page {
    for node in document.select("script").nodes() {
        let is_json_ld = node
            .attr("type")
            .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_json_ld {
            continue;
        }
        // Broken JSON-LD is common and harmless: the page still has <meta> tags and text.
        let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return page_from(found);
        }
    }
    Page::default()
}

fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|item| find_article(item, depth + 1)),
        Value::Object(object) => {
            if is_article_type(object.get("@type")) {
                return Some(value);
            }
            object
                .get("@graph")
                .and_then(|graph| find_article(graph, depth + 1))
        }
        _ => None,
    }
}

fn is_article_type(kind: Option<&Value>) -> bool {
    let matches =
        |name: &str| name.ends_with("NewsArticle") || name == "Article" || name == "BlogPosting";
    match kind {
        Some(Value::String(name)) => matches(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn page_from(article: &Value) -> Page {
    let text = |key: &str| {
        article
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_string)
            .and_then(non_blank)
    };
    Page {
        title: text("headline").or_else(|| text("name")),
        published: text("datePublished").or_else(|| text("dateCreated")),
        authors: names(article.get("author")),
        source: article
            .get("publisher")
            .and_then(name_of)
            .and_then(non_blank),
        url: text("url").or_else(|| article.get("mainEntityOfPage").and_then(id_of)),
        ..Page::default()
    }
}

/// Author names from a string, a Person object, or a list of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(name_of)
            .filter_map(non_blank)
            .collect(),
        Some(value) => name_of(value).and_then(non_blank).into_iter().collect(),
        None => Vec::new(),
    }
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(name.clone()),
        Value::Object(object) => object
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

fn id_of(value: &Value) -> Option<String> {
    match value {
        Value::String(url) => non_blank(url.clone()),
        Value::Object(object) => object
            .get("@id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .and_then(non_blank),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_article_in_graph() {
        let page = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["ReportageNewsArticle"],"headline":"Talks","datePublished":"2025-08-19",
             "author":[{"@type":"Person","name":"A. Writer"},"B. Writer"],
             "publisher":{"name":"Daily"},"mainEntityOfPage":{"@id":"https://x/1"}}]}</script>"#;
        let found = article(&Document::from(page));
        assert_eq!(found.title.as_deref(), Some("Talks"));
        assert_eq!(found.published.as_deref(), Some("2025-08-19"));
        assert_eq!(found.authors, vec!["A. Writer", "B. Writer"]);
        assert_eq!(found.source.as_deref(), Some("Daily"));
        assert_eq!(found.url.as_deref(), Some("https://x/1"));
    }
}
