//! `loi import`: official open data → a mirror. Reads the Légifrance API's JSON as
//! `@socialgouv/legi-data` packages it (the package's `.tgz`, its folder, or its
//! `data/LEGITEXT*.json` files), streamed, in two passes: the first learns every
//! article's path and ids (so that links to later articles can be rewritten), the
//! second writes the new mirror beside the old one. An article whose file would not
//! change is linked from the old mirror, not written again; the new mirror then
//! takes the old one's place in one step. Codes not imported this time are kept.
//! Uses the mirror's slug rule; no terminal (the command line draws the progress).

pub mod error;
mod files;
mod legi;
mod legi_data;
mod links;
pub mod meta;
mod source;
mod staging;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Deserialize;

pub use error::ImportError;
use legi_data::{Date, Event, Flow, ReadError, Titled};
use meta::{ArticleMeta, ChangeMeta, CodeMeta, MirrorMeta, VersionMeta};
use source::Source;

/// What to import, and where.
pub struct Options<'a> {
    /// The mirror to make or update.
    pub into: PathBuf,
    /// Only these codes (title, folder name, LEGITEXT id or abbreviation); all when
    /// empty.
    pub codes: Vec<String>,
    pub sources: Vec<PathBuf>,
    /// Set (by Ctrl-C) to stop: the old mirror is left as it was.
    pub stop: &'a AtomicBool,
}

/// What an import tells as it goes.
pub trait Progress {
    /// Reading the sources for their articles' names and ids.
    fn reading(&mut self) {}
    /// Writing `total` articles.
    fn writing(&mut self, _total: u64) {}
    /// `n` more written.
    fn wrote(&mut self, _n: u64) {}
    /// The new mirror is in place (or the import stopped).
    fn done(&mut self) {}
}

/// No progress shown.
pub struct Quiet;
impl Progress for Quiet {}

/// What an import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub into: PathBuf,
    /// The codes imported.
    pub codes: Vec<CodeMeta>,
    /// The codes of the mirror left as they were.
    pub kept: Vec<String>,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Articles of the imported codes that the mirror had and the source no longer has.
    pub removed: usize,
    /// Articles of the source no longer in force (repealed, cancelled…), not written.
    pub not_in_force: usize,
    /// Articles of the codes kept whose links were rewritten to follow the import.
    pub relinked: usize,
    pub warnings: Vec<String>,
}

impl Summary {
    /// Articles written in all (new, changed and unchanged).
    pub fn articles(&self) -> usize {
        self.new + self.changed + self.unchanged
    }
}

/// States of a text that is no longer law: its articles are not written.
const DEAD: [&str; 6] = [
    "ABROGE",
    "ANNULE",
    "PERIME",
    "TRANSFERE",
    "DISJOINT",
    "MODIFIE_MORT_NE",
];

/// Imports `options.sources` into `options.into`.
pub fn run(options: &Options, progress: &mut dyn Progress) -> Result<Summary, ImportError> {
    let sources = source::open_all(&options.sources)?;
    let legi: Vec<source::Legi> = sources
        .iter()
        .filter_map(|s| match s {
            Source::Legi(l) => Some(l.clone()),
            _ => None,
        })
        .collect();
    if !legi.is_empty() {
        if legi.len() < sources.len() {
            return Err(ImportError::MixedSources);
        }
        return legi::run(options, progress, legi);
    }
    let target = &options.into;
    let old = Old::look(target)?;
    let stage = staging::Stage::begin(target)?;
    progress.reading();
    let mut plan = learn(&sources, &options.codes, options.stop)?;
    let imported: Vec<String> = plan.codes.iter().map(|c| c.3.clone()).collect();
    for folder in &old.codes {
        let kept = !imported.contains(folder);
        let code = old.code_id(folder).to_owned();
        meta::each_in_code(target, folder, &mut |a| {
            if kept {
                plan.remember_old(a);
            } else {
                plan.was(a, &code);
            }
        });
    }
    progress.writing(plan.articles as u64);
    let mut writer = Writer::new(stage.dir(), target, &plan);
    for (index, source) in sources.iter().enumerate() {
        source.each_code(&mut |label, input| {
            write_code(
                label,
                index,
                input,
                &plan,
                &mut writer,
                options.stop,
                progress,
            )
        })?;
    }
    let mut summary = writer.finish(&plan, &old)?;
    summary.into = target.clone();
    stage.commit()?;
    progress.done();
    Ok(summary)
}

