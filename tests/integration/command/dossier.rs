//! `loi dossier`: the articles of the last reading session (or the bookmarks) as
//! Markdown, on a small mirror with a made-up history, read back as Markdown.

use std::path::Path;
use std::process::Output;

/// Three articles of one code citing each other (by a link and by a citation in the
/// text), one citing an article read in an earlier session, and text that would be
/// Markdown's structure, or a terminal's, if it were not escaped.
const ARTICLES: &[(&str, &str)] = &[
    (
        "code-du-travail/partie-legislative/titre-ier-dispositions/l1.md",
        "# Article L1\n\n<p>I.-Le premier renvoie à l'<a href='/code-du-travail/partie-legislative/titre-ier-dispositions/l2.md'>article L. 2</a> et au troisième, l'article L. 3.</p><p>II.-Une phrase de la loi.</p>",
    ),
    (
        "code-du-travail/partie-legislative/titre-ier-dispositions/l2.md",
        "# Article L2\n\n<p>Le deuxième cite l'<a href='/code-du-travail/partie-legislative/titre-ier-dispositions/l9.md'>article L. 9</a>, lu avant.</p><p>1° Premier point du deuxième ;</p><p>2° Second point du deuxième.</p>",
    ),
    (
        "code-du-travail/partie-legislative/titre-ier-dispositions/l3.md",
        "# Article L3\n\n<p># Pas un titre</p><p>- pas une liste</p><p>1. pas une liste numérotée</p><p>```rust</p><p>[pas un lien](http://example.com) <b>*ni*</b> _emphase_ &amp;amp; &lt;script&gt;x&lt;/script&gt; \u{1b}[31mrouge\u{1b}[0m</p><p>Retour à l'article L. 1.</p>",
    ),
    (
        "code-du-travail/partie-legislative/titre-ier-dispositions/l9.md",
        "# Article L9\n\n<p>Le neuvième, lu dans une séance d'avant.</p>",
    ),
];

/// A mirror of [`ARTICLES`] and a home whose history read L9 in one session, then
/// L1, L2, L3 and L1 again in the last.
fn mirror_and_home() -> (tempfile::TempDir, tempfile::TempDir) {
    let mirror = tempfile::tempdir().expect("mirror");
    for (path, text) in ARTICLES {
        let file = mirror.path().join(path);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("folders");
        std::fs::write(&file, text).expect("article");
    }
    let home = tempfile::tempdir().expect("home");
    let key = std::fs::canonicalize(mirror.path()).expect("canonical");
    let key = key.display().to_string();
    let visit = |path: &str, num: &str, at: u64, run: &str| {
        serde_json::json!({
            "mirror": key, "path": path, "num": num, "at": at, "run": run,
        })
        .to_string()
    };
    let path = |n: usize| ARTICLES[n].0;
    let lines = [
        visit(path(3), "L9", 1_000, "older"),
        visit(path(0), "L1", 2_000, "last"),
        visit(path(1), "L2", 2_001, "last"),
        visit(path(2), "L3", 2_002, "last"),
        visit(path(0), "L1", 2_003, "last"),
    ];
    let data = home.path().join("data/loi");
    std::fs::create_dir_all(&data).expect("data folder");
    std::fs::write(data.join("history.jsonl"), lines.join("\n") + "\n").expect("history");
    (mirror, home)
}

