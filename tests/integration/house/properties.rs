//! Properties of the functions the fuzz targets (`fuzz/`) hammer, run in CI with a
//! bounded number of cases: the sanitizer, the article model and its layout, and path
//! resolution.

use loi::mirror::reference::{Target, resolve};
use loi::mirror::{Mirror, safe_relative};
use loi::model::article::{Article, Citations, Link, Piece};
use loi::model::layout::{CURSOR_COLUMNS, Layout, SIGN_COLUMNS, line_text};
use loi::model::sanitize;
use proptest::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Text from the kinds of characters that matter: markup, French typography, controls,
/// bidi overrides, wide characters, and plain words.
fn hostile_text() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<br/>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("</td><td>".to_owned()),
        Just("</tr><tr><th rowspan='3'>".to_owned()),
        Just("<td colspan='2'>".to_owned()),
        Just("<thead><tr><th>".to_owned()),
        Just("</table>".to_owned()),
        Just("<sup>".to_owned()),
        Just("<a href='/code-du-travail/s/l1-1.md'>".to_owned()),
        Just("</a>".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("I.-".to_owned()),
        Just("1° ".to_owned()),
        Just("a) ".to_owned()),
        Just("l'article L. 6123-1 ".to_owned()),
        Just("au 3° du II de l'article L. 1-1 ".to_owned()),
        Just("mentionné au I ".to_owned()),
        Just("\u{a0}:\u{202f}»".to_owned()),
        Just("\x1b[2J\u{9b}\x07\t\r\n\u{202e}\u{2066}\u{ad}".to_owned()),
        Just("中文😀e\u{301}".to_owned()),
        "[a-zé ]{1,12}",
        any::<String>(),
    ];
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_sanitizer_is_idempotent_and_leaves_nothing_that_acts(text in hostile_text()) {
        let once = sanitize::clean(&text).into_owned();
        let twice = sanitize::clean(&once).into_owned();
        prop_assert_eq!(&twice, &once);
        for c in once.chars() {
            let acts = c.is_control()
                || matches!(c, '\u{ad}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c);
            prop_assert!(!acts, "U+{:04X} left in {:?}", c as u32, once);
        }
    }

    #[test]
    fn any_file_makes_a_sound_article_whose_lines_fit(body in hostile_text(), width in 1u16..200) {
        let article = Article::parse("code-du-travail/s/l1-1.md", &format!("# Article L1-1\n\n{body}"), Citations::Now);
        let n = article.blocks.len();
        for (i, block) in article.blocks.iter().enumerate() {
            prop_assert!(block.end > i && block.end <= n);
            if let Some(p) = block.parent {
                prop_assert!(p < i && article.blocks[p].end > i);
                prop_assert_eq!(block.depth, article.blocks[p].depth + 1);
            }
            // A table's text has one run per cell: the layout finds cells by it.
            if let Some(table) = block.table() {
                prop_assert_eq!(block.cells().len(), table.cells.len());
                // No two cells cover one place of the grid: a box each.
                let mut covered = std::collections::HashSet::new();
                for c in &table.cells {
                    prop_assert!(c.row + c.rows <= table.rows);
                    prop_assert!(c.column + c.columns <= table.columns);
                    for r in c.row..c.row + c.rows {
                        for k in c.column..c.column + c.columns {
                            prop_assert!(covered.insert((r, k)), "{:?}", table);
                        }
                    }
                }
            }
            for piece in &block.pieces {
                if let Piece::Text { text, link, .. } = piece {
                    prop_assert!(sanitize::is_clean(text), "{:?}", text);
                    if let Some(l) = link {
                        prop_assert_eq!(article.links[*l].block, i);
                    }
                }
            }
        }
        let layout = Layout::new(&article, width);
        for (i, block) in article.blocks.iter().enumerate() {
            let column = layout.text_column(block.depth);
            prop_assert!(column >= CURSOR_COLUMNS + SIGN_COLUMNS);
            let room = usize::from(width).saturating_sub(column).max(1);
            // A table is a box as wide as its shape says: it scrolls sideways when
            // wider than the room, so only its lines' agreement can be checked.
            if let Some(shape) = layout.table_shape(&article, i) {
                for line in layout.lines(&article, i) {
                    prop_assert_eq!(line_text(line).width(), shape.width);
                }
                continue;
            }
            for line in layout.lines(&article, i) {
                let text = line_text(line);
                let visible = text.chars().filter(|c| c.width().unwrap_or(0) > 0).count();
                prop_assert!(text.width() <= room || visible == 1, "{:?} in {}", text, room);
            }
        }
        // Finding citations later gives the same article as finding them at once.
        let later = Article::parse("code-du-travail/s/l1-1.md", &format!("# Article L1-1\n\n{body}"), Citations::Later);
        prop_assert_eq!(later.with_citations(), article);
    }

    #[test]
    fn a_resolved_reference_is_a_file_of_the_mirror(
        parts in prop::collection::vec(prop_oneof![
            Just(".."), Just("%2e%2e"), Just("code-du-travail"), Just("partie-legislative"),
            Just("l6123-1.md"), Just("d313-14.md"), Just("\\"), Just("c:"), Just(""), Just("."),
            Just("affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=X"),
        ], 0..8),
        text in prop_oneof![Just("L. 6123-1"), Just("articles D. 6123-1 à D. 6123-30"), Just("x")],
    ) {
        let mirror = Mirror::bundled();
        let href = format!("/{}", parts.join("/"));
        if let Some(rel) = safe_relative(&href) {
            prop_assert!(!rel.split('/').any(|p| p == ".." || p.is_empty()), "{}", rel);
        }
        let article = Article::parse("code-du-travail/s/x.md", &format!("# Article X\n\n<p>{text}</p>"), Citations::Now);
        let link = Link {
            href,
            text: text.to_owned(),
            block: 0,
            cite: article.links.first().and_then(|l| l.cite.clone()),
            later_part: false,
        };
        match resolve(&mirror, "code-du-travail/s/x.md", &link) {
            Ok(Target::Article { path, .. }) => prop_assert!(mirror.exists(&path), "{}", path),
            Ok(Target::Many(paths)) => {
                for p in paths {
                    prop_assert!(mirror.exists(&p), "{}", p);
                }
            }
            _ => {}
        }
    }
}
