//! Arranges an article's blocks into the enumeration tree their markers imply.

use std::borrow::Cow;

use super::{Marker, MarkerKind, Opening, opening};

mod resume;
use crate::model::article::html::RawPara;
use crate::model::article::{Block, BlockKind, Piece};

/// Where an item stands while the tree is being built.
struct Open {
    kind: MarkerKind,
    value: u32,
    block: usize,
    /// The first item of a list its line opens (`II. – 1°`), which the next of that
    /// list (`2°`) follows, inside this one.
    inner: Option<Marker>,
}

/// The tree as it is being built.
#[derive(Default)]
struct Tree {
    blocks: Vec<Block>,
    /// The items that own what comes next, outermost first.
    open: Vec<Open>,
    /// Per family, its latest item: what a later item of the family may resume.
    latest: Vec<(MarkerKind, usize)>,
    /// Per block, what the tree keeps of it beyond the block itself.
    items: Vec<Item>,
    /// The parent of the unmarked block just added, which the next one shares.
    prev_unmarked_parent: Option<Option<usize>>,
    /// The last block at the article's own level (see [`Item::last_child`]).
    root_last_child: Option<usize>,
    /// Room for the blocks a resumed list takes in, kept between uses.
    moved: Vec<usize>,
}

/// What the tree keeps of a block while it is being built.
#[derive(Clone, Copy)]
struct Item {
    /// The [`Open::inner`] of its line.
    inner: Option<Marker>,
    /// The first item of its run (`1°` for `3°`); the block itself if it starts one.
    run_start: usize,
    /// For the first item of a run: the latest item of its family before it.
    before_run: Option<usize>,
    /// The block before it with the same parent, and its own last child: each item's
    /// children, linked, so that resuming a list finds the blocks it takes in without
    /// going over all that came since.
    prev_sibling: Option<usize>,
    last_child: Option<usize>,
}

/// Whether an item `m` comes next after one numbered `before` in its family: `3°`
/// after `2°`, and `2° bis` after `2°`.
fn follows(m: &Marker, inserted: bool, before: u32) -> bool {
    m.value == before + 1 || (inserted && m.value == before)
}

/// Turns paragraphs into blocks (a paragraph splits at each `<br/>` line that opens
/// with a marker) and links every block to the item that owns it.
///
/// An item owns what follows it until an item of its own family or of an enclosing
/// one. Unmarked text after a list goes back to the nearest enclosing division, out of
/// every nested list (after `2°` or its `b)`, "Le conseil exerce…" belongs to `I`, not
/// to `2°`); divisions (`I`, `A`) keep the unmarked paragraphs that follow them. When
/// the list then goes on (`2°` after `1°`, its closing text and a list `a)` … `d)` of
/// its own), what came between belonged to `1°` after all, and is moved under it.
pub fn build(paras: Vec<RawPara>) -> Vec<Block> {
    // At most a block per line, or per table: made room for at once, the blocks and
    // what the tree keeps of them are not moved as they grow side by side.
    let most = (paras.iter())
        .map(|p| if p.table.is_some() { 1 } else { p.lines.len() })
        .sum();
    let mut tree = Tree {
        blocks: Vec::with_capacity(most),
        items: Vec::with_capacity(most),
        ..Tree::default()
    };
    for para in paras {
        split_para(para, &mut |pieces, kind, line| {
            tree.add(pieces, kind, &line)
        });
    }
    let mut blocks = tree.blocks;
    // A parent comes before its children.
    for i in 0..blocks.len() {
        blocks[i].depth = blocks[i].parent.map_or(0, |p| blocks[p].depth + 1);
    }
    set_ends(&mut blocks);
    blocks
}

