//! Tests of path safety and article lookup on a small mirror on disk.

use super::*;

const L6123_1: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/l6123-1.md"
));

/// A mirror with L6123-1 in two codes and a file elsewhere on disk to escape to.
fn tiny() -> (tempfile::TempDir, Mirror) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("mirror");
    for dir in [
        "code-du-travail/partie-legislative/chapitre-iii",
        "code-autre/titre-ier",
    ] {
        fs::create_dir_all(root.join(dir)).expect("mkdir");
    }
    fs::write(
        root.join("code-du-travail/partie-legislative/chapitre-iii/l6123-1.md"),
        L6123_1,
    )
    .expect("write");
    fs::write(root.join("code-autre/titre-ier/l6123-1.md"), L6123_1).expect("write");
    fs::write(
        root.join("code-autre/titre-ier/r-12.md"),
        "# Article R*12\n\n<p>x</p>",
    )
    .expect("write");
    fs::write(tmp.path().join("secret.md"), "# Article SECRET\n\n<p>x</p>").expect("write");
    let mirror = Mirror::open(&root).expect("open");
    (tmp, mirror)
}

#[test]
fn refuses_paths_that_leave_the_mirror() {
    for bad in [
        "../secret.md",
        "a/../../secret.md",
        "..\\secret.md",
        "c:/x.md",
        "%2e%2e/secret.md",
        "a\0b",
    ] {
        assert_eq!(safe_relative(bad), None, "{bad:?}");
    }
    assert_eq!(safe_relative("/code/./x.md"), Some("code/x.md".to_owned()));
    let (_tmp, mirror) = tiny();
    assert!(matches!(
        mirror.read("../secret.md"),
        Err(Error::OutsideMirror(_))
    ));
}

#[test]
fn refuses_a_symlink_out_of_the_mirror() {
    let (tmp, mirror) = tiny();
    let root = mirror.root().expect("on disk").to_owned();
    std::os::unix::fs::symlink(tmp.path(), root.join("evil")).expect("symlink");
    assert!(matches!(
        mirror.read("evil/secret.md"),
        Err(Error::OutsideMirror(_))
    ));
    assert!(!mirror.exists("evil/secret.md"));
}

#[test]
fn finds_numbers_in_any_form() {
    let (_tmp, mirror) = tiny();
    let one = mirror
        .find_number(Some("code-du-travail"), "l. 6123-1")
        .expect("found");
    assert_eq!(
        one,
        "code-du-travail/partie-legislative/chapitre-iii/l6123-1.md"
    );
    assert_eq!(
        mirror.find_number(None, "R*12").expect("found"),
        "code-autre/titre-ier/r-12.md"
    );
    match mirror.find_number(None, "L6123-1") {
        Err(Error::Ambiguous { codes, .. }) => assert_eq!(codes, "code-autre, code-du-travail"),
        other => panic!("expected ambiguity, got {other:?}"),
    }
    assert!(matches!(
        mirror.find_number(None, "L9"),
        Err(Error::NoSuchArticle { .. })
    ));
    assert!(matches!(
        mirror.find_number(Some("code-x"), "L1"),
        Err(Error::NoSuchCode { .. })
    ));
}

#[test]
fn loads_articles_and_refuses_non_files() {
    let (_tmp, mirror) = tiny();
    let a = mirror
        .article(
            "/code-du-travail/partie-legislative/chapitre-iii/l6123-1.md",
            Citations::Now,
        )
        .expect("load");
    assert_eq!(a.num, "L6123-1");
    assert_eq!(a.code_slug(), "code-du-travail");
    assert!(matches!(
        mirror.read("code-autre"),
        Err(Error::NotAFile { kind: "folder", .. })
    ));
    assert!(matches!(
        mirror.read("code-autre/none.md"),
        Err(Error::NoSuchFile(_))
    ));
    assert_eq!(
        mirror.first_article().expect("first"),
        "code-autre/titre-ier/l6123-1.md"
    );
}

