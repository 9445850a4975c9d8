//! The npm package the corpus mirrors were made from, `@socialgouv/legi-data` 2.513.0
//! (12.6 MB), for the import tests: `LOI_LEGI_DATA` when set, else fetched once with
//! `npm pack` into cargo's temporary folder and checked against its known digest.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

const PACKAGE: &str = "@socialgouv/legi-data@2.513.0";
const FILE: &str = "socialgouv-legi-data-2.513.0.tgz";
/// `sha256sum` of the package as the npm registry serves it.
const SHA256: &str = "10b1764253677990bb889057a49e8ddbc8486173502b38e7a1c75a7260b42de5";

/// The package's `.tgz`.
pub fn package() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        if let Some(given) = std::env::var_os("LOI_LEGI_DATA") {
            return PathBuf::from(given);
        }
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("legi-data");
        let file = dir.join(FILE);
        if !file.exists() || digest(&file) != SHA256 {
            std::fs::create_dir_all(&dir).expect("a folder for the package");
            let fetched = Command::new("npm")
                .args(["pack", PACKAGE, "--silent", "--pack-destination"])
                .arg(&dir)
                .status();
            assert!(
                fetched.is_ok_and(|s| s.success()),
                "could not fetch {PACKAGE} with npm: install npm, or set LOI_LEGI_DATA to the package's .tgz"
            );
        }
        assert_eq!(digest(&file), SHA256, "{} is not the package", file.display());
        file
    })
}

fn digest(file: &std::path::Path) -> String {
    let out = Command::new("sha256sum")
        .arg(file)
        .output()
        .expect("sha256sum runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}
