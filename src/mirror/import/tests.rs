//! The import on small codes shaped as legi-data ships them (the corpus test imports
//! the real package): what it writes, what an update changes, and bad input.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::*;

/// A node as legi-data writes it: `data`, `type`, then `children` (json! would sort
/// the keys).
fn node(data: &serde_json::Value, kind: &str, children: Option<Vec<String>>) -> String {
    let children = children
        .map(|c| format!(",\"children\":[{}]", c.join(",")))
        .unwrap_or_default();
    format!("{{\"data\":{data},\"type\":\"{kind}\"{children}}}")
}

/// An article node as legi-data writes it (dates in milliseconds).
fn article(id: &str, num: &str, etat: &str, html: &str) -> String {
    let data = serde_json::json!({
            "articleVersions": [
                {"id": format!("{id}0"), "etat": "MODIFIE", "version": "1.0",
                 "dateDebut": 1_136_073_600_000_i64, "dateFin": 1_451_606_400_000_i64,
                 "numero": null, "ordre": null},
                {"id": id, "etat": etat, "version": "2.0",
                 "dateDebut": 1_451_606_400_000_i64, "dateFin": 32_472_144_000_000_i64,
                 "numero": null, "ordre": null}
            ],
            "cid": format!("{id}0"),
            "dateDebut": 1_451_606_400_000_i64,
            "dateFin": 32_472_144_000_000_i64,
            "etat": etat,
            "id": id,
            "intOrdre": 1,
            "lienModifications": [{
                "textCid": "JORFTEXT000031360943",
                "textTitle": "ORDONNANCE n°2015-1341 du 23 octobre 2015 - art.",
                "linkType": "CREE", "linkOrientation": "cible",
                "articleNum": "Annexe", "articleId": "LEGIARTI000031365132",
                "natureText": "ORDONNANCE", "datePubliTexte": "2015-10-25",
                "dateSignaTexte": "2015-10-23", "dateDebutCible": "2016-01-01"
            }],
            "nota": "", "notaHtml": if num.trim() == "L1" { "<p>Entre en vigueur le 1er janvier 2016.</p>" } else { "" },
            "num": num,
            "texte": "",
            "texteHtml": html
    });
    node(&data, "article", None)
}

fn section(title: &str, children: Vec<String>) -> String {
    let data = serde_json::json!({"cid": "LEGISCTA1", "etat": "VIGUEUR", "id": "LEGISCTA1",
        "intOrdre": 1, "title": title, "dateDebut": "2016-01-01", "dateFin": "2999-01-01"});
    node(&data, "section", Some(children))
}

fn code(id: &str, title: &str, children: Vec<String>) -> String {
    let data = serde_json::json!({"cid": id, "etat": "VIGUEUR", "id": id, "intOrdre": 0,
        "title": title, "dateModif": "2026-02-05"});
    node(&data, "code", Some(children))
}

fn link(code: &str, id: &str, text: &str) -> String {
    format!(
        "<a href=\"/affichCodeArticle.do?cidTexte={code}&idArticle={id}&dateTexte=&categorieLien=cid\" title=\"Code - art. (V)\">{text}</a>"
    )
}

const A: &str = "LEGITEXT000000000001";
const B: &str = "LEGITEXT000000000002";

/// Code A: L1 cites L2 (later in the file) by an old version's id, and B's R1; L3 is
/// repealed.
fn code_a(l2_text: &str) -> String {
    code(
        A,
        "Code de l'Essai",
        vec![section(
            "Partie législative  ",
            vec![
                article(
                    "LEGIARTI000000000011",
                    "L1 ",
                    "VIGUEUR",
                    &format!(
                        "<p>Voir l'article {} et {}.</p>",
                        link(A, "LEGIARTI0000000000120", "L. 2"),
                        link(B, "LEGIARTI000000000021", "R. 1")
                    ),
                ),
                section(
                    "Titre Ier : Œuvres",
                    vec![article("LEGIARTI000000000012", "L2", "VIGUEUR", l2_text)],
                ),
                article("LEGIARTI000000000013", "L3", "ABROGE", "<p>Abrogé.</p>"),
            ],
        )],
    )
}

fn code_b() -> String {
    code(
        B,
        "Code du Second",
        vec![article(
            "LEGIARTI000000000021",
            "R1",
            "VIGUEUR",
            &format!(
                "<p>Comme à l'{}.</p>",
                link(A, "LEGIARTI000000000011", "article L. 1")
            ),
        )],
    )
}

