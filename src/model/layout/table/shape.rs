//! A table wider than its room, seen through it: how far it scrolls sideways, which
//! of its columns are in view, and its first column (the row's name) kept at the left
//! once it is scrolled, as a spreadsheet freezes it, so that a row read far to the
//! right still says what it is (its header rows stay at the top likewise: see
//! `View::visible_lines`). One place for these sums: the drawing, the keys, the
//! mouse and the status line all read them here.

use std::ops::Range;

/// The fewest columns a cut first column is kept in: a rule, a space and a few
/// letters of the name.
const MIN_KEPT: usize = 8;

/// Where a laid out table's columns are, for scrolling it sideways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableShape {
    /// Columns of screen the box takes, rules included.
    pub width: usize,
    /// The screen column of each table column's left rule, from 0.
    pub edges: Vec<usize>,
    /// The box's lines from its top rule to the double rule under its header rows,
    /// kept at the top of the screen while the rest of the table goes by; 0 without
    /// header rows.
    pub header_lines: usize,
}

/// What a scrolled table shows of itself in `room` columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    /// The box's columns `0..kept` at the left (its first column, without its right
    /// rule), when scrolled; 0 when not.
    pub kept: usize,
    /// Whether a sign takes the column after them: there is more to the left.
    pub left: bool,
    /// The box's columns shown after the kept ones and the sign.
    pub shown: Range<usize>,
    /// Whether a sign takes the last column: there is more to the right.
    pub right: bool,
}

impl TableShape {
    /// The box's columns kept at the left once scrolled: its first column, cut to
    /// half the room when it is wider (the start of a name still says which row it
    /// is, and the other half is left to the columns scrolled to); 0 when there is
    /// only one column, or when half the room is too narrow to name anything.
    pub fn kept(&self, room: usize) -> usize {
        match self.edges.get(1) {
            Some(&k) if k * 2 <= room => k,
            Some(_) if room / 2 >= MIN_KEPT => room / 2,
            _ => 0,
        }
    }

    /// How far it scrolls: until its right rule is at the room's last column.
    pub fn max_shift(&self, room: usize) -> usize {
        if self.width <= room {
            return 0;
        }
        self.width - (room - self.kept(room))
    }

    /// The shifts sideways keys stop at, in order: 0, each column's left rule past the
    /// kept column (stopping at the kept column's own would show the same), the last.
    pub fn stops(&self, room: usize) -> Vec<usize> {
        let (max, kept) = (self.max_shift(room), self.kept(room));
        let mut stops = vec![0];
        stops.extend(self.edges.iter().copied().filter(|&e| e > kept && e < max));
        if max > 0 {
            stops.push(max);
        }
        stops
    }

    /// What shows in `room` columns scrolled by `shift` (at most [`Self::max_shift`]).
    pub fn seen(&self, shift: usize, room: usize) -> Seen {
        let max = self.max_shift(room);
        let shift = shift.min(max);
        let kept = if shift > 0 { self.kept(room) } else { 0 };
        let rest = room - kept;
        let (left, right) = (shift > 0, shift + rest < self.width);
        Seen {
            kept,
            left,
            shown: shift + usize::from(left)..shift + rest - usize::from(right),
            right,
        }
    }

    /// The box's column drawn at column `x` of the room, `None` on a sign (or past
    /// the box).
    pub fn column_at(&self, x: usize, shift: usize, room: usize) -> Option<usize> {
        let seen = self.seen(shift, room);
        if x < seen.kept {
            return Some(x);
        }
        if (seen.left && x == seen.kept) || (seen.right && x + 1 == room) {
            return None;
        }
        let at = seen.shown.start + (x - seen.kept - usize::from(seen.left));
        seen.shown.contains(&at).then_some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name column of 6 (rules from 0 to 6), then four of 10: 47 columns in all.
    fn shape() -> TableShape {
        TableShape {
            width: 47,
            edges: vec![0, 6, 16, 26, 36],
            header_lines: 0,
        }
    }

    #[test]
    fn scrolled_the_first_column_stays_and_the_rest_moves_a_column_at_a_time() {
        let s = shape();
        let room = 30;
        assert_eq!(s.kept(room), 6);
        // 24 columns beside the kept ones: the right rule (46) last in them.
        assert_eq!(s.max_shift(room), 23);
        assert_eq!(s.stops(room), vec![0, 16, 23]);
        // Not scrolled: all from 0, a sign at the right.
        let at0 = s.seen(0, room);
        assert_eq!(
            (at0.kept, at0.left, at0.shown.clone(), at0.right),
            (0, false, 0..29, true)
        );
        // Scrolled to the third column: the first kept, a sign, 16's column on.
        let at16 = s.seen(16, room);
        assert_eq!(
            (at16.kept, at16.left, at16.shown.clone(), at16.right),
            (6, true, 17..39, true)
        );
        assert_eq!(
            at16.kept + 1 + at16.shown.len() + 1,
            room,
            "the room filled"
        );
        let end = s.seen(23, room);
        assert_eq!((end.shown.clone(), end.right), (24..47, false));
        assert_eq!(end.kept + 1 + end.shown.len(), room);
        // The mouse: the kept column is itself, the sign nothing, then the shown.
        assert_eq!(s.column_at(3, 16, room), Some(3));
        assert_eq!(s.column_at(6, 16, room), None);
        assert_eq!(s.column_at(7, 16, room), Some(17));
        assert_eq!(s.column_at(29, 16, room), None);
        assert_eq!(s.column_at(29, 23, room), Some(46));
    }

    #[test]
    fn a_wide_first_column_is_kept_cut_and_a_table_that_fits_keeps_nothing() {
        let s = TableShape {
            width: 47,
            edges: vec![0, 16, 26, 36],
            header_lines: 0,
        };
        // 16 is more than half of 30: its first 15 columns kept, cut.
        assert_eq!(s.kept(30), 15);
        assert_eq!(s.max_shift(30), 32);
        let seen = s.seen(16, 30);
        assert_eq!(
            (seen.kept, seen.left, seen.shown.clone()),
            (15, true, 17..30)
        );
        assert_eq!(seen.kept + 1 + seen.shown.len() + 1, 30, "the room filled");
        // The last column reached: the right rule at the room's end.
        let end = s.seen(32, 30);
        assert_eq!((end.shown.clone(), end.right), (33..47, false));
        // Too narrow a room to keep a name: nothing kept, the whole room scrolls.
        assert_eq!(s.kept(14), 0);
        assert_eq!(s.seen(16, 14).kept, 0);
        assert_eq!(shape().max_shift(47), 0);
        assert_eq!(shape().stops(47), vec![0]);
        let one = TableShape {
            width: 40,
            edges: vec![0],
            header_lines: 0,
        };
        assert_eq!((one.kept(20), one.max_shift(20)), (0, 20));
    }
}
