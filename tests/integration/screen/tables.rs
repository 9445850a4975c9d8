//! Tables in the reader: a table wider than the screen scrolls sideways while the
//! cursor is on it, says where there is more, and folds like an item. On real
//! articles: R4412-149 (a table of 11 columns, 120 rows) and D4163-2 (spans).

use loi::app::App;
use loi::app::action::Action;
use loi::mirror::Mirror;
use loi::model::article::{Article, Citations};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const R4412_149: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/r4412-149.md"
));
const D4163_2: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/d4163-2.md"
));

fn app(source: &str, cols: u16, rows: u16) -> App {
    let article = Article::parse("code-du-travail/x/r4412-149.md", source, Citations::Now);
    App::new(Mirror::bundled(), article, (cols, rows))
}

fn screen(app: &App) -> Vec<String> {
    let text = crate::support::screen::screen(app);
    text.lines().map(str::to_owned).collect()
}

#[test]
fn a_wide_table_scrolls_a_column_at_a_time_and_says_where_there_is_more() {
    let mut app = app(R4412_149, 80, 24);
    app.update(Action::Down);
    let before = screen(&app);
    assert!(before[3].starts_with("▌▾ ┌"), "{before:#?}");
    assert!(before[4].contains("│ Dénomination"), "{before:#?}");
    assert!(before[4].ends_with('›'), "more on the right: {before:#?}");
    assert!(!before[4].contains('‹'));
    assert!(before[23].contains("columns 1–4 of 11 ›"), "{}", before[23]);
    app.update(Action::Unfold);
    let after = screen(&app);
    // The first column (each row's name) stays; beside it, under a `‹`, the third
    // column's rule: the second has gone by.
    assert!(
        after[4].starts_with("▌  │ Dénomination             ‹ Numéro CAS (2) │"),
        "{after:#?}"
    );
    assert!(after[23].contains("‹ columns 3–"), "{}", after[23]);
    // Every row of the table moved by as much: the box stays a box, its rules in
    // the same columns on every line.
    // (After the kept column and its sign.)
    let rule_at = |line: &str| line.chars().skip(31).position(|c| "│┼├┤╪┬┴".contains(c));
    let first_rule = rule_at(&after[5]);
    assert!(first_rule.is_some());
    assert!(
        after[3..23].iter().all(|l| rule_at(l) == first_rule),
        "{after:#?}"
    );
    let sign_at = |line: &str| line.chars().position(|c| c == '‹');
    assert!(
        after[3..23].iter().all(|l| sign_at(l) == Some(30)),
        "the sign on every line, after the first column: {after:#?}"
    );
    // Far right, then one more: it says so and stays.
    for _ in 0..20 {
        app.update(Action::Unfold);
    }
    let end = screen(&app);
    // The last column's heading, `Mesures<br/>transitoires`, on two lines of its cell.
    assert!(
        end[4].contains("│ Mesures ") && end[4].ends_with('│'),
        "{end:#?}"
    );
    assert!(
        end[5].contains("│ transitoires ") && end[5].ends_with('│'),
        "{end:#?}"
    );
    assert!(!end[23].contains('›'), "{}", end[23]);
    assert!(end[23].contains("The table's right edge"), "{}", end[23]);
    // Back to the left: `h` scrolls, and at the edge does not fold.
    for _ in 0..20 {
        app.update(Action::FoldOrParent);
    }
    let home = screen(&app);
    assert_eq!(home[4], before[4]);
    assert!(home[23].contains("The table's left edge"), "{}", home[23]);
}

#[test]
fn leaving_the_table_puts_it_back_and_keys_fold_again() {
    let mut app = app(R4412_149, 80, 24);
    app.update(Action::Down);
    app.update(Action::Unfold);
    app.update(Action::Up);
    let s = screen(&app);
    assert!(s[3].starts_with("▌  Les concentrations"), "{s:#?}");
    // Back on the paragraph, the table below shows from its left edge again.
    assert!(s.iter().any(|l| l.contains("┌──")), "{s:#?}");
    assert!(!s.iter().any(|l| l.contains('‹')), "{s:#?}");
}

