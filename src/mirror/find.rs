//! Finding articles in a mirror through its index: by file name, by number (in one
//! code or in each), by range, and the article before or after one in legal order.
//! A look-up that finds a file gone, or nothing, checks that the index is current,
//! and walks the mirror again only when it is not.

use std::rc::Rc;

use super::{
    Mirror, Numbers, Source, bundled, normalize_number, number_slug, order, safe_relative,
};
use crate::mirror::error::Error;
use crate::mirror::index::{self, Index, walk};

/// How long a look-up that misses trusts the last check of the index.
const MISS_CHECKED_FOR: std::time::Duration = std::time::Duration::from_secs(1);

impl Mirror {
    /// The mirror's folder for the code in folder `slug`: that folder when the mirror
    /// has it, else the folder of the same code under another name (a mirror made
    /// before or after a code was renamed), the name in force first.
    pub fn code_folder(&self, slug: &str) -> Option<String> {
        let held = |s: &str| self.codes().iter().any(|c| c == s);
        if held(slug) {
            return Some(slug.to_owned());
        }
        crate::model::codes::same_text(slug)
            .into_iter()
            .find(|c| held(c.slug))
            .map(|c| c.slug.to_owned())
    }

    /// Every file named `file_name` under folder `under` (relative, may be empty for
    /// the whole mirror), sorted by path.
    pub fn find_named(&self, under: &str, file_name: &str) -> Vec<String> {
        let Some(under) = safe_relative(under).or_else(|| under.is_empty().then(String::new))
        else {
            return Vec::new();
        };
        let index = self.index();
        let inside = |p: &String| {
            under.is_empty() || p.strip_prefix(&under).is_some_and(|r| r.starts_with('/'))
        };
        let mut found: Vec<String> = index
            .named(file_name)
            .map(|e| e.path())
            .filter(inside)
            .collect();
        found.sort();
        if self.index_was_wrong(&found) {
            return self.find_named(&under, file_name);
        }
        found
    }

    /// The mirror's index, opened on first use.
    pub fn index(&self) -> Rc<Index> {
        if let Some(index) = self.index.borrow().as_ref() {
            return Rc::clone(index);
        }
        let index = Rc::new(match &self.source {
            Source::Dir(root) => index::cache::load_or_build(root),
            Source::Bundled => Index::from_paths(0, |f| bundled::each_file(f)),
        });
        *self.index.borrow_mut() = Some(Rc::clone(&index));
        index
    }

    /// After a look-up gave `found`: whether the index was stale (nothing found, or a
    /// file it names is gone, and its folders changed since it was read) and was
    /// walked again, so that the look-up should be tried again. A miss on a current
    /// index is a miss: many articles cite what no mirror has. The folders are
    /// checked at most once a second, as several look-ups may miss for one key.
    fn index_was_wrong(&self, found: &[String]) -> bool {
        if !found.is_empty() && found.iter().all(|p| self.exists(p)) {
            return false;
        }
        self.refresh_on_miss()
    }

    /// After a look-up found nothing (go-to's, say): [`Mirror::refresh`], unless the
    /// index was found current less than a second ago; whether it walked again.
    pub fn refresh_on_miss(&self) -> bool {
        let recent = self
            .checked
            .get()
            .is_some_and(|t| t.elapsed() < MISS_CHECKED_FOR);
        !recent && self.refresh()
    }

    /// Checks that the index is current (a stat of each folder: a file added, removed
    /// or renamed changes its folder's time) and walks the mirror again when it is
    /// not; whether it did. Called where a stale index would answer wrongly: a
    /// search, « cité par », a look-up that misses.
    pub fn refresh(&self) -> bool {
        let Source::Dir(root) = &self.source else {
            return false;
        };
        if self.frozen {
            return false;
        }
        let current = index::stamps::dirs_current(root, &self.index());
        self.checked.set(Some(std::time::Instant::now()));
        if current {
            return false;
        }
        *self.index.borrow_mut() = Some(Rc::new(index::cache::rebuild(root)));
        self.numbers.borrow_mut().take();
        self.checked.set(Some(std::time::Instant::now()));
        true
    }

