//! `o` through `App::update`: what reaches the browser from the hrefs of an article,
//! and a browser that did not open its address said with the address.

use super::*;
use crate::app::effect::{Effect, NotOpened, Why};
use crate::model::article::Citations;

const ARTICLE: &str = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188";

/// The hrefs of `tests/fixtures/hrefs.tsv`, the pty tests' too: (kind, href, address).
fn hrefs(kind: &str) -> impl Iterator<Item = (&'static str, &'static str)> {
    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hrefs.tsv"
    ));
    FILE.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(move |(k, _)| *k == kind)
        .map(|(_, rest)| rest.split_once('\t').unwrap_or((rest, "")))
}

/// Hrefs that once reached the browser as written.
static HOSTILE: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
    let all: Vec<&str> = hrefs("hostile").map(|(href, _)| href).collect();
    assert!(!all.is_empty(), "hrefs.tsv lists hostile hrefs");
    all
});

/// Légifrance's hrefs and the address `o` opens for each.
static LEGIT: std::sync::LazyLock<Vec<(&str, &str)>> = std::sync::LazyLock::new(|| {
    let all: Vec<(&str, &str)> = hrefs("legit").collect();
    assert!(all.iter().all(|(_, address)| !address.is_empty()) && !all.is_empty());
    all
});

/// An article linking to every href of the tables, the Nth link's text `lien N`.
fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/partie");
    std::fs::create_dir_all(&section).expect("mkdir");
    let hrefs = HOSTILE.iter().copied().chain(LEGIT.iter().map(|l| l.0));
    let body: String = hrefs
        .enumerate()
        .map(|(n, href)| format!("<p>Voir <a href='{href}'>lien {n}</a>.</p>"))
        .collect();
    std::fs::write(section.join("l1-1.md"), format!("# Article L1-1\n\n{body}")).expect("write");
    let mirror = Mirror::open(dir.path()).expect("mirror");
    let path = mirror.find_number(None, "L1-1").expect("L1-1");
    let article = mirror.article(&path, Citations::Now).expect("load");
    let mut app = App::new(mirror, article, (80, 40));
    app.browser = Some("firefox".into());
    (dir, app)
}

/// `o` on link `n`: the address handed to the browser, if any.
fn opened(app: &mut App, n: usize) -> Option<String> {
    let text = format!("lien {n}");
    for _ in 0..40 {
        app.update(Action::NextReference);
        let e = app.current();
        if e.view
            .selected
            .is_some_and(|l| e.article.links[l].text == text)
        {
            app.update(Action::OpenInBrowser);
            return match app.take_effects().as_slice() {
                [] => None,
                [Effect::Browse { address, .. }] => Some(address.to_string()),
                other => panic!("{other:?}"),
            };
        }
    }
    panic!("{text} not found");
}

#[test]
fn no_hostile_href_reaches_the_browser() {
    let (_dir, mut app) = app();
    for (n, href) in HOSTILE.iter().enumerate() {
        assert_eq!(opened(&mut app, n), None, "{href}");
        let status = app.status.as_ref().expect("a status");
        assert!(status.error, "{href}");
        assert!(status.text.starts_with("Not opened: "), "{}", status.text);
        // What is said of the href can do nothing to the terminal.
        assert!(
            crate::model::sanitize::is_clean(&status.text),
            "{:?}",
            status.text
        );
    }
}

#[test]
fn legifrance_links_open_the_address_rebuilt_and_say_it_first() {
    let (_dir, mut app) = app();
    for (i, (href, address)) in LEGIT.iter().enumerate() {
        let n = HOSTILE.len() + i;
        assert_eq!(opened(&mut app, n).as_deref(), Some(*address), "{href}");
        let status = app.status.as_ref().expect("a status");
        assert_eq!(status.text, format!("Opening {address}"));
    }
}

#[test]
fn a_browser_that_did_not_open_the_address_is_said_with_it() {
    let (_dir, mut app) = app();
    app.browser = Some("/nowhere/firefox %s:xdg-open".into());
    let n = HOSTILE.len();
    assert_eq!(opened(&mut app, n).as_deref(), Some(ARTICLE));
    let launch = app.launches;
    app.update(Action::NotOpened(NotOpened {
        launch,
        command: 1,
        why: Why::Exited(3),
    }));
    let status = app.status.as_ref().expect("a status");
    assert!(status.error);
    assert_eq!(
        status.text,
        format!("xdg-open did not open the address (exit status 3); y copies it: {ARTICLE}")
    );
    app.update(Action::NotOpened(NotOpened {
        launch,
        command: 0,
        why: Why::NotFound,
    }));
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some(
            format!("firefox did not open the address (no such program); y copies it: {ARTICLE}")
                .as_str()
        )
    );
}
