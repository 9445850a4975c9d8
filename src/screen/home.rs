//! The home: the mirror's codes, two rows each (the title and its abbreviation, then
//! how many articles and the date of the data; the abbreviation goes to the second
//! row when the first cannot hold it whole), the cursor's code marked by the bar
//! `▌` and its title highlighted; and the header above it, naming the mirror.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::{self, Theme};
use crate::app::App;
use crate::app::home::{HomeView, ROWS_PER_CODE};
use crate::app::words;
use crate::model::layout::fit;
use crate::model::sanitize::clean;

// The app scrolls by this many rows a code; two are drawn here.
const _: () = assert!(ROWS_PER_CODE == 2);

/// Draws the codes of `view` into `area` (the text's rows).
pub fn draw(frame: &mut Frame, area: Rect, view: &HomeView, theme: &Theme) {
    let width = usize::from(area.width);
    let buf = frame.buffer_mut();
    if view.shelf.codes.is_empty() {
        let line = Line::styled(fit(&format!(" {}", words::home_empty()), width), theme.dim);
        if area.height > 0 {
            super::line::put(buf, area.x, area.y, &line, area.width);
        }
        return;
    }
    let rows = view
        .shelf
        .codes
        .iter()
        .enumerate()
        .skip(view.top)
        .flat_map(|(i, code)| {
            let here = i == view.cursor;
            let bar = if here { theme::CURSOR } else { " " };
            let room = width.saturating_sub(1);
            let figures = words::home_figures(code.articles, code.data_date.as_deref());
            // The abbreviation after the title when both fit; else at the head of
            // the figures, so that a narrow screen cuts the title, never it.
            let (title, figures) = match code.abbreviation {
                Some(short) if code.title.width() + 3 + short.width() <= room => {
                    (format!("{} · {short}", code.title), figures)
                }
                Some(short) => (code.title.clone(), format!("{short} · {figures}")),
                None => (code.title.clone(), figures),
            };
            let title_style = if here {
                theme.link_selected
            } else {
                theme.title
            };
            [
                Line::from(vec![
                    Span::styled(bar, theme.sign),
                    Span::styled(fit(&clean(&title), room), title_style),
                ]),
                Line::from(vec![
                    Span::styled(bar, theme.sign),
                    Span::styled(fit(&format!("   {figures}"), room), theme.dim),
                ]),
            ]
        });
    for (y, line) in (area.y..area.bottom()).zip(rows) {
        super::line::put(buf, area.x, y, &line, area.width);
    }
}

/// The header over the home (and over what it opened while nothing is read): the
/// mirror, how many codes and articles, a rule.
pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let name = app
        .mirror()
        .root()
        .map(|root| clean(&root.display().to_string()).into_owned());
    let heading = fit(&format!(" {}", words::home_heading(name.as_deref())), width);
    let summary = app
        .shelf()
        .map(|s| words::home_summary(s.codes.len(), s.articles()));
    let lines = [
        Line::styled(heading, theme.title),
        Line::styled(
            fit(&format!(" {}", summary.unwrap_or_default()), width),
            theme.dim,
        ),
        Line::styled("─".repeat(width), theme.rule),
    ];
    let buf = frame.buffer_mut();
    for (y, line) in (area.y..area.bottom()).zip(&lines) {
        super::line::put(buf, area.x, y, line, area.width);
    }
}