impl Tree {
    /// Adds the next block of the article, linked to the item that owns it.
    fn add(&mut self, pieces: Vec<Piece>, kind: BlockKind, line: &Opening) {
        let index = self.blocks.len();
        let (marker, parent) = match self.place(line, index) {
            Some(marker) => {
                self.prev_unmarked_parent = None;
                let open = &self.open;
                let parent = open.len().checked_sub(2).map(|i| open[i].block);
                (Some(marker), parent)
            }
            None => {
                let open = &mut self.open;
                let parent = match (self.prev_unmarked_parent, &kind) {
                    (Some(parent), _) => parent,
                    (None, BlockKind::Table(_)) => open.last().map(|o| o.block),
                    (None, BlockKind::Text) => {
                        while open.last().is_some_and(|o| o.kind.is_list()) {
                            open.pop();
                        }
                        open.last().map(|o| o.block)
                    }
                };
                self.prev_unmarked_parent = Some(parent);
                self.items.push(Item {
                    inner: None,
                    run_start: index,
                    before_run: None,
                    prev_sibling: None,
                    last_child: None,
                });
                (None, parent)
            }
        };
        let last = match parent {
            Some(p) => &mut self.items[p].last_child,
            None => &mut self.root_last_child,
        };
        self.items[index].prev_sibling = last.replace(index);
        self.blocks.push(Block {
            kind,
            pieces,
            marker,
            // Set once the tree is whole: resuming a list moves blocks.
            depth: 0,
            parent,
            end: index + 1,
        });
    }

    /// Puts a marked block on the stack of open items, closing what it ends. Returns
    /// the marker reading chosen, or `None` when the block has no marker.
    fn place(&mut self, line: &Opening, block: usize) -> Option<Marker> {
        let candidates = &line.markers;
        if candidates.is_empty() {
            return None;
        }
        let open = &self.open;
        // A reading that continues an open list (same family, next value, or the
        // list an open item's line starts) wins, unless one resumes a later list the
        // text closed since (`4.` after the `3.` inside `VII`, not after the `3.` that
        // holds `VII`); then one of a family already open; then the most likely
        // reading as a new, deeper list.
        let continuing = candidates.iter().find_map(|m| {
            open.iter().enumerate().rev().find_map(|(at, o)| {
                if o.kind == m.kind && follows(m, line.inserted, o.value) {
                    Some((*m, at, o.block))
                } else if o
                    .inner
                    .is_some_and(|i| i.kind == m.kind && follows(m, line.inserted, i.value))
                {
                    Some((*m, at + 1, o.block))
                } else {
                    None
                }
            })
        });
        let latest = |kind: MarkerKind| self.latest.iter().find(|l| l.0 == kind).map(|l| l.1);
        let resuming = match continuing {
            // The latest of its family continued, no other could be resumed: the
            // common case, spared the search.
            Some((m, _, continued))
                if candidates.len() == 1 && latest(m.kind) == Some(continued) =>
            {
                None
            }
            _ => (candidates.iter()).find_map(|m| self.resumable(m, line.inserted)),
        };
        let resuming = resuming
            .filter(|(_, sibling)| continuing.is_none_or(|(_, _, continued)| *sibling > continued));
        // The item this one follows in its run, if it continues one.
        let mut followed = None;
        let (marker, at) = match (resuming, continuing) {
            (Some((m, sibling)), _) => {
                followed = Some(sibling);
                (m, self.resume(sibling, block))
            }
            (None, Some((m, at, before))) => {
                followed = (open.get(at).map(|o| o.block) == Some(before)).then_some(before);
                (m, at)
            }
            (None, None) if let Some((m, holder)) = self.holder(line) => {
                (m, self.reopen(holder, block))
            }
            (None, None) if line.weak => {
                let first = candidates.iter().find(|m| m.value == 1)?;
                (*first, open.len())
            }
            (None, None) => {
                // A first item inside an item of another numbered family, itself
                // inside an item of this one (`3.` … `I.-` … `1.`; `2°` … `b)` …
                // `1°`), starts the numbering again there: it is no sibling of `3.`.
                // A division (`I`) only starts again inside a division.
                let restarts = |m: &Marker, inside: &[Open]| {
                    m.value == 1
                        && !line.inserted
                        && inside.iter().any(|o| {
                            o.kind != MarkerKind::Dash && (m.kind.is_list() || !o.kind.is_list())
                        })
                };
                let same_family = candidates.iter().find_map(|m| {
                    let at = open.iter().rposition(|o| o.kind == m.kind)?;
                    (!restarts(m, &open[at + 1..])).then_some((*m, at))
                });
                same_family.unwrap_or_else(|| (candidates[0], self.new_list(&candidates[0])))
            }
        };
        self.open.truncate(at);
        self.open.push(Open {
            kind: marker.kind,
            value: marker.value,
            block,
            inner: line.inner,
        });
        let latest = self
            .latest
            .iter_mut()
            .find(|(kind, _)| *kind == marker.kind);
        let before = latest.as_ref().map(|(_, b)| *b);
        match latest {
            Some(latest) => latest.1 = block,
            None => self.latest.push((marker.kind, block)),
        }
        self.items.push(Item {
            inner: line.inner,
            run_start: followed.map_or(block, |f| self.items[f].run_start),
            before_run: followed.is_none().then_some(before).flatten(),
            prev_sibling: None,
            last_child: None,
        });
        Some(marker)
    }

