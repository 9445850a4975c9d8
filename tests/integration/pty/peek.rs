//! `K` in the real binary (issue 21, item 1): on the seed's reference to L6123-1 its
//! text opens under it, framed; `K` on a reference inside that peek opens L5311-9
//! inside it, one bar further in; `K` again there closes the inner one only.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn status(p: &Pty) -> String {
    p.screen().lines().last().unwrap_or_default().to_owned()
}

/// Tab until the status line says `wanted`, waiting for each Tab's answer.
fn tab_to(p: &mut Pty, wanted: &str) {
    for _ in 0..30 {
        let said = status(p);
        p.key(Key::Tab);
        let waited = std::time::Instant::now();
        while status(p) == said && waited.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(10));
        }
        if status(p).contains(wanted) {
            return;
        }
    }
    panic!("no Tab reached {wanted:?}:\n{}", p.screen());
}

#[test]
fn k_peeks_under_the_reference_and_k_inside_the_peek_peeks_deeper() {
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["D313-14"],
        &[],
        80,
        24,
    );
    p.wait_for("Article D313-14", TIMEOUT);
    tab_to(&mut p, "articles L. 6123-1 → L6123-1");
    p.send(b"K");
    let peeked = p.wait_for("│   Article L6123-1", TIMEOUT);
    assert!(peeked.contains("│ ▾ I.-Le Conseil national"), "{peeked}");
    assert!(
        peeked.contains("Article D313-14 · "),
        "the article read stays: {peeked}"
    );
    tab_to(&mut p, "article L. 5311-9 → L5311-9");
    p.send(b"K");
    let nested = p.wait_for("│     │   Article L5311-9", TIMEOUT);
    assert!(
        nested.contains("│     │ ▾ I.-Le Comité national"),
        "{nested}"
    );
    assert!(
        nested.contains("│   Article L6123-1") || nested.contains("│ ▸ 1°"),
        "{nested}"
    );
    // K again on the same reference: the inner peek closes, the outer stays.
    p.send(b"K");
    p.wait_for("Article L5311-9: closed", TIMEOUT);
    let closed = p.screen();
    assert!(!closed.contains("│     │"), "{closed}");
    assert!(closed.contains("│ "), "{closed}");
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
