//! Recognises the markers of legal enumerations (`I.-`, `A.-`, `1°`, `1.`, `1)`, `a)`,
//! `-`) and arranges an article's paragraphs into the tree they imply.

use crate::article::html::RawPara;
use crate::article::{Block, BlockKind, Piece};

/// The family a marker belongs to; items of one family are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// `I.-`, `II.`, `III -`
    Roman,
    /// `A.-`, `B.`
    UpperLetter,
    /// `1°`, `2° bis`
    Degree,
    /// `1.`, and `1.1.` with `levels` = 2
    Decimal { levels: u8 },
    /// `1)`
    Paren,
    /// `a)`, `b)`
    LowerLetter,
    /// `-`, `–`, `—`
    Dash,
}

impl MarkerKind {
    /// Lists (as opposed to divisions like `I` or `A`) end where unmarked text resumes.
    fn is_list(self) -> bool {
        !matches!(self, MarkerKind::Roman | MarkerKind::UpperLetter)
    }
}

/// A marker found at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    /// The position it names: `III` is 3, `c)` is 3; 0 for dashes.
    pub value: u32,
}

impl Marker {
    /// How the text names this point: `II`, `A`, `3°`, `1.`, `1)`, `a)`.
    pub fn label(&self) -> String {
        let letter = |v: u32| char::from_u32(u32::from(b'a') + (v.max(1) - 1) % 26).unwrap_or('?');
        match self.kind {
            MarkerKind::Roman => roman(self.value),
            MarkerKind::UpperLetter => letter(self.value).to_ascii_uppercase().to_string(),
            MarkerKind::Degree => format!("{}°", self.value),
            MarkerKind::Decimal { .. } => format!("{}.", self.value),
            MarkerKind::Paren => format!("{})", self.value),
            MarkerKind::LowerLetter => format!("{})", letter(self.value)),
            MarkerKind::Dash => "-".to_owned(),
        }
    }
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, text) in DIGITS {
        while n >= value {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

/// The possible readings of a paragraph's opening, most likely first (`I.-` may be the
/// Roman one or the letter after H; the tree builder decides from context).
pub fn detect(text: &str) -> Vec<Marker> {
    readings(text).0
}

/// [`detect`], and whether the readings are weak: `I. Le` or `A. Les` without a dash
/// could be a sentence (`M. Dupont`), so the tree only takes them when they start a
/// list or continue one that is open.
fn readings(text: &str) -> (Vec<Marker>, bool) {
    let text = text.trim_start();
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let value: u32 = text[..digits].parse().unwrap_or(0);
        let rest = &text[digits..];
        if rest.starts_with('°') {
            found.push(Marker {
                kind: MarkerKind::Degree,
                value,
            });
        } else if let Some(after) = rest.strip_prefix(')') {
            if opens_text(after) {
                found.push(Marker {
                    kind: MarkerKind::Paren,
                    value,
                });
            }
        } else if let Some(levels) = decimal_levels(text) {
            found.push(Marker {
                kind: MarkerKind::Decimal { levels },
                value,
            });
        }
        return (found, false);
    }
    let letters = text.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters > 0 {
        let word = &text[..letters];
        let rest = &text[letters..];
        if bytes[0].is_ascii_lowercase() && letters <= 2 {
            if let Some(after) = rest.strip_prefix(')')
                && opens_text(after)
                && (letters == 1 || word.as_bytes()[0] == word.as_bytes()[1])
            {
                found.push(Marker {
                    kind: MarkerKind::LowerLetter,
                    value: letter_value(word),
                });
            }
        } else if word.bytes().all(|b| b.is_ascii_uppercase())
            && let Some(dashed) = dot_then_text(rest)
        {
            let roman = roman_value(word).map(|value| Marker {
                kind: MarkerKind::Roman,
                value,
            });
            let letter = (letters == 1).then(|| Marker {
                kind: MarkerKind::UpperLetter,
                value: letter_value(word),
            });
            if matches!(word, "I" | "V" | "X") {
                found.extend(roman.into_iter().chain(letter));
            } else {
                found.extend(letter.into_iter().chain(roman));
            }
            return (found, !dashed);
        }
        return (found, false);
    }
    let mut chars = text.chars();
    if let Some('-' | '–' | '—') = chars.next() {
        let after = chars.as_str();
        let next = after.chars().next();
        if next.is_some_and(|c| c == ' ' || c == '\u{a0}' || c.is_alphabetic() || c == '«') {
            found.push(Marker {
                kind: MarkerKind::Dash,
                value: 0,
            });
        }
    }
    (found, false)
}

/// After `1)` or `a)`: the marker must be followed by text, not glued to a word.
fn opens_text(after: &str) -> bool {
    after.is_empty() || after.starts_with([' ', '\u{a0}', '-', '–'])
}

/// `1.`, `1.2.`, `1.2.3` followed by a space or dash: the number of levels.
fn decimal_levels(text: &str) -> Option<u8> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let head = &text[..end];
    let rest = &text[end..];
    let parts: Vec<&str> = head.trim_end_matches('.').split('.').collect();
    let dotted = head.ends_with('.') || parts.len() > 1;
    let clean = parts.iter().all(|p| !p.is_empty() && p.len() <= 3);
    let opens = rest.is_empty() || rest.starts_with([' ', '\u{a0}', '-', '–']);
    // `1. 234` would be a number, not a marker.
    let then_digit = rest
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(|c: char| c.is_ascii_digit());
    (dotted && clean && opens && !then_digit && parts.len() <= 6).then_some(parts.len() as u8)
}

