//! A small mirror of three codes for the home's tests: the CRPA articles of the LEGI
//! fixtures as `loi import` made them (so the date of its data is known), three
//! articles of the code du travail in a mirror's folders (a code of the table, no
//! metadata), and the statutes of an association (a folder the codes table does not
//! know). Made once per run.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use loi::app::{App, Start};
use loi::mirror::Mirror;

/// The fixture mirror's root.
pub fn three_codes() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, root) = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("mirror");
        copy_tree(super::dated::legi_mirror(), &root);
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let travail = root.join(
            "code-du-travail/partie-legislative/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie",
        );
        std::fs::create_dir_all(&travail).expect("mkdir");
        for name in ["l6123-1.md", "l6324-9.md", "l5312-1.md"] {
            std::fs::copy(fixtures.join(name), travail.join(name)).expect("copy");
        }
        let statutes = root.join("statuts-de-lassociation/titre-ier-objet");
        std::fs::create_dir_all(&statutes).expect("mkdir");
        for (name, text) in [
            ("article-1.md", "# Article 1\n\n<p>L'association a pour objet la lecture.</p>\n"),
            ("article-2.md", "# Article 2\n\n<p>Son siège est à Lyon.</p>\n"),
        ] {
            std::fs::write(statutes.join(name), text).expect("write");
        }
        (dir, root)
    });
    root
}

/// The reader as `loi --mirror` opens it on the fixture with no article named and no
/// session: on the home, at `cols` x `rows`.
pub fn at_home(cols: u16, rows: u16) -> App {
    let mirror = Mirror::open(three_codes()).expect("the fixture mirror opens");
    App::start(
        mirror,
        None,
        Start {
            size: (cols, rows),
            ..Start::default()
        },
    )
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
