//! A mirror that knows its articles through time: the LEGI fixtures of
//! `tests/fixtures/legi/` (a few real articles of the CRPA, with their versions, a
//! Nota, an end already scheduled) built into archives and imported once per run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use loi::app::App;
use loi::mirror::Mirror;
use loi::model::article::Citations;

/// The code of the fixtures' folder.
pub const CODE: &str = "code-des-relations-entre-le-public-et-ladministration";

/// The full LEGI fixture archive (2025-07-13).
pub const FULL: &str = "Freemium_legi_global_20250713-140000.tar.gz";

/// The fixtures' archives (`make-archives.sh`), built once per run.
pub fn archives() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legi");
        let made = Command::new("bash")
            .arg(fixtures.join("make-archives.sh"))
            .arg(dir.path())
            .output()
            .expect("make-archives.sh runs");
        assert!(made.status.success(), "{made:?}");
        dir
    })
    .path()
}

/// The mirror imported from the full archive, once per run (by the library: the
/// command tests import with the binary).
pub fn legi_mirror() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, mirror) = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mirror = dir.path().join("mirror");
        let stop = AtomicBool::new(false);
        loi::mirror::import::run(
            &loi::mirror::import::Options {
                into: mirror.clone(),
                codes: Vec::new(),
                sources: vec![archives().join(FULL)],
                stop: &stop,
            },
            &mut loi::mirror::import::Quiet,
        )
        .expect("the fixtures import");
        (dir, mirror)
    });
    mirror
}

/// The reader at `cols` x `rows` on the fixtures' article `num`.
pub fn reader(num: &str, cols: u16, rows: u16) -> App {
    let mirror = Mirror::open(legi_mirror()).expect("the mirror opens");
    let path = mirror
        .find_named(CODE, &format!("{}.md", num.to_lowercase()))
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{num} is in the fixtures' mirror"));
    let article = mirror.article(&path, Citations::Later).expect("it reads");
    App::new(mirror, article, (cols, rows))
}
