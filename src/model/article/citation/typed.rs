//! A citation typed (or pasted) to name an article, as lawyers write one: `art. L.
//! 1234-9 C. trav.`, `C. trav., art. L. 1234-9, II, 3°`, `L. 1234-9 du code du
//! travail`, `L242-1 css`, `code rural L. 1`, `2° de l'article L. 1233-3`, `3° du II de
//! l'article L. 6123-1 du code du travail`. Read with the tokens and points of the
//! citations found in the law's text; what go-to and the command line understand.

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::points::{before, is_insert_suffix, marker};
use super::tokens::{Token, TokenKind, tokenize_typed};
use crate::model::article::enumeration::Marker;
use crate::model::codes::{self, Code};

/// What a typed citation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typed {
    /// The number, normalised as the text's citations are (`L1234-9`, `R*123`), or
    /// digits alone as typed (`1240`, `6123-1`).
    pub num: String,
    pub code: CodeNamed,
    /// The point inside the article, outermost first (`II`, then `3°`).
    pub point: Vec<Marker>,
}

/// The code a typed citation names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeNamed {
    /// None: the number alone.
    Unsaid,
    Known(&'static Code),
    /// Words where a code's name was expected that name none (`C. trv.`), as typed.
    Unknown(String),
}

/// The one article `text` cites; `None` when it holds no number, more than one, or
/// words beside a bare number that are not a code (`section 1` is words of a title).
pub fn parse(text: &str) -> Option<Typed> {
    let toks = tokenize_typed(text);
    let nums = numbers(text, &toks);
    match nums.as_slice() {
        [one] => read(text, &toks, 0..toks.len(), one),
        _ => None,
    }
}

/// Every citation in `text`, a line of several (`loi print CSS L. 242-1 C. trav. L.
/// 1`), in order: each as read, or as written when it is none (`Err`: words with no
/// number, or a number with words that name no code). A code written before its number
/// belongs to that number; one written after it, to the number before it.
pub fn split(text: &str) -> Vec<Result<Typed, String>> {
    let toks = tokenize_typed(text);
    let nums = numbers(text, &toks);
    if nums.is_empty() {
        let words = text.trim();
        return if words.is_empty() {
            Vec::new()
        } else {
            vec![Err(words.to_owned())]
        };
    }
    // Where each citation's own tokens start and end: its point, its number.
    let spans: Vec<(usize, usize)> = nums
        .iter()
        .map(|n| {
            let start = before(&toks, n.at).map_or(n.at, |(start, _)| start);
            (start, points_after(&toks, n.end).1)
        })
        .collect();
    let mut cuts = vec![0];
    for i in 0..spans.len() - 1 {
        let (gap_start, gap_end) = (spans[i].1, spans[i + 1].0);
        let lead = (gap_start..gap_end).find(|&k| {
            matches!(&*toks[k].lower, "art" | "article" | "articles")
                || (toks[k].is("l'") && toks.get(k + 1).is_some_and(|t| t.is("article")))
        });
        let code_before = (cuts[i]..spans[i].0).any(|k| !is_filler(&toks[k]));
        cuts.push(match lead {
            Some(k) => k,
            None if code_before => gap_start,
            None => gap_end,
        });
    }
    cuts.push(toks.len());
    nums.iter()
        .enumerate()
        .map(|(i, n)| {
            let within = cuts[i]..cuts[i + 1];
            let (from, to) = (
                toks.get(within.start).map_or(text.len(), |t| t.range.start),
                toks.get(within.end - 1).map_or(text.len(), |t| t.range.end),
            );
            read(text, &toks, within, n).ok_or_else(|| text[from..to.max(from)].trim().to_owned())
        })
        .collect()
}

/// A number found among the tokens: its first token, the token after it, its text.
#[derive(Debug)]
struct Number {
    at: usize,
    end: usize,
    num: String,
}

