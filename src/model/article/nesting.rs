//! Flattens tags nested deeper than a browser would keep, before html5ever sees them:
//! its tree building is quadratic in depth, so a file nested deep enough would hold
//! the reader for a long while
//! (measured: docs/BENCHMARKS.md, « Figures behind the code »).

use std::borrow::Cow;

/// Deeper than any real article (the corpus nests a few levels); Blink and WebKit cap at 512.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content, so never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// `html` with every tag that would open deeper than `max` removed, and its closing
/// tag too; the text is kept, in order.
pub fn cap(html: &str, max: usize) -> Cow<'_, str> {
    // Counted as bytes, which costs less than `matches('<')`
    // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
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

/// The deepest nesting of `html`'s tags. `<` and `>` are found with memchr: the
/// largest article's hrefs are long, and a loop over every byte spent its time
/// walking them (measured: docs/BENCHMARKS.md, « Figures behind the code »).
fn max_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(start) = memchr::memchr(b'<', &b[i..]).map(|at| i + at) {
        let end = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |at| start + at + 1);
        // `<` and `>` are ASCII, so both ends are character boundaries.
        match html.get(start..end).map_or(Tag::Other, classify) {
            Tag::Open => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Other => {}
        }
        i = end;
    }
    deepest
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
