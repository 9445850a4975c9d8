//! The prompts driven through `App::update`: editing mid-text, entries recalled
//! across runs, and pastes, on the small mirror of `app::tests`.

use super::super::tests::mirror;
use super::*;
use crate::model::article::Citations;
use crate::saved::paths::Paths;

/// The reader on L9-9, its files in `home`.
fn reader(home: &std::path::Path) -> (tempfile::TempDir, App) {
    let (dir, mirror) = mirror();
    let path = mirror.find_number(None, "L9-9").expect("L9-9");
    let article = mirror.article(&path, Citations::Now).expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    app.files = Some(Paths::in_folders(
        home.join("config"),
        home.join("data"),
        home.join("cache"),
    ));
    (dir, app)
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

fn paste(app: &mut App, text: &str) {
    for action in Action::pasted(text) {
        app.update(action);
    }
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

fn edit(app: &mut App, edit: Edit, times: usize) {
    for _ in 0..times {
        app.update(Action::Edit(edit));
    }
    // As the loop does once the keys pause: the prompt answers.
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

/// The prompt's text with `|` at its cursor.
fn shown(app: &App) -> String {
    let p = app.prompt().expect("a prompt open");
    format!("{}|{}", &p.text()[..p.cursor()], &p.text()[p.cursor()..])
}

fn labels(app: &App) -> Vec<String> {
    app.picker()
        .map(|p| p.items.iter().map(|i| i.label.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn go_to_edits_mid_text_and_its_answers_follow() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    app.update(Action::GoTo);
    type_in(&mut app, "L. 9-0");
    assert!(labels(&app).is_empty());
    edit(&mut app, Edit::Left, 1);
    type_in(&mut app, "1");
    assert_eq!(shown(&app), "L. 9-1|0");
    assert_eq!(labels(&app), ["L9-10 · Code du travail"]);
    // Delete under the cursor, Ctrl-U, Ctrl-K: each answers again.
    edit(&mut app, Edit::Delete, 1);
    assert_eq!(shown(&app), "L. 9-1|");
    assert_eq!(labels(&app)[0], "L9-1 · Code du travail");
    edit(&mut app, Edit::WordLeft, 1);
    edit(&mut app, Edit::KillToEnd, 1);
    assert_eq!(shown(&app), "L. 9-|");
    edit(&mut app, Edit::Home, 1);
    edit(&mut app, Edit::KillToEnd, 1);
    assert!(labels(&app).is_empty());
}

#[test]
fn up_recalls_what_was_entered_in_an_earlier_run_and_down_gives_the_line_back() {
    let home = tempfile::tempdir().expect("temp dir");
    {
        let (_dir, mut app) = reader(home.path());
        for num in ["L9-3", "L6123-1"] {
            app.update(Action::GoTo);
            type_in(&mut app, num);
            app.update(Action::Activate);
            assert_eq!(app.current().article.num, num);
        }
        app.update(Action::Find);
        type_in(&mut app, "texte");
        app.update(Action::Activate);
    }
    let (_dir, mut app) = reader(home.path());
    app.update(Action::GoTo);
    // Empty, no answers: ↑ recalls, newest first.
    app.update(Action::Up);
    app.update(Action::Idle);
    assert_eq!(shown(&app), "L6123-1|");
    assert_eq!(labels(&app)[0], "L6123-1 · Code du travail");
    // Answers listed: ↑/↓ move in them; Ctrl-P still recalls.
    app.update(Action::Edit(Edit::Older));
    assert_eq!(shown(&app), "L9-3|");
    app.update(Action::Edit(Edit::Newer));
    app.update(Action::Edit(Edit::Newer));
    assert_eq!(shown(&app), "|", "past the newest: the empty line typed");
    app.update(Action::Cancel);
    // Each prompt has its own entries.
    app.update(Action::Find);
    app.update(Action::Up);
    assert_eq!(shown(&app), "texte|");
    app.update(Action::Down);
    assert_eq!(shown(&app), "|");
}

#[test]
fn up_and_down_move_in_the_answers_when_there_are_some() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    app.update(Action::GoTo);
    type_in(&mut app, "L9-");
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.picker().map(|p| p.selected), Some(2));
    assert_eq!(shown(&app), "L9-|", "the text untouched");
}

#[test]
fn a_paste_on_the_article_opens_the_one_article_it_names() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    paste(&mut app, "L. 9-1\n");
    assert!(app.picker().is_none(), "opened, the list closed");
    assert_eq!(app.current().article.num, "L9-1");
    // Several answers, none the number itself: go-to stays open with the text.
    paste(&mut app, "L. 9");
    assert!(app.typing());
    assert_eq!(shown(&app), "L. 9|");
    assert_eq!(labels(&app).len(), 5);
    // The go-to entry was kept, as Enter keeps it.
    app.update(Action::Cancel);
    app.update(Action::GoTo);
    app.update(Action::Up);
    assert_eq!(shown(&app), "L. 9-1|");
}

#[test]
fn a_paste_is_never_keys() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    paste(&mut app, "q\u{1b}[Ag\u{3}zR\u{1a}:q!\r\n");
    assert!(!app.quitting());
    assert!(app.history().entries().len() == 1, "nothing opened");
    assert_eq!(shown(&app), "q[AgzR:q!|", "go-to's text, controls dropped");
    // Into the `/` prompt, at its cursor.
    app.update(Action::Cancel);
    app.update(Action::Find);
    type_in(&mut app, "Te");
    app.update(Action::Edit(Edit::Home));
    paste(&mut app, "Selon\t");
    assert_eq!(shown(&app), "Selon |Te");
    assert!(!app.quitting());
    // Over a list that takes no text: said, nothing done.
    app.update(Action::Cancel);
    app.update(Action::Help);
    paste(&mut app, "q");
    assert!(!app.quitting());
    assert_eq!(app.help_scroll(), Some(0));
    assert!(app.status().is_some_and(|s| s.text.contains("paste")));
}

#[test]
fn backspace_on_an_empty_find_prompt_still_closes_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    app.update(Action::Find);
    type_in(&mut app, "a");
    app.update(Action::Edit(Edit::Home));
    app.update(Action::InputBack);
    assert!(
        app.finding(),
        "nothing before the cursor, but text after it"
    );
    app.update(Action::Edit(Edit::End));
    app.update(Action::InputBack);
    app.update(Action::InputBack);
    assert!(!app.finding());
}

