//! Why a dossier could not be made, each saying what to do, in both languages.

use std::path::PathBuf;

use crate::trf;

#[derive(Debug, thiserror::Error)]
pub enum DossierError {
    /// No article read in the session asked for.
    NothingRead { mirror: String },
    /// No article read since the day asked for.
    NothingReadSince { mirror: String, since: String },
    /// `--bookmarks`, and there are none in this mirror.
    NoBookmarks { mirror: String },
    /// No home folder: no history nor bookmarks to read.
    NoFolder,
    /// The history or the bookmarks could not be read.
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The dossier could not be written there.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for DossierError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            DossierError::NothingRead { mirror } => trf!(
                "no article read in {mirror} in the last reading session: open articles in the reader first, or take those read since a day (loi dossier --since YYYY-MM-DD) or your bookmarks (--bookmarks)",
                "aucun article lu dans {mirror} lors de la dernière séance de lecture : ouvrez d'abord des articles dans le lecteur, ou prenez ceux lus depuis un jour (loi dossier --since AAAA-MM-JJ) ou vos signets (--bookmarks)"
            ),
            DossierError::NothingReadSince { mirror, since } => trf!(
                "no article read in {mirror} since {since}: give an earlier day, or open articles in the reader first",
                "aucun article lu dans {mirror} depuis le {since} : donnez un jour plus ancien, ou ouvrez d'abord des articles dans le lecteur"
            ),
            DossierError::NoBookmarks { mirror } => trf!(
                "no bookmark in {mirror}: bookmark articles in the reader first",
                "aucun signet dans {mirror} : mettez d'abord des articles en signet dans le lecteur"
            ),
            DossierError::NoFolder => crate::tr!(
                "no history nor bookmarks: there is no home folder to keep them in (set HOME)",
                "ni historique ni signets : il n'y a pas de dossier personnel où les garder (définissez HOME)"
            )
            .to_owned(),
            DossierError::Unreadable { path, source } => {
                let path = path.display();
                trf!(
                    "cannot read {path}: {source} (check its permissions)",
                    "impossible de lire {path} : {source} (vérifiez ses droits)"
                )
            }
            DossierError::Write { path, source } => {
                let path = path.display();
                trf!(
                    "cannot write the dossier to {path}: {source} (write it where you can: loi dossier -o FILE, or start loi from a folder you can write in)",
                    "impossible d'écrire le dossier dans {path} : {source} (écrivez-le où vous le pouvez : loi dossier -o FICHIER, ou lancez loi depuis un dossier où vous pouvez écrire)"
                )
            }
        };
        f.write_str(&crate::model::sanitize::clean(&text))
    }
}
