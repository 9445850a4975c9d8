//! What the first pass learns, whatever the source: the codes to write, every
//! article's path, and which LEGIARTI ids lead to it; and the rules shared by every
//! source: which states are no longer law, what names a code, where an article goes.

use std::collections::{HashMap, HashSet};

use super::links;
use super::meta::ArticleMeta;

/// States of a text that is no longer law: its articles are not written.
pub(super) const DEAD: [&str; 6] = [
    "ABROGE",
    "ANNULE",
    "PERIME",
    "TRANSFERE",
    "DISJOINT",
    "MODIFIE_MORT_NE",
];

/// What the first pass learnt.
#[derive(Default)]
pub(super) struct Plan {
    /// The codes to write (id, source index, source label, folder), each from the
    /// source first holding it.
    pub(super) codes: Vec<(String, usize, String, String)>,
    /// Every path to write, once.
    pub(super) paths: Vec<String>,
    /// LEGIARTI id (of the version, of the article, of each version) → path.
    /// (Keyed by [`key`]: 300,000 articles' ids as strings were tens of megabytes.)
    pub(super) by_id: HashMap<u128, u32>,
    /// Paths the imported codes had and may no longer have → the Légifrance address
    /// a link to them had: what such a link in a kept code becomes again.
    pub(super) was: HashMap<String, String>,
    pub(super) articles: usize,
    pub(super) not_in_force: usize,
    pub(super) warnings: Vec<String>,
}

impl Plan {
    pub(super) fn wanted(&self, code_id: &str, index: usize, label: &str) -> bool {
        self.codes
            .iter()
            .any(|(id, i, l, _)| id == code_id && *i == index && l == label)
    }

    pub(super) fn remember(&mut self, mut path: String, ids: impl IntoIterator<Item = String>) {
        // Built by pushes: without this, up to twice its length is held per article.
        path.shrink_to_fit();
        let at = u32::try_from(self.paths.len()).unwrap_or(u32::MAX);
        self.paths.push(path);
        for id in ids {
            self.by_id.entry(key(&id)).or_insert(at);
        }
    }

    /// An article of a code kept from the old mirror: links to it become its path.
    pub(super) fn remember_old(&mut self, a: ArticleMeta) {
        let ids = std::iter::once(a.id)
            .chain(std::iter::once(a.cid))
            .chain(a.versions.into_iter().map(|v| v.id));
        self.remember(a.path, ids);
    }

    pub(super) fn path_of(&self, id: &str) -> Option<&str> {
        let at = *self.by_id.get(&key(id))?;
        self.paths.get(at as usize).map(String::as_str)
    }

    /// What a link's address becomes: the path of the article it names, when the
    /// mirror holds it.
    pub(super) fn link(&self, href: &str) -> Option<String> {
        let path = self.path_of(links::article_id(href)?)?;
        Some(format!("/{path}"))
    }

    /// An article an imported code had before this import.
    pub(super) fn was(&mut self, a: ArticleMeta, code: &str) {
        let href = format!(
            "/affichCodeArticle.do?cidTexte={code}&idArticle={}&dateTexte=&categorieLien=cid",
            a.id
        );
        self.was.insert(format!("/{}", a.path), href);
    }

    /// What a link of a kept code becomes: the path of an article now imported, or,
    /// for a path the import removed, the article's Légifrance address again.
    pub(super) fn relink(&self, href: &str, paths: &HashSet<&str>) -> Option<String> {
        if let Some(new) = self.link(href) {
            return Some(new);
        }
        let path = href.strip_prefix('/')?;
        if path.ends_with(".md") && !paths.contains(path) {
            // Removed, or moved (its ids now lead to its new path).
            let legacy = self.was.get(href)?;
            return Some(self.link(legacy).unwrap_or_else(|| legacy.clone()));
        }
        None
    }
}

pub(super) fn is_dead(state: Option<&str>) -> bool {
    state.is_some_and(|s| DEAD.contains(&s))
}

/// Whether `asked` names the code: its LEGITEXT id, its folder, its title, or its
/// usual abbreviation (`C. trav.`, `CSS`).
pub(super) fn names_code(asked: &str, id: &str, title: &str, folder: &str) -> bool {
    let asked = asked.trim();
    if asked.eq_ignore_ascii_case(id) {
        return true;
    }
    if crate::model::codes::by_abbreviation(asked)
        .is_some_and(|c| c.legitext == id || c.slug == folder)
    {
        return true;
    }
    let wanted = crate::mirror::slug(asked);
    !wanted.is_empty() && (wanted == folder || wanted == crate::mirror::slug(title))
}

/// `FOLDER/section/…/num.md`: the code's folder, a slug per section title, the
/// number's slug. A title or number with nothing to slug is named by what is left:
/// the section's place, the article's id.
pub(super) fn article_path(
    folder: &str,
    trail: &[String],
    num: Option<&str>,
    id: Option<&str>,
) -> String {
    // The articles of a section come one after the other: its folders are slugged
    // once, not once per article (they were a tenth of an import).
    thread_local! {
        static LAST: std::cell::RefCell<(String, Vec<String>, String)> =
            const { std::cell::RefCell::new((String::new(), Vec::new(), String::new())) };
    }
    let mut path = LAST.with_borrow_mut(|(last_folder, last_trail, prefix)| {
        if last_folder != folder || last_trail.as_slice() != trail {
            prefix.clear();
            prefix.push_str(folder);
            for title in trail {
                let s = crate::mirror::slug(title);
                prefix.push('/');
                prefix.push_str(if s.is_empty() { "sans-titre" } else { &s });
            }
            folder.clone_into(last_folder);
            trail.clone_into(last_trail);
        }
        prefix.clone()
    });
    let mut file = crate::mirror::slug(num.unwrap_or_default().trim());
    if file.is_empty() {
        file = id.unwrap_or("article").to_ascii_lowercase();
    }
    path.push('/');
    path.push_str(&file);
    path.push_str(".md");
    path
}

/// A string's 128-bit hash: what the sets of paths and ids keep instead of the
/// strings (two SipHashes of it; a collision among a few million strings has odds
/// of about 10⁻²⁶).
pub(super) fn key(s: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |seed: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        s.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}
