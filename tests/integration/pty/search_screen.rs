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

/// `s` again reopens the last list as it was left, its query in the prompt and the
/// same answer selected, after Esc and after reading an answer; `code:` keeps a
/// search to one code, and a list of several codes says each one's.
#[test]
fn s_again_reopens_the_list_where_it_was_left_and_code_colon_keeps_to_one_code() {
    // Two codes of the four: the CRPA, and a livre of the code rural.
    let corpus = crate::support::corpus::corpus();
    let home = tempfile::tempdir().expect("temp dir");
    let (mirror, cache) = (home.path().join("mirror"), home.path().join("cache"));
    let rural = "code-rural-et-de-la-peche-maritime/partie-reglementaire/\
                 livre-ii-alimentation-sante-publique-veterinaire-et-protection-des-vegetaux";
    for part in [
        "code-des-relations-entre-le-public-et-ladministration",
        rural,
    ] {
        let to = mirror.join(part);
        std::fs::create_dir_all(to.parent().expect("a parent")).expect("mkdir");
        let copied = std::process::Command::new("cp")
            .arg("-a")
            .arg(corpus.join(part))
            .arg(&to)
            .status()
            .expect("cp");
        assert!(copied.success());
    }
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["--mirror", mirror.to_str().expect("UTF-8"), "L100-1"],
        &[("XDG_CACHE_HOME", cache.to_str().expect("UTF-8"))],
        80,
        24,
    );
    let slow = Duration::from_secs(60);
    p.wait_for("Article L100-1", TIMEOUT);
    // Several codes: each answer says its own.
    p.send(b"s");
    p.wait_for("Search the whole mirror", TIMEOUT);
    p.send(b"\"recours gracieux\"");
    p.key(Key::Enter);
    let listed = p.wait_for("articles, ", slow);
    assert!(listed.contains(" · C. rur. · "), "{listed}");
    assert!(listed.contains(" · CRPA · "), "{listed}");
    // One code: `code:crpa`, and no code named in the answers.
    for _ in 0.."\"recours gracieux\"".chars().count() {
        p.key(Key::Backspace);
    }
    p.send(b"code:crpa recours");
    p.wait_for("code:crpa recours", TIMEOUT);
    p.key(Key::Enter);
    // The new list: the status says Searching… first, then its count.
    let start = std::time::Instant::now();
    let listed = loop {
        let s = p.screen();
        if status(&p).contains("articles, ") && !s.contains("C. rur.") {
            break s;
        }
        assert!(start.elapsed() < slow, "{s}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let answers: Vec<&str> = listed.lines().filter(|l| l.contains(" · ")).collect();
    assert!(answers.len() > 2, "{listed}");
    assert!(
        !listed.contains(" · CRPA · ") && !listed.contains("C. rur."),
        "{listed}"
    );
    // Two down, Esc, then `s`: the same list, the third answer selected.
    p.key(Key::Down);
    p.key(Key::Down);
    std::thread::sleep(Duration::from_millis(200));
    let before = p.screen();
    p.key(Key::Esc);
    p.wait_for("Article L100-1", TIMEOUT);
    std::thread::sleep(Duration::from_millis(200));
    p.send(b"s");
    let again = p.wait_for("for code:crpa recours", TIMEOUT);
    let body = |s: &str| s.lines().skip(3).take(19).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again), body(&before), "the list as it was left");
    // Enter opens the third; `s` from there reopens it again, the third selected.
    p.key(Key::Enter);
    p.wait_for("match 1 of", TIMEOUT);
    p.send(b"s");
    let again = p.wait_for("for code:crpa recours", TIMEOUT);
    assert_eq!(body(&again), body(&before));
    // An unknown code is said.
    for _ in 0.."code:crpa recours".chars().count() {
        p.key(Key::Backspace);
    }
    p.send(b"code:zzz recours");
    p.key(Key::Enter);
    p.wait_for("No code is named zzz", TIMEOUT);
}
