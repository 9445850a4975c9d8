//! `K` through `App::update`, on a small mirror of its own: a peek opens under its
//! reference and closes, nests, is reached by Tab, shows a point's item alone and a
//! range's first lines, says why a dead reference shows nothing, and stays open on
//! the stack (in the session: `history::saved`'s tests, with these helpers).

use super::*;
use crate::app::action::Action;
use crate::model::article::Citations;

const DIR: &str = "code-du-travail/partie";

pub(crate) fn file(num: &str) -> String {
    format!("{DIR}/{}.md", num.to_lowercase())
}

fn link(num: &str) -> String {
    format!("<a href='/{}'>article {num}</a>", file(num))
}

/// L1-1 cites L1-2 (which cites L1-3), a point of L1-3, the range L1-2 to L1-3 and
/// an article that is not in the mirror.
pub(crate) fn mirror() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join(DIR)).expect("mkdir");
    let write = |num: &str, html: &str| {
        std::fs::write(
            dir.path().join(file(num)),
            format!("# Article {num}\n\n{html}"),
        )
        .expect("write");
    };
    write(
        "L1-1",
        &format!(
            "<p>Voir l'{}.</p><p>Au 2° de l'article L. 1-3, rien.</p><p>Les <a href='/{}'>articles L. 1-2 à L. 1-3</a> disent tout.</p><p>Voir l'{}.</p><p>Fin.</p>",
            link("L1-2"),
            file("L1-2"),
            link("L1-9"),
        ),
    );
    write(
        "L1-2",
        &format!(
            "<p>Texte deux, selon l'{}.</p><p>Suite du deux.</p>",
            link("L1-3")
        ),
    );
    let long = "mot ".repeat(200);
    write(
        "L1-3",
        &format!(
            "<p>Texte trois : {long}</p><p>1° Premier.</p><p>2° Second point.</p><p>a) Sous le second.</p><p>3° Troisième.</p>"
        ),
    );
    dir
}

pub(crate) fn app(dir: &tempfile::TempDir, size: (u16, u16)) -> App {
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let article = mirror
        .article(&file("L1-1"), Citations::Later)
        .expect("L1-1");
    App::new(mirror, article, size)
}

/// The page's blocks, as text.
pub(crate) fn page(app: &App) -> Vec<String> {
    app.current()
        .shown()
        .blocks
        .iter()
        .map(|b| b.plain_text())
        .collect()
}

/// The reader on L1-1 with L1-2 peeked and, inside it, L1-3: a peek nested twice.
pub(crate) fn nested(dir: &tempfile::TempDir) -> App {
    let mut app = app(dir, (80, 40));
    select(&mut app, "article L1-2");
    app.update(Action::Peek);
    app.update(Action::NextReference);
    app.update(Action::Peek);
    app
}

/// Tab until the selected reference's text is `text`.
pub(crate) fn select(app: &mut App, text: &str) {
    for _ in 0..30 {
        app.update(Action::NextReference);
        let entry = app.current();
        if let Some(l) = entry.view.selected
            && entry.shown().links[l].text == text
        {
            return;
        }
    }
    panic!("no reference {text}: {:?}", page(app));
}

fn selected_chain(app: &App) -> Vec<usize> {
    let entry = app.current();
    let l = entry.view.selected.expect("a reference selected");
    entry
        .spliced
        .as_ref()
        .map_or(Vec::new(), |s| s.links[l].chain.clone())
}

#[test]
fn k_opens_the_peek_under_its_reference_and_k_again_closes_it() {
    let dir = mirror();
    let mut app = app(&dir, (80, 24));
    let alone = page(&app);
    select(&mut app, "article L1-2");
    app.update(Action::Peek);
    let shown = page(&app);
    let at = shown
        .iter()
        .position(|t| t == "Article L1-2")
        .expect("heading");
    assert_eq!(
        at, 1,
        "right under the block holding the reference: {shown:?}"
    );
    assert!(shown[2].starts_with("Texte deux"), "{shown:?}");
    assert_eq!(
        app.current().view.cursor,
        0,
        "the cursor stays on the reference"
    );
    let status = app.status().expect("said").text.clone();
    assert!(
        status.contains("Article L1-2") && status.contains('K'),
        "{status}"
    );
    // Its lines are the page's: drawn from the top, under the reference.
    let lines: Vec<usize> = app
        .current()
        .view
        .visible_lines(app.page())
        .iter()
        .map(|p| p.block)
        .collect();
    assert_eq!(&lines[..3], [0, 1, 2]);
    app.update(Action::Peek);
    assert_eq!(page(&app), alone);
    assert!(app.current().spliced.is_none());
    assert_eq!(
        app.current()
            .view
            .selected
            .map(|l| app.current().shown().links[l].text.clone()),
        Some("article L1-2".to_owned())
    );
}

