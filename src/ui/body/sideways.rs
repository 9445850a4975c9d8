//! A table line seen through the screen's window when the table is wider than the
//! screen: the columns in view, and `‹`/`›` at an edge with more beyond it.

use unicode_width::UnicodeWidthChar;

use crate::layout::{Seg, VLine};

/// The sign at an edge of a table that goes on past the screen.
pub const MORE_LEFT: &str = "‹";
pub const MORE_RIGHT: &str = "›";

/// What one line of a wide table shows: a sign on the left if it goes on there, the
/// columns `from..from + width` less the signs, a sign on the right likewise.
pub struct Window {
    pub left: bool,
    pub line: VLine,
    pub right: bool,
}

/// Cuts `line` (`total` columns wide) to the `width` columns from `from`.
pub fn window(line: &VLine, total: usize, from: usize, width: usize) -> Window {
    let left = from > 0;
    let right = from + width < total;
    let start = from + usize::from(left);
    let inner = width.saturating_sub(usize::from(left) + usize::from(right));
    Window {
        left,
        line: columns(line, start, inner),
        right,
    }
}

/// Columns `from..from + width` of a line, styles kept. Half of a wide character at
/// either end is a space, so that what follows stays in its column.
pub fn columns(line: &VLine, from: usize, width: usize) -> VLine {
    let end = from + width;
    let mut out: VLine = Vec::new();
    let mut x = 0;
    for seg in line {
        let mut text = String::new();
        for ch in seg.text.chars() {
            let w = ch.width().unwrap_or(0);
            if x >= from && x + w <= end {
                text.push(ch);
            } else if x < end && x + w > from {
                // Straddles an edge: as many spaces as its columns in view.
                for col in x..x + w {
                    if (from..end).contains(&col) {
                        text.push(' ');
                    }
                }
            }
            x += w;
        }
        if !text.is_empty() {
            out.push(Seg {
                text,
                ..seg.clone()
            });
        }
        if x >= end {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::TextStyle;
    use crate::layout::line_text;

    fn line(parts: &[(&str, Option<usize>)]) -> VLine {
        parts
            .iter()
            .map(|(t, link)| Seg {
                text: (*t).to_owned(),
                style: TextStyle::default(),
                link: *link,
            })
            .collect()
    }

    #[test]
    fn a_window_keeps_styles_and_columns() {
        let l = line(&[("│ 漢字 │ ", None), ("L. 1", Some(0)), (" │", None)]);
        // `│ 漢字 │ L. 1 │`: columns 3..8 cut 漢 in half.
        let cut = columns(&l, 3, 5);
        assert_eq!(line_text(&cut), " 字 │");
        let cut = columns(&l, 8, 4);
        assert_eq!(line_text(&cut), " L. ");
        assert_eq!(cut[1].link, Some(0));
    }

    #[test]
    fn signs_say_where_there_is_more() {
        let l = line(&[("┌──────────┐", None)]);
        let w = window(&l, 12, 0, 6);
        assert!(!w.left && w.right);
        assert_eq!(line_text(&w.line), "┌────");
        let w = window(&l, 12, 6, 6);
        assert!(w.left && !w.right);
        assert_eq!(line_text(&w.line), "────┐");
    }
}
