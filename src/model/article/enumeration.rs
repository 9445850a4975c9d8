//! Recognises the markers of legal enumerations (`I.-`, `A.-`, `1°`, `1.`, `1)`, `a)`,
//! `-`) and arranges an article's paragraphs into the tree they imply.

use smallvec::SmallVec;

mod opening;
mod tree;

pub use opening::{INSERTS, Opening, opening};
pub use tree::build;

/// The family a marker belongs to; items of one family are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// `I.-`, `II.`, `III -`
    Roman,
    /// `A.-`, `B.`
    UpperLetter,
    /// `1°`, `2° bis`
    Degree,
    /// `1.`, and `1.2.` with `levels` = 2 (its value is its last number, 2: `1.1.`,
    /// `1.2.`, `1.3.` are one run)
    Decimal { levels: u8 },
    /// `1)`
    Paren,
    /// `a)`, `b)`
    LowerLetter,
    /// `-`, `–`, `—`
    Dash,
    /// Not in the text: the mark of the article's Nota, which folds as an item does.
    Nota,
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
            MarkerKind::Nota => "Nota".to_owned(),
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
    readings(text).0.into_vec()
}

/// A line's marker readings: never more than two (`I`, the Roman one or the letter),
/// kept inline, as every line of every article is read.
pub type Readings = SmallVec<[Marker; 2]>;

/// [`detect`], and whether the readings are weak: `I. Le` or `A. Les` without a dash
/// could be a sentence (`M. Dupont`), so the tree only takes them when they start a
/// list or continue one that is open.
fn readings(text: &str) -> (Readings, bool) {
    let text = text.trim_start();
    let mut found = Readings::new();
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
        } else if let Some((levels, last)) = decimal_levels(text) {
            found.push(Marker {
                kind: MarkerKind::Decimal { levels },
                value: last,
            });
        }
        return (found, false);
    }
    let letters = text.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters > 0 {
        let word = &text[..letters];
        // `e bis)`, `II bis.-`: an inserted item, marked as the one before it.
        let rest = &text[letters..];
        let rest = match (letters <= 2 || bytes[1].is_ascii_uppercase())
            && rest.starts_with([' ', '\u{a0}'])
        {
            true => opening::skip_insert(rest),
            false => rest,
        };
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

/// `1.`, `1.2.`, `1.2.3` followed by a space or dash, or `1.` glued to a capital
/// (`1.L'amortissement`, as `I.-Le` is): the number of levels, and the last number.
fn decimal_levels(text: &str) -> Option<(u8, u32)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let head = &text[..end];
    let rest = &text[end..];
    let numbers = head.trim_end_matches('.');
    let levels = numbers.split('.').count();
    let dotted = head.ends_with('.') || levels > 1;
    let clean = numbers.split('.').all(|p| !p.is_empty() && p.len() <= 3);
    let glued = head.ends_with('.') && rest.starts_with(|c: char| c.is_uppercase());
    let opens = rest.is_empty() || rest.starts_with([' ', '\u{a0}', '-', '–']) || glued;
    // `1. 234` would be a number, not a marker.
    let then_digit = rest
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(|c: char| c.is_ascii_digit());
    let last = numbers.rsplit('.').next().and_then(|p| p.parse().ok())?;
    (dotted && clean && opens && !then_digit && levels <= 6).then_some((levels as u8, last))
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

#[cfg(test)]
mod tests;