    /// The articles of `code` numbered from `from` to `to` (both included), in number
    /// order: what `D. 6123-19 à D. 6123-21` names.
    pub fn between(&self, code: &str, from: &str, to: &str) -> Vec<String> {
        let (Some(lo), Some(hi)) = (order::key(from), order::key(to)) else {
            return Vec::new();
        };
        let numbers = self.numbers();
        let index = self.index();
        let start = numbers.partition_point(|n| n.0 < lo.1);
        let end = numbers.partition_point(|n| n.0 <= hi.1);
        let prefix = format!("{code}/");
        // `R. 4626-25 à D. 4626-32`: in a regulatory part R and D articles interleave,
        // so a range across prefixes takes both, by their digits.
        numbers[start..end.max(start)]
            .iter()
            .filter(|n| n.1 == lo.0 || n.1 == hi.0)
            .filter_map(|n| index.entry(n.2).map(|e| e.path()))
            .filter(|p| p.starts_with(&prefix))
            .collect()
    }

    /// Every numbered article as (digits, prefix, position in the index), sorted by
    /// digits: ranges are a binary search away. Sorted from the index on first use.
    fn numbers(&self) -> Rc<Numbers> {
        if let Some(numbers) = self.numbers.borrow().as_ref() {
            return Rc::clone(numbers);
        }
        let mut all: Numbers = self
            .index()
            .entries()
            .filter_map(|e| {
                let (prefix, digits) = order::key(e.name)?;
                Some((digits, prefix, e.at))
            })
            .collect();
        all.sort();
        let numbers = Rc::new(all);
        *self.numbers.borrow_mut() = Some(Rc::clone(&numbers));
        numbers
    }

    /// The article before or after `path` in its own folder, in number order.
    pub fn neighbour(&self, path: &str, next: bool) -> Option<String> {
        let (dir, file) = path.rsplit_once('/')?;
        let index = self.index();
        let mut here = index.in_dir(dir);
        here.sort_by(|a, b| order::compare(a, b));
        let at = here.iter().position(|n| *n == file)?;
        let other = if next {
            at.checked_add(1)?
        } else {
            at.checked_sub(1)?
        };
        here.get(other).map(|n| format!("{dir}/{n}"))
    }

    /// Every `.md` file of the mirror, relative to the root, in no particular order.
    pub fn all_files(&self) -> Vec<String> {
        match &self.source {
            Source::Dir(root) => walk::all_files(root),
            Source::Bundled => bundled::all_files(),
        }
    }

    /// Finds an article by number (`L6123-1`, `l. 6123-1`), in one code or in all.
    pub fn find_number(&self, code: Option<&str>, num: &str) -> Result<String, Error> {
        if let Some(code) = code
            && !self.codes().iter().any(|c| c == code)
        {
            return Err(Error::NoSuchCode {
                code: code.to_owned(),
                mirror: self.name(),
                known: self.codes().join(", "),
            });
        }
        let file = format!("{}.md", number_slug(num));
        let found = today_first(self.find_named(code.unwrap_or(""), &file));
        match found.as_slice() {
            [] => Err(match code {
                // The code was named: the way out is another number, or every code.
                Some(code) => Error::NoSuchArticleInCode {
                    num: normalize_number(num),
                    code: code.to_owned(),
                },
                None => Error::NoSuchArticle {
                    num: normalize_number(num),
                    mirror: self.name(),
                },
            }),
            [one] => Ok(one.clone()),
            many => {
                let mut codes: Vec<&str> =
                    many.iter().filter_map(|p| p.split('/').next()).collect();
                codes.dedup();
                if codes.len() == 1 {
                    // One code, several files of that name: today's numbering before a
                    // former one, then the first in path order.
                    return Ok(many[0].clone());
                }
                Err(Error::Ambiguous {
                    num: normalize_number(num),
                    first: codes[0].to_owned(),
                    codes: codes.join(", "),
                })
            }
        }
    }

    /// The article numbered `num` in each code that has one, in code order: what to
    /// offer when a number alone is ambiguous.
    pub fn in_each_code(&self, num: &str) -> Vec<String> {
        let file = format!("{}.md", number_slug(num));
        let mut found = today_first(self.find_named("", &file));
        found.dedup_by(|b, a| a.split('/').next() == b.split('/').next());
        found
    }
}

/// `paths` by code, today's numbering before a code's former one within each, then
/// in path order: `partie-legislative-ancienne/` sorts before `partie-legislative/`,
/// yet a number in both means today's article.
fn today_first(mut paths: Vec<String>) -> Vec<String> {
    paths.sort_by_cached_key(|p| {
        let code = p.split('/').next().unwrap_or_default().to_owned();
        (code, crate::model::trail::is_former_numbering(p), p.clone())
    });
    paths
}
