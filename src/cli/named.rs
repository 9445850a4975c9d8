//! Articles named on the command line, read one way for the reader and for every
//! subcommand: a path to an article's file, or a number, after its code's name when
//! several codes have it (`code-de-la-securite-sociale L161-1`). A code's name applies
//! to the numbers after it, until another code's name.

use std::path::Path;

use crate::mirror::Mirror;
use crate::mirror::error::Error;
use crate::model::article::{Article, Citations};
use crate::model::codes;

/// One article as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named<'a> {
    /// A path to its `.md` file, from the current folder or from the mirror's root.
    Path(&'a str),
    /// A number (`L6123-1`, `l. 6123-1`), in the code named before it, if one was.
    Number { code: Option<&'a str>, num: &'a str },
}

impl Named<'_> {
    /// The article's path in the mirror.
    pub fn path(&self, mirror: &Mirror) -> Result<String, Error> {
        match *self {
            Named::Path(arg) => path_in(mirror, arg),
            Named::Number { code, num } => mirror.find_number(code, num),
        }
    }
}

/// The articles `args` name, in order. A code's name is no article: it applies to the
/// numbers after it (not to paths, which say their code), until the next code's name;
/// one that no number follows is an error in its place, so that `loi print` can say
/// it and go on with the rest.
pub fn read<'a>(mirror: &Mirror, args: &'a [String]) -> Vec<Result<Named<'a>, Error>> {
    let mut out = Vec::new();
    let mut code: Option<&str> = None;
    let mut code_used = true;
    for arg in args {
        if let Some(name) = code_name(mirror, arg) {
            if !code_used && let Some(before) = code {
                out.push(Err(Error::CodeWithoutNumber(before.to_owned())));
            }
            code = Some(name);
            code_used = false;
        } else if looks_like_path(arg) {
            out.push(Ok(Named::Path(arg)));
        } else {
            out.push(Ok(Named::Number { code, num: arg }));
            code_used = true;
        }
    }
    if !code_used && let Some(last) = code {
        out.push(Err(Error::CodeWithoutNumber(last.to_owned())));
    }
    out
}

/// The one article `args` name, for what opens one: none when they name none.
pub fn one<'a>(mirror: &Mirror, args: &'a [String]) -> Result<Option<Named<'a>>, Error> {
    let mut named = read(mirror, args).into_iter();
    let first = named.next().transpose()?;
    match named.next() {
        None => Ok(first),
        Some(second) => {
            let extra = match second? {
                Named::Path(p) => p,
                Named::Number { num, .. } => num,
            };
            Err(Error::OneArticle(extra.to_owned()))
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
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// What `read` makes of `list`, errors as their messages.
    fn named(list: &[&str]) -> Vec<String> {
        let list = args(list);
        read(&Mirror::bundled(), &list)
            .into_iter()
            .map(|n| match n {
                Ok(Named::Path(p)) => format!("path {p}"),
                Ok(Named::Number { code, num }) => format!("{} {num}", code.unwrap_or("-")),
                Err(e) => format!("error {e}"),
            })
            .collect()
    }

    #[test]
    fn a_code_applies_to_the_numbers_after_it_until_another() {
        assert_eq!(
            named(&[
                "L1",
                "code-du-travail",
                "L2",
                "R3",
                "code-de-la-securite-sociale/",
                "L4"
            ]),
            [
                "- L1",
                "code-du-travail L2",
                "code-du-travail R3",
                "code-de-la-securite-sociale L4"
            ]
        );
        // A path says its own code, and does not end the code's run.
        assert_eq!(
            named(&["code-du-travail", "a/l1.md", "L2"]),
            ["path a/l1.md", "code-du-travail L2"]
        );
    }

    #[test]
    fn a_code_that_no_number_follows_is_an_error_in_its_place() {
        let got = named(&[
            "code-du-travail",
            "code-rural-et-de-la-peche-maritime",
            "L1",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("error code-du-travail "), "{got:?}");
        assert_eq!(got[1], "code-rural-et-de-la-peche-maritime L1");
        let got = named(&["L1", "code-du-travail"]);
        assert!(got[1].starts_with("error code-du-travail "), "{got:?}");
        assert!(named(&[]).is_empty());
    }

    #[test]
    fn codes_are_told_from_numbers_by_the_mirror_and_the_table() {
        // The bundled mirror's folder, the table's codes (one with digits in its
        // name), a name of a code's form; numbers, with or without a digit.
        for code in [
            "code-de-leducation",
            "code-de-procedure-civile-1807",
            "livre-des-procedures-fiscales",
            "code-qui-nexiste-pas",
        ] {
            assert_eq!(
                named(&[code, "L1"]),
                [format!("{code} L1")],
                "{code} is a code"
            );
        }
        for num in ["L6123-1", "l. 6123-1", "6123-1", "annexe-i", "R*6123-3"] {
            assert_eq!(named(&[num]), [format!("- {num}")], "{num} is a number");
        }
    }

    #[test]
    fn one_article_or_an_error_naming_the_second() {
        let mirror = Mirror::bundled();
        let two = args(&["code-du-travail", "L6123-1", "L6123-2"]);
        match one(&mirror, &two) {
            Err(Error::OneArticle(extra)) => assert_eq!(extra, "L6123-2"),
            other => panic!("{other:?}"),
        }
        let single = args(&["code-du-travail", "L6123-1"]);
        assert_eq!(
            one(&mirror, &single).ok().flatten(),
            Some(Named::Number {
                code: Some("code-du-travail"),
                num: "L6123-1"
            })
        );
        assert!(matches!(one(&mirror, &[]), Ok(None)));
        let alone = args(&["code-du-travail"]);
        assert!(matches!(
            one(&mirror, &alone),
            Err(Error::CodeWithoutNumber(_))
        ));
    }
}
