//! What leaves the reader: a reference copied to the clipboard as a citation, the
//! text under the cursor copied plain, or an address opened in a browser. Queued as
//! effects for the terminal loop.

use super::App;
use crate::app::effect::Effect;
use crate::app::words;
use crate::mirror::reference::{self, Kind};
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

    pub(super) fn copy(&mut self, article: &Article, selected: Option<usize>) {
        let text = match selected {
            Some(l) => {
                let link = &article.links[l];
                match reference::resolve(&self.mirror, &article.path, link) {
                    Ok(_) if Kind::of(link) != Kind::External => citation_of_link(article, link),
                    // Not in this mirror, but an article of a code all the same: its
                    // citation; `o` opens it on Légifrance.
                    _ => match reference::cited_article(link) {
                        Some((code, num)) => citation(&num, &code),
                        None => reference::web_address(link, &article.path)
                            .unwrap_or_else(|| link.text.clone()),
                    },
                }
            }
            None => citation(&article.num, article.code_slug()),
        };
        self.say(&words::copied(&text), false);
        self.effects.push(Effect::Copy(text));
    }
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

/// `article L. 6123-1 du code du travail`: how a lawyer writes a citation.
pub fn citation(num: &str, code_slug: &str) -> String {
    let split = num.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
    let (prefix, rest) = num.split_at(split);
    let num = if prefix.is_empty() || prefix.contains(' ') {
        num.to_owned()
    } else {
        format!("{prefix}. {rest}")
    };
    let title = codes::title_for(code_slug);
    let mut chars = title.chars();
    let title: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    format!("article {num} du {title}")
}

fn citation_of_link(article: &Article, link: &Link) -> String {
    use crate::model::article::citation::{Cite, CodeRef};
    match &link.cite {
        Some(Cite::Article {
            code: CodeRef::Slug(code),
            num,
            ..
        }) => citation(num, code),
        _ => match crate::model::article::first_number(&link.text) {
            Some(num) => citation(&num, article.code_slug()),
            None => link.text.clone(),
        },
    }
}
