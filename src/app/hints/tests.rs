//! Labels: their scheme (unique, none a prefix of another, as short as they can be,
//! the home row first) and where they go on a screen (each reference on it once, in
//! reading order, just before its first character in view, the same every time).

use super::*;
use crate::model::article::{Article, Citations};
use crate::model::layout::{Layout, line_text};

#[test]
fn labels_are_unique_prefix_free_and_as_short_as_they_can_be() {
    for n in 0..=350 {
        let l = labels(n);
        assert_eq!(l.len(), n);
        for (i, a) in l.iter().enumerate() {
            assert!(a.chars().all(|c| LETTERS.contains(&c)), "{a}");
            for (j, b) in l.iter().enumerate() {
                if i != j {
                    assert!(!b.starts_with(a.as_str()), "n = {n}: {a} starts {b}");
                }
            }
        }
        // One letter while ten suffice, two to a hundred, three past.
        let longest = l.iter().map(|a| a.chars().count()).max().unwrap_or(0);
        let want = match n {
            0 => 0,
            1..=10 => 1,
            11..=100 => 2,
            _ => 3,
        };
        assert_eq!(longest, want, "n = {n}");
        // Shortest first: the order they are given to the references in.
        assert!(l.windows(2).all(|w| w[0].len() <= w[1].len()), "n = {n}");
    }
}

#[test]
fn the_home_row_comes_first_and_the_last_letters_start_the_longer_labels() {
    assert_eq!(labels(4), ["a", "s", "d", "f"]);
    assert_eq!(labels(10).concat(), "asdfghjkl;");
    // Twelve: nine of one letter stay, `;` starts three of two.
    assert_eq!(
        labels(12),
        [
            "a", "s", "d", "f", "g", "h", "j", "k", "l", ";a", ";s", ";d"
        ]
    );
    // Thirty: seven of one letter, then `k`, `l` and `;` start the others.
    let thirty = labels(30);
    assert_eq!(thirty[..7].concat(), "asdfghj");
    assert_eq!(&thirty[7..10], ["ka", "ks", "kd"]);
    assert_eq!(thirty[29], ";d");
    assert_eq!(labels(100).last().map(String::as_str), Some(";;"));
}

/// A link to an article of the code, as the mirror writes it.
fn link(n: usize) -> String {
    format!("<a href='/c/l{n}.md'>L. {n}</a>")
}

fn article(html: &str) -> Article {
    Article::parse(
        "c/l9.md",
        &format!("# Article L9\n\n{html}"),
        Citations::Later,
    )
}

fn page<'a>(article: &'a Article, layout: &'a Layout, height: usize) -> Page<'a> {
    Page {
        article,
        layout,
        height,
    }
}

/// Screen line `row`'s text from the screen's left edge, as the body draws it: the
/// cursor bar and indentation as blanks (tests of tables and folds look further).
fn row_text(view: &View, f: Page, row: usize) -> String {
    let pos = view.visible_lines(f)[row];
    let block = &f.article.blocks[pos.block];
    let pad = " ".repeat(f.layout.text_column(block.depth));
    pad + &line_text(&f.layout.lines(f.article, pos.block)[pos.line])
}

#[test]
fn each_reference_on_screen_gets_a_label_just_before_it_in_reading_order() {
    // Fifteen references in a paragraph: more than ten, so two letters show.
    let refs: Vec<String> = (1..=15).map(link).collect();
    let a = article(&format!("<p>Vu les articles {}.</p>", refs.join(", ")));
    let layout = Layout::new(&a, 40);
    let f = page(&a, &layout, 8);
    let view = View::new(&a);
    let hints = hints(&view, f);
    assert_eq!(hints.len(), 15);
    let labels: Vec<&str> = hints.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(labels, super::labels(15));
    // In reading order: row by row, left to right; each reference once, in its order.
    assert!(
        hints
            .windows(2)
            .all(|w| (w[0].row, w[0].col) < (w[1].row, w[1].col))
    );
    let links: Vec<usize> = hints.iter().map(|h| h.link).collect();
    assert_eq!(links, (0..15).collect::<Vec<_>>());
    // Just before the reference's first character: its text starts after the label.
    for h in &hints {
        let text = row_text(&view, f, h.row);
        let after: String = text.chars().skip(h.col + h.label.len()).collect();
        assert!(
            after.starts_with(&a.links[h.link].text),
            "{} at {}: {text:?}",
            h.label,
            h.col
        );
    }
}

