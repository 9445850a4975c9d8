//! Makes an article's references from its links and the citations in its text: a link
//! naming several articles becomes one reference per number, a citation with no link
//! becomes a reference of its own, and a link learns the point its sentence names.

use std::ops::Range;

use super::{Block, Link, Piece};
use crate::citation::{self, Cite, Found};

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
    // needed (copying all of it was a fifth of opening the largest article).
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
