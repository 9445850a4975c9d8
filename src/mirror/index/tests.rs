//! Tests of the index: look-ups against a scan, hashes, damaged bytes.

use super::*;

fn sample() -> Index {
    Index::from_paths(42, |f| {
        f("code/b", "l2.md");
        f("code/a", "l10.md");
        f("code/a", "l1.md");
        f("other", "l1.md");
        f("", "top.md");
    })
}

#[test]
fn look_ups_through_the_samples_find_what_a_scan_finds() {
    // Several runs of SAMPLE rows, with names repeated across folders and
    // straddling the runs' edges.
    let names: Vec<String> = (0..1000)
        .map(|i| format!("l{}-{}.md", i % 97, i % 13))
        .collect();
    let index = Index::from_paths(1, |f| {
        for (i, name) in names.iter().enumerate() {
            f(&format!("code/s{}", i % 7), name);
        }
    });
    assert_eq!(index.len(), 1000);
    assert!(index.samples > 5);
    let mut probes: Vec<String> = names.clone();
    probes.extend(["", "a", "l", "l1", "l5", "l96-12.md", "l96-12.mdz", "z"].map(String::from));
    for probe in &probes {
        let want = names.iter().filter(|n| *n == probe).count();
        assert_eq!(index.named(probe).count(), want, "{probe}");
        let want = names
            .iter()
            .filter(|n| n.starts_with(probe.as_str()))
            .count();
        assert_eq!(index.starting_with(probe).count(), want, "prefix {probe}");
    }
}

#[test]
fn the_content_hash_follows_the_files_not_the_fingerprint() {
    let same = Index::from_paths(7, |f| {
        f("code/b", "l2.md");
        f("code/a", "l10.md");
        f("code/a", "l1.md");
        f("other", "l1.md");
        f("", "top.md");
    });
    assert_eq!(same.content_hash(), sample().content_hash());
    let other = Index::from_paths(42, |f| f("code/b", "l2.md"));
    assert_ne!(other.content_hash(), sample().content_hash());
    assert_ne!(sample().content_hash(), 0);
}

#[test]
fn files_are_found_by_name_and_prefix() {
    let index = sample();
    assert_eq!(index.len(), 5);
    assert_eq!(index.fingerprint(), 42);
    let mut l1: Vec<String> = index.named("l1.md").map(|e| e.path()).collect();
    l1.sort();
    assert_eq!(l1, ["code/a/l1.md", "other/l1.md"]);
    let l1x: Vec<&str> = index.starting_with("l1").map(|e| e.name).collect();
    assert_eq!(l1x, ["l1.md", "l1.md", "l10.md"]);
    assert_eq!(index.named("l3.md").count(), 0);
    assert_eq!(
        index.named("top.md").next().map(|e| e.path()).as_deref(),
        Some("top.md")
    );
    let mut a: Vec<&str> = index.in_dir("code/a");
    a.sort_unstable();
    assert_eq!(a, ["l1.md", "l10.md"]);
    assert_eq!(index.in_dir(""), ["top.md"]);
    assert!(index.in_dir("code/z").is_empty());
    assert_eq!(
        index.dir_id("code").map(|d| index.dir_path(d)).as_deref(),
        Some("code")
    );
}

#[test]
fn bytes_survive_a_round_trip_and_damage_is_refused() {
    let index = sample();
    let copy = Index::from_bytes(Bytes::Owned(index.as_bytes().to_vec())).expect("valid");
    assert_eq!(
        copy.entries().map(|e| e.path()).collect::<Vec<_>>(),
        index.entries().map(|e| e.path()).collect::<Vec<_>>()
    );
    let bytes = index.as_bytes();
    for cut in [0, 7, HEADER - 1, HEADER + 5, bytes.len() - 1] {
        assert!(
            Index::from_bytes(Bytes::Owned(bytes[..cut].to_vec())).is_none(),
            "{cut}"
        );
    }
    let mut wrong = bytes.to_vec();
    wrong[24] = 200; // 200 files claimed
    assert!(Index::from_bytes(Bytes::Owned(wrong)).is_none());
    // Offsets pointing past the strings read as empty, not as a panic.
    let mut bad = bytes.to_vec();
    bad[HEADER..HEADER + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    let bad = Index::from_bytes(Bytes::Owned(bad)).expect("header still fits");
    assert_eq!(bad.entry(0).map(|e| e.name), Some(""));
    // A folder claiming a later folder as parent ends the path, not the program.
    let mut looped = bytes.to_vec();
    let dirs_at = HEADER + ROW * index.len();
    looped[dirs_at..dirs_at + 4].copy_from_slice(&3u32.to_le_bytes());
    let looped = Index::from_bytes(Bytes::Owned(looped)).expect("header fits");
    let paths: Vec<String> = looped.entries().map(|e| e.path()).collect();
    assert_eq!(paths.len(), 5);
}