#[test]
fn a_table_folds_to_one_line_saying_its_size_and_first_row() {
    let mut app = app(R4412_149, 80, 24);
    app.update(Action::Down);
    app.update(Action::Activate);
    let s = screen(&app);
    assert_eq!(
        s[7].trim_end(),
        "▌▸ Table, 120 rows × 11 columns: Dénomination · Numéro CE (1) · Nu… (+338 lines)"
    );
    assert!(!s[23].contains("columns 1"), "folded, nothing scrolls");
    app.update(Action::Unfold);
    assert!(screen(&app)[3].starts_with("▌▾ ┌"));
    app.update(Action::FoldAll);
    assert!(screen(&app)[7].starts_with("▌▸ Table, 120 rows"));
}

#[test]
fn a_table_that_fits_does_not_scroll_and_arrows_keep_their_meaning() {
    // D4163-2's tables fit in 80 columns; in 1° of the article, `→` unfolds 1°.
    let mut app = app(D4163_2, 80, 24);
    app.update(Action::Down);
    app.update(Action::Unfold);
    let s = screen(&app);
    assert!(s.iter().any(|l| l.contains("FACTEUR DE RISQUES")), "{s:#?}");
    app.update(Action::Down);
    let s = screen(&app);
    assert!(!s[23].contains("columns"), "{}", s[23]);
    app.update(Action::FoldOrParent);
    let s = screen(&app);
    assert!(
        s.iter()
            .any(|l| l.starts_with("▌  ▸ Table, 6 rows × 4 columns: FACTEUR DE RISQUES")),
        "{s:#?}"
    );
}

#[test]
fn selecting_a_reference_out_of_view_scrolls_the_table_to_it() {
    use ratatui::style::Modifier;
    // Annexe III: a table of four columns, wider than 80, references in every column.
    let source = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/annexe-iii-rayonnements.md"
    ));
    let article = Article::parse("code-du-travail/x/annexe-iii.md", source, Citations::Now);
    let mut app = App::new(Mirror::bundled(), article, (80, 24));
    let mut scrolled = 0;
    for tab in 0..16 {
        app.update(Action::NextReference);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
        terminal
            .draw(|f| loi::screen::draw(f, &app, &loi::screen::theme::Theme::default()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        // The selected reference is drawn reversed: some of it is on the screen.
        let shown =
            (3..23).any(|y| (0..80).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED)));
        assert!(shown, "Tab {tab}: {:#?}", screen(&app));
        // Scrolled: a sign says so, after the first column where it is kept.
        if (3..5).any(|y| (3..80).any(|x| buffer[(x, y)].symbol() == "‹")) {
            scrolled += 1;
        }
    }
    assert!(
        scrolled > 0,
        "some references are in columns out of view at first"
    );
}