#[test]
fn a_reference_that_starts_a_line_has_its_label_in_the_margin() {
    // At 20 columns `L. 2` and `L. 3` start lines of their own.
    let a = article(&format!("<p>{}, {}, {}</p>", link(1), link(2), link(3)));
    let layout = Layout::new(&a, 20);
    let f = page(&a, &layout, 8);
    let view = View::new(&a);
    let text_column = layout.text_column(0);
    let hints = hints(&view, f);
    assert_eq!(hints.len(), 3);
    for h in &hints {
        let starts = row_text(&view, f, h.row)
            .chars()
            .skip(text_column)
            .collect::<String>()
            .starts_with(&a.links[h.link].text);
        if starts {
            // In the sign's columns, right before the text; never on the cursor bar.
            assert_eq!(h.col + h.label.len(), text_column);
            assert!(h.col >= crate::model::layout::CURSOR_COLUMNS);
        }
    }
    assert!(hints.iter().any(|h| h.col + 1 == text_column));
}

#[test]
fn the_same_screen_gets_the_same_labels_and_only_what_it_shows() {
    let paragraphs: String = (1..=40)
        .map(|n| format!("<p>Alinéa {n} : voir {}.</p>", link(n)))
        .collect();
    let a = article(&paragraphs);
    let layout = Layout::new(&a, 80);
    let f = page(&a, &layout, 10);
    let mut view = View::new(&a);
    let first = hints(&view, f);
    assert_eq!(first.len(), 10, "one a row");
    assert_eq!(hints(&view, f), first, "the same screen, the same labels");
    view.scroll_down(f, 3);
    let moved = hints(&view, f);
    // Three rows down: references 4 to 13, labelled from `a` again in their order.
    assert_eq!(moved[0].link, 3);
    assert_eq!(moved[0].label, "a");
    assert_eq!(moved.last().map(|h| h.link), Some(12));
    view.scroll_up(f, 3);
    assert_eq!(
        hints(&view, f),
        first,
        "back where it was, the labels it had"
    );
}

#[test]
fn a_folded_item_labels_only_its_first_line() {
    // I. is folded as the article opens: its first line shows, not its 1°.
    let a = article(&format!(
        "<p>I.-Selon {} :</p><p>1° voir {} ;</p><p>2° voir {}.</p><p>II.-Voir {}.</p>",
        link(1),
        link(2),
        link(3),
        link(4)
    ));
    let layout = Layout::new(&a, 80);
    let f = page(&a, &layout, 10);
    let view = View::new(&a);
    assert!(view.is_folded(f, 0), "I. opens folded");
    let labelled: Vec<&str> = hints(&view, f)
        .iter()
        .map(|h| a.links[h.link].text.as_str())
        .collect();
    assert_eq!(labelled, ["L. 1", "L. 4"]);
}

#[test]
fn a_wide_table_scrolled_sideways_labels_only_the_columns_in_view() {
    // Four columns of long words: wider than 40 columns.
    let cell = |n: usize| format!("<td>Colonne-très-longue-{n} {}</td>", link(n));
    let row: String = (1..=4).map(cell).collect();
    let a = article(&format!("<table><tr>{row}</tr></table>"));
    let layout = Layout::new(&a, 40);
    let f = page(&a, &layout, 10);
    let mut view = View::new(&a);
    let room = layout.room(0);
    let shape = layout.table_shape(&a, 0).expect("a table").clone();
    assert!(shape.width > room, "wider than the screen");
    let seen = |view: &View| -> Vec<String> {
        hints(view, f)
            .iter()
            .map(|h| a.links[h.link].text.clone())
            .collect()
    };
    let at_start = seen(&view);
    assert!(at_start.contains(&"L. 1".to_owned()));
    assert!(!at_start.contains(&"L. 4".to_owned()), "{at_start:?}");
    // Scrolled to its end: the last column in view, and the first, kept.
    view.shift = shape.max_shift(room);
    let at_end = seen(&view);
    assert!(at_end.contains(&"L. 4".to_owned()), "{at_end:?}");
    assert!(!at_end.contains(&"L. 2".to_owned()), "{at_end:?}");
    // Each label still just before its reference, as the window draws it.
    for h in hints(&view, f) {
        assert!(h.col + h.label.len() < usize::from(layout.width()));
    }
}
