//! Nothing lost (issue 5, part 4): over every article of the real mirror, `loi print`'s
//! fully unfolded body holds every word of the article's HTML text, in order, and
//! nothing that is not in it.
//!
//! The words of the HTML are read here with scraper on its own terms: text nodes in
//! document order, entities decoded, split at ASCII white space and at the edges of
//! the elements HTML lays out as blocks. Two of the reader's rewritings are applied to
//! that side too, as documented transformations rather than losses: control characters
//! cleaned ([`loi::model::sanitize::clean`]) and `<sup>`/`<sub>` text in Unicode super- and
//! subscripts ([`loi::model::article::superscript`]). What the reader adds is taken out of
//! the printed side: the `[n]` markers, and a table's box lines, its cells read one
//! after the other, row by row, as a person reads a table.

use crate::support::corpus as common;
use crate::support::drawn;

use drawn::cells_drawn;

use ego_tree::iter::Edge;
use loi::cli::print::{self, Options};
use loi::mirror::Mirror;
use loi::model::article::{Article, Citations, subscript, superscript};
use loi::model::sanitize;
use scraper::Html;
use scraper::node::Node;

/// Elements whose edges separate words, as a browser lays them out.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The words of an article's HTML body.
fn html_words(body: &str) -> Vec<String> {
    let doc = Html::parse_fragment(body);
    let mut flat = String::with_capacity(body.len());
    let (mut sup, mut sub) = (0u32, 0u32);
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => {
                    let clean = sanitize::clean(&text.text);
                    if sup == 0 && sub == 0 {
                        flat.push_str(&clean);
                        continue;
                    }
                    // The reader maps a text node's words, white space collapsed.
                    let words: Vec<&str> = clean.split_ascii_whitespace().collect();
                    if words.is_empty() {
                        flat.push(' ');
                        continue;
                    }
                    let joined = words.join(" ");
                    let blank = |c: Option<char>| c.is_some_and(|c| c.is_ascii_whitespace());
                    if blank(clean.chars().next()) {
                        flat.push(' ');
                    }
                    flat.push_str(&if sup > 0 {
                        superscript(&joined)
                    } else {
                        subscript(&joined)
                    });
                    if blank(clean.chars().last()) {
                        flat.push(' ');
                    }
                }
                Node::Element(el) => match el.name() {
                    "sup" => sup += 1,
                    "sub" => sub += 1,
                    name if BLOCKS.contains(&name) => flat.push(' '),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    match el.name() {
                        "sup" => sup = sup.saturating_sub(1),
                        "sub" => sub = sub.saturating_sub(1),
                        name if BLOCKS.contains(&name) => flat.push(' '),
                        _ => {}
                    }
                }
            }
        }
    }
    flat.split_ascii_whitespace().map(str::to_owned).collect()
}

/// The printed body's words, each with whether it ends its line, the `[n]` markers of
/// the article's `links` references taken out in order.
fn printed_words(printed: &str, links: usize) -> Vec<(String, bool)> {
    let lines: Vec<&str> = printed.lines().collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty() && l.chars().all(|c| c == '─'))
        .map_or(0, |i| i + 1);
    let end = lines
        .iter()
        .rposition(|l| *l == "References")
        .unwrap_or(lines.len());
    let mut body = reading_order(&lines[start..end.max(start)]).join("\n");
    let mut from = 0;
    for n in 1..=links {
        let marker = format!("[{n}]");
        if let Some(at) = body[from..].find(&marker) {
            body.replace_range(from + at..from + at + marker.len(), "");
            from += at;
        }
    }
    let mut out = Vec::new();
    for line in body.lines() {
        let words: Vec<&str> = line.split_ascii_whitespace().collect();
        let last = words.len().saturating_sub(1);
        out.extend(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| ((*w).to_owned(), i == last)),
        );
    }
    out
}

/// The lines as one reads them: a table (from its `┌` line to its `└` line) becomes
/// its cells' lines, cell after cell, in the order of their top left corners.
fn reading_order(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_start().starts_with('┌') {
            out.push(lines[i].to_owned());
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| lines[j].trim_start().starts_with('└'))
            .unwrap_or(lines.len() - 1);
        out.extend(cells_drawn(&lines[i..=end]).into_iter().flatten());
        i = end + 1;
    }
    out
}

