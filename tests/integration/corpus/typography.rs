//! Typography as a French typesetter sets it (issue 16, part 7), over every article of
//! the real mirror at 40, 80 and 100 columns:
//!
//! - no line starts with `:` `;` `?` `!` `»` and none ends with `«`, unless the text
//!   itself puts the mark there (at the start of a paragraph, of a `<br/>` line or of
//!   a table's cell, or `«` at the end of one): French sets a space before those marks
//!   and after `«`, and a line must never break at it;
//! - no address of `loi print`'s reference list (a mirror path, a web address) is cut
//!   across lines: cut, it can be neither copied nor clicked.
//!
//! The lines checked are the reader's layout, which `loi print` prints: each block's
//! lines, and each table cell's lines as the box draws them. They are read back
//! against the block's own text, so that a line is known to start where the text
//! breaks (a hard start) or where the wrapper chose to.

use crate::support::corpus as common;
use crate::support::drawn;

use drawn::cells_drawn;

use loi::cli::print::{self, Options};
use loi::mirror::Mirror;
use loi::mirror::reference::{self, Kind, Target};
use loi::model::article::{Article, Citations, Piece};
use loi::model::layout::{Layout, line_text};

const WIDTHS: [u16; 3] = [40, 80, 100];
/// Marks a French text sets after a space, which must stay on that space's line.
const NEVER_FIRST: [char; 5] = [':', ';', '?', '!', '»'];
/// A mark set before a space, which must stay with the word after it.
const NEVER_LAST: char = '«';

/// Every article, parsed as `loi print` parses it.
fn articles() -> Vec<Article> {
    let root = common::corpus();
    common::articles()
        .iter()
        .map(|rel| {
            let source = std::fs::read_to_string(root.join(rel)).expect("UTF-8 article");
            Article::parse(rel, &source, Citations::Now)
        })
        .collect()
}

/// A flow's text as the wrapper reads it: a `\n` for each break.
fn source(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text { text, .. } => out.push_str(text),
            Piece::Break | Piece::CellEnd => out.push('\n'),
        }
    }
    out
}

/// How a line of a flow follows the line before it in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// The flow's first line, or a line after a break of the text itself.
    Hard,
    /// The wrapper broke the line at a space.
    Space,
    /// The wrapper cut a word wider than the line.
    Cut,
}

/// How each of `lines` starts, read back against the flow's `text`; `None` when the
/// lines do not read as the text (then the check itself is wrong).
fn starts(text: &str, lines: &[String]) -> Option<Vec<Start>> {
    let src: Vec<char> = text.chars().collect();
    let mut p = 0;
    let skip_spaces = |p: &mut usize| {
        let from = *p;
        while src.get(*p) == Some(&' ') {
            *p += 1;
        }
        *p > from
    };
    let mut out = Vec::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        let spaced = skip_spaces(&mut p);
        let start = if k == 0 {
            // A cell's breaks before its text make no line.
            while matches!(src.get(p), Some(' ' | '\n')) {
                p += 1;
            }
            Start::Hard
        } else if src.get(p) == Some(&'\n') {
            p += 1;
            skip_spaces(&mut p);
            Start::Hard
        } else if spaced {
            Start::Space
        } else {
            Start::Cut
        };
        for c in line.chars() {
            if c == ' ' {
                // The wrapper writes one space for a run of them.
                skip_spaces(&mut p);
            } else if src.get(p) == Some(&c) {
                p += 1;
            } else {
                return None;
            }
        }
        out.push(start);
    }
    src[p..]
        .iter()
        .all(|c| matches!(c, ' ' | '\n'))
        .then_some(out)
}

/// What the check found at one width.
#[derive(Debug, Default)]
struct Tally {
    lines: usize,
    /// Places where the rule applies: a mark after a space, or `«` before one.
    marks: usize,
    /// Lines the text itself starts with a mark (or ends with `«`): left as they are.
    by_the_text: usize,
    wrong: Vec<String>,
    unread: Vec<String>,
}

