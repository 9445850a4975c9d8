//! The article model: what one mirror file says, as blocks of styled text with links,
//! arranged in the enumeration tree. Knows nothing of terminals or widths.

pub mod citation;
pub mod enumeration;
pub mod html;
mod nesting;
mod references;
mod script;
pub mod table;

pub use super::trail::{humanize_slug, short_title};
pub use references::{bare_number, first_number, query_value};
pub use script::{subscript, superscript};

use citation::Cite;
use enumeration::Marker;

/// Articles larger than this are not searched for citations in their text.
pub const MAX_CITATION_SEARCH: usize = 2 * 1024 * 1024;

/// A run of text with one style, or a forced line break (`<br/>`, a table row's end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text, already cleaned of control characters, white space collapsed.
    Text {
        text: String,
        style: TextStyle,
        /// Index into [`Article::links`] when this text is part of a link.
        link: Option<usize>,
    },
    /// A hard line break inside the block (or inside a table's cell).
    Break,
    /// The end of a table's cell: the next piece starts the next cell.
    CellEnd,
}

/// Inline emphasis carried by the HTML (`<strong>`, `<sup>`, `<sub>`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextStyle {
    pub bold: bool,
    pub sup: bool,
    pub sub: bool,
    /// Words a later version deleted, or inserted: what changed, as `=` shows it.
    pub deleted: bool,
    pub inserted: bool,
}

/// An `<a href>` of the article, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The href as written in the file (cleaned of control characters).
    pub href: String,
    /// The link's visible text, white space collapsed.
    pub text: String,
    /// The block the link sits in.
    pub block: usize,
    /// What the text says it cites: the number when a link names several, the point,
    /// the code. Always there for a citation found in the text (whose `href` is empty).
    pub cite: Option<Cite>,
    /// A later part of a link cut into one reference per number: its own number, not
    /// the href (which names the first), says where it leads.
    pub later_part: bool,
}

/// Whether a block came from running text or from a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Text,
    /// A table: its pieces are its cells' text, row by row, a [`Piece::CellEnd`]
    /// between two cells (which making references keeps, so cells stay apart).
    Table(table::Table),
}

/// One unit the cursor moves over: a paragraph, an item of an enumeration (with its
/// following `<br/>` lines), or a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub pieces: Vec<Piece>,
    /// The enumeration marker the block opens with (`I.-`, `1°`, `a)`…), if any.
    pub marker: Option<Marker>,
    /// Nesting depth in the enumeration tree; 0 is the article's own level.
    pub depth: usize,
    /// The item that owns this block.
    pub parent: Option<usize>,
    /// One past the last block this one owns: `index + 1` when it owns nothing.
    pub end: usize,
}

impl Block {
    /// An item is a block that opens with a marker.
    pub fn is_item(&self) -> bool {
        self.marker.is_some()
    }

    /// The table this block is, if it is one.
    pub fn table(&self) -> Option<&table::Table> {
        match &self.kind {
            BlockKind::Table(t) => Some(t),
            BlockKind::Text => None,
        }
    }

    /// Items and tables fold; paragraphs do not.
    pub fn folds(&self) -> bool {
        self.is_item() || self.table().is_some()
    }

    /// A table's cells, each its run of pieces, row by row. Empty for a text block.
    pub fn cells(&self) -> Vec<&[Piece]> {
        if self.table().is_none() {
            return Vec::new();
        }
        self.pieces.split(|p| matches!(p, Piece::CellEnd)).collect()
    }

    /// The block's text with no styling, breaks as spaces.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text { text, .. } => out.push_str(text),
                Piece::Break | Piece::CellEnd => out.push(' '),
            }
        }
        out
    }
}

