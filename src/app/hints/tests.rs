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

// Through `App::update`, on the small mirror of the app's tests.

use crate::app::action::Action;

/// Types a label's letters, as the terminal loop sends them while labels are shown.
fn type_label(app: &mut App, label: &str) {
    for c in label.chars() {
        app.update(Action::Input(c));
    }
}

/// What the reader shows after a key: the article, the cursor's block, the
/// reference selected, the status line, the list open.
fn outcome(app: &App) -> (String, usize, Option<usize>, Option<String>, Vec<String>) {
    let e = app.current();
    let list = app
        .picker()
        .map(|p| p.items.iter().map(|i| i.label.clone()).collect())
        .unwrap_or_default();
    (
        e.article.num.clone(),
        e.view.cursor,
        e.view.selected,
        app.status().map(|s| s.text.clone()),
        list,
    )
}

#[test]
fn typing_a_label_does_what_enter_on_its_reference_does() {
    // A point of another article, a point of this one, a range, a reference that
    // leads nowhere, a link: each as Enter has it.
    let (_dir, mut app) = crate::app::tests::app();
    app.update(Action::UnfoldAll);
    app.update(Action::FollowHint);
    let hints = app.hints_shown();
    assert!(hints.len() >= 5, "{hints:?}");
    for hint in hints {
        let (_d, mut by_label) = crate::app::tests::app();
        by_label.update(Action::UnfoldAll);
        by_label.update(Action::FollowHint);
        type_label(&mut by_label, &hint.label);
        assert!(by_label.hinting().is_none(), "the labels close");

        let (_d, mut by_enter) = crate::app::tests::app();
        by_enter.update(Action::UnfoldAll);
        while by_enter.current().view.selected != Some(hint.link) {
            by_enter.update(Action::NextReference);
        }
        by_enter.update(Action::Activate);
        assert_eq!(
            outcome(&by_label),
            outcome(&by_enter),
            "{} on {}",
            hint.label,
            app.current().article.links[hint.link].text
        );
    }
    // The first reference, `2° du I de l'article L. 6123-1`, opens L6123-1 there.
    let (_d, mut app) = crate::app::tests::app();
    app.update(Action::FollowHint);
    type_label(&mut app, "a");
    assert_eq!(app.current().article.num, "L6123-1");
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("2° of I of L6123-1")
    );
}

#[test]
fn esc_cancels_and_a_key_that_starts_no_label_cancels_saying_so() {
    let (_dir, mut app) = crate::app::tests::app();
    let before = outcome(&app);
    app.update(Action::FollowHint);
    assert!(app.hinting().is_some());
    app.update(Action::Cancel);
    assert!(app.hinting().is_none());
    assert_eq!(outcome(&app), before, "nothing else moved");

    // A letter no label starts with: closed, and said.
    app.update(Action::FollowHint);
    type_label(&mut app, "z");
    assert!(app.hinting().is_none());
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("No label starts with « z »: labels closed")
    );
    assert_eq!(app.current().article.num, "L9-9");

    // A key that is not a letter: closed, said, and it does nothing else.
    app.update(Action::FollowHint);
    app.update(Action::Down);
    assert!(app.hinting().is_none());
    assert_eq!(app.current().view.cursor, before.1, "the key did not move");
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("That key starts no label: labels closed")
    );
}

/// A mirror whose article L99 cites L1 to L15, in one paragraph.
fn fifteen() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let code = dir.path().join("code-du-travail/partie");
    std::fs::create_dir_all(&code).expect("mkdir");
    let write = |name: &str, text: &str| std::fs::write(code.join(name), text).expect("write");
    let refs: Vec<String> = (1..=15)
        .map(|n| {
            write(
                &format!("l{n}.md"),
                &format!("# Article L{n}\n\n<p>Texte {n}.</p>"),
            );
            format!("<a href='/code-du-travail/partie/l{n}.md'>L. {n}</a>")
        })
        .collect();
    write(
        "l99.md",
        &format!(
            "# Article L99\n\n<p>Vu les articles {}.</p>",
            refs.join(", ")
        ),
    );
    let mirror = crate::mirror::Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "L99").expect("L99");
    let article = mirror.article(&path, Citations::Now).expect("load");
    (dir, App::new(mirror, article, (80, 24)))
}

#[test]
fn a_first_letter_narrows_to_the_labels_it_starts_and_the_second_follows() {
    let (_dir, mut app) = fifteen();
    app.update(Action::FollowHint);
    assert_eq!(app.hints_shown().len(), 15);
    type_label(&mut app, ";");
    let left = app.hints_shown();
    assert!(app.hinting().is_some(), "still open");
    assert!(!left.is_empty() && left.iter().all(|h| h.label.starts_with(';')));
    assert!(left.len() < 15, "the others gone");
    let wanted = left.iter().find(|h| h.label == ";s").expect(";s").link;
    type_label(&mut app, "s");
    assert_eq!(
        app.current().article.num,
        format!("L{}", wanted + 1),
        "the reference labelled ;s"
    );
    // Typed in capitals, a label is the same label.
    app.update(Action::Back);
    app.update(Action::FollowHint);
    type_label(&mut app, "A");
    assert_eq!(app.current().article.num, "L1");
}

#[test]
fn peek_selects_the_labelled_reference_and_says_where_it_leads() {
    let (_dir, mut app) = fifteen();
    app.update(Action::PeekHint);
    type_label(&mut app, "d");
    assert_eq!(app.current().article.num, "L99", "nothing opened");
    let e = app.current();
    let selected = e.view.selected.expect("a reference selected");
    assert_eq!(e.article.links[selected].text, "L. 3");
    let said = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(said.starts_with("L. 3 → L3"), "{said}");
}

#[test]
fn while_labels_are_shown_the_references_found_wait() {
    // Opened with its citations to find (as the reader opens an article): they would
    // add references and renumber them under the labels.
    let (dir, _) = fifteen();
    let mirror = crate::mirror::Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "L99").expect("L99");
    let article = mirror.article(&path, Citations::Later).expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    app.update(Action::FollowHint);
    let labels = app.hints_shown();
    assert!(!app.has_idle_work() || !app.references_pending());
    app.update(Action::Idle);
    assert!(
        app.current().article.citations_pending,
        "not found meanwhile"
    );
    assert_eq!(app.hints_shown(), labels);
    app.update(Action::Cancel);
    assert!(app.has_idle_work(), "found once the labels close");
}

#[test]
fn no_reference_on_screen_no_labels() {
    let a = "# Article L1\n\n<p>Rien.</p>";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("code-du-travail")).expect("mkdir");
    std::fs::write(dir.path().join("code-du-travail/l1.md"), a).expect("write");
    let mirror = crate::mirror::Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "L1").expect("L1");
    let article = mirror.article(&path, Citations::Now).expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    app.update(Action::FollowHint);
    assert!(app.hinting().is_none());
    assert_eq!(
        app.status().map(|s| s.text.as_str()),
        Some("No reference on the screen")
    );
}

#[test]
fn the_mouse_or_a_paste_closes_the_labels_and_does_what_it_does() {
    let (_dir, mut app) = fifteen();
    app.update(Action::FollowHint);
    // The wheel: closed, and the text scrolled as without labels.
    app.update(Action::Scroll(3));
    assert!(app.hinting().is_none());
    // A paste: closed, and the text pasted is go-to's, as on the article.
    app.update(Action::FollowHint);
    for a in Action::pasted("L. 3") {
        app.update(a);
    }
    assert!(app.hinting().is_none());
    assert_eq!(app.current().article.num, "L3", "pasted L. 3 opened");
}
