//! Flattens tags nested deeper than a browser would keep, before html5ever sees them:
//! its tree building is quadratic in depth (512 KB of nested `<ul><li>` took 40 s).

use std::borrow::Cow;

/// Deeper than any real article (the corpus nests a few levels); Blink and WebKit cap at 512.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// From this size on, a body is parsed in two halves at once (see [`prepare`]).
pub const SPLIT_FROM: usize = 32 * 1024;

/// What html5ever should get: `html` capped at `max` (see [`cap`]) and, for a body of
/// [`SPLIT_FROM`] bytes or more that needed no cap, where it can be cut in two halves
/// that parse apart into what the whole gives.
pub fn prepare(html: &str, max: usize) -> (Cow<'_, str>, Option<usize>) {
    let tags = html.bytes().filter(|&b| b == b'<').count();
    if tags <= max && html.len() < SPLIT_FROM {
        return (Cow::Borrowed(html), None);
    }
    let (deepest, split) = shape(html);
    if deepest > max {
        return (cap(html, max), None);
    }
    let split = split.filter(|_| html.len() >= SPLIT_FROM);
    (Cow::Borrowed(html), split)
}

/// The first place at or past the middle of `html` where a `<p>`, `<div>` or `<table>`
/// opens outside any other element, if there is one: every tag before it is closed, so
/// the two sides are documents of their own.
pub fn split_point(html: &str) -> Option<usize> {
    shape(html).1
}

/// `html` with every tag that would open deeper than `max` removed, and its closing
/// tag too; the text is kept, in order.
pub fn cap(html: &str, max: usize) -> Cow<'_, str> {
    // Counted as bytes: `matches('<')` took 6% of showing the largest article.
    if html.bytes().filter(|&b| b == b'<').count() <= max || max_depth(html) <= max {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag_and_after = &rest[start..];
        let end = tag_and_after
            .find('>')
            .map_or(tag_and_after.len(), |e| e + 1);
        let tag = &tag_and_after[..end];
        rest = &tag_and_after[end..];
        match classify(tag) {
            Tag::Open => {
                if depth >= max {
                    dropped += 1;
                    continue;
                }
                depth += 1;
            }
            Tag::Close => {
                if dropped > 0 {
                    dropped -= 1;
                    continue;
                }
                depth = depth.saturating_sub(1);
            }
            Tag::Other => {}
        }
        out.push_str(tag);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The deepest nesting of `html`'s tags.
fn max_depth(html: &str) -> usize {
    shape(html).0
}

/// The deepest nesting of `html`'s tags, and its [`split_point`]: one loop over the
/// bytes (with `str::find` for each `<` and `>`, the depth alone took 8% of showing
/// the largest article, 5,000 tags).
fn shape(html: &str) -> (usize, Option<usize>) {
    let b = html.as_bytes();
    let middle = html.len() / 2;
    let (mut depth, mut deepest, mut split) = (0usize, 0usize, None);
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < b.len() && b[end] != b'>' {
            end += 1;
        }
        let end = (end + 1).min(b.len());
        // `<` and `>` are ASCII, so both ends are character boundaries.
        let tag = html.get(i..end).unwrap_or_default();
        match classify(tag) {
            Tag::Open => {
                if depth == 0 && split.is_none() && i >= middle && splits_before(tag) {
                    split = Some(i);
                }
                depth += 1;
                deepest = deepest.max(depth);
            }
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Other => {}
        }
        i = end;
    }
    (deepest, split)
}

/// Whether a document may be cut just before this opening tag: one that starts a
/// paragraph of its own, whatever came before.
fn splits_before(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches('<')
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect();
    matches!(name.as_str(), "p" | "div" | "table")
}

enum Tag {
    Open,
    Close,
    Other,
}

fn classify(tag: &str) -> Tag {
    let inner = tag.trim_start_matches('<');
    if inner.starts_with('/') {
        return Tag::Close;
    }
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) || tag.ends_with("/>") {
        return Tag::Other;
    }
    let len = inner.bytes().take_while(u8::is_ascii_alphanumeric).count();
    // Void names are 2 to 6 letters: most tags (`p`, `div`, `table`…) are told apart
    // by their length and first letter before any comparison.
    let name = &inner[..len];
    let first = name.bytes().next().map(|b| b.to_ascii_lowercase());
    if (2..=6).contains(&len)
        && VOID
            .iter()
            .any(|v| v.bytes().next() == first && v.eq_ignore_ascii_case(name))
    {
        Tag::Other
    } else {
        Tag::Open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_cut_only_between_top_level_paragraphs() {
        let flat = "<p>un</p><p>deux <b>trois</b></p><p>quatre</p>";
        assert_eq!(split_point(flat), flat.find("<p>quatre"));
        // Inside a div nothing is top level: no cut.
        assert_eq!(split_point(&format!("<div>{flat}</div>")), None);
        // Small bodies are parsed whole; large ones get their cut.
        assert_eq!(prepare(flat, MAX_DEPTH).1, None);
        let large = flat.repeat(SPLIT_FROM / flat.len() + 1);
        let (same, at) = prepare(&large, MAX_DEPTH);
        assert!(matches!(same, Cow::Borrowed(_)));
        let at = at.expect("a cut");
        assert!(at >= large.len() / 2 && large[at..].starts_with("<p>"));
    }

    #[test]
    fn shallow_html_is_untouched() {
        let html =
            "<p>I.-Le <a href='/x.md'>L. 1</a><br/>suite</p><table><tr><td>a</td></tr></table>";
        assert!(matches!(cap(html, 8), Cow::Borrowed(_)));
        assert_eq!(cap(html, 3), html);
    }

    #[test]
    fn deep_nesting_is_flattened_and_the_text_kept() {
        let html =
            "<ul><li>".repeat(100_000) + "fond" + &"</li></ul>".repeat(100_000) + "<p>après</p>";
        let capped = cap(&html, MAX_DEPTH);
        assert_eq!(max_depth(&capped), MAX_DEPTH);
        assert!(capped.contains("fond"));
        assert!(
            capped.ends_with("<p>après</p>"),
            "closing tags balance: what follows is intact"
        );
    }

    #[test]
    fn unclosed_deep_tags_too() {
        let html = "<b>".repeat(10_000) + "x";
        let capped = cap(&html, 10);
        assert_eq!(capped, "<b>".repeat(10) + "x");
    }
}
