//! An article's HTML as the mirror keeps it: every `<a …>` opening tag becomes
//! `<a href='…'>`, its other attributes (Légifrance's `title`) dropped, and a link to
//! an article the mirror holds (by any of its LEGIARTI ids) becomes that article's
//! path. Everything else is copied byte for byte.

/// Appends `html` to `out`, its anchors rewritten: `target` gives what an address
/// becomes (`None`: itself).
pub fn rewrite(html: &str, target: &dyn Fn(&str) -> Option<String>, out: &mut String) {
    let mut rest = html;
    while let Some(at) = find_anchor(rest) {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let Some(end) = tag_end(tag) else {
            // An anchor never closed: copied as it is, to the end.
            out.push_str(tag);
            return;
        };
        match attribute(&tag[2..end], "href") {
            Some(href) => {
                out.push_str("<a href='");
                let new = target(href);
                // A quote would end the attribute: written as the entity it means.
                out.push_str(&new.as_deref().unwrap_or(href).replace('\'', "&#39;"));
                out.push_str("'>");
            }
            None => out.push_str(&tag[..=end]),
        }
        rest = &tag[end + 1..];
    }
    out.push_str(rest);
}

/// The `href` of an `<a …>` opening tag, as written (entities not decoded).
pub fn href(tag: &str) -> Option<&str> {
    if find_anchor(tag) != Some(0) {
        return None;
    }
    let end = tag_end(tag)?;
    attribute(&tag[2..end], "href")
}

/// Where the next `<a` opening tag starts (`<a` then a space), not `<abbr`.
fn find_anchor(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    memchr::memmem::find_iter(bytes, b"<a")
        .find(|&i| bytes.get(i + 2).is_some_and(u8::is_ascii_whitespace))
}

/// The index of the `>` that closes the tag starting `tag`, quotes respected.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in tag.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's attributes, quoted or not.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c == '=' || c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, left) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = left;
            Some(value)
        } else {
            None
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.unwrap_or(""));
        }
    }
}

/// The `LEGIARTI…` after `idArticle=` in a Légifrance address.
pub fn article_id(href: &str) -> Option<&str> {
    let at = href.find("idArticle=")? + "idArticle=".len();
    let id = &href[at..];
    let end = id
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(id.len());
    Some(&id[..end]).filter(|id| id.starts_with("LEGIARTI"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> String {
        let mut out = String::new();
        let paths = |href: &str| {
            (article_id(href) == Some("LEGIARTI000000000001")).then(|| "/code-x/l1.md".to_owned())
        };
        rewrite(html, &paths, &mut out);
        out
    }

    #[test]
    fn a_link_to_an_article_held_becomes_its_path_and_others_keep_their_address() {
        let held = r#"voir <a href="/affichCodeArticle.do?cidTexte=LEGITEXT1&idArticle=LEGIARTI000000000001&dateTexte=&categorieLien=cid" title="Code - art. L1 (V)">L. 1</a>."#;
        assert_eq!(run(held), "voir <a href='/code-x/l1.md'>L. 1</a>.");
        let other = r#"<a title="x > y" href="/affichTexte.do?cidTexte=JORFTEXT1&categorieLien=cid">loi</a>"#;
        assert_eq!(
            run(other),
            "<a href='/affichTexte.do?cidTexte=JORFTEXT1&categorieLien=cid'>loi</a>"
        );
    }

    #[test]
    fn what_is_not_an_anchor_with_an_address_is_copied_as_it_is() {
        for html in [
            "<abbr title='x'>a</abbr>",
            "<a name=\"n\">x</a>",
            "<p>no link</p>",
            "cut <a href=\"x",
            "",
        ] {
            assert_eq!(run(html), html);
        }
        assert_eq!(run("<a href=x>y</a>"), "<a href='x'>y</a>");
        assert_eq!(run("<a href=\"it's\">y</a>"), "<a href='it&#39;s'>y</a>");
    }
}
