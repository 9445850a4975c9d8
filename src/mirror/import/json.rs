//! The legi-data JSON, in two passes: [`learn`] reads names and ids into the
//! [`Plan`], [`write_code`] reads each code again and hands its articles, their links
//! rewritten, to the [`Writer`], with their metadata beside them.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Deserialize;

use super::legi_data::{self, Date, Event, Flow, ReadError, Titled};
use super::meta::{ArticleMeta, ChangeMeta, CodeMeta, VersionMeta};
use super::plan::{Plan, article_path, is_dead, names_code};
use super::source::Source;
use super::writer::{CodeLines, Writer};
use super::{ImportError, Progress};

/// A node's data as the first pass reads it: names and ids, no text.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Named {
    pub(super) id: Option<String>,
    pub(super) cid: Option<String>,
    pub(super) title: Option<String>,
    pub(super) num: Option<String>,
    pub(super) etat: Option<String>,
    pub(super) article_versions: Option<Vec<IdOnly>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct IdOnly {
    pub(super) id: Option<String>,
}

impl Titled for Named {
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

/// A node's data as the second pass reads it: everything the mirror keeps.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Full {
    pub(super) id: Option<String>,
    pub(super) cid: Option<String>,
    pub(super) title: Option<String>,
    pub(super) num: Option<String>,
    pub(super) etat: Option<String>,
    pub(super) date_debut: Date,
    pub(super) date_fin: Date,
    pub(super) date_modif: Option<String>,
    pub(super) texte_html: Option<String>,
    pub(super) nota_html: Option<String>,
    pub(super) article_versions: Option<Vec<Version>>,
    pub(super) lien_modifications: Option<Vec<Change>>,
}

impl Titled for Full {
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Version {
    pub(super) id: Option<String>,
    pub(super) etat: Option<String>,
    pub(super) date_debut: Date,
    pub(super) date_fin: Date,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Change {
    pub(super) text_cid: Option<String>,
    pub(super) text_title: Option<String>,
    pub(super) link_type: Option<String>,
    pub(super) link_orientation: Option<String>,
    pub(super) article_num: Option<String>,
    pub(super) article_id: Option<String>,
    pub(super) date_publi_texte: Date,
    pub(super) date_signa_texte: Date,
    pub(super) date_debut_cible: Date,
}

/// The first pass: which codes, which articles, their paths and ids.
pub(super) fn learn(
    sources: &[Source],
    asked: &[String],
    stop: &AtomicBool,
) -> Result<Plan, ImportError> {
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
                            plan.warnings.push(crate::trf!(
                                "{label}: {title} was already read from another source; this one is skipped",
                                "{label} : {title} a déjà été lu dans une autre source ; celle-ci est sautée"
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
                            plan.warnings.push(crate::trf!(
                                "{label}: two articles would be {path}; the first is kept",
                                "{label} : deux articles seraient {path} ; le premier est gardé"
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
pub(super) fn read_code<D: serde::de::DeserializeOwned + Titled>(
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

/// The second pass over one code: its articles written, its metadata beside them.
pub(super) fn write_code(
    label: &str,
    index: usize,
    input: &mut dyn Read,
    plan: &Plan,
    writer: &mut Writer,
    stop: &AtomicBool,
    progress: &mut dyn Progress,
) -> Result<(), ImportError> {
    let mut code: Option<(CodeMeta, CodeLines)> = None;
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
    if let Some((meta, lines)) = code {
        lines.finish().map_err(|e| writer.failed(e))?;
        writer.codes.push(meta);
    }
    Ok(())
}

pub(super) fn article_meta(path: String, num: String, a: Full) -> ArticleMeta {
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