#[test]
fn tab_reaches_the_references_of_a_peek_which_peek_in_turn_and_esc_closes_the_innermost() {
    let dir = mirror();
    let mut app = app(&dir, (80, 40));
    select(&mut app, "article L1-2");
    app.update(Action::Peek);
    // The next reference is the peek's, before the article's own second one.
    app.update(Action::NextReference);
    assert_eq!(selected_chain(&app), [0]);
    let l = app.current().view.selected.expect("selected");
    assert_eq!(app.current().shown().links[l].text, "article L1-3");
    app.update(Action::Peek);
    let shown = page(&app);
    let outer = shown
        .iter()
        .position(|t| t == "Article L1-2")
        .expect("outer");
    let inner = shown
        .iter()
        .position(|t| t == "Article L1-3")
        .expect("inner");
    assert!(outer < inner, "{shown:?}");
    let s = app.current().spliced.clone().expect("spliced");
    assert_eq!(s.blocks[inner].bars.len(), 2, "one level deeper");
    // Into the inner peek, then Esc: it alone closes.
    while app.current().view.cursor < inner {
        app.update(Action::Down);
    }
    app.update(Action::Cancel);
    let shown = page(&app);
    assert!(shown.contains(&"Article L1-2".to_owned()), "{shown:?}");
    assert!(!shown.contains(&"Article L1-3".to_owned()), "{shown:?}");
    assert_eq!(
        selected_chain(&app),
        [0],
        "the reference peeked is selected again"
    );
    // The cursor is in the outer peek: Esc closes it; then Esc drops the selection.
    app.update(Action::Cancel);
    assert!(app.current().spliced.is_none(), "{:?}", page(&app));
    assert!(app.current().view.selected.is_some());
    app.update(Action::Cancel);
    assert!(app.current().view.selected.is_none());
}

#[test]
fn a_peek_folds_and_enter_on_its_reference_opens_the_target() {
    let dir = mirror();
    let mut app = nested(&dir);
    // L1-3's items open folded, as an article does.
    let entry = app.current();
    let first_item = entry
        .shown()
        .blocks
        .iter()
        .position(|b| b.plain_text() == "1° Premier.")
        .expect("item");
    assert!(entry.view.folded[first_item]);
    app.update(Action::Activate);
    assert_eq!(
        app.current().article.num,
        "L1-3",
        "Enter opens the peek's target"
    );
    app.update(Action::Back);
    assert!(
        page(&app).contains(&"Article L1-3".to_owned()),
        "back: still open"
    );
    app.update(Action::Forward);
    app.update(Action::Back);
    assert!(page(&app).contains(&"Article L1-2".to_owned()));
}

#[test]
fn a_point_peeks_its_item_alone() {
    let dir = mirror();
    let mut app = app(&dir, (80, 24));
    app.update(Action::Idle);
    select(&mut app, "2° de l'article L. 1-3");
    app.update(Action::Peek);
    let shown = page(&app);
    let at = shown
        .iter()
        .position(|t| t.starts_with("2° of article L1-3"))
        .expect("heading");
    assert_eq!(shown[at + 1], "2° Second point.", "{shown:?}");
    assert_eq!(shown[at + 2], "a) Sous le second.", "what the point holds");
    assert!(
        !shown
            .iter()
            .any(|t| t.contains("Premier") || t.contains("Troisième"))
    );
    assert!(
        !app.current().view.folded[at + 1],
        "the point shows its own text"
    );
}

#[test]
fn a_range_shows_the_first_lines_of_each_article() {
    let dir = mirror();
    let mut app = app(&dir, (40, 24));
    app.update(Action::Idle);
    select(&mut app, "articles L. 1-2 à L. 1-3");
    app.update(Action::Peek);
    let shown = page(&app);
    let two = shown
        .iter()
        .position(|t| t == "Article L1-2")
        .expect("L1-2");
    let three = shown
        .iter()
        .position(|t| t == "Article L1-3")
        .expect("L1-3");
    assert!(two < three, "{shown:?}");
    // L1-3's first block is 200 words: three lines of it, ending with `…`.
    let lines = app.layout().lines(app.current().shown(), three + 1);
    assert_eq!(lines.len(), crate::model::peek::RANGE_LINES);
    let last = crate::model::layout::line_text(&lines[2]);
    assert!(last.ends_with('…'), "{last}");
}

#[test]
fn a_dead_reference_says_why_and_opens_nothing() {
    let dir = mirror();
    let mut app = app(&dir, (80, 24));
    select(&mut app, "article L1-9");
    app.update(Action::Peek);
    assert!(app.current().spliced.is_none());
    let status = app.status().expect("said");
    assert!(
        status.error && status.text.contains("article L1-9"),
        "{status:?}"
    );
    assert!(status.text.len() > "article L1-9: ".len(), "{status:?}");
}

#[test]
fn k_with_nothing_selected_says_how_to_select() {
    let dir = mirror();
    let mut app = app(&dir, (80, 24));
    app.update(Action::Peek);
    assert!(app.current().spliced.is_none());
    assert!(app.status().expect("said").text.contains("Tab"));
}

#[test]
fn y_in_a_peek_cites_the_article_read_not_the_peeks_item() {
    let dir = mirror();
    let mut app = app(&dir, (80, 24));
    app.update(Action::Idle);
    select(&mut app, "2° de l'article L. 1-3");
    app.update(Action::Peek);
    let item = page(&app)
        .iter()
        .position(|t| t == "2° Second point.")
        .expect("the point's item");
    while app.current().view.cursor < item {
        app.update(Action::Down);
    }
    app.update(Action::Copy);
    let copied: Vec<String> = app
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            crate::app::effect::Effect::Copy(text) => Some(text),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(copied[0].contains("1-1"), "{copied:?}");
    assert!(!copied[0].contains('2'), "no item of the peek: {copied:?}");
}