/// A whole article, parsed from one mirror file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The number from the heading: `L6123-1`, `Annexe II : Tableau n° 12 bis`.
    pub num: String,
    /// The file's path relative to the mirror root, `/`-separated.
    pub path: String,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    /// Whether the citations of the text are still to be found ([`Citations::Later`]).
    pub citations_pending: bool,
    /// Whether the file opens with `# Article`. A link opens a file without it (its
    /// number from the file name), but a file the user names is refused: it may be
    /// any `.md` file, named by mistake.
    pub has_heading: bool,
    /// What is wrong with the file itself (not UTF-8), for the status line.
    pub note: Option<&'static str>,
}

/// When the citations written in an article's words (not its links) are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citations {
    /// While parsing: for what needs every reference at once (`loi print`, `loi links`,
    /// the index of « cité par »).
    Now,
    /// Later, by [`Article::with_citations`]: what the reader uses. Links naming
    /// several articles are split then too. An article past [`MAX_CITATION_SEARCH`]
    /// never has them searched. The first screen needs no citation, and reading every
    /// word of a long article for them costs more than all the rest of opening it
    /// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
    Later,
}

impl Article {
    /// Parses a mirror file: `# Article NUM`, a blank line, then HTML.
    ///
    /// A file without the heading still opens (the number falls back to the file name),
    /// so that a damaged file shows what it has rather than nothing.
    pub fn parse(path: &str, source: &str, citations: Citations) -> Article {
        let heading = split_heading(source);
        let has_heading = heading.is_some();
        let (num, body) = heading.unwrap_or_else(|| (fallback_num(path), source));
        let parsed = html::parse(body);
        let mut blocks = enumeration::build(parsed.paras);
        let code = path.split('/').next().unwrap_or_default();
        let now = citations == Citations::Now;
        let links = references::attach(&mut blocks, &parsed.links, code, now);
        Article {
            num,
            path: path.to_owned(),
            blocks,
            links,
            // Past this size (the largest real article is 122 KB) the search would hold
            // the reader for seconds, keys unanswered: only links are references.
            citations_pending: !now && source.len() <= MAX_CITATION_SEARCH,
            has_heading,
            note: None,
        }
    }

    /// The article with its citations found, as [`Citations::Now`] gives it.
    pub fn with_citations(&self) -> Article {
        let mut blocks = self.blocks.clone();
        let links = references::attach(&mut blocks, &self.links, self.code_slug(), true);
        Article {
            num: self.num.clone(),
            path: self.path.clone(),
            blocks,
            links,
            citations_pending: false,
            has_heading: self.has_heading,
            note: self.note,
        }
    }

    /// The article with its Nota (HTML) after its text: one item marked « Nota »,
    /// which folds as the others do, its paragraphs inside it, its citations and
    /// links references as the text's are.
    pub fn with_nota(mut self, nota: &str) -> Article {
        let citations = if self.citations_pending {
            Citations::Later
        } else {
            Citations::Now
        };
        let source = format!("# Article {}\n\n{nota}", self.num);
        let nota = Article::parse(&self.path, &source, citations);
        if nota.blocks.is_empty() {
            return self;
        }
        let head = self.blocks.len();
        let shift = head + 1;
        self.blocks.push(Block {
            kind: BlockKind::Text,
            pieces: vec![Piece::Text {
                text: super::state::NOTA.to_owned(),
                style: TextStyle {
                    bold: true,
                    ..TextStyle::default()
                },
                link: None,
            }],
            marker: Some(Marker {
                kind: enumeration::MarkerKind::Nota,
                value: 0,
            }),
            depth: 0,
            parent: None,
            end: shift + nota.blocks.len(),
        });
        let links = self.links.len();
        for mut block in nota.blocks {
            block.depth += 1;
            block.parent = Some(block.parent.map_or(head, |p| p + shift));
            block.end += shift;
            for piece in &mut block.pieces {
                if let Piece::Text { link: Some(l), .. } = piece {
                    *l += links;
                }
            }
            self.blocks.push(block);
        }
        self.links.extend(nota.links.into_iter().map(|mut l| {
            l.block += shift;
            l
        }));
        self
    }

