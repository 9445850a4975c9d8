//! The one pass over a LEGI archive: each entry read from the stream, its XML parsed,
//! and what it gives kept for the writing that follows. An article version in force
//! goes to the spool (its HTML and its metadata line, on disk beside the new mirror,
//! so that memory holds only its path and ids until every link's target is known);
//! any other version's text is written at once under `.loi/versions/`.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::article::{self, in_force, is_dead};
use super::read::{self, Doc, XmlError};
use crate::mirror::import::error::ImportError;
use crate::mirror::import::meta::{self, CodeMeta};
use crate::mirror::import::{Writer, article_path, links, names_code};

/// Where an entry sits, from its name.
#[derive(Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// `…/code_en_vigueur/LEGI/TEXT/…/CID/KIND/…/ID.xml`: a code's file.
    Code { cid: &'a str, kind: &'a str },
    /// `liste_suppression_legi.dat`.
    Deletions,
}

/// What an entry's name says, once a daily archive's `STAMP/` is dropped; `None` for
/// anything `loi` does not read (other dossiers than codes in force, folders, a name
/// with `..`: nothing is ever written where an entry's name says).
pub fn place(name: &str) -> Option<Place<'_>> {
    let mut parts: Vec<&str> = name
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.contains(&"..") {
        return None;
    }
    if parts.len() >= 2 && parts[0] != "legi" && parts[1] == "legi" {
        parts.remove(0);
    }
    if parts.len() == 1 || (parts.len() == 2 && parts[0] != "legi") {
        return (*parts.last()? == "liste_suppression_legi.dat").then_some(Place::Deletions);
    }
    let code = [
        "legi",
        "global",
        "code_et_TNC_en_vigueur",
        "code_en_vigueur",
    ];
    if parts.len() < 14 || parts[..4] != code || !parts.last()?.ends_with(".xml") {
        return None;
    }
    Some(Place::Code {
        cid: parts[11],
        kind: parts[12],
    })
}

/// A code met in the archive.
pub struct Code {
    pub id: String,
    pub folder: String,
    /// `TEXTE_VERSION/…/TITRE`, else the articles' `TITRE_TXT`.
    pub title: String,
    pub data_date: Option<String>,
    pub wanted: bool,
}

/// An article in force, its text and metadata in the spool.
pub struct Pending {
    pub code: usize,
    pub path: String,
    pub num: String,
    pub cid: String,
    pub ids: Vec<String>,
    pub body: usize,
    pub meta: usize,
}

pub struct Pass<'a> {
    pub archive: &'a Path,
    /// The archive's day, `YYYY-MM-DD`: what is in force.
    pub date: String,
    asked: &'a [String],
    pub matched: Vec<bool>,
    pub held: Vec<String>,
    /// The codes of the mirror before (a daily archive keeps their folders).
    before: &'a [CodeMeta],
    pub codes: Vec<Code>,
    by_cid: HashMap<String, usize>,
    pub pending: Vec<Pending>,
    pub spool: BufWriter<fs::File>,
    /// Ids of versions the archive says are no longer in force.
    pub retired: HashSet<String>,
    /// Ids `liste_suppression_legi.dat` deletes.
    pub deleted: HashSet<String>,
    pub not_in_force: usize,
    pub versions: usize,
    pub seen: usize,
    pub warnings: Vec<String>,
    html: String,
}

