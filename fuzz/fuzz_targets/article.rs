//! Fuzz target `article`: any file parses into a well-formed article, and its layout
//! keeps every wrapped line within the width the layout promises, at every width.
//!
//! Input: byte 0 picks one width (so the fuzzer can steer it and every width 1..=200
//! comes up), the rest is the mirror file, read as the mirror reads it (lossy UTF-8).
//! Two more widths are derived from the whole input so that each file is also seen
//! at widths the fuzzer did not aim for.

#![no_main]

use libfuzzer_sys::fuzz_target;
use loi::model::article::{Article, Citations, Piece};
use loi::model::layout::{CURSOR_COLUMNS, Layout, SIGN_COLUMNS, line_text};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const MAX_WIDTH: u64 = 200;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let source = String::from_utf8_lossy(file);
    let article = Article::parse(
        "code-du-travail/partie-legislative/l1-1.md",
        &source,
        Citations::Now,
    );
    check_model(&article);
    let hash = fnv1a(data);
    let widths = [
        1 + u64::from(pick) % MAX_WIDTH,
        1 + hash % MAX_WIDTH,
        1 + (hash >> 32) % MAX_WIDTH,
    ];
    for width in widths {
        let width = u16::try_from(width).unwrap_or(u16::MAX);
        check_layout(&article, width);
    }
});

/// The indices the view follows must all lead somewhere: a bad one is a panic on
/// screen, far from the parser that made it.
fn check_model(article: &Article) {
    let n = article.blocks.len();
    for (i, block) in article.blocks.iter().enumerate() {
        assert!(
            block.end > i && block.end <= n,
            "block {i}: end {}",
            block.end
        );
        match block.parent {
            Some(p) => {
                assert!(p < i, "block {i}: parent {p} after it");
                let parent = &article.blocks[p];
                assert!(parent.is_item(), "block {i}: parent {p} is no item");
                assert!(
                    parent.end > i,
                    "block {i}: parent {p} ends at {}",
                    parent.end
                );
                assert_eq!(block.depth, parent.depth + 1, "block {i}: depth");
            }
            None => assert_eq!(block.depth, 0, "block {i}: depth without a parent"),
        }
        for piece in &block.pieces {
            if let Piece::Text { link: Some(l), .. } = piece {
                assert!(*l < article.links.len(), "block {i}: link {l}");
                assert_eq!(article.links[*l].block, i, "link {l} in block {i}");
            }
        }
    }
    for (l, link) in article.links.iter().enumerate() {
        assert!(link.block < n.max(1), "link {l}: block {}", link.block);
    }
}

/// `Layout` promises (src/layout.rs): text starts at `text_column(depth)`, which leaves
/// at least one column when the screen has room for the cursor bar and the sign, and
/// wraps to the columns left, never fewer than one. A line may only be wider than that
/// when it holds a single visible character wider than the whole line.
fn check_layout(article: &Article, width: u16) {
    let layout = Layout::new(article, width);
    let width = usize::from(width);
    for (i, block) in article.blocks.iter().enumerate() {
        let column = layout.text_column(block.depth);
        assert!(
            column >= CURSOR_COLUMNS + SIGN_COLUMNS,
            "block {i}: column {column}"
        );
        if width > CURSOR_COLUMNS + SIGN_COLUMNS {
            assert!(
                column < width,
                "block {i}: column {column} at width {width}"
            );
        }
        let room = width.saturating_sub(column).max(1);
        let lines = layout.lines(article, i);
        assert!(!lines.is_empty(), "block {i}: no line");
        for line in lines {
            let text = line_text(line);
            let visible = text.chars().filter(|c| c.width().unwrap_or(0) > 0).count();
            assert!(
                text.width() <= room || visible == 1,
                "block {i}: {:?} is {} columns, room {room} (width {width})",
                text,
                text.width()
            );
        }
    }
}

/// A fixed hash: a crash must replay with the same widths.
fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
