//! Fuzz target `resolve`: whatever a link says, resolving it gives a file inside the
//! mirror or an error, never a path that leads out; and `safe_relative` only passes
//! paths made of plain names.
//!
//! Input: the href, a newline, then the link's text (lossy UTF-8). The mirror is a
//! small one built once per process in a temporary folder from the test fixtures,
//! with the traps a hostile mirror could hold: symlinks to a file and to a folder
//! outside it, a folder named like an article, two files of the same name.

#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use loi::model::article::Link;
use loi::model::article::citation::{self, Context};
use loi::mirror::{Mirror, safe_relative};
use loi::mirror::reference::{Target, Unresolved, resolve};

const TRAVAIL: &str = "code-du-travail";
const L6123_1: &str = "code-du-travail/partie-legislative/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie/livre-ier-principes-generaux-et-organisation-institutionnelle-de-la-formation-et-de-lorientation-professionnelles/titre-ii-role-des-regions-de-letat-et-des-institutions-de-la-formation-professionnelle/chapitre-iii-coordination-et-regulation-des-politiques-de-lemploi-de-lorientation-et-de-la-formation-professionnelle/section-1-conseil-national-de-lorientation-et-de-la-formation-professionnelles-pour-le-developpement-des-competences/l6123-1.md";

/// The files of the mirror: real paths of the corpus, with the fixtures' text.
const FILES: &[(&str, &str)] = &[
    (L6123_1, include_str!("../../tests/fixtures/l6123-1.md")),
    (
        "code-du-travail/partie-legislative/quatrieme-partie-sante-et-securite-au-travail/livre-ier-dispositions-generales/titre-ii-principes-generaux-de-prevention/chapitre-ier-obligations-de-lemployeur/l4121-3-1.md",
        include_str!("../../tests/fixtures/l4121-3-1.md"),
    ),
    (
        "code-du-travail/partie-legislative/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie/livre-iii-la-formation-professionnelle/titre-ii-dispositifs-de-formation-professionnelle-continue/chapitre-iv-periode-de-reconversion/section-3-negociation-collective-dans-le-cadre-de-la-periode-de-reconversion/l6324-9.md",
        include_str!("../../tests/fixtures/l6324-9.md"),
    ),
    (
        "code-du-travail/partie-reglementaire/premiere-partie-les-relations-individuelles-de-travail/livre-iv-la-resolution-des-litiges-le-conseil-de-prudhommes/titre-iii-conseil-superieur-de-la-prudhomie/chapitre-unique/section-2-composition/r1431-4.md",
        include_str!("../../tests/fixtures/r1431-4.md"),
    ),
    (
        "code-du-travail/partie-reglementaire/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie/livre-ier-principes-generaux-et-organisation-institutionnelle-de-la-formation-professionnelle/titre-ii-role-des-regions-de-letat-et-des-institutions-de-la-formation-professionnelle/chapitre-iii-coordination-des-politiques-de-lemploi-de-lorientation-et-de-la-formation-professionnelles/section-premiere-centres-danimation-de-ressources-et-dinformation-sur-la-formation-observatoires-regionaux-de-lemploi-et/sous-section-1-centres-danimation-de-ressources-et-dinformation-sur-la-formation-observatoires-regionaux-de-lemploi-et-d/d6123-1.md",
        include_str!("../../tests/fixtures/d6123-1.md"),
    ),
    // The same name in another section: a stale link must pick one, inside.
    (
        "code-du-travail/partie-legislative/ancienne-section/l6123-1.md",
        include_str!("../../tests/fixtures/l6123-1.md"),
    ),
    (
        "code-de-leducation/partie-reglementaire/d313-14.md",
        include_str!("../../tests/fixtures/d313-14.md"),
    ),
];

/// The mirror's canonical root; the temporary folder lives as long as the process.
fn root() -> &'static Path {
    static ROOT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &ROOT.get_or_init(build).1
}