/// Search matches stay on their words when a wide table is scrolled sideways: they
/// are marked on the whole line before it is cut to the screen.
#[test]
fn search_marks_follow_a_table_scrolled_sideways() {
    let mut app = app(R4412_149, 80, 24);
    app.update(Action::Down);
    app.update(Action::Find);
    for c in "205-500".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    for shift in 0..3 {
        let (cols, rows) = app.size();
        let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
        terminal
            .draw(|f| loi::screen::draw(f, &app, &loi::screen::theme::Theme::default()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let marked: Vec<String> = (0..rows - 1)
            .map(|y| {
                (0..cols)
                    .filter(|&x| {
                        let bg = buffer[(x, y)].bg;
                        Some(bg) == loi::screen::theme::Theme::default().match_other.bg
                            || Some(bg) == loi::screen::theme::Theme::default().match_current.bg
                    })
                    .map(|x| buffer[(x, y)].symbol().to_owned())
                    .collect()
            })
            .filter(|s: &String| !s.is_empty())
            .collect();
        // Column 2 (Numéro CE) is in view, then gone by (the first column stays).
        let want: &[&str] = if shift < 1 { &["205-500"] } else { &[] };
        assert_eq!(marked, want, "after {shift} steps right");
        app.update(Action::Unfold);
    }
}

/// A table read far to the right and far down keeps its bearings: its first column
/// (each row's name) stays at the left, and its header rows at the top, over the rows
/// going by. At 40x12 the name column is over half the room and the header over half
/// the screen: neither is kept, the table scrolls whole.
#[test]
fn scrolled_a_table_keeps_its_first_column_and_its_header_rows() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = app(R4412_149, cols, rows);
        app.update(Action::Down);
        app.update(Action::Unfold);
        app.update(Action::Unfold);
        app.update(Action::Scroll(40));
        let shown = crate::support::screen::screen(&app);
        insta::assert_snapshot!(
            format!("table_scrolled_right_and_down_{cols}x{rows}"),
            shown
        );
        let lines: Vec<&str> = shown.lines().collect();
        if cols == 80 {
            // The first column and the header rows, over rows from far down.
            assert!(lines[4].contains("│ Dénomination"), "{shown}");
            assert!(lines[10].contains("═══"), "{shown}");
            assert!(
                lines[11..23].iter().all(|l| l.contains('‹')),
                "every row after its name: {shown}"
            );
            assert!(
                !shown.contains("Acétaldéhyde"),
                "scrolled past the first rows: {shown}"
            );
        } else {
            assert!(!shown.contains("Dénomination"), "{shown}");
        }
    }
}

/// What a search or a reference brings into view in a table's body is shown below its
/// header rows kept at the top, never under them.
#[test]
fn a_line_brought_into_view_is_not_hidden_under_the_kept_header() {
    for word in ["Acrylonitrile", "isoamylique", "sec-butyle"] {
        let mut app = app(R4412_149, 80, 24);
        app.update(Action::Down);
        app.update(Action::Scroll(60));
        app.update(Action::Find);
        for c in word.chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Activate);
        let shown = screen(&app);
        assert!(
            shown[3..23].iter().any(|l| l.contains(word)),
            "{word}: {shown:#?}"
        );
    }
}

/// Tab and Shift-Tab through the references of a long table whose header rows are kept
/// at the top: each selected reference is on the screen, never under the header.
#[test]
fn each_reference_of_a_long_table_is_shown_below_its_kept_header() {
    use ratatui::style::Modifier;
    let rows: String = (1..=40)
        .map(|i| format!("<tr><td>Ligne {i}</td><td>article L. 1234-{i}</td></tr>"))
        .collect();
    let source = format!(
        "# Article L1\n\n<p>Tableau :</p><table><tr><th>Objet</th><th>Renvoi</th></tr>\
         <tr><th>(a)</th><th>(b)</th></tr>{rows}</table>"
    );
    let article = Article::parse("code-du-travail/x/l1.md", &source, Citations::Now);
    let mut app = App::new(Mirror::bundled(), article, (80, 24));
    let selected_shown = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
        terminal
            .draw(|f| loi::screen::draw(f, app, &loi::screen::theme::Theme::default()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        (3..23).any(|y| (0..80).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED)))
    };
    let mut pinned = 0;
    for (action, n) in [(Action::NextReference, 40), (Action::PrevReference, 39)] {
        for i in 0..n {
            app.update(action);
            assert!(selected_shown(&app), "{action:?} {i}: {:#?}", screen(&app));
            let s = screen(&app);
            if s[3].contains('┌') && !s.iter().any(|l| l.contains("Tableau")) {
                pinned += 1;
            }
        }
    }
    assert!(
        pinned > 20,
        "the header was kept on most of them ({pinned})"
    );
}
