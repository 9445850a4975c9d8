//! Pastes and the prompts' editing keys in the real binary: the terminal's bracketed
//! paste (`ESC[200~` … `ESC[201~`) is text, never keys; a pasted number opens its
//! article; a prompt edits as a shell's and recalls what was entered in an earlier run;
//! the paste mode is given back on every way out.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_loi"))
}

/// What the terminal sends when `text` is pasted into it with bracketed paste on.
fn pasted(text: &str) -> Vec<u8> {
    format!("\x1b[200~{text}\x1b[201~").into_bytes()
}

/// Keys apart: ESC and what follows would read as one Alt key.
fn pause() {
    std::thread::sleep(Duration::from_millis(200));
}

#[test]
fn a_pasted_number_opens_its_article() {
    let mut p = Pty::spawn(loi(), &["D313-14"], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(&pasted("L. 6123-1"));
    let screen = p.wait_for("Article L6123-1 · Code du travail", TIMEOUT);
    assert!(
        screen.contains("D313-14 › C. trav. L6123-1"),
        "on the stack:\n{screen}"
    );
    assert!(!screen.contains("Go to"), "opened, not listed:\n{screen}");
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_paste_holding_keys_and_escape_sequences_runs_none_of_them() {
    let mut p = Pty::spawn(loi(), &["D313-14"], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    // q would quit, zR unfold all, ESC[2J clear, Ctrl-C quit, Enter open.
    p.send(&pasted("q zR\x1b[2J\x1b[A\x03\rq"));
    let screen = p.wait_for("Go to", TIMEOUT);
    assert!(
        screen.contains("› q zR[2J[A q▏"),
        "the paste as text:\n{screen}"
    );
    assert!(!screen.contains("▾ 1° D'élaborer"), "zR not run:\n{screen}");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(p.wait_exit(Duration::ZERO), None, "still running");
    p.key(Key::Esc);
    pause();
    p.wait_for("Tab references", TIMEOUT);
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_paste_into_the_find_prompt_goes_where_the_cursor_is() {
    let mut p = Pty::spawn(loi(), &["D313-14"], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"/tion");
    p.wait_for("/tion▏", TIMEOUT);
    p.key(Key::Ctrl('a'));
    p.send(&pasted("orienta"));
    p.wait_for("/orienta▏tion", TIMEOUT);
    // Found as typed, once the keys pause.
    p.wait_for("match 1 of", TIMEOUT);
    p.key(Key::Enter);
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_prompt_edits_as_a_shell_and_recalls_the_last_run() {
    let data = tempfile::tempdir().expect("temp dir");
    let env = [("XDG_DATA_HOME", data.path().to_str().expect("UTF-8 path"))];
    let mut p = Pty::spawn(loi(), &["D313-14"], &env, 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"gL. 6123-9");
    p.wait_for("› L. 6123-9▏", TIMEOUT);
    // Ctrl-W deletes `6123-9`, Alt-B goes back over `L. `, Ctrl-K cuts the rest.
    p.key(Key::Ctrl('w'));
    p.wait_for("› L. ▏", TIMEOUT);
    p.send(b"6123-1");
    p.key(Key::Left);
    p.key(Key::Left);
    p.send(b"X");
    p.wait_for("› L. 6123X▏-1", TIMEOUT);
    p.key(Key::Backspace);
    p.key(Key::Ctrl('e'));
    p.wait_for("› L. 6123-1▏", TIMEOUT);
    p.key(Key::Enter);
    p.wait_for("Article L6123-1", TIMEOUT);
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    // Another run: ↑ in the empty go-to recalls the entry.
    let mut p = Pty::spawn(loi(), &["D313-14"], &env, 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"g");
    p.wait_for("Go to", TIMEOUT);
    p.key(Key::Up);
    p.wait_for("› L. 6123-1▏", TIMEOUT);
    // Its answers, once the keys pause.
    p.wait_for("L6123-1 · Code du travail", TIMEOUT);
    p.key(Key::Ctrl('u'));
    p.wait_for("› ▏", TIMEOUT);
    p.key(Key::Esc);
    pause();
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

/// Bracketed paste is on while loi runs, off while it is suspended, after it quits
/// and after a signal ends it, so that the shell's pastes are not wrapped.
#[test]
fn bracketed_paste_is_given_back_on_suspend_quit_and_signals() {
    const ON: &str = "\x1b[?2004h";
    const OFF: &str = "\x1b[?2004l";
    let mut p = Pty::under_job_control(&["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.contains(ON), "on while running");
    p.key(Key::Ctrl('z'));
    p.wait_for("stopped: ", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) < out.rfind(OFF), "off while suspended");
    p.send(b"\n");
    p.wait_for("Article D313-14", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) > out.rfind(OFF), "on again after fg");
    p.key(Key::Char('q'));
    p.wait_for("exited: 0", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) < out.rfind(OFF), "off after quitting");

    let mut p = Pty::spawn(loi(), &["D313-14"], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &p.pid().to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    assert_eq!(p.wait_exit(TIMEOUT), Some(128 + 15));
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) < out.rfind(OFF), "off after SIGTERM");
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "LOI_TEST_PANIC exists in debug builds only"
)]
fn a_panic_gives_bracketed_paste_back() {
    let mut p = Pty::spawn(
        loi(),
        &[],
        &[("LOI_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
        80,
        24,
    );
    assert!(p.wait_exit(TIMEOUT).is_some_and(|c| c != 0));
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    let on = out.find("\x1b[?2004h").expect("turned on");
    assert!(out.rfind("\x1b[?2004l") > Some(on), "turned off");
}

/// Every citation form of issue 20 (`support::citations::forms`), pasted into one
/// reader in turn: each opens its code's article at once, at its point, and Backspace
/// comes back to where it was pasted (the code du travail's 1240, which no form names,
/// so a form that names no code is read in the code du travail).
#[test]
fn every_citation_form_pasted_opens_its_article_at_its_point() {
    use crate::support::citations::{self, forms, path, says, slug};
    let dir = citations::mirror();
    let root = dir.path().to_str().expect("utf-8 path");
    let start = path(slug("C. trav."), "1240.md");
    let mut p = Pty::spawn(loi(), &["--mirror", root, &start], &[], 100, 30);
    let home = says(slug("C. trav."));
    p.wait_for("Article 1240 · ", TIMEOUT);
    p.wait_for(&home, TIMEOUT);
    for form in forms() {
        p.send(&pasted(&form.text));
        let code = if form.code.is_empty() {
            slug("C. trav.")
        } else {
            slug(form.code)
        };
        let heading = format!("Article {} · ", form.num);
        let deadline = std::time::Instant::now() + TIMEOUT;
        let screen = loop {
            let screen = p.screen();
            if screen.contains(&heading) && screen.contains(&says(code)) {
                break screen;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{:?} did not open {} of {code}:\n{screen}",
                form.text,
                form.num
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        assert!(
            !screen.contains("Go to"),
            "{:?} listed, not opened",
            form.text
        );
        if !form.point.is_empty() {
            let mut labels: Vec<&str> = form.point.to_vec();
            labels.reverse();
            let said = format!("{} of {}", labels.join(" of "), form.num);
            assert!(
                screen.contains(&said),
                "{:?}: no {said:?}:\n{screen}",
                form.text
            );
        }
        p.key(Key::Backspace);
        let deadline = std::time::Instant::now() + TIMEOUT;
        while !(p.screen().contains("Article 1240 · ") && p.screen().contains(&home)) {
            assert!(
                std::time::Instant::now() < deadline,
                "no way back after {:?}",
                form.text
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
