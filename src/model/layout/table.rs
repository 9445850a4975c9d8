//! A table drawn in box lines for a width: its columns fitted (see `columns`), each
//! cell's text wrapped inside it, a cell across rows or columns drawn as one box with
//! no rule through it, and a double rule under the header rows.

mod shape;

pub use shape::{Seen, TableShape};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::columns::{self, COLUMN_CHROME, LONGEST_WORD, Need};
use super::{Laid, Layout, Seg, Token, VLine, Word, line_text, tokens, wide, wrap};
use crate::model::article::table::Table;
use crate::model::article::{Article, Piece, TextStyle};
use crate::model::plural::count;

impl Layout {
    /// Where the columns of block `index` are, when it is a table.
    pub fn table_shape<'a>(&'a self, article: &Article, index: usize) -> Option<&'a TableShape> {
        self.laid(article, index).table.as_ref()
    }

    /// The one line block `index` shows folded: its first line, or a table's size
    /// and first row.
    pub fn folded_line(&self, article: &Article, index: usize) -> VLine {
        let block = &article.blocks[index];
        match block.table() {
            Some(t) => summary(t, &block.cells()),
            None => self.lines(article, index)[0].clone(),
        }
    }
}

/// One screen column of the drawing's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spot {
    Blank,
    /// Rules meeting here: up, down, left, right, and whether the across rule is double.
    Rule {
        lines: u8,
        double: bool,
    },
}

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// Lays `table` out in at most `room` columns when its words allow, else at its own
/// width. `cells` are its cells' pieces, as [`crate::model::article::Block::cells`] gives.
pub(super) fn lay_out(table: &Table, cells: &[&[Piece]], room: usize) -> Laid {
    let text = |i: usize| cells.get(i).copied().unwrap_or_default();
    let needs: Vec<Need> = (0..table.cells.len())
        .map(|i| Need {
            min: longest_word(text(i)),
            natural: wrap(text(i), usize::MAX)
                .iter()
                .map(|l| line_text(l).width())
                .max()
                .unwrap_or(0),
        })
        .collect();
    let widths = columns::widths(table, &needs, room);
    let mut edges = vec![0];
    for w in &widths {
        edges.push(edges.last().copied().unwrap_or(0) + w + COLUMN_CHROME);
    }
    let inner = |c: &crate::model::article::table::Cell| {
        edges[c.column + c.columns] - edges[c.column] - COLUMN_CHROME
    };
    let wrapped: Vec<Vec<VLine>> = (table.cells.iter().enumerate())
        .map(|(i, c)| wrap(text(i), inner(c).max(1)))
        .collect();
    let heights = row_heights(table, &wrapped);
    let mut tops = vec![0];
    for h in &heights {
        tops.push(tops.last().copied().unwrap_or(0) + h + 1);
    }
    let width = edges.last().copied().unwrap_or(0) + 1;
    let height = tops.last().copied().unwrap_or(0) + 1;
    let mut canvas = vec![vec![Spot::Blank; width]; height];
    // Per drawing row, the cells' lines and the column each starts at: written over
    // the blanks as whole segments, so that combining accents stay on their letters.
    let mut texts: Vec<Vec<(usize, VLine)>> = vec![Vec::new(); height];
    let double_at =
        (table.header_rows > 0 && table.header_rows < table.rows).then(|| tops[table.header_rows]);
    for (cell, lines) in table.cells.iter().zip(&wrapped) {
        let (x0, x1) = (edges[cell.column], edges[cell.column + cell.columns]);
        let (y0, y1) = (tops[cell.row], tops[cell.row + cell.rows]);
        for y in [y0, y1] {
            for x in x0..x1 {
                rule(&mut canvas[y][x], RIGHT, double_at == Some(y));
                rule(&mut canvas[y][x + 1], LEFT, double_at == Some(y));
            }
        }
        for x in [x0, x1] {
            for y in y0..y1 {
                rule(&mut canvas[y][x], DOWN, false);
                rule(&mut canvas[y + 1][x], UP, false);
            }
        }
        for (row, line) in texts[y0 + 1..y1].iter_mut().zip(lines) {
            row.push((
                x0 + 2,
                cell_line(line, x1 - x0 - COLUMN_CHROME, cell.header),
            ));
        }
    }
    let lines = canvas
        .iter()
        .zip(&mut texts)
        .map(|(row, texts)| to_line(row, texts))
        .collect();
    Laid {
        lines,
        table: Some(TableShape {
            width,
            edges: edges[..edges.len() - 1].to_vec(),
            header_lines: double_at.map_or(0, |y| y + 1),
        }),
    }
}

