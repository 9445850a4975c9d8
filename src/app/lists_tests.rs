//! The lists that open articles, on a mirror of two codes that share numbers: the
//! "which code?" choice puts the article chosen in place of the one shown meanwhile,
//! go-to ranks the code read first, and neither stacks an article twice.

use super::*;
use crate::model::article::Citations;
use crate::saved::paths::Paths;

const TRAVAIL: &str = "code-du-travail/partie-legislative";
const RURAL: &str = "code-rural-et-de-la-peche-maritime/partie-legislative";

/// A mirror of the articles `L{num}`, each in its folder with its HTML.
fn mirror_of(articles: &[(&str, &str, &str)]) -> (tempfile::TempDir, Mirror) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (folder, num, html) in articles {
        let folder = dir.path().join(folder);
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(
            folder.join(format!("l{num}.md")),
            format!("# Article L{num}\n\n{html}"),
        )
        .expect("write");
    }
    let mirror = Mirror::open(dir.path()).expect("mirror");
    (dir, mirror)
}

/// L1-1 in both codes, L2-1 in the code rural only, L3-1 in the code du travail.
fn mirror() -> (tempfile::TempDir, Mirror) {
    let text = "<p>Texte.</p>";
    mirror_of(&[
        (TRAVAIL, "1-1", text),
        (RURAL, "1-1", text),
        (RURAL, "2-1", text),
        (TRAVAIL, "3-1", text),
    ])
}

/// The reader on the article at `path`, its files in `home`.
fn reader(mirror: Mirror, path: &str, home: &std::path::Path) -> App {
    let article = mirror.article(path, Citations::Now).expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    app.files = Some(Paths::in_folders(
        home.join("config"),
        home.join("data"),
        home.join("cache"),
    ));
    app
}

/// The paths on the stack, first opened first.
fn stack(app: &App) -> Vec<String> {
    app.history()
        .entries()
        .iter()
        .map(|e| e.article.path.clone())
        .collect()
}

/// The paths noted as read, newest first.
fn read(app: &App) -> Vec<String> {
    let files = app.files.as_ref().expect("files");
    let key = crate::saved::session::mirror_key(app.mirror());
    crate::saved::visits::newest_first(&files.history, &key)
        .unwrap_or_default()
        .into_iter()
        .map(|v| v.path)
        .collect()
}

/// Opened as the command line opens a number in several codes: the first shown, the
/// codes offered.
fn asked(home: &std::path::Path) -> (tempfile::TempDir, App) {
    let (dir, mirror) = mirror();
    let choices = mirror.in_each_code("L1-1");
    assert_eq!(choices.len(), 2, "{choices:?}");
    let mut app = reader(mirror, &choices[0], home);
    assert!(app.offer(choices));
    (dir, app)
}

#[test]
fn the_code_chosen_takes_the_place_of_the_one_shown_meanwhile() {
    // Each choice, the one shown meanwhile and the other: the stack holds it once,
    // and Backspace has nothing before it to go back to.
    for down in [0, 1] {
        let home = tempfile::tempdir().expect("home");
        let (_dir, mut app) = asked(home.path());
        let offered: Vec<String> = app
            .picker()
            .map(|p| p.items.iter().map(|i| i.path.clone()).collect())
            .unwrap_or_default();
        for _ in 0..down {
            app.update(Action::Down);
        }
        app.update(Action::Activate);
        let chosen = offered[down].clone();
        assert!(app.picker().is_none());
        assert_eq!(stack(&app), std::slice::from_ref(&chosen), "choice {down}");
        app.update(Action::Back);
        assert_eq!(app.current().article.path, chosen, "choice {down}");
        // Noted as read once, and only what was chosen.
        assert_eq!(read(&app), [chosen], "choice {down}");
    }
}

#[test]
fn no_choice_made_leaves_the_article_shown_as_the_one_read() {
    let home = tempfile::tempdir().expect("home");
    let (_dir, mut app) = asked(home.path());
    let shown = app.current().article.path.clone();
    app.update(Action::Cancel);
    assert!(app.picker().is_none());
    assert_eq!(stack(&app), std::slice::from_ref(&shown));
    assert_eq!(read(&app), [shown]);
}

#[test]
fn go_to_ranks_the_code_read_first_and_back_returns_to_it() {
    for (code, other) in [(TRAVAIL, RURAL), (RURAL, TRAVAIL)] {
        let home = tempfile::tempdir().expect("home");
        let (_dir, mirror) = mirror();
        let start = mirror
            .find_named(code.split('/').next().unwrap_or_default(), "l1-1.md")
            .into_iter()
            .next()
            .expect("L1-1 in the code");
        let mut app = reader(mirror, &start, home.path());
        app.update(Action::GoTo);
        for c in "L1-1".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Idle);
        let first = app
            .picker()
            .and_then(|p| p.items.first())
            .map(|i| i.path.clone());
        assert_eq!(first.as_deref(), Some(start.as_str()), "read in {code}");
        // The other code's, and choosing it stacks it on the one read.
        app.update(Action::Down);
        app.update(Action::Activate);
        assert!(app.current().article.path.starts_with(other), "{code}");
        assert_eq!(stack(&app).len(), 2);
        app.update(Action::Back);
        assert_eq!(app.current().article.path, start);
    }
}

