//! Where every file of the mirror is, by file name. Each folder is kept once: the 12,019
//! paths of the real mirror are 4 MB of text, mostly the same long folder names.

use std::collections::HashMap;

/// Files by name, their folders shared.
#[derive(Debug, Default, Clone)]
pub struct Names {
    dirs: Vec<String>,
    by_name: HashMap<String, Vec<u32>>,
}

impl Names {
    /// An index filled by `walk`, which calls its argument with each file's folder and
    /// name (folders come together, as a walk gives them).
    pub fn build(walk: impl FnOnce(&mut dyn FnMut(&str, &str))) -> Names {
        let mut names = Names::default();
        let mut dir_ids: HashMap<String, u32> = HashMap::new();
        walk(&mut |dir: &str, name: &str| {
            let id = match dir_ids.get(dir) {
                Some(id) => *id,
                None => {
                    let id = u32::try_from(names.dirs.len()).unwrap_or(u32::MAX);
                    names.dirs.push(dir.to_owned());
                    dir_ids.insert(dir.to_owned(), id);
                    id
                }
            };
            names.by_name.entry(name.to_owned()).or_default().push(id);
        });
        names
    }

    fn path(&self, dir: u32, name: &str) -> String {
        match self.dirs.get(dir as usize).map(String::as_str) {
            Some("") | None => name.to_owned(),
            Some(d) => format!("{d}/{name}"),
        }
    }

    /// Every path of a file named `name`, sorted.
    pub fn paths(&self, name: &str) -> Vec<String> {
        let mut paths: Vec<String> = self
            .by_name
            .get(name)
            .map(|ids| ids.iter().map(|d| self.path(*d, name)).collect())
            .unwrap_or_default();
        paths.sort();
        paths
    }

    /// Every file name, with the paths of the files of that name.
    pub fn each(&self) -> impl Iterator<Item = (&str, Vec<String>)> {
        self.by_name.iter().map(|(name, ids)| {
            (
                name.as_str(),
                ids.iter().map(|d| self.path(*d, name)).collect(),
            )
        })
    }

    /// The names of the files in folder `dir`.
    pub fn in_dir(&self, dir: &str) -> Vec<&str> {
        let Some(id) = self.dirs.iter().position(|d| d == dir) else {
            return Vec::new();
        };
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        self.by_name
            .iter()
            .filter(|(_, ids)| ids.contains(&id))
            .map(|(name, _)| name.as_str())
            .collect()
    }
}
