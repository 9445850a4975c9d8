//! Where loi keeps its files: the configuration in the config folder, history,
//! bookmarks, session and the imported mirror in the data folder, indexes in the cache folder, each the
//! platform's usual one (`XDG_CONFIG_HOME`, `XDG_DATA_HOME`, `XDG_CACHE_HOME` honoured).

use std::path::PathBuf;

/// The files and folders loi reads and writes outside the mirror.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `config.toml`, written by the user, only read by loi.
    pub config: PathBuf,
    /// Articles read, one JSON object per line, newest last.
    pub history: PathBuf,
    /// Bookmarks, a JSON list.
    pub bookmarks: PathBuf,
    /// The navigation stack of the last reader of each mirror.
    pub session: PathBuf,
    /// What was entered in each prompt, for ↑ to recall.
    pub prompts: PathBuf,
    /// The folder of the mirrors' indexes.
    pub cache: PathBuf,
    /// The mirror `loi import` makes when given no `--into`, read when no other is
    /// named.
    pub mirror: PathBuf,
}

impl Paths {
    /// The usual places for this user; `None` when there is no home to put them in.
    pub fn from_env() -> Option<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "loi")?;
        Some(Paths::in_folders(
            dirs.config_dir().to_owned(),
            dirs.data_dir().to_owned(),
            dirs.cache_dir().to_owned(),
        ))
    }

    /// The files in the folders given: the config, data and cache folders.
    pub fn in_folders(config: PathBuf, data: PathBuf, cache: PathBuf) -> Paths {
        Paths {
            config: config.join("config.toml"),
            history: data.join("history.jsonl"),
            bookmarks: data.join("bookmarks.json"),
            session: data.join("session.json"),
            prompts: data.join("prompts.json"),
            mirror: data.join("mirror"),
            cache,
        }
    }

    /// Every place in a form for `loi --paths`: a label (in the language spoken), a
    /// tab, the path.
    pub fn describe(&self) -> String {
        [
            (crate::tr!("config", "configuration"), &self.config),
            (crate::tr!("history", "historique"), &self.history),
            (crate::tr!("bookmarks", "signets"), &self.bookmarks),
            // The same words in French.
            ("session", &self.session),
            ("prompts", &self.prompts),
            ("cache", &self.cache),
            (crate::tr!("mirror", "miroir"), &self.mirror),
        ]
        .iter()
        .map(|(label, path)| format!("{label}\t{}\n", path.display()))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_go_in_their_folders() {
        let p = Paths::in_folders("/c/loi".into(), "/d/loi".into(), "/k/loi".into());
        assert_eq!(p.config, PathBuf::from("/c/loi/config.toml"));
        assert!(p.history.starts_with("/d/loi") && p.session.starts_with("/d/loi"));
        let text = p.describe();
        assert_eq!(text.lines().count(), 7);
        assert!(text.ends_with("mirror\t/d/loi/mirror\n"), "{text}");
        assert!(text.starts_with("config\t/c/loi/config.toml\n"), "{text}");
    }
}
