//! Whole-corpus tests: the real four-code, 29,115-article mirror of `../shared/corpus`, extracted
//! to a temporary folder, read through the same code the reader uses.

use crate::support::corpus as common;

use std::sync::OnceLock;

use common::{articles, corpus, extract};

use loi::mirror::reference::{self, Target};
use loi::mirror::{self, Mirror};
use loi::model::article::{Article, Citations, Piece, html};
use loi::model::layout::Layout;

/// Every article, parsed once for all the tests of this file.
fn parse_all() -> &'static [Article] {
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

#[test]
fn every_mirror_path_link_resolves_to_its_own_file() {
    let mirror = Mirror::open(corpus()).expect("open corpus");
    let (mut checked, mut others, mut others_ok) = (0, 0, 0);
    for a in parse_all() {
        for (i, link) in a.links.iter().enumerate() {
            if !(link.href.starts_with('/') && link.href.ends_with(".md")) {
                continue;
            }
            let target = reference::resolve(&mirror, &a.path, link);
            // A link naming several articles is split: its first part is the file the
            // href names, the others are the other numbers of its text.
            let later_part = i > 0 && a.links[i - 1].href == link.href;
            if later_part {
                others += 1;
                others_ok += usize::from(target.is_ok());
                continue;
            }
            match target {
                Ok(Target::Article { path, .. }) => assert_eq!(format!("/{path}"), link.href),
                // A range: the href is one of its ends.
                Ok(Target::Many(paths)) => {
                    assert!(
                        paths.iter().any(|p| format!("/{p}") == link.href),
                        "{}",
                        link.href
                    )
                }
                other => panic!("{}: {} {other:?}", a.path, link.href),
            }
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} mirror links");
    println!(
        "{checked} links to their own file; {others_ok} of {others} other numbers in split links resolve"
    );
    assert!(others_ok * 100 >= others * 95, "{others_ok} of {others}");
}

/// The same mirror with every link left as Légifrance wrote it: the code comes from
/// `cidTexte`, the number from the link's text. MANIFEST.tsv (read here, never by
/// loi) says which article each `idArticle` is.
#[test]
fn legacy_links_resolve_to_the_article_their_id_names() {
    const LEGACY: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/mirror-four-codes-legacy-links.tar.gz"
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
    mirror.read_legacy_ids();
    let (mut total, mut right) = (0, 0);
    for rel in mirror.all_files() {
        let Ok(article) = mirror.article(&rel, Citations::Now) else {
            continue;
        };
        for (i, link) in article.links.iter().enumerate() {
            let Some(expected) = link.query("idArticle").and_then(|id| by_id.get(id)) else {
                continue;
            };
            // Only the first part of a link naming several articles is the id's article.
            if i > 0 && article.links[i - 1].href == link.href {
                continue;
            }
            total += 1;
            let target = reference::resolve(&mirror, &article.path, link);
            // A range is right when it holds the id's article (which is one of its
            // ends, not always the first).
            let ok = match &target {
                Ok(Target::Article { path, .. }) => path == expected,
                Ok(Target::Many(paths)) => paths.contains(expected),
                _ => false,
            };
            right += usize::from(ok);
            if !ok && std::env::var_os("LOI_SHOW_MISSES").is_some() {
                let name = expected.rsplit('/').next().unwrap_or_default();
                println!("miss: {:?} → {name}: {target:?}", link.text);
            }
        }
    }
    assert!(total > 33_000, "{total} legacy links into the mirror");
    println!("{right} of {total} legacy links resolve to their article");
    // 99.7% today. The rest: text and id disagree where no other link carries the id
    // (or most of those that do agree with the text), and a few texts with no number.
    assert!(
        right * 1000 >= total * 995,
        "{right} of {total} resolved to their article"
    );
}

/// The article numbers a link's text names, read by a scanner independent of the
/// detector (letters, optional dot, star and spaces, digits joined by hyphens, maybe a
/// lone capital).
fn labelled_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(boundary && matches!(chars[i], 'L' | 'R' | 'D' | 'A')) {
            i += 1;
            continue;
        }
        let mut prefix = chars[i].to_string();
        let mut k = i + 1;
        if chars.get(k) == Some(&'O') {
            prefix.push('O');
            k += 1;
        }
        while matches!(chars.get(k), Some('.' | '*' | ' ' | '\u{a0}' | '\u{202f}')) {
            if chars[k] == '*' {
                prefix.push('*');
            }
            k += 1;
        }
        let start = k;
        while chars
            .get(k)
            .is_some_and(|c| c.is_ascii_digit() || (*c == '-' && k > start))
        {
            k += 1;
        }
        let digits: String = chars[start..k].iter().collect();
        let mut digits = digits.trim_end_matches('-').to_owned();
        // `L. 5214-1 A`: a lone capital after the number is part of it.
        if chars.get(k) == Some(&' ')
            && chars.get(k + 1).is_some_and(char::is_ascii_uppercase)
            && !chars.get(k + 2).is_some_and(|c| c.is_alphanumeric())
        {
            digits.push(' ');
            digits.push(chars[k + 1]);
            k += 2;
        }
        if digits.contains('-') {
            out.push(format!("{prefix}{digits}"));
        }
        i = k.max(i + 1);
    }
    out
}

