//! Tests of folding, cursor and scrolling on real articles.

use super::*;
use crate::article::Article;

fn seed() -> Article {
    Article::parse(
        "c/d313-14.md",
        include_str!("../../tests/fixtures/d313-14.md"),
    )
}

fn frame<'a>(article: &'a Article, layout: &'a Layout, height: usize) -> Frame<'a> {
    Frame {
        article,
        layout,
        height,
    }
}

#[test]
fn opens_folded_with_one_line_per_item() {
    let a = seed();
    let layout = Layout::new(&a, 80);
    let f = frame(&a, &layout, 20);
    let v = View::new(&a);
    let shown: Vec<usize> = v.visible_lines(f).iter().map(|p| p.block).collect();
    // I (folded, hides its 1°-4°), II (folded), nothing else: the closing paragraph
    // belongs to II.
    assert_eq!(shown, vec![0, 5]);
    assert!(v.is_folded(f, 0));
    assert!(
        v.hidden_lines(f, 0) >= 4 + 2,
        "own lines and its four items"
    );
}

#[test]
fn unfold_shows_children_folded() {
    let a = seed();
    let layout = Layout::new(&a, 80);
    let f = frame(&a, &layout, 20);
    let mut v = View::new(&a);
    assert!(v.unfold(f));
    let blocks: Vec<usize> = dedup(v.visible_lines(f).iter().map(|p| p.block).collect());
    assert_eq!(blocks, vec![0, 1, 2, 3, 4, 5]);
    // j walks the visible blocks, and ← on a child goes back to its parent.
    v.cursor_down(f);
    assert_eq!(v.cursor, 1);
    v.fold_or_parent(f);
    assert_eq!(v.cursor, 0);
    v.fold_or_parent(f);
    assert!(v.is_folded(f, 0));
}

fn dedup(mut v: Vec<usize>) -> Vec<usize> {
    v.dedup();
    v
}

#[test]
fn fold_all_and_unfold_all() {
    let a = seed();
    let layout = Layout::new(&a, 40);
    let f = frame(&a, &layout, 10);
    let mut v = View::new(&a);
    v.fold_all(f, false);
    let total = v.visible_lines(f).len();
    assert_eq!(total, 10, "more than a screen when unfolded at 40 columns");
    v.end(f);
    assert_eq!(v.cursor, a.blocks.len() - 1);
    v.fold_all(f, true);
    assert_eq!(
        v.cursor, 5,
        "the cursor leaves hidden blocks for the item hiding them"
    );
    assert_eq!(
        v.top,
        Pos::default(),
        "two folded items fit: nothing to scroll"
    );
}

#[test]
fn scrolling_stops_at_the_last_screen() {
    let a = seed();
    let layout = Layout::new(&a, 40);
    let f = frame(&a, &layout, 10);
    let mut v = View::new(&a);
    v.fold_all(f, false);
    let mut all = 0;
    let mut at = Some(0);
    while let Some(i) = at {
        all += v.height_of(f, i);
        at = v.next_visible(f, i);
    }
    v.scroll_down(f, 10_000);
    let shown = v.visible_lines(f);
    assert_eq!(shown.len(), 10);
    let last = *shown.last().expect("lines");
    assert_eq!(last.block, a.blocks.len() - 1);
    assert_eq!(last.line, v.height_of(f, last.block) - 1);
    v.scroll_up(f, 10_000);
    assert_eq!(v.top, Pos::default());
    v.page_down(f);
    v.page_down(f);
    let after_two_pages = v.visible_lines(f)[0];
    assert!(all > 20 && after_two_pages != Pos::default());
    assert!(
        v.visible_lines(f).iter().any(|p| p.block == v.cursor),
        "cursor follows the page"
    );
}

#[test]
fn j_reads_through_a_tall_block_line_by_line() {
    let a = seed();
    let layout = Layout::new(&a, 30);
    let f = frame(&a, &layout, 3);
    let mut v = View::new(&a);
    v.unfold(f);
    let h = v.height_of(f, 0);
    assert!(h > 3);
    for _ in 0..h - 3 {
        v.cursor_down(f);
        assert_eq!(v.cursor, 0);
    }
    assert_eq!(
        v.top,
        Pos {
            block: 0,
            line: h - 3
        }
    );
    v.cursor_down(f);
    assert_eq!(v.cursor, 1);
    v.cursor_up(f);
    assert_eq!(v.cursor, 0);
}

#[test]
fn tab_unfolds_to_the_reference() {
    let a = seed();
    let layout = Layout::new(&a, 80);
    let f = frame(&a, &layout, 20);
    let mut v = View::new(&a);
    let first = v.next_link(f).expect("the seed has links");
    v.select_link(f, first);
    assert_eq!(a.links[first].text, "L. 313-6");
    assert_eq!(v.cursor, 0);
    assert!(
        v.is_folded(f, 0),
        "at 80 columns the link is on I's first line: no unfold"
    );
    let second = v.next_link(f).expect("more links");
    v.select_link(f, second);
    let block = a.links[second].block;
    assert_eq!(v.cursor, block);
    assert!(a.ancestors(block).iter().all(|p| !v.folded[*p]));
    assert_eq!(v.prev_link(f), Some(first));
    // Moving the cursor drops the selection.
    v.cursor_down(f);
    assert_eq!(v.selected, None);
}

#[test]
fn tab_unfolds_an_item_whose_reference_is_past_its_first_line() {
    let a = seed();
    let layout = Layout::new(&a, 30);
    let f = frame(&a, &layout, 5);
    let mut v = View::new(&a);
    let first = v.next_link(f).expect("the seed has links");
    v.select_link(f, first);
    assert!(!v.is_folded(f, 0));
    let shown = v.visible_lines(f);
    let on_screen = shown.iter().any(|p| {
        layout.lines(&a, p.block)[p.line]
            .iter()
            .any(|s| s.link == Some(first))
    });
    assert!(on_screen, "the selected reference is scrolled into view");
}
