//! Articles named on the command line, read one way for the reader and for every
//! subcommand: a path to an article's file, or a number, after its code's name when
//! several codes have it (`code-de-la-securite-sociale L161-1`). A code's name applies
//! to the numbers after it, until another code's name.

use std::path::Path;

use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::model::article::citation::typed::{self, CodeNamed, Typed};
use crate::model::article::enumeration::Marker;
use crate::model::article::{Article, Citations};
use crate::model::codes;

/// One article as the command line names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named<'a> {
    /// A path to its `.md` file, from the current folder or from the mirror's root.
    Path(&'a str),
    /// A number (`L6123-1`, `l. 6123-1`), in the code named before it or in its
    /// citation (the mirror's folder), if one was; with the point a citation names.
    Number {
        code: Option<String>,
        num: String,
        point: Vec<Marker>,
    },
}

impl Named<'_> {
    /// The article's path in the mirror.
    pub fn path(&self, mirror: &Mirror) -> Result<String, Error> {
        match self {
            Named::Path(arg) => path_in(mirror, arg),
            Named::Number { code, num, .. } => mirror.find_number(code.as_deref(), num),
        }
    }

    /// The point inside the article a citation names (`L. 1233-3, 2°`), outermost first.
    pub fn point(&self) -> &[Marker] {
        match self {
            Named::Path(_) => &[],
            Named::Number { point, .. } => point,
        }
    }
}

/// The articles `args` name, in order. A code's folder name is no article: it applies
/// to the numbers after it (not to paths, which say their code), until the next code's
/// name; one that no number follows is an error in its place, so that `loi print` can
/// say it and go on with the rest. Other words are citations as lawyers write them,
/// one argument or several words (`art. L. 1234-9 C. trav.`, `CSS L. 242-1`: see
/// [`typed::split`]), each naming its own code or none.
pub fn read<'a>(mirror: &Mirror, args: &'a [String]) -> Vec<Result<Named<'a>, Error>> {
    let mut out = Vec::new();
    let mut code: Option<&str> = None;
    let mut code_used = true;
    let mut words: Vec<&str> = Vec::new();
    for arg in args {
        if let Some(name) = code_name(mirror, arg) {
            cited(mirror, &mut words, code, &mut code_used, &mut out);
            if !code_used && let Some(before) = code {
                out.push(Err(Error::CodeWithoutNumber(before.to_owned())));
            }
            code = Some(name);
            code_used = false;
        } else if looks_like_path(arg) {
            cited(mirror, &mut words, code, &mut code_used, &mut out);
            out.push(Ok(Named::Path(arg)));
        } else {
            words.push(arg);
        }
    }
    cited(mirror, &mut words, code, &mut code_used, &mut out);
    if !code_used && let Some(last) = code {
        out.push(Err(Error::CodeWithoutNumber(last.to_owned())));
    }
    out
}

/// The articles a run of `words` cites, added to `out` (the words emptied): each in
/// the code its citation names, else in `code`, the folder named before it.
fn cited(
    mirror: &Mirror,
    words: &mut Vec<&str>,
    code: Option<&str>,
    code_used: &mut bool,
    out: &mut Vec<Result<Named<'_>, Error>>,
) {
    if words.is_empty() {
        return;
    }
    let text = words.join(" ");
    words.clear();
    for piece in typed::split(&text) {
        out.push(match piece {
            Ok(cite) => {
                if cite.code == CodeNamed::Unsaid {
                    *code_used = true;
                }
                of_citation(mirror, cite, code)
            }
            // Words with no number: a code's name alone, or what the mirror is asked
            // for as it is (`annexe-i`).
            Err(words) if codes::by_name(&words).is_some() => Err(Error::CodeWithoutNumber(words)),
            Err(words) => {
                *code_used = true;
                Ok(Named::Number {
                    code: code.map(str::to_owned),
                    num: words,
                    point: Vec::new(),
                })
            }
        });
    }
}

