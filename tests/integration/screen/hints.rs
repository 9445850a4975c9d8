//! The labels of `f` as drawn: just before each reference, in their own style, never
//! over the reference's own characters; two letters once the screen holds more
//! references than the home row has letters; narrowed by a first letter.

use loi::app::App;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::support::screen::{drawn, keys, sample, text_of};

/// L6323-4 of the sample: a paragraph dense with references.
const L6323_4: &str = "code-du-travail/partie-legislative/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie/livre-iii-la-formation-professionnelle/titre-ii-dispositifs-de-formation-professionnelle-continue/chapitre-iii-compte-personnel-de-formation/section-1-principes-communs/l6323-4.md";

/// The cells of each label on screen, read back from the buffer: reversed and bold,
/// on a text row.
fn labels_drawn(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in 3..area.height - 1 {
        let mut x = 0;
        while x < area.width {
            let label = |x: u16| {
                let c = &buffer[(x, y)];
                c.modifier.contains(Modifier::REVERSED | Modifier::BOLD)
            };
            if label(x) {
                let start = x;
                let mut text = String::new();
                while x < area.width && label(x) {
                    text.push_str(buffer[(x, y)].symbol());
                    x += 1;
                }
                out.push((start, y, text));
            }
            x += 1;
        }
    }
    out
}

fn check_labels_sit_before_their_references(app: &App, buffer: &Buffer) {
    let shown = app.hints_shown();
    let drawn = labels_drawn(buffer);
    assert_eq!(drawn.len(), shown.len(), "{drawn:?}\n{}", text_of(buffer));
    for h in &shown {
        let (x, y) = (h.col as u16, h.row as u16 + 3);
        assert!(
            drawn.contains(&(x, y, h.label.clone())),
            "{} at ({x}, {y}): {drawn:?}",
            h.label
        );
        // The cell after the label is the reference's own first character, drawn
        // as a reference (underlined, or italic when it leads nowhere).
        let after = &buffer[(x + h.label.len() as u16, y)];
        let text = &app.current().article.links[h.link].text;
        assert!(
            text.starts_with(after.symbol()),
            "{} before {:?}, not {text}",
            h.label,
            after.symbol()
        );
        assert!(
            after
                .modifier
                .intersects(Modifier::UNDERLINED | Modifier::ITALIC),
            "{} before an unstyled cell",
            h.label
        );
    }
}

#[test]
fn labels_before_each_reference_two_letters_past_ten() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = sample(L6323_4, cols, rows);
        keys(&mut app, "zR");
        let before = text_of(&drawn(&app));
        keys(&mut app, "f");
        let buffer = drawn(&app);
        let shown = app.hints_shown();
        // At 80x24, more references than letters: two-letter labels; at 40x12, four.
        assert_eq!(
            shown.iter().any(|h| h.label.len() == 2),
            cols == 80,
            "{cols}x{rows}: {shown:?}"
        );
        check_labels_sit_before_their_references(&app, &buffer);
        // Nothing but the labels' cells and the status line changed.
        let after = text_of(&buffer);
        let covered: Vec<(usize, usize)> = shown
            .iter()
            .flat_map(|h| (h.col..h.col + h.label.len()).map(move |x| (x, h.row + 3)))
            .collect();
        for (y, (b, a)) in before
            .lines()
            .zip(after.lines())
            .enumerate()
            .take(usize::from(rows) - 1)
        {
            for (x, (cb, ca)) in b.chars().zip(a.chars()).enumerate() {
                assert!(
                    cb == ca || covered.contains(&(x, y)),
                    "{cols}x{rows}: ({x}, {y}) {cb:?} → {ca:?}"
                );
            }
        }
        insta::assert_snapshot!(format!("hint_labels_{cols}x{rows}"), after);
        // A first letter: only the labels it starts stay, the letter typed shown.
        let Some(first) = shown
            .iter()
            .find(|h| h.label.len() == 2)
            .map(|h| h.label[..1].to_owned())
        else {
            continue;
        };
        keys(&mut app, &first);
        let narrowed = drawn(&app);
        let left = app.hints_shown();
        assert!(left.iter().all(|h| h.label.starts_with(&first)));
        let drawn_left = labels_drawn(&narrowed);
        // Their second letters only are reversed: the first is typed.
        assert_eq!(drawn_left.len(), left.len());
        assert!(drawn_left.iter().all(|(_, _, l)| l.chars().count() == 1));
        insta::assert_snapshot!(
            format!("hint_labels_narrowed_{cols}x{rows}"),
            text_of(&narrowed)
        );
    }
}

#[test]
fn a_label_opens_its_reference_and_esc_leaves_the_screen_as_it_was() {
    let mut app = sample(L6323_4, 80, 24);
    keys(&mut app, "zR");
    let before = text_of(&drawn(&app));
    keys(&mut app, "f Esc");
    assert_eq!(text_of(&drawn(&app)), before, "Esc: as before");
    keys(&mut app, "f");
    let hint = app
        .hints_shown()
        .into_iter()
        .find(|h| app.current().article.links[h.link].text == "L. 6323-21")
        .expect("a reference to L. 6323-21 on screen");
    keys(
        &mut app,
        &hint
            .label
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert_eq!(app.current().article.num, "L6323-21");
}
