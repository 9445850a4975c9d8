//! Splicing peeks into an article: where their blocks go, how the tree and the
//! references are numbered, and what a point's and a range's peeks hold.

use std::rc::Rc;

use super::*;
use crate::model::article::Citations;

fn article(path: &str, html: &str) -> Article {
    let num = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".md");
    Article::parse(path, &format!("# Article {num}\n\n{html}"), Citations::Now)
}

fn host() -> Article {
    article(
        "c/A.md",
        "<p>I.-Voir <a href=\"/c/B.md\">l'article B</a>.</p><p>1° Un, <a href=\"/c/C.md\">C</a>.</p><p>II.-Fin.</p>",
    )
}

fn quoted(link: usize, text: Article) -> Peek {
    Peek {
        link,
        href: String::new(),
        text_of_link: String::new(),
        heading: format!("Article {}", text.num),
        text: Rc::new(text),
        clipped: false,
        inner: Vec::new(),
    }
}

fn texts(a: &Article) -> Vec<String> {
    a.blocks.iter().map(|b| b.plain_text()).collect()
}

#[test]
fn a_peek_goes_under_the_block_of_its_reference_inside_its_item() {
    let a = host();
    assert_eq!(a.links.len(), 2);
    let b = article(
        "c/B.md",
        "<p>Texte de B, voir <a href=\"/c/D.md\">D</a>.</p>",
    );
    let s = splice(&a, &[quoted(0, b)]);
    assert_eq!(
        texts(&s.article),
        [
            "I.-Voir l'article B.",
            "Article B",
            "Texte de B, voir D.",
            "1° Un, C.",
            "II.-Fin."
        ]
    );
    let blocks = &s.article.blocks;
    // I still owns its 1° and now the peek too: folding I hides it.
    assert_eq!(blocks[0].end, 4);
    assert_eq!(blocks[1].parent, Some(0));
    assert_eq!(blocks[2].parent, Some(0));
    assert_eq!(blocks[3].parent, Some(0));
    assert_eq!(blocks[2].depth, blocks[0].depth + 2);
    assert_eq!(s.blocks[2].bars, [blocks[0].depth]);
    assert_eq!(s.blocks[1].origin.block, None, "the heading");
    // The article's own references keep their numbers; the peek's come after.
    assert_eq!(s.article.links[0].block, 0);
    assert_eq!(s.article.links[1].block, 3);
    assert_eq!(s.article.links[2].text, "D");
    assert_eq!(s.article.links[2].block, 2);
    assert_eq!(s.links[2].chain, [0]);
    assert_eq!(s.links[2].path, "c/B.md");
    let in_peek = blocks[2].pieces.iter().find_map(|p| match p {
        Piece::Text { link: Some(l), .. } => Some(*l),
        _ => None,
    });
    assert_eq!(in_peek, Some(2));
}

#[test]
fn a_peek_inside_a_peek_is_one_level_deeper_with_two_bars() {
    let a = host();
    let b = article(
        "c/B.md",
        "<p>Texte de B, voir <a href=\"/c/D.md\">D</a>.</p>",
    );
    let d = article("c/D.md", "<p>Texte de D.</p>");
    let mut outer = quoted(0, b);
    outer.inner.push(quoted(0, d));
    let s = splice(&a, &[outer]);
    let at = texts(&s.article)
        .iter()
        .position(|t| t == "Texte de D.")
        .expect("D spliced");
    assert_eq!(s.blocks[at].bars.len(), 2);
    assert_eq!(s.blocks[at].origin.chain, [0, 0]);
    assert_eq!(s.article.blocks[at].depth, s.article.blocks[2].depth + 2);
    assert_eq!(find(&[quoted(0, host())], &[0]).map(|p| p.link), Some(0));
}

#[test]
fn a_point_keeps_its_item_and_what_it_holds_only() {
    let a = article(
        "c/E.md",
        "<p>I.-Premier.</p><p>1° Un <a href=\"/c/B.md\">B</a>.</p><p>2° Deux.</p><p>II.-Second <a href=\"/c/C.md\">C</a>.</p>",
    );
    let block = a
        .blocks
        .iter()
        .position(|b| b.plain_text().starts_with("I.-"))
        .expect("I");
    let p = point_text(&a, block);
    assert_eq!(texts(&p), ["I.-Premier.", "1° Un B.", "2° Deux."]);
    assert_eq!(p.blocks[0].depth, 0);
    assert_eq!(p.blocks[0].end, 3);
    assert_eq!(p.blocks[1].parent, Some(0));
    assert_eq!(p.links.len(), 1, "II's reference is not the point's");
    assert_eq!(p.links[0].block, 1);
}

#[test]
fn a_range_shows_each_article_under_its_heading_without_references() {
    let b = Rc::new(article(
        "c/B.md",
        "<p>Un <a href=\"/c/D.md\">D</a>.</p><p>Deux.</p>",
    ));
    let c = Rc::new(article("c/C.md", "<p>Trois.</p>"));
    let r = range_text(
        "c/A.md",
        &[("Article B".into(), b), ("Article C".into(), c)],
    );
    assert_eq!(
        texts(&r),
        ["Article B", "Un D. Deux.", "Article C", "Trois."]
    );
    assert!(r.links.is_empty());
}
