//! The main screens in both languages (issue 20): the home, the article, the help, go-to, the
//! search of the mirror, « cité par », the bookmarks and a reference that leads
//! nowhere, on the bundled sample at 80x24 and 40x12, in English and in French. The
//! test's thread speaks the language (`lang::set_here`), as a process does once
//! `main` has chosen it.

use loi::app::action::Action;
use loi::app::keymap::Keymap;
use loi::app::{App, Start};
use loi::mirror::Mirror;
use loi::model::article::Citations;
use loi::model::lang::{self, Lang};
use loi::saved::paths::Paths;

use crate::support::screen::{SEED, keys, screen};

/// The bundled sample at `size`, its seed article open (or the home, without one),
/// bookmarks kept in `home`.
fn reader(size: (u16, u16), home: &std::path::Path, seed: bool) -> App {
    let mirror = Mirror::bundled();
    let article = seed.then(|| mirror.article(SEED, Citations::Now).expect("seed"));
    let start = Start {
        size,
        keymap: Keymap::default(),
        files: Some(Paths::in_folders(
            home.join("config"),
            home.join("data"),
            home.join("cache"),
        )),
        session: None,
        choices: Vec::new(),
        note: None,
        date: None,
        point: Vec::new(),
        citation: Default::default(),
    };
    App::start(mirror, article, start)
}

/// Each screen of the tour, named, as `lang` shows it at `size`.
fn tour(lang: Lang, size: (u16, u16)) -> Vec<(&'static str, String)> {
    lang::set_here(lang);
    let home = tempfile::tempdir().expect("home");
    let mut shots = vec![("home", screen(&reader(size, home.path(), false)))];
    let mut app = reader(size, home.path(), true);
    shots.push(("article", screen(&app)));

    app.update(Action::Help);
    shots.push(("help", screen(&app)));
    app.update(Action::Cancel);

    keys(&mut app, "g 6 1 2 3 - 1");
    shots.push(("goto", screen(&app)));
    app.update(Action::Cancel);

    keys(&mut app, "s");
    shots.push(("search_prompt", screen(&app)));
    keys(&mut app, "m é d i a t e u r Enter");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while app.has_idle_work() {
        assert!(
            std::time::Instant::now() < deadline,
            "the search never ended"
        );
        app.update(Action::Idle);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    shots.push(("search_found", screen(&app)));
    app.update(Action::Cancel);

    // « Cité par » of L6123-1, which the seed cites.
    keys(&mut app, "g L 6 1 2 3 - 1 Enter");
    app.update(Action::CitedBy);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while app.picker().is_none() {
        assert!(std::time::Instant::now() < deadline, "cité par never came");
        app.update(Action::Idle);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    shots.push(("cited_by", screen(&app)));
    app.update(Action::Cancel);

    app.update(Action::Bookmark);
    shots.push(("bookmarked", screen(&app)));
    app.update(Action::Bookmarks);
    shots.push(("bookmarks", screen(&app)));
    app.update(Action::Cancel);

    // A reference to an article the sample lacks: the status line says why.
    app.update(Action::Back);
    keys(&mut app, "Tab Enter");
    shots.push(("dead_reference", screen(&app)));
    lang::set_here(Lang::En);
    shots
}

/// The bookmarks' date is today's: written as a placeholder so the shots hold, also
/// where a narrow list cuts it (`2026-12…`).
fn dated(shot: String) -> String {
    let today = loi::model::date::today();
    shot.lines()
        .map(|line| {
            if !line.contains(" · ") {
                return line.to_owned();
            }
            let mut line = line.replace(&today, "YYYY-MM-DD");
            for (cut, mask) in [(7, "YYYY-MM"), (5, "YYYY-")] {
                line = line.replace(&format!("{}…", &today[..cut]), &format!("{mask}…"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(lang: Lang, size: (u16, u16)) {
    let name = match lang {
        Lang::En => "en",
        Lang::Fr => "fr",
    };
    for (screen_name, shot) in tour(lang, size) {
        insta::assert_snapshot!(
            format!("{screen_name}_{name}_{}x{}", size.0, size.1),
            dated(shot)
        );
    }
}

#[test]
fn english_at_80x24() {
    check(Lang::En, (80, 24));
}

#[test]
fn english_at_40x12() {
    check(Lang::En, (40, 12));
}

#[test]
fn french_at_80x24() {
    check(Lang::Fr, (80, 24));
}

#[test]
fn french_at_40x12() {
    check(Lang::Fr, (40, 12));
}

#[test]
fn the_french_screens_show_no_english_word() {
    let english = [
        " opens",
        " closes",
        "Search",
        "Bookmark",
        "? keys",
        "Tab references",
        "back ·",
        "q quit",
        "Go to",
        "is cited by",
        "not in this mirror",
        "Codes of",
    ];
    for size in [(80, 24), (40, 12)] {
        for (name, shot) in tour(Lang::Fr, size) {
            for word in english {
                // A whole word: `q quit` is not in `q quitter`.
                let said = shot
                    .match_indices(word)
                    .any(|(at, _)| !shot[at + word.len()..].starts_with(char::is_alphabetic));
                assert!(!said, "{name} at {size:?} says {word:?}:\n{shot}");
            }
        }
    }
}
