//! How many articles each folder at the mirror's root holds, read from the index's
//! tables alone: the home lists every code with its count at start, and must not
//! read a file per article to do it (nor the names: only each file's folder).

use super::{HEADER, Index, NO_PARENT, ROW, to_u32};

impl Index {
    /// Each folder at the root that holds articles (at any depth), by name, with how
    /// many it holds; in the index's folder order. Files at the root itself are in no
    /// folder and not counted.
    pub fn articles_per_root_folder(&self) -> Vec<(&str, usize)> {
        // The root folder each folder lies in. A parent comes before its folders in
        // the table, so one pass in order knows the parent's already; a table that
        // says otherwise (damaged) leaves the folder out rather than looping.
        let mut root_of: Vec<u32> = Vec::with_capacity(self.dirs);
        for d in 0..self.dirs {
            let Some((parent, _)) = self.dir(to_u32(d)) else {
                root_of.push(NO_PARENT);
                continue;
            };
            let root = if parent == NO_PARENT {
                to_u32(d)
            } else {
                root_of.get(parent as usize).copied().unwrap_or(NO_PARENT)
            };
            root_of.push(root);
        }
        let mut counts = vec![0usize; self.dirs];
        for i in 0..self.files {
            // The folder word of the file's row only: the names are never touched.
            let dir = self.word(HEADER + ROW * i + 8);
            if let Some(&root) = root_of.get(dir as usize)
                && let Some(n) = counts.get_mut(root as usize)
            {
                *n += 1;
            }
        }
        counts
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .filter_map(|(d, &n)| Some((self.dir_name(to_u32(d))?, n)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_root_folder_counts_the_articles_under_it_at_any_depth() {
        let index = Index::from_paths(0, |f| {
            f("code-b/partie/titre", "l1.md");
            f("code-b/partie/titre", "l2.md");
            f("code-b", "l3.md");
            f("code-a/x/y/z", "r1.md");
            f("", "loose.md");
            f("code-c/empty-then-full", "d1.md");
        });
        let mut counts = index.articles_per_root_folder();
        counts.sort();
        assert_eq!(counts, [("code-a", 1), ("code-b", 3), ("code-c", 1)]);
        assert!(Index::empty().articles_per_root_folder().is_empty());
    }
}
