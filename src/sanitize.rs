//! Makes text from the mirror safe to put on a terminal: no escape codes, no invisible
//! direction overrides, and no characters ratatui would silently drop.

/// Returns `text` with every character that could act on the terminal removed or replaced.
///
/// A mirror file is data we did not write: an ESC, a C1 control (0x80-0x9F, which some
/// terminals read as CSI/OSC), DEL or a bidi override must never reach the screen as
/// itself. Tabs and line ends become a space (in HTML they are white space between
/// words, and dropping them would glue two words), soft hyphens go (ratatui drops them
/// anyway, and a visible hyphen would wrongly split a word).
pub fn clean(text: &str) -> String {
    if !text.chars().any(needs_cleaning) {
        return text.to_owned();
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' | '\x0c' => Some(' '),
            c if needs_cleaning(c) => None,
            c => Some(c),
        })
        .collect()
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
    fn tab_becomes_space_and_is_idempotent() {
        let once = clean("a\tb\u{7f}c\r\nd");
        assert_eq!(once, "a bc  d");
        assert_eq!(clean(&once), once);
    }
}
