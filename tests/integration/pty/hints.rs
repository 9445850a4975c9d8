//! `f` in the real binary: the labels come in the frame after the key, a label typed
//! opens its reference, Esc takes them away.

use std::path::Path;
use std::time::Duration;

use crate::support::pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

/// The label drawn just before `reference` on `screen`: the letter there (the first
/// nine references in reading order have one letter each).
fn label_before(screen: &str, reference: &str) -> char {
    let line = screen
        .lines()
        .find(|l| l.contains(reference))
        .unwrap_or_else(|| panic!("{reference} on screen:\n{screen}"));
    let at = line.find(reference).unwrap_or_default();
    line[..at].chars().last().unwrap_or(' ')
}

#[test]
fn f_then_a_label_opens_its_reference() {
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["L6323-4"],
        &[],
        80,
        24,
    );
    p.wait_for("Article L6323-4", TIMEOUT);
    p.send(b"zR");
    p.wait_for("▾ 4° L'organisme", TIMEOUT);
    p.send(b"f");
    let labelled = p.wait_for("labels · type one to follow its reference", TIMEOUT);
    let label = label_before(&labelled, "L. 6323-21");
    assert!(
        loi::app::hints::LETTERS.contains(&label),
        "a label before L. 6323-21, not {label:?}:\n{labelled}"
    );
    // Esc: the text as it was, no label left.
    p.key(Key::Esc);
    let closed = p.wait_for("articles L. 6323-6, L. 6323-21,", TIMEOUT);
    assert!(!closed.contains("labels · type one"), "{closed}");
    // Again, and the label typed: its article opens.
    p.send(b"f");
    p.wait_for("labels · type one to follow its reference", TIMEOUT);
    p.send(label.to_string().as_bytes());
    let opened = p.wait_for("Article L6323-21 · Code du travail", TIMEOUT);
    assert!(opened.contains("L6323-4 › L6323-21"), "{opened}");
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