/// Checks one flow's lines (a block's, or a cell's).
fn check_flow(tally: &mut Tally, path: &str, pieces: &[Piece], lines: &[String]) {
    tally.lines += lines.len();
    let text = source(pieces);
    tally.marks += NEVER_FIRST
        .iter()
        .map(|m| text.matches(&format!(" {m}")).count())
        .sum::<usize>()
        + text.matches(&format!("{NEVER_LAST} ")).count();
    let Some(starts) = starts(&text, lines) else {
        tally.unread.push(format!("{path}: {lines:?}"));
        return;
    };
    for (k, line) in lines.iter().enumerate() {
        let first = line.starts_with(NEVER_FIRST);
        let next = starts.get(k + 1).copied().unwrap_or(Start::Hard);
        let last = line.ends_with(NEVER_LAST);
        let wrong = (first && starts[k] != Start::Hard) || (last && next != Start::Hard);
        if wrong {
            let before = k.checked_sub(1).map_or("", |j| lines[j].as_str());
            tally.wrong.push(format!("{path}: {before:?} / {line:?}"));
        } else if first || last {
            tally.by_the_text += 1;
        }
    }
}

#[test]
fn no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() {
    let all = articles();
    assert_eq!(all.len(), 29_115);
    let mut failed = Vec::new();
    for width in WIDTHS {
        let mut tally = Tally::default();
        for a in &all {
            let layout = Layout::new(a, width);
            for (i, block) in a.blocks.iter().enumerate() {
                let lines: Vec<String> = layout.lines(a, i).iter().map(line_text).collect();
                if block.table().is_none() {
                    check_flow(&mut tally, &a.path, &block.pieces, &lines);
                    continue;
                }
                let drawn = cells_drawn(&lines);
                let cells = block.cells();
                if drawn.len() != cells.len() {
                    tally.unread.push(format!("{} block {i}: cells", a.path));
                    continue;
                }
                for (pieces, lines) in cells.iter().zip(&drawn) {
                    check_flow(&mut tally, &a.path, pieces, lines);
                }
            }
        }
        println!(
            "width {width}: {} lines checked, {} marks after a space (or « before one), \
             {} lines wrong, {} with a mark where the text puts it, {} not read back",
            tally.lines,
            tally.marks,
            tally.wrong.len(),
            tally.by_the_text,
            tally.unread.len()
        );
        for w in tally
            .wrong
            .iter()
            .take(15)
            .chain(tally.unread.iter().take(15))
        {
            println!("  {w}");
        }
        assert!(tally.lines > 250_000, "{} lines", tally.lines);
        // The check must meet marks, or it checks nothing.
        assert!(tally.marks > 10_000, "{}", tally.marks);
        if !tally.wrong.is_empty() || !tally.unread.is_empty() {
            failed.push(width);
        }
    }
    assert!(failed.is_empty(), "wrong lines at widths {failed:?}");
}

/// The addresses the reference list gives for reference `l` of `a`: mirror paths
/// (whole, or shortened to the code and the file around `…`) and web addresses.
fn addresses(mirror: &Mirror, a: &Article, l: usize) -> Vec<Vec<String>> {
    let link = &a.links[l];
    let path_forms = |path: &str| {
        let mut forms = vec![path.to_owned()];
        if let (Some((code, _)), Some((_, file))) = (path.split_once('/'), path.rsplit_once('/')) {
            forms.push(format!("{code}/…/{file}"));
        }
        forms
    };
    match reference::resolve(mirror, &a.path, link) {
        Ok(Target::Article { path, .. }) => vec![path_forms(&path)],
        Ok(Target::Many(paths)) => paths.iter().map(|p| path_forms(p)).collect(),
        Ok(Target::Here { .. }) => Vec::new(),
        Err(_) => match Kind::of(link) {
            Kind::External if link.href.starts_with("http") => vec![vec![link.href.clone()]],
            Kind::Legacy => reference::web_address(link, &a.path)
                .map(|web| vec![vec![web.to_string()]])
                .unwrap_or_default(),
            _ => Vec::new(),
        },
    }
}

