//! End-to-end tests: the real `loi` binary in a pseudo-terminal, driven by keys as a
//! person would, reading the screen it draws.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi(args: &[&str]) -> Pty {
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), args, &[], 80, 24)
}

/// The screen without its status line, which carries messages that change.
fn body(screen: &str) -> String {
    screen.lines().take(23).collect::<Vec<_>>().join("\n")
}

#[test]
fn follow_a_reference_and_come_back_with_the_same_folds() {
    let mut p = loi(&["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    // Unfold II, so that coming back has a fold state worth keeping.
    p.key(Key::Down);
    p.key(Key::Enter);
    let before = p.wait_for("▾ II.-", TIMEOUT);
    // Tab through the references to the first one the sample holds.
    let mut found = false;
    let status = |p: &Pty| p.screen().lines().last().unwrap_or_default().to_owned();
    for _ in 0..20 {
        let said = status(&p);
        p.key(Key::Tab);
        // Each Tab's status line before the next Tab: on a loaded machine a fixed
        // pause let a Tab go past the reference looked for.
        let waited = std::time::Instant::now();
        while status(&p) == said && waited.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(10));
        }
        if status(&p).contains("articles L. 6123-1 → L6123-1") {
            found = true;
            break;
        }
    }
    assert!(found, "no Tab reached the L6123-1 link:\n{}", p.screen());
    let selected = p.screen();
    p.key(Key::Enter);
    let target = p.wait_for("Article L6123-1 · Code du travail", TIMEOUT);
    assert!(target.contains("D313-14 › C. trav. L6123-1"), "{target}");
    p.key(Key::Backspace);
    // The header comes first in a frame: wait for the body's last line too.
    p.wait_for("Article D313-14", TIMEOUT);
    p.wait_for("de promotion sociale.", TIMEOUT);
    std::thread::sleep(Duration::from_millis(50));
    let back = p.screen();
    assert_eq!(
        body(&back),
        body(&selected),
        "same scroll, cursor and folds"
    );
    assert_ne!(body(&before), "");
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    // The terminal was given back: alternate screen left, cursor shown.
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(out.contains("\x1b[?25h"), "showed the cursor again");
}

#[test]
fn zr_and_zm_unfold_and_fold_everything() {
    let mut p = loi(&["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"zR");
    p.wait_for("▾ 1° D'élaborer", TIMEOUT);
    p.send(b"zM");
    let folded = p.wait_for("▸ II.-", TIMEOUT);
    assert!(!folded.contains("1° D'élaborer"), "{folded}");
    p.send(b"?");
    p.wait_for("Fold every item", TIMEOUT);
    p.send(b"q");
    p.wait_for("▸ I.-", TIMEOUT);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

/// `g`, a number typed as people write it, Enter: the article opens on the stack;
/// `q` typed into the prompt is text, Esc closes it.
#[test]
fn go_to_opens_an_article_by_number() {
    let mut p = loi(&["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"g");
    p.wait_for("Go to", TIMEOUT);
    p.send(b"l. 5311-");
    let list = p.wait_for("L5311-9 · Code du travail", TIMEOUT);
    assert!(list.contains("› l. 5311-"), "{list}");
    p.send(b"9\r");
    p.wait_for("D313-14 › C. trav. L5311-9", TIMEOUT);
    p.send(b":q");
    p.wait_for("› q", TIMEOUT);
    p.send(b"\x1b");
    // Apart, or ESC and DEL read as one Alt-Backspace.
    std::thread::sleep(Duration::from_millis(200));
    p.send(b"\x7f");
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn bad_input_gets_one_line_and_exit_code_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--mirror", "/nonexistent/mirror"],
            "no mirror at /nonexistent/mirror",
        ),
        (
            &["L9999-99"],
            "no article L9999-99 in the bundled sample mirror",
        ),
        (&["code-inconnu", "L1"], "no code folder code-inconnu"),
        (&["no/such/file.md"], "no file no/such/file.md"),
        (&["L6123-1"], "the output is not a terminal"),
    ];
    let empty = tempfile::tempdir().expect("temp dir");
    let empty = empty.path().to_str().expect("utf-8").to_owned();
    let not_a_mirror: [&str; 2] = ["--mirror", &empty];
    // A code's folder given as the mirror: the folder above is named.
    let codes = tempfile::tempdir().expect("temp dir");
    let code = codes.path().join("code-du-travail");
    std::fs::create_dir_all(code.join("partie-legislative")).expect("mkdir");
    let code = code.to_str().expect("utf-8").to_owned();
    let code_folder: [&str; 2] = ["--mirror", &code];
    let cases = [
        cases,
        &[
            (&not_a_mirror[..], "holds no code's folder"),
            (
                &code_folder[..],
                "is a code's folder, not a mirror: give --mirror the folder above it",
            ),
        ],
    ]
    .concat();
    for (args, message) in &cases {
        let out = crate::support::loi()
            .args(*args)
            .env_remove("LOI_MIRROR")
            .output()
            .expect("run loi");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("loi: ") && err.contains(message),
            "{args:?}: {err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    }
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "LOI_TEST_PANIC exists in debug builds only"
)]
fn a_panic_gives_the_terminal_back() {
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &[],
        &[("LOI_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
        80,
        24,
    );
    let code = p.wait_exit(TIMEOUT);
    assert!(code.is_some_and(|c| c != 0), "exit code {code:?}");
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    let entered = out
        .find("\x1b[?1049h")
        .expect("entered the alternate screen");
    let left = out.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered);
    assert!(
        out[left..].contains("LOI_TEST_PANIC is set"),
        "the panic message shows on the normal screen"
    );
    assert!(
        p.screen().contains("LOI_TEST_PANIC is set"),
        "{}",
        p.screen()
    );
}

/// Each of these signals, 20 times: loi restores the terminal and exits with
/// 128 + the signal (which also shows that its handler ran: a process killed by the
/// signal itself would report differently).
#[test]
fn signals_give_the_terminal_back() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        for run in 0..20 {
            let mut p = loi(&["D313-14"]);
            p.wait_for("Article D313-14", TIMEOUT);
            let status = std::process::Command::new("kill")
                .args([&format!("-{signal}"), &p.pid().to_string()])
                .status()
                .expect("run kill");
            assert!(status.success());
            assert_eq!(
                p.wait_exit(TIMEOUT),
                Some(128 + number),
                "SIG{signal}, run {run}"
            );
            let out = String::from_utf8_lossy(&p.output()).into_owned();
            let entered = out
                .find("\x1b[?1049h")
                .expect("entered the alternate screen");
            let left = out.rfind("\x1b[?1049l").unwrap_or_else(|| {
                panic!("SIG{signal} run {run}: never left the alternate screen")
            });
            assert!(left > entered);
            assert!(
                out[left..].contains("\x1b[?25h"),
                "SIG{signal} run {run}: cursor not shown"
            );
        }
    }
}

/// After `q`, the shell gets a terminal in canonical mode with echo, as before.
#[test]
fn quitting_leaves_the_terminal_in_cooked_mode() {
    let loi = env!("CARGO_BIN_EXE_loi");
    let mut p = Pty::spawn(
        Path::new("/bin/sh"),
        &["-c", "\"$0\" D313-14; stty -a", loi],
        &[],
        200,
        24,
    );
    p.wait_for("Article D313-14", TIMEOUT);
    p.send(b"q");
    let screen = p.wait_for("icanon", TIMEOUT);
    let words: Vec<&str> = screen.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "{screen}"
    );
    assert!(
        !words.contains(&"-icanon") && !words.contains(&"-echo"),
        "{screen}"
    );
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn links_lists_references_with_targets_or_reasons() {
    let out = crate::support::loi()
        .args(["links", "D313-14"])
        .env_remove("LOI_MIRROR")
        .output()
        .expect("run loi");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 13, "{text}");
    assert!(
        lines[0].contains("\tlink\tL. 313-6\t-\tnot in this mirror's Code de l'éducation"),
        "{}",
        lines[0]
    );
    assert!(lines.iter().any(|l| l.contains("\tlegacy\tR. 6521-1\t-\t")));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\tarticles L. 6123-1\tcode-du-travail/")
                && l.contains("/l6123-1.md"))
    );
    assert_eq!(lines[12], "1 article, 12 references: 3 resolved, 9 not");
    // --mirror is accepted before the subcommand, and a bad one is one line, exit 2.
    let bad = crate::support::loi()
        .args(["--mirror", "/nonexistent", "links"])
        .output()
        .expect("run loi");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).starts_with("loi: no mirror at /nonexistent"));
}