struct Place {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Place {
    fn new() -> Place {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().to_owned();
        Place { _tmp: tmp, dir }
    }
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.join(name);
        fs::write(&path, text).expect("write");
        path
    }
    fn mirror(&self) -> PathBuf {
        self.dir.join("mirror")
    }
    fn import(&self, sources: &[&PathBuf], codes: &[&str]) -> Result<Summary, ImportError> {
        let stop = AtomicBool::new(false);
        run(
            &Options {
                into: self.mirror(),
                codes: codes.iter().map(|c| (*c).to_owned()).collect(),
                sources: sources.iter().map(|s| (*s).clone()).collect(),
                stop: &stop,
            },
            &mut Quiet,
        )
    }
    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.mirror().join(rel)).expect("an article")
    }
}

const L1: &str = "code-de-lessai/partie-legislative/l1.md";
const L2: &str = "code-de-lessai/partie-legislative/titre-ier-uvres/l2.md";
const R1: &str = "code-du-second/r1.md";

#[test]
fn articles_are_written_in_the_mirror_format_with_links_to_what_it_holds() {
    let p = Place::new();
    let a = p.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>"));
    let s = p.import(&[&a], &[]).expect("imported");
    assert_eq!(
        (s.new, s.changed, s.unchanged, s.not_in_force),
        (2, 0, 0, 1)
    );
    // The heading's number trimmed; the link to L2 by an old version's id is its
    // path; R1's code is not in the mirror: its link keeps Légifrance's address; the
    // title attribute is gone.
    assert_eq!(
        p.read(L1),
        format!(
            "# Article L1\n\n<p>Voir l'article <a href='/{L2}'>L. 2</a> et <a href='/affichCodeArticle.do?cidTexte={B}&idArticle=LEGIARTI000000000021&dateTexte=&categorieLien=cid'>R. 1</a>.</p>"
        )
    );
    assert_eq!(p.read(L2), "# Article L2\n\n<p>Deux.</p>");
    assert!(
        !p.mirror()
            .join("code-de-lessai/partie-legislative/l3.md")
            .exists()
    );
    let mirror = meta::read_mirror(&p.mirror()).expect("mirror.json");
    assert_eq!((mirror.generation, mirror.codes.len()), (1, 1));
    assert_eq!(mirror.codes[0].data_date.as_deref(), Some("2026-02-05"));
    let lines = meta::read_code(&p.mirror(), "code-de-lessai");
    let l1 = lines.iter().find(|a| a.num == "L1").expect("L1's metadata");
    assert_eq!(l1.path, L1);
    assert_eq!(
        (l1.since.as_deref(), l1.until.as_deref()),
        (Some("2016-01-01"), None)
    );
    assert_eq!(l1.versions.len(), 2);
    assert_eq!(l1.versions[0].until.as_deref(), Some("2016-01-01"));
    assert!(
        l1.nota
            .as_deref()
            .is_some_and(|n| n.contains("1er janvier"))
    );
    assert_eq!(l1.changed_by[0].kind, "CREE");
    // The reader finds the imported articles, and not the metadata.
    let m = crate::mirror::Mirror::open(&p.mirror()).expect("opens");
    assert_eq!(m.index().len(), 2);
}

#[test]
fn an_update_writes_only_what_changed_and_says_so() {
    let p = Place::new();
    let a = p.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>"));
    p.import(&[&a], &[]).expect("first import");
    let inode = |rel: &str| {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(p.mirror().join(rel)).expect("there").ino()
    };
    let l1_before = inode(L1);
    let a = p.file(
        "LEGITEXT000000000001.json",
        &code_a("<p>Deux, modifié.</p>"),
    );
    let s = p.import(&[&a], &[]).expect("second import");
    assert_eq!((s.new, s.changed, s.unchanged, s.removed), (0, 1, 1, 0));
    assert_eq!(
        inode(L1),
        l1_before,
        "an unchanged article is the same file"
    );
    assert_eq!(p.read(L2), "# Article L2\n\n<p>Deux, modifié.</p>");
    assert_eq!(meta::read_mirror(&p.mirror()).expect("meta").generation, 2);
    // L2 gone from the source: removed from the mirror.
    let without = code(
        A,
        "Code de l'Essai",
        vec![section("Partie législative", vec![])],
    );
    let a = p.file("LEGITEXT000000000001.json", &without);
    let s = p.import(&[&a], &[]).expect("third import");
    assert_eq!((s.new, s.removed), (0, 2));
    assert!(!p.mirror().join(L2).exists());
}

