//! What leaves the reader: a reference copied to the clipboard as a citation, or
//! its address opened in a browser. Queued as effects for the terminal loop.

use super::App;
use crate::article::{Article, Link};
use crate::codes;
use crate::effect::Effect;
use crate::reference::{self, Kind};

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
            self.say("No Légifrance address for this", true);
            return;
        };
        match self.browser.clone() {
            Some(program) => {
                self.say(&format!("Opening {address} with {program}"), false);
                self.effects.push(Effect::Browse { program, address });
            }
            None => self.say(
                &format!("No browser here (set BROWSER); y copies the address: {address}"),
                true,
            ),
        }
    }

    pub(super) fn copy(&mut self, article: &Article, selected: Option<usize>) {
        let text = match selected {
            Some(l) => {
                let link = &article.links[l];
                match reference::resolve(&self.mirror, &article.path, link) {
                    Ok(_) if Kind::of(link) != Kind::External => citation_of_link(article, link),
                    _ => reference::web_address(link, &article.path)
                        .unwrap_or_else(|| link.text.clone()),
                }
            }
            None => citation(&article.num, article.code_slug()),
        };
        self.say(&format!("Copied: {text}"), false);
        self.effects.push(Effect::Copy(text));
    }
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
    use crate::citation::{Cite, CodeRef};
    match &link.cite {
        Some(Cite::Article {
            code: CodeRef::Slug(code),
            num,
            ..
        }) => citation(num, code),
        _ => match reference::first_number(&link.text) {
            Some(num) => citation(&num, article.code_slug()),
            None => link.text.clone(),
        },
    }
}
