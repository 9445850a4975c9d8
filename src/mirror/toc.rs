//! A code's table of contents: its sections and articles as one list in legal order
//! (partie législative before réglementaire, livres I, II…, `préliminaire` first,
//! `bis` after its base, articles in number order), built from the index. The same
//! order gives the next and previous article across section boundaries.

mod order;
pub mod view;

use crate::mirror::index::Index;
use crate::mirror::order as numbers;
use crate::model::trail::humanize_slug;

/// One row: a section or an article, at a depth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub depth: usize,
    pub label: String,
    /// The article's path; `None` for a section.
    pub path: Option<String>,
    /// The row after this one's contents: a section holds the rows up to it.
    pub end: usize,
}

/// A code's contents, every section unfolded, in legal order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toc {
    pub code: String,
    pub rows: Vec<Row>,
}

impl Toc {
    /// The contents of `code` (a code's folder) as the index knows it.
    pub fn of_code(index: &Index, code: &str) -> Toc {
        let Some(root) = index.dir_id(code) else {
            return Toc {
                code: code.to_owned(),
                rows: Vec::new(),
            };
        };
        let dirs = u32::try_from(index.dir_count()).unwrap_or(u32::MAX);
        // Folders by parent, and articles by folder, for this code only. Parents come
        // before their folders in the index, so one pass in order finds the code's.
        let mut inside = vec![false; dirs as usize];
        let mut children: Vec<Vec<u32>> = vec![Vec::new(); dirs as usize];
        for d in 0..dirs {
            let parent = index.dir_parent(d);
            let belongs = d == root || parent.is_some_and(|p| inside[p as usize]);
            if belongs {
                inside[d as usize] = true;
                if let Some(p) = parent.filter(|_| d != root) {
                    children[p as usize].push(d);
                }
            }
        }
        let mut articles: Vec<Vec<&str>> = vec![Vec::new(); dirs as usize];
        for e in index.entries() {
            if inside.get(e.dir as usize).copied().unwrap_or(false) {
                articles[e.dir as usize].push(e.name);
            }
        }
        let mut rows: Vec<Row> = Vec::new();
        // Without recursion: (folder, depth, its row) on a stack; a folder's row gets
        // its end once everything under it is out.
        enum Step {
            Open(u32, usize),
            Close(usize),
        }
        let mut stack = vec![Step::Open(root, 0)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Close(row) => {
                    let end = rows.len();
                    if let Some(r) = rows.get_mut(row) {
                        r.end = end;
                    }
                }
                Step::Open(dir, depth) => {
                    let path = index.dir_path(dir);
                    let mut names = std::mem::take(&mut articles[dir as usize]);
                    names.sort_by(|a, b| numbers::compare(a, b));
                    let own = if dir == root {
                        None
                    } else {
                        rows.push(Row {
                            depth,
                            label: humanize_slug(index.dir_name(dir).unwrap_or_default()),
                            path: None,
                            end: 0,
                        });
                        Some(rows.len() - 1)
                    };
                    let inner = depth + usize::from(own.is_some());
                    for name in names {
                        rows.push(Row {
                            depth: inner,
                            label: crate::mirror::number_of_file(name),
                            path: Some(format!("{path}/{name}")),
                            end: rows.len() + 1,
                        });
                    }
                    if let Some(row) = own {
                        stack.push(Step::Close(row));
                    }
                    let mut subs = std::mem::take(&mut children[dir as usize]);
                    subs.sort_by_cached_key(|&d| order::key(index.dir_name(d).unwrap_or_default()));
                    for sub in subs.into_iter().rev() {
                        stack.push(Step::Open(sub, inner));
                    }
                }
            }
        }
        Toc {
            code: code.to_owned(),
            rows,
        }
    }

    /// The row of the article at `path`.
    pub fn row_of(&self, path: &str) -> Option<usize> {
        self.rows
            .iter()
            .position(|r| r.path.as_deref() == Some(path))
    }

    /// The article after (or before) the one at `path`, in the code's order.
    pub fn neighbour(&self, path: &str, next: bool) -> Option<&str> {
        let at = self.row_of(path)?;
        if next {
            self.rows[at + 1..].iter().find_map(|r| r.path.as_deref())
        } else {
            self.rows[..at].iter().rev().find_map(|r| r.path.as_deref())
        }
    }
}

/// The positions of `paths` (articles of the mirror, of any codes) in the codes'
/// order: the articles of the code `first` before the others, each code's in the order
/// of its table of contents, codes by folder name; a path the index does not hold
/// after its code's others. Equal keys keep their order (the sort is stable).
pub fn in_code_order(index: &Index, paths: &[&str], first: &str) -> Vec<usize> {
    let folder = |p: &str| p.split('/').next().unwrap_or_default().to_owned();
    let mut rows: std::collections::HashMap<String, std::collections::HashMap<String, usize>> =
        std::collections::HashMap::new();
    for p in paths {
        let code = folder(p);
        rows.entry(code).or_insert_with_key(|code| {
            Toc::of_code(index, code)
                .rows
                .into_iter()
                .enumerate()
                .filter_map(|(i, r)| Some((r.path?, i)))
                .collect()
        });
    }
    let key = |p: &str| {
        let code = folder(p);
        let row = rows.get(&code).and_then(|r| r.get(p)).copied();
        (code != first, code, row.unwrap_or(usize::MAX))
    };
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by_cached_key(|&i| key(paths[i]));
    order
}

#[cfg(test)]
mod tests;