/// The texts of the real links are a labelled set: every number a link names should be
/// found by the plain-text detector run on the link's block with the tags stripped.
#[test]
fn the_citation_detector_finds_what_the_links_name() {
    use loi::model::article::citation::{self, Cite, Context};
    let (mut labelled, mut found) = (0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    for a in parse_all() {
        let mut ctx = Context::new(a.code_slug());
        for (index, block) in a.blocks.iter().enumerate() {
            let mut detected: Vec<String> = Vec::new();
            for f in citation::detect(&block.plain_text(), &mut ctx) {
                match f.cite {
                    Cite::Article { num, .. } => detected.push(num),
                    Cite::Range { from, to, .. } => detected.extend([from, to]),
                    _ => {}
                }
            }
            for link in a
                .links
                .iter()
                .filter(|l| l.block == index && !l.href.is_empty())
            {
                for num in labelled_numbers(&link.text) {
                    labelled += 1;
                    match detected.iter().position(|d| *d == num) {
                        Some(at) => {
                            detected.swap_remove(at);
                            found += 1;
                        }
                        None => misses.push(format!("{}: {}", a.path, link.text)),
                    }
                }
            }
        }
    }
    let recall = found as f64 * 100.0 / labelled as f64;
    println!("recall {found}/{labelled} = {recall:.2}%");
    for miss in misses.iter().take(40) {
        println!("missed: {miss}");
    }
    assert!(labelled > 15_000, "{labelled} numbers in link texts");
    assert!(recall >= 99.0, "recall {recall:.2}%");
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

/// The articles citing L5311-9, from `loi::mirror::backlinks`, are the files that name it: by a
/// link to its file or by its number in the text (`5311-9` not followed by more digits
/// or `-1`) below the heading, as a grep of the mirror finds them.
#[test]
fn the_articles_citing_l5311_9_agree_with_a_grep() {
    let mirror = Mirror::open(corpus()).expect("open");
    let target = mirror.find_number(None, "L5311-9").expect("L5311-9");
    let backlinks = loi::mirror::backlinks::Backlinks::load_or_build(&mirror);
    let mut found: Vec<String> = backlinks
        .of(&mirror, &target)
        .into_iter()
        .map(|c| c.path)
        .collect();
    found.dedup();
    let names_it = |text: &str| {
        text.match_indices("5311-9").any(|(at, m)| {
            let after = &text[at + m.len()..];
            let before = text[..at].chars().next_back();
            !after.starts_with(|c: char| c.is_ascii_digit())
                && !after.starts_with("-1")
                && !after.starts_with("-2")
                && !before.is_some_and(|c| c.is_ascii_digit() || c == '-')
        })
    };
    let mut grep: Vec<String> = articles()
        .into_iter()
        .filter(|p| *p != target)
        .filter(|p| {
            let text = std::fs::read_to_string(corpus().join(p)).unwrap_or_default();
            // The body: R5311-9's heading is no citation.
            names_it(text.split_once('\n').map_or("", |(_, body)| body))
        })
        .collect();
    grep.sort();
    assert!(grep.len() >= 10, "{grep:?}");
    assert_eq!(found, grep);
}

/// One item of an article's enumeration, for the runs: a block's marker, or the
/// second marker of its line (the `1°` of `II. – 1° Toute personne`), one deeper.
#[derive(Debug, Clone, Copy)]
struct Item {
    marker: loi::model::article::enumeration::Marker,
    /// `2° bis`: comes after `2°` in its run.
    inserted: bool,
    depth: usize,
}

fn items(a: &Article) -> Vec<Item> {
    let mut out = Vec::new();
    for b in &a.blocks {
        let Some(marker) = b.marker else { continue };
        let line = loi::model::article::enumeration::opening(&b.plain_text());
        out.push(Item {
            marker,
            inserted: line.inserted,
            depth: b.depth,
        });
        if let Some(inner) = line.inner {
            out.push(Item {
                marker: inner,
                inserted: false,
                depth: b.depth + 1,
            });
        }
    }
    out
}

/// The runs of an article's enumeration: a run is a chain of items of one
/// [`MarkerKind`], each the next item of that kind in the text (no item of the kind
/// between) and numbered one more than the one before (`1°` `2°` `3°`; `I` `II`;
/// `a)` `b)`), or as much for an inserted item (`2°` `2° bis` `3°`), other families'
/// items and plain paragraphs free to come between. Dashes, which have no number,
/// make no run. Returns each run's items, in order.
fn runs(a: &Article) -> Vec<Vec<Item>> {
    use loi::model::article::enumeration::MarkerKind;
    let mut out: Vec<Vec<Item>> = Vec::new();
    // Per kind, its last item and the run that item is in, as an index into `out`.
    let mut last: Vec<(Item, Option<usize>)> = Vec::new();
    for item in items(a) {
        let m = item.marker;
        if m.kind == MarkerKind::Dash {
            continue;
        }
        let slot = last.iter().position(|(l, _)| l.marker.kind == m.kind);
        let run = match slot.map(|s| last[s]) {
            Some((before, run))
                if m.value == before.marker.value + 1
                    || (item.inserted && m.value == before.marker.value) =>
            {
                Some(match run {
                    Some(r) => {
                        out[r].push(item);
                        r
                    }
                    None => {
                        out.push(vec![before, item]);
                        out.len() - 1
                    }
                })
            }
            _ => None,
        };
        match slot {
            Some(s) => last[s] = (item, run),
            None => last.push((item, run)),
        }
    }
    out
}

/// The runs whose items do not all sit at one depth, as `1°@1 2°@3` lists.
fn runs_astray(a: &Article) -> Vec<String> {
    runs(a)
        .into_iter()
        .filter(|run| run.iter().any(|i| i.depth != run[0].depth))
        .map(|run| {
            let items: Vec<String> = run
                .iter()
                .map(|i| format!("{}@{}", i.marker.label(), i.depth))
                .collect();
            items.join(" ")
        })
        .collect()
}

/// Items of one run are siblings: `2°` after `1°`'s `a)` … `d)` is not inside `d)`
/// (L1233-3), `II` after `I`'s `A` … `H` is not inside `H`. Checked on every run of
/// every article.
#[test]
fn every_run_of_numbered_items_sits_at_one_depth() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for a in parse_all() {
        checked += runs(a).len();
        let astray = runs_astray(a);
        if !astray.is_empty() {
            wrong.push(format!("{} {}: {}", a.path, a.num, astray.join(" | ")));
        }
    }
    println!(
        "{checked} runs checked, {} articles with one astray",
        wrong.len()
    );
    for w in &wrong {
        println!("{w}");
    }
    assert!(checked > 9_000, "{checked} runs");
    assert!(wrong.is_empty(), "{} articles", wrong.len());
}

/// The check above sees a run broken across depths, an inserted item and an item
/// that shares its line with another included.
#[test]
fn a_run_across_depths_is_seen() {
    let source = "# Article X\n\n<p>I.-1° Un.</p><p>2° Deux.</p><p>2° bis Ter.</p><p>3° Trois.</p>";
    let mut a = Article::parse("c/x.md", source, Citations::Now);
    let lengths: Vec<usize> = runs(&a).iter().map(Vec::len).collect();
    assert_eq!(lengths, vec![4]);
    assert!(runs_astray(&a).is_empty());
    a.blocks[3].depth = 2;
    assert_eq!(runs_astray(&a), vec!["1°@1 2°@1 2°@1 3°@2"]);
}

/// Per table of `body` with any text, per cell, how many lines its text makes: cut at
/// the edges of the blocks in the cell (`<p>`, `<div>`, `<li>`… and a table inside,
/// whose own cells are words) and at `<br/>`, empty pieces left out. Read with
/// scraper, on its own terms.
fn cell_lines_in_html(body: &str) -> Vec<Vec<usize>> {
    use ego_tree::iter::Edge;
    use scraper::node::Node;
    const BLOCKS: &[&str] = &[
        "p",
        "div",
        "center",
        "blockquote",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
    ];
    let doc = scraper::Html::parse_fragment(body);
    let mut tables: Vec<Vec<usize>> = Vec::new();
    let mut depth = 0;
    // The open cell: lines so far, and whether the current one has text.
    let mut cell: Option<(usize, bool)> = None;
    let cut = |cell: &mut Option<(usize, bool)>| {
        if let Some((lines, text @ true)) = cell {
            *lines += 1;
            *text = false;
        }
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => {
                    if let Some((_, has)) = cell.as_mut()
                        && text.chars().any(|c| !c.is_ascii_whitespace())
                    {
                        *has = true;
                    }
                }
                Node::Element(el) => match el.name() {
                    "table" => {
                        if depth == 0 {
                            tables.push(Vec::new());
                        } else if depth == 1 {
                            cut(&mut cell);
                        }
                        depth += 1;
                    }
                    "td" | "th" if depth == 1 => cell = Some((0, false)),
                    name if depth == 1 && BLOCKS.contains(&name) => cut(&mut cell),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    match el.name() {
                        "table" => {
                            depth -= 1;
                            if depth == 1 {
                                cut(&mut cell);
                            }
                        }
                        "td" | "th" if depth == 1 => {
                            cut(&mut cell);
                            if let (Some((lines, _)), Some(table)) =
                                (cell.take(), tables.last_mut())
                            {
                                table.push(lines);
                            }
                        }
                        name if depth == 1 && BLOCKS.contains(&name) => cut(&mut cell),
                        _ => {}
                    }
                }
            }
        }
    }
    tables.retain(|t| t.iter().any(|lines| *lines > 0));
    tables
}

