//! The search's matches on screen: which parts of the visible lines to highlight,
//! and the current match apart from the others.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::text::Span;

use super::theme::Theme;
use crate::app::App;
use crate::app::search::line_matches;
use crate::app::view::{Page, Pos};

/// For each visible screen line with matches: their byte ranges in the line's text,
/// and whether each is the current match.
pub type Marks = HashMap<(usize, usize), LineMarks>;

/// One line's matches: byte ranges in its text, and whether each is the current one.
pub type LineMarks = Vec<(Range<usize>, bool)>;

/// The marks of the lines at `visible`, each block's matches found once.
pub fn marks(app: &App, f: Page, visible: &[Pos]) -> Marks {
    let mut out = Marks::new();
    let Some(find) = app.find() else {
        return out;
    };
    let matches = find.matches_of(&f.article.path);
    if find.query.is_empty() || matches.is_empty() {
        return out;
    }
    let current = find.current_match(&f.article.path);
    let mut done: Vec<usize> = Vec::new();
    for pos in visible {
        if done.contains(&pos.block) {
            continue;
        }
        done.push(pos.block);
        if !matches.iter().any(|m| m.0 == pos.block) {
            continue;
        }
        for (k, line, range) in line_matches(&find.query, f.layout, f.article, pos.block) {
            let is_current = current == Some((pos.block, k));
            out.entry((pos.block, line))
                .or_default()
                .push((range, is_current));
        }
    }
    out
}

/// `spans` (a line's text, in order) with the `marks` ranges restyled.
pub fn apply<'a>(spans: Vec<Span<'a>>, marks: Option<&LineMarks>, theme: &Theme) -> Vec<Span<'a>> {
    let Some(marks) = marks else {
        return spans;
    };
    let mut out = Vec::with_capacity(spans.len() + 2 * marks.len());
    let mut at = 0;
    for span in spans {
        let text = span.content.to_string();
        let start = at;
        at += text.len();
        let mut cut = 0;
        for (range, current) in marks {
            let (s, e) = (range.start.max(start), range.end.min(at));
            if s >= e || s < start + cut {
                continue;
            }
            let (s, e) = (s - start, e - start);
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            if s > cut {
                out.push(Span::styled(text[cut..s].to_owned(), span.style));
            }
            let style = if *current {
                theme.match_current
            } else {
                theme.match_other
            };
            out.push(Span::styled(text[s..e].to_owned(), span.style.patch(style)));
            cut = e;
        }
        if cut < text.len() {
            out.push(Span::styled(text[cut..].to_owned(), span.style));
        }
    }
    out
}
