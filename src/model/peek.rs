//! Peeks: the text a reference cites, shown inside the article that cites it, under
//! the block holding the reference, as a quotation. An article with its peeks open is
//! spliced into one article (the peeks' blocks among its own, one level deeper, their
//! references after its own), so that every move, fold, Tab and search works on a
//! peek's lines as on the article's; [`Spliced`] says where each block and reference
//! came from, for the reader to keep its place when a peek opens or closes.

use std::rc::Rc;

use super::article::{Article, Block, BlockKind, Piece, TextStyle};

/// Screen lines kept of each article of a range's peek.
pub const RANGE_LINES: usize = 3;

/// One reference peeked, and the peeks opened inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peek {
    /// The reference peeked: an index into the links of the article holding it (the
    /// article read, or the text of the peek this one is inside).
    pub link: usize,
    /// Its `href` and text, to find it again when the links of that article are
    /// counted anew (citations found after the first screen, a session reopened).
    pub href: String,
    pub text_of_link: String,
    /// The line above the quoted text (`Article L1234-5`), in the words spoken.
    pub heading: String,
    /// What is quoted: the article, the item a point names, a range's first lines.
    pub text: Rc<Article>,
    /// Whether each block of `text` is shown only by its first lines (a range's).
    pub clipped: bool,
    /// Peeks opened inside this one, on references of `text`.
    pub inner: Vec<Peek>,
}

/// Where a block of a spliced article comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The references peeked from the article read down to the text holding the
    /// block, each an index into its own article's links; empty for the article's own.
    pub chain: Vec<usize>,
    /// The block's index in that text; `None` for a peek's heading.
    pub block: Option<usize>,
}

/// What the screen needs of a block of a spliced article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub origin: Origin,
    /// The depth of the block holding each peek the block is inside, outermost first:
    /// one quotation bar each.
    pub bars: Vec<usize>,
    /// Only its first [`RANGE_LINES`] lines are shown.
    pub clipped: bool,
}

/// Where a reference of a spliced article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkOrigin {
    pub chain: Vec<usize>,
    /// Its index in its own text's links.
    pub link: usize,
    /// The path of the article it is written in: references resolve from there.
    pub path: String,
}

/// An article with its peeks spliced in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spliced {
    pub article: Rc<Article>,
    /// Per block of `article`.
    pub blocks: Vec<Quoted>,
    /// Per reference of `article`; the article's own come first, at their own index.
    pub links: Vec<LinkOrigin>,
}

impl Spliced {
    /// The block coming from `origin`, if it is still shown.
    pub fn block_of(&self, origin: &Origin) -> Option<usize> {
        self.blocks.iter().position(|q| &q.origin == origin)
    }

    /// The reference coming from reference `link` of the text at `chain`.
    pub fn link_of(&self, chain: &[usize], link: usize) -> Option<usize> {
        self.links
            .iter()
            .position(|l| l.chain == chain && l.link == link)
    }

    /// Which blocks show only their first lines.
    pub fn clipped(&self) -> Vec<bool> {
        self.blocks.iter().map(|q| q.clipped).collect()
    }
}

/// The line above a peek of a whole article, in the law's own words as its file's
/// `# Article` line writes them (in every language): with its code when it is
/// another than that of the article at `from`.
pub fn heading(article: &Article, from: &str) -> String {
    if from.split('/').next() == Some(article.code_slug()) {
        format!("Article {}", article.num)
    } else {
        article.heading()
    }
}

/// The peek of chain `chain` in `peeks`, if it is open.
pub fn find<'a>(peeks: &'a [Peek], chain: &[usize]) -> Option<&'a Peek> {
    let (first, rest) = chain.split_first()?;
    let peek = peeks.iter().find(|p| p.link == *first)?;
    if rest.is_empty() {
        Some(peek)
    } else {
        find(&peek.inner, rest)
    }
}

/// The peeks opened inside the text at `chain` (the article's own at `[]`); `None`
/// when that text is not open.
pub fn inside_mut<'a>(peeks: &'a mut Vec<Peek>, chain: &[usize]) -> Option<&'a mut Vec<Peek>> {
    let Some((first, rest)) = chain.split_first() else {
        return Some(peeks);
    };
    let peek = peeks.iter_mut().find(|p| p.link == *first)?;
    inside_mut(&mut peek.inner, rest)
}

/// `article` with `peeks` spliced under the blocks holding their references.
pub fn splice(article: &Article, peeks: &[Peek]) -> Spliced {
    let mut out = Building {
        article: Article {
            blocks: Vec::new(),
            links: Vec::new(),
            ..article.clone_head()
        },
        blocks: Vec::new(),
        links: Vec::new(),
    };
    let place = Place {
        chain: Vec::new(),
        depth: 0,
        parent: None,
        bars: Vec::new(),
        clipped: false,
    };
    put(&mut out, article, peeks, &place);
    Spliced {
        article: Rc::new(out.article),
        blocks: out.blocks,
        links: out.links,
    }
}

/// A [`Spliced`] being made.
struct Building {
    article: Article,
    blocks: Vec<Quoted>,
    links: Vec<LinkOrigin>,
}

/// Where a text goes in the spliced article.
struct Place {
    chain: Vec<usize>,
    depth: usize,
    parent: Option<usize>,
    bars: Vec<usize>,
    clipped: bool,
}

