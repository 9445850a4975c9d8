//! A table's shape: where each cell sits in the grid, how many rows and columns it
//! spans, and which rows head the table. The cells' text is the block's pieces, one
//! run per cell between [`super::Piece::CellEnd`]s, row by row.

/// The most columns or rows one cell may span. HTML allows 1,000 columns and 65,534
/// rows; a hostile file asking for that would make a grid of millions of places.
const MAX_SPAN: usize = 100;

/// One cell of a table, placed on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Its first row and column (from 0).
    pub row: usize,
    pub column: usize,
    /// How many rows and columns it covers (`rowspan`, `colspan`), at least 1.
    pub rows: usize,
    pub columns: usize,
    /// A `<th>`, or a cell of `<thead>`: drawn bold.
    pub header: bool,
}

/// The grid of a table. Cell `i` holds the `i`-th run of its block's pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub cells: Vec<Cell>,
    pub rows: usize,
    pub columns: usize,
    /// How many rows at the top are all header cells: a rule sets them apart.
    pub header_rows: usize,
}

impl Table {
    /// The cells of row `row` that start there, left to right.
    pub fn row_cells(&self, row: usize) -> impl Iterator<Item = (usize, &Cell)> {
        self.cells
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.row == row)
    }
}

/// Places cells on the grid as HTML does: each in the first column of its row that no
/// cell from a row above still covers.
#[derive(Debug, Default)]
pub struct Builder {
    table: Table,
    /// Per column: how many rows from the current one on a cell still covers.
    covered: Vec<usize>,
    /// The current row, once a `<tr>` (or a cell with none) opened it.
    row: Option<usize>,
    /// The next column to look at in the current row.
    next: usize,
}

impl Builder {
    /// A `<tr>`: the next cells go on a new row.
    pub fn row(&mut self) {
        if let Some(r) = self.row {
            self.table.rows = self.table.rows.max(r + 1);
            for c in &mut self.covered {
                *c = c.saturating_sub(1);
            }
        }
        self.row = Some(self.row.map_or(0, |r| r + 1));
        self.next = 0;
    }

    /// A `<td>` or `<th>`: places it and returns nothing; its text is the caller's.
    pub fn cell(&mut self, colspan: Option<&str>, rowspan: Option<&str>, header: bool) {
        if self.row.is_none() {
            self.row();
        }
        let row = self.row.unwrap_or_default();
        while self.covered.get(self.next).is_some_and(|c| *c > 0) {
            self.next += 1;
        }
        let rows = span(rowspan);
        let column = self.next;
        // A cell across columns stops short of one a cell from above still covers
        // (HTML would draw the two overlapping).
        let columns = (1..span(colspan))
            .take_while(|k| self.covered.get(column + k).is_none_or(|c| *c == 0))
            .count()
            + 1;
        if self.covered.len() < column + columns {
            self.covered.resize(column + columns, 0);
        }
        for c in &mut self.covered[column..column + columns] {
            *c = rows;
        }
        self.next = column + columns;
        self.table.columns = self.table.columns.max(self.next);
        self.table.cells.push(Cell {
            row,
            column,
            rows,
            columns,
            header,
        });
    }

    /// How many cells were placed so far.
    pub fn cells(&self) -> usize {
        self.table.cells.len()
    }

    /// The table: spans cut at its last row, header rows counted.
    pub fn finish(mut self) -> Table {
        let t = &mut self.table;
        t.rows = t.cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
        for c in &mut t.cells {
            c.rows = c.rows.min(t.rows - c.row);
        }
        drop_columns_no_cell_starts_in(t);
        t.header_rows = (0..t.rows)
            .take_while(|&r| {
                let mut cells = t.cells.iter().filter(|c| c.row == r).peekable();
                cells.peek().is_some() && cells.all(|c| c.header)
            })
            .count();
        // A header cell spanning down past the header rows would be cut by its rule.
        while t.header_rows > 0
            && t.cells
                .iter()
                .any(|c| c.row < t.header_rows && c.row + c.rows > t.header_rows)
        {
            t.header_rows -= 1;
        }
        self.table
    }
}

