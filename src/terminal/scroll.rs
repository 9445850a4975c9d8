//! Scrolling the terminal itself when the text moves by a few lines, so that a key
//! like `j` sends one new row instead of the whole screen: over a slow SSH link the
//! bytes written are the latency.

use std::io::Write;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};

/// Puts the scrolling region back to the whole screen (and the cursor home).
pub const RESET_MARGINS: &[u8] = b"\x1b[r";

/// The terminal's scrolling region (its top and bottom margins) as loi left it.
///
/// The region stays set between scrolls rather than being reset after each, as
/// ratatui's `scroll_region_up` does: setting and resetting it is 11 of the bytes of
/// a one-line scroll. Nothing else loi writes depends on the margins: ratatui moves
/// the cursor with absolute positions (which the margins do not bound outside origin
/// mode) and never writes a line feed. The terminal gets [`RESET_MARGINS`] whenever
/// loi gives it back.
///
/// The text moves by a line feed at the bottom margin (up) or a reverse index at the
/// top one (down), as VT100s did, not by `ESC[S` and `ESC[T`: the Linux console has
/// no SU or SD, and its terminfo entry, like ncurses, scrolls this way. It costs
/// 3 bytes more a line.
#[derive(Debug, Default)]
pub struct Margins {
    set: Option<Range<u16>>,
}

impl Margins {
    /// Scrolls the terminal's `rows` (0-based, end excluded) by `shift` lines, up
    /// when positive, setting the region first if it is not already `rows`.
    pub fn scroll(
        &mut self,
        out: &mut impl Write,
        rows: Range<u16>,
        shift: i32,
    ) -> std::io::Result<()> {
        if rows.is_empty() || shift == 0 {
            return Ok(());
        }
        if self.set.as_ref() != Some(&rows) {
            write!(out, "\x1b[{};{}r", rows.start + 1, rows.end)?;
            self.set = Some(rows.clone());
        }
        let lines = usize::try_from(shift.unsigned_abs()).unwrap_or(usize::MAX);
        if shift > 0 {
            write!(out, "\x1b[{}H{}", rows.end, "\n".repeat(lines))
        } else {
            write!(out, "\x1b[{}H{}", rows.start + 1, "\x1bM".repeat(lines))
        }
    }

    /// Forgets the region: after a resize or a suspension the terminal may have reset
    /// it, so the next scroll sets it again.
    pub fn forget(&mut self) {
        self.set = None;
    }
}

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

/// As [`detect`], and when the rows do not all move the same, the rows below those
/// that stayed (a table's header rows kept at the top while its body goes by under
/// them): the rows that moved and by how much.
pub fn detect_below_kept(
    prev: &Buffer,
    next: &Buffer,
    rows: Range<u16>,
    skip: usize,
) -> Option<(Range<u16>, i32)> {
    if let Some(shift) = detect(prev, next, rows.clone(), skip) {
        return Some((rows, shift));
    }
    if prev.area != next.area {
        return None;
    }
    let skip = skip.min(usize::from(prev.area.width));
    let kept = rows
        .clone()
        .take_while(|&r| row(prev, r)[skip..] == row(next, r)[skip..])
        .count();
    let below = rows.start + u16::try_from(kept).ok()?..rows.end;
    if kept == 0 || below.len() < 2 {
        return None;
    }
    detect(prev, next, below.clone(), skip).map(|shift| (below, shift))
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
    fn rows_kept_at_the_top_leave_the_ones_below_to_scroll() {
        let prev = buffer(&["head", "H1", "H2", "a", "b", "c", "d", "stat"]);
        let next = buffer(&["head", "H1", "H2", "b", "c", "d", "e", "stat"]);
        assert_eq!(detect(&prev, &next, 1..7, 0), None);
        assert_eq!(detect_below_kept(&prev, &next, 1..7, 0), Some((3..7, 1)));
        // A whole scroll is found as before.
        let next = buffer(&["head", "H2", "a", "b", "c", "d", "e", "stat"]);
        assert_eq!(detect_below_kept(&prev, &next, 1..7, 0), Some((1..7, 1)));
    }

    #[test]
    fn the_cursor_column_is_not_compared() {
        let prev = buffer(&["head", " a", " b", " c", " d", "stat"]);
        let next = buffer(&["head", "|b", "|c", "|d", "|e", "stat"]);
        assert_eq!(detect(&prev, &next, 1..5, 0), None);
        assert_eq!(detect(&prev, &next, 1..5, 1), Some(1));
    }

    #[test]
    fn the_region_is_set_once_and_kept_until_forgotten() {
        let mut margins = Margins::default();
        let mut out = Vec::new();
        margins.scroll(&mut out, 3..23, 1).expect("write");
        margins.scroll(&mut out, 3..23, 1).expect("write");
        margins.scroll(&mut out, 3..23, -2).expect("write");
        assert_eq!(out, b"\x1b[4;23r\x1b[23H\n\x1b[23H\n\x1b[4H\x1bM\x1bM");
        out.clear();
        margins.scroll(&mut out, 3..10, 3).expect("write");
        margins.forget();
        margins.scroll(&mut out, 3..10, 1).expect("write");
        assert_eq!(out, b"\x1b[4;10r\x1b[10H\n\n\n\x1b[4;10r\x1b[10H\n");
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
