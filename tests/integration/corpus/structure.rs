//! Whole-corpus tests of an article's structure: runs of numbered items at one depth,
//! and every block of a table cell a line of it, on the real four-code mirror.

use crate::support::corpus as common;

use common::corpus;

use loi::model::article::{Article, Citations, Piece};

use super::mirror::parse_all;

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
