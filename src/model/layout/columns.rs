//! How wide each column of a table is: at least its longest word, at most its longest
//! cell on one line, what room is left shared in proportion to what each would take.

use crate::model::article::table::Table;

/// Columns each column adds around its text: a space either side and a rule.
pub const COLUMN_CHROME: usize = 3;
/// A column of a table too wide for the screen is laid out at most this wide (unless a
/// word needs more): wide enough to read, narrow enough to see two side by side.
const WIDE_TABLE_COLUMN: usize = 20;
/// A word longer than this (an address, a chemical name) does not widen its column
/// further: it is cut across lines, as in running text (at its hyphens first).
pub const LONGEST_WORD: usize = 30;

/// What one cell asks of its columns, in columns of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Need {
    /// Its longest word.
    pub min: usize,
    /// All its text on one line.
    pub natural: usize,
}

/// The text width of each column for a table whose box may take `room` columns in
/// all. When even the longest words do not fit, the table gets its own width (wider
/// than `room`) and is scrolled sideways.
pub fn widths(table: &Table, needs: &[Need], room: usize) -> Vec<usize> {
    let n = table.columns;
    let mut min = vec![0; n];
    let mut natural = vec![0; n];
    for (cell, need) in table.cells.iter().zip(needs) {
        if cell.columns == 1 {
            min[cell.column] = min[cell.column].max(need.min.min(LONGEST_WORD));
            natural[cell.column] = natural[cell.column].max(need.natural);
        }
    }
    let text_room = room.saturating_sub(n * COLUMN_CHROME + 1);
    // A cell across several columns widens them, narrowest spans first, only by what
    // the columns it joins lack. Its natural width counts up to the room only: a note
    // across the whole table, a paragraph long, must not make every column as wide.
    let mut spanning: Vec<(usize, usize)> = (table.cells.iter().enumerate())
        .filter(|(_, c)| c.columns > 1)
        .map(|(i, c)| (c.columns, i))
        .collect();
    spanning.sort_unstable();
    for (_, i) in spanning {
        let (cell, need) = (&table.cells[i], needs[i]);
        let span = cell.column..cell.column + cell.columns;
        widen(&mut min[span.clone()], need.min.min(LONGEST_WORD));
        widen(&mut natural[span], need.natural.min(text_room));
    }
    for (nat, min) in natural.iter_mut().zip(&min) {
        *nat = (*nat).max(*min);
    }
    let sum = |v: &[usize]| v.iter().sum::<usize>();
    if sum(&natural) <= text_room {
        return natural;
    }
    if sum(&min) <= text_room {
        return share(&min, &natural, text_room);
    }
    min.iter()
        .zip(&natural)
        .map(|(&m, &nat)| nat.min(WIDE_TABLE_COLUMN).max(m))
        .collect()
}

/// Widens `columns` (joined by their chrome) until they hold `need`, the lack spread
/// in proportion to their widths (evenly when they have none), the first ones taking
/// what rounding leaves.
fn widen(columns: &mut [usize], need: usize) {
    let total: usize = columns.iter().sum();
    let joined = total + (columns.len() - 1) * COLUMN_CHROME;
    let lack = need.saturating_sub(joined);
    let k = columns.len();
    let mut given = 0;
    for c in columns.iter_mut() {
        let more = (lack * *c).checked_div(total).unwrap_or(lack / k);
        *c += more;
        given += more;
    }
    for c in columns.iter_mut().take(lack - given) {
        *c += 1;
    }
}

/// `min` plus the room beyond it, shared in proportion to what each column lacks of
/// its natural width. Rounding leftovers go to the columns that lost most to it.
fn share(min: &[usize], natural: &[usize], room: usize) -> Vec<usize> {
    let extra = room - min.iter().sum::<usize>();
    let lacks: Vec<usize> = natural.iter().zip(min).map(|(n, m)| n - m).collect();
    let total: usize = lacks.iter().sum::<usize>().max(1);
    let mut out: Vec<usize> = min
        .iter()
        .zip(&lacks)
        .map(|(m, l)| m + extra * l / total)
        .collect();
    let mut left = room - out.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..min.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(extra * lacks[i] % total));
    for i in order {
        if left == 0 {
            break;
        }
        if out[i] < natural[i] {
            out[i] += 1;
            left -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::table::Builder;

    fn grid(rows: &[&[(usize, bool)]]) -> Table {
        let mut b = Builder::default();
        for row in rows {
            b.row();
            for &(colspan, _) in *row {
                let span = colspan.to_string();
                b.cell(Some(&span), None, false);
            }
        }
        b.finish()
    }

    fn need(min: usize, natural: usize) -> Need {
        Need { min, natural }
    }

    #[test]
    fn a_table_that_fits_keeps_its_natural_widths() {
        let t = grid(&[&[(1, false), (1, false)]]);
        assert_eq!(widths(&t, &[need(3, 10), need(2, 4)], 80), [10, 4]);
    }

    #[test]
    fn room_is_shared_in_proportion_to_what_columns_lack() {
        let t = grid(&[&[(1, false), (1, false)]]);
        // 40 columns of box: 33 of text, 23 beyond the longest words. The columns lack
        // 90 and 10 of their natural widths: 20.7 and 2.3 more, rounded to 21 and 2.
        let w = widths(&t, &[need(5, 95), need(5, 15)], 40);
        assert_eq!(w, [26, 7]);
        assert_eq!(w.iter().sum::<usize>() + 2 * COLUMN_CHROME + 1, 40);
    }

    #[test]
    fn a_cell_across_columns_widens_them_only_as_needed() {
        let t = grid(&[&[(1, false), (1, false)], &[(2, false)]]);
        let w = widths(&t, &[need(4, 4), need(4, 4), need(20, 20)], 200);
        // 4 + 3 + 4 = 11 joined; 9 more, shared.
        assert_eq!(w, [9, 8]);
        let w = widths(&t, &[need(4, 4), need(4, 4), need(5, 5)], 200);
        assert_eq!(w, [4, 4]);
    }

    #[test]
    fn a_long_note_across_the_table_does_not_widen_every_column() {
        let t = grid(&[&[(1, false), (1, false)], &[(2, false)]]);
        let w = widths(&t, &[need(4, 10), need(4, 30), need(9, 2000)], 80);
        // 73 columns of text: the note takes them all, shared as the cells above ask.
        assert_eq!(w.iter().sum::<usize>(), 73 - COLUMN_CHROME);
        assert!(w[1] > 2 * w[0], "{w:?}");
    }

    #[test]
    fn too_wide_a_table_gets_its_own_readable_width() {
        let t = grid(&[&[(1, false); 6]]);
        let needs = [
            need(12, 200),
            need(3, 5),
            need(12, 12),
            need(2, 2),
            need(2, 2),
            need(40, 40),
        ];
        let w = widths(&t, &needs, 40);
        assert_eq!(w, [20, 5, 12, 2, 2, 30]);
    }
}
