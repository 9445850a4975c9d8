//! The reader driven through `App::update` on a small mirror on disk: references to
//! points, ranges, the clipboard.

use super::*;
use crate::app::effect::Effect;
use crate::model::article::Citations;

/// A mirror with L6123-1 (real), L9-1..L9-3 and L9-10, and L9-9 citing them.
pub(super) fn mirror() -> (tempfile::TempDir, Mirror) {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/partie/section");
    std::fs::create_dir_all(&section).expect("mkdir");
    let write = |name: &str, text: &str| std::fs::write(section.join(name), text).expect("write");
    write(
        "l6123-1.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/l6123-1.md"
        )),
    );
    for n in ["1", "2", "3", "10"] {
        write(
            &format!("l9-{n}.md"),
            &format!("# Article L9-{n}\n\n<p>Texte {n}.</p>"),
        );
    }
    write(
        "l9-9.md",
        "# Article L9-9\n\n<p>Selon le 2° du I de l'article L. 6123-1 et les personnes \
         mentionnées au II, aux articles L. 9-1 à L. 9-3.</p><p>I.-Premier :</p>\
         <p>1° qui cite l'article L. 77-7.</p><p>II.-Second.</p>\
         <p>Voir les <a href='/code-du-travail/partie/section/l6123-1.md'>articles L. 6123-1, \
         L. 9-1</a>.</p>",
    );
    let mirror = Mirror::open(dir.path()).expect("mirror");
    (dir, mirror)
}

pub(super) fn app() -> (tempfile::TempDir, App) {
    app_sized((80, 24))
}

fn app_sized(size: (u16, u16)) -> (tempfile::TempDir, App) {
    let (dir, mirror) = mirror();
    let path = mirror.find_number(None, "L9-9").expect("L9-9");
    let article = mirror.article(&path, Citations::Now).expect("load");
    (dir, App::new(mirror, article, size))
}

/// Tabs until the selected reference's text is `text`.
fn select(app: &mut App, text: &str) {
    for _ in 0..10 {
        app.update(Action::NextReference);
        let e = app.current();
        if e.view
            .selected
            .is_some_and(|l| e.article.links[l].text == text)
        {
            return;
        }
    }
    let texts: Vec<&str> = app
        .current()
        .article
        .links
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    panic!("no reference {text} in {texts:?}");
}

fn cursor_text(app: &App) -> String {
    let e = app.current();
    e.article.blocks[e.view.cursor].plain_text()
}

#[test]
fn a_point_of_another_article_opens_there_unfolded() {
    let (_dir, mut app) = app();
    select(&mut app, "2° du I de l'article L. 6123-1");
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L6123-1");
    assert!(
        cursor_text(&app).starts_with("2° Contribuer"),
        "{}",
        cursor_text(&app)
    );
    let e = app.current();
    assert!(!e.view.folded[0], "I is unfolded");
    assert!(!e.view.folded[e.view.cursor], "and the 2° itself");
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("2° of I of L6123-1")
    );
    app.update(Action::Back);
    assert_eq!(app.current().article.num, "L9-9");
}

#[test]
fn a_point_of_the_same_article_moves_the_cursor() {
    let (_dir, mut app) = app();
    select(&mut app, "II");
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L9-9", "no article opened");
    assert!(cursor_text(&app).starts_with("II.-Second"));
}

#[test]
fn a_range_offers_its_articles_in_number_order() {
    let (_dir, mut app) = app();
    select(&mut app, "L. 9-1 à L. 9-3");
    app.update(Action::Activate);
    let labels: Vec<String> = app
        .picker()
        .expect("a list")
        .items
        .iter()
        .map(|i| i.label.clone())
        .collect();
    assert_eq!(labels, ["L9-1", "L9-2", "L9-3"], "L9-10 is outside");
    app.update(Action::Down);
    app.update(Action::Activate);
    assert!(app.picker().is_none());
    assert_eq!(app.current().article.num, "L9-2");
}

#[test]
fn copy_gives_a_citation_through_an_effect() {
    let (_dir, mut app) = app();
    app.update(Action::Copy);
    assert_eq!(
        app.take_effects(),
        [Effect::Copy("C. trav., art. L. 9-9".into())]
    );
    // A reference to a point: the point too, in either form.
    select(&mut app, "2° du I de l'article L. 6123-1");
    app.update(Action::Copy);
    assert_eq!(
        app.take_effects(),
        [Effect::Copy("C. trav., art. L. 6123-1, I, 2°".into())]
    );
    app.citation_form = crate::model::article::citation::written::Form::Long;
    app.update(Action::Copy);
    assert_eq!(
        app.take_effects(),
        [Effect::Copy(
            "2° du I de l'article L. 6123-1 du code du travail".into()
        )]
    );
    assert!(
        app.take_effects().is_empty(),
        "each effect is handed over once"
    );
}

