//! Shell conventions of the binary: `--help` lists each subcommand on one line and
//! says the exit codes, `--version`, the man page and completions, and the exit codes
//! themselves (0 ok, 1 nothing found, 2 usage or mirror error).

use std::process::Output;

fn loi(args: &[&str], cache: &std::path::Path) -> Output {
    crate::support::loi()
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env_remove("LOI_MIRROR")
        .output()
        .expect("run loi")
}

/// A mirror of two articles, one citing the other.
fn mirror() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = dir.path().join("code-du-travail/partie/section");
    std::fs::create_dir_all(&section).expect("mkdir");
    std::fs::write(
        section.join("l1-1.md"),
        "# Article L1-1\n\n<p>Le salarié est informé selon l'article L. 1-2.</p>",
    )
    .expect("write");
    std::fs::write(section.join("l1-2.md"), "# Article L1-2\n\n<p>Texte.</p>").expect("write");
    dir
}

/// The subcommands, as the help and the man page list them.
const SUBCOMMANDS: [&str; 7] = [
    "links",
    "backlinks",
    "search",
    "print",
    "changes",
    "dossier",
    "import",
];

#[test]
fn help_lists_each_subcommand_on_one_line_and_the_exit_codes() {
    let cache = tempfile::tempdir().expect("cache");
    let out = loi(&["--help"], cache.path());
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    let commands: Vec<&str> = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a Commands section")
        .lines()
        .collect();
    for name in SUBCOMMANDS {
        let line = commands
            .iter()
            .find(|l| l.trim_start().starts_with(name))
            .unwrap_or_else(|| panic!("{name} in\n{help}"));
        assert!(line.len() < 100, "one short line: {line}");
    }
    assert_eq!(commands.len(), 8, "seven subcommands and help:\n{help}");
    assert!(help.contains("Exit codes: 0 ok; 1 nothing found"), "{help}");
    let version = loi(&["--version"], cache.path());
    assert_eq!(version.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("loi "));
}

#[test]
fn man_page_and_completions_come_from_the_binary() {
    let cache = tempfile::tempdir().expect("cache");
    let man = loi(&["man"], cache.path());
    assert_eq!(man.status.code(), Some(0));
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH loi"),
        "{page}"
    );
    for name in SUBCOMMANDS {
        assert!(page.contains(&format!("loi {name}")), "{name}");
    }
    for shell in ["bash", "zsh", "fish"] {
        let out = loi(&["completions", shell], cache.path());
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("backlinks"),
            "{shell}"
        );
    }
    assert_eq!(
        loi(&["completions", "tcsh"], cache.path()).status.code(),
        Some(2)
    );
}