/// Columns of the longest word of `pieces` (words as [`wrap`] keeps them whole). A
/// word longer than [`LONGEST_WORD`] is cut whatever the column's width, at its
/// hyphens first: what the column must hold of it is its widest piece between them.
fn longest_word(pieces: &[Piece]) -> usize {
    let width = |word: &Word| word.iter().map(|p| p.text.width()).sum::<usize>();
    tokens(pieces)
        .iter()
        .map(|t| match t {
            Token::Word(word) => match width(word) {
                w if w > LONGEST_WORD => wide::widest_piece(word),
                w => w,
            },
            Token::Break => 0,
        })
        .max()
        .unwrap_or(0)
}

/// Each row's height in lines: its tallest cell of one row; a cell across rows that
/// its rows (and the rules between them) cannot hold makes its last row taller.
fn row_heights(table: &Table, wrapped: &[Vec<VLine>]) -> Vec<usize> {
    let mut heights = vec![1; table.rows];
    for (cell, lines) in table.cells.iter().zip(wrapped) {
        if cell.rows == 1 {
            heights[cell.row] = heights[cell.row].max(lines.len());
        }
    }
    let mut spanning: Vec<usize> = (0..table.cells.len())
        .filter(|&i| table.cells[i].rows > 1)
        .collect();
    spanning.sort_by_key(|&i| table.cells[i].rows);
    for i in spanning {
        let c = &table.cells[i];
        let rows = c.row..c.row + c.rows;
        let held = heights[rows.clone()].iter().sum::<usize>() + c.rows - 1;
        heights[rows.end - 1] += wrapped[i].len().saturating_sub(held);
    }
    heights
}

fn rule(spot: &mut Spot, line: u8, double: bool) {
    *spot = match *spot {
        Spot::Rule { lines, double: d } => Spot::Rule {
            lines: lines | line,
            double: d || double,
        },
        _ => Spot::Rule {
            lines: line,
            double,
        },
    };
}

/// A wrapped line of a cell, bold in a header, cut to its columns (a character wider
/// than a one-column cell must not cover the rule).
fn cell_line(line: &VLine, width: usize, header: bool) -> VLine {
    let mut out: VLine = Vec::new();
    let mut used = 0;
    for seg in line {
        let style = TextStyle {
            bold: seg.style.bold || header,
            ..seg.style
        };
        let mut text = String::new();
        for ch in seg.text.chars() {
            let w = ch.width().unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            text.push(ch);
        }
        if !text.is_empty() {
            out.push(Seg {
                text,
                style,
                link: seg.link,
            });
        }
    }
    out
}

/// A row of the drawing as a screen line: its rules, and the cells' text over them.
fn to_line(row: &[Spot], texts: &mut [(usize, VLine)]) -> VLine {
    texts.sort_by_key(|(x, _)| *x);
    let mut texts = texts.iter_mut().peekable();
    let mut line: VLine = Vec::new();
    let mut x = 0;
    while x < row.len() {
        if let Some((_, text)) = texts.next_if(|(at, _)| *at <= x) {
            for seg in std::mem::take(text) {
                x += seg.text.width();
                push(&mut line, seg);
            }
            continue;
        }
        let ch = match row[x] {
            Spot::Blank => ' ',
            Spot::Rule { lines, double } => glyph(lines, double),
        };
        push(
            &mut line,
            Seg {
                text: ch.to_string(),
                style: TextStyle::default(),
                link: None,
            },
        );
        x += 1;
    }
    line
}

/// Appends a segment, joined to the last one when they look the same.
fn push(line: &mut VLine, seg: Seg) {
    match line.last_mut() {
        Some(last) if last.style == seg.style && last.link == seg.link => {
            last.text.push_str(&seg.text);
        }
        _ => line.push(seg),
    }
}

/// The box-drawing character for rules meeting from these sides.
fn glyph(lines: u8, double: bool) -> char {
    let across = lines & (LEFT | RIGHT) != 0;
    let (single, twice) = match lines {
        l if l == DOWN | RIGHT => ('┌', '╒'),
        l if l == DOWN | LEFT => ('┐', '╕'),
        l if l == UP | RIGHT => ('└', '╘'),
        l if l == UP | LEFT => ('┘', '╛'),
        l if l == UP | DOWN | RIGHT => ('├', '╞'),
        l if l == UP | DOWN | LEFT => ('┤', '╡'),
        l if l == DOWN | LEFT | RIGHT => ('┬', '╤'),
        l if l == UP | LEFT | RIGHT => ('┴', '╧'),
        l if l == UP | DOWN | LEFT | RIGHT => ('┼', '╪'),
        _ if across => ('─', '═'),
        _ => ('│', '│'),
    };
    if double { twice } else { single }
}

