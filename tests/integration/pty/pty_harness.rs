//! Tests of the pseudo-terminal harness itself, against standard Unix programs.

// Cargo builds every `tests/*.rs` as its own test crate, so the harness lives
// one level down and is included by path rather than through `tests/common.rs`.
use crate::support::pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{Key, Pty};

/// Generous, because CI machines stall; a passing test never waits this long.
const TIMEOUT: Duration = Duration::from_secs(10);

#[test]
fn keys_reach_the_program_and_its_output_reaches_the_screen() {
    let script = r#"printf 'hello\n'; read x; echo "got $x""#;
    let mut pty = Pty::spawn(Path::new("/bin/sh"), &["-c", script], &[], 40, 6);

    pty.wait_for("hello", TIMEOUT);
    pty.send(b"abc");
    pty.key(Key::Enter);
    let screen = pty.wait_for("got abc", TIMEOUT);

    // The tty echoes the typed line, so it sits between the two outputs.
    assert_eq!(screen, "hello\nabc\ngot abc\n\n\n");
    assert_eq!(pty.wait_exit(TIMEOUT), Some(0));
    assert_eq!(pty.output(), b"hello\r\nabc\r\ngot abc\r\n");
}

#[test]
fn a_full_screen_program_is_driven_with_named_keys() {
    let less = Path::new("/usr/bin/less");
    assert!(less.exists(), "this test needs less (apt-get install less)");
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pty_harness_lines.txt");
    let text: String = (1..=100).map(|n| format!("line {n:03}\n")).collect();
    std::fs::write(&file, text).expect("cannot write the test file");
    let file = file.to_str().expect("temp path is not UTF-8");
    // Neutralise the user's less configuration, and keep history out of $HOME.
    let env = [("LESS", ""), ("LESSHISTFILE", "-"), ("LESSOPEN", "")];
    let mut pty = Pty::spawn(less, &[file], &env, 40, 10);

    pty.wait_for("line 009", TIMEOUT);
    let top_row = |pty: &Pty| pty.screen().lines().next().unwrap_or_default().to_owned();
    assert_eq!(top_row(&pty), "line 001");

    // less turns on application cursor mode (DECCKM), so Down goes out as
    // `ESC O B` here rather than the CSI form.
    assert!(contains(&pty.output(), b"\x1b[?1h"), "less set DECCKM");
    pty.key(Key::Down);
    pty.wait_for("line 010", TIMEOUT);
    assert_eq!(top_row(&pty), "line 002");

    // Nine text rows above the prompt, so a page forward moves the top by nine.
    pty.key(Key::PageDown);
    pty.wait_for("line 019", TIMEOUT);
    assert_eq!(top_row(&pty), "line 011");

    pty.key(Key::Char('q'));
    assert_eq!(pty.wait_exit(TIMEOUT), Some(0));
    let output = pty.output();
    assert!(
        contains(&output, b"\x1b[?1049h"),
        "less entered the alternate screen"
    );
    assert!(
        contains(&output, b"\x1b[?1049l"),
        "less left the alternate screen"
    );
}

#[test]
fn exit_codes_are_reported_and_running_programs_time_out() {
    let mut failing = Pty::spawn(Path::new("/bin/sh"), &["-c", "exit 3"], &[], 20, 4);
    assert_eq!(failing.wait_exit(TIMEOUT), Some(3));

    let mut sleeping = Pty::spawn(Path::new("/bin/sleep"), &["30"], &[], 20, 4);
    let start = Instant::now();
    assert_eq!(sleeping.wait_exit(Duration::from_millis(200)), None);
    // Dropping kills and reaps the program instead of waiting thirty seconds.
    drop(sleeping);
    assert!(start.elapsed() < Duration::from_secs(5));
}

#[test]
#[should_panic(expected = "closed the terminal without showing \"never printed\"")]
fn waiting_for_text_fails_fast_once_the_program_is_gone() {
    let mut pty = Pty::spawn(Path::new("/bin/sh"), &["-c", "echo bye"], &[], 20, 4);
    pty.wait_for("never printed", Duration::from_secs(60));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}
