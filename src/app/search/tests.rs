//! The `/` search driven through `App::update` on the real L6123-1: matches as one
//! types, `n`/`N` round the end, folded items unfolded, Esc putting everything back.

use super::*;
use crate::mirror::Mirror;
use crate::model::article::Citations;

fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/partie/section");
    std::fs::create_dir_all(&section).expect("mkdir");
    std::fs::write(
        section.join("l6123-1.md"),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/l6123-1.md"
        )),
    )
    .expect("write");
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "L6123-1").expect("L6123-1");
    let article = mirror.article(&path, Citations::Now).expect("load");
    (dir, App::new(mirror, article, (80, 24)))
}

fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
    // As the loop does once the keys pause: the prompt answers.
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn cursor_text(app: &App) -> String {
    let e = app.current();
    e.article.blocks[e.view.cursor].plain_text()
}

#[test]
fn slash_finds_as_one_types_and_n_goes_round() {
    let (_dir, mut app) = app();
    app.update(Action::Find);
    assert!(app.typing(), "keys are text in the prompt");
    type_in(&mut app, "FORMATION");
    assert_eq!(app.find_prompt().map(|p| p.text()), Some("FORMATION"));
    assert_eq!(status(&app), "match 1 of 3 for FORMATION");
    app.update(Action::Activate);
    assert!(!app.typing());
    app.update(Action::NextMatch);
    assert_eq!(status(&app), "match 2 of 3 for FORMATION");
    app.update(Action::NextMatch);
    // The third is in 1°, folded when the article opened: it is unfolded now.
    assert!(
        cursor_text(&app).starts_with("1° Favoriser"),
        "{}",
        cursor_text(&app)
    );
    let e = app.current();
    assert!(!e.view.folded[e.view.cursor]);
    app.update(Action::NextMatch);
    assert_eq!(status(&app), "match 1 of 3 for FORMATION", "round the end");
    app.update(Action::PrevMatch);
    assert_eq!(status(&app), "match 3 of 3 for FORMATION", "and back");
}

#[test]
fn accents_and_case_aside_and_every_word_needed() {
    let (_dir, mut app) = app();
    app.update(Action::Find);
    type_in(&mut app, "comite");
    assert_eq!(status(&app), "match 1 of 2 for comite", "Comité and comité");
    for _ in 0..6 {
        app.update(Action::InputBack);
    }
    type_in(&mut app, "comite introuvable");
    assert_eq!(status(&app), "no match for comite introuvable");
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn escape_puts_the_cursor_and_the_folds_back() {
    let (_dir, mut app) = app();
    let before = app.current().view.clone();
    app.update(Action::Find);
    type_in(&mut app, "coordination");
    assert!(cursor_text(&app).starts_with("1° Favoriser"));
    assert_ne!(app.current().view, before);
    app.update(Action::Cancel);
    assert_eq!(app.current().view, before);
    assert!(app.find.is_none() && !app.typing());
    app.update(Action::NextMatch);
    assert!(
        status(&app).starts_with("No search yet"),
        "{}",
        status(&app)
    );
}

#[test]
fn matches_cut_by_the_wrap_are_found_on_both_lines() {
    let (_dir, app) = app();
    let e = app.current();
    let query = Query::parse("\"orientation et de la formation\"");
    let found = line_matches(&query, app.layout(), &e.article, 0);
    assert!(!found.is_empty());
    assert!(found.iter().all(|(k, _, _)| *k == 0));
}

/// What `/` is typed is found as one phrase, as `less` finds it: in a table as in
/// the text, the words together and in order, not each word on its own (`de`, in
/// every other cell, took a reader to the table's top, « match 1 of 70 »).
#[test]
fn slash_finds_what_is_typed_as_one_phrase_in_a_table_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/partie/section");
    std::fs::create_dir_all(&section).expect("mkdir");
    let mut rows = String::new();
    for (name, n) in [
        ("Acétate de butyle", "1"),
        ("Acétate de 2-butoxyéthyle", "2"),
        ("Acide de test", "3"),
        ("Acroléine de test", "4"),
        ("Acrylamide de test", "5"),
        ("Acrylate de butyle", "6"),
        ("Acrylate de méthyle", "7"),
        ("Acrylonitrile de test", "8"),
    ] {
        rows.push_str(&format!("<tr><td>{name}</td><td>{n}</td></tr>"));
    }
    std::fs::write(
        section.join("r1-1.md"),
        format!(
            "# Article R1-1\n\n<p>Les valeurs de ce tableau ne doivent pas être dépassées.</p>\
             <table><tr><th>Dénomination</th><th>Valeur</th></tr>{rows}</table>"
        ),
    )
    .expect("write");
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "R1-1").expect("R1-1");
    let article = mirror.article(&path, Citations::Now).expect("load");
    let mut app = App::new(mirror, article, (80, 10));
    app.update(Action::Find);
    type_in(&mut app, "acrylate de méthyle");
    assert_eq!(status(&app), "match 1 of 1 for acrylate de méthyle");
    // The line of the match is on the screen.
    let e = app.current();
    let (block, k) = app
        .find
        .as_ref()
        .and_then(|f| f.current_match(&e.article.path))
        .expect("a match");
    assert_eq!(k, 0);
    let found = line_matches(
        &app.find.as_ref().expect("find").query,
        app.layout(),
        &e.article,
        block,
    );
    let line = found[0].1;
    let text = line_text(&app.layout().lines(&e.article, block)[line]);
    assert!(text.contains("Acrylate de méthyle"), "{text}");
    let top = e.view.top;
    assert!(
        top.block < block || (top.block == block && top.line <= line && line < top.line + 7),
        "line {line} of block {block} shown from {top:?}"
    );
    // Two words typed in the other order are not the phrase.
    for _ in 0.."acrylate de méthyle".chars().count() {
        app.update(Action::InputBack);
    }
    type_in(&mut app, "méthyle acrylate");
    assert_eq!(status(&app), "no match for méthyle acrylate");
}
