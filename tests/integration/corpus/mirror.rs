//! Whole-corpus tests: the real four-code, 29,115-article mirror of `../shared/corpus`, extracted
//! to a temporary folder, read through the same code the reader uses.

use crate::support::corpus as common;

use std::sync::OnceLock;

use common::{articles, corpus};

use loi::mirror::{self, Mirror};
use loi::model::article::{Article, Citations, Piece, html};
use loi::model::layout::Layout;

/// Every article, parsed once for all the tests of this file.
pub(super) fn parse_all() -> &'static [Article] {
    static ALL: OnceLock<Vec<Article>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mirror = Mirror::open(corpus()).expect("open corpus");
        articles()
            .iter()
            .map(|rel| mirror.article(rel, Citations::Now).expect("load"))
            .collect()
    })
}

#[test]
fn every_article_parses_into_a_sound_tree() {
    let all = parse_all();
    assert_eq!(all.len(), 29_115);
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
    // A regular expression over the raw HTML, outside tables, counts 37,115 paragraphs
    // and <br/> lines that open with a marker (`I.-`, `A.-`, `1°`, `a)`, `-`, `1.`,
    // `1.1.`); the reader's own detection, which also takes `1 °`, `a.` and markers
    // after an opening tag the expression misses, must agree within a few percent.
    assert!((37_000..=40_500).contains(&items), "{items} items found");
}

/// The strict reader (no html5ever, no tree) is what opens an article fast: it must
/// take nearly every article, and read each exactly as html5ever does.
#[test]
fn the_strict_reader_reads_the_mirror_as_html5ever_does() {
    let root = corpus();
    let mut strict = 0;
    let mut left: Vec<String> = Vec::new();
    for rel in articles() {
        let source = std::fs::read_to_string(root.join(&rel)).expect("read");
        let body = loi::model::article::split_heading(&source).map_or(source.as_str(), |(_, b)| b);
        match html::parse_strictly(body) {
            Some(parsed) => {
                assert_eq!(parsed, html::parse_by_tree(body), "{rel}");
                strict += 1;
            }
            None => left.push(rel),
        }
    }
    let total = strict + left.len();
    println!("read strictly: {strict} of {total}");
    // 69 of 29,115 (0.24%) are misnested and go to html5ever.
    assert!(
        left.len() * 1000 <= total * 3,
        "left to html5ever: {left:#?}"
    );
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
                // A table too wide for the room keeps its own width (and scrolls):
                // its lines all make the box its shape says.
                let shape = layout.table_shape(a, i);
                for line in layout.lines(a, i) {
                    let w: usize = line.iter().map(|s| s.text.width()).sum();
                    match shape {
                        Some(shape) => assert_eq!(w, shape.width, "{} block {i}", a.path),
                        None => {
                            assert!(w <= room, "{} block {i} at {width}: {w} > {room}", a.path)
                        }
                    }
                }
            }
        }
    }
}

/// The code du travail's table of contents from the real mirror: parts, livres and
/// chapters in legal order, every article once, articles in number order within their
/// section, and `]` order crossing sections.
#[test]
fn the_table_of_contents_is_in_legal_order() {
    use loi::mirror::toc::Toc;
    let mirror = Mirror::open(corpus()).expect("open");
    let toc = Toc::of_code(&mirror.index(), "code-du-travail");
    let top: Vec<&str> = toc
        .rows
        .iter()
        .filter(|r| r.depth == 0)
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "Partie législative",
            "Partie réglementaire",
            "Partie législative ancienne",
            "Partie réglementaire ancienne - Décrets en Conseil d'Etat",
            "Partie réglementaire ancienne - Décrets simples"
        ]
    );
    let parts: Vec<&str> = toc
        .rows
        .iter()
        .filter(|r| r.depth == 1 && r.path.is_none())
        .map(|r| r.label.split(' ').next().unwrap_or_default())
        .collect();
    let ordinals = [
        "Chapitre",
        "Première",
        "Deuxième",
        "Troisième",
        "Quatrième",
        "Cinquième",
        "Sixième",
        "Septième",
        "Huitième",
    ];
    assert_eq!(&parts[..9], ordinals, "{parts:?}");
    // The first articles: the chapitre préliminaire's L1, L2, L3.
    let first: Vec<&str> = toc
        .rows
        .iter()
        .filter(|r| r.path.is_some())
        .take(3)
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(first, ["L1", "L2", "L3"]);
    // Every article of the code, once.
    let in_toc = toc.rows.iter().filter(|r| r.path.is_some()).count();
    let on_disk = articles()
        .iter()
        .filter(|p| p.starts_with("code-du-travail/"))
        .count();
    assert_eq!(in_toc, on_disk);
    // Within a section, number order (L6123-2 before L6123-10).
    for pair in toc.rows.windows(2) {
        if let (Some(a), Some(b)) = (&pair[0].path, &pair[1].path)
            && a.rsplit_once('/').map(|x| x.0) == b.rsplit_once('/').map(|x| x.0)
        {
            assert_eq!(
                loi::mirror::order::compare(&pair[0].label, &pair[1].label),
                std::cmp::Ordering::Less,
                "{a} before {b}"
            );
        }
    }
    // Livre Ier before Livre II before Livre III under each part.
    let l6123_1 = mirror.find_number(None, "L6123-1").expect("L6123-1");
    let next = toc
        .neighbour(&l6123_1, true)
        .expect("an article after L6123-1");
    assert!(next.ends_with("/l6123-3.md"), "{next}");
    let l1 = mirror
        .find_number(Some("code-du-travail"), "L1")
        .expect("L1");
    assert_eq!(toc.neighbour(&l1, false), None);
}
