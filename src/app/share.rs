//! What leaves the reader: a reference copied to the clipboard as a citation, the
//! text under the cursor copied plain, or an address opened in a browser. Queued as
//! effects for the terminal loop.

use super::App;
use crate::app::effect::{Effect, NotOpened, browser};
use crate::app::words;
use crate::mirror::reference::{self, Kind};
use crate::model::article::citation::written;
use crate::model::article::enumeration::Marker;
use crate::model::article::{Article, Link};
use crate::model::codes;
use crate::model::web::Address;

/// The addresses opened lately, kept to say which one a browser failed to open.
const KEPT_LAUNCHES: usize = 16;

/// An href shown in a message: its characters made harmless for the terminal, and cut
/// short.
fn shown_href(href: &str) -> String {
    const SHOWN: usize = 60;
    let clean = crate::model::sanitize::clean(href);
    let mut shown: String = clean.chars().take(SHOWN).collect();
    if clean.chars().count() > SHOWN {
        shown.push('…');
    }
    shown
}

impl App {
    pub(super) fn browse(&mut self, article: &Article, selected: Option<usize>) {
        let address = match selected {
            Some(l) => {
                let link = &article.links[l];
                let address = reference::web_address(link, &article.path);
                if address.is_none() && matches!(Kind::of(link), Kind::External | Kind::Legacy) {
                    // An href loi cannot vouch for: said, never handed on.
                    self.say(&words::not_opened(&shown_href(&link.href)), true);
                    return;
                }
                address
            }
            None => codes::by_slug(article.code_slug()).and_then(|c| Address::code(c.legitext)),
        };
        let Some(address) = address else {
            self.say(words::no_address(), true);
            return;
        };
        self.open_address(address);
    }

    /// Opens `address` in the browser, or says there is none to open it with. The
    /// address is said first, exactly as the browser gets it.
    pub(super) fn open_address(&mut self, address: Address) {
        match self.browser.clone() {
            Some(browsers) => {
                self.say(&words::opening(address.as_str()), false);
                self.launches = self.launches.wrapping_add(1);
                let launch = self.launches;
                self.opened.push((launch, address.clone()));
                if self.opened.len() > KEPT_LAUNCHES {
                    self.opened.remove(0);
                }
                self.effects.push(Effect::Browse {
                    browsers,
                    address,
                    launch,
                });
            }
            None => self.say(&words::no_browser(&self.keys(), address.as_str()), true),
        }
    }

    /// A browser did not open an address: said, with the address to copy.
    pub(super) fn not_opened(&mut self, failed: NotOpened) {
        let Some((_, address)) = self.opened.iter().find(|(l, _)| *l == failed.launch) else {
            return;
        };
        let commands = self
            .browser
            .as_deref()
            .map(browser::commands)
            .unwrap_or_default();
        let program = commands
            .get(usize::from(failed.command))
            .map_or("BROWSER", |c| c.name())
            .to_owned();
        let text = words::browser_failed(&self.keys(), &program, failed.why, address.as_str());
        self.say(&text, true);
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
                            .map_or_else(|| link.text.clone(), |a| a.to_string()),
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
