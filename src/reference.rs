//! What a link of an article points at, and where that is in the mirror.
//!
//! Two kinds of href occur in the real corpus: mirror paths (`/code-du-travail/…/l6123-1.md`),
//! which may be stale (the article has since moved to another section), and legacy
//! Légifrance addresses (`/affichCodeArticle.do?cidTexte=…&idArticle=…`), whose code is
//! in `cidTexte` and whose number is in the link's own text.

use crate::article::Link;
use crate::citation::{Cite, CodeRef};
use crate::codes;
use crate::enumeration::Marker;
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
    #[error("no article from {from} to {to} in this mirror's {title}")]
    EmptyRange {
        from: String,
        to: String,
        title: String,
    },
    #[error("a Légifrance link to a code this reader does not know ({0})")]
    UnknownCode(String),
    #[error("the {0}, which is not a code this reader knows")]
    UnknownCodeNamed(String),
    #[error("a Légifrance link whose text names no article number")]
    NoNumber,
    #[error("the {0} article of its section: there is none")]
    NoNeighbour(&'static str),
    #[error("an address outside the codes: {0}")]
    External(String),
    #[error("a Légifrance page, not an article of a code: {0}")]
    Legacy(String),
    #[error("a link of a kind the reader cannot follow: {0}")]
    Other(String),
    /// What lies at the path is no article file (a folder, a FIFO, a symlink loop).
    #[error("{0}")]
    NotAFile(String),
}

/// Where a reference leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An article of the mirror, and the point inside it the citation names (outermost
    /// first; empty for the whole article).
    Article { path: String, point: Vec<Marker> },
    /// A point of the citing article itself.
    Here { point: Vec<Marker> },
    /// Several articles (a range), in number order.
    Many(Vec<String>),
}

/// The kinds `loi links` prints, and the reader tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A path of the mirror.
    Link,
    /// A Légifrance address of the old site (`…/affichCodeArticle.do?…`).
    Legacy,
    /// A citation found in the text, with no link.
    Text,
    /// Any other address.
    External,
}

impl Kind {
    pub fn of(link: &Link) -> Kind {
        let href = link.href.as_str();
        if href.is_empty() {
            Kind::Text
        } else if is_legacy(href) {
            Kind::Legacy
        } else if href.ends_with(".md") && !href.contains("://") {
            Kind::Link
        } else {
            Kind::External
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Link => "link",
            Kind::Legacy => "legacy",
            Kind::Text => "text",
            Kind::External => "external",
        }
    }
}

fn is_legacy(href: &str) -> bool {
    let page = href.split(['?', ';']).next().unwrap_or_default();
    page.ends_with(".do") && !href.starts_with("http") || href.contains("legifrance.gouv.fr/affich")
}

/// Resolves reference `link` of the article at `from` (a mirror path).
pub fn resolve(mirror: &Mirror, from: &str, link: &Link) -> Result<Target, Unresolved> {
    let href = link.href.as_str();
    match Kind::of(link) {
        Kind::Text => match &link.cite {
            Some(cite) => resolve_cite(mirror, from, cite),
            None => Err(Unresolved::NoNumber),
        },
        Kind::Legacy if href.contains("affichCodeArticle") => {
            let cid = query_value(href, "cidTexte").unwrap_or_default();
            let code =
                codes::by_legitext(cid).ok_or_else(|| Unresolved::UnknownCode(cid.to_owned()))?;
            resolve_in(mirror, code.slug, link)
        }
        Kind::Legacy => Err(Unresolved::Legacy(href.to_owned())),
        Kind::External => {
            if href.starts_with("http:")
                || href.starts_with("https:")
                || href.starts_with("mailto:")
            {
                Err(Unresolved::External(href.to_owned()))
            } else {
                Err(Unresolved::Other(href.to_owned()))
            }
        }
        // `//host/x.md` is an address on another host, not a path of the mirror.
        Kind::Link if href.starts_with("//") => Err(Unresolved::Outside(href.to_owned())),
        Kind::Link => {
            let rel =
                mirror::safe_relative(href).ok_or_else(|| Unresolved::Outside(href.to_owned()))?;
            let point = match &link.cite {
                // The href names one article: a range, or a later number of a link
                // naming several, is found by its own number in the href's code.
                Some(Cite::Range { .. }) => return resolve_in(mirror, code_of(&rel), link),
                Some(Cite::Article { .. }) if link.later_part => {
                    return resolve_in(mirror, code_of(&rel), link);
                }
                Some(Cite::Article { point, .. }) => point.clone(),
                _ => Vec::new(),
            };
            let path = resolve_path(mirror, &rel)?;
            Ok(Target::Article { path, point })
        }
    }
}