#[test]
fn the_date_prompt_recalls_its_dates() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    app.update(Action::ReadAt);
    type_in(&mut app, "2020-03-01");
    app.update(Action::Activate);
    app.update(Action::ReadAt);
    app.update(Action::Up);
    assert_eq!(shown(&app), "2020-03-01|");
    edit(&mut app, Edit::WordLeft, 1);
    app.update(Action::Edit(Edit::KillWordForward));
    type_in(&mut app, "15");
    assert_eq!(shown(&app), "2020-03-15|");
}

#[test]
fn go_to_answers_once_the_keys_pause_and_esc_does_not_wait() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    app.update(Action::GoTo);
    // Keys as a burst: each is in the prompt at once, the look-up waits.
    for c in "L. 9-1".chars() {
        app.update(Action::Input(c));
        assert!(app.answers_due());
    }
    assert_eq!(shown(&app), "L. 9-1|");
    assert!(labels(&app).is_empty(), "not looked up yet");
    // The loop's idle turn: one look-up for the burst.
    app.update(Action::Idle);
    assert!(!app.answers_due());
    assert_eq!(labels(&app)[0], "L9-1 · Code du travail");
    // Enter acts on the text typed, even before the pause.
    type_in(&mut app, "0");
    app.update(Action::Input('x'));
    app.update(Action::InputBack);
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L9-10");
    // Esc closes without looking up, and a prompt opened later owes nothing.
    app.update(Action::GoTo);
    app.update(Action::Input('L'));
    app.update(Action::Cancel);
    assert!(!app.answers_due() && app.picker().is_none());
    app.update(Action::ReadAt);
    assert!(!app.answers_due());
}

#[test]
fn a_paste_past_what_go_to_looks_up_says_so() {
    let home = tempfile::tempdir().expect("temp dir");
    let (_dir, mut app) = reader(home.path());
    app.update(Action::GoTo);
    let long: String = "L. 9-1 ".chars().cycle().take(1000).collect();
    paste(&mut app, &long);
    assert!(labels(&app).is_empty());
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.starts_with("Too long to look up"), "{status}");
    // Cut back under the cap, it answers again.
    edit(&mut app, Edit::KillToStart, 1);
    paste(&mut app, "L. 9-1");
    assert_eq!(labels(&app)[0], "L9-1 · Code du travail");
    // Pasted on the article, it opens nothing and says why.
    app.update(Action::Cancel);
    paste(&mut app, &long);
    assert_eq!(app.current().article.num, "L9-9");
    assert!(app.picker().is_some());
}