#[test]
fn exit_codes_are_0_found_1_nothing_found_2_usage_or_mirror() {
    let dir = mirror();
    let root = dir.path().to_str().expect("UTF-8 path");
    let cache = tempfile::tempdir().expect("cache");
    let code = |args: &[&str]| loi(args, cache.path()).status.code();
    assert_eq!(code(&["--mirror", root, "search", "salarié"]), Some(0));
    assert_eq!(code(&["--mirror", root, "search", "introuvable"]), Some(1));
    // A query with no word is a usage error, said as such, not an empty answer.
    for query in ["", "   ", "?!", "« » ;", "\"\"", "– …"] {
        let out = loi(&["--mirror", root, "search", query], cache.path());
        assert_eq!(out.status.code(), Some(2), "{query:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("no word to search for"), "{query:?}: {said}");
        assert!(out.stdout.is_empty(), "{query:?}");
    }
    assert_eq!(code(&["--mirror", root, "search", " salarié ?"]), Some(0));
    assert_eq!(code(&["--mirror", root, "backlinks", "L1-2"]), Some(0));
    assert_eq!(code(&["--mirror", root, "backlinks", "L1-1"]), Some(1));
    assert_eq!(code(&["--mirror", root, "print", "L1-1"]), Some(0));
    assert_eq!(
        code(&["--mirror", "/nonexistent/mirror", "search", "x"]),
        Some(2)
    );
    assert_eq!(code(&["--mirror", root, "print", "L9-9"]), Some(2));
    assert_eq!(code(&["--no-such-flag"]), Some(2));
    assert_eq!(code(&["--theme", "pink"]), Some(2));
}

/// Every subcommand takes an article as the reader does: a number after its code's
/// name when several codes have it (what loi's own message advises), or a path; where
/// several are named, a code's name applies to the numbers after it until another.
#[test]
fn every_subcommand_takes_a_code_before_a_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let travail = "code-du-travail/partie-legislative";
    let rural = "code-rural-et-de-la-peche-maritime/partie-legislative";
    for (folder, num, text) in [
        (travail, "1-1", "Voir l'article L. 1-2."),
        (travail, "1-2", "Texte du travail."),
        (rural, "1-1", "Texte rural."),
        (rural, "1-2", "Voir l'article L. 1-1."),
    ] {
        let folder = dir.path().join(folder);
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(
            folder.join(format!("l{num}.md")),
            format!("# Article L{num}\n\n<p>{text}</p>"),
        )
        .expect("write");
    }
    let root = dir.path().to_str().expect("UTF-8 path");
    let cache = tempfile::tempdir().expect("cache");
    let run = |args: &[&str]| {
        let out = loi(&[&["--mirror", root], args].concat(), cache.path());
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let headings = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("Article "))
            .map(str::to_owned)
            .collect()
    };

    // The number alone is in two codes: refused, with the form that works.
    let (code, _, err) = run(&["print", "L1-1"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("as in: loi code-du-travail L1-1"), "{err}");
    let (code, out, err) = run(&["print", "code-rural-et-de-la-peche-maritime", "L1-1"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        headings(&out),
        ["Article L1-1 · Code rural et de la pêche maritime"]
    );
    // A code applies until the next one; a path names its own.
    let (code, out, err) = run(&[
        "print",
        "code-du-travail",
        "L1-1",
        "L1-2",
        &format!("{rural}/l1-2.md"),
        "code-rural-et-de-la-peche-maritime/",
        "L1-1",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        headings(&out),
        [
            "Article L1-1 · Code du travail",
            "Article L1-2 · Code du travail",
            "Article L1-2 · Code rural et de la pêche maritime",
            "Article L1-1 · Code rural et de la pêche maritime",
        ]
    );
    // A number the code named does not have: said of that code.
    let (code, _, err) = run(&["print", "code-du-travail", "L9-9"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no article L9-9 in code-du-travail"), "{err}");
    // A code that no number follows is said, and the rest still printed.
    let (code, out, err) = run(&["print", &format!("{travail}/l1-2.md"), "code-du-travail"]);
    assert_eq!(code, Some(2));
    assert_eq!(headings(&out).len(), 1, "{out}");
    assert!(
        err.contains("code-du-travail is a code, and no article number follows it"),
        "{err}"
    );

    // backlinks: each code's L1-1 has its own citers.
    let (code, out, err) = run(&["backlinks", "code-rural-et-de-la-peche-maritime", "L1-1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with(&format!("{rural}/l1-2.md\tL1-2\t")),
        "{out}"
    );
    let (code, _, _) = run(&["backlinks", "code-du-travail", "L1-1"]);
    assert_eq!(
        code,
        Some(1),
        "nothing in the code du travail cites its L1-1"
    );
    let (code, _, err) = run(&["backlinks", &format!("{travail}/l1-1.md"), "L1-2"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("L1-2 is a second article"), "{err}");

    // links: the references of the articles the code's numbers name, and no other.
    let (code, out, err) = run(&["links", "code-du-travail", "L1-1", "L1-2"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&format!("{travail}/l1-1.md")), "{out}");
    assert!(!out.contains("code-rural"), "{out}");
    let (code, out, err) = run(&["links", "code-rural-et-de-la-peche-maritime", "L1-2"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(&format!("{rural}/l1-1.md")), "{out}");
}