/// The article a citation names, in the mirror's folder of its code.
fn of_citation<'a>(mirror: &Mirror, cite: Typed, code: Option<&str>) -> Result<Named<'a>, Error> {
    let folder = match &cite.code {
        CodeNamed::Unsaid => code.map(str::to_owned),
        CodeNamed::Known(known) => {
            Some(
                mirror
                    .code_folder(known.slug)
                    .ok_or_else(|| Error::NoSuchCode {
                        code: known.slug.to_owned(),
                        mirror: mirror.name(),
                        known: mirror.codes().join(", "),
                    })?,
            )
        }
        CodeNamed::Unknown(words) => return Err(unknown_code(words)),
    };
    Ok(Named::Number {
        code: folder,
        num: cite.num,
        point: cite.point,
    })
}

/// No code has the name `typed`: the nearest, as go-to offers them.
pub fn unknown_code(typed: &str) -> Error {
    let closest: Vec<String> = codes::closest(typed, 3)
        .into_iter()
        .map(crate::app::words::cite::code_offered)
        .collect();
    let hint = crate::app::words::cite::code_hint(&closest);
    Error::UnknownCode {
        typed: typed.to_owned(),
        hint,
    }
}

/// The one article `args` name, for what opens one: none when they name none.
pub fn one<'a>(mirror: &Mirror, args: &'a [String]) -> Result<Option<Named<'a>>, Error> {
    let mut named = read(mirror, args).into_iter();
    let first = named.next().transpose()?;
    match named.next() {
        None => Ok(first),
        Some(second) => {
            let extra = match second? {
                Named::Path(p) => p.to_owned(),
                Named::Number { num, .. } => num,
            };
            Err(Error::OneArticle(extra))
        }
    }
}

/// The code `arg` names, if it names one: a folder of the mirror's root (a trailing
/// `/`, as the shell completes a folder, aside), or a code Légifrance lists, or a
/// name of the form codes take (`code-…`), so that a misspelt one is told as a code
/// that is not there rather than as an article. No article's number is any of these.
fn code_name<'a>(mirror: &Mirror, arg: &'a str) -> Option<&'a str> {
    let name = arg.trim_end_matches('/');
    if name.is_empty() || name.contains('/') || name.ends_with(".md") {
        return None;
    }
    // Cheap tests first: the reader's own argument is read on the way to the first
    // frame. A number's first word has its digits (`l6123`, `6123`); a code's
    // never does (its title opens with `Code`, `Livre`…). Only a name without a
    // digit (no number has none, but `Annexe`) needs the mirror's folders listed.
    let first_word = name.split('-').next().unwrap_or_default();
    if first_word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let is_code = name.starts_with("code-")
        || codes::by_slug(name).is_some()
        || (!name.bytes().any(|b| b.is_ascii_digit()) && mirror.codes().iter().any(|c| c == name));
    is_code.then_some(name)
}

/// Whether an argument is a file's path rather than a number.
pub(super) fn looks_like_path(arg: &str) -> bool {
    arg.ends_with(".md") || arg.contains('/')
}

/// The article at `rel`, which the user named: refused, unlike one a link leads to,
/// when its file does not open with `# Article` ([`Article::has_heading`]).
pub fn article(mirror: &Mirror, rel: &str, citations: Citations) -> Result<Article, Error> {
    let article = mirror.article(rel, citations)?;
    if !article.has_heading {
        return Err(Error::NotAnArticle(rel.to_owned()));
    }
    Ok(article)
}

/// A file path given on the command line, as a path inside the mirror: as given
/// (relative to the current folder), else relative to the mirror's root.
fn path_in(mirror: &Mirror, arg: &str) -> Result<String, Error> {
    let on_disk = Path::new(arg);
    if on_disk.symlink_metadata().is_ok() && mirror.root().is_some() {
        // Something is there: a symlink loop says so, rather than "no file".
        if let Err(source) = std::fs::metadata(on_disk) {
            return Err(Error::Read {
                path: arg.to_owned(),
                source,
            });
        }
        return mirror
            .relative(on_disk)
            .ok_or_else(|| Error::OutsideMirror(arg.to_owned()));
    }
    if mirror.exists(arg) {
        return crate::mirror::safe_relative(arg)
            .ok_or_else(|| Error::OutsideMirror(arg.to_owned()));
    }
    if crate::mirror::safe_relative(arg).is_none() || mirror.leads_outside(arg) {
        return Err(Error::OutsideMirror(arg.to_owned()));
    }
    Err(mirror
        .not_a_file(arg)
        .unwrap_or_else(|| Error::NoSuchFile(arg.to_owned())))
}

#[cfg(test)]
mod tests;
