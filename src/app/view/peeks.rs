//! Keeping the reader's place when peeks open or close: the page's blocks and
//! references are numbered anew, and the folds, cursor, scroll and selection follow
//! the blocks they were on (a closed peek's to the block that held its reference).

use std::collections::HashMap;

use super::{Pos, View};
use crate::model::article::Article;
use crate::model::peek::{LinkOrigin, Origin, Spliced};

/// Where block `i` of a page comes from: `spliced`'s word, or the article's own.
fn origin(spliced: Option<&Spliced>, i: usize) -> Origin {
    match spliced {
        Some(s) => s.blocks[i].origin.clone(),
        None => Origin {
            chain: Vec::new(),
            block: Some(i),
        },
    }
}

fn link_origin(spliced: Option<&Spliced>, l: usize) -> Option<(Vec<usize>, usize)> {
    match spliced {
        Some(s) => s
            .links
            .get(l)
            .map(|LinkOrigin { chain, link, .. }| (chain.clone(), *link)),
        None => Some((Vec::new(), l)),
    }
}

/// The folds a page opens with: items folded, as an article opens; but the item a
/// point names, first in its peek, shows its own text, as Enter on the point does.
pub fn opening_folds(page: &Article, spliced: Option<&Spliced>) -> Vec<bool> {
    (0..page.blocks.len())
        .map(|j| {
            let o = origin(spliced, j);
            page.blocks[j].is_item() && (o.chain.is_empty() || o.block != Some(0))
        })
        .collect()
}

impl View {
    /// The view of a page whose peeks changed from `old` to `new` (`None`: the
    /// article alone), `page` being the new page's article. The app refits it after.
    pub fn respliced(&mut self, old: Option<&Spliced>, new: Option<&Spliced>, page: &Article) {
        let index: HashMap<Origin, usize> = (0..page.blocks.len())
            .map(|j| (origin(new, j), j))
            .collect();
        let mut folded = opening_folds(page, new);
        for (i, &was) in self.folded.iter().enumerate() {
            if let Some(&j) = index.get(&origin(old, i)) {
                folded[j] = was;
            }
        }
        self.folded = folded;
        // A block gone (its peek closed) leaves its place to the block holding the
        // reference peeked, or the one holding that one's, out to the article's own.
        let place = |i: usize| -> usize {
            let mut o = origin(old, i);
            loop {
                if let Some(&j) = index.get(&o) {
                    return j;
                }
                let Some(link) = o.chain.pop() else {
                    return 0;
                };
                let held =
                    old.and_then(|s| s.link_of(&o.chain, link).map(|l| s.article.links[l].block));
                match held {
                    Some(b) => o = origin(old, b),
                    None => return 0,
                }
            }
        };
        let last = page.blocks.len().saturating_sub(1);
        let cursor = place(self.cursor).min(last);
        let top = place(self.top.block).min(last);
        let same_top = origin(new, top) == origin(old, self.top.block);
        self.top = Pos {
            block: top,
            line: if same_top { self.top.line } else { 0 },
        };
        if cursor != self.cursor {
            self.shift = 0;
        }
        self.cursor = cursor;
        self.selected = self.selected.and_then(|l| {
            let (chain, link) = link_origin(old, l)?;
            match new {
                Some(s) => s.link_of(&chain, link),
                None => (chain.is_empty() && link < page.links.len()).then_some(link),
            }
        });
    }
}
