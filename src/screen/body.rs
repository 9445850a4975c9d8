//! The article's text: the visible lines of the view, with the cursor bar, fold signs,
//! indentation, and references drawn so they read as such without colour.

mod sideways;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::{self, Theme};
use crate::app::App;
use crate::app::view::{Page, Pos, View};
use crate::model::layout::truncate;
use crate::model::layout::{CURSOR_COLUMNS, SIGN_COLUMNS, Seg, VLine};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let f = Page {
        height: usize::from(area.height),
        ..app.page()
    };
    let entry = app.current();
    let view = &entry.view;
    let links = Links {
        selected: view.selected,
        resolvable: entry.resolvable.as_deref(),
        lapsed: &entry.lapsed,
        theme,
    };
    let visible = view.visible_lines(f);
    let marks = super::search::marks(app, f, &visible);
    let buf = frame.buffer_mut();
    for (y, pos) in (area.y..area.bottom()).zip(visible) {
        let line = screen_line(f, view, pos, links, marks.get(&(pos.block, pos.line)));
        super::line::put(buf, area.x, y, &line, area.width);
    }
    hint_labels(buf, area, app, theme);
}

/// The labels over the references while the hint mode is on (`f`), each in the cells
/// just before its reference (`app::hints` says where): the letters already typed
/// bold, the rest reversed and bold.
fn hint_labels(buf: &mut ratatui::buffer::Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some(state) = app.hinting() else {
        return;
    };
    for hint in app.hints_shown() {
        let (Ok(row), Ok(col)) = (u16::try_from(hint.row), u16::try_from(hint.col)) else {
            continue;
        };
        if row >= area.height {
            continue;
        }
        let typed = state.typed.chars().count();
        for (i, c) in hint.label.chars().enumerate() {
            let x = col.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
            if x >= area.width {
                break;
            }
            let style = if i < typed {
                theme.hint_typed
            } else {
                theme.hint
            };
            // Whatever the cell held (the end of an underlined word) goes: the label
            // is in its own style alone.
            let cell = &mut buf[(area.x + x, area.y + row)];
            cell.reset();
            cell.set_char(c).set_style(style);
        }
    }
}

/// How to draw references: which one is selected, which lead nowhere (once known).
#[derive(Clone, Copy)]
struct Links<'a> {
    selected: Option<usize>,
    resolvable: Option<&'a [bool]>,
    /// Per reference, once checked: whether it leads to an article that is not in
    /// force on the reading date (struck through; the status line says it in words).
    lapsed: &'a [bool],
    theme: &'a Theme,
}

/// One screen line: cursor bar, indentation, sign, then the text.
/// Search matches are marked on the line's text as laid out, before a wide table's
/// line is cut to the screen, so that they stay on their words.
fn screen_line<'a>(
    f: Page<'a>,
    view: &View,
    pos: Pos,
    links: Links,
    marks: Option<&super::search::LineMarks>,
) -> Line<'a> {
    let t = links.theme;
    let marked = |spans| super::search::apply(spans, marks, t);
    let block = &f.article.blocks[pos.block];
    let text_column = f.layout.text_column(block.depth);
    let mut spans = Vec::new();
    if pos.block == view.cursor {
        spans.push(Span::styled(theme::CURSOR, t.cursor_bar));
    } else {
        spans.push(Span::raw(" ".repeat(CURSOR_COLUMNS)));
    }
    let indent = text_column.saturating_sub(CURSOR_COLUMNS + SIGN_COLUMNS);
    spans.push(Span::raw(" ".repeat(indent)));
    let folded = view.is_folded(f, pos.block);
    let sign = match (pos.line, block.folds()) {
        (0, true) if folded => theme::SIGN_FOLDED,
        (0, true) if view.height_of(f, pos.block) > 1 || block.end > pos.block + 1 => {
            theme::SIGN_UNFOLDED
        }
        _ => " ",
    };
    // A blank sign unstyled: a style change costs bytes on every line drawn.
    let sign_style = if sign == " " { Style::new() } else { t.sign };
    spans.push(Span::styled(format!("{sign} "), sign_style));
    if folded {
        let line = f.layout.folded_line(f.article, pos.block);
        let room = usize::from(f.layout.width()).saturating_sub(text_column);
        let hidden = view.hidden_lines(f, pos.block);
        let count = crate::app::words::hidden_lines(hidden);
        let text_room = room.saturating_sub(count.width());
        spans.extend(marked(text_spans(&truncate(&line, text_room), links)));
        spans.push(Span::styled(count, t.fold_count));
    } else {
        let line = &f.layout.lines(f.article, pos.block)[pos.line];
        let room = f.layout.room(block.depth);
        match f.layout.table_shape(f.article, pos.block) {
            Some(shape) if shape.width > room => {
                let shift = view.shift_of(pos.block);
                let seen =
                    sideways::window(marked(text_spans(line, links)), &shape.seen(shift, room));
                spans.extend(seen.kept);
                if seen.left {
                    spans.push(Span::styled(sideways::MORE_LEFT, t.sign));
                }
                spans.extend(seen.spans);
                if seen.right {
                    spans.push(Span::styled(sideways::MORE_RIGHT, t.sign));
                }
            }
            _ => spans.extend(marked(text_spans(line, links))),
        }
    }
    Line::from(spans)
}

fn text_spans(line: &VLine, links: Links) -> Vec<Span<'static>> {
    line.iter()
        .map(|seg| Span::styled(seg.text.clone(), seg_style(seg, links)))
        .collect()
}

fn seg_style(seg: &Seg, links: Links) -> Style {
    let dead = |l: usize| links.resolvable.and_then(|r| r.get(l)) == Some(&false);
    let base = match seg.link {
        Some(l) if Some(l) == links.selected && dead(l) => links.theme.link_dead_selected,
        Some(l) if Some(l) == links.selected => links.theme.link_selected,
        Some(l) if dead(l) => links.theme.link_dead,
        Some(_) => links.theme.link,
        None => Style::new(),
    };
    let lapsed = seg.link.is_some_and(|l| links.lapsed.get(l) == Some(&true));
    let base = if lapsed {
        base.patch(links.theme.link_lapsed)
    } else {
        base
    };
    let base = if seg.style.deleted {
        base.patch(links.theme.deleted)
    } else if seg.style.inserted {
        base.patch(links.theme.inserted)
    } else {
        base
    };
    if seg.style.bold {
        base.patch(links.theme.bold)
    } else {
        base
    }
}