/// The same, from the model: per table block, per cell, its lines.
fn cell_lines_in_model(a: &Article) -> Vec<Vec<usize>> {
    a.blocks
        .iter()
        .filter(|b| b.table().is_some())
        .map(|b| {
            b.cells()
                .iter()
                .map(
                    |cell| match cell.iter().any(|p| matches!(p, Piece::Text { .. })) {
                        true => 1 + cell.iter().filter(|p| **p == Piece::Break).count(),
                        false => 0,
                    },
                )
                .collect()
        })
        .collect()
}

/// A paragraph in a table's cell starts a line of the cell, as `<br/>` does, and so
/// does any block (issue 16, part 4): `Pustule maligne.`, `Œdème malin.` are two
/// lines of their cell, not one sentence. Checked on every cell of every table.
#[test]
fn every_block_in_a_cell_starts_a_line_of_it() {
    let root = corpus();
    let (mut cells, mut several, mut tables) = (0, 0, 0);
    let mut wrong = Vec::new();
    for a in parse_all() {
        let source = std::fs::read_to_string(root.join(&a.path)).expect("read");
        let body = loi::model::article::split_heading(&source).map_or(source.as_str(), |(_, b)| b);
        if !body.contains("<t") {
            continue;
        }
        let expected = cell_lines_in_html(body);
        let got = cell_lines_in_model(a);
        tables += got.len();
        cells += got.iter().map(Vec::len).sum::<usize>();
        several += got.iter().flatten().filter(|lines| **lines > 1).count();
        if expected != got {
            wrong.push(a.path.clone());
        }
    }
    println!(
        "{tables} tables, {cells} cells, {several} of several lines; {} articles differ",
        wrong.len()
    );
    assert!(cells > 15_000, "{cells} cells");
    assert!(wrong.is_empty(), "{wrong:#?}");
}
