//! One LEGI XML file, read with quick-xml from its bytes: what an article, a section
//! or a text's version says that the mirror keeps. The file is checked as it is read:
//! a DOCTYPE (hence any entity declaration) is refused, never expanded nor fetched; a
//! root that is not one of LEGI's four, or a file that ends inside an element, is an
//! error. Text is taken from the bytes between a start and its end tag, so that
//! `CONTENU`'s HTML comes out as DILA wrote it (docs/LEGI.md, « The HTML in CONTENU »).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// What a file holds, by its root element.
pub enum Doc {
    Article(Box<Article>),
    /// `TEXTE_VERSION`: the text's title and the date of its data.
    Version {
        title: Option<String>,
        modified: Option<String>,
    },
    /// `SECTION_TA`, `TEXTELR`: read to check them; the mirror's folders come from
    /// each article's own context.
    Other,
}

/// Why a file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum XmlError {
    /// It declares a DOCTYPE (and so, maybe, entities).
    Doctype,
    /// Its root is not `ARTICLE`, `SECTION_TA`, `TEXTELR` nor `TEXTE_VERSION`.
    Root(String),
    /// Not well-formed, or cut short: what and where.
    Bad(String),
}

/// Something with dates, as LEGI dates titles and versions: `[debut, fin)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dated {
    pub debut: String,
    pub fin: String,
    pub text: String,
}

/// A `VERSIONS/VERSION/LIEN_ART`.
#[derive(Debug, Clone, Default)]
pub struct Version {
    pub id: String,
    pub state: String,
    pub debut: String,
    pub fin: String,
}

/// A `LIENS/LIEN`: its attributes and its text.
#[derive(Debug, Clone, Default)]
pub struct Lien {
    pub kind: String,
    pub sens: String,
    pub text_cid: String,
    pub id: String,
    pub num: String,
    pub signed: String,
    pub title: String,
}

/// One article version file.
#[derive(Debug, Default)]
pub struct Article {
    pub id: String,
    pub num: String,
    pub state: String,
    pub debut: String,
    pub fin: String,
    /// `CONTEXTE/TEXTE/@cid`.
    pub text_cid: String,
    /// `CONTEXTE/TEXTE/TITRE_TXT`, each with its dates.
    pub titles: Vec<Dated>,
    /// `CONTEXTE/TEXTE/TM…`: per level, outermost first, the `TITRE_TM`s of that level.
    pub sections: Vec<Vec<Dated>>,
    pub versions: Vec<Version>,
    /// `NOTA/CONTENU` and `BLOC_TEXTUEL/CONTENU`, as the mirror keeps HTML.
    pub nota: String,
    pub body: String,
    pub liens: Vec<Lien>,
}

const ROOTS: [&str; 4] = ["ARTICLE", "SECTION_TA", "TEXTELR", "TEXTE_VERSION"];

