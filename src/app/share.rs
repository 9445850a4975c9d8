//! What leaves the reader: a reference copied to the clipboard as a citation, the
//! text under the cursor copied plain, or an address opened in a browser. Queued as
//! effects for the terminal loop.

use super::App;
use crate::app::effect::Effect;
use crate::app::words;
use crate::mirror::reference::{self, Kind};
use crate::model::article::citation::written;
use crate::model::article::enumeration::Marker;
use crate::model::article::{Article, Link};
use crate::model::codes;

impl App {
    pub(super) fn browse(&mut self, article: &Article, selected: Option<usize>) {
        let address = match selected {
            Some(l) => reference::web_address(&article.links[l], &article.path),
            None => codes::by_slug(article.code_slug()).map(|c| {
                format!(
                    "https://www.legifrance.gouv.fr/codes/texte_lc/{}/",
                    c.legitext
                )
            }),
        };
        let Some(address) = address else {
            self.say(words::no_address(), true);
            return;
        };
        self.open_address(address);
    }

    /// Opens `address` in the browser, or says there is none to open it with.
    pub(super) fn open_address(&mut self, address: String) {
        match self.browser.clone() {
            Some(program) => {
                self.say(&words::opening(&address, &program), false);
                self.effects.push(Effect::Browse { program, address });
            }
            None => self.say(&words::no_browser(&self.keys(), &address), true),
        }
    }

    /// `y`: the selected reference, else the article at the point under `cursor`, as
    /// a citation in the form set (`C. trav., art. L. 6123-1, II, 3°`).
    pub(super) fn copy(&mut self, article: &Article, selected: Option<usize>, cursor: usize) {
        let form = self.citation_form;
        let text = match selected {
            Some(l) => {
                let link = &article.links[l];
                match reference::resolve(&self.mirror, &article.path, link) {
                    Ok(_) if Kind::of(link) != Kind::External => {
                        citation_of_link(article, link, form)
                    }
                    // Not in this mirror, but an article of a code all the same: its
                    // citation; `o` opens it on Légifrance.
                    _ => match reference::cited_article(link) {
                        Some((code, num)) => written::write(&num, &code, &[], form),
                        None => reference::web_address(link, &article.path)
                            .unwrap_or_else(|| link.text.clone()),
                    },
                }
            }
            None => written::write(
                &article.num,
                article.code_slug(),
                &point_under(article, cursor),
                form,
            ),
        };
        self.say(&words::copied(&text), false);
        self.effects.push(Effect::Copy(text));
    }
}

/// The point of `article` the cursor is in, outermost first, as a citation can name it
/// and lead back to it: the markers of the items around the cursor, up to the first
/// that is not cited (a dash, `1)`), and shorter still where that chain would lead to
/// another item (a `2° bis` found as the `2°` before it).
pub fn point_under(article: &Article, cursor: usize) -> Vec<Marker> {
    let mut chain = article.ancestors(cursor);
    chain.push(cursor);
    let items: Vec<(usize, Marker)> = chain
        .into_iter()
        .filter_map(|b| Some((b, article.blocks.get(b)?.marker?)))
        .take_while(|(_, m)| written::citable(m))
        .collect();
    let mut point: Vec<Marker> = items.iter().map(|(_, m)| *m).collect();
    while let Some(&(block, _)) = items.get(point.len().wrapping_sub(1)) {
        if article.point_block(&point) == Some(block) {
            break;
        }
        point.pop();
    }
    point
}

impl App {
    /// `Y`: copies the item (or table) under the cursor with what it holds, else the
    /// whole article: plain text, a paragraph a line.
    pub(super) fn copy_text(&mut self, article: &Article, cursor: usize) {
        let (text, what) = text_under(article, cursor);
        let lines = text.lines().count();
        self.say(&words::copied_lines(lines, &what), false);
        self.effects.push(Effect::Copy(text));
    }
}

/// The plain text `Y` copies with the cursor on `cursor`, and what it is: `II 3° of
/// L6123-1` or `the whole of L6123-1`.
pub fn text_under(article: &Article, cursor: usize) -> (String, String) {
    let folds = |b: usize| article.blocks.get(b).is_some_and(|b| b.folds());
    let item = if folds(cursor) {
        Some(cursor)
    } else {
        article.ancestors(cursor).last().copied()
    };
    let (range, what) = match item {
        Some(i) => {
            let mut chain = article.ancestors(i);
            chain.push(i);
            let labels: Vec<String> = chain
                .iter()
                .filter_map(|&b| article.blocks[b].marker.map(|m| m.label()))
                .collect();
            let name = if labels.is_empty() {
                words::a_table().to_owned()
            } else {
                labels.join(" ")
            };
            (
                i..article.blocks[i].end,
                words::item_of(&name, &article.num),
            )
        }
        None => (0..article.blocks.len(), words::whole_of(&article.num)),
    };
    let text: Vec<String> = article.blocks[range]
        .iter()
        .map(|b| b.plain_text().trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    (text.join("\n"), what)
}

fn citation_of_link(article: &Article, link: &Link, form: written::Form) -> String {
    use crate::model::article::citation::{Cite, CodeRef};
    match &link.cite {
        Some(Cite::Article {
            code: CodeRef::Slug(code),
            num,
            point,
        }) => written::write(num, code, point, form),
        _ => match crate::model::article::first_number(&link.text) {
            Some(num) => written::write(&num, article.code_slug(), &[], form),
            None => link.text.clone(),
        },
    }
}
