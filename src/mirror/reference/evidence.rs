//! Where a link's text and its address disagree, and the mirror's evidence of which
//! is meant: a mirror path's own file, or what most of the mirror's links call a
//! Légifrance id ([`crate::mirror::ids`]).

use super::{Cite, Kind, codes, find_article, resolve_path};
use crate::mirror::{self, Mirror};
use crate::model::article::query_value;
use crate::model::article::{Article, Link};

/// A link whose text and address name different articles: Légifrance's links carry
/// an article's id, written by a program, and a text, written by a person, and about
/// one in three hundred disagree (text `L. 1253-19`, id of L1253-9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// What the text names: `L1253-19`, or `L931-10 à L931-14-3`.
    pub text: String,
    /// The number of the article the address leads to.
    pub address: String,
    /// That article's path when the mirror has it: the reader then follows the
    /// address, which the mirror bears out (a file it holds, or an id that most of
    /// its links give that number); else the text.
    pub path: Option<String>,
}

impl std::fmt::Display for Disagreement {
    /// Which article is followed, and what the other one says: `the link's article;
    /// the text says L1253-19`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (text, address) = (&self.text, &self.address);
        f.write_str(&match self.path {
            Some(_) => crate::trf!(
                "the link's article; the text says {text}",
                "l'article du lien ; le texte dit {text}"
            ),
            None => crate::trf!(
                "the text's article; the link's {address} is not in this mirror",
                "l'article du texte ; le {address} du lien n'est pas dans ce miroir"
            ),
        })
    }
}

/// Whether `link`'s text and address disagree, by the mirror's own evidence: the file
/// a mirror path names, or what most of the mirror's links carrying a legacy link's id
/// call it ([`crate::mirror::ids`], once read). `None` when they agree, when a range
/// in the text holds the address's article, or when nothing says what the address is.
pub fn disagreement(mirror: &Mirror, link: &Link) -> Option<Disagreement> {
    if link.later_part {
        return None;
    }
    let href = link.href.as_str();
    // The number the address names, read without touching the disk: most links agree
    // with their text, and `loi links` asks this of every one.
    let (address, legacy) = match Kind::of(link) {
        Kind::Legacy => {
            let id = query_value(href, "idArticle")?;
            (mirror.legacy_ids()?.get(id)?.num.clone(), true)
        }
        Kind::Link if !href.starts_with("//") => {
            (mirror::number_of_file(&mirror::safe_relative(href)?), false)
        }
        _ => return None,
    };
    // An annex's file, or a name that is no article number: nothing to compare.
    if !is_article_number(&address) {
        return None;
    }
    let text = match &link.cite {
        Some(Cite::Range { from, to, .. }) if in_range(&address, from, to) => return None,
        Some(Cite::Range { from, to, .. }) => format!("{from} à {to}"),
        _ => {
            let num = link.number()?;
            if same_number(&num, &address) {
                return None;
            }
            num
        }
    };
    let path = if legacy {
        let code = codes::by_legitext(query_value(href, "cidTexte")?)?;
        find_article(mirror, &mirror.code_folder(code.slug)?, &address)
    } else {
        Some(resolve_path(mirror, &mirror::safe_relative(href)?).ok()?)
    };
    Some(Disagreement {
        text,
        address,
        path,
    })
}

/// Whether number `num` lies in the range `from` to `to`, as [`Mirror::between`] reads
/// one: by its digits, with the letters of either end.
fn in_range(num: &str, from: &str, to: &str) -> bool {
    let (Some(n), Some(f), Some(t)) = (
        crate::mirror::order::key(num),
        crate::mirror::order::key(from),
        crate::mirror::order::key(to),
    ) else {
        return false;
    };
    (n.0 == f.0 || n.0 == t.0) && f.1 <= n.1 && n.1 <= t.1
}

/// Reads what resolving `article`'s references needs beyond its own text: the
/// mirror's legacy ids ([`crate::mirror::ids`]) when it has a legacy link into a code
/// of the mirror, so that a command resolves them as the reader does once it has
/// them. The first time, that reads the whole mirror; then it is cached.
pub fn read_evidence(mirror: &Mirror, article: &Article) {
    if needs_evidence(mirror, article) {
        mirror.read_legacy_ids();
    }
}

/// Whether `article` has a legacy link into a code the mirror holds: one the mirror's
/// legacy ids may correct. A mirror whose links into its own codes are paths (as
/// Légifrance's exports are, legacy links then lead to other codes) never needs them.
pub fn needs_evidence(mirror: &Mirror, article: &Article) -> bool {
    article
        .links
        .iter()
        .any(|l| crate::mirror::ids::corrects(mirror, l))
}

/// `R. 1233-3-4` and `R*1233-3-4` are one number (the star says which decree made it),
/// and a bare `165-1` (its letter left out) is any of L165-1, R165-1, D165-1.
fn same_number(a: &str, b: &str) -> bool {
    let plain = |n: &str| mirror::number_slug(&n.replace('*', ""));
    let digits = |n: &str| {
        let n = plain(n);
        n.trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .to_owned()
    };
    let bare = |n: &str| n.starts_with(|c: char| c.is_ascii_digit());
    plain(a) == plain(b) || ((bare(a) || bare(b)) && digits(a) == digits(b))
}

/// A number of the form articles of codes have (`L6123-1`, `R*4412-98`, `LO111-4`).
fn is_article_number(num: &str) -> bool {
    crate::mirror::order::key(num)
        .is_some_and(|(prefix, _)| matches!(prefix.as_str(), "l" | "r" | "d" | "a" | "lo"))
}
