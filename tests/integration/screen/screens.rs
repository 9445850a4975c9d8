//! Whole-screen tests: the reader drawn into ratatui's `TestBackend` at fixed sizes,
//! after real key actions on the bundled sample, compared with insta snapshots.

use loi::app::App;
use loi::app::action::Action;
use loi::mirror::Mirror;
use loi::model::article::Citations;

use crate::support::screen::{SEED, sample};

fn screen(app: &App) -> String {
    crate::support::screen::screen(app)
}

use crate::support::screen::keys;

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

#[test]
fn seed_opens_folded() {
    let app = sample(SEED, 80, 24);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_unfolded_all() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "zR");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn seed_second_reference_selected() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "Tab Tab");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn unresolvable_reference_says_why_and_stays() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "Tab Enter");
    let s = screen(&app);
    assert!(s.starts_with(" Article D313-14"), "{s}");
    assert!(
        s.contains("L. 313-6: not in this mirror's Code de l'éducation (repealed"),
        "{s}"
    );
    assert!(s.contains("▸ I.-"), "the reader stays where it was:\n{s}");
}

#[test]
fn following_a_stale_link_then_back() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "j Enter");
    let before = screen(&app);
    // Tab to "articles L. 6123-1, L. 6123-2", whose path is from an older snapshot.
    for _ in 0..20 {
        app.update(Action::NextReference);
        if app
            .status()
            .is_some_and(|s| s.text.starts_with("articles L. 6123-1"))
        {
            break;
        }
    }
    app.update(Action::Activate);
    let target = screen(&app);
    assert!(
        target.starts_with(" Article L6123-1 · Code du travail"),
        "{target}"
    );
    // A trail of two codes names each.
    assert!(
        target.contains("C. éduc. D313-14 › C. trav. L6123-1"),
        "{target}"
    );
    insta::assert_snapshot!("l6123_1_from_seed", target);
    app.update(Action::Back);
    let back = screen(&app);
    // The same folds, cursor and scroll; only the status line may differ.
    let body = |s: &str| s.lines().take(23).collect::<Vec<_>>().join("\n");
    assert_ne!(body(&before), body(&target));
    assert!(back.starts_with(" Article D313-14"));
    assert!(back.contains("▾ II.-"), "II stayed unfolded:\n{back}");
    app.update(Action::Forward);
    assert!(screen(&app).starts_with(" Article L6123-1"));
}

#[test]
fn help_lists_the_keys() {
    let mut app = sample(SEED, 80, 24);
    run(&mut app, &[Action::Help]);
    insta::assert_snapshot!(screen(&app));
    run(&mut app, &[Action::Quit]);
    assert!(!app.quitting(), "q closes the help, not loi");
    assert!(screen(&app).contains("▸ I.-"));
}

#[test]
fn the_help_says_where_in_the_help_it_is() {
    let status = |app: &App| {
        screen(app)
            .lines()
            .last()
            .unwrap_or_default()
            .trim_end()
            .to_owned()
    };
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = sample(SEED, cols, rows);
        // The article fits at 80x24 (All); the help does not.
        run(&mut app, &[Action::Help]);
        assert!(
            status(&app).ends_with("Top"),
            "{cols}x{rows}: {}",
            status(&app)
        );
        run(&mut app, &[Action::PageDown]);
        assert!(
            status(&app).ends_with('%'),
            "{cols}x{rows}: {}",
            status(&app)
        );
        run(&mut app, &[Action::Bottom]);
        assert!(
            status(&app).ends_with("Bot"),
            "{cols}x{rows}: {}",
            status(&app)
        );
    }
}

