//! The mouse (wheel, clicks on references and fold signs) through `App::update`, and
//! the themes as drawn: no colour at all under the plain theme (`NO_COLOR`), colours
//! otherwise, references and folds still apart.

use loi::app::App;
use loi::app::action::Action;
use loi::screen::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::support::screen::SEED;

fn app(cols: u16, rows: u16) -> App {
    crate::support::screen::sample(SEED, cols, rows)
}

fn draw(app: &App) -> Buffer {
    drawn(app, &Theme::default())
}

fn drawn(app: &App, theme: &Theme) -> Buffer {
    crate::support::screen::drawn_in(app, theme)
}

/// The first cell of the text rows (below the header, above the status) for which
/// `want` holds.
fn find(buffer: &Buffer, want: impl Fn(&ratatui::buffer::Cell) -> bool) -> Option<(u16, u16)> {
    let area = buffer.area;
    (3..area.height - 1)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .find(|&(x, y)| want(&buffer[(x, y)]))
}

#[test]
fn a_click_on_a_reference_opens_it_and_on_a_sign_folds() {
    let mut app = app(80, 24);
    app.update(Action::UnfoldAll);
    let buffer = draw(&app);
    let (x, y) = find(&buffer, |c| c.modifier.contains(Modifier::UNDERLINED))
        .expect("an underlined reference on screen");
    app.update(Action::Click(x, y));
    // The sample mirror lacks L. 313-6: opening it says so, as Enter on it does.
    let e = app.current();
    let link = e.view.selected.expect("the clicked reference is selected");
    let said = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(
        said.starts_with(&format!("{}: ", e.article.links[link].text)),
        "clicking ({x}, {y}): {said}"
    );
    // One that leads somewhere opens.
    let mut app = self::app(80, 24);
    app.update(Action::UnfoldAll);
    let target = app
        .current()
        .article
        .links
        .iter()
        .position(|l| l.text.contains("L. 6123-1"))
        .expect("a reference to L6123-1");
    app.update(Action::NextReference);
    while app.current().view.selected != Some(target) {
        app.update(Action::NextReference);
    }
    let buffer = draw(&app);
    let (x, y) = find(&buffer, |c| c.modifier.contains(Modifier::REVERSED))
        .expect("the reference on screen");
    app.update(Action::Click(x, y));
    assert_eq!(app.current().article.num, "L6123-1");

    let mut app = self::app(80, 24);
    let buffer = draw(&app);
    let (x, y) = find(&buffer, |c| c.symbol() == "▸").expect("a folded item");
    app.update(Action::Click(x, y));
    assert_eq!(draw(&app)[(x, y)].symbol(), "▾", "unfolded by its sign");
    app.update(Action::Click(x, y));
    assert_eq!(draw(&app)[(x, y)].symbol(), "▸", "folded again");
    // The header and the status line are not text: nothing happens.
    app.update(Action::Click(5, 0));
    app.update(Action::Click(5, 23));
    assert_eq!(draw(&app)[(x, y)].symbol(), "▸");
}

#[test]
fn the_wheel_scrolls_three_lines_and_keeps_the_cursor_on_screen() {
    let mut app = app(40, 12);
    app.update(Action::UnfoldAll);
    let top = app.current().view.top;
    app.update(Action::Scroll(3));
    let after = app.current().view.top;
    assert_ne!(after, top, "scrolled");
    let rows: Vec<_> = app.current().view.visible_lines(app.page());
    assert!(
        rows.iter().any(|p| p.block == app.current().view.cursor),
        "the cursor's block is on screen"
    );
    app.update(Action::Scroll(-3));
    assert_eq!(app.current().view.top, top, "and back");
    // Over the help the wheel moves it as the arrows do.
    app.update(Action::Help);
    app.update(Action::Scroll(3));
    assert_eq!(app.help_scroll(), Some(3));
}

#[test]
fn ctrl_e_and_ctrl_y_scroll_a_line_as_in_vim() {
    use loi::app::keymap::{Key, Lookup, lookup};
    let mut app = app(40, 12);
    app.update(Action::UnfoldAll);
    let start = app.current().view.top;
    let cursor = app.current().view.cursor;
    let key = |c| match lookup(&[], Key::ctrl(c)) {
        Lookup::Action(a) => a,
        other => panic!("Ctrl-{c}: {other:?}"),
    };
    let first_rows = app.current().view.visible_lines(app.page());
    app.update(key('e'));
    let rows = app.current().view.visible_lines(app.page());
    assert_eq!(rows[0], first_rows[1], "the text moved up one line");
    assert_eq!(app.current().view.cursor, cursor, "the cursor stayed");
    app.update(key('y'));
    assert_eq!(app.current().view.top, start, "and back");
}

/// Whether a cell has any colour set.
fn coloured(c: &ratatui::buffer::Cell) -> bool {
    c.fg != Color::Reset || c.bg != Color::Reset
}

#[test]
fn the_plain_theme_draws_no_colour_yet_tells_references_and_folds_apart() {
    let env = |k: &str| (k == "NO_COLOR").then(|| "1".to_owned());
    let theme = Theme::pick(Some("light"), env);
    for actions in [
        &[][..],
        &[Action::UnfoldAll, Action::NextReference][..],
        &[Action::Help][..],
    ] {
        let mut app = app(80, 24);
        for a in actions {
            app.update(*a);
        }
        let buffer = drawn(&app, &theme);
        assert!(
            !buffer.content.iter().any(coloured),
            "colour under NO_COLOR after {actions:?}"
        );
        if actions.is_empty() {
            assert!(find(&buffer, |c| c.symbol() == "▸").is_some(), "fold signs");
        }
    }
    let mut app = app(80, 24);
    app.update(Action::UnfoldAll);
    let buffer = drawn(&app, &theme);
    assert!(find(&buffer, |c| c.modifier.contains(Modifier::UNDERLINED)).is_some());
    // The default theme does use colour.
    assert!(drawn(&app, &Theme::dark()).content.iter().any(coloured));
    assert!(drawn(&app, &Theme::light()).content.iter().any(coloured));
}
