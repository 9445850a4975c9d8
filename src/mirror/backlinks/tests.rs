use super::*;
use crate::mirror::reference::{self, Target};
use crate::model::article::Citations;
use std::sync::atomic::AtomicUsize;

/// Who cites whom in `mirror`, the plain way: (target, citing path), sorted.
fn naive(mirror: &Mirror) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for path in mirror.all_files() {
        let Ok(article) = mirror.article(&path, Citations::Now) else {
            continue;
        };
        for link in &article.links {
            let targets = match reference::resolve(mirror, &article.path, link) {
                Ok(Target::Article { path, .. }) => vec![path],
                Ok(Target::Many(paths)) => paths,
                _ => continue,
            };
            for t in targets {
                if t != path {
                    pairs.push((t, path.clone()));
                }
            }
        }
    }
    pairs.sort();
    pairs.dedup();
    pairs
}

fn built(mirror: &Mirror, threads: usize) -> Backlinks {
    let mut bytes = Vec::new();
    let done = AtomicUsize::new(0);
    build::build_on(mirror, &head(mirror, None), &mut bytes, threads, &done).expect("built");
    // The progress count ends at every article, whatever the threads.
    assert_eq!(done.into_inner(), mirror.index().len());
    Backlinks::from_bytes(Bytes::Owned(bytes)).expect("readable")
}

#[test]
fn every_citation_of_the_sample_is_found_from_its_target_on_any_number_of_threads() {
    let mirror = Mirror::bundled();
    let want = naive(&mirror);
    assert!(want.len() > 100, "the sample cites itself: {}", want.len());
    for threads in [1, 3] {
        let backlinks = built(&mirror, threads);
        let mut got = Vec::new();
        for path in mirror.all_files() {
            for c in backlinks.of(&mirror, &path) {
                assert_eq!(c.num, crate::mirror::number_of_file(&c.path));
                assert!(!c.snippet.is_empty(), "{path} from {}", c.path);
                assert!(c.snippet.chars().count() <= 162, "{}", c.snippet);
                got.push((path.clone(), c.path));
            }
        }
        got.sort();
        got.dedup();
        assert_eq!(got, want, "{threads} threads");
    }
}

#[test]
fn a_snippet_is_the_citing_block_with_the_citation_in_it() {
    let mirror = Mirror::bundled();
    let backlinks = built(&mirror, 2);
    let target = mirror.find_number(None, "L6123-1").expect("in the sample");
    let citing = backlinks.of(&mirror, &target);
    assert!(!citing.is_empty());
    for c in &citing {
        let article = mirror.article(&c.path, Citations::Now).expect("loads");
        let block = article.blocks[c.block].plain_text();
        let start = c.snippet.trim_start_matches('…');
        let words: Vec<&str> = start.split_whitespace().take(4).collect();
        let flat = block.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&words.join(" ")), "{}: {}", c.path, c.snippet);
    }
}

#[test]
fn a_long_block_is_cut_around_the_citation() {
    let text = format!(
        "{} voir l'article L. 1 {}",
        "a ".repeat(200),
        "b ".repeat(200)
    );
    let cut = build::snippet(&text, "L. 1");
    assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    assert!(cut.contains("voir l'article L. 1"), "{cut}");
    // Close to the start, so that a list row at 80 columns shows it.
    let at = cut[..cut.find("L. 1").expect("cited")].chars().count();
    assert!(at <= 30, "{at}: {cut}");
    assert_eq!(cut.chars().count(), 162);
    assert_eq!(build::snippet("court", "x"), "court");
}

#[test]
fn damaged_bytes_give_no_answer_and_no_panic() {
    let mirror = Mirror::bundled();
    let mut bytes = Vec::new();
    build::build_on(
        &mirror,
        &head(&mirror, None),
        &mut bytes,
        1,
        &AtomicUsize::new(0),
    )
    .expect("built");
    let target = mirror.find_number(None, "L6123-1").expect("in the sample");
    let count_at = bytes.iter().position(|&b| b == b'\n').expect("stamp")
        + 1
        + mirror.index().len() * stamps::ROW;
    for cut in [0, count_at, count_at + 3, count_at + 4 + 7, bytes.len() - 1] {
        if let Some(b) = Backlinks::from_bytes(Bytes::Owned(bytes[..cut].to_vec())) {
            let _ = b.of(&mirror, &target);
        }
    }
    // Snippet offsets past the end: the citing article is still listed, or skipped.
    let mut wild = bytes.clone();
    for i in 0..4 {
        wild[count_at + 4 + 12 + i] = 0xff;
    }
    let b = Backlinks::from_bytes(Bytes::Owned(wild)).expect("the header holds");
    let _ = b.of(&mirror, &target);
    // A count past the end is refused.
    let mut big = bytes;
    big[count_at..count_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(Backlinks::from_bytes(Bytes::Owned(big)).is_none());
}

/// A mirror of legacy links, one of whose texts its other links contradict: built
/// with no legacy ids known, the backlinks count them on the way, resolve the links
/// that waited for them, and agree with a plain pass once the ids are read; the ids
/// are then the mirror's, as a scan finds them.
#[test]
fn legacy_links_wait_for_the_ids_the_build_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/p");
    std::fs::create_dir_all(&section).expect("mkdir");
    let link = |id: &str, text: &str| {
        format!(
            "<a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&amp;idArticle={id}'>{text}</a>"
        )
    };
    for (name, body) in [
        ("l1-9", link("ID9", "L. 1-9")),
        ("l1-19", link("ID9", "L. 1-9")),
        (
            "l2-1",
            format!("{} et {}", link("ID9", "L. 1-19"), link("ID1", "L. 2-2")),
        ),
        ("l2-2", link("ID1", "L. 2-1")),
    ] {
        let num = crate::mirror::number_of_file(name);
        std::fs::write(
            section.join(format!("{name}.md")),
            format!("# Article {num}\n\n<p>Voir {body}.</p>"),
        )
        .expect("write");
    }
    let fresh = || Mirror::open(dir.path()).expect("open");
    for threads in [1, 2] {
        let mirror = fresh();
        let backlinks = built(&mirror, threads);
        let scanned = crate::mirror::ids::Ids::scan(&fresh());
        assert_eq!(
            mirror.legacy_ids().as_deref(),
            Some(&scanned),
            "{threads} threads"
        );
        let citing = |num: &str| -> Vec<String> {
            let path = mirror.find_number(None, num).expect("target");
            backlinks
                .of(&mirror, &path)
                .into_iter()
                .map(|c| c.num)
                .collect()
        };
        // L2-1's `L. 1-19` is ID9's link, which two links call L1-9.
        assert_eq!(citing("L1-9"), ["L1-19", "L2-1"], "{threads} threads");
        assert_eq!(citing("L1-19"), Vec::<String>::new());
        assert_eq!(naive(&mirror), {
            let mut got = Vec::new();
            for path in mirror.all_files() {
                for c in backlinks.of(&mirror, &path) {
                    got.push((path.clone(), c.path));
                }
            }
            got.sort();
            got.dedup();
            got
        });
    }
}
