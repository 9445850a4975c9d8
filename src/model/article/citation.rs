//! Finds the citations in a text: `l'article L. 6123-1`, `aux articles R. 6123-2 et
//! R. 6123-3`, `D. 6123-19 à D. 6123-21`, `au 3° du II de l'article L. 6123-1 du code de
//! la sécurité sociale`, `du même code`, `mentionné au I`, `l'article précédent`.
//!
//! Works on words, not on HTML: the article model runs it over each block's text, then
//! keeps what falls outside links as references of their own and uses what falls inside
//! a link to split it (one link, several articles) or to know the point it cites.

mod points;
#[cfg(test)]
mod tests;
mod tokens;
pub mod typed;
pub mod written;

pub use tokens::organic_o;

use std::ops::Range;

use crate::model::article::enumeration::Marker;
use crate::model::codes;
use tokens::{Token, TokenKind};

/// Which code a citation points into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeRef {
    /// A mirror folder: the citing article's own code, or one the text names.
    Slug(String),
    /// A code the text names that the table of codes does not know.
    Unknown(String),
}

/// What a citation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cite {
    /// One article, maybe one point inside it (outermost first: `II`, then `3°`).
    Article {
        code: CodeRef,
        num: String,
        point: Vec<Marker>,
    },
    /// Every article from `from` to `to`, in number order.
    Range {
        code: CodeRef,
        from: String,
        to: String,
    },
    /// A point of the citing article itself (`au 2° du présent article`, `mentionné au I`).
    Here { point: Vec<Marker> },
    /// The article before (`précédent`) or after (`suivant`) the citing one.
    Sibling { next: bool },
}

/// A citation and where it sits in the text, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub cite: Cite,
}

/// What carries over from one block of an article to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The citing article's code: what `du présent code`, or no code at all, means.
    pub own: String,
    /// The last code the text named, for `du même code`.
    pub last_named: Option<CodeRef>,
    /// The last article cited, for `du même article`.
    pub last_article: Option<(CodeRef, String)>,
}

impl Context {
    pub fn new(own_code: &str) -> Context {
        Context {
            own: own_code.to_owned(),
            last_named: None,
            last_article: None,
        }
    }
}

/// Every citation in `text`, in order.
pub fn detect(text: &str, ctx: &mut Context) -> Vec<Found> {
    if !may_cite(text) {
        return Vec::new();
    }
    let toks = tokens::tokenize(text);
    let mut used = vec![false; toks.len()];
    let mut found = Vec::new();
    let mut j = 0;
    while j < toks.len() {
        if matches!(toks[j].kind, TokenKind::Num(_)) && !used[j] {
            j = group(text, &toks, j, &mut used, &mut found, ctx);
        } else {
            j += 1;
        }
    }
    found.extend(points::internal(&toks, &mut used, ctx));
    found.extend(siblings(&toks, &used));
    found.sort_by_key(|f| f.range.start);
    found
}

/// Whether `text` has what every citation needs: a digit (numbers, `3°`), the word
/// `article`, or a word of capitals alone (`II`, `A`). Most paragraphs of prose have
/// none, and tokenizing them was most of the time spent opening a long article.
fn may_cite(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().any(u8::is_ascii_digit)
        || text.contains("article")
        || b.iter().enumerate().any(|(i, c)| {
            if !c.is_ascii_uppercase() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
                return false;
            }
            let capitals = b[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
            b.get(i + capitals)
                .is_none_or(|n| !n.is_ascii_alphabetic() && *n < 0x80)
        })
}

