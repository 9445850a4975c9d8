//! Walks a mirror folder on disk without recursion and without following symlinks, so
//! a symlink loop or a link out of the mirror is never entered.

use std::fs;
use std::path::Path;

/// How deep articles can sit: code, partie, livre, titre, chapitre, section,
/// sous-section, paragraphe, sous-paragraphe and a margin. Deeper folders are not
/// walked, so pointing `--mirror` at `/` by mistake ends quickly.
const MAX_DEPTH: usize = 12;

/// Sorted names of the folders directly under `dir`.
pub fn subfolders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = entries(dir)
        .into_iter()
        .filter(|(_, is_dir)| *is_dir)
        .map(|(name, _)| name)
        .collect();
    names.sort();
    names
}

/// Paths (relative to `root`) of every `.md` file.
pub fn all_files(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    each_file(root, |dir, name| found.push(join(dir, name)));
    found
}

/// Calls `f(folder, file name)` for every `.md` file, folders relative to `root`:
/// the caller decides what to keep (the name index keeps each folder once).
pub fn each_file(root: &Path, mut f: impl FnMut(&str, &str)) {
    let mut stack = vec![(String::new(), 0)];
    while let Some((rel, level)) = stack.pop() {
        for (name, is_dir) in entries(&root.join(&rel)) {
            if is_dir {
                if level < MAX_DEPTH {
                    stack.push((join(&rel, &name), level + 1));
                }
            } else if name.ends_with(".md") {
                f(&rel, &name);
            }
        }
    }
}

/// Adds every folder and `.md` file under `root` to an index being built, parents
/// before their folders; gives the folders' modification times, the root's then each
/// folder's in the index's order, each read before the folder is (a change after the
/// read changes the time).
pub fn into_index(root: &Path, builder: &mut crate::mirror::index::Builder) -> Vec<u64> {
    use crate::mirror::index::stamps::dir_time;
    let mut times = vec![dir_time(root)];
    let mut stack = vec![(String::new(), None, 0)];
    while let Some((rel, id, level)) = stack.pop() {
        for (name, is_dir) in entries(&root.join(&rel)) {
            if is_dir {
                if level < MAX_DEPTH {
                    let child = builder.dir(id, &name);
                    let path = join(&rel, &name);
                    times.push(dir_time(&root.join(&path)));
                    stack.push((path, Some(child), level + 1));
                }
            } else if name.ends_with(".md") {
                builder.file(id, &name);
            }
        }
    }
    times
}

/// The first `.md` file starting with `# Article`, depth first in name order.
pub fn first_article(root: &Path) -> Option<String> {
    let mut stack = vec![(String::new(), 0)];
    while let Some((rel, level)) = stack.pop() {
        let mut children = entries(&root.join(&rel));
        children.sort();
        // Files before folders, then reversed onto the stack so the first pops first.
        children.sort_by_key(|(_, is_dir)| *is_dir);
        for (name, is_dir) in &children {
            let child = join(&rel, name);
            if !is_dir && name.ends_with(".md") && starts_as_article(&root.join(&child)) {
                return Some(child);
            }
        }
        if level == MAX_DEPTH {
            continue;
        }
        for (name, _) in children.iter().rev().filter(|(_, is_dir)| *is_dir) {
            stack.push((join(&rel, name), level + 1));
        }
    }
    None
}

fn starts_as_article(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| {
            let head = head[..n]
                .strip_prefix(b"\xef\xbb\xbf")
                .unwrap_or(&head[..n]);
            head.starts_with(b"# Article")
        })
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// `(name, is_dir)` of a folder's entries; symlinks count as neither and are skipped,
/// as are names that are not UTF-8 or hold a control or bidi character (no mirror
/// slug does, and such a name would reach the terminal in paths and messages).
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    read.filter_map(Result::ok)
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let name = e
                .file_name()
                .into_string()
                .ok()
                .filter(|n| crate::model::sanitize::is_clean(n))
                // Hidden: `.loi/` (what `loi import` keeps beside the articles), `.git`.
                .filter(|n| !n.starts_with('.'))?;
            if kind.is_dir() {
                Some((name, true))
            } else if kind.is_file() {
                Some((name, false))
            } else {
                None
            }
        })
        .collect()
}