    /// What changed from one version to another, as an article of its own: its
    /// paragraphs are the comparison's, deleted words written `[-so-]` and inserted
    /// ones `{+so+}` (marked by more than colour), styled [`TextStyle::deleted`] and
    /// [`TextStyle::inserted`]. It has no references: it is read, not followed.
    pub fn of_diff(num: &str, path: &str, diff: &super::diff::Diff) -> Article {
        use super::diff::Change;
        let mut blocks = Vec::new();
        for paragraph in &diff.paragraphs {
            let mut pieces = Vec::new();
            for run in &paragraph.runs {
                let (text, style) = match run.change {
                    Change::Same => (run.text.clone(), TextStyle::default()),
                    // A space changed for another is no change.
                    Change::Deleted if !run.is_change() => continue,
                    Change::Inserted if !run.is_change() => {
                        (run.text.clone(), TextStyle::default())
                    }
                    Change::Deleted => (
                        format!("[-{}-]", run.text),
                        TextStyle {
                            deleted: true,
                            ..TextStyle::default()
                        },
                    ),
                    Change::Inserted => (
                        format!("{{+{}+}}", run.text),
                        TextStyle {
                            inserted: true,
                            ..TextStyle::default()
                        },
                    ),
                };
                pieces.push(Piece::Text {
                    text: crate::model::sanitize::clean(&text).into_owned(),
                    style,
                    link: None,
                });
            }
            if pieces.is_empty() {
                continue;
            }
            let end = blocks.len() + 1;
            blocks.push(Block {
                kind: BlockKind::Text,
                pieces,
                marker: None,
                depth: 0,
                parent: None,
                end,
            });
        }
        Article {
            num: num.to_owned(),
            path: path.to_owned(),
            blocks,
            links: Vec::new(),
            citations_pending: false,
            has_heading: true,
            note: None,
        }
    }

    /// The article's number, path and flags, without its text: what a text made of
    /// part of it (a peek's) starts from.
    pub fn clone_head(&self) -> Article {
        Article {
            num: self.num.clone(),
            path: self.path.clone(),
            blocks: Vec::new(),
            links: Vec::new(),
            citations_pending: false,
            has_heading: self.has_heading,
            note: self.note,
        }
    }

    /// The code's folder name: the first component of the path.
    pub fn code_slug(&self) -> &str {
        self.path.split('/').next().unwrap_or_default()
    }

    /// The folder names between the code and the file: partie, livre, titre…
    pub fn section_slugs(&self) -> impl Iterator<Item = &str> {
        let parts = self.path.split('/').count();
        self.path.split('/').skip(1).take(parts.saturating_sub(2))
    }

    /// `Article L6123-1 · Code du travail`: what the article is, for a header. A file
    /// at the mirror's root (a lone file opened by path) is in no code folder: its name
    /// is no code's.
    pub fn heading(&self) -> String {
        if !self.path.contains('/') {
            return format!("Article {}", self.num);
        }
        format!(
            "Article {} · {}",
            self.num,
            crate::model::codes::title_for(self.code_slug())
        )
    }

    /// `Partie legislative › Sixieme partie › Livre Ier › … › Section 1 conseil
    /// national…`: the heads of the enclosing sections, and the nearest one in full.
    /// Empty for an article at the top of its code.
    pub fn section_trail(&self) -> String {
        super::trail::of_path(&self.path)
    }

    /// The block a point names, outermost first (`II` then `3°`): each step is the first
    /// item with that marker inside the one before (at any depth, so `3°` alone finds
    /// the first `3°` of the article).
    pub fn point_block(&self, point: &[Marker]) -> Option<usize> {
        point_block(&self.blocks, point)
    }

    /// Indices of the items, outermost first, that enclose `block` (not the block itself).
    pub fn ancestors(&self, block: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = self.blocks.get(block).and_then(|b| b.parent);
        while let Some(p) = at {
            chain.push(p);
            at = self.blocks[p].parent;
        }
        chain.reverse();
        chain
    }
}

