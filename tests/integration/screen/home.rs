//! The home: the mirror's codes as `loi` opens on them with nothing named and no
//! session, on a fixture of three codes (one imported with its date, one of the codes
//! table without metadata, one folder the table does not know).

use crate::support::home::{at_home, three_codes};
use crate::support::screen::{keys, screen};

/// What the home shows, the fixture's temporary folder written `<mirror>`.
fn home_screen(cols: u16, rows: u16) -> String {
    let root = three_codes().display().to_string();
    screen(&at_home(cols, rows)).replace(&root, "<mirror>")
}

#[test]
fn home_80x24() {
    insta::assert_snapshot!(home_screen(80, 24));
}

#[test]
fn home_40x12() {
    insta::assert_snapshot!(home_screen(40, 12));
}

#[test]
fn the_home_lists_each_code_with_its_abbreviation_count_and_date_when_known() {
    let shown = home_screen(80, 24);
    let rows: Vec<&str> = shown.lines().collect();
    assert!(rows[1].contains("3 codes · 12 articles"), "{shown}");
    let at = |text: &str| {
        rows.iter()
            .position(|r| r.contains(text))
            .unwrap_or_else(|| panic!("{text} in {shown}"))
    };
    let crpa = at("Code des relations entre le public et l'administration · CRPA");
    assert!(
        rows[crpa + 1].contains("7 articles · données au 1er juillet 2025"),
        "{shown}"
    );
    let travail = at("Code du travail · C. trav.");
    assert!(
        rows[travail + 1].trim_end().ends_with("3 articles"),
        "{shown}"
    );
    // A folder the codes table does not know: named from its folder, no abbreviation.
    let statutes = at("Statuts de l'association");
    assert!(!rows[statutes].contains(" · "), "{shown}");
    assert!(
        crpa < travail && travail < statutes,
        "in their titles' order"
    );
}

#[test]
fn enter_opens_a_codes_contents_and_backspace_comes_back_to_the_home() {
    let mut app = at_home(80, 24);
    keys(&mut app, "j Enter");
    let contents = app.contents().expect("Enter opens the contents");
    assert_eq!(contents.toc.code, "code-du-travail");
    assert!(screen(&app).contains("Contents · Code du travail"));
    keys(&mut app, "Backspace");
    let home = app.home().expect("Backspace goes back to the home");
    assert_eq!(home.cursor, 1, "at the code it left");
    // Esc and the contents' own key close it back to the home too.
    keys(&mut app, "Enter Esc");
    assert!(app.home().is_some());
    keys(&mut app, "Enter t");
    assert!(app.home().is_some());
    // And `t` opens them from the home as Enter does.
    keys(&mut app, "t");
    assert_eq!(
        app.contents().map(|c| c.toc.code.as_str()),
        Some("code-du-travail")
    );
}

#[test]
fn an_article_opened_from_the_home_is_the_first_of_the_stack() {
    let mut app = at_home(80, 24);
    assert!(app.nothing_read());
    // The code du travail's contents: its part, its section, its first article.
    keys(&mut app, "j Enter l j l j Enter");
    assert!(app.overlay().is_none(), "{}", screen(&app));
    assert_eq!(app.current().article.num, "L5312-1");
    assert_eq!(app.history().entries().len(), 1, "nothing under it");
    keys(&mut app, "Backspace");
    assert!(app.overlay().is_none());
    assert!(screen(&app).contains("nothing to go back to"));
    // M comes back to the home, on the article's code; Esc goes back to the article.
    keys(&mut app, "M");
    assert_eq!(app.home().map(|h| h.cursor), Some(1));
    keys(&mut app, "Esc");
    assert!(app.overlay().is_none());
    assert_eq!(app.current().article.num, "L5312-1");
}

#[test]
fn with_nothing_read_the_home_stays_and_what_it_opens_comes_back_to_it() {
    let mut app = at_home(80, 24);
    keys(&mut app, "Esc");
    assert!(app.home().is_some(), "no article to go back to");
    assert!(screen(&app).contains("Nothing read yet"));
    keys(&mut app, "?");
    assert!(app.help_scroll().is_some());
    keys(&mut app, "Esc");
    assert!(app.home().is_some(), "the help closes back to the home");
    keys(&mut app, "g Esc");
    assert!(app.home().is_some(), "so does go-to");
    keys(&mut app, "g L 6 1 2 3 - 1 Enter");
    assert_eq!(app.current().article.num, "L6123-1");
    assert!(app.overlay().is_none());
    assert_eq!(app.history().entries().len(), 1);
}

#[test]
fn the_home_scrolls_to_keep_its_cursor_in_view_at_40x12() {
    // 8 rows of text: 4 codes of 2 rows fit; the fixture's 3 never scroll.
    let mut app = at_home(40, 12);
    keys(&mut app, "G");
    assert_eq!(app.home().map(|h| (h.cursor, h.top)), Some((2, 0)));
    let mut app = at_home(40, 7);
    // 3 rows of text: one code at a time.
    keys(&mut app, "j j");
    assert_eq!(app.home().map(|h| (h.cursor, h.top)), Some((2, 2)));
    assert!(screen(&app).contains("Statuts"), "{}", screen(&app));
    keys(&mut app, "g g Esc Home");
    assert_eq!(app.home().map(|h| (h.cursor, h.top)), Some((0, 0)));
}