/// The code (its mirror folder) and the article number a reference names, whether or
/// not that code is in the mirror: what a citation of it needs. `None` for a range,
/// a point of the citing article, or a link to something that is no code's article.
pub fn cited_article(link: &Link) -> Option<(String, String)> {
    let href = link.href.as_str();
    let num = || match &link.cite {
        Some(Cite::Article { num, .. }) => Some(num.clone()),
        Some(_) => None,
        None => first_number(&link.text).or_else(|| bare_number(&link.text)),
    };
    match Kind::of(link) {
        Kind::Text => match &link.cite {
            Some(Cite::Article {
                code: CodeRef::Slug(code),
                num,
                ..
            }) => Some((code.clone(), num.clone())),
            _ => None,
        },
        Kind::Legacy if href.contains("affichCodeArticle") => {
            let code = codes::by_legitext(query_value(href, "cidTexte")?)?;
            Some((code.slug.to_owned(), num()?))
        }
        Kind::Link => {
            let rel = mirror::safe_relative(href)?;
            Some((code_of(&rel).to_owned(), num()?))
        }
        Kind::Legacy | Kind::External => None,
    }
}

fn code_of(rel: &str) -> &str {
    rel.split('/').next().unwrap_or_default()
}

/// A link whose code is known: the number (or range) its text names, in that code.
fn resolve_in(mirror: &Mirror, code: &str, link: &Link) -> Result<Target, Unresolved> {
    let slug = CodeRef::Slug(code.to_owned());
    let cite = match &link.cite {
        Some(Cite::Article { num, point, .. }) => Cite::Article {
            code: slug,
            num: num.clone(),
            point: point.clone(),
        },
        Some(Cite::Range { from, to, .. }) => Cite::Range {
            code: slug,
            from: from.clone(),
            to: to.clone(),
        },
        _ => Cite::Article {
            code: slug,
            num: first_number(&link.text)
                .or_else(|| bare_number(&link.text))
                .ok_or(Unresolved::NoNumber)?,
            point: Vec::new(),
        },
    };
    resolve_cite(mirror, "", &cite)
}

/// A citation: an article or range of a code, a point of the citing article, or its
/// neighbour.
fn resolve_cite(mirror: &Mirror, from: &str, cite: &Cite) -> Result<Target, Unresolved> {
    let code_in_mirror = |code: &CodeRef| match code {
        CodeRef::Unknown(name) => Err(Unresolved::UnknownCodeNamed(name.clone())),
        CodeRef::Slug(slug) if mirror.codes().iter().any(|c| c == slug) => Ok(slug.clone()),
        CodeRef::Slug(slug) => Err(Unresolved::CodeNotInMirror {
            title: codes::title_for(slug),
        }),
    };
    match cite {
        Cite::Article { code, num, point } => {
            let slug = code_in_mirror(code)?;
            let path = find_article(mirror, &slug, num).ok_or_else(|| Unresolved::NoArticle {
                num: num.clone(),
                title: codes::title_for(&slug),
            })?;
            Ok(Target::Article {
                path,
                point: point.clone(),
            })
        }
        Cite::Range { code, from, to } => {
            let slug = code_in_mirror(code)?;
            let paths = mirror.between(&slug, from, to);
            if paths.is_empty() {
                return Err(Unresolved::EmptyRange {
                    from: from.clone(),
                    to: to.clone(),
                    title: codes::title_for(&slug),
                });
            }
            Ok(Target::Many(paths))
        }
        Cite::Here { point } => Ok(Target::Here {
            point: point.clone(),
        }),
        Cite::Sibling { next } => mirror
            .neighbour(from, *next)
            .map(|path| Target::Article {
                path,
                point: Vec::new(),
            })
            .ok_or(Unresolved::NoNeighbour(if *next {
                "last"
            } else {
                "first"
            })),
    }
}