#[test]
fn narrow_terminal() {
    let mut app = sample(SEED, 40, 12);
    keys(&mut app, "l j l");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn tiny_and_empty_sizes_do_not_panic() {
    let mut app = sample(SEED, 80, 24);
    for (c, r) in [(0, 0), (1, 1), (5, 3), (3, 5), (20, 4), (300, 120)] {
        app.update(Action::Resize(c, r));
        run(
            &mut app,
            &[
                Action::UnfoldAll,
                Action::Bottom,
                Action::PageUp,
                Action::NextReference,
            ],
        );
        let _ = screen(&app);
    }
}

#[test]
fn readme_names_every_action_a_key_can_be_bound_to() {
    use strum::IntoEnumIterator;
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    for a in Action::iter().filter(|a| a.bindable()) {
        assert!(
            readme.contains(&format!("`{}`", a.name())),
            "README misses action {}",
            a.name()
        );
    }
}

#[test]
fn readme_lists_every_key() {
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    for b in loi::app::keymap::BINDINGS {
        assert!(
            readme.contains(&format!("`{}`", b.label)),
            "README misses key {}",
            b.label
        );
    }
}

#[test]
fn an_article_with_no_text_is_shown_and_every_key_is_safe() {
    use loi::model::article::Article;
    for body in ["", "<p> </p><p></p>", "<br/><br/>"] {
        let article = Article::parse(
            "code-du-travail/x/l1.md",
            &format!("# Article L1\n\n{body}"),
            Citations::Now,
        );
        assert!(article.blocks.is_empty());
        let mut app = App::new(Mirror::bundled(), article, (80, 24));
        for a in loi::app::keymap::BINDINGS
            .iter()
            .map(|b| b.action)
            .filter(|a| *a != Action::Quit)
        {
            app.update(a);
            app.update(Action::Cancel);
            let s = screen(&app);
            assert!(s.starts_with(" Article L1 · Code du travail"), "{s}");
        }
        app.update(Action::Down);
        assert!(screen(&app).contains("This article has no text"));
    }
}

#[test]
fn every_sample_article_survives_every_key_at_small_sizes() {
    let mirror = Mirror::bundled();
    let paths: Vec<String> = ["l6123-1.md", "d6123-1.md", "d313-14.md", "r6123-3.md"]
        .iter()
        .flat_map(|n| mirror.find_named("", n))
        .collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
    for path in paths {
        for (cols, rows) in [(80, 24), (40, 12), (20, 5), (10, 4), (1, 1), (0, 0)] {
            let mut app = sample(&path, cols, rows);
            for b in loi::app::keymap::BINDINGS {
                if matches!(b.action, Action::Quit | Action::Activate) {
                    continue;
                }
                for _ in 0..3 {
                    app.update(b.action);
                }
                let _ = screen(&app);
            }
        }
    }
}

#[test]
fn a_range_lists_its_articles() {
    let mut app = sample(SEED, 80, 24);
    for _ in 0..20 {
        app.update(Action::NextReference);
        let e = app.current();
        if e.view
            .selected
            .is_some_and(|l| e.article.links[l].text.contains(" à D. 6123-27"))
        {
            break;
        }
    }
    app.update(Action::Idle);
    app.update(Action::Activate);
    assert!(app.picker().is_some(), "{}", screen(&app));
    insta::assert_snapshot!(screen(&app));
    app.update(Action::Cancel);
    assert!(app.picker().is_none());
    assert!(!screen(&app).contains("Esc closes"));
}

/// The position counts text, not blocks: an article of one long block used to say 0%.
#[test]
fn the_position_moves_through_a_single_block() {
    let sentence = "Le conseil exerce ses missions en lien avec les autres instances. ";
    let source = format!("# Article X\n\n<p>{}</p>", sentence.repeat(60));
    let article = loi::model::article::Article::parse("c/x.md", &source, Citations::Now);
    assert_eq!(article.blocks.len(), 1);
    let mut app = App::new(Mirror::bundled(), article, (80, 12));
    let percent = |app: &App| -> usize {
        let s = screen(app);
        let last = s.lines().last().unwrap_or_default().trim_end().to_owned();
        let word = last.rsplit(' ').next().unwrap_or_default().to_owned();
        word.trim_end_matches('%')
            .parse()
            .unwrap_or_else(|_| panic!("{last}"))
    };
    app.update(Action::PageDown);
    let first = percent(&app);
    app.update(Action::PageDown);
    let second = percent(&app);
    assert!(first > 0 && second > first, "{first}% then {second}%");
}
