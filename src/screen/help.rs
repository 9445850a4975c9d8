//! The help screen: the lines `app::help` builds from the keymap in effect, styled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::app::help;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let lines: Vec<Line> = help::lines(app.keymap(), usize::from(area.width))
        .into_iter()
        .map(|line| styled(line, theme))
        .collect();
    let last_top = lines.len().saturating_sub(usize::from(area.height));
    let top = u16::try_from(scroll.min(last_top)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)), area);
}

fn styled(line: help::Line, theme: &Theme) -> Line<'static> {
    match line {
        help::Line::Title(title) => Line::styled(format!(" {title}"), theme.title),
        help::Line::Blank => Line::raw(""),
        help::Line::Keys { keys, gap, text } => Line::from(vec![
            Span::raw("  "),
            Span::styled(keys, theme.help_key),
            Span::raw(" ".repeat(gap)),
            Span::raw(text),
        ]),
        help::Line::More { indent, text } => Line::raw(format!("{}{text}", " ".repeat(indent))),
    }
}
