//! What a link of an article points at, and where that is in the mirror.
//!
//! Two kinds of href occur in the real corpus: mirror paths (`/code-du-travail/…/l6123-1.md`),
//! which may be stale (the article has since moved to another section), and legacy
//! Légifrance addresses (`/affichCodeArticle.do?cidTexte=…&idArticle=…`), whose code is
//! in `cidTexte` and whose number is in the link's own text.

use crate::article::Link;
use crate::codes;
use crate::mirror::{self, Mirror};

/// Why a reference cannot be opened in the reader; the message is shown as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unresolved {
    #[error("it leads outside the mirror ({0}), which is refused")]
    Outside(String),
    #[error("{title} is not in this mirror")]
    CodeNotInMirror { title: String },
    #[error("not in this mirror's {title} (repealed, renumbered, or never copied)")]
    NoArticle { num: String, title: String },
    #[error("a Légifrance link to a code this reader does not know ({0})")]
    UnknownCode(String),
    #[error("a Légifrance link whose text names no article number")]
    NoNumber,
    #[error("an address outside the codes: {0}")]
    External(String),
    #[error("a link of a kind the reader cannot follow: {0}")]
    Other(String),
}

/// Resolves a link to the path of an article in the mirror.
pub fn resolve(mirror: &Mirror, link: &Link) -> Result<String, Unresolved> {
    let href = link.href.as_str();
    if href.contains("affichCodeArticle") {
        return resolve_legacy(mirror, href, &link.text);
    }
    if href.starts_with("http:") || href.starts_with("https:") || href.starts_with("mailto:") {
        return Err(Unresolved::External(href.to_owned()));
    }
    if href.ends_with(".md") && !href.contains("://") {
        return resolve_path(mirror, href);
    }
    Err(Unresolved::Other(href.to_owned()))
}

/// A mirror path, or when it no longer exists, the file of the same name elsewhere in
/// the same code (the closest one to where the link pointed).
fn resolve_path(mirror: &Mirror, href: &str) -> Result<String, Unresolved> {
    let rel = mirror::safe_relative(href).ok_or_else(|| Unresolved::Outside(href.to_owned()))?;
    if mirror.exists(&rel) {
        return Ok(rel);
    }
    let code = rel.split('/').next().unwrap_or_default();
    let file = rel.rsplit('/').next().unwrap_or_default();
    let title = codes::title_for(code);
    if !mirror.codes().iter().any(|c| c == code) {
        return Err(Unresolved::CodeNotInMirror { title });
    }
    let candidates = mirror.find_named(code, file);
    candidates
        .into_iter()
        .max_by_key(|c| common_prefix(c, &rel))
        .ok_or_else(|| Unresolved::NoArticle {
            num: file.trim_end_matches(".md").to_uppercase(),
            title,
        })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// A legacy Légifrance link: the code from `cidTexte`, the number from the text.
fn resolve_legacy(mirror: &Mirror, href: &str, text: &str) -> Result<String, Unresolved> {
    let cid = query_value(href, "cidTexte").unwrap_or_default();
    let code = codes::by_legitext(cid).ok_or_else(|| Unresolved::UnknownCode(cid.to_owned()))?;
    let num = first_number(text).ok_or(Unresolved::NoNumber)?;
    let title = codes::title_for(code.slug);
    if !mirror.codes().iter().any(|c| c == code.slug) {
        return Err(Unresolved::CodeNotInMirror { title });
    }
    mirror
        .find_number(Some(code.slug), &num)
        .map_err(|_| Unresolved::NoArticle { num, title })
}

/// The value of `key` in a URL's query string.
pub fn query_value<'a>(href: &'a str, key: &str) -> Option<&'a str> {
    let query = href.split_once('?')?.1;
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// The first article number in a text: `R. 6521-1` → `R6521-1`, `articles L. 6123-1,
/// L. 6123-2` → `L6123-1`.
pub fn first_number(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let boundary = start == 0 || !chars[start - 1].is_alphanumeric();
        if !boundary || !matches!(chars[start], 'L' | 'R' | 'D' | 'A') {
            continue;
        }
        let mut i = start + 1;
        let mut prefix: String = chars[start].to_string();
        if chars.get(i) == Some(&'O') {
            prefix.push('O');
            i += 1;
        }
        if chars.get(i) == Some(&'*') {
            prefix.push('*');
            i += 1;
        }
        while matches!(chars.get(i), Some('.' | ' ' | '\u{a0}' | '\u{202f}')) {
            i += 1;
        }
        let digits_start = i;
        while chars
            .get(i)
            .is_some_and(|c| c.is_ascii_digit() || *c == '-')
        {
            i += 1;
        }
        let digits: String = chars[digits_start..i].iter().collect();
        let digits = digits.trim_end_matches('-');
        if digits.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(format!("{prefix}{digits}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(href: &str, text: &str) -> Link {
        Link {
            href: href.to_owned(),
            text: text.to_owned(),
            block: 0,
        }
    }

    #[test]
    fn numbers_in_link_texts() {
        assert_eq!(first_number("R. 6521-1").as_deref(), Some("R6521-1"));
        assert_eq!(
            first_number("articles L. 6123-1, L. 6123-2").as_deref(),
            Some("L6123-1")
        );
        assert_eq!(
            first_number("D. 6123-19 à D. 6123-21").as_deref(),
            Some("D6123-19")
        );
        assert_eq!(first_number("article LO 1-2").as_deref(), Some("LO1-2"));
        assert_eq!(first_number("R*4412-98").as_deref(), Some("R*4412-98"));
        assert_eq!(first_number("la loi"), None);
    }

    #[test]
    fn query_values() {
        let href = "/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI000018499188&dateTexte=";
        assert_eq!(query_value(href, "cidTexte"), Some("LEGITEXT000006072050"));
        assert_eq!(query_value(href, "idArticle"), Some("LEGIARTI000018499188"));
        assert_eq!(query_value(href, "x"), None);
    }

    #[test]
    fn refusals_say_why() {
        let mirror = Mirror::bundled();
        assert!(matches!(
            resolve(&mirror, &link("/../etc/passwd.md", "x")),
            Err(Unresolved::Outside(_))
        ));
        assert!(matches!(
            resolve(&mirror, &link("https://www.legifrance.gouv.fr/", "x")),
            Err(Unresolved::External(_))
        ));
        let repealed_code =
            "/affichCodeArticle.do?cidTexte=LEGITEXT000006071029&idArticle=LEGIARTI1";
        match resolve(&mirror, &link(repealed_code, "R. 1")) {
            Err(e @ Unresolved::CodeNotInMirror { .. }) => {
                assert_eq!(e.to_string(), "Code pénal is not in this mirror");
            }
            other => panic!("{other:?}"),
        }
    }
}