/// After `I` or `A`: a dot and a dash, or a dot and a word (never a digit, which makes
/// `L. 1234-5` an article number, not item L). Returns whether a dash was present.
fn dot_then_text(rest: &str) -> Option<bool> {
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    let after_dot = rest.strip_prefix('.').unwrap_or(rest);
    let had_dot = after_dot.len() != rest.len();
    let trimmed = after_dot.trim_start_matches([' ', '\u{a0}']);
    if let Some(after_dash) = trimmed.strip_prefix(['-', '–', '—', '―', '‒', '−']) {
        let after_dash = after_dash.trim_start_matches([' ', '\u{a0}']);
        let digit = after_dash.starts_with(|c: char| c.is_ascii_digit());
        return (!digit || had_dot).then_some(true);
    }
    let spaced = trimmed.len() != after_dot.len();
    let word = trimmed.starts_with(|c: char| c.is_alphabetic() || c == '(' || c == '«');
    (had_dot && spaced && word).then_some(false)
}

fn letter_value(word: &str) -> u32 {
    let first = word.as_bytes()[0].to_ascii_lowercase();
    u32::from(first - b'a' + 1) + 26 * (word.len() as u32 - 1)
}

pub(crate) fn roman_value(word: &str) -> Option<u32> {
    let digit = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = word.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok().filter(|t| *t > 0 && *t < 400)
}

/// Where an item stands while the tree is being built.
struct Open {
    kind: MarkerKind,
    value: u32,
    block: usize,
}

/// Turns paragraphs into blocks (a paragraph splits at each `<br/>` line that opens
/// with a marker) and links every block to the item that owns it.
///
/// An item owns what follows it until an item of its own family or of an enclosing
/// one. Unmarked text after a list goes back to the nearest enclosing division, out of
/// every nested list (after `2°` or its `b)`, "Le conseil exerce…" belongs to `I`, not
/// to `2°`); divisions (`I`, `A`) keep the unmarked paragraphs that follow them.
pub fn build(paras: Vec<RawPara>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut prev_unmarked_parent: Option<Option<usize>> = None;
    for para in paras {
        for (pieces, kind, candidates) in split_para(para) {
            let index = blocks.len();
            let (marker, parent) = match place(&mut open, &candidates, index) {
                Some(marker) => {
                    prev_unmarked_parent = None;
                    let parent = open.len().checked_sub(2).map(|i| open[i].block);
                    (Some(marker), parent)
                }
                None => {
                    let parent = match (prev_unmarked_parent, &kind) {
                        (Some(parent), _) => parent,
                        (None, BlockKind::Table(_)) => open.last().map(|o| o.block),
                        (None, BlockKind::Text) => {
                            while open.last().is_some_and(|o| o.kind.is_list()) {
                                open.pop();
                            }
                            open.last().map(|o| o.block)
                        }
                    };
                    prev_unmarked_parent = Some(parent);
                    (None, parent)
                }
            };
            let depth = parent.map_or(0, |p: usize| blocks[p].depth + 1);
            blocks.push(Block {
                kind,
                pieces,
                marker,
                depth,
                parent,
                end: index + 1,
            });
        }
    }
    set_ends(&mut blocks);
    blocks
}

