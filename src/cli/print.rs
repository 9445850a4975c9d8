//! `loi print`: articles as text for standard output, laid out as the reader lays them
//! out, with their references numbered in the text and listed at the end; or, with
//! `--json`, each as one JSON object (its dates, versions and text) for scripts. Both
//! read an article as it stands on a day: today, or the `--date` asked.

mod json;
mod references;

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::app::view::{Page, View};
use crate::app::words::dates;
use crate::cli::named::Named;
use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::mirror::reference::{self, Target, Unresolved};
use crate::mirror::state::{Dated, Shown};
use crate::model::article::enumeration::MarkerKind;
use crate::model::article::{Article, Citations, Piece, TextStyle};
use crate::model::layout::{self, CURSOR_COLUMNS, Layout, SIGN_COLUMNS, VLine, truncate};
use crate::model::plural;
use crate::model::sanitize;
use crate::model::web::Address;
use crate::terminal::hyperlink;

/// How `loi print` lays out and styles its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Columns of every line written, at most: but a table wider than that is printed
    /// whole, and an address of the reference list is never cut.
    pub width: u16,
    /// Items folded as the reader opens them, instead of everything shown.
    pub folded: bool,
    /// Bold and underlines as SGR sequences; when false, not one escape byte.
    pub styled: bool,
    /// The heading and each reference as OSC 8 hyperlinks to their Légifrance page
    /// (`terminal::hyperlink`); when false (and `styled` too), not one escape byte.
    pub hyperlinks: bool,
}

/// What `loi print` writes of each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Laid out as the reader lays it out.
    Text(Options),
    /// One JSON object per line (JSON Lines).
    Json,
    /// What changed in the version of the day against the one before it, laid out
    /// as `Text`: deleted words `[-so-]`, inserted `{+so+}`.
    Compared(Options),
}

/// The day `loi print` reads articles on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Today, `YYYY-MM-DD`.
    pub today: String,
    /// The `--date` given, if one was.
    pub asked: Option<String>,
}

impl Day {
    /// The day the articles are read on: the one asked, else today.
    pub fn date(&self) -> &str {
        self.asked.as_deref().unwrap_or(&self.today)
    }
}

