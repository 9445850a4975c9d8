//! Where the reader's hyperlinks go (`App::screen_links`, which `terminal::linked`
//! makes OSC 8 links of): over exactly the cells that draw the heading and each
//! reference, at 80x24 and 40x12, unfolded, scrolled, under an overlay.

use loi::app::action::Action;
use loi::app::{App, LinkTo};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::support::screen::{SEED, drawn, sample};

/// The text of cells `cols` of row `row`.
fn cells(buffer: &Buffer, row: u16, cols: std::ops::Range<u16>) -> String {
    cols.map(|x| buffer[(x, row)].symbol().to_owned()).collect()
}

/// Every link of the screen covers text of what it links to, and every reference
/// drawn (underlined or in italics, on the text's rows) is inside a link to it.
fn check(app: &App, what: &str) -> usize {
    let buffer = drawn(app);
    let links = app.screen_links();
    let article = &app.current().article;
    let mut covered = std::collections::HashSet::new();
    for link in &links {
        let text = cells(&buffer, link.row, link.cols.clone());
        match link.to {
            LinkTo::Heading => {
                assert_eq!(link.row, 0, "{what}");
                assert!(
                    format!("{} ", article.heading()).starts_with(text.trim_end_matches('…')),
                    "{what}: heading {text:?}"
                );
            }
            LinkTo::Reference(l) => {
                let words: String = article.links[l].text.split_whitespace().collect();
                let drawn: String = text.split_whitespace().collect();
                assert!(
                    !drawn.is_empty() && words.contains(&drawn),
                    "{what}: {drawn:?} is not in reference {l} {words:?}"
                );
                covered.extend(link.cols.clone().map(|x| (x, link.row)));
            }
        }
    }
    let (_, height) = app.size();
    let mut references = 0;
    for y in loi::app::HEADER_ROWS..height - loi::app::STATUS_ROWS {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let styled = cell
                .modifier
                .intersects(Modifier::UNDERLINED | Modifier::ITALIC);
            if styled && !cell.symbol().trim().is_empty() {
                references += 1;
                assert!(
                    covered.contains(&(x, y)),
                    "{what}: ({x}, {y}) {:?} not linked",
                    cell.symbol()
                );
            }
        }
    }
    references
}

#[test]
fn links_cover_the_heading_and_every_reference_drawn() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = sample(SEED, cols, rows);
        let mut seen = 0;
        app.update(Action::UnfoldAll);
        for step in 0..30 {
            seen += check(&app, &format!("{cols}x{rows}, step {step}"));
            app.update(Action::Scroll(2));
        }
        assert!(
            seen > 20,
            "{cols}x{rows}: references were on screen ({seen} cells)"
        );
        // Under a list, the text's references are not links: the list covers them.
        app.update(Action::Help);
        assert!(
            app.screen_links().iter().all(|l| l.to == LinkTo::Heading),
            "{cols}x{rows}"
        );
    }
}