#[test]
fn idle_work_tells_which_references_lead_somewhere() {
    let (_dir, mut app) = app();
    assert!(app.has_idle_work());
    app.update(Action::Idle);
    assert!(!app.has_idle_work());
    let e = app.current();
    let dead: Vec<&str> = e
        .article
        .links
        .iter()
        .zip(e.resolvable.as_deref().expect("checked"))
        .filter(|(_, ok)| !**ok)
        .map(|(l, _)| l.text.as_str())
        .collect();
    assert_eq!(dead, ["L. 77-7"]);
}

#[test]
fn folding_away_the_selected_reference_drops_it() {
    // So narrow that the reference is on the item's second line.
    let (_dir, mut app) = app_sized((24, 24));
    select(&mut app, "L. 77-7");
    let cursor = app.current().view.cursor;
    app.update(Action::FoldOrParent);
    assert_eq!(
        app.current().view.cursor,
        cursor,
        "the item folded under the cursor"
    );
    assert_eq!(
        app.current().view.selected,
        None,
        "Enter must not open a hidden reference"
    );
}

#[test]
fn a_reference_selected_before_the_citations_are_found_stays_selected() {
    let (_dir, mirror) = mirror();
    let path = mirror.find_number(None, "L9-9").expect("L9-9");
    let article = mirror.article(&path, Citations::Later).expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    assert!(app.has_idle_work());
    select(&mut app, "articles L. 6123-1, L. 9-1");
    app.update(Action::Idle);
    assert!(!app.current().article.citations_pending);
    let e = app.current();
    let selected = e.view.selected.map(|l| e.article.links[l].text.as_str());
    assert_eq!(selected, Some("articles L. 6123-1"), "its first part");
}

/// Types `text` into the go-to prompt, one key at a time.
fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
    // As the loop does once the keys pause: the prompt answers.
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

#[test]
fn go_to_lists_as_one_types_and_enter_opens() {
    let (_dir, mut app) = app();
    app.update(Action::GoTo);
    assert!(app.typing());
    type_in(&mut app, "l. 9-");
    let labels = |app: &App| -> Vec<String> {
        app.picker()
            .map(|p| p.items.iter().map(|i| i.label.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        labels(&app),
        ["L9-1", "L9-2", "L9-3", "L9-9", "L9-10"].map(|n| format!("{n} · Code du travail"))
    );
    type_in(&mut app, "10");
    assert_eq!(labels(&app), ["L9-10 · Code du travail"]);
    // Backspace erases; `q` is text here, not quit.
    app.update(Action::InputBack);
    app.update(Action::InputBack);
    type_in(&mut app, "3q");
    assert!(!app.quitting());
    assert!(labels(&app).is_empty());
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("Nothing matches")
    );
    app.update(Action::InputBack);
    app.update(Action::Down);
    app.update(Action::Up);
    app.update(Action::Activate);
    assert!(!app.typing());
    assert!(app.picker().is_none());
    assert_eq!(app.current().article.num, "L9-3");
    // On the stack: back returns to L9-9.
    app.update(Action::Back);
    assert_eq!(app.current().article.num, "L9-9");
}

#[test]
fn go_to_closes_on_escape_and_finds_words_of_a_section() {
    let (_dir, mut app) = app();
    app.update(Action::GoTo);
    type_in(&mut app, "section");
    assert_eq!(app.picker().map(|p| p.items.len()), Some(6));
    app.update(Action::Cancel);
    assert!(app.picker().is_none());
    assert_eq!(app.current().article.num, "L9-9");
}

#[test]
fn contents_open_at_the_article_and_brackets_step_through_the_code() {
    let (_dir, mut app) = app();
    app.update(Action::Contents);
    let view = app.contents().expect("contents shown");
    assert_eq!(view.article().map(|p| p.ends_with("/l9-9.md")), Some(true));
    // Down to L9-10 (number order: 9-9 before 9-10), Enter opens it.
    app.update(Action::Down);
    app.update(Action::Activate);
    assert!(app.contents().is_none());
    assert_eq!(app.current().article.num, "L9-10");
    // L6123-1 comes after L9-10 in number order, and is the last.
    app.update(Action::NextArticle);
    assert_eq!(app.current().article.num, "L6123-1");
    app.update(Action::NextArticle);
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("This is the last article of the code")
    );
    app.update(Action::PrevArticle);
    app.update(Action::PrevArticle);
    assert_eq!(app.current().article.num, "L9-9");
    app.update(Action::PrevArticle);
    app.update(Action::PrevArticle);
    assert_eq!(app.current().article.num, "L9-2");
    // t then Esc leaves the article as it was.
    app.update(Action::Contents);
    app.update(Action::Cancel);
    assert!(app.contents().is_none());
    assert_eq!(app.current().article.num, "L9-2");
}

/// The citing articles `c` lists for L6123-1 of the small mirror: L9-9, at the block
/// of its first citation.
fn assert_cited_by_l9_9(app: &App) {
    let picker = app.picker().expect("the list is open");
    assert_eq!(picker.title, "L6123-1 is cited by 1 article, in 2 places");
    let paths: Vec<&str> = picker.items.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["code-du-travail/partie/section/l9-9.md"; 2]);
    let blocks: Vec<Option<usize>> = picker.items.iter().map(|i| i.block).collect();
    assert_eq!(blocks, [Some(0), Some(4)]);
    assert!(picker.items[0].label.starts_with("L9-9 · Selon le 2° du I"));
}

