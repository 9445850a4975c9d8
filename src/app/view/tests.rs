//! Tests of folding, cursor and scrolling on real articles.

use super::*;
use crate::model::article::{Article, Citations};

fn seed() -> Article {
    Article::parse(
        "c/d313-14.md",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/d313-14.md"
        )),
        Citations::Now,
    )
}

fn frame<'a>(article: &'a Article, layout: &'a Layout, height: usize) -> Page<'a> {
    Page {
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

#[test]
fn enter_toggles_items_and_leaves_plain_paragraphs_alone() {
    let a = seed();
    let layout = Layout::new(&a, 80);
    let f = frame(&a, &layout, 20);
    let mut v = View::new(&a);
    v.toggle(f);
    assert!(!v.is_folded(f, 0));
    v.toggle(f);
    assert!(v.is_folded(f, 0));
    // The seed's last paragraph is no item: Enter there changes nothing.
    v.fold_all(f, false);
    v.end(f);
    let last = a.blocks.len() - 1;
    assert_eq!(v.cursor, last);
    let before = v.clone();
    v.toggle(f);
    assert_eq!(v, before);
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

/// Long random walks of every move over real articles and sizes: after each, the
/// cursor and the top line are on visible blocks, and the cursor is on screen.
#[test]
fn random_moves_keep_the_view_sound() {
    let articles = [
        seed(),
        Article::parse(
            "c/l.md",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l4121-3-1.md"
            )),
            Citations::Now,
        ),
        Article::parse(
            "c/r.md",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/r1431-4.md"
            )),
            Citations::Now,
        ),
        Article::parse(
            "c/l6.md",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l6123-1.md"
            )),
            Citations::Now,
        ),
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    for a in &articles {
        for (width, height) in [(80, 20), (40, 8), (24, 3), (12, 1), (30, 0)] {
            let layout = Layout::new(a, width);
            let f = frame(a, &layout, height);
            let mut v = View::new(a);
            for step in 0..2_000 {
                match next(13) {
                    0 | 1 => v.cursor_down(f),
                    2 | 3 => v.cursor_up(f),
                    4 => v.page_down(f),
                    5 => v.page_up(f),
                    6 => {
                        v.unfold(f);
                    }
                    7 => v.fold_or_parent(f),
                    8 => v.fold_all(f, next(2) == 0),
                    9 => v.home(),
                    10 => v.end(f),
                    11 => {
                        if let Some(l) = v.next_link(f) {
                            v.select_link(f, l);
                        }
                    }
                    _ => {
                        if let Some(l) = v.prev_link(f) {
                            v.select_link(f, l);
                        }
                    }
                }
                let at = format!("{} {width}x{height} step {step}: {v:?}", a.path);
                assert_eq!(
                    v.visible_ancestor(f, v.cursor),
                    v.cursor,
                    "cursor hidden, {at}"
                );
                assert_eq!(
                    v.visible_ancestor(f, v.top.block),
                    v.top.block,
                    "top hidden, {at}"
                );
                assert!(
                    v.top.line < v.height_of(f, v.top.block),
                    "top past its block, {at}"
                );
                let shown = v.visible_lines(f);
                assert!(shown.len() <= height);
                // With no row for text (a terminal 4 rows high) nothing can be on screen.
                assert!(
                    height == 0 || shown.iter().any(|p| p.block == v.cursor),
                    "cursor off screen, {at}"
                );
                if let Some(l) = v.selected {
                    assert_eq!(a.links[l].block, v.cursor, "{at}");
                }
            }
        }
    }
}

#[test]
fn fitting_on_one_screen_is_having_the_start_as_last_screen() {
    let a = seed();
    for width in [40, 80, 120] {
        let layout = Layout::new(&a, width);
        for height in 1..40 {
            let f = frame(&a, &layout, height);
            let mut v = View::new(&a);
            for unfolded in [false, true] {
                if unfolded {
                    v.fold_all(f, false);
                }
                assert_eq!(
                    v.fits_on_screen(f),
                    v.max_top(f) == Pos::default(),
                    "{width}x{height}, unfolded: {unfolded}"
                );
            }
        }
    }
}