fn dossier(mirror: &Path, home: &Path, args: &[&str]) -> Output {
    crate::support::loi()
        .arg("--mirror")
        .arg(mirror)
        .arg("dossier")
        .args(args)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .expect("loi runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

const L1: &str = "article-l-1-du-code-du-travail";
const L2: &str = "article-l-2-du-code-du-travail";
const L3: &str = "article-l-3-du-code-du-travail";

#[test]
fn the_last_session_s_three_articles_each_once_with_their_words_and_links_between_them() {
    let (mirror, home) = mirror_and_home();
    let md = stdout(&dossier(mirror.path(), home.path(), &[]));
    // Each article once, in the order first read, under an anchored heading.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            format!("## <a id=\"{L1}\"></a>Article L. 1 du code du travail"),
            format!("## <a id=\"{L2}\"></a>Article L. 2 du code du travail"),
            format!("## <a id=\"{L3}\"></a>Article L. 3 du code du travail"),
        ],
        "{md}"
    );
    assert!(!md.contains("neuvième"), "an older session's article: {md}");
    // Their words, their citations, and where they stand (a mirror without dates).
    for words in [
        "Le premier renvoie",
        "Une phrase de la loi.",
        "Second point du deuxième.",
        "Retour à",
        "C. trav., art. L. 2 · Dates inconnues",
    ] {
        assert!(md.contains(words), "{words}: {md}");
    }
    // References to articles of the file link to their headings, a link's and a
    // citation's alike, each way; one to an article not in the file stays text.
    for link in [
        format!("[article L. 2](#{L2})"),
        format!("au troisième, l'article [L. 3](#{L3})"),
        format!("Retour à l'article [L. 1](#{L1})"),
    ] {
        assert!(md.contains(&link), "{link}: {md}");
    }
    assert!(md.contains("cite l'article L. 9, lu avant"), "{md}");
    // The list of the articles at the top links to each.
    assert!(md.contains(&format!("2. [Article L. 2 du code du travail](#{L2})")));
    // Nothing of the text turned into structure or terminal codes.
    assert!(!md.contains('\u{1b}'), "{md}");
    for escaped in [
        "\\# Pas un titre",
        "\\- pas une liste",
        "1\\. pas une liste numérotée",
        "\\`\\`\\`rust",
        "\\[pas un lien\\](http://example.com)",
        "\\*ni\\*",
        "\\_emphase\\_",
        "\\&amp;",
        "\\<script\\>",
    ] {
        assert!(md.contains(escaped), "{escaped}: {md}");
    }
    // No tag but the headings' anchors: every other `<` is escaped.
    for line in md.lines().filter(|l| !l.starts_with("## ")) {
        let bare = line
            .match_indices('<')
            .any(|(i, _)| !line[..i].ends_with('\\'));
        assert!(!bare, "{line}");
    }
}

#[test]
fn since_a_day_takes_every_session_and_bookmarks_take_the_bookmarked_points_quoted() {
    let (mirror, home) = mirror_and_home();
    let md = stdout(&dossier(
        mirror.path(),
        home.path(),
        &["--since", "1970-01-01"],
    ));
    let headings = md.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(headings, 4, "{md}");
    assert!(md.contains("Le neuvième"), "{md}");
    assert!(md.contains("cite l'[article L. 9](#"), "{md}");

    let key = std::fs::canonicalize(mirror.path()).expect("canonical");
    let mark = |n: usize, num: &str, block: Option<usize>, point: &str, at: u64| {
        serde_json::json!({
            "mirror": key.display().to_string(), "path": ARTICLES[n].0, "num": num,
            "block": block, "point": point, "at": at,
        })
    };
    // L2's 2° (its third block), then L1 whole, then L2's 1°.
    let marks = serde_json::json!([
        mark(1, "L2", Some(2), "2°", 1),
        mark(0, "L1", None, "", 2),
        mark(1, "L2", Some(1), "1°", 3),
    ]);
    let file = home.path().join("data/loi/bookmarks.json");
    std::fs::write(&file, marks.to_string()).expect("bookmarks");
    let md = stdout(&dossier(mirror.path(), home.path(), &["--bookmarks"]));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 2, "{md}");
    assert!(
        headings[0].ends_with("Article L. 2 du code du travail"),
        "{md}"
    );
    assert!(md.contains("Bookmarked: 2°, 1°"), "{md}");
    assert!(md.contains("Bookmarked: the article"), "{md}");
    assert!(
        md.contains("> 1° Premier point du deuxième ;\n>\n> 2° Second point"),
        "{md}"
    );
    assert!(!md.contains("> Le deuxième cite"), "not bookmarked: {md}");
    // L1 links to L2, in the file; L3 is not in it.
    assert!(md.contains(&format!("[article L. 2](#{L2})")), "{md}");
    assert!(md.contains("au troisième, l'article L. 3."), "{md}");
}

