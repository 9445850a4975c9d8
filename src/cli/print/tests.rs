use unicode_width::UnicodeWidthStr;

use super::*;
use crate::model::article::Block;
use crate::model::state::ArticleMeta;

const SEED: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/d313-14.md"
));
const L6123_1: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/l6123-1.md"
));

fn options(width: u16) -> Options {
    Options {
        width,
        folded: false,
        styled: false,
        hyperlinks: false,
    }
}

fn printed(article: &Article, options: &Options) -> String {
    let mut out = Vec::new();
    write_article(&Mirror::bundled(), article, options, &mut out).expect("write");
    String::from_utf8(out).expect("UTF-8")
}

fn seed() -> Article {
    Article::parse(
        "code-de-leducation/partie-reglementaire/x/d313-14.md",
        SEED,
        Citations::Now,
    )
}

#[test]
fn a_marker_follows_each_reference_and_belongs_to_none() {
    let a = Article::parse(
        "c/x.md",
        "# Article X\n\n<p>Voir les articles <a href='/c/a.md'>L. 1-1</a>, L. 1-2 et <a href='/c/b.md'><strong>L.</strong> 1-3</a>.</p>",
        Citations::Now,
    );
    let marked = with_markers(&a);
    let text = marked.blocks[0].plain_text();
    assert_eq!(
        text, "Voir les articles L. 1-1[1], L. 1-2[2] et L. 1-3[3].",
        "{:?}",
        a.links
    );
    let n = a.links.len();
    let markers: Vec<usize> = marked.blocks[0]
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text { link: Some(l), .. } if *l >= n => Some(l - n),
            _ => None,
        })
        .collect();
    assert_eq!(markers, [0, 1, 2]);
}

#[test]
fn every_line_fits_the_width_markers_and_list_included() {
    for source in [SEED, L6123_1] {
        let a = Article::parse("code-du-travail/a/b/c/l1.md", source, Citations::Now);
        for width in [20u16, 33, 40, 57, 80, 123] {
            for folded in [false, true] {
                let o = Options {
                    folded,
                    ..options(width)
                };
                let text = printed(&a, &o);
                let list = text.split_once("\nReferences\n").map_or("", |(_, l)| l);
                for line in text.lines() {
                    // An address is never cut: alone on its line, it may be wider.
                    let address = line.trim_start().contains('/')
                        && !line.trim_start().contains(' ')
                        && list.lines().any(|l| l == line);
                    assert!(
                        line.width() <= usize::from(width) || address,
                        "{} at {width} (folded: {folded}): {line:?}",
                        a.num
                    );
                }
            }
        }
    }
}

#[test]
fn the_list_numbers_every_reference_in_order() {
    let a = seed();
    let text = printed(&a, &options(80));
    let (body, list) = text.split_once("\nReferences\n").expect("a list");
    for (l, link) in a.links.iter().enumerate() {
        let n = format!("[{}]", l + 1);
        assert!(body.contains(&n), "{n} not in the text");
        let entry = list
            .lines()
            .find(|line| line.starts_with(&format!("{n} ")))
            .unwrap_or_else(|| panic!("{n} not listed:\n{list}"));
        assert!(entry.contains(&link.text), "{entry}");
    }
    assert!(!body.contains(&format!("[{}]", a.links.len() + 1)));
    // Resolved in the bundled mirror, with the article's folder left out.
    assert!(
        list.contains("articles L. 6123-1 → code-du-travail/…/l6123-1.md"),
        "{list}"
    );
    assert!(list.contains("(unresolved: "), "{list}");
    assert!(
        list.contains("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI"),
        "{list}"
    );
}

#[test]
fn a_marker_cut_across_two_lines_is_still_listed() {
    // At 20 columns the text has 18: the word and its marker are 20 wide, so the cut
    // falls between `[` and `1]`.
    let a = Article::parse(
        "c/x.md",
        "# Article X\n\n<p><a href='https://example.org/'>abcdefghijklmnopq</a></p>",
        Citations::Now,
    );
    let text = printed(&a, &options(20));
    assert!(text.contains("  abcdefghijklmnopq[\n  1]\n"), "{text}");
    assert!(text.contains("\n[1] abcdefghijklmnop"), "{text}");
}

#[test]
fn the_head_is_the_heading_the_trail_and_a_rule() {
    let a = seed();
    let text = printed(&a, &options(80));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Article D313-14 · Code de l'éducation");
    assert_eq!(lines[1], "Partie réglementaire › X");
    assert_eq!(lines[2], "─".repeat(80));
    // The reader's indentation without its cursor bar; no fold sign on paper.
    assert!(lines[3].starts_with("  I.-Conformément"), "{}", lines[3]);
    assert!(lines[7].starts_with("    1° D'élaborer"), "{}", lines[7]);
    assert!(!text.contains('▾') && !text.contains('▸'));
}

#[test]
fn folded_items_show_their_first_line_and_what_they_hide() {
    let a = seed();
    let o = Options {
        folded: true,
        ..options(80)
    };
    let text = printed(&a, &o);
    let items: Vec<&str> = text.lines().filter(|l| l.starts_with("▸ ")).collect();
    assert_eq!(items.len(), 2, "I and II:\n{text}");
    assert!(items[0].starts_with("▸ I.-Conformément"), "{}", items[0]);
    assert!(items[0].ends_with(" lines)"), "{}", items[0]);
    assert!(!text.contains("1° D'élaborer"));
    // Only the references whose marker shows are listed: none is on the first lines.
    let list = text.split_once("\nReferences\n").map(|(_, l)| l);
    let shown = (1..=a.links.len())
        .filter(|n| text.contains(&format!("[{n}]")))
        .count();
    let entries = list.map_or(0, |l| l.lines().filter(|e| e.starts_with('[')).count());
    assert_eq!(entries, shown, "{text}");
    assert_eq!(shown, 1, "L. 313-6 alone is on a first line");
}

