//! The help screen, built from the key table so it always says what the keys do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::keymap;

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize, theme: &Theme) {
    let rows = keymap::help_rows();
    let key_width = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let mut lines = vec![Line::styled(" Keys", theme.title), Line::raw("")];
    for (keys, what) in rows {
        let pad = key_width.saturating_sub(keys.width());
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(keys, theme.help_key),
            Span::raw(" ".repeat(pad + 2)),
            Span::raw(what),
        ]));
    }
    let last_top = lines.len().saturating_sub(usize::from(area.height));
    let top = u16::try_from(scroll.min(last_top)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)), area);
}