#[test]
fn no_address_of_the_reference_list_is_cut() {
    let root = common::corpus();
    let mirror = Mirror::open(root).expect("open corpus");
    let all = articles();
    let mut failed = Vec::new();
    for width in WIDTHS {
        let options = Options {
            width,
            folded: false,
            styled: false,
            hyperlinks: false,
        };
        let (mut checked, mut cut) = (0, Vec::new());
        for a in &all {
            let mut out = Vec::new();
            print::write_article(&mirror, a, &options, &mut out).expect("print");
            let printed = String::from_utf8(out).expect("UTF-8");
            let Some((_, list)) = printed.rsplit_once("\nReferences\n") else {
                continue;
            };
            // Each entry: `[n] …` and the lines indented under it.
            let mut entries: Vec<(usize, Vec<&str>)> = Vec::new();
            for line in list.lines() {
                let n = line
                    .strip_prefix('[')
                    .and_then(|r| r.split_once("] "))
                    .and_then(|(n, _)| n.parse::<usize>().ok());
                match (n, entries.last_mut()) {
                    (Some(n), _) => entries.push((n, vec![line])),
                    (None, Some((_, lines))) => lines.push(line),
                    (None, None) => panic!("{}: {line:?} before any entry", a.path),
                }
            }
            for (n, lines) in entries {
                for forms in addresses(&mirror, a, n - 1) {
                    checked += 1;
                    let whole = lines
                        .iter()
                        .any(|line| forms.iter().any(|f| line.contains(f.as_str())));
                    if !whole {
                        cut.push(format!("{} [{n}] {forms:?}: {lines:#?}", a.path));
                    }
                }
            }
        }
        println!(
            "width {width}: {checked} addresses checked, {} cut",
            cut.len()
        );
        for c in cut.iter().take(5) {
            println!("  {c}");
        }
        assert!(checked > 10_000, "{checked} addresses");
        if !cut.is_empty() {
            failed.push(width);
        }
    }
    assert!(failed.is_empty(), "addresses cut at widths {failed:?}");
}

/// The check reads a flow's lines back against its text, and tells the text's own
/// breaks from the wrapper's.
#[test]
fn a_flow_is_read_back_against_its_text() {
    let lines = |ls: &[&str]| ls.iter().map(|l| (*l).to_owned()).collect::<Vec<_>>();
    let text = "un deux  : trois\nquatre anticonstitutionnellement";
    let got = starts(
        text,
        &lines(&[
            "un deux",
            ": trois",
            "quatre",
            "anticonsti",
            "tutionnellement",
        ]),
    );
    use Start::*;
    assert_eq!(got, Some(vec![Hard, Space, Hard, Space, Cut]));
    assert_eq!(starts(text, &lines(&["un deux : trois"])), None, "lost");
    assert_eq!(
        starts("a\n\nb", &lines(&["a", "", "b"])),
        Some(vec![Hard; 3])
    );
    assert_eq!(starts("\n a\n", &lines(&["a"])), Some(vec![Hard]));
    let mut tally = Tally::default();
    let piece = |t: &str| Piece::Text {
        text: t.to_owned(),
        style: Default::default(),
        link: None,
    };
    check_flow(
        &mut tally,
        "x",
        &[
            piece("un « deux » : trois"),
            Piece::Break,
            piece(": quatre «"),
        ],
        &lines(&["un «", "deux", "» : trois", ": quatre «"]),
    );
    assert_eq!(tally.wrong.len(), 2, "{:?}", tally.wrong);
    assert_eq!(tally.by_the_text, 1);
    let drawn = lines(&[
        "┌──────┬─────┐",
        "│ a    │ : b │",
        "│ c    │     │",
        "├──────┴─────┤",
        "│ d          │",
        "├────────────┼─────┐",
        "│ e          │ f   │",
        "├────────────┼─────┘",
        "│ g          │",
        "└────────────┘",
    ]);
    assert_eq!(
        cells_drawn(&drawn),
        [
            lines(&["a", "c"]),
            lines(&[": b"]),
            lines(&["d"]),
            lines(&["e"]),
            lines(&["f"]),
            lines(&["g"])
        ]
    );
}