#[test]
fn styles_only_when_asked() {
    let a = seed();
    let plain = printed(&a, &options(80));
    assert!(!plain.contains('\x1b'));
    let styled = printed(
        &a,
        &Options {
            styled: true,
            ..options(80)
        },
    );
    assert!(styled.starts_with("\x1b[1mArticle D313-14"), "{styled}");
    assert!(
        styled.contains("\x1b[4marticles L. 6123-1\x1b[0m[4]"),
        "{styled}"
    );
    // A reference leading nowhere is not underlined, as in the reader.
    assert!(styled.contains("\x1b[3mL. 313-6\x1b[0m"), "{styled}");
}

#[test]
fn nothing_from_the_file_reaches_the_output_as_a_control() {
    let a = Article::parse(
        "c\x1b]0;t\x07/s\u{202e}/x.md",
        "# Article X\x1b[2J\n\n<p>I.-a\u{9b}2Jb <a href='/c/\x1b[2Jy.md'>L.\x1b[31m 1</a></p><p>1° c</p>",
        Citations::Now,
    );
    for styled in [false, true] {
        let text = printed(
            &a,
            &Options {
                styled,
                folded: styled,
                ..options(40)
            },
        );
        assert!(
            !without_sgr(&text)
                .chars()
                .any(|c| c != '\n' && (c.is_control() || c == '\u{202e}')),
            "{text:?}"
        );
    }
}

/// `text` with its SGR sequences (`ESC [ digits ; … m`) taken out.
fn without_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            out.push('\x1b');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn bad_articles_are_reported_and_skipped() {
    let mirror = Mirror::bundled();
    let args: Vec<String> = ["D313-14", "L9999-9", "L6123-1", "nowhere/x.md"]
        .map(String::from)
        .to_vec();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let day = Day {
        today: "2026-12-07".into(),
        asked: None,
    };
    let failed = run(
        &mirror,
        &args,
        Form::Text(options(60)),
        &day,
        &mut out,
        &mut err,
    )
    .expect("run");
    assert_eq!(failed, 2);
    let out = String::from_utf8(out).expect("UTF-8");
    let err = String::from_utf8(err).expect("UTF-8");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.lines().all(|l| l.starts_with("loi: ")), "{err}");
    assert!(
        err.contains("L9999-9") && err.contains("nowhere/x.md"),
        "{err}"
    );
    let parts: Vec<&str> = out.split(&format!("\n\n{}\n\n", "═".repeat(60))).collect();
    assert_eq!(parts.len(), 2, "{out}");
    assert!(parts[0].starts_with("Article D313-14"));
    assert!(parts[1].starts_with("Article L6123-1"));
}

fn dated(state: Option<ArticleMeta>, shown: Shown) -> Dated {
    let article = Article::parse(
        "c/x.md",
        "# Article X\n\n<p>I.-Texte.</p><p>II.-Suite.</p>",
        Citations::Now,
    )
    .with_nota("<p>Une note.</p>");
    Dated {
        article,
        state,
        shown,
    }
}

fn day(today: &str, asked: Option<&str>) -> Day {
    Day {
        today: today.into(),
        asked: asked.map(Into::into),
    }
}

#[test]
fn the_state_line_says_the_version_the_day_and_a_missing_text() {
    use crate::model::state::VersionMeta;
    // No dates kept: nothing said, unless a day was asked.
    let none = dated(None, Shown::Current);
    assert!(state_lines(&none, &day("2026-12-07", None)).is_empty());
    assert_eq!(
        state_lines(&none, &day("2026-12-07", Some("2020-01-01"))),
        [dates::UNKNOWN]
    );
    let meta = ArticleMeta {
        id: "B".into(),
        state: Some("VIGUEUR".into()),
        since: Some("2016-12-11".into()),
        versions: vec![
            VersionMeta {
                id: "A".into(),
                state: Some("MODIFIE".into()),
                since: Some("2008-03-01".into()),
                until: Some("2016-12-11".into()),
            },
            VersionMeta {
                id: "B".into(),
                state: Some("VIGUEUR".into()),
                since: Some("2016-12-11".into()),
                until: Some("2999-01-01".into()),
            },
        ],
        ..ArticleMeta::default()
    };
    let today = dated(Some(meta.clone()), Shown::Current);
    assert_eq!(
        state_lines(&today, &day("2026-12-07", None)),
        ["En vigueur depuis le 11 décembre 2016"]
    );
    // Today asked is no other day.
    assert_eq!(
        state_lines(&today, &day("2026-12-07", Some("2026-12-07"))),
        ["En vigueur depuis le 11 décembre 2016"]
    );
    let before = dated(Some(meta), Shown::Missing(0));
    assert_eq!(
        state_lines(&before, &day("2026-12-07", Some("2010-01-01"))),
        [
            "Version en vigueur du 1er mars 2008 au 11 décembre 2016 · lu au 1er janvier 2010",
            "Le texte en vigueur le 1er janvier 2010 n'est pas dans ce miroir : texte actuel affiché"
        ]
    );
}

#[test]
fn the_plain_text_is_a_paragraph_a_line_without_the_nota() {
    let a = dated(None, Shown::Current).article;
    assert_eq!(
        a.blocks.last().map(Block::plain_text).as_deref(),
        Some("Une note.")
    );
    assert_eq!(plain_text(&a), "I.-Texte.\nII.-Suite.");
}