#[test]
fn c_lists_the_citing_articles_and_enter_opens_one_at_its_sentence() {
    let (_dir, mut app) = app();
    select(&mut app, "2° du I de l'article L. 6123-1");
    app.update(Action::Activate);
    app.update(Action::CitedBy);
    assert_cited_by_l9_9(&app);
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L9-9");
    assert_eq!(app.current().view.cursor, 0);
}

#[test]
fn a_build_in_the_background_reports_progress_then_lists_them() {
    let (_dir, mut app) = app();
    select(&mut app, "2° du I de l'article L. 6123-1");
    app.update(Action::Activate);
    app.build_in_background();
    assert!(
        app.has_idle_work(),
        "the loop must come back for the answer"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.picker().is_none() {
        assert!(std::time::Instant::now() < deadline, "no answer");
        // Keys still work meanwhile.
        app.update(Action::Down);
        app.update(Action::Idle);
    }
    assert!(!app.building_backlinks());
    assert_cited_by_l9_9(&app);
    // Built once: the next `c` lists at once.
    app.update(Action::Cancel);
    assert!(app.picker().is_none());
    app.update(Action::CitedBy);
    assert_cited_by_l9_9(&app);
}

#[test]
fn a_build_finished_after_leaving_the_article_only_says_it_is_ready() {
    let (_dir, mut app) = app();
    select(&mut app, "2° du I de l'article L. 6123-1");
    app.update(Action::Activate);
    app.build_in_background();
    app.update(Action::Back);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.building_backlinks() {
        assert!(std::time::Instant::now() < deadline, "no answer");
        app.update(Action::Idle);
    }
    assert!(app.picker().is_none());
    let status = app.status.as_ref().expect("a status");
    assert!(status.text.contains("ready"), "{}", status.text);
}

#[test]
fn y_on_a_reference_to_a_code_not_in_the_mirror_copies_its_citation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/partie");
    std::fs::create_dir_all(&section).expect("mkdir");
    std::fs::write(
        section.join("l1-1.md"),
        "# Article L1-1\n\n<p>Selon l'article L. 611-1 du code de la sécurité sociale, \
         le <a href='https://www.legifrance.gouv.fr/affichCodeArticle.do?cidTexte=\
         LEGITEXT000006071367&amp;idArticle=LEGIARTI000006584900'>L. 722-1</a> et la \
         <a href='https://www.example.org/loi'>loi</a>.</p>",
    )
    .expect("write");
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "L1-1").expect("L1-1");
    let article = mirror.article(&path, Citations::Now).expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    app.citation_form = crate::model::article::citation::written::Form::Long;
    app.update(Action::Idle);
    let mut copied = |text: &str| {
        select(&mut app, text);
        app.update(Action::Copy);
        match app.take_effects().as_slice() {
            [Effect::Copy(c)] => c.clone(),
            other => panic!("one copy: {other:?}"),
        }
    };
    assert_eq!(
        copied("L. 611-1"),
        "article L. 611-1 du code de la sécurité sociale"
    );
    // The old code rural's id is the code rural et de la pêche maritime's: renamed.
    assert_eq!(
        copied("L. 722-1"),
        "article L. 722-1 du code rural et de la pêche maritime"
    );
    // No code's article: its address.
    assert_eq!(copied("loi"), "https://www.example.org/loi");
}

/// A legacy link whose text the mirror's other links contradict: once the reader has
/// read the mirror's legacy ids (on a thread, after the first screen), the status line
/// says text and link disagree, and Enter follows what the evidence says.
#[test]
fn a_legacy_link_its_text_contradicts_is_followed_as_the_mirror_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/p");
    std::fs::create_dir_all(&section).expect("mkdir");
    let link = |text: &str| {
        format!(
            "<a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&amp;\
             idArticle=LEGIARTI9&amp;dateTexte='>{text}</a>"
        )
    };
    for (name, text) in [
        ("l1253-9", "L. 1253-9"),
        ("l1253-19", "L. 1253-9"),
        ("l1-1", "L. 1253-19"),
    ] {
        let num = crate::mirror::number_of_file(name);
        let body = format!("# Article {num}\n\n<p>Selon l'article {}.</p>", link(text));
        std::fs::write(section.join(format!("{name}.md")), body).expect("write");
    }
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let article = mirror
        .article(
            &mirror.find_number(None, "L1-1").expect("L1-1"),
            Citations::Later,
        )
        .expect("load");
    let mut app = App::new(mirror, article, (80, 24));
    for _ in 0..1000 {
        if !app.has_idle_work() {
            break;
        }
        app.update(Action::Idle);
    }
    assert!(!app.has_idle_work(), "the ids were read");
    select(&mut app, "L. 1253-19");
    let status = app.status.clone().expect("a status").text;
    assert!(
        status.contains("L1253-9, the link's article; the text says L1253-19"),
        "{status}"
    );
    app.update(Action::Activate);
    assert_eq!(app.current().article.num, "L1253-9");
}
