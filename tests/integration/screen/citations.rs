//! Citations typed into go-to (`g`), as lawyers write them (issue 20, item 2): each
//! form opens its code's article, at its point; a code no one calls so is answered
//! with the nearest names.

use crate::support::citations::{self, Form, file, forms, path, slug};
use crate::support::screen::screen;

use loi::app::App;
use loi::app::action::Action;
use loi::mirror::Mirror;
use loi::model::article::Citations;

/// The reader on the mirror of every code, at the code du travail's article 1240
/// (none of the forms names it: each opens another article, or moves in it).
fn reader(dir: &tempfile::TempDir, size: (u16, u16)) -> App {
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let start = path("code-du-travail", "1240.md");
    let article = mirror.article(&start, Citations::Later).expect("article");
    App::new(mirror, article, size)
}

/// `g`, `text` a character at a time, as the terminal hands them.
fn type_into_go_to(app: &mut App, text: &str) {
    app.update(Action::GoTo);
    for c in text.chars() {
        app.update(Action::Input(c));
    }
    // As the loop does once the keys pause: the prompt answers.
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

/// The markers of the item under the cursor and those around it, outermost first.
fn point_at_cursor(app: &App) -> Vec<String> {
    let entry = app.current();
    let article = &entry.article;
    let mut chain = article.ancestors(entry.view.cursor);
    chain.push(entry.view.cursor);
    chain
        .into_iter()
        .filter_map(|b| article.blocks[b].marker.map(|m| m.label()))
        .collect()
}

fn expected_path(form: &Form) -> String {
    let code = if form.code.is_empty() {
        "code-du-travail"
    } else {
        slug(form.code)
    };
    path(code, file(form.num))
}

#[test]
fn every_form_typed_into_go_to_opens_its_article_at_its_point() {
    let dir = citations::mirror();
    let mut failed = Vec::new();
    for form in forms() {
        let mut app = reader(&dir, (80, 24));
        type_into_go_to(&mut app, &form.text);
        // The article cited comes first, and, its code named, it alone is the number.
        let first = app
            .picker()
            .and_then(|p| p.items.first())
            .map(|i| i.path.clone());
        app.update(Action::Activate);
        let opened = app.current().article.path.clone();
        let point = point_at_cursor(&app);
        // No point: the article's top.
        let at_point = if form.point.is_empty() {
            app.current().view.cursor == 0
        } else {
            point == form.point
        };
        if first.as_deref() != Some(expected_path(&form).as_str())
            || opened != expected_path(&form)
            || !at_point
        {
            failed.push(format!(
                "{:?}: listed {first:?}, opened {opened} at {point:?}",
                form.text
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// What a paste needs: a citation naming its code names exactly one article.
#[test]
fn a_citation_naming_its_code_names_exactly_one_article() {
    let dir = citations::mirror();
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let index = mirror.index();
    for form in forms().iter().filter(|f| !f.code.is_empty()) {
        let look = loi::mirror::goto::look(&index, &form.text, Some("code-du-travail"));
        assert_eq!(look.exact, 1, "{}: {:?}", form.text, look.answers);
        assert_eq!(look.answers[0].path, expected_path(form), "{}", form.text);
    }
}

#[test]
fn a_misspelt_code_gets_its_nearest_names_and_a_missing_one_says_so() {
    let dir = citations::mirror();
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = reader(&dir, (cols, rows));
        type_into_go_to(&mut app, "art. L. 1234-9 C. trv.");
        let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
        assert_eq!(
            status,
            "No code « C. trv. »: did you mean C. trav. (Code du travail)?"
        );
        // The number in the code meant, to choose; Enter opens it.
        let listed: Vec<String> = app
            .picker()
            .map(|p| p.items.iter().map(|i| i.label.clone()).collect())
            .unwrap_or_default();
        assert_eq!(listed, ["L1234-9 · Code du travail"]);
        insta::assert_snapshot!(format!("go_to_misspelt_code_{cols}x{rows}"), screen(&app));
        app.update(Action::Activate);
        assert_eq!(
            app.current().article.path,
            path("code-du-travail", "l1234-9.md")
        );
    }
    // Nothing near: nothing listed, and how to name a code.
    let mut app = reader(&dir, (80, 24));
    type_into_go_to(&mut app, "art. L. 1 C. zzzzzz.");
    assert!(app.picker().is_some_and(|p| p.items.is_empty()));
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(
        status.contains("write its abbreviation or its title"),
        "{status}"
    );
    let mut app = reader(&dir, (80, 24));
    type_into_go_to(&mut app, "L. 1 C. transp.");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(status, "Code des transports is not in this mirror");
    // Words that are no code beside digits are a section's title, as before.
    let mut app = reader(&dir, (80, 24));
    type_into_go_to(&mut app, "livre i");
    assert!(app.picker().is_some_and(|p| !p.items.is_empty()));
}
