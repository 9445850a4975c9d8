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
    let trail = app.history().trail_labels();
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
        state(app, width, theme),
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

/// The rule under the header, with the article's state on the reading date in it:
/// `─ En vigueur depuis le 1er janvier 2016 ───`. An article that is not the law on
/// that date, or whose text of that date the mirror lacks, gets a banner instead: the
/// whole row reversed, in capitals, which reads without colour.
fn state(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    use crate::app::words::dates;
    use crate::mirror::state::Shown;
    let Some(standing) = app.standing() else {
        return Line::styled("─".repeat(width), theme.rule);
    };
    let entry = app.current();
    let meta = entry.time.as_ref().map(|t| &*t.meta);
    let mut said = dates::standing(&standing, meta, app.today());
    if let Some(time) = entry.time.as_ref().filter(|t| t.diff_from.is_some()) {
        let since = time
            .version()
            .and_then(|v| time.meta.versions[v].since.as_deref());
        said = dates::compared(since.unwrap_or("?"));
    }
    if !app.reads_today() {
        said = format!("{said} · {}", dates::read_on(app.reading_date()));
    }
    let missing = entry
        .time
        .as_ref()
        .is_some_and(|t| matches!(t.shown, Shown::Missing(_)));
    let banner = if !standing.in_force() {
        Some(format!("{} · {said}", dates::NOT_IN_FORCE))
    } else if missing {
        Some(format!(
            "{} · {said}",
            dates::current_text(app.reading_date())
        ))
    } else if app.other_version() {
        Some(format!(
            "{} · {said}",
            dates::other_version(app.reading_date())
        ))
    } else {
        None
    };
    if let Some(banner) = banner {
        let text = fit(&format!(" {banner}"), width);
        let pad = width.saturating_sub(text.width());
        return Line::styled(format!("{text}{}", " ".repeat(pad)), theme.former);
    }
    let text = fit(&format!("─ {said} "), width);
    let rest = width.saturating_sub(text.width());
    Line::from(vec![
        Span::styled(text, theme.dim),
        Span::styled("─".repeat(rest), theme.rule),
    ])
}
