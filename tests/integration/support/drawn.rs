//! Reading back a table drawn in box lines, for the whole-corpus tests that compare
//! what is printed with the HTML (`nothing_lost.rs`, `typography.rs`).

/// What the reader draws tables with.
const RULES: &str = "─│┌┐└┘├┤┬┴┼═╞╡╪╤╧╒╕╘╛";

/// The lines of each cell of a drawn table, cell by cell in the order of their top
/// left corners (row by row, as the table's cells are), trailing blank lines dropped.
pub fn cells_drawn<S: AsRef<str>>(lines: &[S]) -> Vec<Vec<String>> {
    let width = lines
        .iter()
        .map(|l| l.as_ref().chars().count())
        .max()
        .unwrap_or(0);
    let grid: Vec<Vec<char>> = lines
        .iter()
        .map(|l| {
            let mut row: Vec<char> = l.as_ref().chars().collect();
            row.resize(width, ' ');
            row
        })
        .collect();
    let is_rule = |c: char| RULES.contains(c);
    let across = |c: char| matches!(c, '─' | '═');
    let mut out = Vec::new();
    for y in 1..grid.len() {
        for x in 1..width {
            if !(grid[y][x - 1] == '│' && across(grid[y - 1][x]) && !is_rule(grid[y][x])) {
                continue;
            }
            // Past a short row's last cell, the blank below a rule is no cell.
            let Some(right) = (x..width).find(|&r| grid[y][r] == '│') else {
                continue;
            };
            let bottom = (y..grid.len())
                .find(|&b| is_rule(grid[b][x]))
                .unwrap_or(grid.len());
            let mut cell: Vec<String> = grid[y..bottom]
                .iter()
                .map(|row| {
                    let text: String = row[x..right].iter().collect();
                    // Only the padding: a no-break space is the text's.
                    text.trim_matches(' ').to_owned()
                })
                .collect();
            while cell.last().is_some_and(String::is_empty) {
                cell.pop();
            }
            out.push(cell);
        }
    }
    out
}