/// What is known of the mirror being replaced.
struct Old {
    meta: Option<MirrorMeta>,
    /// Top-level entries of the old mirror (code folders and anything else).
    entries: Vec<String>,
    codes: Vec<String>,
}

impl Old {
    /// The LEGITEXT id of a code of the old mirror.
    fn code_id(&self, folder: &str) -> &str {
        self.meta
            .iter()
            .flat_map(|m| m.codes.iter())
            .find(|c| c.folder == folder)
            .map_or("", |c| c.id.as_str())
    }

    fn look(target: &Path) -> Result<Old, ImportError> {
        let meta = meta::read_mirror(target);
        let entries: Vec<String> = match fs::read_dir(target) {
            Ok(read) => read
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != meta::DIR)
                .collect(),
            Err(_) => Vec::new(),
        };
        // Never swap away a folder that holds something else than a mirror made here.
        if meta.is_none() && !entries.is_empty() {
            return Err(ImportError::NotAnImportedMirror(target.to_owned()));
        }
        let codes = meta
            .iter()
            .flat_map(|m| m.codes.iter().map(|c| c.folder.clone()))
            .collect();
        Ok(Old {
            meta,
            entries,
            codes,
        })
    }
}

/// A node's data as the first pass reads it: names and ids, no text.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Named {
    id: Option<String>,
    cid: Option<String>,
    title: Option<String>,
    num: Option<String>,
    etat: Option<String>,
    article_versions: Option<Vec<IdOnly>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdOnly {
    id: Option<String>,
}

impl Titled for Named {
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

/// A node's data as the second pass reads it: everything the mirror keeps.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Full {
    id: Option<String>,
    cid: Option<String>,
    title: Option<String>,
    num: Option<String>,
    etat: Option<String>,
    date_debut: Date,
    date_fin: Date,
    date_modif: Option<String>,
    texte_html: Option<String>,
    nota_html: Option<String>,
    article_versions: Option<Vec<Version>>,
    lien_modifications: Option<Vec<Change>>,
}

