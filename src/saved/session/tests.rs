use super::*;

fn place(path: &str) -> Place {
    Place {
        path: path.into(),
        cursor: 3,
        top_block: 2,
        top_line: 1,
        toggled: vec![3],
        peeks: Vec::new(),
    }
}

fn session(paths: &[&str]) -> Session {
    Session {
        stack: paths.iter().map(|p| place(p)).collect(),
        pos: 0,
        home: false,
    }
}

fn read(file: &Path, key: &str) -> Option<Session> {
    load(file, key).expect("readable").value
}

#[test]
fn a_session_is_kept_per_mirror() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("session.json");
    let one = session(&["c/l1.md"]);
    let other = session(&[]);
    save(&file, "bundled", &one).expect("save");
    save(&file, "/other", &other).expect("save");
    assert_eq!(read(&file, "bundled"), Some(one));
    assert_eq!(read(&file, "/other"), Some(other));
    assert!(read(&file, "/nowhere").is_none());
}

#[test]
fn a_damaged_file_of_two_mirrors_is_kept_aside_said_once_and_not_written_over_with_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("session.json");
    save(&file, "/a", &session(&["c/a1.md", "c/a2.md"])).expect("save");
    save(&file, "/b", &session(&["c/b1.md"])).expect("save");
    // Cut short in the middle of /b's session, as a full disk or an editor would.
    let whole = std::fs::read(&file).expect("read");
    let cut = whole.len() - 40;
    std::fs::write(&file, &whole[..cut]).expect("damage");

    let found = load(&file, "/c").expect("read");
    assert!(found.value.is_none());
    let aside = found.aside.expect("kept aside");
    let name = aside
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("session.json.damaged-20"), "{name}");
    assert_eq!(
        std::fs::read(&aside).expect("aside"),
        &whole[..cut],
        "kept as it was"
    );
    // Said once: the next start finds a sound file.
    assert!(load(&file, "/c").expect("read").aside.is_none());

    save(&file, "/c", &session(&["c/c1.md"])).expect("save");
    assert_eq!(
        read(&file, "/a"),
        Some(session(&["c/a1.md", "c/a2.md"])),
        "saved from it"
    );
    assert!(read(&file, "/c").is_some());
    assert_eq!(
        std::fs::read(&aside).expect("aside"),
        &whole[..cut],
        "never written over"
    );
}

#[test]
fn a_file_that_is_no_object_at_all_is_kept_aside_when_saving_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("session.json");
    std::fs::write(&file, "[1, 2]").expect("write");
    let aside = save(&file, "/c", &session(&[]))
        .expect("save")
        .expect("aside");
    assert_eq!(std::fs::read_to_string(aside).expect("aside"), "[1, 2]");
    assert!(read(&file, "/c").is_some());
}

#[test]
fn an_unreadable_session_is_never_written_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("session.json");
    // A folder in its place.
    std::fs::create_dir(&file).expect("folder");
    assert!(load(&file, "/a").is_err());
    assert!(save(&file, "/a", &session(&[])).is_err());
    assert!(file.is_dir());
    std::fs::remove_dir(&file).expect("remove");

    // No permission to read it (root reads it anyway: then it is merged, not lost).
    use std::os::unix::fs::PermissionsExt;
    save(&file, "/a", &session(&["c/a1.md"])).expect("save");
    let before = std::fs::read(&file).expect("read");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable = std::fs::File::open(&file).is_ok();
    let saved = save(&file, "/b", &session(&["c/b1.md"]));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    if readable {
        saved.expect("save");
        assert_eq!(read(&file, "/a"), Some(session(&["c/a1.md"])));
    } else {
        let e = saved.expect_err("refused");
        assert!(e.to_string().contains("session.json cannot be read"), "{e}");
        assert_eq!(std::fs::read(&file).expect("read"), before);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.to_string_lossy().contains("damaged")),
        "{names:?}"
    );
}

#[test]
fn a_fifo_in_its_place_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("session.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(load(&path, "/a").is_err());
    });
    // Opened, a FIFO with no writer would block for ever.
    let refused = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("answers at once");
    assert!(refused);
}

#[test]
fn another_mirrors_session_keeps_the_fields_this_loi_does_not_know() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("session.json");
    std::fs::write(
        &file,
        r#"{"/a": {"stack": [], "pos": 0, "zoom": 2}, "/z": "from a newer loi"}"#,
    )
    .expect("write");
    save(&file, "/b", &session(&[])).expect("save");
    let all: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("JSON");
    assert_eq!(all["/a"]["zoom"], 2);
    assert_eq!(all["/z"], "from a newer loi");
}

#[test]
fn a_session_from_before_the_home_reads_as_not_on_it_and_home_is_written_only_when_on_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("session.json");
    std::fs::write(&file, r#"{"bundled": {"stack": [], "pos": 0}}"#).expect("write");
    let old = read(&file, "bundled").expect("reads");
    assert!(!old.home);
    save(&file, "bundled", &old).expect("save");
    assert!(
        !std::fs::read_to_string(&file)
            .expect("read")
            .contains("home")
    );
    save(&file, "bundled", &Session { home: true, ..old }).expect("save");
    assert!(read(&file, "bundled").expect("reads").home);
}