fn build() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("mirror");
    let outside = tmp.path().join("dehors");
    for (rel, text) in FILES {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().expect("a file has a folder")).expect("mkdir");
        fs::write(&path, text).expect("write");
    }
    fs::create_dir_all(&outside).expect("mkdir");
    fs::write(outside.join("secret.md"), "# Article S1\n\n<p>dehors</p>").expect("write");
    fs::write(
        outside.join("l6123-1.md"),
        "# Article L6123-1\n\n<p>dehors</p>",
    )
    .expect("write");
    let legis = root.join(TRAVAIL).join("partie-legislative");
    fs::create_dir_all(legis.join("dossier.md")).expect("mkdir");
    std::os::unix::fs::symlink(outside.join("secret.md"), legis.join("fuite.md")).expect("ln");
    std::os::unix::fs::symlink(&outside, legis.join("fuite")).expect("ln");
    std::os::unix::fs::symlink(&outside, root.join("code-de-la-route")).expect("ln");
    let canonical = fs::canonicalize(&root).expect("canonical root");
    (tmp, canonical)
}

fuzz_target!(|data: &[u8]| {
    let whole = String::from_utf8_lossy(data);
    check_safe_relative(&whole);
    let (href, text) = match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let text = String::from_utf8_lossy(text).into_owned();
    // What the article model would make of the link's text: the citation it names.
    let cite = citation::detect(&text, &mut Context::new(TRAVAIL))
        .into_iter()
        .next()
        .map(|f| f.cite);
    let link = Link {
        href: String::from_utf8_lossy(href).into_owned(),
        text,
        block: 0,
        cite,
        later_part: data.first().is_some_and(|b| b % 2 == 1),
    };
    check_safe_relative(&link.href);
    let root = root();
    // A new mirror each time: its caches must not make a crash depend on earlier inputs.
    let mirror = Mirror::open(root).expect("the mirror opens");
    let from = format!("{TRAVAIL}/partie-legislative/l1-1.md");
    match resolve(&mirror, &from, &link) {
        Ok(Target::Article { path, .. }) => check_inside(&mirror, root, &link, &path),
        Ok(Target::Many(paths)) => {
            for path in paths {
                check_inside(&mirror, root, &link, &path);
            }
        }
        Ok(Target::Here { .. }) => {}
        Err(Unresolved::Outside(_)) => {
            // Refused as outside: the href is unsafe, another host's (`//`), or leads
            // out once symlinks are followed.
            let out = match safe_relative(&link.href) {
                None => true,
                Some(rel) => link.href.starts_with("//") || mirror.leads_outside(&rel),
            };
            assert!(out, "{link:?} refused as outside");
        }
        Err(_) => {}
    }
});

/// A resolved path names a regular file that, symlinks followed, is inside the root.
fn check_inside(mirror: &Mirror, root: &Path, link: &Link, rel: &str) {
    assert_eq!(
        safe_relative(rel).as_deref(),
        Some(rel),
        "{link:?} → {rel:?}"
    );
    assert!(rel.ends_with(".md"), "{link:?} → {rel:?}");
    let real = fs::canonicalize(root.join(rel)).expect("a resolved path exists");
    assert!(
        real.starts_with(root),
        "{link:?} → {rel:?} leads to {real:?}"
    );
    assert!(real.is_file(), "{link:?} → {rel:?} is no file");
    assert!(mirror.exists(rel), "{link:?} → {rel:?} does not exist");
    let by_path = link.cite.is_none() && !link.later_part;
    if by_path && link.href.ends_with(".md") && !link.href.contains("affichCodeArticle") {
        // A path link resolves to the file it names, maybe in another section.
        let named = safe_relative(&link.href).expect("resolved, so safe");
        assert_eq!(
            named.rsplit('/').next(),
            rel.rsplit('/').next(),
            "{link:?} → {rel:?}"
        );
        assert_eq!(
            named.split('/').next(),
            rel.split('/').next(),
            "{link:?} → {rel:?}"
        );
    }
}

/// `safe_relative` keeps exactly the non-empty, non-`.` parts, in order, and refuses
/// any part that could name something else than a plain file or folder.
fn check_safe_relative(path: &str) {
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let risky = parts.iter().any(|p| {
        *p == ".."
            || p.chars().any(|c| matches!(c, '\\' | ':' | '\0' | '%'))
            || !loi::model::sanitize::is_clean(p)
    });
    let got = safe_relative(path);
    if risky || parts.is_empty() {
        assert_eq!(got, None, "{path:?}");
        return;
    }
    let expected = parts.join("/");
    assert_eq!(got.as_deref(), Some(expected.as_str()), "{path:?}");
    let joined = Path::new("/mirror").join(&expected);
    assert!(
        joined.components().count() == parts.len() + 2 && joined.starts_with("/mirror"),
        "{path:?} → {joined:?}"
    );
}
