//! What a link of an article points at, and where that is in the mirror.
//!
//! Two kinds of href occur in the real corpus: mirror paths (`/code-du-travail/…/l6123-1.md`),
//! which may be stale (the article has since moved to another section), and legacy
//! Légifrance addresses (`/affichCodeArticle.do?cidTexte=…&idArticle=…`), whose code is
//! in `cidTexte` and whose number is in the link's own text.

mod said;

use crate::mirror::{self, Mirror};
use crate::model::article::citation::{Cite, CodeRef};
use crate::model::article::enumeration::Marker;
use crate::model::article::{Link, query_value};
use crate::model::codes;
use crate::model::web::Address;

/// Why a reference cannot be opened in the reader; the message (reference/said.rs, in
/// the language spoken) is shown as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unresolved {
    Outside(String),
    CodeNotInMirror {
        title: String,
    },
    NoArticle {
        num: String,
        title: String,
    },
    EmptyRange {
        from: String,
        to: String,
        title: String,
    },
    UnknownCode(String),
    UnknownCodeNamed(String),
    NoNumber,
    NoNeighbour(&'static str),
    External(String),
    Legacy(String),
    Other(String),
    /// What lies at the path is no article file (a folder, a FIFO, a symlink loop).
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

/// A Légifrance link into a code that names articles: an article's page, or a code's
/// or a section's page whose text names an article number.
fn names_code_articles(link: &Link) -> bool {
    let href = link.href.as_str();
    href.contains("affichCodeArticle")
        || (href.contains("affichCode") && href.contains("cidTexte=") && link.number().is_some())
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
        // An article's page, or a code's or a section's whose text names articles
        // (`articles L. 4121-1 à L. 4121-5`, linked to their section): the code
        // from `cidTexte`, the numbers from the text.
        Kind::Legacy if names_code_articles(link) => {
            let cid = query_value(href, "cidTexte").unwrap_or_default();
            let code =
                codes::by_legitext(cid).ok_or_else(|| Unresolved::UnknownCode(cid.to_owned()))?;
            // A code the mirror lacks is the reason, whatever the text says (`articles
            // 640 à 642` of the code de procédure civile name no L, R or D).
            let held =
                mirror
                    .code_folder(code.slug)
                    .ok_or_else(|| Unresolved::CodeNotInMirror {
                        title: codes::title_for(code.slug),
                    })?;
            if let Some(Disagreement {
                path: Some(path), ..
            }) = disagreement(mirror, link)
            {
                return Ok(Target::Article {
                    path,
                    point: point_of(link),
                });
            }
            resolve_in(mirror, &held, link)
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
                // A range that does not hold the file its href names: text and
                // address disagree, and the file is there (`disagreement`).
                Some(Cite::Range { .. }) if disagreement(mirror, link).is_none() => {
                    return resolve_in(mirror, code_of(&rel), link);
                }
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

/// The point a link's citation names inside its article.
fn point_of(link: &Link) -> Vec<Marker> {
    match &link.cite {
        Some(Cite::Article { point, .. }) => point.clone(),
        _ => Vec::new(),
    }
}

/// The code (its mirror folder) and the article number a reference names, whether or
/// not that code is in the mirror: what a citation of it needs. `None` for a range,
/// a point of the citing article, or a link to something that is no code's article.
pub fn cited_article(link: &Link) -> Option<(String, String)> {
    let href = link.href.as_str();
    let num = || match &link.cite {
        Some(Cite::Article { .. }) | None => link.number(),
        Some(_) => None,
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
        Kind::Legacy if names_code_articles(link) => {
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
            num: link.number().ok_or(Unresolved::NoNumber)?,
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
        CodeRef::Slug(slug) => {
            mirror
                .code_folder(slug)
                .ok_or_else(|| Unresolved::CodeNotInMirror {
                    title: codes::title_for(slug),
                })
        }
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

/// Article `num` of `code`, or the article the text surely means when the mirror has
/// no such number: texts cite `R. 1233-3-4` for `R*1233-3-4` (a decree in Conseil
/// d'État) and the other way round, and a bare `5424-19` (a link text that lost its
/// letter) is tried as L, R, then D. The other regulatory letter is not tried: an R
/// number repealed is often given later to a D article on another matter (`aides
/// prévues aux articles … R. 5132-34`: D5132-34 is on selling what an insertion
/// workshop makes).
fn find_article(mirror: &Mirror, code: &str, num: &str) -> Option<String> {
    let found = |n: &str| mirror.find_number(Some(code), n).ok();
    if let Some(path) = found(num) {
        return Some(path);
    }
    let split = num.find(|c: char| c.is_ascii_digit())?;
    let (prefix, digits) = num.split_at(split);
    let letter = prefix.trim_end_matches('*');
    let others: &[&str] = match letter {
        "" => &["L", "R", "D"],
        _ if prefix.ends_with('*') => &[letter],
        "R" => &["R*"],
        "D" => &["D*"],
        _ => &[],
    };
    others.iter().find_map(|p| found(&format!("{p}{digits}")))
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

/// The address of a reference on the web, to open in a browser or copy: an old
/// Légifrance address rebuilt from its ids, a link's own `https://` address when it is
/// well formed, else (a mirror path, a citation in the text) the Légifrance page of the
/// code it cites. `None` for any other href: it is never handed on as written
/// (`web::Address` says why).
pub fn web_address(link: &Link, from: &str) -> Option<Address> {
    let href = link.href.as_str();
    match Kind::of(link) {
        Kind::Legacy => Address::legacy(href),
        Kind::External => Address::checked(href),
        Kind::Link | Kind::Text => {
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
            Address::code(codes::by_slug(slug)?.legitext)
        }
    }
}

mod evidence;
mod page;
#[cfg(test)]
mod tests;

pub use evidence::{Disagreement, disagreement, needs_evidence, read_evidence};
pub use page::{article_page, reference_page};
