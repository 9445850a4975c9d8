//! One article's text in the dossier: laid out as `loi print` lays it out (80
//! columns, every item unfolded), each line written as Markdown that stays text, a
//! reference to another article of the file a link to its heading.

use std::io::{self, Write};

use super::WIDTH;
use crate::model::article::Article;
use crate::model::layout::{CURSOR_COLUMNS, Layout, SIGN_COLUMNS, VLine, line_text};
use crate::model::markdown;
use crate::model::sanitize;

/// The article's text as `loi print` lays it out, every item unfolded: a paragraph per
/// block (its first line indented with no-break spaces, which Markdown keeps and never
/// reads as code), a table as a code block, and the blocks of a bookmarked point
/// quoted.
pub(super) fn body(
    article: &Article,
    links: &[Option<&str>],
    quoted: &[bool],
    out: &mut impl Write,
) -> io::Result<()> {
    let layout = Layout::new(article, WIDTH.saturating_add(CURSOR_COLUMNS as u16));
    let mut before: Option<bool> = None;
    for (i, block) in article.blocks.iter().enumerate() {
        let lines = layout.lines(article, i);
        if lines.iter().all(|l| line_text(l).trim().is_empty()) {
            continue;
        }
        let quote = quoted.get(i).copied().unwrap_or(false);
        let q = if quote { "> " } else { "" };
        match before {
            Some(true) if quote => writeln!(out, ">")?,
            Some(_) => writeln!(out)?,
            None => {}
        }
        before = Some(quote);
        let indent = layout
            .text_column(block.depth)
            .saturating_sub(CURSOR_COLUMNS + SIGN_COLUMNS);
        if block.table().is_some() {
            let texts: Vec<String> = lines
                .iter()
                .map(|l| sanitize::clean(&line_text(l)).trim_end().to_owned())
                .collect();
            let fence = markdown::fence(texts.iter().map(String::as_str));
            writeln!(out, "{q}{fence}text")?;
            for text in &texts {
                writeln!(out, "{q}{}{text}", " ".repeat(indent))?;
            }
            writeln!(out, "{q}{fence}")?;
            continue;
        }
        let mut first = true;
        for line in lines {
            if line_text(line).trim().is_empty() {
                continue;
            }
            // Spaces after the first line only continue the paragraph.
            let lead = if first { "\u{a0}" } else { " " }.repeat(indent);
            first = false;
            let text = format!("{lead}{}", inline(line, links));
            writeln!(out, "{q}{}", markdown::line(&text))?;
        }
    }
    Ok(())
}

/// A line's runs as Markdown: a reference to an article of the file a link to its
/// heading, the rest text.
pub(super) fn inline(line: &VLine, links: &[Option<&str>]) -> String {
    let mut out = String::new();
    let mut segs = line.iter().peekable();
    while let Some(seg) = segs.next() {
        let mut text = seg.text.clone();
        while let Some(next) = segs.next_if(|s| s.link == seg.link) {
            text.push_str(&next.text);
        }
        let anchor = seg.link.and_then(|l| links.get(l).copied().flatten());
        match anchor {
            Some(anchor) if !text.trim().is_empty() => {
                let words = text.trim();
                let (start, end) = (text.len() - text.trim_start().len(), text.trim_end().len());
                out.push_str(&text[..start]);
                out.push_str(&markdown::link(&markdown::text(words), anchor));
                out.push_str(&text[end..]);
            }
            _ => out.push_str(&markdown::text(&text)),
        }
    }
    out
}
