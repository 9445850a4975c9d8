//! Every text of the interface in both languages (issue 20): each `tr!`/`trf!` of the
//! source read back, its French checked against its English. The compiler already
//! refuses one side missing; this refuses a French left as the English, a value one
//! side names and the other forgets, and French typography broken (a plain space
//! before `:` `;` `?` `!`, or inside « », where French puts a no-break one:
//! `scripts/french-spaces` puts them in).

use std::path::{Path, PathBuf};

/// One text: where it is, which macro, its English and its French.
#[derive(Debug)]
struct Text {
    at: String,
    formats: bool,
    en: String,
    fr: String,
}

fn sources() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The string literal at the start of `text` (after spaces), undone of its escapes
/// that matter here, and what follows it.
fn literal(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let body = text.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                '\n' => {
                    // A continued line: the next line's indent is no text.
                    let rest = &body[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in 0..skip {
                        chars.next();
                    }
                }
                e => out.push(e),
            },
            c => out.push(c),
        }
    }
    None
}

/// Every `tr!(EN, FR` and `trf!(EN, FR` of `source`.
fn texts_of(name: &str, source: &str) -> Vec<Text> {
    let mut out = Vec::new();
    for (macro_name, formats) in [("tr!(", false), ("trf!(", true)] {
        for (at, _) in source.match_indices(macro_name) {
            // `crate::tr!(`, `loi::trf!(`, or the macro alone, not `ctr!(`.
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &source[at + macro_name.len()..];
            let Some((en, rest)) = literal(rest) else {
                continue; // the macro's own definition
            };
            let Some(rest) = rest.trim_start().strip_prefix(',') else {
                continue;
            };
            let Some((fr, _)) = literal(rest) else {
                continue;
            };
            let line = source[..at].lines().count();
            out.push(Text {
                at: format!("{name}:{line}"),
                formats,
                en,
                fr,
            });
        }
    }
    out
}

fn all_texts() -> Vec<Text> {
    sources()
        .iter()
        .flat_map(|path| {
            let source = std::fs::read_to_string(path).expect("source");
            let name = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(path)
                .display()
                .to_string();
            texts_of(&name, &source)
        })
        .collect()
}

/// The values a format names (`{num}`, `{n:?}` as `n`; `{}` as ``), sorted.
fn values(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if rest[open + 1..].starts_with('{') {
            rest = &rest[open + 2..];
            continue;
        }
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        out.push(inside.split(':').next().unwrap_or_default().to_owned());
        rest = &rest[open + close + 1..];
    }
    out.sort();
    out
}

/// What breaks French typography in `fr`.
fn typography(fr: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    let chars: Vec<char> = fr.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let ends_a_clause = after.is_none_or(|a| a.is_whitespace() || a == '"');
        if matches!(c, ':' | ';' | '?' | '!')
            && ends_a_clause
            && !matches!(before, Some('\u{a0}' | '\u{202f}'))
        {
            wrong.push(format!("no no-break space before {c:?}"));
        }
        if c == '«' && after != Some('\u{a0}') {
            wrong.push("no no-break space after «".to_owned());
        }
        if c == '»' && before != Some('\u{a0}') {
            wrong.push("no no-break space before »".to_owned());
        }
        if matches!(c, '“' | '”') {
            wrong.push(format!("English quotes {c}: French writes « »"));
        }
    }
    wrong
}

#[test]
fn the_source_has_its_texts_in_both_languages() {
    let texts = all_texts();
    assert!(
        texts.len() > 150,
        "the interface's texts are read from the source: only {} found",
        texts.len()
    );
}

#[test]
fn no_text_is_left_untranslated() {
    let same: Vec<String> = all_texts()
        .into_iter()
        .filter(|t| t.en == t.fr)
        .map(|t| format!("{}: {:?}", t.at, t.en))
        .collect();
    assert!(
        same.is_empty(),
        "French left as the English:\n{}",
        same.join("\n")
    );
}

#[test]
fn each_language_names_the_same_values() {
    let wrong: Vec<String> = all_texts()
        .into_iter()
        .filter(|t| values(&t.en) != values(&t.fr))
        .map(|t| format!("{}: {:?} / {:?}", t.at, values(&t.en), values(&t.fr)))
        .collect();
    assert!(
        wrong.is_empty(),
        "values named on one side only:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_plain_text_names_no_value() {
    // `tr!` gives its literal as is: a `{num}` in it would be shown, not filled.
    let wrong: Vec<String> = all_texts()
        .into_iter()
        .filter(|t| !t.formats && (!values(&t.en).is_empty() || !values(&t.fr).is_empty()))
        .map(|t| format!("{}: {:?}", t.at, t.en))
        .collect();
    assert!(
        wrong.is_empty(),
        "tr! with a value to fill (use trf!):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn french_texts_keep_french_typography() {
    let wrong: Vec<String> = all_texts()
        .into_iter()
        .flat_map(|t| {
            typography(&t.fr)
                .into_iter()
                .map(move |w| format!("{}: {w} in {:?}", t.at, t.fr))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "scripts/french-spaces fixes most:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    let texts = texts_of(
        "x.rs",
        "let a = tr!(\"Keys\", \"Keys\");\nlet b = crate::trf!(\n    \"{n} of {of}\",\n    \"{n} sur {total}\"\n);",
    );
    assert_eq!(texts.len(), 2);
    assert_eq!(texts[0].en, texts[0].fr, "an untranslated text is seen");
    assert_ne!(values(&texts[1].en), values(&texts[1].fr));
    assert_eq!(values("{n:?} {{+x+}} {}"), ["", "n"]);
    assert!(!typography("Copié : x").is_empty());
    assert!(typography("Copié\u{a0}: x ; « y »").len() == 3);
    assert!(
        typography(
            "Copié\u{a0}: https://x, 12:30, « y\u{a0}»"
                .replace("« y", "«\u{a0}y")
                .as_str()
        )
        .is_empty()
    );
}
