use super::*;
use crate::model::article::Article;

const PATH: &str = "code-du-travail/partie-legislative/l1.md";

fn article(html: &str) -> Article {
    Article::parse(PATH, &format!("# Article L1\n\n{html}"), Citations::Now)
}

fn body_of(article: &Article, links: &[Option<&str>], quoted: &[bool]) -> String {
    let mut out = Vec::new();
    body(article, links, quoted, &mut out).expect("written");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_reference_to_an_article_of_the_file_is_a_link_and_the_others_text() {
    let a = article(
        "<p>Selon l'<a href='/code-du-travail/x/l2.md'>article L. 2</a> et l'<a href='/code-du-travail/x/l3.md'>article L. 3</a>.</p>",
    );
    assert_eq!(a.links.len(), 2);
    let md = body_of(&a, &[Some("to-l2"), None], &[false]);
    assert_eq!(md, "Selon l'[article L. 2](#to-l2) et l'article L. 3.\n");
}

#[test]
fn a_link_cut_across_lines_links_each_part_and_spaces_stay_outside_it() {
    // 56 columns, then a link's 56: the line breaks inside the link.
    let words = "mot ".repeat(14);
    let a = article(&format!(
        "<p>{words}<a href='/code-du-travail/x/l2.md'>article L. 2 du code du travail et de la sécurité sociale</a> fin.</p>"
    ));
    let md = body_of(&a, &[Some("a2")], &[false]);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines.len(), 2, "{md}");
    assert!(lines[0].ends_with("](#a2)"), "{md}");
    assert!(lines[1].trim_start().starts_with('['), "{md}");
    assert!(!md.contains("[ ") && !md.contains(" ]"), "{md}");
}

#[test]
fn items_are_indented_with_no_break_spaces_and_a_bookmarked_one_quoted_with_its_items() {
    let a = article(
        "<p>I.-Premier :</p><p>1° un ;</p><p>2° deux.</p><p>II.-Second.</p><p>- un tiret</p>",
    );
    let quoted: Vec<bool> = (0..a.blocks.len())
        .map(|b| b == 0 || a.blocks[0].end > b)
        .collect();
    let md = body_of(&a, &[], &quoted);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "> I.-Premier :", "{md}");
    assert_eq!(lines[1], ">", "one quotation: {md}");
    assert_eq!(lines[2], "> \u{a0}\u{a0}1° un ;", "{md}");
    assert_eq!(lines[4], "> \u{a0}\u{a0}2° deux.", "{md}");
    assert_eq!(lines[5], "", "{md}");
    assert_eq!(lines[6], "II.-Second.", "{md}");
    // A dash that opens an item is text, not a list.
    assert!(md.contains("\\- un tiret"), "{md}");
    // No line is indented with plain spaces after a blank one (a code block).
    for pair in md.split('\n').collect::<Vec<_>>().windows(2) {
        assert!(!(pair[0].is_empty() && pair[1].starts_with("    ")), "{md}");
    }
}

#[test]
fn a_table_is_a_code_block_whose_fence_its_text_cannot_close() {
    let a = article("<table><tr><td>```</td><td>b</td></tr></table>");
    let md = body_of(&a, &[], &[false]);
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "````text", "{md}");
    assert_eq!(*lines.last().expect("a line"), "````", "{md}");
    assert!(md.contains('┌') || md.contains('│'), "{md}");
}

#[test]
fn headings_are_the_long_citation_and_their_anchors_unique() {
    assert_eq!(
        heading("L6123-1", "code-du-travail/x/l6123-1.md"),
        "Article L. 6123-1 du code du travail"
    );
    assert_eq!(heading("L1", "l1.md"), "Article L1");
    let same = "Article L. 1 du code du travail".to_owned();
    assert_eq!(
        unique_anchors(&[same.clone(), same.clone(), same]),
        [
            "article-l-1-du-code-du-travail",
            "article-l-1-du-code-du-travail-1",
            "article-l-1-du-code-du-travail-2"
        ]
    );
}

#[test]
fn a_new_file_is_never_written_over_one_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 2026-12-08 00:51 UTC.
    let secs = 1_796_691_060;
    let (first, _) = new_file(dir.path(), secs).expect("made");
    std::fs::write(&first, "kept").expect("written");
    let (second, _) = new_file(dir.path(), secs).expect("made");
    assert_eq!(
        first.file_name().and_then(|n| n.to_str()),
        Some("dossier-2026-12-08-0051.md")
    );
    assert_eq!(
        second.file_name().and_then(|n| n.to_str()),
        Some("dossier-2026-12-08-0051-2.md")
    );
    assert_eq!(std::fs::read_to_string(&first).expect("read"), "kept");
}
