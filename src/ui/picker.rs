//! The list of a range's articles, drawn over the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{fit, theme};
use crate::picker::Picker;

/// Draws `picker` in a box over `area`, the highlighted item kept in view.
pub fn draw(frame: &mut Frame, area: Rect, picker: &Picker) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let rows = usize::from(area.height - 2);
    let top = picker.selected.saturating_sub(rows.saturating_sub(1));
    let inner = usize::from(area.width - 2);
    let lines: Vec<Line> = picker
        .items
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, item)| {
            let style = if i == picker.selected {
                theme::LINK_SELECTED
            } else {
                theme::LINK
            };
            Line::from(Span::styled(fit(&item.label, inner), style))
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(fit(&format!(" {} ", picker.title), inner))
        .title_bottom(fit(" Enter opens · Esc closes ", inner));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