/// Article `num` of `code`. Texts often cite `R. 1233-3-4` for the article numbered
/// `R*1233-3-4` (decrees in Conseil d'État), so the starred number is tried too; and a
/// bare `5424-19` (a link text that lost its letter) is tried as L, R, then D.
fn find_article(mirror: &Mirror, code: &str, num: &str) -> Option<String> {
    let found = |n: &str| mirror.find_number(Some(code), n).ok();
    if let Some(path) = found(num) {
        return Some(path);
    }
    let split = num.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = num.split_at(split);
    match prefix {
        "" => ["L", "R", "D"]
            .iter()
            .find_map(|p| found(&format!("{p}{digits}"))),
        "R" | "D" => found(&format!("{prefix}*{digits}")),
        _ => None,
    }
}

/// A mirror path, or when it no longer exists, the file of the same name elsewhere in
/// the same code (the closest one to where the link pointed).
fn resolve_path(mirror: &Mirror, rel: &str) -> Result<String, Unresolved> {
    if mirror.exists(rel) {
        return Ok(rel.to_owned());
    }
    if mirror.leads_outside(rel) {
        return Err(Unresolved::Outside(rel.to_owned()));
    }
    if let Some(why) = mirror.not_a_file(rel) {
        return Err(Unresolved::NotAFile(why.to_string()));
    }
    let code = rel.split('/').next().unwrap_or_default();
    let file = rel.rsplit('/').next().unwrap_or_default();
    let title = codes::title_for(code);
    if !mirror.codes().iter().any(|c| c == code) {
        return Err(Unresolved::CodeNotInMirror { title });
    }
    let candidates = mirror.find_named(code, file);
    // The longest shared prefix wins; on a tie, the first in path order.
    let best = candidates.iter().map(|c| common_prefix(c, rel)).max();
    candidates
        .into_iter()
        .find(|c| Some(common_prefix(c, rel)) == best)
        .ok_or_else(|| Unresolved::NoArticle {
            num: file.trim_end_matches(".md").to_uppercase(),
            title,
        })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// The address of a reference on the web, to open in a browser or copy: the link's own
/// address when it has one (old Légifrance addresses still lead there), else the
/// Légifrance page of the code it cites.
pub fn web_address(link: &Link, from: &str) -> Option<String> {
    const LEGIFRANCE: &str = "https://www.legifrance.gouv.fr";
    let href = link.href.as_str();
    match Kind::of(link) {
        Kind::External if href.starts_with("http") => Some(href.to_owned()),
        Kind::Legacy if href.starts_with('/') => Some(format!("{LEGIFRANCE}{href}")),
        Kind::Legacy => Some(href.to_owned()),
        _ => {
            let slug = match &link.cite {
                Some(
                    Cite::Article {
                        code: CodeRef::Slug(s),
                        ..
                    }
                    | Cite::Range {
                        code: CodeRef::Slug(s),
                        ..
                    },
                ) => s.as_str(),
                _ if Kind::of(link) == Kind::Link => {
                    href.trim_start_matches('/').split('/').next()?
                }
                _ => from.split('/').next()?,
            };
            let code = codes::by_slug(slug)?;
            Some(format!("{LEGIFRANCE}/codes/texte_lc/{}/", code.legitext))
        }
    }
}

/// A link text that is only a hyphenated number (`5424-19`): the letter was left out.
fn bare_number(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('.');
    let ok = text.contains('-')
        && text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || c == '-');
    ok.then(|| text.to_owned())
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
mod tests;