/// See [`Article::point_block`].
pub(crate) fn point_block(blocks: &[Block], point: &[Marker]) -> Option<usize> {
    let mut within = 0..blocks.len();
    let mut found = None;
    for step in point {
        let at = within.clone().find(|&i| {
            blocks[i]
                .marker
                .is_some_and(|m| m.kind == step.kind && m.value == step.value)
        })?;
        found = Some(at);
        within = at + 1..blocks[at].end;
    }
    found
}

/// Splits `# Article NUM\n\nBODY` into its number and body.
pub fn split_heading(source: &str) -> Option<(String, &str)> {
    // A byte-order mark, as some Windows editors write, is no reason to lose the heading.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (first, rest) = source.split_once('\n').unwrap_or((source, ""));
    let num = first.trim_end_matches('\r').strip_prefix("# Article")?;
    let num = crate::model::sanitize::clean(num).trim().to_owned();
    Some((num, rest))
}

/// The article number a file name stands for, when the heading is missing.
fn fallback_num(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    crate::model::sanitize::clean(name.strip_suffix(".md").unwrap_or(name)).to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const L6123_1: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/l6123-1.md"
    ));

    #[test]
    fn heading_gives_number() {
        let a = Article::parse("code-du-travail/x/l6123-1.md", L6123_1, Citations::Now);
        assert_eq!(a.num, "L6123-1");
        assert!(a.has_heading);
        assert_eq!(a.code_slug(), "code-du-travail");
        assert_eq!(a.section_slugs().collect::<Vec<_>>(), vec!["x"]);
    }

    #[test]
    fn the_heading_names_the_code_of_the_folder() {
        let a = Article::parse("code-du-travail/x/l6123-1.md", L6123_1, Citations::Now);
        assert_eq!(a.heading(), "Article L6123-1 · Code du travail");
        let alone = Article::parse("l6123-1.md", L6123_1, Citations::Now);
        assert_eq!(alone.heading(), "Article L6123-1");
    }

    #[test]
    fn missing_heading_still_opens() {
        let a = Article::parse("c/l1-2.md", "<p>Texte.</p>", Citations::Now);
        assert_eq!(a.num, "L1-2");
        assert!(!a.has_heading);
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].plain_text(), "Texte.");
    }

    #[test]
    fn d6123_1_is_one_paragraph_with_two_links() {
        let a = Article::parse(
            "c/d.md",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/d6123-1.md"
            )),
            Citations::Now,
        );
        assert_eq!(a.num, "D6123-1");
        assert_eq!(a.blocks.len(), 1);
        assert!(!a.blocks[0].is_item());
        let texts: Vec<&str> = a.links.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["R. 6123-3", "L. 6111-3"]);
        assert!(a.links[1].href.ends_with("/l6111-3.md"));
        // The text around the links keeps its spaces: nothing glued, nothing doubled.
        let text = a.blocks[0].plain_text();
        assert!(text.contains("l'article R. 6123-3 est constitué"), "{text}");
        assert!(text.ends_with("l'article L. 6111-3."), "{text}");
        assert!(!text.contains("  "));
    }

    #[test]
    fn hostile_nesting_opens_with_its_text() {
        // Uncapped, html5ever builds this tree in time quadratic in its depth
        // (measured: docs/BENCHMARKS.md, « Figures behind the code »).
        let body = "<ul><li>".repeat(100_000) + "fond" + &"</li></ul>".repeat(100_000);
        let a = Article::parse(
            "c/x.md",
            &format!("# Article X\n\n{body}<p>après</p>"),
            Citations::Now,
        );
        let texts: Vec<String> = a.blocks.iter().map(Block::plain_text).collect();
        assert_eq!(texts, ["fond", "après"]);
    }

    #[test]
    fn links_know_their_block() {
        let a = Article::parse("c/l.md", L6123_1, Citations::Now);
        assert_eq!(a.links.len(), 2);
        assert_eq!(a.links[0].text, "article L. 5311-9");
        let block = &a.blocks[a.links[0].block];
        assert!(block.plain_text().starts_with("Le conseil exerce"));
        // The citation with no link is a reference too, its text a run of its own.
        let cited = &a.links[1];
        assert_eq!(
            (cited.href.as_str(), cited.text.as_str()),
            ("", "L. 6323-17-5-1")
        );
        assert!(a.blocks[cited.block].pieces.iter().any(|p| matches!(p,
            Piece::Text { text, link: Some(1), .. } if text == "L. 6323-17-5-1")));
    }

    #[test]
    fn a_point_the_article_lacks_is_no_reference() {
        let src = "# Article X\n\n<p>I.-Les personnes mentionnées au II, puis celles mentionnées au III.</p><p>II.-Elles.</p>";
        let a = Article::parse("c/x.md", src, Citations::Now);
        let texts: Vec<&str> = a.links.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["II"], "there is no III here");
    }

    #[test]
    fn citations_found_later_give_the_same_article() {
        let fixtures = [
            L6123_1,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/d313-14.md"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l5312-1.md"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l4121-3-1.md"
            )),
        ];
        for source in fixtures {
            let now = Article::parse("code-du-travail/x/y.md", source, Citations::Now);
            let first = Article::parse("code-du-travail/x/y.md", source, Citations::Later);
            assert!(first.citations_pending);
            assert!(first.links.len() < now.links.len(), "{}", now.num);
            assert_eq!(first.with_citations(), now, "{}", now.num);
        }
    }

    #[test]
    fn a_link_on_a_point_cites_the_article_named_after_it() {
        let src = "# Article X\n\n<p>mentionnés au <a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI1'>4°</a> de l'article L. 5424-1.</p>";
        let a = Article::parse("code-du-travail/x.md", src, Citations::Now);
        assert_eq!(a.links.len(), 1);
        match &a.links[0].cite {
            Some(Cite::Article { num, point, .. }) => {
                assert_eq!(num, "L5424-1");
                assert_eq!(point.len(), 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_empty_link_is_no_reference() {
        // L4744-6 and others hold `<a href=…></a>`: nothing to see, nothing to select.
        let a = Article::parse(
            "c/x.md",
            "# Article X\n\n<p>Voir <a href='/c/y.md'></a>ceci.</p>",
            Citations::Now,
        );
        assert!(a.links.is_empty(), "{:?}", a.links);
    }

    #[test]
    fn the_nota_is_one_item_after_the_text_and_its_citations_are_references() {
        let src = "# Article X\n\n<p>I.-Texte.</p><p>II.-Suite.</p>";
        let nota = "<p>Conformément à l'article L. 5311-9, entrent en vigueur le 1er janvier 2026.</p><p>Second.</p>";
        for citations in [Citations::Now, Citations::Later] {
            let a = Article::parse("code-du-travail/x.md", src, citations).with_nota(nota);
            let a = if a.citations_pending {
                a.with_citations()
            } else {
                a
            };
            assert_eq!(a.blocks.len(), 5);
            let head = &a.blocks[2];
            assert_eq!(head.plain_text(), "Nota");
            assert!(head.folds());
            assert_eq!((head.depth, head.parent, head.end), (0, None, 5));
            for b in &a.blocks[3..] {
                assert_eq!((b.depth, b.parent, b.end), (1, Some(2), b.end));
            }
            assert_eq!(a.blocks[3].end, 4);
            assert_eq!(a.ancestors(4), [2]);
            // Its citation leads from its own block.
            let cited: Vec<(&str, usize)> =
                a.links.iter().map(|l| (l.text.as_str(), l.block)).collect();
            assert!(cited.contains(&("L. 5311-9", 3)), "{cited:?}");
        }
        // No Nota text, no Nota item.
        let a = Article::parse("c/x.md", src, Citations::Now).with_nota("<p> </p>");
        assert_eq!(a.blocks.len(), 2);
    }
}