/// Takes out the columns that only spanning cells cover: a header `colspan="2"` over
/// rows of single cells makes a column no cell starts in, which a browser gives no
/// width and which would draw here as an empty strip past the body's right edge.
fn drop_columns_no_cell_starts_in(t: &mut Table) {
    for k in (0..t.columns).rev() {
        if t.cells.iter().any(|c| c.column == k) {
            continue;
        }
        for c in &mut t.cells {
            if c.column > k {
                c.column -= 1;
            } else if c.column + c.columns > k {
                c.columns -= 1;
            }
        }
        t.columns -= 1;
    }
}

/// A `colspan` or `rowspan` as a count: 1 when missing or unreadable, `0` (HTML's "to
/// the end") as 1, at most [`MAX_SPAN`].
fn span(value: Option<&str>) -> usize {
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rowspans_push_later_cells_right() {
        // | a (2 rows) | b | c |
        // |            | d (2 columns) |
        let mut b = Builder::default();
        b.row();
        b.cell(None, Some("2"), true);
        b.cell(None, None, true);
        b.cell(None, None, true);
        b.row();
        b.cell(Some("2"), None, false);
        let t = b.finish();
        assert_eq!((t.rows, t.columns), (2, 3));
        let d = t.cells[3];
        assert_eq!((d.row, d.column, d.columns), (1, 1, 2));
        // The first row is all headers, but a spans into the second: no header rule.
        assert_eq!(t.header_rows, 0);
    }

    #[test]
    fn a_cell_across_columns_does_not_overlap_one_from_above() {
        let mut b = Builder::default();
        b.row();
        b.cell(None, None, false);
        b.cell(None, Some("2"), false);
        b.row();
        b.cell(Some("3"), None, false);
        let t = b.finish();
        assert_eq!((t.cells[2].column, t.cells[2].columns), (0, 1));
    }

    #[test]
    fn spans_are_cut_at_the_table_end_and_bounded() {
        let mut b = Builder::default();
        b.row();
        b.cell(Some("100000"), Some("9"), true);
        b.row();
        b.cell(Some("x"), Some("0"), false);
        let t = b.finish();
        assert_eq!(t.cells[0].rows, 2);
        // Covered by the first cell's rows, the second goes after it, past the
        // MAX_SPAN columns of the first; which, no cell starting in them, are one.
        assert_eq!(t.cells[0].columns, 1);
        assert_eq!(t.cells[1].column, 1);
        assert_eq!(t.columns, 2);
        assert_eq!(t.header_rows, 0);
    }

    #[test]
    fn a_column_only_spans_cover_is_taken_out() {
        // | a | b (2 columns) |   as in R4212-6: the body has two columns
        // | c | d |
        // | e (3 columns)     |
        let mut b = Builder::default();
        b.row();
        b.cell(None, None, true);
        b.cell(Some("2"), None, true);
        b.row();
        b.cell(None, None, false);
        b.cell(None, None, false);
        b.row();
        b.cell(Some("3"), None, false);
        let t = b.finish();
        assert_eq!(t.columns, 2);
        let shape: Vec<(usize, usize)> = t.cells.iter().map(|c| (c.column, c.columns)).collect();
        assert_eq!(shape, [(0, 1), (1, 1), (0, 1), (1, 1), (0, 2)]);
        assert_eq!(t.header_rows, 1);
    }

    #[test]
    fn leading_header_rows_are_counted() {
        let mut b = Builder::default();
        for header in [true, true, false] {
            b.row();
            b.cell(None, None, header);
            b.cell(None, None, header);
        }
        let t = b.finish();
        assert_eq!(t.header_rows, 2);
        assert_eq!(t.row_cells(2).count(), 2);
    }
}
