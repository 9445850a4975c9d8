//! A prompt's line: the part of its text in view, the cursor `▏` where it is (between
//! two characters, so that it reads without colour), `‹` and `›` where more of a long
//! text is hidden; the window itself is `app::prompt`'s.

use ratatui::text::Span;

use super::theme::Theme;
use crate::app::prompt::Prompt;

/// The cursor, a column of its own.
const CURSOR: &str = "▏";

/// What a prompt `width` columns wide shows: before the cursor, the cursor, after it.
pub fn parts(prompt: &Prompt, width: usize) -> [String; 3] {
    let w = prompt.window(width);
    // The prompt holds no control character; a bidi one is cleaned here as the
    // article's text is.
    let clean = crate::model::sanitize::clean;
    [
        format!("{}{}", if w.more_left { "‹" } else { "" }, clean(&w.before)),
        CURSOR.to_owned(),
        format!("{}{}", clean(&w.after), if w.more_right { "›" } else { "" }),
    ]
}

/// The line as spans, the cursor and the markers in `theme`'s style for signs.
pub fn spans(prompt: &Prompt, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let [before, cursor, after] = parts(prompt, width);
    vec![
        Span::raw(before),
        Span::styled(cursor, theme.sign),
        Span::raw(after),
    ]
}

/// The line as one text, for the status line.
pub fn plain(prompt: &Prompt, width: usize) -> String {
    parts(prompt, width).concat()
}