/// Where the printed words first part from the HTML's, if they do: a word wider than
/// a line is printed cut across lines, and is put back together first.
fn first_difference(expected: &[String], printed: &[(String, bool)]) -> Option<String> {
    let (mut i, mut j) = (0, 0);
    while i < expected.len() && j < printed.len() {
        let mut word = printed[j].0.clone();
        let mut ends_line = printed[j].1;
        while word != expected[i]
            && ends_line
            && expected[i].starts_with(&word)
            && j + 1 < printed.len()
        {
            j += 1;
            word.push_str(&printed[j].0);
            ends_line = printed[j].1;
        }
        if word != expected[i] {
            let around = |words: Vec<&str>| words.join(" ");
            let html = around(
                expected[i..(i + 6).min(expected.len())]
                    .iter()
                    .map(String::as_str)
                    .collect(),
            );
            let shown = around(
                printed[j..(j + 6).min(printed.len())]
                    .iter()
                    .map(|w| w.0.as_str())
                    .collect(),
            );
            return Some(format!("word {i}: HTML «{html}», printed «{shown}»"));
        }
        i += 1;
        j += 1;
    }
    match (expected.get(i), printed.get(j)) {
        (Some(lost), _) => Some(format!("word {i} «{lost}» and after never printed")),
        (None, Some(extra)) => Some(format!("printed beyond the HTML: «{}»", extra.0)),
        (None, None) => None,
    }
}

#[test]
fn every_word_of_every_article_is_printed_in_order() {
    let root = common::corpus();
    let mirror = Mirror::open(root).expect("open corpus");
    let options = Options {
        width: 80,
        folded: false,
        styled: false,
        hyperlinks: false,
    };
    let all = common::articles();
    assert_eq!(all.len(), 29_115);
    let mut differences = Vec::new();
    let mut words = 0;
    for rel in &all {
        let source = std::fs::read_to_string(root.join(rel)).expect("UTF-8 article");
        let (_, body) = loi::model::article::split_heading(&source).expect("a heading");
        let article = Article::parse(rel, &source, Citations::Now);
        let mut out = Vec::new();
        print::write_article(&mirror, &article, &options, &mut out).expect("print");
        let printed = String::from_utf8(out).expect("UTF-8");
        let expected = html_words(body);
        words += expected.len();
        let got = printed_words(&printed, article.links.len());
        if let Some(why) = first_difference(&expected, &got) {
            differences.push(format!("{rel}: {why}"));
        }
    }
    println!("{words} words of {} articles compared", all.len());
    for d in differences.iter().take(30) {
        println!("{d}");
    }
    assert!(words > 1_000_000, "{words} words");
    // None today: any article that starts losing or adding a word fails the run.
    assert!(
        differences.is_empty(),
        "{} articles differ: {differences:#?}",
        differences.len()
    );
}

/// The comparison itself: words read from HTML as a browser shows them, and every kind
/// of difference found.
#[test]
fn the_comparison_sees_losses_additions_and_moves() {
    let words = html_words(
        "<p>Le 1<sup>er</sup>&nbsp;: CO<sub>2</sub> <a href='x'>L. 1</a>,</p><p>fin</p><table><tr><td>a</td><td>b</td></tr></table>",
    );
    assert_eq!(
        words,
        ["Le", "1ᵉʳ\u{a0}:", "CO₂", "L.", "1,", "fin", "a", "b"]
    );
    let html: Vec<String> = ["un", "deux", "anticonstitutionnellement", "trois"]
        .map(String::from)
        .to_vec();
    let printed = |text: &str| printed_words(text, 2);
    let same = printed(
        "H\n───\n  un deux[1] anticonsti\n  tutionnellement[2]\n  trois\n\nReferences\n[1] x",
    );
    assert_eq!(first_difference(&html, &same), None);
    let lost = printed("───\n  un deux anticonstitutionnellement");
    assert!(first_difference(&html, &lost).is_some_and(|d| d.contains("never printed")));
    let added = printed("───\n  un deux anticonstitutionnellement trois quatre");
    assert!(first_difference(&html, &added).is_some_and(|d| d.contains("beyond")));
    // A table is read cell by cell, row by row, whatever its box puts side by side.
    let table = printed(
        "───\n  ┌─────────┬────┐\n  │ un      │ de │\n  │ deux[1] │ ux │\n  ╞═════════╧════╡\n  │ anticonstitu  │\n  │ tionnellemen  │\n  │ t[2] trois    │\n  └───────────────┘",
    );
    let html_table: Vec<String> = ["un", "deux", "deux", "anticonstitutionnellement", "trois"]
        .map(String::from)
        .to_vec();
    assert_eq!(first_difference(&html_table, &table), None);
    let moved = printed("───\n  deux un anticonstitutionnellement trois");
    assert!(first_difference(&html, &moved).is_some_and(|d| d.starts_with("word 0")));
    // A cut is only put back together at a line's end.
    let glued = printed("───\n  un deux anticonsti tutionnellement trois");
    assert!(first_difference(&html, &glued).is_some());
}
