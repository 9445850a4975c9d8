//! The codes a mirror holds, as the home lists them: each root folder with articles,
//! its title and usual abbreviation (from the table of codes; a folder the table does
//! not know is named from its folder, with none), how many articles the index has in
//! it, and the date of its data when `loi import` made the mirror. Counted from the
//! index and `.loi/mirror.json`: no article is read.

use crate::mirror::Mirror;
use crate::model::codes;

/// One code of the mirror.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelved {
    /// Its folder at the root of the mirror: `code-du-travail`.
    pub folder: String,
    pub title: String,
    /// As a brief writes it (`C. trav.`), when the code has one.
    pub abbreviation: Option<&'static str>,
    pub articles: usize,
    /// The date its data was consolidated (ISO), when the import said.
    pub data_date: Option<String>,
}

/// Every code of a mirror, in the order of their folders' names (their titles' order,
/// accents and case aside, since a folder is its title's slug).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shelf {
    pub codes: Vec<Shelved>,
}

impl Shelf {
    /// How many articles in all.
    pub fn articles(&self) -> usize {
        self.codes.iter().map(|c| c.articles).sum()
    }
}

impl Mirror {
    /// The codes of this mirror, for the home.
    pub fn shelf(&self) -> Shelf {
        let imported = self.imported().map(|m| m.codes).unwrap_or_default();
        let mut codes: Vec<Shelved> = self
            .index()
            .articles_per_root_folder()
            .into_iter()
            .map(|(folder, articles)| {
                let meta = imported.iter().find(|c| c.folder == folder);
                let known = codes::by_slug(folder);
                let title = match (&known, meta) {
                    // The import's own title for a code the table does not know.
                    (None, Some(m)) if !m.title.trim().is_empty() => {
                        crate::model::sanitize::clean(m.title.trim()).into_owned()
                    }
                    _ => codes::title_for(folder),
                };
                Shelved {
                    folder: folder.to_owned(),
                    title,
                    abbreviation: known.and_then(|c| c.abbreviation()),
                    articles,
                    data_date: meta.and_then(|m| m.data_date.clone()),
                }
            })
            .collect();
        codes.sort_by(|a, b| a.folder.cmp(&b.folder));
        Shelf { codes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_holds_its_two_codes_with_their_abbreviations_and_counts() {
        let mirror = Mirror::bundled();
        let shelf = mirror.shelf();
        let folders: Vec<&str> = shelf.codes.iter().map(|c| c.folder.as_str()).collect();
        assert_eq!(folders, ["code-de-leducation", "code-du-travail"]);
        let education = &shelf.codes[0];
        assert_eq!(education.title, "Code de l'éducation");
        assert_eq!(education.abbreviation, Some("C. éduc."));
        assert_eq!(education.articles, 1);
        assert_eq!(shelf.codes[1].abbreviation, Some("C. trav."));
        assert_eq!(shelf.articles(), mirror.index().len());
        assert!(shelf.codes.iter().all(|c| c.data_date.is_none()));
    }

    #[test]
    fn a_folder_the_codes_table_does_not_know_is_named_from_its_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let section = dir.path().join("reglement-du-club/titre-ier");
        std::fs::create_dir_all(&section).expect("mkdir");
        std::fs::write(section.join("art-1.md"), "# Article 1\n\n<p>Un.</p>\n").expect("write");
        std::fs::write(section.join("art-2.md"), "# Article 2\n\n<p>Deux.</p>\n").expect("write");
        let mirror = Mirror::open(dir.path()).expect("opens");
        let shelf = mirror.shelf();
        assert_eq!(shelf.codes.len(), 1);
        let club = &shelf.codes[0];
        assert_eq!(
            club.title,
            crate::model::trail::humanize_slug("reglement-du-club")
        );
        assert_eq!(club.abbreviation, None);
        assert_eq!(club.articles, 2);
    }
}
