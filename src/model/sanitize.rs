//! Makes text from the mirror safe to put on a terminal: no escape codes, no invisible
//! direction overrides, and no characters ratatui would silently drop.

use std::borrow::Cow;

/// Returns `text` with every character that could act on the terminal removed or replaced.
///
/// A mirror file is data we did not write: an ESC, a C1 control (0x80-0x9F, which some
/// terminals read as CSI/OSC), DEL or a bidi override must never reach the screen as
/// itself. Tabs and line ends become a space (in HTML they are white space between
/// words, and dropping them would glue two words), soft hyphens go (ratatui drops them
/// anyway, and a visible hyphen would wrongly split a word).
pub fn clean(text: &str) -> Cow<'_, str> {
    match what_needs_cleaning(text) {
        Cleaning::None => return Cow::Borrowed(text),
        // HTML source lines break inside text nodes: only ASCII white space to turn
        // into spaces, byte for byte, rather than the string rebuilt character by
        // character (measured: docs/BENCHMARKS.md, « Figures behind the code »).
        Cleaning::WhiteSpace => {
            let mut spaced = text.as_bytes().to_vec();
            for b in &mut spaced {
                if is_white(*b) {
                    *b = b' ';
                }
            }
            if let Ok(spaced) = String::from_utf8(spaced) {
                return Cow::Owned(spaced);
            }
        }
        Cleaning::More => {}
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' | '\x0c' => Some(' '),
            c if needs_cleaning(c) => None,
            c => Some(c),
        })
        .collect::<String>()
        .into()
}

/// Whether `text` can go to the terminal as it is: [`clean`] would leave it unchanged.
/// Names that fail this (a folder called `\x1b]0;…`) are no mirror's slugs.
pub fn is_clean(text: &str) -> bool {
    matches!(what_needs_cleaning(text), Cleaning::None)
}

enum Cleaning {
    None,
    /// Tabs, line ends or form feeds only.
    WhiteSpace,
    More,
}

fn is_white(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)
}

/// What [`clean`] has to do to `text`, found from the UTF-8 bytes. It rewrites
/// ASCII controls and DEL, C1 controls and the soft hyphen (C2 80–9F, C2 AD), U+061C
/// (D8 9C), U+200E/F and U+202A–E (E2 80 …), U+2066–9 (E2 81 A6–A9). Checking
/// character by character slowed the parsing of every long article
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »); French text is full
/// of other C2 and E2 characters (`°`, `«`, `’`), so the test must be exact.
fn what_needs_cleaning(text: &str) -> Cleaning {
    let b = text.as_bytes();
    // One pass with no early exit, which the compiler runs many bytes at a time, for
    // the ASCII controls; French text is full of `’` and no-break spaces, so the
    // lead bytes of what else is rewritten are then found with memchr, not one by one.
    let low = b
        .iter()
        .fold(false, |seen, &c| seen | (c < 0x20) | (c == 0x7f));
    let (control, white) = if low {
        let control = b.iter().any(|&c| (c < 0x20 && !is_white(c)) || c == 0x7f);
        (control, b.iter().copied().any(is_white))
    } else {
        (false, false)
    };
    let more = control
        || memchr::memchr3_iter(0xc2, 0xd8, 0xe2, b).any(|i| match b[i] {
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f | 0xad)),
            0xd8 => b.get(i + 1) == Some(&0x9c),
            _ => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
        });
    match (more, white) {
        (true, _) => Cleaning::More,
        (false, true) => Cleaning::WhiteSpace,
        (false, false) => Cleaning::None,
    }
}

/// True for the characters [`clean`] rewrites.
fn needs_cleaning(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_introducers() {
        assert_eq!(clean("A\x1b[2JB"), "A[2JB");
        assert_eq!(clean("A\u{9b}2JB"), "A2JB");
        assert_eq!(clean("\x1b]52;c;SGVsbG8=\x07x"), "]52;c;SGVsbG8=x");
    }

    #[test]
    fn removes_bidi_controls_and_keeps_french_spaces() {
        assert_eq!(clean("a\u{202E}b\u{2066}c"), "abc");
        assert_eq!(clean("art.\u{202F}L.\u{A0}1"), "art.\u{202F}L.\u{A0}1");
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        for c in ('\0'..='\u{3000}').chain(['\u{feff}', '\u{1f600}']) {
            let text = format!("a{c}b");
            assert_eq!(
                !matches!(what_needs_cleaning(&text), Cleaning::None),
                needs_cleaning(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn white_space_alone_takes_the_byte_path_and_gives_the_same() {
        let text = "L'article\nL. 1\t\u{a0}« cité »\r\x0c°";
        assert!(matches!(what_needs_cleaning(text), Cleaning::WhiteSpace));
        let slow: String = text
            .chars()
            .map(|c| if c.is_ascii_whitespace() { ' ' } else { c })
            .collect();
        assert_eq!(clean(text), slow);
        assert!(matches!(what_needs_cleaning("a\n\u{1b}b"), Cleaning::More));
        assert_eq!(clean("a\n\u{1b}b"), "a b");
    }

    #[test]
    fn tab_becomes_space_and_is_idempotent() {
        let once = clean("a\tb\u{7f}c\r\nd");
        assert_eq!(once, "a bc  d");
        assert_eq!(clean(&once), once);
    }
}