/// A run of numbers joined by `,` `et` `ou` `à`, the code named after it, and the point
/// named before its first number. Returns the index of the first token after it.
fn group(
    text: &str,
    toks: &[Token],
    first: usize,
    used: &mut [bool],
    found: &mut Vec<Found>,
    ctx: &mut Context,
) -> usize {
    // Each number, and whether it ends a range begun by the one before: `X à Y`
    // with nothing else between (`de X à Y`, `X à Y inclus`). `X, à l'article Y` and
    // `X ou à l'article Y` name two articles, each to be read.
    let mut nums: Vec<(usize, bool)> = vec![(first, false)];
    let mut j = first + 1;
    loop {
        let mut k = j;
        while k < toks.len() && k - j < 5 && toks[k].is_connector() {
            k += 1;
        }
        if k > j && k < toks.len() && matches!(toks[k].kind, TokenKind::Num(_)) {
            let range = k == j + 1 && toks[j].is("à") && !nums.last().is_some_and(|n| n.1);
            nums.push((k, range));
            j = k + 1;
        } else {
            break;
        }
    }
    // `R. 4127-1 et suivants du code de la santé publique`: the code comes after.
    if toks.get(j).is_some_and(|t| t.is("et"))
        && toks
            .get(j + 1)
            .is_some_and(|t| t.lower.starts_with("suivant"))
    {
        j += 2;
    }
    let mut code = code_after(text, toks, j, ctx);
    // `au même article L. 146-9`: the article just cited, in the code it was cited in.
    let same = first >= 2 && toks[first - 1].is("article") && toks[first - 2].is("même");
    if let Some((last_code, _)) = ctx.last_article.as_ref().filter(|_| same) {
        code = last_code.clone();
    }
    let point = if nums.len() == 1 {
        points::before(toks, first)
    } else {
        None
    };
    let mut i = 0;
    while i < nums.len() {
        let (at, _) = nums[i];
        let num = toks[at].num().to_owned();
        used[at] = true;
        if let Some(&(to_at, true)) = nums.get(i + 1) {
            used[to_at] = true;
            found.push(Found {
                range: toks[at].range.start..toks[to_at].range.end,
                cite: Cite::Range {
                    code: code.clone(),
                    from: num,
                    to: toks[to_at].num().to_owned(),
                },
            });
            i += 2;
            continue;
        }
        let (start, point) = match (&point, i) {
            (Some((start, point)), 0) => {
                used[*start..at].iter_mut().for_each(|u| *u = true);
                (toks[*start].range.start, point.clone())
            }
            _ => (toks[at].range.start, Vec::new()),
        };
        ctx.last_article = Some((code.clone(), num.clone()));
        found.push(Found {
            range: start..toks[at].range.end,
            cite: Cite::Article {
                code: code.clone(),
                num,
                point,
            },
        });
        i += 1;
    }
    j
}

/// The code named right after a run of numbers (`du code de la sécurité sociale`, `du
/// même code`, `du présent code`), else the citing article's own code.
fn code_after(text: &str, toks: &[Token], j: usize, ctx: &mut Context) -> CodeRef {
    let own = CodeRef::Slug(ctx.own.clone());
    let word = |k: usize| toks.get(j + k).map(|t| &*t.lower).unwrap_or("");
    let (code_word, lead) = match (word(0), word(1), word(2)) {
        ("du" | "dudit" | "au", "code", _) => (j + 1, None),
        ("du" | "au", "même" | "présent", "code") => (j + 2, Some(word(1))),
        ("de", "ce", "code") => (j + 2, Some("même")),
        _ => return own,
    };
    match lead {
        Some("présent") => own,
        // `du même code` with no code named before it in the article: the text was
        // written for another context (a quoted amendment); better no target than
        // the wrong one.
        Some(_) => ctx
            .last_named
            .clone()
            .unwrap_or_else(|| CodeRef::Unknown("même code, named nowhere before".into())),
        None => {
            let rest = &text[toks[code_word].range.start..];
            let named = match codes::by_title_prefix(rest) {
                Some(code) => CodeRef::Slug(code.slug.to_owned()),
                None => CodeRef::Unknown(code_phrase(rest)),
            };
            ctx.last_named = Some(named.clone());
            named
        }
    }
}

/// The name of a code the table does not know, up to the end of its phrase.
fn code_phrase(rest: &str) -> String {
    let end = rest
        .find([',', ';', '.', ':', '(', ')', '\n'])
        .unwrap_or(rest.len());
    let phrase: String = rest[..end].chars().take(60).collect();
    phrase.trim().to_owned()
}

/// `l'article précédent`, `l'article suivant`.
fn siblings(toks: &[Token], used: &[bool]) -> Vec<Found> {
    toks.windows(2)
        .enumerate()
        .filter(|(k, w)| !used[*k] && w[0].is("article"))
        .filter_map(|(_, w)| {
            let next = match &*w[1].lower {
                "précédent" => false,
                "suivant" => true,
                _ => return None,
            };
            Some(Found {
                range: w[0].range.start..w[1].range.end,
                cite: Cite::Sibling { next },
            })
        })
        .collect()
}