impl<'a> Pass<'a> {
    pub fn new(
        archive: &'a Path,
        date: String,
        asked: &'a [String],
        before: &'a [CodeMeta],
        spool: fs::File,
    ) -> Pass<'a> {
        Pass {
            archive,
            date,
            asked,
            matched: vec![false; asked.len()],
            held: Vec::new(),
            before,
            codes: Vec::new(),
            by_cid: HashMap::new(),
            pending: Vec::new(),
            spool: BufWriter::with_capacity(1 << 16, spool),
            retired: HashSet::new(),
            deleted: HashSet::new(),
            not_in_force: 0,
            versions: 0,
            seen: 0,
            warnings: Vec::new(),
            html: String::new(),
        }
    }

    /// One entry of the archive.
    pub fn take(
        &mut self,
        name: &str,
        bytes: &[u8],
        writer: &mut Writer,
    ) -> Result<(), ImportError> {
        match place(name) {
            Some(Place::Deletions) => {
                self.seen += 1;
                self.deletions(bytes);
                Ok(())
            }
            Some(Place::Code { cid, kind }) => {
                self.seen += 1;
                let doc = read::read(bytes).map_err(|e| self.xml_error(name, e))?;
                match doc {
                    Doc::Article(a) if kind == "article" => self.article(cid, &a, writer),
                    Doc::Version { title, modified } if kind == "texte" => {
                        let title = title.map(|t| article::clean(&t)).unwrap_or_default();
                        if let Some(i) = self.code(cid, &title) {
                            if !title.is_empty() {
                                self.codes[i].title = title;
                            }
                            self.codes[i].data_date = modified;
                        }
                        Ok(())
                    }
                    _ => Ok(()),
                }
            }
            None => Ok(()),
        }
    }

    fn xml_error(&self, entry: &str, e: XmlError) -> ImportError {
        let (archive, entry) = (self.archive.to_owned(), entry.to_owned());
        match e {
            XmlError::Doctype => ImportError::Doctype { archive, entry },
            XmlError::Root(root) => ImportError::UnknownRoot {
                archive,
                entry,
                root,
            },
            XmlError::Bad(why) => ImportError::BadXml {
                archive,
                entry,
                why,
            },
        }
    }

    /// The code `cid`, met for the first time with `title`: its folder (the mirror's
    /// own for a code it has, else the title's slug) and whether it is wanted.
    fn code(&mut self, cid: &str, title: &str) -> Option<usize> {
        if let Some(&i) = self.by_cid.get(cid) {
            return Some(i);
        }
        let known = self.before.iter().find(|c| c.id == cid);
        let folder = match known {
            Some(c) => c.folder.clone(),
            None if title.is_empty() => return None,
            None => crate::mirror::slug(title),
        };
        let title = known.map_or(title, |c| c.title.as_str()).to_owned();
        self.held.push(folder.clone());
        let hits: Vec<usize> = (0..self.asked.len())
            .filter(|&i| names_code(&self.asked[i], cid, &title, &folder))
            .collect();
        for &i in &hits {
            self.matched[i] = true;
        }
        let i = self.codes.len();
        self.codes.push(Code {
            id: cid.to_owned(),
            folder,
            title,
            data_date: None,
            wanted: self.asked.is_empty() || !hits.is_empty(),
        });
        self.by_cid.insert(cid.to_owned(), i);
        Some(i)
    }

    fn article(
        &mut self,
        cid: &str,
        a: &read::Article,
        writer: &mut Writer,
    ) -> Result<(), ImportError> {
        let title = article::code_title(a, &self.date).unwrap_or_default();
        let Some(code) = self.code(cid, &title) else {
            let (archive, id) = (self.archive.display(), &a.id);
            self.warnings.push(crate::trf!(
                "{archive}: article {id} has no code title; skipped",
                "{archive} : l'article {id} n'a pas de titre de code ; sauté"
            ));
            return Ok(());
        };
        if !self.codes[code].wanted {
            return Ok(());
        }
        if !in_force(&a.debut, &a.fin, &a.state, &self.date) {
            self.retired.insert(a.id.clone());
            if is_dead(&a.state) {
                self.not_in_force += 1;
                return Ok(());
            }
            return self.version(code, a, writer);
        }
        let trail = article::trail(a, &self.date);
        let folder = &self.codes[code].folder;
        let path = article_path(folder, &trail, Some(&a.num), Some(&a.id));
        let line = serde_json::to_vec(&article::meta(a, path.clone()))
            .map_err(|e| writer.failed(e.into()))?;
        self.spool
            .write_all(a.body.as_bytes())
            .and_then(|()| self.spool.write_all(&line))
            .map_err(|e| writer.failed(e))?;
        self.pending.push(Pending {
            code,
            path,
            num: a.num.trim().to_owned(),
            cid: article::cid(a).to_owned(),
            ids: article::ids(a),
            body: a.body.len(),
            meta: line.len(),
        });
        Ok(())
    }

    /// A version not in force: its text under `.loi/versions/FOLDER/ID.html`.
    fn version(
        &mut self,
        code: usize,
        a: &read::Article,
        writer: &mut Writer,
    ) -> Result<(), ImportError> {
        let safe = !a.id.is_empty() && a.id.bytes().all(|b| b.is_ascii_alphanumeric());
        if !safe {
            return Ok(());
        }
        let dir = writer
            .stage
            .join(meta::DIR)
            .join(meta::VERSIONS)
            .join(&self.codes[code].folder);
        writer.folder(&dir)?;
        self.html.clear();
        links::rewrite(&a.body, &|_| None, &mut self.html);
        fs::write(dir.join(format!("{}.html", a.id)), &self.html).map_err(|e| writer.failed(e))?;
        self.versions += 1;
        Ok(())
    }

    /// `liste_suppression_legi.dat`: paths without `.xml`, split on white space;
    /// `null` and other lines that name no id are passed over.
    fn deletions(&mut self, bytes: &[u8]) {
        let text = String::from_utf8_lossy(bytes);
        for line in text.split_whitespace() {
            let id = line.rsplit('/').next().unwrap_or(line);
            let id = id.strip_suffix(".xml").unwrap_or(id);
            if id.starts_with("LEGIARTI") {
                self.deleted.insert(id.to_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entrys_name_says_which_codes_file_it_is() {
        let art = "legi/global/code_et_TNC_en_vigueur/code_en_vigueur/LEGI/TEXT/00/00/31/36/63/LEGITEXT000031366350/article/LEGI/ARTI/00/00/31/36/73/LEGIARTI000031367304.xml";
        let code = Place::Code {
            cid: "LEGITEXT000031366350",
            kind: "article",
        };
        assert_eq!(place(art), Some(code));
        assert!(place(&format!("20250715-213512/{art}")).is_some());
        assert!(place(&format!("./{art}")).is_some());
        assert_eq!(
            place("20250715-213512/liste_suppression_legi.dat"),
            Some(Place::Deletions)
        );
        for other in [
            "legi/../../loi-escape.xml",
            "legi/global/escape.xml",
            &art.replace("code_en_vigueur/", "TNC_en_vigueur/"),
            &art.replace("/LEGI/TEXT/00/00/31", "/LEGI/TEXT/../00/31"),
            "legi/global/code_et_TNC_en_vigueur/code_en_vigueur",
        ] {
            assert_eq!(place(other), None, "{other}");
        }
    }
}
