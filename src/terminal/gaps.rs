//! Rewriting a few unchanged cells rather than jumping over them. ratatui writes only
//! the cells that changed and moves the cursor over the others; a move along the row
//! costs 4 to 6 bytes (`ESC[31G`), so a gap of one space between two changed words
//! costs five times what rewriting the space would. Before a draw, the cells of such
//! gaps are marked changed in ratatui's idea of the screen, and so are written again,
//! as they are.

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use unicode_width::UnicodeWidthStr;

/// A symbol no cell holds, to mark a cell as changed.
const MARK: &str = "\u{ffff}";

/// Marks, in `prev` (what the screen shows), the unchanged cells of `next` that lie
/// between two changed cells of a row when writing them is cheaper than moving over
/// them, and all of them are plain one-column cells styled as the changed cell just
/// before.
pub fn fill(prev: &mut Buffer, next: &Buffer) {
    if prev.area != next.area {
        return;
    }
    let width = usize::from(next.area.width);
    for row in 0..usize::from(next.area.height) {
        let start = row * width;
        let cells = start..start + width;
        let changed: Vec<usize> = cells
            .clone()
            .filter(|&i| prev.content[i] != next.content[i])
            .collect();
        for pair in changed.windows(2) {
            let (before, after) = (pair[0], pair[1]);
            if after - before < 2 {
                continue;
            }
            let gap = before + 1..after;
            // The move ratatui would write: ESC [ column G, the column 1-based.
            let column = after - start + 1;
            let move_cost = 3 + column.to_string().len();
            let style = Cell::style(&next.content[before]);
            // The cell before must be one column wide too, or the cursor is not where
            // the gap starts.
            let plain = |c: &Cell| {
                c.diff_option == CellDiffOption::None
                    && c.symbol().width() == 1
                    && Cell::style(c) == style
            };
            if !plain(&next.content[before]) {
                continue;
            }
            let mut bytes = 0;
            let fits = next.content[gap.clone()].iter().all(|c| {
                bytes += c.symbol().len();
                plain(c)
            });
            if fits && bytes < move_cost {
                for i in gap {
                    prev.content[i].set_symbol(MARK);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_gaps_are_marked_long_ones_are_not() {
        let prev = Buffer::with_lines(["a b c          z"]);
        let next = Buffer::with_lines(["x b y          w"]);
        let mut marked = prev.clone();
        fill(&mut marked, &next);
        // " b " between x and y is rewritten (3 bytes < ESC[3G); the long run is not.
        let symbols: Vec<&str> = marked.content.iter().map(Cell::symbol).collect();
        assert_eq!(&symbols[1..4], &[MARK, MARK, MARK]);
        assert_eq!(symbols[5], " ");
        assert_eq!(symbols[0], "a");
    }

    #[test]
    fn one_run_instead_of_moves() {
        let prev = Buffer::with_lines(["a b c d e f", "same line  "]);
        let next = Buffer::with_lines(["x b y d z f", "same line  "]);
        let mut marked = prev.clone();
        fill(&mut marked, &next);
        assert_eq!(prev.diff(&next).len(), 3);
        // x, " b ", y, " d ", z: one run, no move.
        assert_eq!(marked.diff(&next).len(), 9);
        // Styled differently from the cell before: left alone.
        let mut styled = next.clone();
        styled.content[1].set_style(ratatui::style::Style::new().bold());
        let mut marked = prev.clone();
        fill(&mut marked, &styled);
        assert_eq!(marked.content[1].symbol(), " ");
    }
}