/// Reads one file's bytes.
pub fn read(bytes: &[u8]) -> Result<Doc, XmlError> {
    let mut r = Reader::from_reader(bytes);
    r.config_mut().trim_text(false);
    let mut stack: Vec<String> = Vec::new();
    let mut root = String::new();
    let mut a = Article::default();
    let (mut title, mut modified) = (None, None);
    // Where the text of the element being read starts, and the attributes of a LIEN
    // or a TITRE_* met at its start.
    let mut text_at = 0usize;
    // Where the `CONTENU` being read starts: its HTML holds elements of its own.
    let mut contenu_at: Option<usize> = None;
    let mut dated = Dated::default();
    let mut lien = Lien::default();
    loop {
        let before = pos(&r);
        let event = r
            .read_event()
            .map_err(|e| XmlError::Bad(format!("{e}, at byte {}", r.error_position())))?;
        match event {
            Event::DocType(_) => return Err(XmlError::Doctype),
            Event::Start(s) => {
                let n = name(&s);
                if stack.is_empty() {
                    take_root(&mut root, &n)?;
                    stack.push(n);
                    continue;
                }
                text_at = pos(&r);
                if contenu_at.is_some() {
                    stack.push(n);
                    continue;
                }
                match n.as_str() {
                    "CONTENU" => contenu_at = Some(text_at),
                    "TITRE_TXT" | "TITRE_TM" => dated = dates(&s),
                    "TM" => a.sections.push(Vec::new()),
                    "LIEN" => lien = lien_of(&s),
                    "TEXTE" if parent(&stack) == "CONTEXTE" => a.text_cid = attr(&s, "cid"),
                    _ => {}
                }
                stack.push(n);
            }
            Event::Empty(s) => {
                if stack.is_empty() {
                    take_root(&mut root, &name(&s))?;
                    continue;
                }
                if name(&s) == "LIEN_ART" && parent(&stack) == "VERSION" {
                    a.versions.push(Version {
                        id: attr(&s, "id"),
                        state: attr(&s, "etat"),
                        debut: attr(&s, "debut"),
                        fin: attr(&s, "fin"),
                    });
                }
            }
            Event::End(_) => {
                let Some(n) = stack.pop() else {
                    return Err(XmlError::Bad("an end tag with no start".into()));
                };
                let mut raw = bytes.get(text_at..before).unwrap_or_default();
                if n == "CONTENU" {
                    let at = contenu_at.take().unwrap_or(text_at);
                    raw = bytes.get(at..before).unwrap_or_default();
                }
                let up = parent(&stack);
                match (root.as_str(), up, n.as_str()) {
                    ("ARTICLE", "META_COMMUN", "ID") => a.id = text(raw),
                    ("ARTICLE", "META_ARTICLE", "NUM") => a.num = text(raw),
                    ("ARTICLE", "META_ARTICLE", "ETAT") => a.state = text(raw),
                    ("ARTICLE", "META_ARTICLE", "DATE_DEBUT") => a.debut = text(raw),
                    ("ARTICLE", "META_ARTICLE", "DATE_FIN") => a.fin = text(raw),
                    ("ARTICLE", "TEXTE", "TITRE_TXT") => {
                        dated.text = text(raw);
                        a.titles.push(std::mem::take(&mut dated));
                    }
                    ("ARTICLE", "TM", "TITRE_TM") => {
                        dated.text = text(raw);
                        if let Some(level) = a.sections.last_mut() {
                            level.push(std::mem::take(&mut dated));
                        }
                    }
                    ("ARTICLE", "NOTA", "CONTENU") => a.nota = html(raw),
                    ("ARTICLE", "BLOC_TEXTUEL", "CONTENU") => a.body = html(raw),
                    ("ARTICLE", "LIENS", "LIEN") => {
                        lien.title = text(raw);
                        a.liens.push(std::mem::take(&mut lien));
                    }
                    ("TEXTE_VERSION", "META_TEXTE_VERSION", "TITRE") => title = Some(text(raw)),
                    ("TEXTE_VERSION", "META_TEXTE_CHRONICLE", "DERNIERE_MODIFICATION") => {
                        modified = Some(text(raw));
                    }
                    _ => {}
                }
                // A TM closes after its TITRE_TM and nested TMs: its level stays.
                text_at = pos(&r);
            }
            Event::Eof => {
                if let Some(open) = stack.last() {
                    return Err(XmlError::Bad(format!(
                        "the file ends inside <{open}> (cut short?)"
                    )));
                }
                break;
            }
            _ => {}
        }
    }
    Ok(match root.as_str() {
        "" => return Err(XmlError::Bad("no root element".into())),
        "ARTICLE" => Doc::Article(Box::new(a)),
        "TEXTE_VERSION" => Doc::Version { title, modified },
        _ => Doc::Other,
    })
}

fn pos(r: &Reader<&[u8]>) -> usize {
    usize::try_from(r.buffer_position()).unwrap_or(usize::MAX)
}