#[test]
fn going_to_the_article_shown_does_not_stack_it_again() {
    let home = tempfile::tempdir().expect("home");
    let (_dir, mirror) = mirror();
    let l3 = mirror.find_number(None, "L3-1").expect("L3-1");
    let mut app = reader(mirror, &l3, home.path());
    app.update(Action::GoTo);
    for c in "L3-1".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    assert_eq!(stack(&app), std::slice::from_ref(&l3));
    // Another article, then the first again: stacked, as any article opened.
    app.update(Action::GoTo);
    for c in "L2-1".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    assert_eq!(stack(&app).len(), 2);
    app.update(Action::Back);
    assert_eq!(app.current().article.path, l3);
}

/// L3-1 of the code du travail, cited from its livres V and IX (which a file system
/// sorts IX first) and from the code rural.
fn cited_from_two_codes() -> (tempfile::TempDir, Mirror) {
    let cites = "<p>Selon l'article L. 3-1 du code du travail, texte.</p>";
    let (nine, five) = (
        format!("{TRAVAIL}/livre-ix-z"),
        format!("{TRAVAIL}/livre-v-y"),
    );
    mirror_of(&[
        (TRAVAIL, "3-1", "<p>Texte.</p>"),
        (&nine, "9-1", cites),
        (&five, "5-1", cites),
        (RURAL, "2-1", cites),
    ])
}

/// The reader on L3-1 of [`cited_from_two_codes`], its files in `home`.
fn reading_cited(home: &std::path::Path) -> (tempfile::TempDir, App) {
    let (dir, mirror) = cited_from_two_codes();
    let path = mirror
        .find_number(Some("code-du-travail"), "L3-1")
        .expect("L3-1");
    (dir, reader(mirror, &path, home))
}

/// Lets the loop's idle turns take the answers of the search started until it ends.
fn wait_for_search(app: &mut App) {
    let start = std::time::Instant::now();
    while app.searching() {
        app.update(Action::Idle);
        assert!(start.elapsed().as_secs() < 60, "the search ends");
    }
}

fn listed(app: &App) -> Vec<String> {
    app.picker()
        .map(|p| {
            p.items
                .iter()
                .map(|i| crate::mirror::number_of_file(&i.path))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn c_in_a_list_of_several_codes_puts_it_in_the_codes_order_and_back() {
    let home = tempfile::tempdir().expect("home");
    let (_dir, mut app) = reading_cited(home.path());
    app.update(Action::CitedBy);
    assert_eq!(
        listed(&app),
        ["L9-1", "L5-1", "L2-1"],
        "as the backlinks hold them"
    );
    app.update(Action::Down);
    app.update(Action::CitedBy);
    assert_eq!(
        listed(&app),
        ["L5-1", "L9-1", "L2-1"],
        "the code read first, livre V before IX, then the code rural"
    );
    let picker = app.picker().expect("open");
    assert_eq!(
        picker
            .current()
            .map(|i| crate::mirror::number_of_file(&i.path))
            .as_deref(),
        Some("L5-1")
    );
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("codes' order"))
    );
    app.update(Action::CitedBy);
    assert_eq!(listed(&app), ["L9-1", "L5-1", "L2-1"], "back as they came");
    // Enter still opens the one highlighted, at its sentence.
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L5-1");
}

#[test]
fn alt_c_keeps_a_search_to_the_answers_code_and_alt_o_orders_it() {
    let home = tempfile::tempdir().expect("home");
    let (_dir, mut app) = reading_cited(home.path());
    app.update(Action::SearchMirror);
    for c in "selon".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Activate);
    wait_for_search(&mut app);
    let mut all = listed(&app);
    all.sort();
    assert_eq!(all, ["L2-1", "L5-1", "L9-1"]);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Alt-C")),
        "the keys said"
    );
    // Alt-O: the codes' order, the code read first.
    app.update(Action::CodeOrder);
    assert_eq!(listed(&app), ["L5-1", "L9-1", "L2-1"]);
    // Alt-C on the code rural's answer: the search again, in that code only.
    while app
        .picker()
        .and_then(|p| p.current())
        .is_some_and(|i| !i.path.starts_with("code-rural"))
    {
        app.update(Action::Down);
    }
    app.update(Action::KeepToCode);
    let typed = app
        .picker()
        .and_then(|p| p.query.as_ref())
        .map(|q| q.text().to_owned());
    assert_eq!(typed.as_deref(), Some("selon code:C.rur."));
    wait_for_search(&mut app);
    assert_eq!(listed(&app), ["L2-1"]);
}
