//! Makes an article's references from its links and the citations in its text: a link
//! naming several articles becomes one reference per number, a citation with no link
//! becomes a reference of its own, and a link learns the point its sentence names.

use std::ops::Range;

use super::{Block, Link, Piece};
use crate::model::article::citation::{self, Cite, Found};

/// One reference of a block, by bytes of the block's text.
struct Span {
    range: Range<usize>,
    link: Link,
}

/// Rewrites every block's pieces so that each reference is its own run of text, and
/// returns the references in document order (what [`Piece::Text::link`] indexes).
/// With `detect` false only the links are kept, one reference each, with no citation.
pub fn attach(blocks: &mut [Block], links: &[Link], own_code: &str, detect: bool) -> Vec<Link> {
    let mut ctx = citation::Context::new(own_code);
    // Without the detector only blocks with links change: the others' text is not
    // needed, and copying all of it slowed the opening of a long article
    // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
    let texts: Vec<Option<(String, Vec<Range<usize>>)>> = blocks
        .iter()
        .map(|b| (detect || b.pieces.iter().any(is_link)).then(|| block_text(&b.pieces)))
        .collect();
    // A point of this article that it does not have (`mentionné au I` in an article
    // with no I) names a point of some other text: not a reference.
    let founds: Vec<Vec<Found>> = texts
        .iter()
        .map(|text| {
            let Some((text, _)) = text.as_ref().filter(|_| detect) else {
                return Vec::new();
            };
            citation::detect(text, &mut ctx)
                .into_iter()
                .filter(|f| match &f.cite {
                    Cite::Here { point } => super::point_block(blocks, point).is_some(),
                    _ => true,
                })
                .collect()
        })
        .collect();
    let mut out: Vec<Link> = Vec::new();
    for (index, (block, (text, found))) in blocks
        .iter_mut()
        .zip(texts.into_iter().zip(founds))
        .enumerate()
    {
        let Some((text, offsets)) = text else {
            continue;
        };
        let mut spans = Vec::new();
        let runs = link_runs(&block.pieces, &offsets);
        for (range, l) in &runs {
            spans.extend(split_link(&text, range.clone(), &links[*l], &found, index));
        }
        for f in &found {
            if !runs.iter().any(|(r, _)| overlaps(r, &f.range)) {
                spans.push(Span {
                    range: f.range.clone(),
                    link: Link {
                        href: String::new(),
                        text: text[f.range.clone()].to_owned(),
                        block: index,
                        cite: Some(f.cite.clone()),
                        later_part: false,
                    },
                });
            }
        }
        spans.sort_by_key(|s| s.range.start);
        // Most blocks cite nothing: their pieces stay as they are.
        if !spans.is_empty() {
            block.pieces = cut(&block.pieces, &offsets, &spans, out.len());
        }
        out.extend(spans.into_iter().map(|s| s.link));
    }
    out
}

fn is_link(piece: &Piece) -> bool {
    matches!(piece, Piece::Text { link: Some(_), .. })
}

/// The block's text (a break is a line end) and each piece's bytes in it.
fn block_text(pieces: &[Piece]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let start = text.len();
        match piece {
            Piece::Text { text: t, .. } => text.push_str(t),
            Piece::Break | Piece::CellEnd => text.push('\n'),
        }
        offsets.push(start..text.len());
    }
    (text, offsets)
}

/// Each run of consecutive pieces of one link, with the link's index.
fn link_runs(pieces: &[Piece], offsets: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let mut runs: Vec<(Range<usize>, usize)> = Vec::new();
    for (piece, range) in pieces.iter().zip(offsets) {
        let Piece::Text { link: Some(l), .. } = piece else {
            continue;
        };
        match runs.last_mut() {
            Some((r, last)) if *last == *l && r.end == range.start => r.end = range.end,
            _ => runs.push((range.clone(), *l)),
        }
    }
    runs
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether the numbers of a citation are inside the link (what precedes them, such as a
/// point, may be outside).
fn names_within(f: &Found, link: &Range<usize>) -> bool {
    match f.cite {
        Cite::Range { .. } => f.range.start >= link.start && f.range.end <= link.end,
        _ => f.range.end > link.start && f.range.end <= link.end,
    }
}

/// A link as one reference, or as one per number when its text names several.
fn split_link(
    text: &str,
    range: Range<usize>,
    link: &Link,
    found: &[Found],
    block: usize,
) -> Vec<Span> {
    let inside: Vec<&Found> = found.iter().filter(|f| names_within(f, &range)).collect();
    let make = |r: Range<usize>, cite: Option<Cite>, later_part: bool| Span {
        link: Link {
            href: link.href.clone(),
            text: text[r.clone()].trim().to_owned(),
            block,
            cite,
            later_part,
        },
        range: r,
    };
    if inside.len() <= 1 {
        // A link on the point alone (`<a>4°</a> de l'article L. 5424-1`) cites the
        // article named just after it.
        let around = || {
            found
                .iter()
                .find(|f| overlaps(&f.range, &range) && matches!(f.cite, Cite::Article { .. }))
        };
        let cite = inside
            .first()
            .copied()
            .or_else(around)
            .map(|f| f.cite.clone());
        return vec![make(range, cite, false)];
    }
    let last = inside.len() - 1;
    inside
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let start = if i == 0 {
                range.start
            } else {
                f.range.start.max(range.start)
            };
            let end = if i == last { range.end } else { f.range.end };
            make(start..end, Some(f.cite.clone()), i > 0)
        })
        .collect()
}

