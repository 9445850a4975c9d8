//! Whole-corpus tests: the real 12,019-article mirror of `../shared/corpus`, extracted
//! to a temporary folder, read through the same code the reader uses.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use loi::article::{Article, Piece};
use loi::layout::Layout;
use loi::mirror::{self, Mirror};
use loi::reference;

const TARBALL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/mirror-travail-crpa.tar.gz"
);

/// The extracted mirror, shared by the tests of this file (extracting takes a second).
fn corpus() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| extract(TARBALL)).path()
}

/// A tarball of `../shared/corpus`, extracted to a new temporary folder.
fn extract(tarball: &str) -> tempfile::TempDir {
    assert!(
        Path::new(tarball).exists(),
        "the shared corpus is missing: {tarball}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new("tar")
        .args(["xzf", tarball, "-C"])
        .arg(dir.path())
        .status()
        .expect("run tar");
    assert!(status.success(), "tar failed on {tarball}");
    dir
}

/// Every article file, relative to the root, sorted.
fn articles() -> Vec<String> {
    let root = corpus();
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(root).expect("inside");
                out.push(rel.to_str().expect("utf-8 name").to_owned());
            }
        }
    }
    out.sort();
    out
}

/// Every article, parsed once for all the tests of this file.
fn parse_all() -> &'static [Article] {
    static ALL: OnceLock<Vec<Article>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mirror = Mirror::open(corpus()).expect("open corpus");
        articles()
            .iter()
            .map(|rel| mirror.load(rel).expect("load"))
            .collect()
    })
}

#[test]
fn every_article_parses_into_a_sound_tree() {
    let all = parse_all();
    assert_eq!(all.len(), 12_019);
    let mut items = 0;
    for a in all {
        assert!(!a.num.is_empty(), "{}", a.path);
        for (i, b) in a.blocks.iter().enumerate() {
            assert!(b.end > i && b.end <= a.blocks.len(), "{} block {i}", a.path);
            if let Some(p) = b.parent {
                assert!(p < i, "{} block {i}: parent after child", a.path);
                assert_eq!(b.depth, a.blocks[p].depth + 1, "{} block {i}", a.path);
                assert!(
                    b.end <= a.blocks[p].end,
                    "{} block {i} outlives its parent",
                    a.path
                );
                assert!(
                    a.blocks[p].is_item(),
                    "{} block {i}: parent is no item",
                    a.path
                );
            } else {
                assert_eq!(b.depth, 0);
            }
            for piece in &b.pieces {
                if let Piece::Text { text, .. } = piece {
                    assert!(
                        !text.chars().any(char::is_control),
                        "{}: control char",
                        a.path
                    );
                }
            }
            items += usize::from(b.is_item());
        }
    }
    // A regular expression over the raw HTML, outside tables, counts 13,110 paragraphs
    // and <br/> lines that open with a marker (9,599 of them `1°`-style); the reader's
    // own detection must agree within a few percent.
    assert!((12_800..=13_400).contains(&items), "{items} items found");
}

#[test]
fn file_names_are_the_slugs_of_the_article_numbers() {
    let mut mismatches = Vec::new();
    for a in parse_all() {
        let name = a.path.rsplit('/').next().expect("name");
        if format!("{}.md", mirror::number_slug(&a.num)) != name {
            mismatches.push(format!("{} -> {name}", a.num));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches: {:?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(10)]
    );
}

#[test]
fn wrapped_lines_fit_their_width() {
    use unicode_width::UnicodeWidthStr;
    for a in parse_all().iter().step_by(7) {
        for width in [40u16, 80] {
            let layout = Layout::new(a, width);
            for (i, b) in a.blocks.iter().enumerate() {
                let room = usize::from(width) - layout.text_column(b.depth);
                for line in layout.lines(a, i) {
                    let w: usize = line.iter().map(|s| s.text.width()).sum();
                    assert!(w <= room, "{} block {i} at {width}: {w} > {room}", a.path);
                }
            }
        }
    }
}

#[test]
fn every_mirror_path_link_resolves_to_its_own_file() {
    let mirror = Mirror::open(corpus()).expect("open corpus");
    let mut checked = 0;
    for a in parse_all() {
        for link in &a.links {
            if link.href.starts_with('/') && link.href.ends_with(".md") {
                let target = reference::resolve(&mirror, link)
                    .unwrap_or_else(|e| panic!("{}: {} {e}", a.path, link.href));
                assert_eq!(format!("/{target}"), link.href);
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000, "only {checked} mirror links");
}

/// The same mirror with every link left as Légifrance wrote it: the code comes from
/// `cidTexte`, the number from the link's text. MANIFEST.tsv (read here, never by
/// loi) says which article each `idArticle` is.
#[test]
fn legacy_links_resolve_to_the_article_their_id_names() {
    const LEGACY: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/mirror-travail-crpa-legacy-links.tar.gz"
    );
    let dir = extract(LEGACY);
    let manifest = std::fs::read_to_string(dir.path().join("MANIFEST.tsv")).expect("manifest");
    let mut by_id = std::collections::HashMap::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        by_id.insert(cols[2].to_owned(), cols[0].to_owned());
        by_id
            .entry(cols[3].to_owned())
            .or_insert_with(|| cols[0].to_owned());
    }
    let mirror = Mirror::open(dir.path()).expect("open");
    let (mut total, mut right) = (0, 0);
    for rel in mirror.all_files() {
        let Ok(article) = mirror.load(&rel) else {
            continue;
        };
        for link in &article.links {
            let Some(expected) =
                reference::query_value(&link.href, "idArticle").and_then(|id| by_id.get(id))
            else {
                continue;
            };
            total += 1;
            right += usize::from(reference::resolve(&mirror, link).as_ref() == Ok(expected));
        }
    }
    assert!(total > 13_000, "{total} legacy links into the mirror");
    // 98.9% today: the rest name no number in their text (52), or their text and
    // their id disagree (81, Légifrance's own errors), or the number is written
    // `R. * 343-4` or `L. 5214-1 A`.
    assert!(
        right * 1000 >= total * 985,
        "{right} of {total} resolved to their article"
    );
}
