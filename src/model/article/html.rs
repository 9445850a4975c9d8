//! Reads an article's HTML into paragraphs of styled pieces and a list of links.
//!
//! The mirror's plain HTML is read by `strict`, without a tree; anything outside what
//! it knows goes through html5ever, whose tree is walked with ego-tree's `traverse`
//! (open/close edges), never recursively: a hostile file nested thousands deep must not
//! overflow the stack.

mod strict;

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem;

use scraper::Html;
use scraper::node::Node;

use super::nesting;
use super::table::{self, Table};
use super::{Link, Piece, TextStyle};
use crate::model::sanitize;

/// A paragraph as the HTML gave it: its `<br/>`-separated lines, or a table's cells
/// (row by row, one line each, empty ones too) with the table's shape.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RawPara {
    pub table: Option<Table>,
    pub lines: Vec<Vec<Piece>>,
}

/// What [`parse`] returns.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub paras: Vec<RawPara>,
    pub links: Vec<Link>,
}

/// Parses an article body.
///
/// The strict reader takes nearly every article of the mirror, in much less time than
/// html5ever and its tree took, which the largest article's first screen waited on
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »). Whatever it does not
/// know starts over with html5ever, so the result is the same.
pub fn parse(body: &str) -> Parsed {
    parse_strictly(body).unwrap_or_else(|| parse_by_tree(body))
}

/// Parses an article body without html5ever, or `None` when it holds anything
/// html5ever might read differently from the strict reader.
pub fn parse_strictly(body: &str) -> Option<Parsed> {
    let mut b = Builder::default();
    strict::read(body, &mut b).map(|()| b.finish())
}

/// Parses an article body with html5ever, as browsers do: what [`parse`] falls back
/// to, and the reference its strict reader is tested against.
pub fn parse_by_tree(body: &str) -> Parsed {
    let doc = Html::parse_fragment(&nesting::cap(body, nesting::MAX_DEPTH));
    let mut b = Builder::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Text(text) => b.text(&text.text),
                Node::Element(el) => b.open(el.name(), el),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    b.close(el.name());
                }
            }
        }
    }
    b.finish()
}

/// The attributes of an opening tag, as the builder asks for them.
trait Attributes {
    /// The value of the attribute `name` (lower case), its character references decoded.
    fn get(&self, name: &str) -> Option<Cow<'_, str>>;
}

impl Attributes for scraper::node::Element {
    fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        self.attr(name).map(Cow::Borrowed)
    }
}

#[derive(Default)]
struct Builder {
    paras: Vec<RawPara>,
    lines: Vec<Vec<Piece>>,
    line: Vec<Piece>,
    links: Vec<Link>,
    link: Option<usize>,
    bold: u32,
    sup: u32,
    sub: u32,
    table_depth: u32,
    /// The outermost table being read; a table inside a cell is read as its text.
    table: Option<table::Builder>,
    /// A cell of the outermost table is open: text goes into it.
    cell_open: bool,
    /// Inside `<thead>`: its cells head the table.
    thead: u32,
    /// White space was seen and will become one space before the next visible text.
    pending_space: bool,
}

impl Builder {
    fn style(&self) -> TextStyle {
        TextStyle {
            bold: self.bold > 0,
            sup: self.sup > 0,
            sub: self.sub > 0,
            ..TextStyle::default()
        }
    }

    fn finish(mut self) -> Parsed {
        self.end_para();
        Parsed {
            paras: self.paras,
            links: self.links,
        }
    }

