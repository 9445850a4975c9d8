//! Lays an article out for one width: each block wrapped into screen lines (a table
//! drawn in box lines), computed the first time the screen needs that block and kept
//! until the width changes.

mod columns;
mod cut;
mod glue;
mod table;
mod wide;

pub use cut::{fit, truncate};
pub use table::{Seen, TableShape};

use std::cell::OnceCell;

use smallvec::SmallVec;
use unicode_width::UnicodeWidthStr;

use crate::model::article::{Article, Piece, TextStyle};
use crate::model::peek::RANGE_LINES;

/// A run of one style on one screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub style: TextStyle,
    pub link: Option<usize>,
}

/// One screen line of a block's text (without its indentation).
pub type VLine = Vec<Seg>;

/// Columns taken, left of every block, by the cursor bar.
pub const CURSOR_COLUMNS: usize = 1;
/// Columns per level of the enumeration tree.
pub const INDENT_PER_DEPTH: usize = 2;
/// Columns taken by an item's fold sign and the space after it.
pub const SIGN_COLUMNS: usize = 2;
/// Text narrower than this is unreadable: deep items stop indenting first.
const MIN_TEXT_WIDTH: usize = 12;

/// The wrapped lines of an article's blocks for one width, each block wrapped lazily.
#[derive(Debug)]
pub struct Layout {
    width: usize,
    blocks: Vec<OnceCell<Laid>>,
    /// Per block: shown by its first lines only (a range's articles in a peek);
    /// empty when none is.
    clipped: Vec<bool>,
}

/// One block laid out: its screen lines, and a table's columns.
#[derive(Debug)]
struct Laid {
    lines: Vec<VLine>,
    table: Option<TableShape>,
}

impl Layout {
    /// An empty layout: nothing is wrapped until asked for.
    pub fn new(article: &Article, width: u16) -> Layout {
        Layout {
            width: usize::from(width),
            blocks: article.blocks.iter().map(|_| OnceCell::new()).collect(),
            clipped: Vec::new(),
        }
    }

    /// The layout with the blocks marked in `clipped` cut to their first
    /// [`RANGE_LINES`] lines, the last ending with `…` when something was cut.
    pub fn clipping(mut self, clipped: Vec<bool>) -> Layout {
        self.clipped = clipped;
        self
    }

    pub fn width(&self) -> u16 {
        u16::try_from(self.width).unwrap_or(u16::MAX)
    }

    /// The column where a block's text starts (its fold sign sits just before).
    pub fn text_column(&self, depth: usize) -> usize {
        let wanted = CURSOR_COLUMNS + INDENT_PER_DEPTH * depth + SIGN_COLUMNS;
        let room = self.width.saturating_sub(MIN_TEXT_WIDTH);
        wanted.min(room.max(CURSOR_COLUMNS + SIGN_COLUMNS))
    }

    /// Columns a block's text may take: from its text column to the right edge.
    pub fn room(&self, depth: usize) -> usize {
        self.width.saturating_sub(self.text_column(depth)).max(1)
    }

    /// The wrapped lines of block `index`: wrapped on first use, then cached. A table's
    /// lines are all as wide as its box, which may be wider than the room.
    pub fn lines<'a>(&'a self, article: &Article, index: usize) -> &'a [VLine] {
        &self.laid(article, index).lines
    }

    /// Block `index` laid out: on first use, then cached.
    fn laid<'a>(&'a self, article: &Article, index: usize) -> &'a Laid {
        self.blocks[index].get_or_init(|| {
            let block = &article.blocks[index];
            let room = self.room(block.depth);
            let mut laid = match block.table() {
                Some(t) => table::lay_out(t, &block.cells(), room),
                None => Laid {
                    lines: wrap(&block.pieces, room),
                    table: None,
                },
            };
            if self.clipped.get(index) == Some(&true) && laid.lines.len() > RANGE_LINES {
                laid.lines.truncate(RANGE_LINES);
                if let Some(last) = laid.lines.last_mut() {
                    *last = truncate(last, room.saturating_sub(2));
                    if !line_text(last).ends_with('…') {
                        push_seg(last, " …", TextStyle::default(), None);
                    }
                }
            }
            laid
        })
    }
}

/// A run of one style inside a word, borrowed from the article's pieces.
#[derive(Clone, Copy)]
struct Part<'a> {
    text: &'a str,
    style: TextStyle,
    link: Option<usize>,
}

/// A word: the parts between two spaces, which must stay on one line. Borrowed: a
/// 10 MB paragraph has 1.6 million words, and copying each was most of its layout.
/// Inline: nearly every word is one part, and a `Vec` each was an allocation per word
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
type Word<'a> = SmallVec<[Part<'a>; 2]>;

enum Token<'a> {
    Word(Word<'a>),
    Break,
}

