//! What a line's opening says beyond its marker: whether the item is one inserted
//! after another (`2° bis`), and a second marker on the same line (`II. – 1° Toute`,
//! `I.-A.-`, `1° a)`), the first item of a list the line opens.

use super::{Marker, MarkerKind, Readings, readings};

/// A line's opening, as the tree reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opening {
    /// The possible readings of its marker, most likely first; empty when it has none.
    pub markers: Readings,
    /// `I. Le` or `A. Les`, without a dash, could be a sentence (`M. Dupont`): the tree
    /// only takes them when they start a list or continue one that is open.
    pub weak: bool,
    /// `2° bis`, `A ter`: an item inserted after the one of its number, never the
    /// first of a list.
    pub inserted: bool,
    /// The marker that follows the first on the line: the `1°` of `II. – 1° Toute`.
    pub inner: Option<Marker>,
    /// For `6.1.` or `1.3.2.`, the number of the item it sits in: 6, 3.
    pub within: Option<u32>,
}

/// `bis`, `ter`…: the Latin adverbs that number an item (or an article, a section)
/// inserted after another, the n-th coming n places after its base.
pub const INSERTS: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "nonies",
    "decies",
];

/// `rest` after a space and an adverb of [`INSERTS`] that it opens with, if it does.
pub(super) fn skip_insert(rest: &str) -> &str {
    let trimmed = trim_blanks(rest);
    // Every line that opens with a word comes here: most are done with at once.
    let words: &[&str] = match trimmed.as_bytes().first() {
        Some(b'b') => &INSERTS[..1],
        Some(b't') => &INSERTS[1..2],
        Some(b'q') => &INSERTS[2..4],
        Some(b's') => &INSERTS[4..6],
        Some(b'o') => &INSERTS[6..7],
        Some(b'n') => &INSERTS[7..8],
        Some(b'd') => &INSERTS[8..],
        _ => return rest,
    };
    words
        .iter()
        .find_map(|word| {
            let after = trimmed.strip_prefix(word)?;
            (!after.starts_with(char::is_alphabetic)).then_some(after)
        })
        .unwrap_or(rest)
}

/// Reads the opening of a line.
pub fn opening(text: &str) -> Opening {
    let (markers, weak) = readings(text);
    let Some(first) = markers.first() else {
        return Opening::default();
    };
    let rest = after_marker(text.trim_start(), first.kind);
    let after = skip_insert(rest);
    let inserted = after.len() != rest.len();
    let rest = after_marker(after, MarkerKind::Dash);
    let inner = match first.kind != MarkerKind::Dash && may_open_marker(rest) {
        true => match readings(rest) {
            (inner, false) => inner
                .first()
                .copied()
                .filter(|m| m.kind != MarkerKind::Dash),
            _ => None,
        },
        false => None,
    };
    let within = match first.kind {
        MarkerKind::Decimal { levels } if levels > 1 => {
            // The number before the last: 3 in `1.3.2.`.
            let mut numbers = text.trim_start().as_bytes().split(|b| *b == b'.');
            let number = numbers.nth(usize::from(levels) - 2).unwrap_or_default();
            (number.iter())
                .try_fold(0u32, |n, d| {
                    n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
                })
                .filter(|_| !number.is_empty() && number.iter().all(u8::is_ascii_digit))
        }
        _ => None,
    };
    Opening {
        markers,
        weak,
        inserted,
        inner,
        within,
    }
}

/// Whether `text` could open with a marker: a digit; a capital followed by a dot, a
/// space, a dash or a Roman digit (`A.-`, `II`, not `Le`); a small letter followed by
/// `)` or a space. Most lines go on with a word, which this tells at once.
fn may_open_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.get(1)) {
        (Some(b'0'..=b'9'), _) => true,
        (Some(b'A'..=b'Z'), next) => matches!(
            next,
            None | Some(b'.' | b' ' | b'-' | b'I' | b'V' | b'X' | b'L' | b'C' | 0xc2 | 0xe2)
        ),
        (Some(b'a'..=b'z'), next) => matches!(next, Some(b')' | b' ')),
        _ => false,
    }
}