#[test]
fn codes_imported_apart_link_to_each_other_as_if_imported_together() {
    let together = Place::new();
    let (a, b) = (
        together.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>")),
        together.file("LEGITEXT000000000002.json", &code_b()),
    );
    together.import(&[&a, &b], &[]).expect("both");
    let apart = Place::new();
    apart.import(&[&a], &[]).expect("A");
    let s = apart.import(&[&b], &[]).expect("B");
    assert_eq!(s.kept, vec!["code-de-lessai".to_owned()]);
    assert_eq!(s.relinked, 1, "L1's link to R1 now leads to its file");
    for rel in [L1, L2, R1] {
        assert_eq!(apart.read(rel), together.read(rel), "{rel}");
    }
    // B again, without R1: A's link to it is Légifrance's address again.
    let empty_b = code(B, "Code du Second", vec![]);
    let b2 = apart.file("b2.json", &empty_b);
    apart.import(&[&b2], &[]).expect("B emptied");
    assert!(apart.read(L1).contains("idArticle=LEGIARTI000000000021"));
    assert!(!apart.read(L1).contains(R1));
}

#[test]
fn codes_are_chosen_by_title_folder_id_or_abbreviation() {
    let p = Place::new();
    let a = p.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>"));
    let b = p.file("LEGITEXT000000000002.json", &code_b());
    for asked in [
        "code du second",
        "code-du-second",
        B,
        "LEGITEXT000000000002",
    ] {
        let s = p.import(&[&a, &b], &[asked]).expect(asked);
        assert_eq!(s.codes.len(), 1, "{asked}");
        assert_eq!(s.codes[0].folder, "code-du-second");
    }
    match p.import(&[&a, &b], &["C. civ."]) {
        Err(ImportError::NoSuchCode { asked, held }) => {
            assert_eq!(asked, "C. civ.");
            assert!(held.contains("code-de-lessai"), "{held}");
        }
        other => panic!("{other:?}"),
    }
    assert!(names_code(
        "C. trav.",
        "LEGITEXT000006072050",
        "Code du travail",
        "code-du-travail"
    ));
    assert!(!names_code(
        "CSS",
        "LEGITEXT000006072050",
        "Code du travail",
        "code-du-travail"
    ));
}

