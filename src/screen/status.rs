//! The status line: a message or a hint on the left, the position on the right.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::words;
use crate::model::layout::fit;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let view = &app.current().view;
    let seen = view.columns_seen(app.page());
    let right = match seen {
        // Which of a wide table's columns are in view, and on which side there is more.
        Some((first, last, of)) => {
            let more_right = view.shift < view.max_shift(app.page());
            let seen = words::columns_seen(first, last, of, view.shift > 0, more_right);
            format!(" {seen} · {} ", position(app))
        }
        None => format!(" {} ", position(app)),
    };
    // What the left side says when there is no message: on a table wider than the
    // screen, how to scroll it.
    let hint = if app.home().is_some() {
        words::home_hint(&app.keys())
    } else if seen.is_some() {
        words::table_hint(&app.keys())
    } else {
        words::reader_hint(&app.keys())
    };
    // The `/` prompt, as less and vim have it: what is typed, then what it found.
    let prompt = app.find_prompt().map(|p| {
        let room = width.saturating_sub(right.width() + 2);
        let p = format!("/{}", super::prompt::plain(p, room));
        match app.status() {
            Some(s) if !s.text.starts_with('/') => format!("{p}  {}", s.text),
            _ => p,
        }
    });
    // The keys that close the help, as the user has them.
    let help_line = app
        .help_scroll()
        .is_some()
        .then(|| words::help_status(&app.keys()));
    // While labels are shown: what typing one does (a count of the cited-by build
    // would hide it).
    let labels = app
        .hinting()
        .map(|h| words::hints::status(h.pick.action(), app.hints_shown().len(), &h.typed));
    let (text, style) = match app.status() {
        _ if prompt.is_some() => (prompt.as_deref().unwrap_or_default(), theme.status),
        _ if labels.is_some() => (labels.as_deref().unwrap_or_default(), theme.status),
        Some(s) if s.error => (s.text.as_str(), theme.status_error),
        Some(s) => (s.text.as_str(), theme.status),
        None if app.help_scroll().is_some() => {
            (help_line.as_deref().unwrap_or_default(), theme.status)
        }
        // Until a message replaces it: the file is not what it should be.
        None => match app.current().article.note {
            Some(note) => (note, theme.status_error),
            None => (hint.as_str(), theme.status),
        },
    };
    let left = fit(&format!(" {text}"), width.saturating_sub(right.width()));
    let pad = width.saturating_sub(left.width() + right.width());
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::styled(" ".repeat(pad), theme.status),
        Span::styled(right, theme.status),
    ]);
    if area.height > 0 {
        super::line::put(frame.buffer_mut(), area.x, area.y, &line, area.width);
    }
}

/// `All`, `Top`, `Bot` or a percentage, as less says it: how much of the article's
/// text lies above the screen (by bytes, so that nothing needs wrapping to know it);
/// of the help's lines while it is open.
fn position(app: &App) -> String {
    if let Some(home) = app.home() {
        // Of the codes, as of an article's text.
        let fit = app.text_height() / crate::app::home::ROWS_PER_CODE;
        let last = home.shelf.codes.len().saturating_sub(fit.max(1));
        return match (home.top == 0, home.top >= last) {
            (true, true) => words::position_all().to_owned(),
            (true, false) => words::position_top().to_owned(),
            (false, true) => words::position_bottom().to_owned(),
            (false, false) => format!("{}%", home.top * 100 / home.shelf.codes.len().max(1)),
        };
    }
    if let Some(scroll) = app.help_scroll() {
        let lines = crate::app::help::height(app.keymap(), app.size().0);
        let last = lines.saturating_sub(app.text_height());
        return match (scroll == 0, scroll >= last) {
            (true, true) => words::position_all().to_owned(),
            (true, false) => words::position_top().to_owned(),
            (false, true) => words::position_bottom().to_owned(),
            (false, false) => format!("{}%", scroll * 100 / lines.max(1)),
        };
    }
    let f = app.page();
    let view = &app.current().view;
    let at_top = view.top == Default::default();
    // Opened at the top: whether it is also the bottom needs only the first screen.
    let at_bottom = if at_top {
        view.fits_on_screen(f)
    } else {
        view.top == view.max_top(f)
    };
    match (at_top, at_bottom) {
        (true, true) => words::position_all().to_owned(),
        (true, false) => words::position_top().to_owned(),
        (false, true) => words::position_bottom().to_owned(),
        (false, false) => format!("{}%", percent_above(f, view.top)),
    }
}

fn percent_above(f: crate::app::view::Page, top: crate::app::view::Pos) -> usize {
    let size = |b: &crate::model::article::Block| -> usize {
        b.pieces
            .iter()
            .map(|p| match p {
                crate::model::article::Piece::Text { text, .. } => text.len(),
                crate::model::article::Piece::Break | crate::model::article::Piece::CellEnd => 1,
            })
            .sum()
    };
    let blocks = &f.article.blocks;
    let total: usize = blocks.iter().map(size).sum::<usize>().max(1);
    let before: usize = blocks[..top.block].iter().map(size).sum();
    let lines = f.layout.lines(f.article, top.block).len().max(1);
    let within = size(&blocks[top.block]) * top.line / lines;
    ((before + within) * 100 / total).min(99)
}