#[test]
fn slugs_follow_the_mirror_rule() {
    assert_eq!(number_slug("L6123-1"), "l6123-1");
    assert_eq!(number_slug("R*4412-98"), "r-4412-98");
    assert_eq!(number_slug("L1234-5 A"), "l1234-5-a");
    assert_eq!(
        slug("Annexe II : Tableau n° 12 bis"),
        "annexe-ii-tableau-n-12-bis"
    );
    assert_eq!(slug("l'Éducation"), "leducation");
}

#[test]
fn an_empty_folder_is_not_a_mirror() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mirror = Mirror::open(tmp.path()).expect("a folder opens");
    assert!(matches!(mirror.first_article(), Err(Error::NotAMirror(_))));
    assert!(matches!(
        Mirror::open(&tmp.path().join("none")),
        Err(Error::NoMirror(_))
    ));
}

#[test]
fn numbers_normalize() {
    assert_eq!(normalize_number("l. 6123-1"), "L6123-1");
    assert_eq!(normalize_number(" R. 6521-16 "), "R6521-16");
    assert_eq!(normalize_number("6123-1"), "6123-1");
    assert_eq!(normalize_number("LO 1-2"), "LO1-2");
    assert_eq!(normalize_number("Annexe II"), "Annexe II");
    assert_eq!(number_of_file("a/b/l5214-1-a.md"), "L5214-1 A");
    assert_eq!(number_of_file("r-1234-5.md"), "R*1234-5");
    assert_eq!(number_of_file("x/l6123-1.md"), "L6123-1");
    assert_eq!(number_of_file("x/annexe-ii.md"), "annexe-ii");
}

#[test]
fn owned_bytes_decode_as_borrowed_ones_do() {
    for bytes in [
        &b"Le caf\xc3\xa9"[..],
        b"",
        b"\x93d\xe9l\xe8gue\x94",
        b"caf\xc3\xa9 \xff fin",
    ] {
        assert_eq!(
            super::read::decode_owned(bytes.to_vec()),
            decode(bytes),
            "{bytes:?}"
        );
    }
}

#[test]
fn bytes_that_are_not_utf8_are_read_and_noted() {
    assert_eq!(decode("Le café".as_bytes()), ("Le café".to_owned(), None));
    assert_eq!(decode(b""), (String::new(), None));
    // Latin bytes and no UTF-8 sequence: Windows-1252, typographic quotes included.
    let (text, note) = decode(b"\x93d\xe9l\xe8gue\x94 \x80 \x81");
    assert_eq!(text, "“délègue” € \u{fffd}");
    assert_eq!(note, Some(note_windows_1252()));
    // UTF-8 with a few bad bytes: each one is U+FFFD.
    let (text, note) = decode(b"caf\xc3\xa9 \xff fin");
    assert_eq!(text, "café \u{fffd} fin");
    assert_eq!(note, Some(note_bad_utf8()));
}

/// The index is cached between runs; a change deep in the mirror (which the
/// fingerprint of the top folders does not see) is caught when a look-up misses or
/// names a file that is gone.
#[test]
fn a_cached_index_follows_changes_deep_in_the_mirror() {
    let (tmp, mirror) = tiny();
    let root = tmp.path().join("mirror");
    let chapter = root.join("code-du-travail/partie-legislative/chapitre-iii");
    assert!(
        mirror
            .find_number(Some("code-du-travail"), "L6123-1")
            .is_ok()
    );
    // Another run, after an article was added and one removed, deep down.
    fs::write(chapter.join("l6123-2.md"), "# Article L6123-2\n\n<p>x</p>").expect("write");
    fs::remove_file(root.join("code-autre/titre-ier/l6123-1.md")).expect("rm");
    let again = Mirror::open(&root).expect("open");
    assert_eq!(
        again.find_number(None, "L6123-2").ok().as_deref(),
        Some("code-du-travail/partie-legislative/chapitre-iii/l6123-2.md")
    );
    // No longer ambiguous: the removed file is gone from the index too.
    assert_eq!(
        again.find_number(None, "L6123-1").ok().as_deref(),
        Some("code-du-travail/partie-legislative/chapitre-iii/l6123-1.md")
    );
    let third = Mirror::open(&root).expect("open");
    assert!(third.find_number(None, "L6123-1").is_ok());
    assert_eq!(third.index().len(), 3);
}

