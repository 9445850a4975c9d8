//! The status line: a message or a hint on the left, the position on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{fit, theme};
use crate::app::App;

/// What the left side says when there is no message.
const HINT: &str = "Tab references · Enter open/unfold · Backspace back · ? keys · q quit";

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let width = usize::from(area.width);
    let right = format!(" {} ", position(app));
    let (text, style) = match &app.status {
        Some(s) if s.error => (s.text.as_str(), theme::STATUS_ERROR),
        Some(s) => (s.text.as_str(), theme::STATUS),
        None if app.help.is_some() => ("Keys of loi · q or Esc closes", theme::STATUS),
        None => (HINT, theme::STATUS),
    };
    let left = fit(&format!(" {text}"), width.saturating_sub(right.width()));
    let pad = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(pad), theme::STATUS),
        Span::styled(right, theme::STATUS),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// `All`, `Top`, `Bot` or a percentage, as less says it, measured in blocks.
fn position(app: &App) -> String {
    let f = app.frame();
    let view = &app.current().view;
    let at_top = view.top == Default::default();
    let at_bottom = view.top == view.max_top(f);
    let blocks = f.article.blocks.len().max(1);
    match (at_top, at_bottom) {
        (true, true) => "All".to_owned(),
        (true, false) => "Top".to_owned(),
        (false, true) => "Bot".to_owned(),
        (false, false) => format!("{}%", view.top.block * 100 / blocks),
    }
}
