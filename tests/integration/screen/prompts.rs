//! The prompts drawn: the cursor where it is inside the text, and a text longer than
//! the prompt scrolled, `‹` and `›` saying what is hidden; at 80x24 and 40x12.

use loi::app::App;
use loi::app::action::Action;

use crate::support::screen::{SEED, keys, sample, screen};

/// Types `text` into the prompt open, a character at a time.
fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
    // As the loop does once the keys pause: the prompt answers.
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

/// The text of the go-to prompt as drawn, after its `› ` and before its box's edge.
fn prompt_line(app: &App) -> String {
    let shown = screen(app);
    let line = shown
        .lines()
        .find(|l| l.contains("▏"))
        .expect("the prompt's line");
    let text = line.split_once("› ").map_or(line, |(_, t)| t);
    text.trim_end_matches('│').trim_end().to_owned()
}

#[test]
fn go_to_with_the_cursor_mid_text_at_80x24() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "g");
    type_in(&mut app, "L. 6123-1");
    keys(&mut app, "Left Left Left");
    let shown = screen(&app);
    assert!(shown.contains("› L. 612▏3-1"), "{shown}");
    assert!(shown.contains("L6123-1 · Code du travail"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn go_to_with_the_cursor_mid_text_at_40x12() {
    let mut app = sample(SEED, 40, 12);
    keys(&mut app, "g");
    type_in(&mut app, "L. 6123-1");
    keys(&mut app, "Ctrl-a Alt-f");
    let shown = screen(&app);
    assert!(shown.contains("› L▏. 6123-1"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_long_text_scrolls_in_a_narrow_prompt() {
    let mut app = sample(SEED, 40, 12);
    keys(&mut app, "g");
    let text = "formation professionnelle continue des salariés";
    type_in(&mut app, text);
    let end = prompt_line(&app);
    assert!(end.contains("‹") && !end.contains("›"), "{end}");
    assert!(end.contains("salariés▏"), "{end}");
    insta::assert_snapshot!("long_text_at_its_end", screen(&app));
    keys(&mut app, "Home");
    let start = prompt_line(&app);
    assert!(
        start.starts_with("▏formation") && start.ends_with("›"),
        "{start}"
    );
    assert!(!start.contains("‹"), "{start}");
    insta::assert_snapshot!("long_text_at_its_start", screen(&app));
    // Every column the prompt shows is within its box.
    for line in screen(&app).lines() {
        use unicode_width::UnicodeWidthStr;
        assert!(line.width() <= 40, "{line}");
    }
}

#[test]
fn the_find_prompt_shows_its_cursor_on_the_status_line() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "/");
    type_in(&mut app, "orientation");
    keys(&mut app, "Ctrl-a Right Right");
    let last = screen(&app).lines().last().unwrap_or_default().to_owned();
    assert!(last.starts_with(" /or▏ientation"), "{last}");
    insta::assert_snapshot!(screen(&app));
    // Narrow, and longer than the line: scrolled, the cursor in view.
    let mut app = sample(SEED, 40, 12);
    keys(&mut app, "/");
    type_in(&mut app, "l'orientation scolaire et professionnelle");
    let last = screen(&app).lines().last().unwrap_or_default().to_owned();
    assert!(last.contains("‹") && last.contains("▏"), "{last}");
    insta::assert_snapshot!("find_scrolled_at_40x12", screen(&app));
}

#[test]
fn readme_lists_every_key_of_a_prompt() {
    let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
    for b in loi::app::keymap::TYPING {
        assert!(
            readme.contains(&format!("`{}`", b.label)),
            "README misses the prompt's key {}",
            b.label
        );
    }
}
