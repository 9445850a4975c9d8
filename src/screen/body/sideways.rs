//! A table line seen through the screen's window when the table is wider than the
//! screen: its first column when kept, the columns in view, and `‹`/`›` at an edge
//! with more beyond it (the sums are `TableShape`'s). It works
//! on styled spans, so that what was styled on the whole line (references, search
//! matches) is cut with it and stays on its own characters.

use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

use crate::model::layout::Seen;

/// The sign at an edge of a table that goes on past the screen.
pub const MORE_LEFT: &str = "‹";
pub const MORE_RIGHT: &str = "›";

/// What one line of a wide table shows: its first column when kept, a sign if it goes
/// on to the left, the columns in view, a sign if it goes on to the right.
pub struct Window {
    pub kept: Vec<Span<'static>>,
    pub left: bool,
    pub spans: Vec<Span<'static>>,
    pub right: bool,
}

/// Cuts `line` to what `seen` (the table's [`Seen`] for its shift and room) shows.
pub fn window(line: Vec<Span<'static>>, seen: &Seen) -> Window {
    Window {
        kept: columns(line.clone(), 0, seen.kept),
        left: seen.left,
        spans: columns(line, seen.shown.start, seen.shown.len()),
        right: seen.right,
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
    fn signs_say_where_there_is_more_and_the_first_column_stays() {
        use crate::model::layout::TableShape;
        // `│ab│cd│ef│gh│`: columns of 2 between rules at 0, 3, 6, 9, 12.
        let shape = TableShape {
            width: 13,
            edges: vec![0, 3, 6, 9],
            header_lines: 0,
        };
        let l = || vec![Span::raw("│ab│cd│ef│gh│")];
        let w = window(l(), &shape.seen(0, 9));
        assert!(w.kept.is_empty() && !w.left && w.right);
        assert_eq!(text(&w.spans), "│ab│cd│e");
        // Scrolled to `ef`: `│ab` kept, a sign over the rule, then `ef│g` and a sign.
        let w = window(l(), &shape.seen(6, 9));
        assert_eq!(text(&w.kept), "│ab");
        assert!(w.left && w.right);
        assert_eq!(text(&w.spans), "ef│g");
        // As far as it goes: the right rule last.
        let w = window(l(), &shape.seen(7, 9));
        assert!(w.left && !w.right);
        assert_eq!(text(&w.kept) + "‹" + &text(&w.spans), "│ab‹f│gh│");
    }
}