/// LOI_MIRROR is set once and forgotten: a file named by path in another mirror still
/// opens, from the mirror around it, instead of "outside the mirror".
#[test]
fn a_path_outside_loi_mirror_uses_its_own_mirror() {
    let dir = tempfile::tempdir().expect("temp dir");
    for m in ["a", "b"] {
        let section = dir.path().join(m).join("code-du-travail/s");
        std::fs::create_dir_all(&section).expect("mkdir");
        std::fs::write(
            section.join("l6123-1.md"),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l6123-1.md"
            )),
        )
        .expect("write");
    }
    let file = dir.path().join("b/code-du-travail/s/l6123-1.md");
    let out = crate::support::loi()
        .arg("links")
        .arg(&file)
        .env("LOI_MIRROR", dir.path().join("a"))
        .output()
        .expect("run loi");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("code-du-travail/s/l6123-1.md\t"),
        "{stdout}"
    );
}

/// A file that starts with a UTF-8 byte-order mark (as some Windows editors write) opens.
#[test]
fn a_file_with_a_byte_order_mark_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/s");
    std::fs::create_dir_all(&section).expect("mkdir");
    let file = section.join("l1-1.md");
    std::fs::write(
        &file,
        "\u{feff}# Article L1-1\n\n<p>Texte avec une marque.</p>",
    )
    .expect("write");
    let mirror = dir.path().to_str().expect("utf-8 path");
    let mut p = loi(&["--mirror", mirror, "L1-1"]);
    p.wait_for("Texte avec une marque", TIMEOUT);
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn a_dumb_or_unnamed_terminal_is_told_to_print_and_gets_no_screen_codes() {
    for (term, named) in [("dumb", "TERM=dumb"), ("", "TERM=unset")] {
        let mut p = Pty::spawn(
            Path::new(env!("CARGO_BIN_EXE_loi")),
            &["L6123-1"],
            &[("TERM", term)],
            80,
            24,
        );
        assert_eq!(p.wait_exit(TIMEOUT), Some(2), "{named}");
        let out = p.output();
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(named), "{text}");
        assert!(text.contains("loi print L6123-1"), "{text}");
        // Neither the alternate screen nor the mouse was asked for.
        assert!(!text.contains("\u{1b}[?1049h"), "{text:?}");
        assert!(!text.contains("\u{1b}[?1000h"), "{text:?}");
    }
}
