//! Annexes and tables by their names, as a brief cites them: `annexe II`, `tableau 57`,
//! `Tableau n° 12 bis`. Their files are named after their headings
//! (`annexe-ii-tableau-n-57.md`): the name typed is matched against the file names,
//! whole first (`annexe II` is `annexe-ii.md`), then as their end (`tableau 57` is the
//! last words of `annexe-ii-tableau-n-57`), a `n°` or `no` on either side left out.

use super::{Answer, Here, LIMIT};
use crate::mirror::index::Index;
use crate::mirror::{self};

/// The annexes or tables `query` names, whole names first, the code being read's
/// before the others', with how many are the one named (the whole names, or the one
/// table whose name ends so); `None` when `query` does not
/// start with `annexe` or `tableau`, or no file has that name.
pub(super) fn by_name(index: &Index, query: &str, here: &Here) -> Option<(Vec<Answer>, usize)> {
    let key = key(&mirror::slug(query));
    let first = key.split('-').next().unwrap_or_default();
    if !matches!(first, "annexe" | "annexes" | "tableau" | "tableaux") || !key.contains('-') {
        return None;
    }
    // A cheap test before the key of each name: its last word is in it.
    let last = key.rsplit('-').next().unwrap_or_default();
    let ending = format!("-{key}");
    let (mut whole, mut end) = (Vec::new(), Vec::new());
    for entry in index.entries() {
        let Some(name) = entry.name.strip_suffix(".md") else {
            continue;
        };
        if !name.contains(last) {
            continue;
        }
        let name = self::key(name);
        if name == key {
            whole.push(entry);
        } else if name.ends_with(&ending) {
            end.push(entry);
        }
    }
    if whole.is_empty() && end.is_empty() {
        return None;
    }
    let order = |list: &mut Vec<crate::mirror::index::Entry>| {
        list.sort_by_key(|e| (here.away(e), e.path()));
    };
    order(&mut whole);
    order(&mut end);
    // One table of that name and no whole name: it is the one named (a paste opens it).
    let exact = if whole.is_empty() && end.len() == 1 {
        1
    } else {
        whole.len()
    };
    let answers = whole
        .into_iter()
        .chain(end)
        .take(LIMIT)
        .map(|e| Answer {
            path: e.path(),
            section: None,
        })
        .collect();
    Some((answers, exact))
}

/// A slugged name without its `n`, `no` or `numero` words: `tableau-n-12-bis` and
/// `tableau-12-bis` are one name.
fn key(slug: &str) -> String {
    slug.split('-')
        .filter(|w| !matches!(*w, "n" | "no" | "numero" | ""))
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(paths: &[&str]) -> Index {
        Index::from_paths(0, |f| {
            for p in paths {
                let (dir, name) = p.rsplit_once('/').expect("a folder");
                f(dir, name);
            }
        })
    }

    #[test]
    fn an_annex_or_a_table_is_found_by_its_name_as_a_brief_writes_it() {
        let index = index(&[
            "css/annexes/annexe-ii.md",
            "css/annexes/annexe-ii-tableau-n-12.md",
            "css/annexes/annexe-ii-tableau-n-12-bis.md",
            "css/annexes/annexe-ii-tableau-n-57.md",
            "trav/annexes/annexe-ii.md",
            "trav/annexes/annexe-ii-a-larticle-r4412-1.md",
            "trav/p/l1234-57.md",
        ]);
        let here = Here {
            index: &index,
            code: index.dir_id("trav"),
        };
        let paths = |q: &str| {
            by_name(&index, q, &here)
                .map(|(a, exact)| (a.into_iter().map(|a| a.path).collect::<Vec<_>>(), exact))
        };
        assert_eq!(
            paths("tableau 57"),
            Some((vec!["css/annexes/annexe-ii-tableau-n-57.md".to_owned()], 1))
        );
        assert_eq!(
            paths("Tableau n° 12 bis"),
            Some((
                vec!["css/annexes/annexe-ii-tableau-n-12-bis.md".to_owned()],
                1
            ))
        );
        assert_eq!(
            paths("Annexe II : Tableau n° 12"),
            Some((vec!["css/annexes/annexe-ii-tableau-n-12.md".to_owned()], 1))
        );
        // The whole name first, the code being read's first.
        assert_eq!(
            paths("annexe II"),
            Some((
                vec![
                    "trav/annexes/annexe-ii.md".to_owned(),
                    "css/annexes/annexe-ii.md".to_owned()
                ],
                2
            ))
        );
        assert_eq!(paths("annexe XX"), None);
        assert_eq!(paths("L1234-57"), None);
        assert_eq!(paths("tableau"), None);
    }
}
