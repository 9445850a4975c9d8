//! Search as a person uses it: the real `loi` binary in a pseudo-terminal at 80x24,
//! `/` with `n` and `N` on the sample article, and `s` over the sample mirror.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn status(p: &Pty) -> String {
    p.screen().lines().last().unwrap_or_default().to_owned()
}

#[test]
fn slash_n_and_shift_n_walk_the_matches() {
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["D313-14"],
        &[],
        80,
        24,
    );
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"/office");
    p.wait_for("/office", TIMEOUT);
    let typed = p.wait_for("match 1 of", TIMEOUT);
    let total: String = status(&p)
        .split(" of ")
        .nth(1)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert!(total.parse::<usize>().is_ok_and(|n| n > 1), "{typed}");
    p.key(Key::Enter);
    p.send(b"n");
    p.wait_for("match 2 of", TIMEOUT);
    p.send(b"N");
    p.wait_for("match 1 of", TIMEOUT);
    p.send(b"N");
    // Round the start to the last match.
    p.wait_for(&format!("match {total} of {total}"), TIMEOUT);
    p.send(b"/introuvable");
    p.wait_for("no match for introuvable", TIMEOUT);
    p.key(Key::Esc);
    // Apart, or the terminal reads Esc and q as Alt-q.
    std::thread::sleep(Duration::from_millis(150));
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn s_lists_articles_and_enter_opens_one_at_its_match() {
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["D313-14"],
        &[],
        80,
        24,
    );
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"s");
    p.wait_for("Search the whole mirror", TIMEOUT);
    p.send(b"\"conseil national\" emploi");
    p.key(Key::Enter);
    let listed = p.wait_for("articles, ", TIMEOUT);
    assert!(listed.contains("L6123-1 · "), "{listed}");
    // The sample has no word index: the answers come in the mirror's order.
    p.key(Key::Enter);
    p.wait_for("match 1 of", TIMEOUT);
    let total: String = status(&p)
        .split(" of ")
        .nth(1)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let screen = p.screen();
    assert!(
        screen.to_lowercase().contains("conseil national"),
        "{screen}"
    );
    p.send(b"n");
    let next = if total == "1" { 1 } else { 2 };
    p.wait_for(&format!("match {next} of {total}"), TIMEOUT);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