    fn open(&mut self, name: &str, attributes: &impl Attributes) {
        match name {
            "p" | "div" | "center" | "blockquote" | "li" | "ul" | "ol" | "h1" | "h2" | "h3"
            | "h4" | "h5" | "h6" => self.block_boundary(),
            "br" => self.line_break(),
            "strong" | "b" => self.bold += 1,
            "sup" => self.sup += 1,
            "sub" => self.sub += 1,
            "a" => {
                if let Some(href) = attributes.get("href") {
                    self.links.push(Link {
                        href: sanitize::clean(&href).trim().to_owned(),
                        text: String::new(),
                        block: 0,
                        cite: None,
                        later_part: false,
                    });
                    self.link = Some(self.links.len() - 1);
                }
            }
            "table" => {
                if self.table_depth == 0 {
                    self.end_para();
                    self.table = Some(table::Builder::default());
                } else if self.table_depth == 1 && self.cell_open {
                    // A table in a cell is a block of it: its words on a line of their own.
                    self.cell_line_break();
                }
                self.table_depth += 1;
            }
            "thead" if self.table_depth == 1 => self.thead += 1,
            "tr" if self.table_depth == 1 => {
                self.end_cell();
                if let Some(t) = self.table.as_mut() {
                    t.row();
                }
            }
            "td" | "th" if self.table_depth == 1 => {
                self.end_cell();
                let header = name == "th" || self.thead > 0;
                if let Some(t) = self.table.as_mut() {
                    let colspan = attributes.get("colspan");
                    let rowspan = attributes.get("rowspan");
                    t.cell(colspan.as_deref(), rowspan.as_deref(), header);
                    self.cell_open = true;
                }
            }
            // A table inside a cell: its cells are words of the outer one.
            "tr" | "td" | "th" => self.pending_space = !self.line.is_empty(),
            _ => {}
        }
    }

    /// Ends the open cell of the outermost table, empty or not: cell `i` must stay the
    /// `i`-th line for the table's shape to find its text.
    fn end_cell(&mut self) {
        if self.cell_open {
            if matches!(self.line.last(), Some(Piece::Break)) {
                self.line.pop();
            }
            self.lines.push(std::mem::take(&mut self.line));
            self.cell_open = false;
        }
        self.pending_space = false;
    }

