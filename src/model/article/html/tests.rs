//! Tests of the builder, through both readers.

use super::*;

fn texts(p: &RawPara) -> Vec<String> {
    p.lines
        .iter()
        .map(|line| {
            line.iter()
                .map(|piece| match piece {
                    Piece::Text { text, .. } => text.as_str(),
                    Piece::Break => "\n",
                    Piece::CellEnd => "|",
                })
                .collect()
        })
        .collect()
}

#[test]
fn paragraphs_and_breaks() {
    let p = parse("<p>Un  deux\n trois </p><p></p><p>a<br/>b<br/><br/>c</p>");
    assert_eq!(p.paras.len(), 3);
    assert_eq!(texts(&p.paras[0]), vec!["Un deux trois"]);
    assert_eq!(texts(&p.paras[1]), vec!["a", "b"]);
    assert_eq!(texts(&p.paras[2]), vec!["c"]);
}

#[test]
fn link_text_has_no_outer_spaces() {
    let p = parse("<p>l'article <a href='/c/l1.md'>L. 313-6 </a>et la suite</p>");
    assert_eq!(p.links.len(), 1);
    assert_eq!(p.links[0].text, "L. 313-6");
    assert_eq!(p.links[0].href, "/c/l1.md");
    assert_eq!(texts(&p.paras[0]), vec!["l'article L. 313-6 et la suite"]);
    let linked: Vec<_> = p.paras[0].lines.iter().flatten().collect();
    assert!(linked.iter().any(|piece| matches!(piece,
        Piece::Text { text, link: Some(0), .. } if text == "L. 313-6")));
}

#[test]
fn styles_and_entities() {
    let p = parse("<p>1<sup>er</sup> <strong>gras</strong>&nbsp;: CO<sub>2</sub></p>");
    let line = &p.paras[0].lines[0];
    assert!(line.iter().any(|piece| matches!(piece,
        Piece::Text { text, style: TextStyle { sup: true, .. }, .. } if text == "ᵉʳ")));
    assert!(line.iter().any(|piece| matches!(piece,
        Piece::Text { text, style: TextStyle { bold: true, .. }, .. } if text == "gras")));
    // Raised and lowered text is written so: `10-3` must not read as a range.
    assert_eq!(texts(&p.paras[0]), vec!["1ᵉʳ gras\u{a0}: CO₂"]);
}

#[test]
fn tables_become_cells_on_a_grid() {
    let p = parse(
        "<p>Avant</p><table><thead><tr><td>A</td><th>B</th></tr></thead><tr><td><p>1</p><p>un</p></td><td></td><td colspan='2'><br/>2<br/><br/>deux<br/></td></tr></table><p>Après</p>",
    );
    assert_eq!(p.paras.len(), 3);
    let table = p.paras[1].table.as_ref().expect("a table");
    // A paragraph in a cell, as a `<br/>`, is a line of the cell (none at its ends,
    // none empty); an empty cell keeps its place.
    assert_eq!(texts(&p.paras[1]), vec!["A", "B", "1\nun", "", "2\ndeux"]);
    // The colspan's second column has no cell of its own: taken out.
    assert_eq!((table.rows, table.columns, table.header_rows), (2, 3, 1));
    assert!(table.cells[0].header, "a <td> of <thead> heads the table");
    assert_eq!(table.cells[4].columns, 1);
    assert_eq!(table.cells[4].column, 2);
}

#[test]
fn a_table_in_a_cell_is_a_line_of_words_of_that_cell() {
    let p = parse(
        "<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table>d</td><td>e</td></tr></table>",
    );
    assert_eq!(texts(&p.paras[0]), vec!["a\nb c\nd", "e"]);
    assert_eq!(p.paras[0].table.as_ref().map(|t| t.cells.len()), Some(2));
}

#[test]
fn escape_sequences_never_survive() {
    let p = parse("<p>a\u{1b}[2Jb <a href='/x\u{1b}]0;t\u{7}'>c</a></p>");
    assert_eq!(texts(&p.paras[0]), vec!["a[2Jb c"]);
    assert!(!p.links[0].href.contains('\u{1b}'));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = "<b>".repeat(20_000) + "fond";
    let p = parse(&html);
    assert_eq!(texts(&p.paras[0]), vec!["fond"]);
}

/// The cell of a table read as one line of the whole table's text.
fn cell(html: &str) -> String {
    let p = parse(&format!("<table><tr><td>{html}</td></tr></table>"));
    texts(&p.paras[0]).concat()
}

#[test]
fn every_block_in_a_cell_starts_a_line_of_it() {
    // Maladies professionnelles, tableau n° 4 of the code rural.
    assert_eq!(
        cell("<p>Pustule maligne. </p><p>Œdème malin.</p>\n<p> Charbon gastro-intestinal.</p>"),
        "Pustule maligne.\nŒdème malin.\nCharbon gastro-intestinal."
    );
    for tag in ["p", "div", "li", "center", "blockquote", "h3"] {
        assert_eq!(cell(&format!("a<{tag}>b</{tag}>c")), "a\nb\nc", "<{tag}>");
    }
    assert_eq!(
        cell("<ul><li>- un,</li><li>- deux</li></ul>"),
        "- un,\n- deux"
    );
    // No line is empty, none opens or closes the cell.
    assert_eq!(
        cell("<p></p><p><br/>x<br/></p><br/><br/><p>y</p><p> </p>"),
        "x\ny"
    );
    // Inside a paragraph, words and links run on as elsewhere.
    assert_eq!(
        cell("<p>le <b>gras</b> et <a href='x'>un lien</a></p>"),
        "le gras et un lien"
    );
    // A table in a cell is a block of it whose cells, paragraphs and all, are words.
    assert_eq!(
        cell("a<table><tr><td><p>b</p><p>c</p></td><td>d</td></tr></table>e"),
        "a\nb c d\ne"
    );
}