/// One line saying what a folded table hides: its size and its first row's text.
fn summary(table: &Table, cells: &[&[Piece]]) -> VLine {
    let rows = count(
        table.rows,
        crate::tr!("row", "ligne"),
        crate::tr!("rows", "lignes"),
    );
    let columns = count(
        table.columns,
        crate::tr!("column", "colonne"),
        crate::tr!("columns", "colonnes"),
    );
    let mut text = crate::trf!("Table, {rows} × {columns}", "Tableau, {rows} × {columns}");
    let first: Vec<String> = table
        .row_cells(0)
        .filter_map(|(i, _)| cells.get(i))
        .map(|pieces| {
            let words = wrap(pieces, usize::MAX);
            words.iter().map(line_text).collect::<Vec<_>>().join(" ")
        })
        .filter(|t| !t.is_empty())
        .collect();
    if !first.is_empty() {
        text.push_str(": ");
        text.push_str(&first.join(" · "));
    }
    vec![Seg {
        text,
        style: TextStyle::default(),
        link: None,
    }]
}

#[cfg(test)]
mod tests {
    use super::super::{Layout, line_text};
    use crate::model::article::{Article, Citations};

    /// D4163-2: a `<th>` across two rows, one across three columns, cells across rows
    /// in the body.
    fn d4163_2(width: u16) -> Vec<String> {
        let a = Article::parse(
            "c/d.md",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/d4163-2.md"
            )),
            Citations::Now,
        );
        let table = a
            .blocks
            .iter()
            .position(|b| b.table().is_some())
            .expect("a table");
        let layout = Layout::new(&a, width);
        layout.lines(&a, table).iter().map(line_text).collect()
    }

    #[test]
    fn spans_are_one_box_and_headers_end_with_a_double_rule() {
        let lines = d4163_2(80);
        assert_eq!(
            lines[..7],
            [
                "┌────────────────────────┬────────────────────────────────────────────────┐",
                "│ FACTEUR DE RISQUES     │ SEUIL                                          │",
                "│ PROFESSIONNELS         ├────────────────┬───────────────┬───────────────┤",
                "│                        │ Action ou      │ Intensité     │ Durée         │",
                "│                        │ situation      │ minimale      │ minimale      │",
                "╞════════════════════════╪════════════════╪═══════════════╪═══════════════╡",
                "│ a) Activités exercées  │ Interventions  │ 1 200         │ 60            │",
            ]
        );
        // In item 1°, the box takes the whole room: 80 less the bar, indent and sign.
        assert!(lines.iter().all(|l| l.chars().count() == 75), "{lines:#?}");
        // Row c) spans two rows: no rule crosses its first column.
        let c = lines
            .iter()
            .position(|l| l.starts_with("│ c) Bruit"))
            .expect("c)");
        let next = lines[c..]
            .iter()
            .position(|l| l.contains("Exposition"))
            .expect("e");
        assert!(lines[c..c + next].iter().all(|l| l.starts_with("│ ")));
    }

    #[test]
    fn a_table_narrower_than_its_words_keeps_its_own_width() {
        let lines = d4163_2(30);
        let width = lines[0].chars().count();
        assert!(width > 30 - 3, "{width}");
        assert!(lines.iter().all(|l| l.chars().count() == width));
    }
    #[test]
    fn a_break_in_a_cell_starts_a_line_of_that_cell() {
        let html = "# Article R1\n\n<table><tr><td>1 + 1 dégagement<br/>accessoire</td>\
                    <td><br/>ou 1 (b)<br/></td></tr></table>";
        let a = Article::parse("c/r1.md", html, Citations::Now);
        let table = a
            .blocks
            .iter()
            .position(|b| b.table().is_some())
            .expect("a table");
        let lines: Vec<String> = Layout::new(&a, 60)
            .lines(&a, table)
            .iter()
            .map(line_text)
            .collect();
        let rows: Vec<&str> = lines.iter().map(|l| l.trim_end()).collect();
        assert!(
            rows.iter()
                .any(|l| l.starts_with("│ 1 + 1 dégagement │ ou 1 (b) │")),
            "{rows:#?}"
        );
        assert!(
            rows.iter().any(|l| l.starts_with("│ accessoire")),
            "{rows:#?}"
        );
        // The breaks at the cell's ends make no empty line: two lines, two rules.
        assert_eq!(lines.len(), 4, "{rows:#?}");
    }
}