    /// Where a list that `m` opens goes on the stack: inside the innermost open item,
    /// unless `m` is numbered past the first, its earlier siblings left unmarked. A
    /// division (`II.-` after `1°`, `2°`: an implicit `I`) then goes back out of the
    /// open lists, as plain text does; a list item (`b)` whose `a)` shares a line with
    /// `1°`), out of the dashes, whose items never number theirs.
    fn new_list(&self, m: &Marker) -> usize {
        if m.value <= 1 {
            return self.open.len();
        }
        let closes = |o: &Open| match m.kind.is_list() {
            true => o.kind == MarkerKind::Dash,
            false => o.kind.is_list(),
        };
        (self.open.iter())
            .rposition(|o| !closes(o))
            .map_or(0, |at| at + 1)
    }
}

/// Hands `add` one block per marked line of a paragraph (unmarked lines stay with the
/// line before them), or its table, as it goes: no list of them is made, for every
/// paragraph of every article comes here.
fn split_para(para: RawPara, add: &mut impl FnMut(Vec<Piece>, BlockKind, Opening)) {
    if let Some(table) = para.table {
        let mut pieces = Vec::new();
        for (i, cell) in para.lines.into_iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::CellEnd);
            }
            pieces.extend(cell);
        }
        add(pieces, BlockKind::Table(table), Opening::default());
        return;
    }
    let mut pending: Option<(Vec<Piece>, Opening)> = None;
    for line in para.lines {
        let opened = opening(&leading_text(&line));
        match &mut pending {
            Some((pieces, _)) if opened.markers.is_empty() => {
                pieces.push(Piece::Break);
                pieces.extend(line);
            }
            _ => {
                if let Some((pieces, before)) = pending.replace((line, opened)) {
                    add(pieces, BlockKind::Text, before);
                }
            }
        }
    }
    if let Some((pieces, last)) = pending {
        add(pieces, BlockKind::Text, last);
    }
}

/// The first few characters of a line, across pieces, for marker detection: the
/// longest marker (`XVIII.-`, `1.2.3.4.`) is far shorter than the 64 bytes a piece
/// gives at most, and copying whole paragraphs here was costly. A line whose first
/// piece is long enough, as nearly all are, is read where it is.
fn leading_text(line: &[Piece]) -> Cow<'_, str> {
    let head = |text: &str| -> usize {
        let mut end = text.len().min(64);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        end
    };
    let mut texts = line.iter().filter_map(|piece| match piece {
        Piece::Text { text, .. } => Some(text.as_str()),
        Piece::Break | Piece::CellEnd => None,
    });
    let Some(first) = texts.next() else {
        return Cow::Borrowed("");
    };
    let first = &first[..head(first)];
    if first.len() >= 16 {
        return Cow::Borrowed(first);
    }
    let mut out = first.to_owned();
    for text in texts {
        out.push_str(&text[..head(text)]);
        if out.len() >= 16 {
            break;
        }
    }
    Cow::Owned(out)
}

/// An item owns every following block deeper than itself.
fn set_ends(blocks: &mut [Block]) {
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..blocks.len() {
        while let Some(&top) = stack.last() {
            if blocks[top].depth >= blocks[i].depth {
                blocks[top].end = i;
                stack.pop();
            } else {
                break;
            }
        }
        stack.push(i);
    }
    let n = blocks.len();
    for top in stack {
        blocks[top].end = n;
    }
}
