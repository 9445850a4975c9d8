//! The table of contents, drawn over the text: sections with their fold signs,
//! articles indented under them, the cursor's row highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::{self, Theme};
use crate::app::App;
use crate::app::words;
use crate::mirror::toc::view::TocView;
use crate::model::codes;
use crate::model::layout::fit;

/// Draws `view` in a box filling `area`; `current` is the article being read.
pub fn draw(frame: &mut Frame, area: Rect, view: &TocView, app: &App, t: &Theme) {
    let current = app.current().article.path.as_str();
    if area.width < 4 || area.height < 3 {
        return;
    }
    let inner = usize::from(area.width - 2);
    let rows = usize::from(area.height - 2);
    let lines: Vec<Line> = view
        .visible()
        .into_iter()
        .skip(view.top)
        .take(rows)
        .map(|i| {
            let row = &view.toc.rows[i];
            let sign = match (&row.path, view.folded[i]) {
                (None, true) => theme::SIGN_FOLDED,
                (None, false) => theme::SIGN_UNFOLDED,
                (Some(_), _) => " ",
            };
            let here = row.path.as_deref() == Some(current);
            let text = format!(
                "{}{sign} {}{}",
                "  ".repeat(row.depth),
                row.label,
                if here { words::contents_here() } else { "" }
            );
            let style = if i == view.cursor {
                t.link_selected
            } else if row.path.is_none() {
                t.sign
            } else {
                ratatui::style::Style::new()
            };
            Line::from(Span::styled(fit(&text, inner), style))
        })
        .collect();
    let title = words::contents_title(&codes::title_for(&view.toc.code), app.consolidated());
    let block = Block::default()
        .borders(Borders::ALL)
        .title(fit(&title, inner))
        .title_bottom(fit(&words::contents_footer(&app.keys()), inner));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