    fn close(&mut self, name: &str) {
        match name {
            "p" | "div" | "center" | "blockquote" | "li" | "ul" | "ol" | "h1" | "h2" | "h3"
            | "h4" | "h5" | "h6" => self.block_boundary(),
            "strong" | "b" => self.bold = self.bold.saturating_sub(1),
            "sup" => self.sup = self.sup.saturating_sub(1),
            "sub" => self.sub = self.sub.saturating_sub(1),
            "a" => self.link = None,
            "thead" if self.table_depth == 1 => self.thead = self.thead.saturating_sub(1),
            "tr" | "td" | "th" if self.table_depth == 1 => self.end_cell(),
            "tr" | "td" | "th" => self.pending_space = !self.line.is_empty(),
            "table" => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth == 0 {
                    self.end_table();
                } else if self.table_depth == 1 && self.cell_open {
                    self.cell_line_break();
                }
            }
            _ => {}
        }
    }

    /// A paragraph (or any block) inside a cell starts a line of that cell, as `<br/>`
    /// does: a cell's `<p>Pustule maligne.</p><p>Œdème malin.</p>` are two lines. In a
    /// table inside a cell, whose cells are words of the outer one, it is a gap
    /// between words; outside a table it ends the paragraph.
    fn block_boundary(&mut self) {
        if self.table_depth == 0 {
            self.end_para();
        } else if self.table_depth == 1 && self.cell_open {
            self.cell_line_break();
        } else {
            self.pending_space = !self.line.is_empty();
        }
    }

    /// Ends a line of the open cell: none at its start and none twice, so that
    /// `<p></p>`, `<br/><br/>` or a `<br/>` closing a `<p>` add no empty line (the
    /// mirror puts `<br/><br/>` between the lines of a list in a cell). Cold, to keep
    /// it out of `block_boundary`, which every paragraph of every article goes through.
    #[cold]
    fn cell_line_break(&mut self) {
        if !matches!(self.line.last(), None | Some(Piece::Break)) {
            self.line.push(Piece::Break);
        }
        self.pending_space = false;
    }

    /// `<br/>` ends a line; two in a row (an empty line) end the paragraph, which is
    /// how many articles separate their paragraphs.
    fn line_break(&mut self) {
        if self.table_depth == 1 && self.cell_open {
            self.cell_line_break();
        } else if self.table_depth > 0 {
            self.pending_space = !self.line.is_empty();
        } else if self.line.is_empty() {
            self.end_para();
        } else {
            self.end_line();
        }
    }

    /// Adds a text node: runs of white space become one space, and a space at either
    /// end waits to see whether visible text follows.
    fn text(&mut self, raw: &str) {
        // Cleaned, every ASCII white space is a space.
        let text = sanitize::clean(raw);
        let words = text.trim_matches(' ');
        if text.starts_with(' ') {
            self.pending_space = !self.line.is_empty();
        }
        if words.is_empty() {
            return;
        }
        // Most text nodes hold no run of spaces, and go as they are: splitting and
        // joining their words copied the whole text for nothing
        // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
        static TWO_SPACES: LazyLock<memmem::Finder> = LazyLock::new(|| memmem::Finder::new("  "));
        let words: Cow<'_, str> = if TWO_SPACES.find(words.as_bytes()).is_none() {
            Cow::Borrowed(words)
        } else {
            Cow::Owned(
                words
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        };
        let style = self.style();
        let words = if style.sup {
            Cow::Owned(super::script::superscript(&words))
        } else if style.sub {
            Cow::Owned(super::script::subscript(&words))
        } else {
            words
        };
        self.push_str(&words, style, self.link);
        self.pending_space = text.ends_with(' ');
    }

    /// Appends visible text, first emitting a pending space. Between two words of one
    /// link the space belongs to the link; at its edges it does not, so a link never
    /// starts or ends with a blank.
    fn push_str(&mut self, s: &str, style: TextStyle, link: Option<usize>) {
        // Text in a table but in no cell (HTML moves it out; this is in case): a cell
        // of its own, so that no word is lost.
        if !self.cell_open
            && let Some(t) = self.table.as_mut()
        {
            t.cell(None, None, false);
            self.cell_open = true;
            self.pending_space = false;
        }
        // No space opens a line, nor a line of a cell (only cells hold breaks).
        if self.pending_space
            && !self.line.is_empty()
            && !(self.table_depth > 0 && matches!(self.line.last(), Some(Piece::Break)))
        {
            let inside = link.is_some() && self.line.last().and_then(link_of) == link;
            if inside {
                self.append(" ", style, link);
            } else {
                self.append(" ", TextStyle::default(), None);
            }
        }
        self.pending_space = false;
        self.append(s, style, link);
    }

    fn append(&mut self, s: &str, style: TextStyle, link: Option<usize>) {
        if let Some(l) = link {
            self.links[l].text.push_str(s);
        }
        if let Some(Piece::Text {
            text,
            style: last_style,
            link: last_link,
        }) = self.line.last_mut()
            && *last_style == style
            && *last_link == link
        {
            text.push_str(s);
            return;
        }
        self.line.push(Piece::Text {
            text: s.to_owned(),
            style,
            link,
        });
    }

    fn end_line(&mut self) {
        self.pending_space = false;
        if !self.line.is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
        }
    }

    fn end_para(&mut self) {
        self.end_line();
        if !self.lines.is_empty() {
            self.paras.push(RawPara {
                table: None,
                lines: std::mem::take(&mut self.lines),
            });
        }
    }

    /// Closes the outermost table: a paragraph of its cells, unless every cell is
    /// empty (a grid of nothing is no text).
    fn end_table(&mut self) {
        self.end_cell();
        self.thead = 0;
        let cells = std::mem::take(&mut self.lines);
        if cells.iter().all(Vec::is_empty) {
            self.table = None;
            return;
        }
        // Cells and shape always agree; were they not to, the text stays, as lines.
        let table = self
            .table
            .take()
            .filter(|t| t.cells() == cells.len())
            .map(table::Builder::finish);
        let lines = match table {
            Some(_) => cells,
            None => cells.into_iter().filter(|c| !c.is_empty()).collect(),
        };
        self.paras.push(RawPara { table, lines });
    }
}

fn link_of(piece: &Piece) -> Option<usize> {
    match piece {
        Piece::Text { link, .. } => *link,
        Piece::Break | Piece::CellEnd => None,
    }
}

#[cfg(test)]
mod tests;