/// The numbers among `toks`: `L. 1234-9` and its kin, and digits alone (`1240`,
/// `6123-1`: the code civil's numbers have no letter), a hyphenated one read whole.
fn numbers(text: &str, toks: &[Token]) -> Vec<Number> {
    let mut found = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if let TokenKind::Num(num) = &toks[k].kind {
            found.push(Number {
                at: k,
                end: k + 1,
                num: num.clone(),
            });
            k += 1;
        } else if is_digits(&toks[k]) && !in_a_title(text, toks, found.last(), k) {
            let mut num = toks[k].lower.to_string();
            let mut end = k + 1;
            // `6123-1` is three tokens with nothing between them.
            while let (Some(dash), Some(more)) = (toks.get(end), toks.get(end + 1))
                && dash.is("-")
                && is_digits(more)
                && toks[end - 1].range.end == dash.range.start
                && dash.range.end == more.range.start
            {
                num.push('-');
                num.push_str(&more.lower);
                end += 2;
            }
            found.push(Number { at: k, end, num });
            k = end;
        } else {
            k += 1;
        }
    }
    found
}

/// Whether the digits at `k` are part of the code's name that follows the number
/// before them (`du code général des impôts annexe 1`), not a number of their own: words
/// lie between, neither `art.` nor a code's name.
fn in_a_title(text: &str, toks: &[Token], before: Option<&Number>, k: usize) -> bool {
    let Some(before) = before else {
        return false;
    };
    let gap = before.end..k;
    if toks[gap.clone()]
        .iter()
        .any(|t| matches!(&*t.lower, "art" | "article" | "articles"))
    {
        return false;
    }
    words_of(text, toks, gap).is_some_and(|words| codes::by_name(words).is_none())
}

fn is_digits(tok: &Token) -> bool {
    tok.kind == TokenKind::Word && tok.lower.bytes().all(|b| b.is_ascii_digit())
}

/// The points written after a number, outermost first (`, II, 3°`, `2° a)`), and the
/// index after the last one.
fn points_after(toks: &[Token], mut k: usize) -> (Vec<Marker>, usize) {
    let mut points = Vec::new();
    let mut end = k;
    loop {
        while toks.get(k).is_some_and(|t| t.is(",")) {
            k += 1;
        }
        let Some(m) = toks.get(k).and_then(marker) else {
            break;
        };
        // A point is followed by another, a comma, `du` and its code, or nothing:
        // `C. trav.` and `C trav` after a number are a code's letter, not a point `C`.
        let after = k + 1 + usize::from(toks.get(k + 1).is_some_and(|t| t.is(")")));
        let ends_point = |t: &Token| {
            t.is(",")
                || marker(t).is_some()
                || is_insert_suffix(t)
                || matches!(&*t.lower, "du" | "de" | "des")
        };
        let dot_then_word = toks.get(after).is_some_and(|t| t.is("."))
            && toks.get(after + 1).is_some_and(|t| !t.is(","));
        if dot_then_word
            || toks
                .get(after)
                .is_some_and(|t| !t.is(".") && !ends_point(t))
        {
            break;
        }
        points.push(m);
        k += 1;
        if toks.get(k).is_some_and(|t| t.is(")")) {
            k += 1;
        }
        if toks.get(k).is_some_and(is_insert_suffix) {
            k += 1;
        }
        end = k;
    }
    (points, end)
}

/// Words and signs around a number that name neither code nor point: `art.`, `l'article`,
/// `du`, commas.
fn is_filler(tok: &Token) -> bool {
    tok.kind == TokenKind::Punct
        || matches!(
            &*tok.lower,
            "art" | "article" | "l'" | "du" | "de" | "des" | "la" | "le" | "au" | "à" | "d'"
        )
}