impl Titled for Full {
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Version {
    id: Option<String>,
    etat: Option<String>,
    date_debut: Date,
    date_fin: Date,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Change {
    text_cid: Option<String>,
    text_title: Option<String>,
    link_type: Option<String>,
    link_orientation: Option<String>,
    article_num: Option<String>,
    article_id: Option<String>,
    date_publi_texte: Date,
    date_signa_texte: Date,
    date_debut_cible: Date,
}

/// What the first pass learnt.
#[derive(Default)]
struct Plan {
    /// The codes to write (id, source index, source label, folder), each from the
    /// source first holding it.
    codes: Vec<(String, usize, String, String)>,
    /// Every path to write, once.
    paths: Vec<String>,
    /// LEGIARTI id (of the version, of the article, of each version) → path.
    /// (Keyed by [`key`]: 300,000 articles' ids as strings were tens of megabytes.)
    by_id: HashMap<u128, u32>,
    /// Paths the imported codes had and may no longer have → the Légifrance address
    /// a link to them had: what such a link in a kept code becomes again.
    was: HashMap<String, String>,
    articles: usize,
    not_in_force: usize,
    warnings: Vec<String>,
}

impl Plan {
    fn wanted(&self, code_id: &str, index: usize, label: &str) -> bool {
        self.codes
            .iter()
            .any(|(id, i, l, _)| id == code_id && *i == index && l == label)
    }

    fn remember(&mut self, mut path: String, ids: impl IntoIterator<Item = String>) {
        // Built by pushes: without this, up to twice its length is held per article.
        path.shrink_to_fit();
        let at = u32::try_from(self.paths.len()).unwrap_or(u32::MAX);
        self.paths.push(path);
        for id in ids {
            self.by_id.entry(key(&id)).or_insert(at);
        }
    }

    /// An article of a code kept from the old mirror: links to it become its path.
    fn remember_old(&mut self, a: ArticleMeta) {
        let ids = std::iter::once(a.id)
            .chain(std::iter::once(a.cid))
            .chain(a.versions.into_iter().map(|v| v.id));
        self.remember(a.path, ids);
    }

    fn path_of(&self, id: &str) -> Option<&str> {
        let at = *self.by_id.get(&key(id))?;
        self.paths.get(at as usize).map(String::as_str)
    }

    /// What a link's address becomes: the path of the article it names, when the
    /// mirror holds it.
    fn link(&self, href: &str) -> Option<String> {
        let path = self.path_of(links::article_id(href)?)?;
        Some(format!("/{path}"))
    }

    /// An article an imported code had before this import.
    fn was(&mut self, a: ArticleMeta, code: &str) {
        let href = format!(
            "/affichCodeArticle.do?cidTexte={code}&idArticle={}&dateTexte=&categorieLien=cid",
            a.id
        );
        self.was.insert(format!("/{}", a.path), href);
    }

    /// What a link of a kept code becomes: the path of an article now imported, or,
    /// for a path the import removed, the article's Légifrance address again.
    fn relink(&self, href: &str, paths: &HashSet<&str>) -> Option<String> {
        if let Some(new) = self.link(href) {
            return Some(new);
        }
        let path = href.strip_prefix('/')?;
        if path.ends_with(".md") && !paths.contains(path) {
            // Removed, or moved (its ids now lead to its new path).
            let legacy = self.was.get(href)?;
            return Some(self.link(legacy).unwrap_or_else(|| legacy.clone()));
        }
        None
    }
}

/// The first pass: which codes, which articles, their paths and ids.
fn learn(sources: &[Source], asked: &[String], stop: &AtomicBool) -> Result<Plan, ImportError> {
    let mut plan = Plan::default();
    let mut matched = vec![false; asked.len()];
    let mut seen_paths: HashSet<String> = HashSet::new();
    // Every code met, to name them when one asked for is not there.
    let mut held: Vec<String> = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        source.each_code(&mut |label, input| {
            let mut folder = String::new();
            let mut take = false;
            read_code::<Named>(label, input, &mut |event| {
                if stop.load(Ordering::Relaxed) {
                    return Err(ImportError::Interrupted);
                }
                match event {
                    Event::Code(code) => {
                        let id = code.id.clone().unwrap_or_default();
                        let title = code.title.clone().unwrap_or_default();
                        folder = crate::mirror::slug(&title);
                        held.push(folder.clone());
                        let hits: Vec<usize> = (0..asked.len())
                            .filter(|&i| names_code(&asked[i], &id, &title, &folder))
                            .collect();
                        for &i in &hits {
                            matched[i] = true;
                        }
                        take = asked.is_empty() || !hits.is_empty();
                        if take && plan.codes.iter().any(|(c, ..)| *c == id) {
                            plan.warnings.push(format!(
                                "{label}: {title} was already read from another source; this one is skipped"
                            ));
                            take = false;
                        }
                        if take {
                            plan.codes.push((id, index, label.to_owned(), folder.clone()));
                        }
                        Ok(if take { Flow::Go } else { Flow::Skip })
                    }
                    Event::Article(a, trail) => {
                        if is_dead(a.etat.as_deref()) {
                            plan.not_in_force += 1;
                            return Ok(Flow::Go);
                        }
                        let path = article_path(&folder, trail, a.num.as_deref(), a.id.as_deref());
                        if !seen_paths.insert(path.clone()) {
                            plan.warnings.push(format!(
                                "{label}: two articles would be {path}; the first is kept"
                            ));
                            return Ok(Flow::Go);
                        }
                        plan.articles += 1;
                        let versions = a.article_versions.unwrap_or_default();
                        let ids = a
                            .id
                            .into_iter()
                            .chain(a.cid)
                            .chain(versions.into_iter().filter_map(|v| v.id));
                        plan.remember(path, ids);
                        Ok(Flow::Go)
                    }
                }
            })
        })?;
    }
    if let Some(i) = matched.iter().position(|m| !m) {
        return Err(ImportError::NoSuchCode {
            asked: asked[i].clone(),
            held: held.join(", "),
        });
    }
    Ok(plan)
}

/// Reads one code's JSON, turning the reader's errors into the user's.
fn read_code<D: serde::de::DeserializeOwned + Titled>(
    label: &str,
    input: &mut dyn Read,
    on: &mut dyn FnMut(Event<'_, D>) -> Result<Flow, ImportError>,
) -> Result<(), ImportError> {
    legi_data::read(input, on).map_err(|e| match e {
        ReadError::Stopped(e) => e,
        ReadError::Shape(why) => ImportError::Shape {
            file: label.to_owned(),
            why,
        },
        ReadError::Io(why) => ImportError::CutShort {
            file: label.to_owned(),
            why,
        },
    })
}

fn is_dead(state: Option<&str>) -> bool {
    state.is_some_and(|s| DEAD.contains(&s))
}

/// Whether `asked` names the code: its LEGITEXT id, its folder, its title, or its
/// usual abbreviation (`C. trav.`, `CSS`).
fn names_code(asked: &str, id: &str, title: &str, folder: &str) -> bool {
    let asked = asked.trim();
    if asked.eq_ignore_ascii_case(id) {
        return true;
    }
    if crate::model::codes::by_abbreviation(asked)
        .is_some_and(|c| c.legitext == id || c.slug == folder)
    {
        return true;
    }
    let wanted = crate::mirror::slug(asked);
    !wanted.is_empty() && (wanted == folder || wanted == crate::mirror::slug(title))
}

/// `FOLDER/section/…/num.md`: the code's folder, a slug per section title, the
/// number's slug. A title or number with nothing to slug is named by what is left:
/// the section's place, the article's id.
fn article_path(folder: &str, trail: &[String], num: Option<&str>, id: Option<&str>) -> String {
    // The articles of a section come one after the other: its folders are slugged
    // once, not once per article (they were a tenth of an import).
    thread_local! {
        static LAST: std::cell::RefCell<(String, Vec<String>, String)> =
            const { std::cell::RefCell::new((String::new(), Vec::new(), String::new())) };
    }
    let mut path = LAST.with_borrow_mut(|(last_folder, last_trail, prefix)| {
        if last_folder != folder || last_trail.as_slice() != trail {
            prefix.clear();
            prefix.push_str(folder);
            for title in trail {
                let s = crate::mirror::slug(title);
                prefix.push('/');
                prefix.push_str(if s.is_empty() { "sans-titre" } else { &s });
            }
            folder.clone_into(last_folder);
            trail.clone_into(last_trail);
        }
        prefix.clone()
    });
    let mut file = crate::mirror::slug(num.unwrap_or_default().trim());
    if file.is_empty() {
        file = id.unwrap_or("article").to_ascii_lowercase();
    }
    path.push('/');
    path.push_str(&file);
    path.push_str(".md");
    path
}

/// The second pass over one code: its articles written, its metadata beside them.
fn write_code(
    label: &str,
    index: usize,
    input: &mut dyn Read,
    plan: &Plan,
    writer: &mut Writer,
    stop: &AtomicBool,
    progress: &mut dyn Progress,
) -> Result<(), ImportError> {
    let mut code: Option<(CodeMeta, BufWriter<fs::File>)> = None;
    let mut count = 0u64;
    read_code::<Full>(label, input, &mut |event| {
        if stop.load(Ordering::Relaxed) {
            return Err(ImportError::Interrupted);
        }
        match event {
            Event::Code(c) => {
                let id = c.id.clone().unwrap_or_default();
                if !plan.wanted(&id, index, label) {
                    return Ok(Flow::Skip);
                }
                let title = c.title.clone().unwrap_or_default();
                let folder = crate::mirror::slug(&title);
                let lines = writer.code_file(&folder)?;
                code = Some((
                    CodeMeta {
                        id,
                        title,
                        folder,
                        articles: 0,
                        data_date: c.date_modif.clone(),
                        source: label.to_owned(),
                    },
                    lines,
                ));
                Ok(Flow::Go)
            }
            Event::Article(a, trail) => {
                let Some((meta, lines)) = code.as_mut() else {
                    return Ok(Flow::Go);
                };
                if is_dead(a.etat.as_deref()) {
                    return Ok(Flow::Go);
                }
                let path = article_path(&meta.folder, trail, a.num.as_deref(), a.id.as_deref());
                if !writer.claim(&path) {
                    return Ok(Flow::Go);
                }
                let num = a.num.as_deref().unwrap_or_default().trim().to_owned();
                writer.article(&path, &num, a.texte_html.as_deref().unwrap_or(""), plan)?;
                meta.articles += 1;
                let line = article_meta(path, num, a);
                serde_json::to_writer(&mut *lines, &line)
                    .map_err(std::io::Error::from)
                    .and_then(|()| lines.write_all(b"\n"))
                    .map_err(|e| writer.failed(e))?;
                count += 1;
                if count.is_multiple_of(64) {
                    progress.wrote(64);
                }
                Ok(Flow::Go)
            }
        }
    })?;
    progress.wrote(count % 64);
    if let Some((meta, mut lines)) = code {
        lines.flush().map_err(|e| writer.failed(e))?;
        writer.codes.push(meta);
    }
    Ok(())
}

fn article_meta(path: String, num: String, a: Full) -> ArticleMeta {
    ArticleMeta {
        path,
        num,
        id: a.id.unwrap_or_default(),
        cid: a.cid.unwrap_or_default(),
        state: a.etat,
        since: a.date_debut.0,
        until: a.date_fin.0,
        nota: a.nota_html.filter(|n| !n.trim().is_empty()),
        versions: a
            .article_versions
            .unwrap_or_default()
            .into_iter()
            .map(|v| VersionMeta {
                id: v.id.unwrap_or_default(),
                state: v.etat,
                since: v.date_debut.0,
                until: v.date_fin.0,
            })
            .collect(),
        citations: Vec::new(),
        changed_by: a
            .lien_modifications
            .unwrap_or_default()
            .into_iter()
            .map(|c| ChangeMeta {
                kind: c.link_type.unwrap_or_default(),
                orientation: c.link_orientation,
                title: c.text_title,
                text: c.text_cid,
                article: c.article_num,
                article_id: c.article_id,
                published: c.date_publi_texte.0,
                signed: c.date_signa_texte.0,
                effective: c.date_debut_cible.0,
            })
            .collect(),
    }
}

/// Writes the new mirror in the stage folder.
struct Writer {
    stage: PathBuf,
    old: PathBuf,
    made: HashSet<PathBuf>,
    /// The paths claimed, by [`key`] (the paths themselves are in the plan).
    written: HashSet<u128>,
    codes: Vec<CodeMeta>,
    /// The article files, written by a thread of their own.
    files: files::Files,
    /// Articles kept from the old mirror whose links were rewritten.
    relinked: usize,
    /// Articles a daily archive left alone, linked from the old mirror (the others
    /// are counted by the writer thread).
    unchanged: usize,
    /// The LEGI archive applied, for `mirror.json`.
    legi: Option<String>,
}

impl Writer {
    fn new(stage: &Path, old: &Path, plan: &Plan) -> Writer {
        Writer {
            stage: stage.to_owned(),
            old: old.to_owned(),
            made: HashSet::new(),
            written: HashSet::with_capacity(plan.articles),
            codes: Vec::new(),
            files: files::Files::start(stage, old),
            relinked: 0,
            unchanged: 0,
            legi: None,
        }
    }

    fn failed(&self, e: std::io::Error) -> ImportError {
        ImportError::writing(&self.stage, e)
    }

    /// Whether `path` is still free (the first of two articles with one path wins).
    fn claim(&mut self, path: &str) -> bool {
        self.written.insert(key(path))
    }

    fn folder(&mut self, dir: &Path) -> Result<(), ImportError> {
        if !self.made.contains(dir) {
            fs::create_dir_all(dir).map_err(|e| self.failed(e))?;
            self.made.insert(dir.to_owned());
        }
        Ok(())
    }

    fn code_file(&mut self, folder: &str) -> Result<BufWriter<fs::File>, ImportError> {
        let dir = self.stage.join(meta::DIR).join("codes");
        self.folder(&dir)?;
        let f =
            fs::File::create(dir.join(format!("{folder}.jsonl"))).map_err(|e| self.failed(e))?;
        Ok(BufWriter::new(f))
    }

    /// Writes one article, or links the old mirror's file when it holds these bytes.
    fn article(
        &mut self,
        path: &str,
        num: &str,
        html: &str,
        plan: &Plan,
    ) -> Result<(), ImportError> {
        let mut text = String::with_capacity(html.len() + 32);
        text.push_str("# Article ");
        text.push_str(num);
        text.push_str("\n\n");
        links::rewrite(html, &|href| plan.link(href), &mut text);
        if self.files.send(path.to_owned(), text) {
            return Ok(());
        }
        // The writer stopped: its error is the one to tell.
        let files = std::mem::replace(&mut self.files, files::Files::idle());
        Err(match files.finish() {
            Err(e) => self.failed(e),
            Ok(_) => self.failed(std::io::Error::other("the writer thread stopped")),
        })
    }

    /// Keeps what the old mirror had besides the codes imported, counts what the
    /// imported codes lost, and writes `.loi/mirror.json`.
    fn finish(mut self, plan: &Plan, old: &Old) -> Result<Summary, ImportError> {
        let files = std::mem::replace(&mut self.files, files::Files::idle());
        let counts = files.finish().map_err(|e| self.failed(e))?;
        let imported: HashSet<&str> = self.codes.iter().map(|c| c.folder.as_str()).collect();
        let mut kept = Vec::new();
        let paths: HashSet<&str> = plan.paths.iter().map(String::as_str).collect();
        let mut relinked = self.relinked;
        for entry in &old.entries {
            if imported.contains(entry.as_str()) {
                continue;
            }
            let (from, to) = (self.old.join(entry), self.stage.join(entry));
            let done = if old.codes.contains(entry) {
                // A code kept: its links follow the codes imported beside it.
                relink_tree(&from, &to, &|href| plan.relink(href, &paths), &mut relinked)
            } else {
                link_tree(&from, &to)
            };
            done.map_err(|e| self.failed(e))?;
            kept.push(entry.clone());
        }
        let mut removed = 0;
        for folder in &imported {
            count_files(&self.old.join(folder), folder, &mut |rel| {
                if !self.written.contains(&key(rel)) {
                    removed += 1;
                }
            });
        }
        let mut codes: Vec<CodeMeta> = old
            .meta
            .iter()
            .flat_map(|m| m.codes.iter())
            .filter(|c| kept.contains(&c.folder))
            .cloned()
            .collect();
        for code in &codes {
            let name = format!("{}.jsonl", code.folder);
            let from = self.old.join(meta::DIR).join("codes").join(&name);
            let to = self.stage.join(meta::DIR).join("codes").join(&name);
            self.folder(&self.stage.join(meta::DIR).join("codes"))?;
            fs::hard_link(&from, &to)
                .or_else(|_| fs::copy(&from, &to).map(|_| ()))
                .map_err(|e| self.failed(e))?;
            // Its versions' texts (LEGI), when it has them.
            let versions = self.old.join(meta::DIR).join(meta::VERSIONS);
            if versions.join(&code.folder).is_dir() {
                let to = self.stage.join(meta::DIR).join(meta::VERSIONS);
                self.folder(&to)?;
                link_tree(&versions.join(&code.folder), &to.join(&code.folder))
                    .map_err(|e| self.failed(e))?;
            }
        }
        codes.extend(self.codes.iter().cloned());
        let mirror = MirrorMeta {
            format: 1,
            generation: old.meta.as_ref().map_or(0, |m| m.generation) + 1,
            imported: today(),
            codes,
            legi: self
                .legi
                .clone()
                .or_else(|| old.meta.as_ref().and_then(|m| m.legi.clone())),
        };
        self.folder(&self.stage.join(meta::DIR))?;
        let json = serde_json::to_vec_pretty(&mirror).map_err(std::io::Error::from);
        json.and_then(|j| fs::write(self.stage.join(meta::DIR).join("mirror.json"), j))
            .map_err(|e| self.failed(e))?;
        Ok(Summary {
            into: PathBuf::new(),
            codes: self.codes,
            kept: kept
                .into_iter()
                .filter(|k| mirror.codes.iter().any(|c| &c.folder == k))
                .collect(),
            new: counts.new,
            changed: counts.changed,
            unchanged: counts.unchanged + self.unchanged,
            removed,
            relinked,
            not_in_force: plan.not_in_force,
            warnings: plan.warnings.clone(),
        })
    }
}

/// Recreates `from`'s folders under `to` and hard-links its files (copies where a
/// link cannot be made); symlinks are not followed.
fn link_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    let kind = fs::symlink_metadata(from)?.file_type();
    if kind.is_file() {
        return fs::hard_link(from, to).or_else(|_| fs::copy(from, to).map(|_| ()));
    }
    if !kind.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        link_tree(&entry.path(), &to.join(entry.file_name()))?;
    }
    Ok(())
}