/// Wraps pieces greedily to `width` columns, breaking only at plain spaces (never at a
/// no-break space U+00A0, U+202F or U+2007, nor where `glue` keeps words together), and
/// inside a word only when the word alone is wider than the line (see `wide`).
pub fn wrap(pieces: &[Piece], width: usize) -> Vec<VLine> {
    let mut lines: Vec<VLine> = Vec::new();
    let mut line: VLine = Vec::new();
    let mut used = 0;
    for token in tokens(pieces) {
        let word = match token {
            Token::Break => {
                lines.push(std::mem::take(&mut line));
                used = 0;
                continue;
            }
            Token::Word(word) => word,
        };
        let w: usize = word.iter().map(|s| columns(s.text)).sum();
        if used > 0 && used + 1 + w <= width {
            let shared_link = line
                .last()
                .and_then(|s| s.link)
                .filter(|l| word[0].link == Some(*l));
            push_seg(&mut line, " ", TextStyle::default(), shared_link);
            used += 1;
        } else if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w > width {
            used = wide::place(&mut lines, &mut line, &word, width);
            continue;
        }
        for part in word {
            push_seg(&mut line, part.text, part.style, part.link);
        }
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn push_seg(line: &mut VLine, text: &str, style: TextStyle, link: Option<usize>) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = line.last_mut()
        && last.style == style
        && last.link == link
    {
        last.text.push_str(text);
        return;
    }
    line.push(Seg {
        text: text.to_owned(),
        style,
        link,
    });
}

/// Splits pieces into words at plain spaces, keeping each word's styled parts.
fn tokens(pieces: &[Piece]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut word: Word = SmallVec::new();
    for piece in pieces {
        match piece {
            // A cell's end only reaches here when a whole table is wrapped as text.
            Piece::Break | Piece::CellEnd => {
                if !word.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                out.push(Token::Break);
            }
            Piece::Text { text, style, link } => {
                for (i, part) in text.split(' ').enumerate() {
                    if i > 0 && !word.is_empty() {
                        out.push(Token::Word(std::mem::take(&mut word)));
                    }
                    if !part.is_empty() {
                        word.push(Part {
                            text: part,
                            style: *style,
                            link: *link,
                        });
                    }
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    glue::glue(out)
}

/// The columns `text` takes, as unicode-width counts them, without its look at
/// emoji and joiner sequences for text of plain, accented and punctuation letters:
/// each of those takes one column.
pub fn columns(text: &str) -> usize {
    let mut columns = 0;
    for c in text.chars() {
        if !one_column(c) {
            return text.width();
        }
        columns += 1;
    }
    columns
}

/// Plain, accented and punctuation letters: one column each, alone or together.
pub fn one_column(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// The text of a screen line, for tests and searches.
pub fn line_text(line: &VLine) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text {
            text: s.to_owned(),
            style: TextStyle::default(),
            link: None,
        }
    }

    fn wrapped(pieces: &[Piece], width: usize) -> Vec<String> {
        wrap(pieces, width).iter().map(line_text).collect()
    }

    #[test]
    fn wraps_at_spaces_only() {
        let p = [text("le conseil national de la formation")];
        assert_eq!(
            wrapped(&p, 12),
            vec!["le conseil", "national de", "la formation"]
        );
        for line in wrap(&p, 12) {
            assert!(line_text(&line).width() <= 12);
        }
    }

    #[test]
    fn never_breaks_at_no_break_spaces() {
        let p = [text("voir donc l'article\u{a0}L.\u{202f}6123-1 ici")];
        for width in 20..=40 {
            let lines = wrapped(&p, width);
            let cited = lines
                .iter()
                .find(|l| l.contains("6123-1"))
                .expect("number shown");
            assert!(
                cited.contains("article\u{a0}L.\u{202f}6123-1"),
                "width {width}: {lines:?}"
            );
        }
    }

    #[test]
    fn article_numbers_stay_with_their_prefix_and_the_word_article() {
        let p = [text(
            "conformément aux dispositions de l'article L. 6323-17-5-1 et du R. 12, soit 10 % de plus",
        )];
        for width in 24..=60 {
            let lines = wrapped(&p, width);
            assert!(
                lines.iter().any(|l| l.contains("l'article L. 6323-17-5-1")),
                "width {width}: {lines:?}"
            );
            assert!(
                lines.iter().any(|l| l.contains("R. 12")),
                "width {width}: {lines:?}"
            );
            assert!(
                lines.iter().any(|l| l.contains("10 %")),
                "width {width}: {lines:?}"
            );
            assert!(
                lines.iter().all(|l| l.width() <= width),
                "width {width}: {lines:?}"
            );
        }
    }

    #[test]
    fn a_word_split_across_styles_stays_whole() {
        let link = Piece::Text {
            text: "L. 6123-1".to_owned(),
            style: TextStyle::default(),
            link: Some(0),
        };
        let p = [text("aaaa bbbb "), link, text(", suite")];
        let lines = wrap(&p, 12);
        let texts: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(texts, vec!["aaaa bbbb", "L. 6123-1,", "suite"]);
        // The comma glued to the link is not part of the link; the kept space is.
        let second = &lines[1];
        assert_eq!(second[0].text, "L. 6123-1");
        assert_eq!(second[0].link, Some(0));
        assert_eq!(second[1].link, None);
    }

    #[test]
    fn a_space_inside_a_link_is_part_of_it() {
        let link = Piece::Text {
            text: "article L. 1".to_owned(),
            style: TextStyle::default(),
            link: Some(3),
        };
        let lines = wrap(&[link], 40);
        assert_eq!(lines[0].len(), 1, "one segment: {:?}", lines[0]);
    }

    #[test]
    fn breaks_and_long_words() {
        let p = [
            text("court"),
            Piece::Break,
            text("anticonstitutionnellement"),
        ];
        assert_eq!(
            wrapped(&p, 10),
            vec!["court", "anticonsti", "tutionnell", "ement"]
        );
    }

    #[test]
    fn widths_are_unicode_width_s() {
        let ranges = [
            '\u{0}'..='\u{3000}',
            '\u{fe00}'..='\u{ff00}',
            '\u{1f300}'..='\u{1f400}',
        ];
        for c in ranges.into_iter().flatten() {
            for text in [format!("{c}"), format!("a{c}é"), format!("e{c}\u{301}")] {
                assert_eq!(columns(&text), text.width(), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn wide_characters_count_double() {
        let p = [text("漢字 漢字 漢字")];
        assert_eq!(wrapped(&p, 9), vec!["漢字 漢字", "漢字"]);
    }
}