/// The citation of number `n`, reading the tokens `within` as its code and points.
fn read(text: &str, toks: &[Token], within: Range<usize>, n: &Number) -> Option<Typed> {
    let (before_point, lead) = match before(toks, n.at) {
        Some((start, point)) if start >= within.start => (point, start),
        _ => (Vec::new(), n.at),
    };
    let (after_point, tail) = points_after(toks, n.end);
    let tail = tail.min(within.end);
    // `L. 9-3q`: a letter glued to the number is a slip, neither a point nor a code.
    if let (Some(last), Some(next)) = (toks.get(n.end - 1), toks.get(n.end))
        && n.end < within.end
        && next.kind == TokenKind::Word
        && next.range.start == last.range.end
    {
        return None;
    }
    let point = if before_point.is_empty() {
        after_point
    } else {
        before_point
    };
    let mut code = CodeNamed::Unsaid;
    for span in [within.start..lead, tail..within.end] {
        let Some(words) = words_of(text, toks, span) else {
            continue;
        };
        let named = match codes::by_name(words) {
            Some(known) => CodeNamed::Known(known),
            // Beside digits alone, words that do not look like a code are not one:
            // `section 1` is a title's words.
            None if !matches!(toks[n.at].kind, TokenKind::Num(_)) && !looks_like_code(words) => {
                return None;
            }
            None => CodeNamed::Unknown(words.to_owned()),
        };
        code = match (code, named) {
            (CodeNamed::Unsaid, named) | (named, CodeNamed::Unsaid) => named,
            (CodeNamed::Known(a), CodeNamed::Known(b)) if a.legitext == b.legitext => {
                CodeNamed::Known(a)
            }
            // Two codes, or a code and words: not one citation's.
            (CodeNamed::Known(_), CodeNamed::Known(_)) => CodeNamed::Unknown(text.trim().into()),
            (CodeNamed::Unknown(u), _) | (_, CodeNamed::Unknown(u)) => CodeNamed::Unknown(u),
        };
    }
    // `L1234-9 C trav`: the letter read as the number's (`L. 5214-1 A`) starts the code.
    let mut num = n.num.clone();
    if let CodeNamed::Unknown(words) = &code
        && let Some((head, letter)) = n.num.rsplit_once(' ')
        && let Some(known) = codes::by_name(&format!("{letter} {words}"))
    {
        num = head.to_owned();
        code = CodeNamed::Known(known);
    }
    Some(Typed { num, code, point })
}

/// The text of the tokens of `span`, filler at its ends left out; `None` when nothing
/// is left.
fn words_of<'t>(text: &'t str, toks: &[Token], span: Range<usize>) -> Option<&'t str> {
    let mut span = span;
    while span.start < span.end && is_filler(&toks[span.start]) {
        span.start += 1;
    }
    while span.end > span.start && is_filler(&toks[span.end - 1]) {
        span.end -= 1;
    }
    if span.is_empty() {
        return None;
    }
    // The dot of the last word stays: `C. trav.`, as written.
    let end = match toks.get(span.end) {
        Some(dot) if dot.is(".") && dot.range.start == toks[span.end - 1].range.end => {
            dot.range.end
        }
        _ => toks[span.end - 1].range.end,
    };
    Some(&text[toks[span.start].range.start..end])
}

/// Whether words typed beside digits alone were meant as a code: an abbreviation's
/// dots (`C. civ.`), capitals alone (`CGI`), or a code's own first word.
fn looks_like_code(words: &str) -> bool {
    let lower = words.to_lowercase();
    words.contains('.')
        || lower.starts_with("code")
        || lower.starts_with("livre")
        || (words.len() <= 8 && words.chars().all(|c| c.is_ascii_uppercase()))
}

impl Typed {
    /// The code's name as typed when no code has it (`C. trv.`).
    pub fn unknown_code(&self) -> Option<&str> {
        match &self.code {
            CodeNamed::Unknown(words) => Some(words),
            _ => None,
        }
    }

    /// The code named, if the table has it.
    pub fn known_code(&self) -> Option<&'static Code> {
        match self.code {
            CodeNamed::Known(code) => Some(code),
            _ => None,
        }
    }
}