/// The text after a marker of `kind` that `text` opens with, and after the dots,
/// brackets, dashes and spaces that set it apart.
fn after_marker(text: &str, kind: MarkerKind) -> &str {
    let bytes = text.as_bytes();
    let count = |keep: fn(&u8) -> bool| bytes.iter().take_while(|b| keep(b)).count();
    let token = match kind {
        MarkerKind::Roman | MarkerKind::UpperLetter => count(u8::is_ascii_uppercase),
        // The degree sign, two bytes, right after the digits (as `readings` wants it).
        MarkerKind::Degree => (count(u8::is_ascii_digit) + '°'.len_utf8()).min(text.len()),
        MarkerKind::Decimal { .. } => count(|b| b.is_ascii_digit() || *b == b'.'),
        MarkerKind::Paren => count(u8::is_ascii_digit),
        MarkerKind::LowerLetter => count(u8::is_ascii_lowercase),
        MarkerKind::Dash | MarkerKind::Nota => 0,
    };
    let rest = text.get(token..).unwrap_or("");
    let bytes = rest.as_bytes();
    let mut at = 0;
    // Spaces, dots, brackets and dashes, read as bytes: the no-break space (C2 A0),
    // the dashes and bar from U+2012 to U+2015 (E2 80 92–95) and the minus sign
    // (E2 88 92) included.
    loop {
        at += match bytes.get(at..(at + 3).min(bytes.len())).unwrap_or_default() {
            [b' ' | b'.' | b')' | b'-', ..] => 1,
            [0xc2, 0xa0, ..] => 2,
            [0xe2, 0x80, 0x92..=0x95] | [0xe2, 0x88, 0x92] => 3,
            _ => return &rest[at..],
        };
    }
}

/// `text` after its spaces, no-break ones included.
fn trim_blanks(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += match bytes.get(at..(at + 2).min(bytes.len())).unwrap_or_default() {
            [b' ', ..] => 1,
            [0xc2, 0xa0] => 2,
            _ => return &text[at..],
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Option<(MarkerKind, u32)> {
        opening(text).inner.map(|m| (m.kind, m.value))
    }

    #[test]
    fn a_second_marker_on_the_line_is_read() {
        assert_eq!(
            inner("II. – 1° Toute personne"),
            Some((MarkerKind::Degree, 1))
        );
        assert_eq!(
            inner("I.-A.-La contribution"),
            Some((MarkerKind::UpperLetter, 1))
        );
        assert_eq!(inner("III. ― 1° En cas"), Some((MarkerKind::Degree, 1)));
        assert_eq!(
            inner("2° a) Le trimestre"),
            Some((MarkerKind::LowerLetter, 1))
        );
        assert_eq!(inner("2° bis a) Le"), Some((MarkerKind::LowerLetter, 1)));
        assert_eq!(inner("1°) le trimestre"), None);
        assert_eq!(inner("II.-Le conseil"), None);
        assert_eq!(
            inner("I. - A. Les"),
            None,
            "a weak reading is no marker here"
        );
        assert_eq!(inner("1° - les salariés"), None, "nor is a dash");
        assert_eq!(inner("- a) x"), None);
    }

    #[test]
    fn a_decimal_knows_the_number_it_sits_in() {
        assert_eq!(opening("6.1. Généralités").within, Some(6));
        assert_eq!(opening("1.3.2. Risque").within, Some(3));
        assert_eq!(
            opening("4. 1. Opérations").within,
            None,
            "`4. 1.` is no decimal"
        );
        assert_eq!(opening("6. Règles").within, None);
        assert_eq!(opening("6° Les").within, None);
    }

    #[test]
    fn inserted_items_are_told_apart() {
        assert!(opening("2° bis Le").inserted);
        assert!(opening("12°bis Les").inserted);
        assert!(opening("3° ter Le").inserted);
        assert!(opening("II bis.-Les").inserted);
        assert!(opening("III. bis.-Le").inserted);
        assert!(opening("e bis) Des").inserted);
        assert!(opening("1° quater) Les").inserted);
        assert!(!opening("1° Les bises").inserted);
        assert!(!opening("1° Bis repetita").inserted);
        assert!(!opening("1° territoire").inserted);
    }
}