/// Puts a marked block on the stack of open items, closing what it ends. Returns the
/// marker reading chosen, or `None` when the block has no marker.
fn place(open: &mut Vec<Open>, readings: &(Vec<Marker>, bool), block: usize) -> Option<Marker> {
    let (candidates, weak) = readings;
    if candidates.is_empty() {
        return None;
    }
    // A reading that continues an open list (same family, next value) wins; then one
    // of a family already open; then the most likely reading as a new, deeper list.
    let continuing = candidates.iter().find_map(|m| {
        open.iter()
            .rposition(|o| o.kind == m.kind && m.value == o.value + 1)
            .map(|at| (*m, at))
    });
    let same_family = || {
        candidates.iter().find_map(|m| {
            open.iter()
                .rposition(|o| o.kind == m.kind)
                .map(|at| (*m, at))
        })
    };
    let (marker, at) = match (continuing, weak) {
        (Some(found), _) => found,
        (None, true) => {
            let first = candidates.iter().find(|m| m.value == 1)?;
            (*first, open.len())
        }
        (None, false) => match same_family() {
            Some(found) => found,
            None => (candidates[0], open.len()),
        },
    };
    open.truncate(at);
    open.push(Open {
        kind: marker.kind,
        value: marker.value,
        block,
    });
    Some(marker)
}

/// One block per marked line; unmarked lines stay with the line before them.
type Reading = (Vec<Marker>, bool);

fn split_para(para: RawPara) -> Vec<(Vec<Piece>, BlockKind, Reading)> {
    if let Some(table) = para.table {
        let mut pieces = Vec::new();
        for (i, cell) in para.lines.into_iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::CellEnd);
            }
            pieces.extend(cell);
        }
        return vec![(pieces, BlockKind::Table(table), (Vec::new(), false))];
    }
    let mut out: Vec<(Vec<Piece>, BlockKind, Reading)> = Vec::new();
    for line in para.lines {
        let candidates = readings(&leading_text(&line));
        match out.last_mut() {
            Some((pieces, _, _)) if candidates.0.is_empty() => {
                pieces.push(Piece::Break);
                pieces.extend(line);
            }
            _ => out.push((line, BlockKind::Text, candidates)),
        }
    }
    out
}

/// The first few characters of a line, across pieces, for marker detection: the
/// longest marker (`XVIII.-`, `1.2.3.4.`) is far shorter than the 64 bytes a piece
/// gives at most, and copying whole paragraphs here was costly.
fn leading_text(line: &[Piece]) -> String {
    let mut out = String::new();
    for piece in line {
        if let Piece::Text { text, .. } = piece {
            let mut end = text.len().min(64);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            out.push_str(&text[..end]);
            if out.len() >= 16 {
                break;
            }
        }
    }
    out
}

/// An item owns every following block deeper than itself.
fn set_ends(blocks: &mut [Block]) {
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..blocks.len() {
        while let Some(&top) = stack.last() {
            if blocks[top].depth >= blocks[i].depth {
                blocks[top].end = i;
                stack.pop();
            } else {
                break;
            }
        }
        stack.push(i);
    }
    let n = blocks.len();
    for top in stack {
        blocks[top].end = n;
    }
}

#[cfg(test)]
mod tests;
