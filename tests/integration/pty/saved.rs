//! End-to-end tests of what loi keeps between runs, the real binary in a
//! pseudo-terminal with its config and data folders in a temporary one: the session
//! reopened, a broken config.toml, key overrides, `--paths`.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

/// `loi` with `args`, keeping its files under `home`.
fn loi(home: &Path, args: &[&str]) -> Pty {
    let config = home.join("config");
    let data = home.join("data");
    let env = [
        ("XDG_CONFIG_HOME", config.to_str().expect("UTF-8")),
        ("XDG_DATA_HOME", data.to_str().expect("UTF-8")),
    ];
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), args, &env, 80, 24)
}

/// The screen without its status line, which carries messages that change.
fn body(screen: &str) -> String {
    screen.lines().take(23).collect::<Vec<_>>().join("\n")
}

/// The screen once it has stopped changing.
fn settled(p: &Pty) -> String {
    let mut last = p.screen();
    loop {
        std::thread::sleep(Duration::from_millis(150));
        let now = p.screen();
        if now == last {
            return now;
        }
        last = now;
    }
}

#[test]
fn loi_reopens_the_articles_read_with_their_scroll_and_folds() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = loi(home.path(), &["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    // Unfold II on D313-14, then open L6123-1 on top, unfolded and scrolled.
    p.key(Key::Down);
    p.key(Key::Enter);
    p.wait_for("▾ II.-", TIMEOUT);
    let first = body(&settled(&p));
    p.send(b"g");
    p.wait_for("Go to", TIMEOUT);
    p.send(b"L6123-1\r");
    p.wait_for("D313-14 › C. trav. L6123-1", TIMEOUT);
    p.send(b"+");
    for _ in 0..5 {
        p.key(Key::Down);
    }
    p.key(Key::PageDown);
    let second = body(&settled(&p));
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));

    let mut again = loi(home.path(), &[]);
    again.wait_for("D313-14 › C. trav. L6123-1", TIMEOUT);
    assert_eq!(
        body(&settled(&again)),
        second,
        "same article, scroll and folds"
    );
    again.key(Key::Backspace);
    again.wait_for("▾ II.-", TIMEOUT);
    assert_eq!(
        body(&settled(&again)),
        first,
        "and the article under it too"
    );
    again.send(b"q");
    assert_eq!(again.wait_exit(TIMEOUT), Some(0));

    // An article named on the command line is opened instead (the session is not).
    let mut named = loi(home.path(), &["L6123-7"]);
    let screen = named.wait_for("Article L6123-7", TIMEOUT);
    assert!(!screen.contains("D313-14 ›"), "{screen}");
    named.send(b"q");
    assert_eq!(named.wait_exit(TIMEOUT), Some(0));
    // H lists what was read, newest first.
    let mut last = loi(home.path(), &[]);
    last.wait_for("Article L6123-7", TIMEOUT);
    last.send(b"H");
    let list = last.wait_for("Articles read", TIMEOUT);
    let at = |num: &str| list.find(&format!("│{num} ·")).unwrap_or(usize::MAX);
    assert!(at("L6123-7") < at("L6123-1"), "{list}");
    assert!(at("L6123-1") < at("D313-14"), "{list}");
    last.send(b"q");
    last.send(b"q");
    assert_eq!(last.wait_exit(TIMEOUT), Some(0));
}

/// Over SSH a dropped connection (SIGHUP) or a `kill` is a usual way out: the next
/// `loi` reopens where the reader was all the same.
#[test]
fn the_session_survives_a_hang_up_and_a_kill() {
    for (signal, code) in [(libc::SIGHUP, 129), (libc::SIGTERM, 143)] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut p = loi(home.path(), &["D313-14"]);
        p.wait_for("Article D313-14", TIMEOUT);
        p.send(b"g");
        p.wait_for("Go to", TIMEOUT);
        p.send(b"L6123-1\r");
        p.wait_for("D313-14 › C. trav. L6123-1", TIMEOUT);
        p.send(b"+");
        // The cursor stays on I, scrolled partly off the top: kept so on reopening.
        p.key(Key::PageDown);
        let read = body(&settled(&p));
        let pid = i32::try_from(p.pid()).expect("a pid");
        // SAFETY: a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        assert_eq!(p.wait_exit(TIMEOUT), Some(code), "signal {signal}");

        let mut again = loi(home.path(), &[]);
        again.wait_for("D313-14 › C. trav. L6123-1", TIMEOUT);
        assert_eq!(body(&settled(&again)), read, "signal {signal}: same place");
        again.send(b"q");
        assert_eq!(again.wait_exit(TIMEOUT), Some(0));
    }
}

#[test]
fn a_broken_config_is_named_with_its_line_and_loi_starts_anyway() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("config/loi");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("config.toml"), "theme = \"dark\"\nmouse = tru\n").expect("write");
    let mut p = loi(home.path(), &["D313-14"]);
    let screen = p.wait_for("Article D313-14", TIMEOUT);
    let status = screen.lines().last().unwrap_or_default().to_owned();
    assert!(status.contains("config.toml:2:"), "{screen}");
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    let said = out.find("config.toml:2: ").expect("said on stderr");
    assert!(
        said < out.find("\x1b[?1049h").expect("full screen"),
        "before the screen"
    );
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn keys_named_in_the_config_are_read_and_shown_in_the_help() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("config/loi");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let config = "[keys]\nquit = [\"Q\", \"Ctrl-c\"]\ndown = [\"n\", \"Down\"]\n";
    std::fs::write(dir.join("config.toml"), config).expect("write");
    let mut p = loi(home.path(), &["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"?");
    let help = p.wait_for("n, Down ", TIMEOUT);
    assert!(help.contains("  k, ↑ "), "the other keys stay: {help}");
    // The reader's keys, then a prompt's: a page at a time to quit's line, each
    // page drawn before the next is asked for.
    for _ in 0..6 {
        if p.screen().contains("Q, Ctrl-c") {
            break;
        }
        let before = p.screen();
        p.key(Key::PageDown);
        for _ in 0..100 {
            if p.screen() != before {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    p.wait_for("Q, Ctrl-c", TIMEOUT);
    p.wait_for("Keys of loi · Q or Esc closes", TIMEOUT);
    p.key(Key::Esc);
    p.wait_for("▸ I.-", TIMEOUT);
    p.send(b"q");
    assert_eq!(
        p.wait_exit(Duration::from_millis(500)),
        None,
        "q no longer quits"
    );
    p.send(b"Q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn paths_says_where_each_file_lives() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = crate::support::loi()
        .arg("--paths")
        .env("XDG_CONFIG_HOME", home.path().join("c"))
        .env("XDG_DATA_HOME", home.path().join("d"))
        .env("XDG_CACHE_HOME", home.path().join("k"))
        .output()
        .expect("run loi");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let h = home.path().display();
    let want = format!(
        "config\t{h}/c/loi/config.toml\nhistory\t{h}/d/loi/history.jsonl\n\
         bookmarks\t{h}/d/loi/bookmarks.json\nsession\t{h}/d/loi/session.json\n\
         prompts\t{h}/d/loi/prompts.json\ncache\t{h}/k/loi\n\
         mirror\t{h}/d/loi/mirror\n"
    );
    assert_eq!(text, want);
}
