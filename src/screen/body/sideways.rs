//! A table line seen through the screen's window when the table is wider than the
//! screen: the columns in view, and `‹`/`›` at an edge with more beyond it. It works
//! on styled spans, so that what was styled on the whole line (references, search
//! matches) is cut with it and stays on its own characters.

use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// The sign at an edge of a table that goes on past the screen.
pub const MORE_LEFT: &str = "‹";
pub const MORE_RIGHT: &str = "›";

/// What one line of a wide table shows: a sign on the left if it goes on there, the
/// columns `from..from + width` less the signs, a sign on the right likewise.
pub struct Window {
    pub left: bool,
    pub spans: Vec<Span<'static>>,
    pub right: bool,
}

/// Cuts `line` (`total` columns wide) to the `width` columns from `from`.
pub fn window(line: Vec<Span<'static>>, total: usize, from: usize, width: usize) -> Window {
    let left = from > 0;
    let right = from + width < total;
    let start = from + usize::from(left);
    let inner = width.saturating_sub(usize::from(left) + usize::from(right));
    Window {
        left,
        spans: columns(line, start, inner),
        right,
    }
}

/// Columns `from..from + width` of a line, styles kept. Half of a wide character at
/// either end is a space, so that what follows stays in its column.
pub fn columns(line: Vec<Span<'static>>, from: usize, width: usize) -> Vec<Span<'static>> {
    let end = from + width;
    let mut out = Vec::new();
    let mut x = 0;
    for span in line {
        let mut text = String::new();
        for ch in span.content.chars() {
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
            out.push(Span::styled(text, span.style));
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
    use ratatui::style::{Modifier, Style};

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_window_keeps_styles_and_columns() {
        let link = Style::new().add_modifier(Modifier::UNDERLINED);
        let l = vec![
            Span::raw("│ 漢字 │ "),
            Span::styled("L. 1", link),
            Span::raw(" │"),
        ];
        // `│ 漢字 │ L. 1 │`: columns 3..8 cut 漢 in half.
        let cut = columns(l.clone(), 3, 5);
        assert_eq!(text(&cut), " 字 │");
        let cut = columns(l, 8, 4);
        assert_eq!(text(&cut), " L. ");
        assert_eq!(cut[1].style, link);
        assert_eq!(cut[1].content, "L. ");
    }

    #[test]
    fn signs_say_where_there_is_more() {
        let l = vec![Span::raw("┌──────────┐")];
        let w = window(l.clone(), 12, 0, 6);
        assert!(!w.left && w.right);
        assert_eq!(text(&w.spans), "┌────");
        let w = window(l, 12, 6, 6);
        assert!(w.left && !w.right);
        assert_eq!(text(&w.spans), "────┐");
    }
}
