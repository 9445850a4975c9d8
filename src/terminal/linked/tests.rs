use super::*;

use ratatui::backend::CrosstermBackend;

fn page(id: &str) -> Address {
    Address::article(id).expect("an id of the right shape")
}

/// A grid of `area` with `page` on cells `cols` of `row`.
fn grid(area: Rect, links: &[(u16, std::ops::Range<u16>, &Address)]) -> Grid {
    let mut grid = Grid::empty(area);
    for (row, cols, page) in links {
        let index = grid.pages.len();
        grid.pages.push((*page).clone());
        for col in cols.clone() {
            let cell = grid.index(col, *row).expect("in the area");
            grid.cells[cell] = Some(index);
        }
    }
    grid
}

/// What `draw` writes for `updates`, and each run of text it wrote inside a link
/// with that link's URL; panics unless every link opened is closed before the next
/// opens and by the end.
fn drawn(updates: &[(u16, u16, &Cell)], grid: &Grid) -> (String, Vec<(String, String)>) {
    let mut out = Vec::new();
    draw(&mut CrosstermBackend::new(&mut out), updates, grid).expect("drawn");
    let bytes = String::from_utf8(out).expect("UTF-8");
    let mut inside = Vec::new();
    let mut open: Option<(String, String)> = None;
    let mut rest = bytes.as_str();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("\x1b]8;;") {
            let end = after.find("\x1b\\").expect("ended");
            let url = &after[..end];
            if url.is_empty() {
                inside.push(open.take().expect("closed while open"));
            } else {
                assert!(open.is_none(), "opened inside another: {bytes:?}");
                open = Some((url.to_owned(), String::new()));
            }
            rest = &after[end + 2..];
        } else if rest.starts_with('\x1b') {
            // A move or a style: up to its final letter.
            let end = rest[1..]
                .find(|c: char| c.is_ascii_alphabetic())
                .expect("a CSI")
                + 2;
            rest = &rest[end..];
        } else {
            let c = rest.chars().next().expect("a char");
            if let Some((_, text)) = open.as_mut() {
                text.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    assert!(open.is_none(), "left open: {bytes:?}");
    (bytes, inside)
}

/// A link's cells drawn in part (the rest unchanged, or cut by the screen's edge and
/// going on on the next row), beside cells of no link and of another: each run inside
/// its own link, balanced, nothing else inside one.
#[test]
fn each_run_of_a_link_is_drawn_inside_it_and_closed() {
    let area = Rect::new(0, 0, 10, 3);
    let (a, b) = (page("LEGIARTI000000000001"), page("LEGIARTI000000000002"));
    let grid = grid(area, &[(0, 2..10, &a), (1, 0..4, &a), (2, 3..5, &b)]);
    let mut buffer = Buffer::empty(area);
    buffer.set_string(0, 0, "x article", ratatui::style::Style::default());
    buffer.set_string(0, 1, "L. 1 et", ratatui::style::Style::default());
    buffer.set_string(0, 2, "et R. 2", ratatui::style::Style::default());
    let updates: Vec<(u16, u16, &Cell)> = [
        (0, 0),
        (7, 0),
        (8, 0),
        (9, 0),
        (0, 1),
        (1, 1),
        (5, 1),
        (2, 2),
        (3, 2),
        (4, 2),
    ]
    .iter()
    .map(|&(x, y)| (x, y, &buffer[(x, y)]))
    .collect();
    let (bytes, inside) = drawn(&updates, &grid);
    let (a, b) = (a.to_string(), b.to_string());
    assert_eq!(
        inside,
        // The end of row 0 and the start of row 1 are one run of one link: written
        // in one, the move between them inside it (it prints nothing).
        [
            (a.clone(), "le L.".to_owned()),
            (b.clone(), "R.".to_owned())
        ],
        "{bytes:?}"
    );
    // Nothing drawn, nothing linked.
    assert_eq!(drawn(&[], &grid).0, "");
}

/// The same text with another link is written again; the same text with the same
/// link is not; a scroll moves the links with their rows.
#[test]
fn a_cell_whose_link_changed_is_written_again() {
    let area = Rect::new(0, 0, 6, 4);
    let (a, b) = (page("LEGIARTI000000000001"), page("LEGIARTI000000000002"));
    let held = grid(area, &[(1, 0..3, &a), (2, 0..3, &a)]);
    let next = grid(area, &[(1, 0..3, &a), (2, 0..3, &b), (3, 3..5, &a)]);
    let mut screen = Buffer::empty(area);
    screen.set_string(0, 1, "L. 1", ratatui::style::Style::default());
    screen.set_string(0, 2, "L. 1", ratatui::style::Style::default());
    let mut base = screen.clone();
    next.mark_changed(&held, &mut base);
    let changed: Vec<(u16, u16)> = base
        .diff(&screen)
        .iter()
        .map(|(x, y, _)| (*x, *y))
        .collect();
    assert_eq!(changed, [(0, 2), (1, 2), (2, 2), (3, 3), (4, 3)]);
    // Scrolled up a row: row 2's links are now on row 1, row 3 came in with none.
    let up = held.shifted(1..4, 1);
    assert_eq!(up.at(0, 1), Some(&a));
    assert_eq!(up.at(0, 2), None);
    assert_eq!(up.at(0, 3), None);
    assert_eq!(held.shifted(1..4, -1).at(0, 3), Some(&a));
}