/// Every bad input: a clear error, and the mirror there before left as it was.
#[test]
fn bad_input_leaves_the_mirror_as_it_was() {
    let p = Place::new();
    let a = p.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>"));
    p.import(&[&a], &[]).expect("a mirror to keep");
    let before = tree(&p.mirror());
    let whole = code_a("<p>Trois.</p>");
    let cases: Vec<(&str, String)> = vec![
        ("cut.json", whole[..whole.len() / 2].to_owned()),
        ("array.json", "[1, 2]".to_owned()),
        ("section.json", section("x", vec![])),
        ("notjson.json", "<?xml version='1.0'?><ARTICLE/>".to_owned()),
        (
            "children-first.json",
            r#"{"children": [], "data": {}, "type": "code"}"#.to_owned(),
        ),
        (
            "deep.json",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
    ];
    for (name, text) in &cases {
        let f = p.file(name, text);
        let e = p.import(&[&f], &[]).expect_err(name);
        let said = e.to_string();
        assert!(said.contains(name), "{name}: {said}");
        assert!(
            matches!(e, ImportError::Shape { .. } | ImportError::CutShort { .. }),
            "{name}: {e:?}"
        );
        assert_eq!(tree(&p.mirror()), before, "{name}");
    }
    // A gzip cut short.
    let cut = p.file("pkg.tgz", "");
    fs::write(
        &cut,
        &gzip_tar(&[("package/data/LEGITEXT000000000001.json", &whole)])[..40],
    )
    .expect("write");
    let e = p.import(&[&cut], &[]).expect_err("cut archive");
    assert!(
        matches!(
            e,
            ImportError::Damaged { .. } | ImportError::CutShort { .. }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("pkg.tgz"), "{e}");
    let other = p.file("notes.txt", "x");
    assert!(matches!(
        p.import(&[&other], &[]),
        Err(ImportError::UnknownSource(_))
    ));
    assert!(matches!(
        p.import(&[&p.dir.join("absent.json")], &[]),
        Err(ImportError::Unreadable { .. })
    ));
    assert_eq!(tree(&p.mirror()), before);
    // Nothing of the failed imports is left beside the mirror.
    let beside: Vec<String> = fs::read_dir(&p.dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn the_package_archive_is_read_without_extracting_it_and_paths_in_it_lead_nowhere() {
    let p = Place::new();
    let a = code_a("<p>Deux.</p>");
    let tgz = p.dir.join("pkg.tgz");
    fs::write(
        &tgz,
        gzip_tar(&[
            ("package/README.md", "x"),
            ("package/data/index.json", "[]"),
            ("../../evil/LEGITEXT000000000001.json", &a),
        ]),
    )
    .expect("write");
    let s = p.import(&[&tgz], &[]).expect("imported");
    assert_eq!(s.new, 2);
    assert!(!p.dir.join("evil").exists() && !p.dir.parent().expect("up").join("evil").exists());
    // Two articles in three folders; .loi, .loi/codes and their two files.
    assert_eq!(tree(&p.mirror()).len(), 2 + 3 + 4);
}

#[test]
fn the_target_must_be_a_folder_that_is_new_empty_or_imported() {
    let p = Place::new();
    let a = p.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>"));
    fs::write(p.mirror(), "a file").expect("write");
    assert!(matches!(
        p.import(&[&a], &[]),
        Err(ImportError::IntoIsAFile(_))
    ));
    fs::remove_file(p.mirror()).expect("rm");
    fs::create_dir(p.mirror()).expect("mkdir");
    fs::write(p.mirror().join("notes.txt"), "mine").expect("write");
    assert!(matches!(
        p.import(&[&a], &[]),
        Err(ImportError::NotAnImportedMirror(_))
    ));
    assert_eq!(
        fs::read_to_string(p.mirror().join("notes.txt")).expect("kept"),
        "mine"
    );
    fs::remove_file(p.mirror().join("notes.txt")).expect("rm");
    p.import(&[&a], &[]).expect("an empty folder is fine");
}

#[test]
fn a_live_import_holds_the_mirror_and_a_dead_one_is_cleaned_up() {
    let p = Place::new();
    let a = p.file("LEGITEXT000000000001.json", &code_a("<p>Deux.</p>"));
    let lock = p.dir.join(".mirror.import.lock");
    // Process 1 (init) is alive: its lock holds.
    fs::write(&lock, "1").expect("write");
    match p.import(&[&a], &[]) {
        Err(ImportError::Busy { pid, .. }) => assert_eq!(pid, 1),
        other => panic!("{other:?}"),
    }
    // A process that is gone: its lock and its half-written mirror are taken over.
    let dead = dead_pid();
    fs::write(&lock, dead.to_string()).expect("write");
    let left = p.dir.join(format!(".mirror.import-{dead}"));
    fs::create_dir_all(left.join("code-x")).expect("mkdir");
    p.import(&[&a], &[]).expect("imported");
    assert!(!left.exists() && !lock.exists());
}

/// A process id no process has: a child that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("true runs");
    let pid = child.id();
    child.wait().expect("ends");
    pid
}

/// Every path under `dir` with its bytes (folders with none), sorted.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, Vec<u8>)>) {
        for e in fs::read_dir(dir).expect("dir").filter_map(Result::ok) {
            let name = format!("{rel}/{}", e.file_name().to_string_lossy());
            if e.file_type().expect("type").is_dir() {
                out.push((name.clone(), Vec::new()));
                walk(&e.path(), &name, out);
            } else {
                out.push((name, fs::read(e.path()).expect("read")));
            }
        }
    }
    walk(dir, "", &mut out);
    out.sort();
    out
}

fn gzip_tar(files: &[(&str, &str)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (name, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        // set_path refuses `..`: the name is written as a hostile archive would.
        let bytes = name.as_bytes();
        header.as_old_mut().name[..bytes.len()].copy_from_slice(bytes);
        header.set_cksum();
        tar.append(&header, text.as_bytes()).expect("append");
    }
    tar.into_inner().expect("tar").finish().expect("gzip")
}
