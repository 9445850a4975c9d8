//! Long and hostile input in the prompts, on the real four-code mirror (issue 22, item
//! 7): a thousand characters typed one by one or pasted never freeze the screen; the
//! keys are drawn as they come and a key after them (Esc) answers at once.

use crate::support::{corpus, pty};

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{Key, Pty};

/// Generous: the debug binary on a loaded machine. Before the fix, the thousand keys
/// below took minutes.
const ANSWER: Duration = Duration::from_secs(30);

/// The first screen also builds the mirror's index, once.
const START: Duration = Duration::from_secs(120);

/// The reader on L6123-1 of the four-code mirror, its caches in a folder of its own.
fn reader(cache: &Path) -> Pty {
    let root = corpus::corpus().to_str().expect("utf-8 path");
    let cache = cache.to_str().expect("utf-8 path");
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["--mirror", root, "L6123-1"],
        &[("XDG_CACHE_HOME", cache)],
        80,
        24,
    );
    p.wait_for("Article L6123-1", START);
    p
}

/// `unit` repeated to `chars` characters.
fn shape(unit: &str, chars: usize) -> String {
    unit.chars().cycle().take(chars).collect()
}

/// Keys apart: ESC and what follows would read as one Alt key.
fn pause() {
    std::thread::sleep(Duration::from_millis(200));
}

/// Presses Esc and waits until `gone` has left the screen; how long that took.
#[track_caller]
fn escape_closes(p: &mut Pty, gone: &str) -> Duration {
    let start = Instant::now();
    p.key(Key::Esc);
    while p.screen().contains(gone) {
        assert!(
            start.elapsed() < ANSWER,
            "Esc unanswered after {ANSWER:?}:\n{}",
            p.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    start.elapsed()
}

#[test]
fn a_thousand_keys_typed_into_go_to_are_drawn_and_esc_answers() {
    let cache = tempfile::tempdir().expect("temp dir");
    let mut p = reader(cache.path());
    // Words of most sections' titles: each key looked the whole text up again.
    let text = shape("section ", 999);
    p.send(b"g");
    p.wait_for("Go to", ANSWER);
    let start = Instant::now();
    p.send(text.as_bytes());
    // The end of what was typed is drawn, the cursor after it.
    let screen = p.wait_for("section section▏", ANSWER);
    assert!(
        start.elapsed() < ANSWER,
        "drawn after {:?}",
        start.elapsed()
    );
    let screen = if screen.contains("Too long") {
        screen
    } else {
        p.wait_for("Too long to look up", ANSWER)
    };
    assert!(screen.contains("at most 200 characters"), "{screen}");
    escape_closes(&mut p, "Go to");
    pause();
    p.send(b"q");
    assert_eq!(p.wait_exit(ANSWER), Some(0));
}

#[test]
fn long_hostile_pastes_into_every_prompt_leave_it_answering() {
    let cache = tempfile::tempdir().expect("temp dir");
    let mut p = reader(cache.path());
    let shapes = [
        "section ",
        "1-",
        "L. 1 ",
        "art. L. 6123-1 C. trav. ",
        "L. 1 xyzzy ",
        "é€漢🙂",
        "code du travail ",
    ];
    for open in ["g", "/", "s", "@"] {
        for unit in shapes {
            p.send(open.as_bytes());
            p.wait_for("▏", ANSWER);
            p.send(format!("\x1b[200~{}\x1b[201~", shape(unit, 4000)).as_bytes());
            // Drawn: the prompt holds its thousand characters, the end shown.
            let tail: String = shape(unit, 1000).chars().rev().take(6).collect();
            let tail: String = tail.chars().rev().collect();
            p.wait_for(&format!("{tail}▏"), ANSWER);
            let took = escape_closes(&mut p, "▏");
            assert!(took < ANSWER, "{open} {unit:?}: {took:?}");
            pause();
        }
    }
    p.send(b"q");
    assert_eq!(p.wait_exit(ANSWER), Some(0));
}
