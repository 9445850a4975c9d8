//! What a mirror made by `loi import` keeps beside its articles, in `.loi/` (hidden,
//! so that nothing reading articles walks it): `mirror.json` (the codes, where they
//! came from, the date of their data, a generation that each import bumps) and, per
//! code, `codes/FOLDER.jsonl`: one JSON object per article (ids, state, dates, Nota,
//! versions, the texts that made or changed it, and, from LEGI, the texts it cites or
//! that cite it). A mirror made from DILA's LEGI archives also keeps, in
//! `versions/FOLDER/LEGIARTI….html`, the text of every version of its articles that
//! is not the one in force (past `MODIFIE` ones, future `VIGUEUR_DIFF` ones), named by
//! the version's id as `versions` lists it, in the mirror's HTML (anchors keep only
//! their `href`, as Légifrance wrote it). The README's « Corpus format » says the same
//! for users. A mirror without `.loi/` reads as before.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The folder of the metadata, under the mirror's root.
pub const DIR: &str = ".loi";

/// The folder of the versions' texts, under [`DIR`].
pub const VERSIONS: &str = "versions";

/// `.loi/mirror.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MirrorMeta {
    /// This layout's version: 1.
    pub format: u32,
    /// One more at each import: the caches of the mirror are stamped with it.
    pub generation: u64,
    /// When the last import ran (UTC, `YYYY-MM-DD`).
    pub imported: String,
    pub codes: Vec<CodeMeta>,
    /// The timestamp (`20250715-213512`) of the last LEGI archive applied: a daily
    /// archive applies only on a mirror made from LEGI, after the ones before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legi: Option<String>,
}

/// One code of the mirror.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CodeMeta {
    /// `LEGITEXT000006072050`.
    pub id: String,
    pub title: String,
    /// The code's folder: `code-du-travail`.
    pub folder: String,
    pub articles: usize,
    /// The date the data was consolidated, as the source says (`dateModif`).
    pub data_date: Option<String>,
    /// The file it was imported from.
    pub source: String,
}

/// One line of `.loi/codes/FOLDER.jsonl`: an article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// From the mirror's root: `code-du-travail/…/l6123-1.md`.
    pub path: String,
    pub num: String,
    /// The LEGIARTI id of this version.
    pub id: String,
    /// The LEGIARTI id of its first version: the same article through its versions.
    pub cid: String,
    /// As LEGI says: `VIGUEUR`, `ABROGE_DIFF`, `VIGUEUR_DIFF`, `MODIFIE`…
    pub state: Option<String>,
    /// In force from (ISO date).
    pub since: Option<String>,
    /// In force until (ISO date); `None` for no end.
    pub until: Option<String>,
    /// The Nota, as HTML; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nota: Option<String>,
    #[serde(default)]
    pub versions: Vec<VersionMeta>,
    /// The texts that created, changed or codified this version.
    #[serde(default)]
    pub changed_by: Vec<ChangeMeta>,
    /// From LEGI: its `CITATION` links (`kind` `CITATION`; `orientation` `source`: it
    /// cites the text or article named, `cible`: it is cited by it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<ChangeMeta>,
}

/// One version of an article (its text is not in the legi-data source; from LEGI it
/// is in `versions/FOLDER/ID.html` unless it is the version in force).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct VersionMeta {
    pub id: String,
    pub state: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// A text that acted on the article: `CREE`, `MODIFIE`, `CODIFICATION`, `ABROGE`…
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ChangeMeta {
    /// The link's type, as LEGI writes it.
    pub kind: String,
    /// `cible` (the text acted on this article) or `source`.
    pub orientation: Option<String>,
    /// `LOI n°2018-771 du 5 septembre 2018 - art. 36 (V)`.
    pub title: Option<String>,
    /// The text's id: `JORFTEXT…`.
    pub text: Option<String>,
    /// Its article's number and id.
    pub article: Option<String>,
    pub article_id: Option<String>,
    /// Published in the Journal officiel.
    pub published: Option<String>,
    /// Signed.
    pub signed: Option<String>,
    /// Took effect on this article.
    pub effective: Option<String>,
}

/// Whether `root` is a mirror `loi import` made: one look, nothing read (asked at
/// every start without a mirror named).
pub fn is_imported(root: &Path) -> bool {
    root.join(DIR).join("mirror.json").is_file()
}

/// The mirror's `.loi/mirror.json`, when it has one that reads.
pub fn read_mirror(root: &Path) -> Option<MirrorMeta> {
    let bytes = std::fs::read(root.join(DIR).join("mirror.json")).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The generation of the mirror at `root` (0 when it was not imported): what the
/// caches of its index are stamped with, besides its files' names.
pub fn generation(root: &Path) -> u64 {
    #[derive(Deserialize)]
    struct Only {
        generation: u64,
    }
    std::fs::read(root.join(DIR).join("mirror.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Only>(&b).ok())
        .map_or(0, |o| o.generation)
}

/// The articles of one code of an imported mirror, as its metadata lists them.
pub fn read_code(root: &Path, folder: &str) -> Vec<ArticleMeta> {
    let mut all = Vec::new();
    each_in_code(root, folder, &mut |a| all.push(a));
    all
}

/// Calls `f` with each article of one code's metadata, a line at a time (a large
/// code's metadata is never held whole). A line that does not read is skipped.
pub fn each_in_code(root: &Path, folder: &str, f: &mut dyn FnMut(ArticleMeta)) {
    use std::io::BufRead;
    let file = root.join(DIR).join("codes").join(format!("{folder}.jsonl"));
    let Ok(file) = std::fs::File::open(file) else {
        return;
    };
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        if let Ok(a) = serde_json::from_str(&line) {
            f(a);
        }
    }
}
