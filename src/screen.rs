//! The screen layer: draws the whole screen from `&App` in a theme: header, article
//! text, status line, lists, the help. Pure: reads the app, never changes it. Uses the
//! layers below it.

mod body;
mod header;
pub mod help;
mod home;
mod line;
mod picker;
mod prompt;
mod search;
mod status;
pub mod theme;
mod toc;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{App, HEADER_ROWS, Overlay, STATUS_ROWS};
use theme::Theme;

/// Draws `app` into the whole frame, in `theme`'s styles.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let [head, text, foot] = rows(frame.area());
    // The home's header while it is shown, and while nothing is read (an overlay
    // opened from it): there is no article to name.
    if app.home().is_some() || app.nothing_read() {
        home::header(frame, head, app, theme);
    } else {
        header::draw(frame, head, app, theme);
    }
    match app.overlay() {
        Some(Overlay::Help(scroll)) => help::draw(frame, text, app, *scroll, theme),
        Some(Overlay::Home(view)) => home::draw(frame, text, view, theme),
        _ => body::draw(frame, text, app, theme),
    }
    match app.overlay() {
        Some(Overlay::Contents(view)) => {
            toc::draw(frame, text, view, app, theme);
        }
        Some(Overlay::List(p) | Overlay::Search(p, _)) => {
            picker::draw(frame, list_area(p, text), p, app, theme);
        }
        Some(Overlay::Help(_) | Overlay::Home(_)) | None => {}
    }
    status::draw(frame, foot, app, theme);
}

/// Where a list goes over the text: a prompt's keeps one size while its answers change
/// under it; another is as wide as its longest row, centred.
fn list_area(p: &crate::app::picker::Picker, text: Rect) -> Rect {
    if p.listing == crate::app::picker::Listing::Date {
        // A date has no answers to list: the line typed, in its frame.
        return Rect {
            height: 3.min(text.height),
            ..text
        };
    }
    if p.query.is_some() {
        let height = (goto_rows(p.items.len()) + 3).min(text.height);
        return Rect {
            x: text.x,
            y: text.y,
            width: text.width,
            height,
        };
    }
    let width = p
        .items
        .iter()
        .map(|i| i.label.len())
        .chain([p.title.chars().count(), 26])
        .max()
        .unwrap_or(0) as u16
        + 4;
    let height = (p.items.len() as u16).saturating_add(2).min(text.height);
    Rect {
        x: text.x + text.width.saturating_sub(width) / 2,
        y: text.y,
        width: width.min(text.width),
        height,
    }
}

/// The header's rows, the text's, the status line's. Counted here: ratatui's
/// constraint solver is general machinery for three simple sums, and it weighed on
/// every first frame (measured: docs/BENCHMARKS.md, « Figures behind the code »).
fn rows(area: Rect) -> [Rect; 3] {
    // A screen too short for all: the status line first, as ratatui's solver did.
    let foot = STATUS_ROWS.min(area.height);
    let head = HEADER_ROWS.min(area.height - foot);
    let text = area.height - head - foot;
    let band = |y, height| Rect { y, height, ..area };
    [
        band(area.y, head),
        band(area.y + head, text),
        band(area.y + head + text, foot),
    ]
}

/// Rows of answers under the go-to prompt: at least a few, so that the box does not
/// jump while typing.
fn goto_rows(answers: usize) -> u16 {
    u16::try_from(answers.clamp(5, 100)).unwrap_or(100)
}

/// Cuts `text` to at most `width` columns from the left, starting with `…`.
pub fn fit_left(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_text_from_the_left() {
        assert_eq!(fit_left("abcdef", 6), "abcdef");
        assert_eq!(fit_left("abcdef", 4), "…def");
    }

    #[test]
    fn the_rows_are_those_ratatui_s_layout_gave() {
        use ratatui::layout::{Constraint, Layout};
        for height in 0..60 {
            let area = Rect::new(2, 1, 80, height);
            let solved: [Rect; 3] = Layout::vertical([
                Constraint::Length(HEADER_ROWS),
                Constraint::Fill(1),
                Constraint::Length(STATUS_ROWS),
            ])
            .areas(area);
            assert_eq!(rows(area), solved, "height {height}");
        }
    }
}
