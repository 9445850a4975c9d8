//! End-to-end tests of the user's files found damaged or unreadable at start: the
//! real binary in a pseudo-terminal, its data folder in a temporary one. A damaged
//! session is kept aside and said once on the first screen, in the language spoken;
//! the other mirrors' sessions it held are not lost; one that cannot be read is said
//! and left as it is.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use pty::Pty;

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi(home: &Path, lang: &str, args: &[&str]) -> Pty {
    let config = home.join("config");
    let data = home.join("data");
    let env = [
        ("XDG_CONFIG_HOME", config.to_str().expect("UTF-8")),
        ("XDG_DATA_HOME", data.to_str().expect("UTF-8")),
        ("LANGUAGE", lang),
    ];
    Pty::spawn(Path::new(env!("CARGO_BIN_EXE_loi")), args, &env, 80, 24)
}

fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_owned()
}

/// The files of the data folder whose name starts with `prefix`.
fn named(data: &Path, prefix: &str) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(data)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect()
}

/// A session file of two mirrors, this one's cut short in the middle (a full disk,
/// an editor's crash): its bytes.
fn damage(data: &Path) -> Vec<u8> {
    std::fs::create_dir_all(data).expect("mkdir");
    let text = r#"{
  "/elsewhere": {"stack": [{"path": "c/l1.md", "cursor": 0, "top_block": 0, "top_line": 0, "toggled": []}], "pos": 0},
  "bundled": {"stack": [{"path": "code-du-travail/l6123-1.md", "cursor": 2, "top_bl"#;
    std::fs::write(data.join("session.json"), text).expect("write");
    text.as_bytes().to_vec()
}

#[test]
fn a_damaged_session_is_kept_aside_said_once_and_the_other_mirrors_kept() {
    for (lang, said) in [
        ("en", "Damaged session.json kept as session.json.damaged-20"),
        (
            "fr",
            "session.json abîmé, gardé sous session.json.damaged-20",
        ),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let data = home.path().join("data/loi");
        let damaged = damage(&data);
        let mut p = loi(home.path(), lang, &[]);
        let screen = p.wait_for(said, TIMEOUT);
        assert!(status(&screen).contains(said), "{lang}: {screen}");
        p.send(b"q");
        assert_eq!(p.wait_exit(TIMEOUT), Some(0));

        let aside = named(&data, "session.json.damaged-");
        assert_eq!(aside.len(), 1, "{lang}: {aside:?}");
        assert_eq!(
            std::fs::read(&aside[0]).expect("aside"),
            damaged,
            "{lang}: as it was"
        );
        let now: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(data.join("session.json")).expect("read"),
        )
        .expect("{lang}: sound JSON");
        assert_eq!(
            now["/elsewhere"]["stack"][0]["path"], "c/l1.md",
            "{lang}: not lost"
        );

        // Once: the next start finds a sound file and says nothing of it.
        let mut again = loi(home.path(), lang, &["D313-14"]);
        let screen = again.wait_for("D313-14", TIMEOUT);
        assert!(!screen.contains("session.json"), "{lang}: {screen}");
        again.send(b"q");
        assert_eq!(again.wait_exit(TIMEOUT), Some(0));
        let now: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(data.join("session.json")).expect("read"),
        )
        .expect("sound JSON");
        assert!(
            now.get("/elsewhere").is_some() && now.get("bundled").is_some(),
            "{now}"
        );
        assert_eq!(named(&data, "session.json.damaged-").len(), 1);
    }
}

#[test]
fn a_session_that_cannot_be_read_is_said_and_left_as_it_is() {
    let home = tempfile::tempdir().expect("temp dir");
    let data = home.path().join("data/loi");
    let session = data.join("session.json");
    std::fs::create_dir_all(&session).expect("a folder in its place");
    let mut p = loi(home.path(), "en", &[]);
    let screen = p.wait_for("session.json is not a plain file", TIMEOUT);
    assert!(
        status(&screen)
            .trim()
            .starts_with("session.json is not a plain file: left as it is; move it aside"),
        "{screen}"
    );
    p.send(b"q");
    p.wait_exit(TIMEOUT);
    assert!(session.is_dir(), "left as it is");
    assert!(named(&data, "session.json.damaged-").is_empty());
}