/// Writes the articles `args` name (paths, numbers, a code's name before the numbers
/// it applies to: [`crate::cli::named`]), one after the other, as they stand on `day`.
/// A bad one is reported on `err` where it comes and skipped, as `cat` does: returns
/// how many were. Only a failed write to `out` stops the run.
pub fn run(
    mirror: &Mirror,
    args: &[String],
    form: Form,
    day: &Day,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<usize> {
    let mut failed = 0;
    let mut printed = 0;
    // The reader's references are found for the text only: a script's text needs none.
    let citations = match form {
        Form::Text(_) | Form::Compared(_) => Citations::Now,
        Form::Json => Citations::Later,
    };
    for named in crate::cli::named::read(mirror, args) {
        match named.and_then(|n| open(mirror, n, day.date(), citations)) {
            Err(e) => {
                failed += 1;
                // What was printed before the bad one reaches the screen before its
                // message, when both go to one terminal.
                out.flush()?;
                let _ = writeln!(err, "loi: {}", sanitize::clean(&e.to_string()));
            }
            Ok(dated) => {
                match form {
                    Form::Json => json::write(&dated, out)?,
                    Form::Text(options) => {
                        if printed > 0 {
                            let rule = "═".repeat(usize::from(options.width));
                            writeln!(out, "\n{rule}\n")?;
                        }
                        let head = state_lines(&dated, day);
                        let id = shown_id(&dated);
                        write_article_as(mirror, &dated.article, &head, id, &options, out)?;
                    }
                    Form::Compared(options) => match compared(mirror, &dated, &day.today) {
                        Err(why) => {
                            failed += 1;
                            out.flush()?;
                            let path = sanitize::clean(&dated.article.path);
                            let said = crate::trf!("{path}: {why}", "{path} : {why}");
                            let _ = writeln!(err, "loi: {said}");
                            continue;
                        }
                        Ok((article, head)) => {
                            if printed > 0 {
                                let rule = "═".repeat(usize::from(options.width));
                                writeln!(out, "\n{rule}\n")?;
                            }
                            write_article_under(mirror, &article, &head, &options, out)?;
                        }
                    },
                }
                printed += 1;
                if let Some(note) = dated.article.note {
                    out.flush()?;
                    let path = sanitize::clean(&dated.article.path);
                    let said = crate::trf!("{path}: {note}", "{path} : {note}");
                    let _ = writeln!(err, "loi: {said}");
                }
            }
        }
    }
    Ok(failed)
}

/// The id of the version `dated` shows, when the mirror keeps it.
fn shown_id(dated: &Dated) -> Option<&str> {
    let state = dated.state.as_ref()?;
    let version = dated.shown.version(state)?;
    state.versions.get(version).map(|v| v.id.as_str())
}

/// What changed in the version `dated` shows against the one before it, and the lines
/// under its heading (when, how many words); or why there is nothing to compare.
fn compared(mirror: &Mirror, dated: &Dated, today: &str) -> Result<(Article, Vec<String>), String> {
    use crate::mirror::state::Uncompared;
    let Some(state) = dated.state.as_ref() else {
        return Err(dates::NO_VERSIONS.to_owned());
    };
    let Some(shown) = dated.shown.version(state) else {
        return Err(dates::NO_VERSIONS.to_owned());
    };
    match mirror.compare(&dated.article.path, state, shown) {
        Ok(c) => {
            let since = state.versions[shown].since.as_deref().unwrap_or("?");
            let counted = c.diff.words();
            let head = vec![
                dates::compared(since),
                dates::counted(counted.inserted, counted.deleted),
            ];
            Ok((c.article, head))
        }
        Err(Uncompared::First) => Err(dates::FIRST_VERSION.to_owned()),
        Err(Uncompared::Missing(i)) => Err(dates::version_text_missing(&dates::version_label(
            state, i, false, today,
        ))),
    }
}

/// The article an argument names as it stands on `date`, refused as the reader
/// refuses it.
fn open(mirror: &Mirror, named: Named, date: &str, citations: Citations) -> Result<Dated, Error> {
    let rel = named.path(mirror)?;
    let dated = mirror.dated(&rel, date, citations)?;
    if !dated.article.has_heading {
        return Err(Error::NotAnArticle(rel));
    }
    Ok(dated)
}

/// What is said under the heading of an article read on `day`: where it stands (its
/// version, its end), and the day when it is not today; that the text is today's
/// when the mirror lacks that day's. Nothing for a mirror that keeps no dates, unless
/// a date was asked: then that the dates are unknown.
pub fn state_lines(dated: &Dated, day: &Day) -> Vec<String> {
    let date = day.date();
    let Some(meta) = &dated.state else {
        return day
            .asked
            .as_ref()
            .map(|_| vec![dates::UNKNOWN.to_owned()])
            .unwrap_or_default();
    };
    let mut line = dates::standing(&meta.standing(date), Some(meta), &day.today);
    if date != day.today {
        line = format!("{line} · {}", dates::read_on(date));
    }
    let mut lines = vec![line];
    if let Shown::Missing(_) = dated.shown {
        lines.push(dates::version_missing(date));
    }
    lines
}

/// The plain text of an article's own blocks (its Nota, when one was put after them,
/// left out): a paragraph a line.
pub fn plain_text(article: &Article) -> String {
    let text: Vec<String> = article
        .blocks
        .iter()
        .take_while(|b| !b.marker.is_some_and(|m| m.kind == MarkerKind::Nota))
        .map(|b| b.plain_text().trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    text.join("\n")
}

/// Writes one article: heading, section trail, a rule, the body, then its references.
pub fn write_article(
    mirror: &Mirror,
    article: &Article,
    options: &Options,
    out: &mut impl Write,
) -> io::Result<()> {
    write_article_under(mirror, article, &[], options, out)
}

/// Writes one article as [`write_article`] does, with the lines `head` under its
/// heading (where it stands on a date: [`state_lines`]).
pub fn write_article_under(
    mirror: &Mirror,
    article: &Article,
    head: &[String],
    options: &Options,
    out: &mut impl Write,
) -> io::Result<()> {
    write_article_as(mirror, article, head, None, options, out)
}

/// Writes one article as [`write_article_under`] does; its heading, when hyperlinks are
/// asked, links to version `id` when given (else the id the mirror keeps).
fn write_article_as(
    mirror: &Mirror,
    article: &Article,
    head: &[String],
    id: Option<&str>,
    options: &Options,
    out: &mut impl Write,
) -> io::Result<()> {
    let width = usize::from(options.width);
    reference::read_evidence(mirror, article);
    let targets: Vec<Result<Target, Unresolved>> = article
        .links
        .iter()
        .map(|link| reference::resolve(mirror, &article.path, link))
        .collect();
    // Where each reference and the heading lead, only when they are to be links.
    let pages: Vec<Option<Address>> = match options.hyperlinks {
        true => article
            .links
            .iter()
            .zip(&targets)
            .map(|(link, target)| reference::reference_page(mirror, &article.path, link, target))
            .collect(),
        false => vec![None; article.links.len()],
    };
    let own_page = options
        .hyperlinks
        .then(|| reference::article_page(mirror, &article.path, id))
        .flatten();
    let mut paint = Painter {
        out,
        styled: options.styled,
        hyperlinks: options.hyperlinks,
    };
    let bold = Look {
        bold: true,
        ..Look::default()
    };
    let mut heading = article.heading();
    // In words, as the header says it: a styled mark would be lost in a pipe.
    if crate::model::trail::is_former_numbering(&article.path) {
        heading = format!("{heading} · {}", crate::model::trail::FORMER_NUMBERING);
    }
    for line in wrap_text(&heading, width) {
        paint.linked_line(&[(&line, bold, own_page.as_ref())])?;
    }
    for line in head.iter().flat_map(|h| wrap_text(h, width)) {
        paint.line(&[(&line, Look::default())])?;
    }
    for line in wrap_text(&article.section_trail(), width) {
        paint.line(&[(&line, Look::default())])?;
    }
    paint.line(&[(&"─".repeat(width), Look::default())])?;
    let marked = with_markers(article);
    let lines = body(&marked, options);
    let links = article.links.len();
    // Each marker's text as printed: cut across two lines when its word is wider than
    // a line, cut short with `…` when a folded item's line ends on it.
    let mut printed = vec![String::new(); links];
    for line in &lines {
        let mut parts: Vec<(&str, Look, Option<&Address>)> =
            vec![(&line.lead, Look::default(), None)];
        for seg in &line.segs {
            let (look, page) = match seg.link {
                Some(l) if l >= links => {
                    printed[l - links].push_str(&seg.text);
                    (Look::default(), None)
                }
                Some(l) => (
                    Look {
                        bold: seg.style.bold,
                        underline: targets[l].is_ok(),
                        italic: targets[l].is_err(),
                    },
                    pages[l].as_ref(),
                ),
                None => (
                    Look {
                        bold: seg.style.bold,
                        ..Look::default()
                    },
                    None,
                ),
            };
            parts.push((&seg.text, look, page));
        }
        if let Some(hidden) = &line.hidden {
            parts.push((hidden, Look::default(), None));
        }
        paint.linked_line(&parts)?;
    }
    // A reference is listed when its marker was printed whole.
    let shown: Vec<bool> = (0..links).map(|l| printed[l] == marker(l)).collect();
    if shown.contains(&true) {
        paint.line(&[])?;
        paint.line(&[(crate::tr!("References", "Renvois"), bold)])?;
    }
    for (l, link) in article.links.iter().enumerate().filter(|(l, _)| shown[*l]) {
        let prefix = format!("{} ", marker(l));
        let target = references::describe(link, &targets[l], &article.path, width);
        let room = width.saturating_sub(prefix.width()).max(1);
        let text = format!("{} → {target}", link.text);
        for (i, line) in references::wrap(&text, room).iter().enumerate() {
            let lead = if i == 0 {
                prefix.clone()
            } else {
                " ".repeat(prefix.width())
            };
            paint.line(&[(&lead, Look::default()), (line, Look::default())])?;
        }
    }
    Ok(())
}

/// `[n]`, numbering reference `l` (counted from 0).
fn marker(l: usize) -> String {
    format!("[{}]", l + 1)
}

/// The article with `[n]` after the last piece of each reference's text, so that the
/// layout wraps the markers with the words they follow and no line grows past the
/// width. A marker's piece is linked to `links.len() + l`: past every reference, so
/// that it is told apart from the article's own text (which may hold `[1]`).
fn with_markers(article: &Article) -> Article {
    let links = article.links.len();
    let mut marked = article.clone();
    for block in &mut marked.blocks {
        let mut last = std::collections::BTreeMap::new();
        for (i, piece) in block.pieces.iter().enumerate() {
            if let Piece::Text { link: Some(l), .. } = piece {
                last.insert(*l, i);
            }
        }
        if last.is_empty() {
            continue;
        }
        let mut after: Vec<Vec<usize>> = vec![Vec::new(); block.pieces.len()];
        for (l, i) in last {
            after[i].push(l);
        }
        let pieces = std::mem::take(&mut block.pieces);
        for (piece, ls) in pieces.into_iter().zip(after) {
            block.pieces.push(piece);
            block.pieces.extend(ls.into_iter().map(|l| Piece::Text {
                text: marker(l),
                style: TextStyle::default(),
                link: Some(links + l),
            }));
        }
    }
    marked
}

/// One line of the body: indentation and fold sign, the text, and for a folded item
/// how many lines it hides.
#[derive(Debug)]
struct BodyLine {
    lead: String,
    segs: VLine,
    hidden: Option<String>,
}

/// The body's lines: every block as the reader's layout wraps it, without the cursor
/// bar's column (so the text has the whole width), unfolded unless asked.
fn body(article: &Article, options: &Options) -> Vec<BodyLine> {
    let width = options.width.saturating_add(CURSOR_COLUMNS as u16);
    let layout = Layout::new(article, width);
    let mut view = View::new(article);
    if !options.folded {
        view.folded.fill(false);
    }
    let f = Page {
        article,
        layout: &layout,
        height: 0,
    };
    let mut out = Vec::new();
    let mut at = (!article.blocks.is_empty()).then_some(0);
    while let Some(i) = at {
        let column = layout.text_column(article.blocks[i].depth);
        let indent = " ".repeat(column.saturating_sub(CURSOR_COLUMNS + SIGN_COLUMNS));
        let lines = layout.lines(article, i);
        if view.is_folded(f, i) {
            let hidden = view.hidden_lines(f, i);
            let count = format!(
                " (+{})",
                plural::count(
                    hidden,
                    crate::tr!("line", "ligne"),
                    crate::tr!("lines", "lignes")
                )
            );
            let room = usize::from(layout.width()).saturating_sub(column);
            out.push(BodyLine {
                lead: format!("{indent}▸ "),
                segs: truncate(
                    &layout.folded_line(article, i),
                    room.saturating_sub(count.width()),
                ),
                hidden: Some(count),
            });
        } else {
            // The reader's `▾` says the item can fold: on paper nothing can.
            out.extend(lines.iter().map(|line| BodyLine {
                lead: format!("{indent}  "),
                segs: line.clone(),
                hidden: None,
            }));
        }
        at = view.next_visible(f, i);
    }
    out
}

/// Plain text wrapped to `width` columns by the reader's rules (never at a no-break
/// space; inside a word only when it is wider than the line).
fn wrap_text(text: &str, width: usize) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let piece = Piece::Text {
        text: text.to_owned(),
        style: TextStyle::default(),
        link: None,
    };
    layout::wrap(&[piece], width.max(1))
        .iter()
        .map(layout::line_text)
        .collect()
}

/// How a run of text is styled when styles are on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Look {
    bold: bool,
    underline: bool,
    italic: bool,
}

