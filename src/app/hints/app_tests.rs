//! The labels through `App::update`: typing one does what Enter on its reference
//! does, a first letter narrows, Esc, a key that starts no label, the mouse and a
//! paste close them; the citations being found wait while they are shown.

use super::*;
use crate::app::action::Action;
use crate::model::article::Citations;

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
fn capital_f_then_a_label_peeks_at_its_reference_and_labels_reach_into_the_peek() {
    let (_dir, mut app) = fifteen();
    let page = crate::app::peek::tests::page;
    app.update(Action::PeekHint);
    type_label(&mut app, "d");
    assert_eq!(app.current().article.num, "L99", "nothing opened");
    let e = app.current();
    let selected = e.view.selected.expect("a reference selected");
    assert_eq!(e.shown().links[selected].text, "L. 3");
    assert!(
        page(&app).iter().any(|b| b.contains("Texte 3.")),
        "L3's text quoted under the reference: {:?}",
        page(&app)
    );
    // F again, and the same label: the peek closes, as K again would.
    app.update(Action::PeekHint);
    type_label(&mut app, "d");
    assert!(
        !page(&app).iter().any(|b| b.contains("Texte 3.")),
        "{:?}",
        page(&app)
    );
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