fn put(out: &mut Building, text: &Article, peeks: &[Peek], at: &Place) {
    let first_link = out.article.links.len();
    for (i, link) in text.links.iter().enumerate() {
        out.article.links.push(link.clone());
        out.links.push(LinkOrigin {
            chain: at.chain.clone(),
            link: i,
            path: text.path.clone(),
        });
    }
    let n = text.blocks.len();
    let mut index = vec![0; n];
    let mut after = vec![0; n];
    for (i, source) in text.blocks.iter().enumerate() {
        index[i] = out.article.blocks.len();
        let mut block = source.clone();
        block.depth += at.depth;
        block.parent = source.parent.map(|p| index[p]).or(at.parent);
        for piece in &mut block.pieces {
            if let Piece::Text { link: Some(l), .. } = piece {
                *l += first_link;
            }
        }
        out.article.blocks.push(block);
        out.blocks.push(Quoted {
            origin: Origin {
                chain: at.chain.clone(),
                block: Some(i),
            },
            bars: at.bars.clone(),
            clipped: at.clipped,
        });
        let mut here: Vec<&Peek> = peeks
            .iter()
            .filter(|p| text.links.get(p.link).is_some_and(|l| l.block == i))
            .collect();
        here.sort_by_key(|p| p.link);
        for peek in here {
            put_peek(out, peek, index[i], source.depth + at.depth, at);
        }
        after[i] = out.article.blocks.len();
    }
    for (i, source) in text.blocks.iter().enumerate() {
        let last = source.end.clamp(i + 1, n) - 1;
        out.article.blocks[index[i]].end = after[last];
    }
    for (k, link) in text.links.iter().enumerate() {
        if let Some(&b) = index.get(link.block) {
            out.article.links[first_link + k].block = b;
        }
    }
}

/// A peek under block `host` (at depth `depth`): its heading, then its text, two
/// levels deeper than the host so that the quotation bar has a column of its own.
fn put_peek(out: &mut Building, peek: &Peek, host: usize, depth: usize, at: &Place) {
    let mut chain = at.chain.clone();
    chain.push(peek.link);
    let mut bars = at.bars.clone();
    bars.push(depth);
    let heading = out.article.blocks.len();
    out.article.blocks.push(Block {
        kind: BlockKind::Text,
        pieces: vec![Piece::Text {
            text: peek.heading.clone(),
            style: TextStyle {
                bold: true,
                ..TextStyle::default()
            },
            link: None,
        }],
        marker: None,
        depth: depth + 2,
        parent: Some(host),
        end: heading + 1,
    });
    out.blocks.push(Quoted {
        origin: Origin {
            chain: chain.clone(),
            block: None,
        },
        bars: bars.clone(),
        clipped: false,
    });
    let place = Place {
        chain,
        depth: depth + 2,
        parent: Some(host),
        bars,
        clipped: peek.clipped,
    };
    put(out, &peek.text, &peek.inner, &place);
}

/// The item block `block` of `article` starts, with what it holds, as a text of its
/// own: what a peek of a point shows.
pub fn point_text(article: &Article, block: usize) -> Article {
    let Some(first) = article.blocks.get(block) else {
        return article.clone_head();
    };
    let range = block..first.end.max(block + 1).min(article.blocks.len());
    let base = first.depth;
    let kept: Vec<usize> = (0..article.links.len())
        .filter(|&l| range.contains(&article.links[l].block))
        .collect();
    let renumber = |l: usize| kept.iter().position(|&k| k == l);
    let blocks = article.blocks[range.clone()]
        .iter()
        .map(|b| {
            let mut b = b.clone();
            b.depth -= base.min(b.depth);
            b.parent = b.parent.filter(|p| range.contains(p)).map(|p| p - block);
            b.end -= block;
            for piece in &mut b.pieces {
                if let Piece::Text { link, .. } = piece {
                    *link = link.and_then(renumber);
                }
            }
            b
        })
        .collect();
    let links = kept
        .iter()
        .map(|&l| {
            let mut link = article.links[l].clone();
            link.block -= block;
            link
        })
        .collect();
    Article {
        blocks,
        links,
        ..article.clone_head()
    }
}

/// The articles of a range, each under its heading, as one text whose articles show
/// their first lines (the blocks after each heading are clipped): what a peek of a
/// range shows. Their references are left out: a range is skimmed, not followed.
pub fn range_text(path: &str, articles: &[(String, Rc<Article>)]) -> Article {
    let mut blocks = Vec::new();
    for (heading, article) in articles {
        let at = blocks.len();
        blocks.push(Block {
            kind: BlockKind::Text,
            pieces: vec![Piece::Text {
                text: heading.clone(),
                style: TextStyle {
                    bold: true,
                    ..TextStyle::default()
                },
                link: None,
            }],
            marker: None,
            depth: 0,
            parent: None,
            end: at + 1,
        });
        // The first blocks are enough for three lines: a long article is not copied.
        let mut pieces = Vec::new();
        for block in article.blocks.iter().take(RANGE_LINES) {
            if !pieces.is_empty() {
                pieces.push(Piece::Break);
            }
            for piece in &block.pieces {
                pieces.push(match piece {
                    Piece::Text { text, style, .. } => Piece::Text {
                        text: text.clone(),
                        style: *style,
                        link: None,
                    },
                    Piece::Break | Piece::CellEnd => Piece::Break,
                });
            }
        }
        blocks.push(Block {
            kind: BlockKind::Text,
            pieces,
            marker: None,
            depth: 0,
            parent: None,
            end: at + 2,
        });
    }
    Article {
        num: String::new(),
        path: path.to_owned(),
        blocks,
        links: Vec::new(),
        citations_pending: false,
        has_heading: true,
        note: None,
    }
}

#[cfg(test)]
mod tests;
