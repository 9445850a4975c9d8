//! The house's rules, read from the source itself (issue 17): seven layers, each a
//! folder whose root says what it holds; a layer uses those before it, never one
//! after; and no circle between the modules of a layer (a module may use its own
//! layer's root and be used by it, as a child uses its parent).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: [&str; 7] = [
    "model", "mirror", "saved", "app", "screen", "terminal", "cli",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file of a layer: its root and its folder.
fn files(layer: &str) -> Vec<PathBuf> {
    let mut out = vec![src().join(format!("{layer}.rs"))];
    let mut dirs = vec![src().join(layer)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a layer's folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The code of a file that is no test: test files and a trailing `mod tests` may use
/// anything.
fn code(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return None;
    }
    let text = std::fs::read_to_string(path).expect("read");
    let end = text.find("#[cfg(test)]\nmod tests {").unwrap_or(text.len());
    Some(text[..end].to_owned())
}

/// `crate::LAYER::MODULE` paths a text uses: (layer, module, or "" for the root).
fn uses(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + 7..];
        let mut parts = rest.split("::").map(|p| {
            p.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        let layer = parts.next().unwrap_or_default();
        let module = parts
            .next()
            .filter(|m| m.starts_with(|c: char| c.is_ascii_lowercase()))
            .unwrap_or_default();
        out.push((layer, module));
    }
    out
}

/// The module of the layer a file belongs to ("" for the layer's root file).
fn module_of(layer: &str, path: &Path) -> String {
    let rel = path.strip_prefix(src().join(layer)).ok();
    rel.and_then(|r| r.components().next())
        .and_then(|c| c.as_os_str().to_str())
        .map(|c| c.trim_end_matches(".rs").to_owned())
        .unwrap_or_default()
}

#[test]
fn lib_names_the_seven_layers_and_each_root_says_what_it_holds() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("lib.rs");
    let mut declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    declared.sort_unstable();
    let mut layers = LAYERS;
    layers.sort_unstable();
    assert_eq!(
        declared, layers,
        "lib.rs declares the layers, and nothing else"
    );
    for layer in LAYERS {
        let root = std::fs::read_to_string(src().join(format!("{layer}.rs"))).expect("root");
        assert!(
            root.starts_with("//!"),
            "{layer}.rs says what it holds first"
        );
    }
}

#[test]
fn no_layer_uses_one_above_it() {
    let mut wrong = Vec::new();
    for (rank, layer) in LAYERS.iter().enumerate() {
        for path in files(layer) {
            let Some(text) = code(&path) else { continue };
            for (used, module) in uses(&text) {
                if LAYERS
                    .iter()
                    .position(|l| *l == used)
                    .is_some_and(|r| r > rank)
                {
                    wrong.push(format!("{}: crate::{used}::{module}", path.display()));
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "layers used from below: {wrong:#?}");
}

#[test]
fn no_circle_between_the_modules_of_a_layer() {
    for layer in LAYERS {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for path in files(layer) {
            let me = module_of(layer, &path);
            let Some(text) = code(&path) else { continue };
            if me.is_empty() {
                continue;
            }
            for (used, module) in uses(&text) {
                if used == layer && !module.is_empty() && module != me {
                    edges.entry(me.clone()).or_default().insert(module);
                }
            }
        }
        for (from, tos) in &edges {
            for to in tos {
                // Is `from` reachable back from `to`?
                let mut seen = BTreeSet::new();
                let mut stack = vec![to.clone()];
                while let Some(at) = stack.pop() {
                    for next in edges.get(&at).into_iter().flatten() {
                        assert!(
                            next != from,
                            "{layer}: {from} uses {to}, which comes back to {from}"
                        );
                        if seen.insert(next.clone()) {
                            stack.push(next.clone());
                        }
                    }
                }
            }
        }
    }
}

/// The reading of paths the checks rely on.
#[test]
fn paths_are_read_as_layer_and_module() {
    let found = uses("use crate::model::article::Link;\nlet x = crate::mirror::Mirror::open(p);");
    assert_eq!(
        found,
        [
            ("model".to_owned(), "article".to_owned()),
            ("mirror".to_owned(), String::new())
        ]
    );
    assert_eq!(
        module_of("app", &src().join("app/keymap/names.rs")),
        "keymap"
    );
    assert_eq!(module_of("app", &src().join("app.rs")), "");
}

/// Where a text the screen shows is written outside `app::words`: a status set from a
/// literal, a title or a frame's foot from a literal.
fn words_outside_words(text: &str) -> Vec<String> {
    let literal_after = |call: &str| -> Vec<String> {
        text.match_indices(call)
            .filter_map(|(at, _)| {
                let rest = text[at + call.len()..].trim_start();
                let rest = rest.strip_prefix("&format!(").unwrap_or(rest);
                let rest = rest.strip_prefix("fit(").unwrap_or(rest);
                let rest = rest.strip_prefix("&format!(").unwrap_or(rest);
                let literal = rest.strip_prefix('"')?;
                let end = literal.find('"').unwrap_or(literal.len());
                let literal = &literal[..end];
                // `" {text}"`: spacing and placeholders are no words.
                let words = literal
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.chars().count() > 2)
                    .filter(|w| !literal.contains(&format!("{{{w}}}")))
                    .count();
                (words > 0).then(|| format!("{call}{literal}"))
            })
            .collect()
    };
    ["say(", ".title(", ".title_bottom(", "title: "]
        .iter()
        .flat_map(|c| literal_after(c))
        .collect()
}

#[test]
fn the_app_and_the_screen_take_their_words_from_one_module() {
    let mut found = Vec::new();
    for layer in ["app", "screen"] {
        for path in files(layer) {
            if path.components().any(|c| c.as_os_str() == "words") {
                continue;
            }
            let Some(text) = code(&path) else { continue };
            for w in words_outside_words(&text) {
                found.push(format!("{}: {w}", path.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words outside app::words:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_literal_status_or_title_is_found() {
    assert_eq!(
        words_outside_words("self.say(\"No article read yet\", false);"),
        ["say(No article read yet"]
    );
    assert_eq!(
        words_outside_words(".title_bottom(fit(\" Enter opens \", inner))"),
        [".title_bottom( Enter opens "]
    );
    assert!(words_outside_words("self.say(&words::copied(&text), false);").is_empty());
    assert!(words_outside_words(".title(fit(&format!(\" {title} \"), inner))").is_empty());
}
