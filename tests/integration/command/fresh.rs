//! Issue 22, item 1: the caches built from a mirror's text (the word index, the
//! backlinks) follow the mirror when it changes under them. An article edited in
//! place (its size and the second of its time kept), one added to a folder that
//! already had some, a citation removed: `loi search` and `loi backlinks` answer from
//! the text as it is, never from the text the cache was built from.

use std::fs;

use crate::support::edited::{LIVRE, Mirror, age, an_hour_ago, l};

#[test]
fn search_and_backlinks_follow_an_edit_of_the_same_size_and_second() {
    let m = Mirror::new();
    let then = an_hour_ago();
    age(&m.root, then);
    // Both caches built, from the text as it is.
    m.loi(&["index-words"]);
    assert_eq!(m.search("alpha"), [l("1-1")]);
    assert_eq!(m.cited_by("L1-2"), [l("1-1")]);
    assert!(m.cited_by("L1-3").is_empty());
    // The same size, and the same second: only the nanoseconds tell.
    m.edit("l1-1.md", "alpha", "omega", then);
    m.edit("l1-1.md", "L. 1-2", "L. 1-3", then);
    assert_eq!(m.search("omega"), [l("1-1")], "a word added");
    assert!(m.search("alpha").is_empty(), "a word no longer there");
    assert!(m.cited_by("L1-2").is_empty(), "a citation removed");
    assert_eq!(m.cited_by("L1-3"), [l("1-1")], "a citation added");
    // And once more, the caches having been patched for the first edit.
    m.edit("l1-3.md", "gamma", "delta", then);
    assert_eq!(m.search("delta"), [l("1-3")]);
    assert!(m.search("gamma").is_empty());
}

#[test]
fn an_article_added_to_a_folder_is_searched_and_cites() {
    let m = Mirror::new();
    age(&m.root, an_hour_ago());
    m.loi(&["index-words"]);
    assert!(m.search("zeta").is_empty());
    assert_eq!(m.cited_by("L1-2"), [l("1-1")]);
    fs::write(
        m.root.join(LIVRE).join("l1-4.md"),
        "# Article L1-4\n\n<p>Comme l'article L. 1-2, zeta.</p>\n",
    )
    .expect("write");
    assert_eq!(m.search("zeta"), [l("1-4")]);
    assert_eq!(m.cited_by("L1-2"), [l("1-1"), l("1-4")]);
    // Removed again: neither answers with it.
    fs::remove_file(m.root.join(LIVRE).join("l1-4.md")).expect("rm");
    assert!(m.search("zeta").is_empty());
    assert_eq!(m.cited_by("L1-2"), [l("1-1")]);
}
