//! Scrolling the terminal itself when the text moves by a few lines, so that a key
//! like `j` sends one new row instead of the whole screen: over a slow SSH link the
//! bytes written are the latency.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};

/// How far the rows in `rows` moved between `prev` and `next`: positive when the text
/// went up (scrolled down through the article), negative when it went down; `None`
/// when no shift of up to half the area explains at least half of its rows.
/// The first `skip` columns are not compared (the cursor's bar, which comes and goes
/// on every row of a long block as the cursor enters it): ratatui's diff, after the
/// scroll, writes what differs there.
pub fn detect(prev: &Buffer, next: &Buffer, rows: Range<u16>, skip: usize) -> Option<i32> {
    if prev.area != next.area || rows.is_empty() {
        return None;
    }
    let height = i32::from(rows.end - rows.start);
    let skip = skip.min(usize::from(prev.area.width));
    let same = |a: u16, b: u16| row(prev, a)[skip..] == row(next, b)[skip..];
    if rows.clone().all(|r| same(r, r)) {
        return None;
    }
    for k in 1..=height / 2 {
        let k16 = u16::try_from(k).ok()?;
        let up = (rows.start..rows.end - k16).all(|r| same(r + k16, r));
        if up {
            return Some(k);
        }
        let down = (rows.start..rows.end - k16).all(|r| same(r, r + k16));
        if down {
            return Some(-k);
        }
    }
    None
}

/// What the terminal shows after `prev`'s `rows` were scrolled by `shift` (as
/// [`detect`] measures it): the rows moved, the ones scrolled in blank.
pub fn shifted(prev: &Buffer, rows: Range<u16>, shift: i32) -> Buffer {
    let mut out = prev.clone();
    let width = usize::from(prev.area.width);
    for r in rows.clone() {
        let from = i32::from(r) + shift;
        let start = index(prev, r);
        let source = u16::try_from(from).ok().filter(|f| rows.contains(f));
        match source {
            Some(f) => {
                let from_start = index(prev, f);
                out.content[start..start + width]
                    .clone_from_slice(&prev.content[from_start..from_start + width]);
            }
            None => out.content[start..start + width].fill(Cell::EMPTY),
        }
    }
    out
}

fn index(buffer: &Buffer, row: u16) -> usize {
    usize::from(row - buffer.area.y) * usize::from(buffer.area.width)
}

fn row(buffer: &Buffer, y: u16) -> &[Cell] {
    let start = index(buffer, y);
    &buffer.content[start..start + usize::from(buffer.area.width)]
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn buffer(lines: &[&str]) -> Buffer {
        Buffer::with_lines(lines.iter().copied())
    }

    #[test]
    fn finds_the_shift_and_rebuilds_the_scrolled_screen() {
        let prev = buffer(&["head", "a", "b", "c", "d", "stat"]);
        let next = buffer(&["head", "b", "c", "d", "e", "stat"]);
        assert_eq!(detect(&prev, &next, 1..5, 0), Some(1));
        let scrolled = shifted(&prev, 1..5, 1);
        assert_eq!(scrolled, buffer(&["head", "b", "c", "d", "", "stat"]));
        assert_eq!(detect(&next, &prev, 1..5, 0), Some(-1));
        assert_eq!(
            shifted(&next, 1..5, -1),
            buffer(&["head", "", "b", "c", "d", "stat"])
        );
    }

    #[test]
    fn the_cursor_column_is_not_compared() {
        let prev = buffer(&["head", " a", " b", " c", " d", "stat"]);
        let next = buffer(&["head", "|b", "|c", "|d", "|e", "stat"]);
        assert_eq!(detect(&prev, &next, 1..5, 0), None);
        assert_eq!(detect(&prev, &next, 1..5, 1), Some(1));
    }

    #[test]
    fn no_shift_when_nothing_or_everything_changed() {
        let prev = buffer(&["head", "a", "b", "c", "d", "stat"]);
        assert_eq!(detect(&prev, &prev, 1..5, 0), None);
        let other = buffer(&["head", "w", "x", "y", "z", "stat"]);
        assert_eq!(detect(&prev, &other, 1..5, 0), None);
        let small = Buffer::empty(Rect::new(0, 0, 4, 2));
        assert_eq!(detect(&prev, &small, 1..5, 0), None);
    }
}