/// The pieces again, cut at the edges of the references, each part linked to the
/// reference it lies in (numbered from `first`) or to none.
fn cut(pieces: &[Piece], offsets: &[Range<usize>], spans: &[Span], first: usize) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for (piece, range) in pieces.iter().zip(offsets) {
        let Piece::Text { text, style, .. } = piece else {
            out.push(piece.clone());
            continue;
        };
        let mut cuts = vec![range.start, range.end];
        for s in spans {
            for edge in [s.range.start, s.range.end] {
                if edge > range.start
                    && edge < range.end
                    && text.is_char_boundary(edge - range.start)
                {
                    cuts.push(edge);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let link = spans
                .iter()
                .position(|s| s.range.start <= w[0] && w[1] <= s.range.end)
                .map(|i| first + i);
            let part = &text[w[0] - range.start..w[1] - range.start];
            match out.last_mut() {
                Some(Piece::Text {
                    text: t,
                    style: s,
                    link: l,
                }) if s == style && *l == link => t.push_str(part),
                _ => out.push(Piece::Text {
                    text: part.to_owned(),
                    style: *style,
                    link,
                }),
            }
        }
    }
    out
}

impl Link {
    /// The value of `key` in the query string of the link's address.
    pub fn query(&self, key: &str) -> Option<&str> {
        query_value(&self.href, key)
    }

    /// The article number the link's text names: its citation's (the first end of a
    /// range), else the first number of its text (`R. 6521-1`), else a number that
    /// lost its letter (`article 5424-19`).
    pub fn number(&self) -> Option<String> {
        match &self.cite {
            Some(Cite::Article { num, .. }) => Some(num.clone()),
            Some(Cite::Range { from, .. }) => Some(from.clone()),
            _ => first_number(&self.text).or_else(|| bare_number(&self.text)),
        }
    }
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
        if prefix == "L"
            && let Some(o) = citation::organic_o(chars[i..].iter().copied())
        {
            prefix.push('O');
            i += o;
        }
        // `R*4412-98`, `R. * 343-4`: the star may stand after the dot, apart.
        let mut star = false;
        while matches!(chars.get(i), Some('.' | ' ' | '\u{a0}' | '\u{202f}' | '*')) {
            star |= chars[i] == '*';
            i += 1;
        }
        if star {
            prefix.push('*');
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

/// A hyphenated number standing alone in a link's text (`5424-19`, `article
/// 614-117`): the letter was left out.
pub fn bare_number(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .map(|word| word.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')')))
        .find(|word| {
            word.contains('-')
                && word.starts_with(|c: char| c.is_ascii_digit())
                && word.ends_with(|c: char| c.is_ascii_digit())
                && word.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod number_tests {
    use super::*;

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
        assert_eq!(first_number("L. O. 111-3").as_deref(), Some("LO111-3"));
        assert_eq!(first_number("L.O. 132-2-1").as_deref(), Some("LO132-2-1"));
        // `L. Ord` or an `O` that starts a word is no organic law.
        assert_eq!(first_number("L. Ordonnance 12-1"), None);
        assert_eq!(first_number("R*4412-98").as_deref(), Some("R*4412-98"));
        // The star apart from its letter, as some texts write it.
        assert_eq!(first_number("D. * 344-25").as_deref(), Some("D*344-25"));
        assert_eq!(first_number("la loi"), None);
    }

    #[test]
    fn a_number_that_lost_its_letter_stands_alone() {
        assert_eq!(bare_number("5424-19").as_deref(), Some("5424-19"));
        assert_eq!(bare_number("article 614-117,").as_deref(), Some("614-117"));
        assert_eq!(bare_number("(1234-5)").as_deref(), Some("1234-5"));
        for none in [
            "76",
            "L5424-19",
            "n° 2008-",
            "article premier",
            "-12",
            "12-a",
        ] {
            assert_eq!(bare_number(none), None, "{none}");
        }
    }
}
