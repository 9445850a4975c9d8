//! The home in the real binary: `loi --mirror` with no article named and an empty
//! data folder opens on the mirror's codes; Enter opens a code's contents, Enter an
//! article; quitting from the home opens on it again, the article under it.

use crate::support::home::three_codes;
use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

/// `loi --mirror` the fixture of three codes, its files (data, cache) under `home`.
fn loi(home: &Path, args: &[&str]) -> Pty {
    let data = home.join("data");
    let cache = home.join("cache");
    let env = [
        ("XDG_DATA_HOME", data.to_str().expect("UTF-8")),
        ("XDG_CACHE_HOME", cache.to_str().expect("UTF-8")),
    ];
    let root = three_codes().to_str().expect("UTF-8");
    let mut all = vec!["--mirror", root];
    all.extend_from_slice(args);
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), &all, &env, 80, 24)
}

#[test]
fn loi_with_nothing_to_reopen_opens_on_the_codes_and_enter_on_their_contents() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = loi(home.path(), &[]);
    let screen = p.wait_for("3 codes · 12 articles", TIMEOUT);
    assert!(screen.contains("Code du travail · C. trav."), "{screen}");
    assert!(screen.contains("données au 1er juillet 2025"), "{screen}");
    // The code du travail, second in the list.
    p.key(Key::Down);
    p.key(Key::Enter);
    let contents = p.wait_for("Contents · Code du travail", TIMEOUT);
    assert!(contents.contains("▸ Partie législative"), "{contents}");
    // Backspace comes back to the codes.
    p.key(Key::Backspace);
    p.wait_for("Statuts de l'association", TIMEOUT);
    // Enter, then down the contents to the first article, Enter opens it.
    p.key(Key::Enter);
    p.wait_for("Contents · Code du travail", TIMEOUT);
    for key in [Key::Right, Key::Down, Key::Right, Key::Down, Key::Enter] {
        p.key(key);
        std::thread::sleep(Duration::from_millis(50));
    }
    p.wait_for("Article L5312-1 · Code du travail", TIMEOUT);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn quitting_from_the_home_opens_on_it_again_with_the_article_under_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = loi(home.path(), &["L6123-1"]);
    p.wait_for("Article L6123-1", TIMEOUT);
    p.send(b"M");
    p.wait_for("3 codes · 12 articles", TIMEOUT);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));

    let mut again = loi(home.path(), &[]);
    let screen = again.wait_for("3 codes · 12 articles", TIMEOUT);
    // On the code of the article read.
    assert!(screen.contains("▌Code du travail"), "{screen}");
    again.key(Key::Esc);
    again.wait_for("Article L6123-1", TIMEOUT);
    again.send(b"q");
    assert_eq!(again.wait_exit(TIMEOUT), Some(0));

    // Quit from the article: it reopens on the article.
    let mut last = loi(home.path(), &[]);
    last.wait_for("Article L6123-1", TIMEOUT);
    last.send(b"q");
    assert_eq!(last.wait_exit(TIMEOUT), Some(0));
}
