//! What each [`ImportError`] says, in English and in French.

use std::fmt;

use super::ImportError;
use crate::{tr, trf};

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ImportError::Unreadable { file, source } => {
                let file = file.display();
                trf!(
                    "cannot read {file}: {source}",
                    "impossible de lire {file} : {source}"
                )
            }
            ImportError::Damaged { file, source } => {
                let file = file.display();
                trf!(
                    "{file} is damaged or cut short ({source}): download it again; the mirror is unchanged",
                    "{file} est abîmé ou tronqué ({source}) : téléchargez-le de nouveau ; le miroir n'a pas changé"
                )
            }
            ImportError::NoCodeIn(dir) => {
                let dir = dir.display();
                trf!(
                    "{dir} holds no code (no LEGITEXT*.json): give the legi-data package (.tgz), its folder, or its data/LEGITEXT*.json files",
                    "{dir} ne contient aucun code (pas de LEGITEXT*.json) : donnez le paquet legi-data (.tgz), son dossier, ou ses fichiers data/LEGITEXT*.json"
                )
            }
            ImportError::UnknownSource(path) => {
                let path = path.display();
                trf!(
                    "{path} is not something loi import reads: give the legi-data package (.tgz), its folder, or LEGITEXT*.json files",
                    "{path} n'est pas une chose que loi import sait lire : donnez le paquet legi-data (.tgz), son dossier, ou des fichiers LEGITEXT*.json"
                )
            }
            ImportError::Shape { file, why } => trf!(
                "{file} is not a code as legi-data ships it: {why}; the mirror is unchanged",
                "{file} n'est pas un code tel que legi-data le livre : {why} ; le miroir n'a pas changé"
            ),
            ImportError::CutShort { file, why } => trf!(
                "{file} could not be read to the end ({why}): download it again; the mirror is unchanged",
                "{file} n'a pas pu être lu jusqu'au bout ({why}) : téléchargez-le de nouveau ; le miroir n'a pas changé"
            ),
            ImportError::NoSuchCode { asked, held } => trf!(
                "no code of the sources is {asked}: give a code's title, folder name, LEGITEXT id or abbreviation; the sources hold {held}",
                "aucun code des sources n'est {asked} : donnez le titre d'un code, son nom de dossier, son identifiant LEGITEXT ou son abréviation ; les sources contiennent {held}"
            ),
            ImportError::IntoIsAFile(path) => {
                let path = path.display();
                trf!(
                    "{path} is a file: give --into a folder (a new one, or a mirror loi import made)",
                    "{path} est un fichier : donnez à --into un dossier (un nouveau, ou un miroir fait par loi import)"
                )
            }
            ImportError::NotAnImportedMirror(dir) => {
                let dir = dir.display();
                trf!(
                    "{dir} holds files but is not a mirror loi import made: give --into a new or empty folder, or that mirror",
                    "{dir} contient des fichiers mais n'est pas un miroir fait par loi import : donnez à --into un dossier nouveau ou vide, ou un tel miroir"
                )
            }
            ImportError::Busy { dir, pid } => {
                let dir = dir.display();
                trf!(
                    "another loi import (process {pid}) is writing {dir}: wait for it to end",
                    "un autre loi import (processus {pid}) écrit {dir} : attendez qu'il finisse"
                )
            }
            ImportError::DiskFull(dir) => {
                let dir = dir.display();
                trf!(
                    "no space left on the disk of {dir}: free some and run again; the mirror is unchanged",
                    "plus de place sur le disque de {dir} : libérez-en et relancez ; le miroir n'a pas changé"
                )
            }
            ImportError::Write { dir, source } => {
                let dir = dir.display();
                trf!(
                    "cannot write in {dir} ({source}): check it is yours and writable; the mirror is unchanged",
                    "impossible d'écrire dans {dir} ({source}) : vérifiez qu'il est à vous et accessible en écriture ; le miroir n'a pas changé"
                )
            }
            ImportError::NoDataFolder => tr!(
                "no folder to import into: give --into DIR (loi found no data folder in this home)",
                "aucun dossier où importer : donnez --into DOSSIER (loi n'a trouvé aucun dossier de données dans ce compte)"
            )
            .to_owned(),
            ImportError::Interrupted => tr!(
                "stopped: the mirror is unchanged",
                "interrompu : le miroir n'a pas changé"
            )
            .to_owned(),
            ImportError::DamagedEntry {
                archive,
                entry,
                source,
            } => {
                let archive = archive.display();
                trf!(
                    "{archive}: damaged or cut short at {entry} ({source}): download it again; the mirror is unchanged",
                    "{archive} : abîmé ou tronqué à {entry} ({source}) : téléchargez-le de nouveau ; le miroir n'a pas changé"
                )
            }
            ImportError::Doctype { archive, entry } => {
                let archive = archive.display();
                trf!(
                    "{archive}: {entry} declares a DOCTYPE: DILA's files have none, and loi never reads a DTD nor expands or fetches an entity; download the archive again from DILA; the mirror is unchanged",
                    "{archive} : {entry} déclare un DOCTYPE : les fichiers de la DILA n'en ont pas, et loi ne lit jamais de DTD ni ne développe ou ne va chercher d'entité ; téléchargez de nouveau l'archive depuis la DILA ; le miroir n'a pas changé"
                )
            }
            ImportError::UnknownRoot {
                archive,
                entry,
                root,
            } => {
                let archive = archive.display();
                trf!(
                    "{archive}: {entry} is not a LEGI file (its root is <{root}>, not ARTICLE, SECTION_TA, TEXTELR nor TEXTE_VERSION); the mirror is unchanged",
                    "{archive} : {entry} n'est pas un fichier LEGI (sa racine est <{root}>, ni ARTICLE, ni SECTION_TA, ni TEXTELR, ni TEXTE_VERSION) ; le miroir n'a pas changé"
                )
            }
            ImportError::BadXml {
                archive,
                entry,
                why,
            } => {
                let archive = archive.display();
                trf!(
                    "{archive}: {entry} is not well-formed XML ({why}): download the archive again; the mirror is unchanged",
                    "{archive} : {entry} n'est pas du XML bien formé ({why}) : téléchargez de nouveau l'archive ; le miroir n'a pas changé"
                )
            }
            ImportError::EntryTooLarge {
                archive,
                entry,
                size,
            } => {
                let archive = archive.display();
                trf!(
                    "{archive}: {entry} is {size} bytes, more than any LEGI file: this is not DILA's archive; the mirror is unchanged",
                    "{archive} : {entry} fait {size} octets, plus qu'aucun fichier LEGI : ce n'est pas l'archive de la DILA ; le miroir n'a pas changé"
                )
            }
            ImportError::NoLegiCode(path) => {
                let path = path.display();
                trf!(
                    "{path} holds no code of LEGI (no legi/global/code_et_TNC_en_vigueur/code_en_vigueur/… file): give DILA's Freemium_legi_global_….tar.gz or a daily LEGI_….tar.gz",
                    "{path} ne contient aucun code de LEGI (pas de fichier legi/global/code_et_TNC_en_vigueur/code_en_vigueur/…) : donnez le Freemium_legi_global_….tar.gz de la DILA ou un LEGI_….tar.gz quotidien"
                )
            }
            ImportError::DailyFirst(path) => {
                let path = path.display();
                trf!(
                    "{path} is a daily LEGI archive: import the full archive (Freemium_legi_global_….tar.gz) into this mirror first, then the daily ones after it",
                    "{path} est une archive LEGI quotidienne : importez d'abord l'archive complète (Freemium_legi_global_….tar.gz) dans ce miroir, puis les quotidiennes qui la suivent"
                )
            }
            ImportError::MixedSources => tr!(
                "LEGI archives and legi-data sources cannot be imported together: run loi import once for each",
                "les archives LEGI et les sources legi-data ne peuvent pas être importées ensemble : lancez loi import une fois pour chacune"
            )
            .to_owned(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Unreadable { source, .. }
            | ImportError::Damaged { source, .. }
            | ImportError::Write { source, .. }
            | ImportError::DamagedEntry { source, .. } => Some(source),
            _ => None,
        }
    }
}
