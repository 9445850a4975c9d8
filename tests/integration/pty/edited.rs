//! Issue 22, item 1, as a reader sees it: a mirror edited while `loi` shows it. `s`
//! finds the words written since, `c` lists the citations as the text now has them,
//! an article added to a folder among them, and `g` finds that article; no cache
//! answers from the old text.

use crate::support::edited::{LIVRE, Mirror, age, an_hour_ago};
use crate::support::pty::{Key, Pty};

use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(10);

fn esc(p: &mut Pty) {
    p.key(Key::Esc);
    // Apart, or the terminal reads Esc and the next key as Alt and that key.
    std::thread::sleep(Duration::from_millis(150));
}

#[test]
fn search_and_cited_by_show_the_text_written_under_the_reader() {
    let m = Mirror::new();
    let then = an_hour_ago();
    age(&m.root, then);
    // Both caches there, built from the text before the edits.
    m.loi(&["index-words"]);
    assert_eq!(m.cited_by("L1-2").len(), 1);
    let cache = m.cache.to_string_lossy().into_owned();
    let mirror = m.root.to_string_lossy().into_owned();
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["--mirror", &mirror, "L1-2"],
        &[("XDG_CACHE_HOME", &cache)],
        80,
        24,
    );
    p.wait_for("Article L1-2", TIMEOUT);
    p.send(b"c");
    p.wait_for("alpha beta", TIMEOUT);
    esc(&mut p);
    // Edited in place, the same size and second; and an article added.
    m.edit("l1-1.md", "alpha", "omega", then);
    std::fs::write(
        m.root.join(LIVRE).join("l1-4.md"),
        "# Article L1-4\n\n<p>Comme l'article L. 1-2, zeta.</p>\n",
    )
    .expect("write");
    p.send(b"s");
    p.wait_for("Search the whole mirror", TIMEOUT);
    p.send(b"omega");
    p.key(Key::Enter);
    let listed = p.wait_for("L1-1 · ", TIMEOUT);
    assert!(listed.contains("omega beta"), "{listed}");
    esc(&mut p);
    // Go-to finds the article added (a look-up that misses checks the folders, at
    // most once a second: the first `c` checked them).
    std::thread::sleep(Duration::from_millis(1100));
    p.send(b"g");
    p.wait_for("Go to", TIMEOUT);
    p.send(b"L1-4");
    p.wait_for("L1-4 · ", TIMEOUT);
    esc(&mut p);
    p.send(b"c");
    let cited = p.wait_for("L1-4 · ", TIMEOUT);
    assert!(cited.contains("omega beta"), "{cited}");
    assert!(!cited.contains("alpha"), "{cited}");
    esc(&mut p);
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