#[test]
fn to_a_file_and_errors_that_say_what_to_do() {
    let (mirror, home) = mirror_and_home();
    let file = home.path().join("memo.md");
    let file_arg = file.to_str().expect("UTF-8");
    let out = dossier(mirror.path(), home.path(), &["-o", file_arg]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("Dossier of 3 articles written to"), "{said}");
    let md = std::fs::read_to_string(&file).expect("written");
    assert!(md.contains("Le premier renvoie"), "{md}");

    // No bookmarks, nothing read since a day to come, a file that cannot be written.
    let out = dossier(mirror.path(), home.path(), &["--bookmarks"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("bookmark articles in the reader first"),
        "{said}"
    );
    let out = dossier(mirror.path(), home.path(), &["--since", "2999-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give an earlier day"));
    let out = dossier(mirror.path(), home.path(), &["-o", "/nonexistent/memo.md"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("cannot write the dossier to /nonexistent/memo.md"),
        "{said}"
    );
    let empty = tempfile::tempdir().expect("home");
    let out = dossier(mirror.path(), empty.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("open articles in the reader first"), "{said}");
    // In French too.
    let out = crate::support::loi()
        .env("LANGUAGE", "fr")
        .arg("--mirror")
        .arg(mirror.path())
        .args(["dossier", "--bookmarks"])
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .expect("loi runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("aucun signet dans"), "{said}");
}

#[test]
fn help_says_what_it_writes_in_both_languages() {
    let out = crate::support::loi()
        .args(["dossier", "--help"])
        .output()
        .expect("loi runs");
    let help = String::from_utf8_lossy(&out.stdout);
    for words in [
        "--since",
        "--bookmarks",
        "--output",
        "Markdown",
        "dossier-YYYY-MM-DD-HHMM.md",
    ] {
        assert!(help.contains(words), "{words}: {help}");
    }
    let out = crate::support::loi()
        .env("LANGUAGE", "fr")
        .args(["dossier", "--help"])
        .output()
        .expect("loi runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Écrit les articles lus"));
}

/// The file of article `num` (lower case) under `dir`.
fn find(dir: &Path, file: &str) -> Option<std::path::PathBuf> {
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        if path.is_dir() {
            if let Some(found) = find(&path, file) {
                return Some(found);
            }
        } else if path.file_name().is_some_and(|n| n == file) {
            return Some(path);
        }
    }
    None
}

#[test]
fn on_a_mirror_that_keeps_dates_each_article_says_where_it_stands_as_print_does() {
    let mirror = crate::support::dated::legi_mirror();
    let root = std::fs::canonicalize(mirror).expect("canonical");
    let home = tempfile::tempdir().expect("home");
    let mut lines = Vec::new();
    for (at, num) in ["L100-1", "L300-4"].iter().enumerate() {
        let file = find(&root, &format!("{}.md", num.to_lowercase())).expect("in the fixtures");
        let path = file.strip_prefix(&root).expect("inside");
        lines.push(
            serde_json::json!({
                "mirror": root.display().to_string(), "path": path, "num": num,
                "at": at, "run": "r",
            })
            .to_string(),
        );
    }
    let data = home.path().join("data/loi");
    std::fs::create_dir_all(&data).expect("data folder");
    std::fs::write(data.join("history.jsonl"), lines.join("\n")).expect("history");
    let md = stdout(&dossier(mirror, home.path(), &[]));
    for num in ["L100-1", "L300-4"] {
        let printed = crate::support::loi()
            .arg("--mirror")
            .arg(mirror)
            .args(["print", "--width", "400", num])
            .output()
            .expect("loi runs");
        let printed = String::from_utf8_lossy(&printed.stdout).into_owned();
        let state = printed.lines().nth(1).expect("a state line");
        assert!(state.contains("vigueur"), "{printed}");
        let cited = num.replacen('L', "L. ", 1);
        let line = format!("CRPA, art. {cited} · {state}");
        assert!(md.contains(&line), "{line}: {md}");
    }
    assert!(!md.contains("Dates inconnues"), "{md}");
}