/// Writes lines of styled runs, cleaning every run: all of it comes from the mirror,
/// and only the SGR and OSC 8 sequences written here may reach the terminal.
struct Painter<'a, W: Write> {
    out: &'a mut W,
    styled: bool,
    hyperlinks: bool,
}

impl<W: Write> Painter<'_, W> {
    /// Writes one line, with no link.
    fn line(&mut self, parts: &[(&str, Look)]) -> io::Result<()> {
        let parts: Vec<(&str, Look, Option<&Address>)> = parts
            .iter()
            .map(|(text, look)| (*text, *look, None))
            .collect();
        self.linked_line(&parts)
    }

    /// Writes one line, each run with the page it links to, if any: runs side by side
    /// that lead to one page are one link, and every link is closed before the line
    /// ends. Blanks at its end are dropped (an indented empty line).
    fn linked_line(&mut self, parts: &[(&str, Look, Option<&Address>)]) -> io::Result<()> {
        let end = parts
            .iter()
            .rposition(|(text, _, _)| !text.trim_end_matches(' ').is_empty())
            .map_or(0, |i| i + 1);
        let mut open: Option<&Address> = None;
        for (i, (text, look, page)) in parts[..end].iter().enumerate() {
            let page = page.filter(|_| self.hyperlinks);
            if open.is_some() && open != page {
                self.out.write_all(hyperlink::CLOSE.as_bytes())?;
                open = None;
            }
            if let Some(page) = page.filter(|_| open.is_none()) {
                self.out.write_all(hyperlink::open(page).as_bytes())?;
                open = Some(page);
            }
            let text = sanitize::clean(text);
            let text = if i + 1 == end {
                text.trim_end_matches(' ')
            } else {
                &text
            };
            let codes: Vec<&str> = [(look.bold, "1"), (look.italic, "3"), (look.underline, "4")]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, code)| *code)
                .collect();
            if self.styled && !codes.is_empty() && !text.is_empty() {
                write!(self.out, "\x1b[{}m{text}\x1b[0m", codes.join(";"))?;
            } else {
                self.out.write_all(text.as_bytes())?;
            }
        }
        if open.is_some() {
            self.out.write_all(hyperlink::CLOSE.as_bytes())?;
        }
        self.out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests;
