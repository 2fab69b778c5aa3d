//! Finds a page's declared encoding the way a browser's prescan does: `<meta charset=...>` or
//! `<meta http-equiv="Content-Type" content="...; charset=...">` near the start of the bytes.

/// How far into the page a declaration is looked for (browsers use 1024; real pages with long
/// `<head>` comments put it later).
const PRESCAN_BYTES: usize = 4096;

/// The declared label and its byte offset, if the page declares one.
pub(crate) fn declared(bytes: &[u8]) -> Option<(String, usize)> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(start) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |i| i + start);
        if let Some(found) = charset_in(&head[start..end], &lower[start..end]) {
            return Some((found.0, start + found.1));
        }
        from = end.max(start + 1);
    }
    None
}

/// The charset parameter anywhere in a header value or tag: `charset="x"`, `charset=x;`.
pub(crate) fn charset_param(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    charset_in(value.as_bytes(), lower.as_bytes()).map(|(label, _)| label)
}

fn charset_in(original: &[u8], lower: &[u8]) -> Option<(String, usize)> {
    let key = find(lower, b"charset")?;
    let mut i = key + b"charset".len();
    let skip_space = |i: &mut usize| {
        while lower.get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    if lower.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    skip_space(&mut i);
    if matches!(lower.get(i), Some(b'"' | b'\'')) {
        i += 1;
    }
    let start = i;
    while original
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
    {
        i += 1;
    }
    let label = String::from_utf8_lossy(&original[start..i]).into_owned();
    (!label.is_empty()).then_some((label, start))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_both_declaration_forms() {
        let page = br#"<html><head><meta charset="windows-1252"><title>x"#;
        assert_eq!(declared(page), Some(("windows-1252".to_string(), 27)));
        let page = br#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">"#;
        assert_eq!(declared(page).map(|d| d.0), Some("KOI8-R".to_string()));
        assert_eq!(declared(b"<meta name=x content=y><p>charset=no</p>"), None);
        assert_eq!(
            charset_param("text/html; charset=\"iso-8859-1\""),
            Some("iso-8859-1".into())
        );
    }
}
