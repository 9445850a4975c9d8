//! What each [`Error`] says, in English and in French.

use std::fmt;

use super::Error;
use crate::{tr, trf};

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Error::NoMirror(dir) => {
                let dir = dir.display();
                trf!(
                    "no mirror at {dir}: give --mirror (or LOI_MIRROR) the folder that holds the codes",
                    "pas de miroir à {dir} : donnez à --mirror (ou LOI_MIRROR) le dossier qui contient les codes"
                )
            }
            Error::NotAMirror(dir) => {
                let dir = dir.display();
                trf!(
                    "{dir} holds no article (no *.md file starting with '# Article'): is it a mirror? Give --mirror the folder that holds the codes",
                    "{dir} ne contient aucun article (pas de fichier *.md commençant par « # Article ») : est-ce un miroir ? Donnez à --mirror le dossier qui contient les codes"
                )
            }
            Error::NoCodes(dir) => {
                let dir = dir.display();
                trf!(
                    "{dir} holds no code's folder (such as code-du-travail): give --mirror the folder that holds the codes",
                    "{dir} ne contient aucun dossier de code (tel code-du-travail) : donnez à --mirror le dossier qui contient les codes"
                )
            }
            Error::CodeFolder { dir, parent } => {
                let (dir, parent) = (dir.display(), parent.display());
                trf!(
                    "{dir} is a code's folder, not a mirror: give --mirror the folder above it, {parent}",
                    "{dir} est le dossier d'un code, pas un miroir : donnez à --mirror le dossier au-dessus, {parent}"
                )
            }
            Error::NoSuchArticle { num, mirror } => trf!(
                "no article {num} in {mirror}: check the number, or name its code first (loi CODE {num})",
                "pas d'article {num} dans {mirror} : vérifiez le numéro, ou nommez d'abord son code (loi CODE {num})"
            ),
            Error::NoSuchArticleInCode { num, code } => trf!(
                "no article {num} in {code}: check the number, or leave out the code's name to look in every code",
                "pas d'article {num} dans {code} : vérifiez le numéro, ou ôtez le nom du code pour chercher dans tous"
            ),
            Error::NothingCites(num) => trf!(
                "no article of this mirror cites {num}",
                "aucun article de ce miroir ne cite {num}"
            ),
            Error::NothingFound(words) => trf!(
                "no article of this mirror holds {words}: try fewer words, or a word's start",
                "aucun article de ce miroir ne contient {words} : essayez moins de mots, ou le début d'un mot"
            ),
            Error::NoWord(typed) => trf!(
                "{typed:?} has no word to search for (spaces and punctuation are no words): give words, or a \"phrase\" in double quotes",
                "« {typed} » n'a aucun mot à chercher (espaces et ponctuation ne sont pas des mots) : donnez des mots, ou une \"phrase\" entre guillemets droits"
            ),
            Error::Ambiguous { num, codes, first } => trf!(
                "{num} is in several codes ({codes}): name one first, as in: loi {first} {num}",
                "{num} est dans plusieurs codes ({codes}) : nommez-en un d'abord, comme dans : loi {first} {num}"
            ),
            Error::CodeWithoutNumber(code) => trf!(
                "{code} is a code, and no article number follows it: write one after it ({code} L1234-5)",
                "{code} est un code, et aucun numéro d'article ne le suit : écrivez-en un après ({code} L1234-5)"
            ),
            Error::OneArticle(extra) => trf!(
                "{extra} is a second article, and this opens one: name one (a number after its code if need be, or a path), or use loi print for several",
                "{extra} est un second article, et ceci n'en ouvre qu'un : nommez-en un (un numéro après son code s'il le faut, ou un chemin), ou utilisez loi print pour plusieurs"
            ),
            Error::NoArticleNamed => tr!(
                "no article named: give a number such as L6123-1 (after its code's folder name when several codes have it) or a path to its .md file",
                "aucun article nommé : donnez un numéro tel que L6123-1 (après le nom du dossier de son code quand plusieurs codes l'ont) ou le chemin de son fichier .md"
            )
            .to_owned(),
            Error::NoSuchCode { code, mirror, known } => trf!(
                "no code folder {code} in {mirror}: the codes there are {known}",
                "pas de dossier de code {code} dans {mirror} : les codes y sont {known}"
            ),
            Error::UnknownCode { typed, hint } => trf!(
                "no code is called {typed:?}: {hint}",
                "aucun code ne s'appelle « {typed} » : {hint}"
            ),
            Error::NoSuchFile(path) => trf!(
                "no file {path}: check the path, or give an article number such as L6123-1",
                "pas de fichier {path} : vérifiez le chemin, ou donnez un numéro d'article tel que L6123-1"
            ),
            Error::OutsideMirror(path) => trf!(
                "{path} is outside the mirror: articles are opened from inside its folder only",
                "{path} est hors du miroir : les articles ne s'ouvrent que depuis son dossier"
            ),
            Error::NotAnArticle(path) => trf!(
                "{path} is not an article of a mirror (its first line is not '# Article …')",
                "{path} n'est pas un article d'un miroir (sa première ligne n'est pas « # Article … »)"
            ),
            Error::TooLarge { path, size, limit } => trf!(
                "{path} is {size} bytes: too large to be an article (the limit is {limit} bytes); check that it is the right file",
                "{path} fait {size} octets : trop pour un article (la limite est de {limit} octets) ; vérifiez que c'est le bon fichier"
            ),
            Error::NotAFile { path, kind } => {
                let kind = kind_said(kind);
                trf!(
                    "{path} is a {kind}, not an article file: give the path of an article's .md file",
                    "{path} est {kind}, pas le fichier d'un article : donnez le chemin du fichier .md d'un article"
                )
            }
            Error::EmptyFile(path) => trf!(
                "{path} is empty (0 bytes): this copy of the article is broken, fetch it again",
                "{path} est vide (0 octet) : cette copie de l'article est abîmée, récupérez-la à nouveau"
            ),
            Error::Read { path, source } => trf!(
                "cannot read {path}: {source} (check its permissions, and where its links lead)",
                "impossible de lire {path} : {source} (vérifiez ses droits, et où mènent ses liens)"
            ),
            Error::NoDates(mirror) => trf!(
                "{mirror} keeps no dates (it was not made by loi import): make a mirror with loi import, from the legi-data package or DILA's LEGI archives, and run this on it",
                "{mirror} ne garde pas de dates (loi import ne l'a pas fait) : faites un miroir avec loi import, depuis le paquet legi-data ou les archives LEGI de la DILA, et lancez ceci dessus"
            ),
            Error::NotATerminal => tr!(
                "the output is not a terminal: loi is a full-screen reader, run it in a terminal",
                "la sortie n'est pas un terminal : loi est un lecteur plein écran, lancez-le dans un terminal"
            )
            .to_owned(),
            Error::DumbTerminal(term) => trf!(
                "this terminal (TERM={term}) cannot show the full-screen reader: print an article instead, as in loi print L6123-1, or set TERM to your terminal's type (xterm-256color…)",
                "ce terminal (TERM={term}) ne peut pas afficher le lecteur plein écran : imprimez plutôt un article, comme avec loi print L6123-1, ou donnez à TERM le type de votre terminal (xterm-256color…)"
            ),
            Error::NotAllPrinted(n) => trf!(
                "{n} of the articles could not be printed",
                "{n} des articles n'ont pas pu être imprimés"
            ),
            Error::Output(e) => trf!(
                "cannot write the output: {e}",
                "impossible d'écrire la sortie : {e}"
            ),
            Error::WordIndex { dir, source } => {
                let dir = dir.display();
                trf!(
                    "cannot build the word index in {dir}: {source} (searches read every file until it can be built: make room on that disk, or check that the folder can be written)",
                    "impossible de construire l'index des mots dans {dir} : {source} (les recherches lisent chaque fichier tant qu'il ne peut l'être : libérez de la place sur ce disque, ou vérifiez que le dossier peut être écrit)"
                )
            }
            Error::NoHome => tr!(
                "no home folder to keep files in: set HOME (or XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME)",
                "pas de dossier personnel où garder les fichiers : réglez HOME (ou XDG_CONFIG_HOME, XDG_DATA_HOME et XDG_CACHE_HOME)"
            )
            .to_owned(),
            Error::Terminal(e) => trf!("the terminal failed: {e}", "le terminal a échoué : {e}"),
            Error::Import(e) => return fmt::Display::fmt(e, f),
            Error::Said(e) => return fmt::Display::fmt(e, f),
        };
        f.write_str(&text)
    }
}

/// A kind of file that is not a plain one, as the error says it (`a folder`).
fn kind_said(kind: &str) -> &'static str {
    match kind {
        "folder" => tr!("folder", "un dossier"),
        "socket" => tr!("socket", "une socket"),
        "device" => tr!("device", "un périphérique"),
        k if k.starts_with("FIFO") => tr!("FIFO (named pipe)", "une FIFO (tube nommé)"),
        _ => tr!("special file", "un fichier spécial"),
    }
}
