//! The help screen, built from the key table so it always says what the keys do.
//! Descriptions wrap to the screen: beside their keys when there is room, under them
//! on a narrow screen (below 60 columns), so that 40 columns still read whole.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::Keymap;

/// Below this width, each description goes under its keys.
const NARROW: usize = 60;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize) {
    let lines = lines(app.keymap(), usize::from(area.width), &app.theme);
    let last_top = lines.len().saturating_sub(usize::from(area.height));
    let top = u16::try_from(scroll.min(last_top)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)), area);
}

/// How many lines the help takes at `width` columns: how far it scrolls.
pub fn height(keymap: &Keymap, width: u16) -> usize {
    lines(keymap, usize::from(width), &Theme::plain()).len()
}

fn lines(keymap: &Keymap, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let rows = keymap.help_rows();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let mut lines = vec![Line::styled(" Keys", theme.title), Line::raw("")];
    for (keys, what) in rows {
        let key = Span::styled(keys.clone(), theme.help_key);
        if width < NARROW {
            lines.push(Line::from(vec![Span::raw("  "), key]));
            for part in wrap(what, width.saturating_sub(6)) {
                lines.push(Line::raw(format!("      {part}")));
            }
            continue;
        }
        let column = 2 + key_width + 2;
        let pad = key_width.saturating_sub(keys.width());
        let mut parts = wrap(what, width.saturating_sub(column)).into_iter();
        lines.push(Line::from(vec![
            Span::raw("  "),
            key,
            Span::raw(" ".repeat(pad + 2)),
            Span::raw(parts.next().unwrap_or_default()),
        ]));
        for part in parts {
            lines.push(Line::raw(format!("{}{part}", " ".repeat(column))));
        }
    }
    lines
}

/// `text` cut into lines of at most `width` columns, at spaces (a word longer than
/// the width is a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width.max(1) {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_at_spaces() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), [""]);
        assert_eq!(wrap("unmotlong", 4), ["unmotlong"]);
    }

    #[test]
    fn every_line_fits_at_40_and_80_columns() {
        for width in [40, 80] {
            for line in lines(&Keymap::default(), width, &Theme::plain()) {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
        let keys = Keymap::default();
        assert!(height(&keys, 40) > height(&keys, 80));
    }
}
