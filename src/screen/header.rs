//! The header: article number and code, the navigation trail, the section trail.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::fit_left;
use crate::app::App;
use crate::model::layout::fit;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let article = &app.current().article;
    let title = format!(" {}", article.heading());
    let trail: Vec<&str> = app
        .history()
        .trail()
        .map(|e| e.article.num.as_str())
        .collect();
    let mut first = vec![Span::styled(fit(&title, width), theme.title)];
    if trail.len() > 1 {
        let room = width.saturating_sub(title.width() + 3);
        let text = fit_left(&trail.join(" › "), room);
        if !text.is_empty() {
            let pad = width.saturating_sub(title.width() + text.width() + 1);
            first.push(Span::raw(" ".repeat(pad)));
            first.push(Span::styled(text, theme.dim));
        }
    }
    let lines = vec![
        Line::from(first),
        sections(app, width, theme),
        Line::styled("─".repeat(width), theme.rule),
    ];
    let buf = frame.buffer_mut();
    for (y, line) in (area.y..area.bottom()).zip(&lines) {
        super::line::put(buf, area.x, y, line, area.width);
    }
}

/// The section trail; for an article of a former numbering, after a mark that says so
/// in words, in reverse (which reads without colour), never cut before the trail is.
fn sections(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let article = &app.current().article;
    let trail = article.section_trail();
    if !crate::model::trail::is_former_numbering(&article.path) {
        return Line::styled(fit(&format!(" {trail}"), width), theme.dim);
    }
    let mark = fit(
        &format!(" {} ", crate::model::trail::FORMER_NUMBERING),
        width.saturating_sub(1),
    );
    let room = width.saturating_sub(mark.width() + 2);
    let mut spans = vec![Span::raw(" "), Span::styled(mark, theme.former)];
    if room > 0 {
        spans.push(Span::styled(fit(&format!(" {trail}"), room + 1), theme.dim));
    }
    Line::from(spans)
}
