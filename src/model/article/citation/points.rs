//! Points inside an article: `au 3° du II de l'article …`, `mentionné au I`, `au 2° du
//! présent article`, `au a du 1° de cet article`.

use super::tokens::{Token, TokenKind};
use super::{Cite, Context, Found};
use crate::model::article::enumeration::{Marker, MarkerKind, roman_value};

/// The marker a word names as a point: `II`, `3°`, `A`, `a`.
pub(super) fn marker(tok: &Token) -> Option<Marker> {
    if tok.kind != TokenKind::Word {
        return None;
    }
    let word = &*tok.lower;
    if let Some(digits) = word.strip_suffix('°') {
        let value = digits.parse().ok()?;
        return Some(Marker {
            kind: MarkerKind::Degree,
            value,
        });
    }
    let one_letter = word.len() == 1 && word.as_bytes()[0].is_ascii_lowercase();
    if tok.upper && one_letter && !matches!(word, "i" | "v" | "x") {
        return Some(Marker {
            kind: MarkerKind::UpperLetter,
            value: u32::from(word.as_bytes()[0] - b'a' + 1),
        });
    }
    if tok.upper {
        let value = roman_value(&word.to_uppercase())?;
        return Some(Marker {
            kind: MarkerKind::Roman,
            value,
        });
    }
    one_letter.then(|| Marker {
        kind: MarkerKind::LowerLetter,
        value: u32::from(word.as_bytes()[0] - b'a' + 1),
    })
}

/// `bis`, `ter`…: the Latin adverbs that number an item inserted after another.
pub(super) fn is_insert_suffix(tok: &Token) -> bool {
    matches!(
        &*tok.lower,
        "bis"
            | "ter"
            | "quater"
            | "quinquies"
            | "sexies"
            | "septies"
            | "octies"
            | "nonies"
            | "decies"
    )
}

fn is_letter(m: &Marker) -> bool {
    m.kind == MarkerKind::LowerLetter
}

/// Points joined by `du`, `de la`, `de l'` read from `k` onwards, innermost first as
/// written. Returns the points and the index after the last one.
fn chain_forward(toks: &[Token], mut k: usize) -> (Vec<Marker>, usize) {
    let mut points = Vec::new();
    while let Some(m) = toks.get(k).and_then(marker) {
        let closing = toks.get(k + 1).is_some_and(|t| t.is(")"));
        points.push(m);
        k += 1 + usize::from(closing);
        // `4° bis` is found as `4°`: the tree does not keep the suffix.
        if toks.get(k).is_some_and(is_insert_suffix) {
            k += 1;
        }
        let sep = match (toks.get(k), toks.get(k + 1)) {
            (Some(a), _) if a.is("du") => 1,
            (Some(a), Some(b)) if a.is("de") && (b.is("la") || b.is("l'")) => 2,
            _ => break,
        };
        if toks.get(k + sep).and_then(marker).is_none() {
            break;
        }
        k += sep;
    }
    // A lone lower-case letter is a point only when another point follows (`au a du
    // 2°`) or it has its parenthesis (`au a)`): `a` alone is too common a word.
    if points.len() == 1 && is_letter(&points[0]) && !toks.get(k - 1).is_some_and(|t| t.is(")")) {
        return (Vec::new(), k);
    }
    (points, k)
}

/// The point named just before `de l'article NUM` (the token at `num`): its first token
/// and its markers, outermost first.
pub fn before(toks: &[Token], num: usize) -> Option<(usize, Vec<Marker>)> {
    let word = |k: usize| toks.get(k).map(|t| &*t.lower).unwrap_or("");
    let at = num.checked_sub(3)?;
    if word(num - 1) != "article" || word(num - 2) != "l'" || !matches!(word(at), "de" | "à") {
        return None;
    }
    let mut last = at.checked_sub(1)?;
    if is_insert_suffix(&toks[last]) {
        last = last.checked_sub(1)?;
    }
    // `au a) de l'article`: the letter with its parenthesis.
    if toks[last].is(")") {
        last = last.checked_sub(1)?;
    }
    marker(&toks[last])?;
    // Walk back over `P du P de la P` to the first point.
    let mut start = last;
    loop {
        let back = match start.checked_sub(1).map(word) {
            Some("du") => 1,
            Some("la" | "l'") if start >= 2 && word(start - 2) == "de" => 2,
            _ => break,
        };
        match start.checked_sub(back + 1) {
            Some(p) if marker(&toks[p]).is_some() => start = p,
            // `a) du 2°`, as a citation typed may write the letter.
            Some(p) if p >= 1 && toks[p].is(")") && marker(&toks[p - 1]).is_some() => {
                start = p - 1;
            }
            _ => break,
        }
    }
    let (mut points, end) = chain_forward(toks, start);
    if end != at || points.is_empty() {
        return None;
    }
    points.reverse();
    Some((start, points))
}

/// Words after which `au I`, `aux 1° et 2°` name points of a text just cited or of the
/// article itself.
fn announces_point(word: &str) -> bool {
    [
        "mentionn",
        "prévu",
        "vis",
        "défini",
        "fixé",
        "énuméré",
        "énoncé",
        "cité",
        "désign",
        "précisé",
        "indiqué",
        "prévus",
        "figurant",
    ]
    .iter()
    .any(|stem| word.starts_with(stem))
}

/// Points not followed by an article number: of the citing article (`du présent
/// article`, `au présent II`, `mentionné au I`) or of the last one cited (`du même
/// article`, `de cet article`).
pub fn internal(toks: &[Token], used: &mut [bool], ctx: &Context) -> Vec<Found> {
    let word = |k: usize| toks.get(k).map(|t| &*t.lower).unwrap_or("");
    let mut found = Vec::new();
    let mut k = 1;
    while k < toks.len() {
        let lead = word(k - 1);
        let present = matches!(lead, "présent" | "présente")
            && k >= 2
            && matches!(word(k - 2), "au" | "du" | "le" | "la" | "à");
        let announced = matches!(lead, "au" | "aux") && k >= 2 && announces_point(word(k - 2));
        let plain_lead = matches!(lead, "au" | "aux" | "du" | "le");
        if used[k] || !(present || announced || plain_lead) {
            k += 1;
            continue;
        }
        // `aux 1° et 2°`: each point of the list is its own reference.
        let mut items = Vec::new();
        let mut j = k;
        loop {
            let (points, end) = chain_forward(toks, j);
            if points.is_empty() {
                break;
            }
            items.push((j, end, points));
            j = end;
            if matches!(word(j), "," | "et" | "ou") && toks.get(j + 1).and_then(marker).is_some() {
                j += 1;
            } else {
                break;
            }
        }
        if items.is_empty() {
            k += 1;
            continue;
        }
        let target = match (word(j), word(j + 1), word(j + 2)) {
            ("du", "présent", "article") => Some(None),
            ("du", "même", "article") | ("de", "cet", "article") | ("dudit", "article", _) => {
                ctx.last_article.clone().map(Some)
            }
            ("du" | "de" | "des" | "à", _, _) => None,
            _ if present || announced => Some(None),
            _ => None,
        };
        if let Some(target) = target {
            for (start, end, mut points) in items {
                points.reverse();
                used[start..end].iter_mut().for_each(|u| *u = true);
                let cite = match &target {
                    None => Cite::Here { point: points },
                    Some((code, num)) => Cite::Article {
                        code: code.clone(),
                        num: num.clone(),
                        point: points,
                    },
                };
                found.push(Found {
                    range: toks[start].range.start..toks[end - 1].range.end,
                    cite,
                });
            }
        }
        k = j.max(k + 1);
    }
    found
}