/// A number a code has in today's numbering and in its former one names today's
/// article, though the former part's folder sorts first.
#[test]
fn a_number_in_both_numberings_of_a_code_is_today_s() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let today = "code-x/partie-legislative/livre-i/l1-1.md";
    for path in ["code-x/partie-legislative-ancienne/livre-i/l1-1.md", today] {
        let file = tmp.path().join(path);
        fs::create_dir_all(file.parent().expect("folder")).expect("mkdir");
        fs::write(&file, "# Article L1-1\n\n<p>x</p>").expect("write");
    }
    fs::create_dir_all(tmp.path().join("code-y")).expect("mkdir");
    fs::write(
        tmp.path().join("code-y/l1-1.md"),
        "# Article L1-1\n\n<p>y</p>",
    )
    .expect("write");
    let mirror = Mirror::open(tmp.path()).expect("open");
    assert_eq!(
        mirror.find_number(Some("code-x"), "L1-1").expect("found"),
        today
    );
    assert_eq!(mirror.in_each_code("L1-1"), [today, "code-y/l1-1.md"]);
}

/// Sets the modification time of every folder and file under `root` an hour back:
/// a mirror as it is between two edits (times just written are not trusted).
pub(crate) fn age(root: &std::path::Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                fs::File::options()
                    .write(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(past))
                    .expect("set time");
            }
        }
        fs::File::open(&dir)
            .and_then(|f| f.set_modified(past))
            .expect("set folder time");
    }
}

/// The cache file of the index of the mirror at `root`: its inode and time, which a
/// walk that saves it again changes.
fn index_file_id(root: &std::path::Path) -> (u64, std::time::SystemTime) {
    use std::os::unix::fs::MetadataExt;
    let file = index::cache::cache_file(&fs::canonicalize(root).expect("canonical"))
        .expect("a cache folder");
    let meta = fs::metadata(file).expect("the index is cached");
    (meta.ino(), meta.modified().expect("time"))
}

/// Issue 22, item 3: a number no article has, asked for in a mirror whose index is
/// current, is a miss; it does not walk the mirror again (every article citing
/// something no mirror holds did, at every run).
#[test]
fn a_miss_on_a_current_index_does_not_walk_the_mirror() {
    let (tmp, _) = tiny();
    let root = tmp.path().join("mirror");
    age(&root);
    let first = Mirror::open(&root).expect("open");
    assert!(first.find_number(None, "L9999-9").is_err());
    let built = index_file_id(&root);
    for _ in 0..2 {
        let again = Mirror::open(&root).expect("open");
        assert!(again.find_number(None, "L9999-9").is_err());
        assert!(again.find_number(Some("code-autre"), "R*12").is_ok());
        assert_eq!(index_file_id(&root), built, "walked again for a miss");
    }
}

/// Issue 22, item 1: a reader open for long sees the mirror change under it more than
/// once: an article moved twice is found at its new place each time, not said to be
/// gone for the rest of the session.
#[test]
fn an_article_moved_twice_is_found_each_time_in_one_session() {
    let (tmp, mirror) = tiny();
    let root = tmp.path().join("mirror");
    age(&root);
    let at = |m: &Mirror| m.find_number(Some("code-autre"), "R*12").ok();
    assert_eq!(at(&mirror).as_deref(), Some("code-autre/titre-ier/r-12.md"));
    for (n, from, to) in [
        (1, "code-autre/titre-ier", "code-autre/titre-ii"),
        (2, "code-autre/titre-ii", "code-autre/titre-iii"),
    ] {
        fs::create_dir_all(root.join(to)).expect("mkdir");
        fs::rename(
            root.join(from).join("r-12.md"),
            root.join(to).join("r-12.md"),
        )
        .expect("mv");
        // A second later: look-ups that miss trust a check of the last second.
        std::thread::sleep(MISS_WAIT);
        assert_eq!(
            at(&mirror),
            Some(format!("{to}/r-12.md")),
            "move {n} not followed"
        );
    }
}

const MISS_WAIT: std::time::Duration = std::time::Duration::from_millis(1100);
