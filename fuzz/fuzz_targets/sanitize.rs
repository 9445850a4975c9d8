//! Fuzz target `sanitize`: `clean` lets nothing through that could act on a terminal,
//! changes nothing else, and cleaning twice is cleaning once.

#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use loi::model::sanitize::clean;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = clean(&text);
    for c in once.chars() {
        assert!(!forbidden(c), "U+{:04X} kept in {once:?}", u32::from(c));
    }
    assert_eq!(clean(&once), once, "not idempotent on {text:?}");
    let expected: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' | '\x0c' => Some(' '),
            c if forbidden(c) => None,
            c => Some(c),
        })
        .collect();
    assert_eq!(once, expected, "on {text:?}");
    // Text with nothing to clean is not copied (the whole corpus goes through here).
    assert_eq!(
        matches!(once, Cow::Borrowed(_)),
        expected == *text,
        "on {text:?}"
    );
});

/// What must never reach the screen: controls, bidi embeddings, overrides and
/// isolates, the directional marks, and the soft hyphen.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{00AD}'
        )
}