/// The root element, once: LEGI's four only.
fn take_root(root: &mut String, name: &str) -> Result<(), XmlError> {
    if !root.is_empty() {
        return Err(XmlError::Bad("a second root element".into()));
    }
    if !ROOTS.contains(&name) {
        return Err(XmlError::Root(name.to_owned()));
    }
    name.clone_into(root);
    Ok(())
}

fn parent(stack: &[String]) -> &str {
    stack.last().map_or("", String::as_str)
}

fn name(s: &BytesStart<'_>) -> String {
    s.name().as_ref().to_owned()
}

/// An attribute's value, entities decoded; empty when absent.
fn attr(s: &BytesStart<'_>, key: &str) -> String {
    s.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| unescape(&a.value))
        .unwrap_or_default()
}

fn dates(s: &BytesStart<'_>) -> Dated {
    Dated {
        debut: attr(s, "debut"),
        fin: attr(s, "fin"),
        text: String::new(),
    }
}

fn lien_of(s: &BytesStart<'_>) -> Lien {
    Lien {
        kind: attr(s, "typelien"),
        sens: attr(s, "sens"),
        text_cid: attr(s, "cidtexte"),
        id: attr(s, "id"),
        num: attr(s, "num"),
        signed: attr(s, "datesignatexte"),
        title: String::new(),
    }
}

/// An element's text: tags dropped, entities decoded, white space as written.
fn text(raw: &[u8]) -> String {
    let raw = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(raw.len());
    for (i, part) in split_tags(&raw).enumerate() {
        if i % 2 == 0 {
            out.push_str(&unescape(part));
        }
    }
    out
}

/// `CONTENU`'s inner markup as the mirror keeps it: tags as written, text decoded,
/// less the line break (and its indentation) DILA puts after `<CONTENU>` and before
/// `</CONTENU>`; an anchor keeps only its `href`, decoded (`&amp;` is `&` in the
/// corpus's addresses), in single quotes as `links.rs` writes it.
pub fn html(raw: &[u8]) -> String {
    let raw = String::from_utf8_lossy(raw);
    let mut out = String::with_capacity(raw.len());
    for (i, part) in split_tags(&raw).enumerate() {
        if i % 2 == 0 {
            out.push_str(&unescape(part));
        } else if let Some(href) = crate::mirror::import::links::href(part) {
            out.push_str("<a href='");
            out.push_str(&unescape(href).replace('\'', "&#39;"));
            out.push_str("'>");
        } else {
            out.push_str(part);
        }
    }
    trim_indent(out)
}

/// Drops `\A\r?\n[ \t]*` and `\r?\n[ \t]*\z`.
fn trim_indent(mut s: String) -> String {
    let tail = s.trim_end_matches([' ', '\t']).len();
    let bytes = s.as_bytes();
    if tail > 0 && bytes[tail - 1] == b'\n' {
        let cut = if tail > 1 && bytes[tail - 2] == b'\r' {
            tail - 2
        } else {
            tail - 1
        };
        s.truncate(cut);
    }
    let head = if s.starts_with("\r\n") {
        2
    } else {
        usize::from(s.starts_with('\n'))
    };
    if head > 0 {
        let rest = s[head..].trim_start_matches([' ', '\t']);
        return rest.to_owned();
    }
    s
}

/// Text and tags in turn: text, `<tag>`, text, … (the first and last may be empty).
fn split_tags(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    let mut in_tag = false;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        if in_tag {
            in_tag = false;
            let end = rest.find('>').map_or(rest.len(), |i| i + 1);
            let (tag, after) = rest.split_at(end);
            rest = after;
            return Some(tag);
        }
        match rest.find('<') {
            Some(i) => {
                let (t, after) = rest.split_at(i);
                rest = after;
                in_tag = true;
                Some(t)
            }
            None => {
                done = true;
                Some(rest)
            }
        }
    })
}

/// XML's five entities and character references decoded; anything else (an entity
/// no DTD declares here) is left as written: never expanded.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.find(';').filter(|&e| e <= 10).and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let n = if let Some(hex) = name.strip_prefix("#x") {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    n.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
