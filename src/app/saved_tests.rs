//! `m`, `'`, `H`, `Y` and the OSC 52 sequences `y` and `Y` write, on the small mirror
//! of `tests`, with the files in a temporary folder.

use super::tests::app;
use super::*;
use crate::app::effect::{self, Effect};
use crate::app::picker::Listing;
use crate::saved::paths::Paths;

/// The app on L9-9, keeping its files in `home`.
fn app_with_files(home: &std::path::Path) -> (tempfile::TempDir, App) {
    let (dir, mut app) = app();
    app.files = Some(Paths::in_folders(
        home.join("config"),
        home.join("data"),
        home.join("cache"),
    ));
    (dir, app)
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// What the terminal receives for an effect, decoded back from OSC 52.
fn clipboard(effects: &[Effect]) -> String {
    use base64::Engine;
    let [Effect::Copy(copied)] = effects else {
        panic!("one copy: {effects:?}")
    };
    let mut out = Vec::new();
    effect::copy(copied, &mut out).expect("written");
    let text = String::from_utf8(out).expect("ASCII");
    let body = text
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .expect("an OSC 52 sequence");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body)
        .expect("base64");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn m_bookmarks_the_point_and_quote_lists_and_opens_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = app_with_files(home.path());
    app.update(Action::Bookmark);
    assert_eq!(status(&app), "Bookmarked L9-9 · ' lists the bookmarks");
    // To the 1° of I.
    app.update(Action::Down);
    app.update(Action::Unfold);
    app.update(Action::Down);
    app.update(Action::Bookmark);
    assert!(
        status(&app).starts_with("Bookmarked L9-9 I 1°"),
        "{}",
        status(&app)
    );
    app.update(Action::Top);

    app.update(Action::Bookmarks);
    let picker = app.picker().expect("the list");
    assert_eq!(picker.listing, Listing::Bookmarks);
    let labels: Vec<&str> = picker.items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels.len(), 2);
    assert!(
        labels[0].starts_with("L9-9 I 1° · Code du travail · 20"),
        "{labels:?}"
    );
    assert!(labels[1].starts_with("L9-9 · "), "{labels:?}");
    app.update(Action::Activate);
    assert!(app.picker().is_none());
    let entry = app.current();
    assert_eq!(entry.article.num, "L9-9");
    let cursor = entry.view.cursor;
    assert_eq!(
        entry.article.blocks[cursor].marker.map(|m| m.label()),
        Some("1°".to_owned())
    );

    // d deletes the highlighted one, and the file says so; the list's footer says it.
    app.update(Action::Bookmarks);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    term.draw(|f| crate::screen::draw(f, &app, &crate::screen::theme::Theme::default()))
        .unwrap();
    let shown: String = term
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        shown.contains("Enter opens · d deletes · Esc closes"),
        "{shown}"
    );
    app.update(Action::Delete);
    assert!(
        status(&app).starts_with("Deleted the bookmark L9-9 I 1°"),
        "{}",
        status(&app)
    );
    assert_eq!(app.picker().map(|p| p.items.len()), Some(1));
    let file = home.path().join("data/bookmarks.json");
    assert_eq!(crate::saved::bookmarks::load(&file).expect("load").len(), 1);
    app.update(Action::Cancel);
    app.update(Action::Delete);
    assert!(
        status(&app).contains("in the list"),
        "outside the list, only a hint"
    );
}

#[test]
fn h_lists_the_articles_read_newest_first_and_opens_one() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = app_with_files(home.path());
    app.update(Action::ReadHistory);
    assert_eq!(status(&app), "No article read yet");
    app.note_read();
    for n in ["L9-1", "L9-2", "L9-1"] {
        let p = app.mirror.find_number(None, n).expect("article");
        app.open_path(&p, &[]);
    }
    app.update(Action::ReadHistory);
    let picker = app.picker().expect("the list");
    assert_eq!(picker.listing, Listing::Read);
    let nums: Vec<&str> = picker
        .items
        .iter()
        .map(|i| i.label.split(' ').next().unwrap_or_default())
        .collect();
    assert_eq!(nums, ["L9-1", "L9-2", "L9-9"]);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L9-9");
}

#[test]
fn without_files_the_keys_say_so() {
    let (_dir, mut app) = app();
    app.update(Action::Bookmark);
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    app.update(Action::ReadHistory);
    assert!(app.picker().is_none());
}

#[test]
fn y_writes_the_citation_in_osc_52() {
    let (_dir, mut app) = app();
    app.update(Action::Copy);
    assert_eq!(clipboard(&app.take_effects()), "C. trav., art. L. 9-9");
    assert_eq!(status(&app), "Copied: C. trav., art. L. 9-9");
    // The cursor in an item: its point, as a brief cites it.
    use crate::model::article::enumeration::{Marker, MarkerKind};
    let one = Marker {
        kind: MarkerKind::Roman,
        value: 1,
    };
    app.go_to_point(&[one]);
    app.update(Action::Copy);
    assert_eq!(clipboard(&app.take_effects()), "C. trav., art. L. 9-9, I");
    let first = Marker {
        kind: MarkerKind::Degree,
        value: 1,
    };
    app.go_to_point(&[one, first]);
    app.update(Action::Copy);
    assert_eq!(
        clipboard(&app.take_effects()),
        "C. trav., art. L. 9-9, I, 1°"
    );
}

#[test]
fn capital_y_writes_the_item_under_the_cursor_or_the_article_in_osc_52() {
    let (_dir, mut app) = app();
    app.update(Action::Down);
    app.update(Action::CopyText);
    assert_eq!(
        clipboard(&app.take_effects()),
        "I.-Premier :\n1° qui cite l'article L. 77-7."
    );
    assert_eq!(status(&app), "Copied 2 lines: I of L9-9");
    app.update(Action::Top);
    app.update(Action::CopyText);
    let all = clipboard(&app.take_effects());
    assert!(all.starts_with("Selon le 2° du I"), "{all}");
    assert!(all.contains("\nII.-Second.\n"), "{all}");
    assert!(
        status(&app).ends_with("lines: the whole of L9-9"),
        "{}",
        status(&app)
    );
}
