//! The list of a range's articles, or the go-to prompt and its answers, drawn over
//! the text.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::picker::Picker;
use crate::model::layout::fit;

/// Draws `picker` in a box over `area`, the highlighted item kept in view.
pub fn draw(frame: &mut Frame, area: Rect, picker: &Picker, app: &crate::app::App, theme: &Theme) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let inner = usize::from(area.width - 2);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(query) = &picker.query {
        let mut line = vec![Span::styled("› ", theme.sign)];
        line.extend(super::prompt::spans(query, inner.saturating_sub(2), theme));
        lines.push(Line::from(line));
    }
    let rows = usize::from(area.height - 2).saturating_sub(lines.len());
    let top = picker.selected.saturating_sub(rows.saturating_sub(1));
    lines.extend(
        picker
            .items
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .map(|(i, item)| {
                let style = if i == picker.selected {
                    theme.link_selected
                } else {
                    theme.link
                };
                Line::from(Span::styled(fit(&item.label, inner), style))
            }),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(fit(&format!(" {} ", picker.title), inner))
        .title_bottom(fit(&footer(picker, &app.keys()), inner));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// What the keys do in the list: the bookmarks' own says how to delete one, with the
/// key in effect.
fn footer(picker: &Picker, keys: &crate::app::words::Keys) -> String {
    use crate::app::picker::Listing;
    match picker.listing {
        Listing::Date => crate::app::words::date_footer(keys),
        Listing::Changes => crate::app::words::changes_footer(keys),
        listing => crate::app::words::list_footer(
            keys,
            listing == Listing::Bookmarks,
            picker.query.is_none()
                && listing != Listing::Codes
                && crate::app::picker::mixes_codes(picker.items.iter().map(|i| i.path.as_str())),
        ),
    }
}