/// As [`link_tree`], but each article's links are rewritten by `target` first: a file
/// that changes is written anew (and counted), the others linked.
fn relink_tree(
    from: &Path,
    to: &Path,
    target: &dyn Fn(&str) -> Option<String>,
    relinked: &mut usize,
) -> std::io::Result<()> {
    let kind = fs::symlink_metadata(from)?.file_type();
    if kind.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            relink_tree(&entry.path(), &to.join(entry.file_name()), target, relinked)?;
        }
        return Ok(());
    }
    let is_article = from.extension().is_some_and(|e| e == "md");
    if kind.is_file() && is_article {
        let bytes = fs::read(from)?;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let mut out = String::with_capacity(text.len());
            links::rewrite(text, target, &mut out);
            if out != text {
                *relinked += 1;
                return fs::write(to, out);
            }
        }
    }
    link_tree(from, to)
}

/// Calls `f` with the path (from the mirror's root) of every file under `dir`.
fn count_files(dir: &Path, rel: &str, f: &mut dyn FnMut(&str)) {
    let Ok(read) = fs::read_dir(dir) else {
        return;
    };
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = format!("{rel}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => count_files(&entry.path(), &child, f),
            Ok(t) if t.is_file() => f(&child),
            _ => {}
        }
    }
}

/// A string's 128-bit hash: what the sets of paths and ids keep instead of the
/// strings (two SipHashes of it; a collision among a few million strings has odds
/// of about 10⁻²⁶).
fn key(s: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |seed: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        s.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Today (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    legi_data::iso_day(i64::try_from(secs / 86_400).unwrap_or(0))
}
