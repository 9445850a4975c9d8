//! Broken files (bad UTF-8, empty, a folder, a FIFO, a loop, too large…), named on
//! the command line or reached by a link: a clear refusal or what can be read.

use super::*;

/// The size limit of an article file, as `loi::mirror::MAX_ARTICLE_BYTES`.
const LIMIT: usize = 10 * 1024 * 1024;

/// A mirror of broken files, `code-du-travail/s/l1-N.md`, and `l1-20.md`, an article
/// that links to each of them.
struct Broken {
    _dir: tempfile::TempDir,
    root: PathBuf,
    /// Whether this process reads files whatever their permissions (root): the
    /// unreadable file is then readable, and its cases are skipped.
    reads_anything: bool,
}

/// Each broken file: its number, what it is, and its link text in `l1-20.md`.
const BROKEN: &[(&str, &str)] = &[
    ("1", "bad UTF-8"),
    ("2", "NUL bytes"),
    ("3", "empty"),
    ("4", "no heading"),
    ("5", "a folder"),
    ("6", "unreadable"),
    ("7", "a FIFO"),
    ("8", "a symlink loop"),
    ("10", "Windows-1252"),
    ("11", "over the size limit"),
    ("12", "at the size limit"),
    ("13", "nested 100,000 deep"),
];

fn broken_mirror() -> Broken {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("mirror");
    let s = root.join("code-du-travail/s");
    let file = |n: &str| s.join(format!("l1-{n}.md"));
    write(
        &file("1"),
        b"# Article L1-1\n\n<p>Le caf\xc3\xa9 \xff\xfe fin.</p>",
    );
    write(&file("2"), b"# Article L1-2\n\n<p>a\0b\0c suite.</p>");
    write(&file("3"), b"");
    write(&file("4"), b"<p>Sans titre.</p>");
    std::fs::create_dir_all(file("5")).expect("mkdir");
    write(&file("6"), b"# Article L1-6\n\n<p>Secret.</p>");
    let mut perms = std::fs::metadata(file("6")).expect("stat").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(file("6"), perms).expect("chmod");
    let reads_anything = std::fs::read(file("6")).is_ok();
    let fifo = Command::new("mkfifo")
        .arg(file("7"))
        .status()
        .expect("run mkfifo");
    assert!(fifo.success(), "mkfifo");
    std::os::unix::fs::symlink("l1-8.md", file("8")).expect("symlink");
    write(
        &file("10"),
        b"# Article L1-10\n\n<p>Le pr\xe9sident d\xe9l\xe8gue \x93\xe0 l'\xe9tablissement\x94.</p>",
    );
    let head = b"# Article L1-11\n\n<p>Le texte.</p>";
    let mut big = head.to_vec();
    big.resize(LIMIT + 1, b' ');
    write(&file("11"), &big);
    // The same at the limit exactly (white space after the text, which the reader
    // skips quickly even in a debug build).
    big.truncate(LIMIT);
    big[..head.len()].copy_from_slice(b"# Article L1-12\n\n<p>Le texte.</p>");
    write(&file("12"), &big);
    let depth = 100_000;
    let deep = format!(
        "# Article L1-13\n\n{}fond{}<p>après</p>",
        "<ul><li>".repeat(depth),
        "</li></ul>".repeat(depth)
    );
    write(&file("13"), deep);
    let links: String = BROKEN
        .iter()
        .map(|(n, what)| {
            format!("<p>{n}° <a href='/code-du-travail/s/l1-{n}.md'>L. 1-{n}</a> ({what}).</p>")
        })
        .collect();
    write(&file("20"), format!("# Article L1-20\n\n{links}"));
    Broken {
        _dir: dir,
        root,
        reads_anything,
    }
}

impl Broken {
    fn root(&self) -> &str {
        self.root.to_str().expect("UTF-8 temp path")
    }

    /// `loi --mirror ROOT args`, with no terminal: it must end within the timeout.
    fn run(&self, args: &[&str]) -> Output {
        let mut child = Command::new(loi())
            .arg("--mirror")
            .arg(&self.root)
            .args(args)
            .env_remove("LOI_MIRROR")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run loi");
        // The pipes are drained meanwhile: an output larger than a pipe holds would
        // otherwise block loi and look like a hang.
        let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
            std::thread::spawn(move || {
                let mut all = Vec::new();
                if let Some(mut pipe) = pipe {
                    let _ = pipe.read_to_end(&mut all);
                }
                all
            })
        };
        let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
        let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
        let deadline = std::time::Instant::now() + HANG;
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break status;
            }
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                panic!("loi {args:?} hangs");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        Output {
            status,
            stdout: stdout.join().expect("stdout"),
            stderr: stderr.join().expect("stderr"),
        }
    }

    fn open(&self, args: &[&str]) -> Pty {
        let mut all = vec!["--mirror", self.root()];
        all.extend(args);
        Pty::spawn(loi(), &all, &[("LOI_MIRROR", "")], 120, 20)
    }
}

fn skip_note(what: &str) {
    eprintln!(
        "note: this test runs with the right to read any file (root?): the unreadable \
         file is readable, so {what} is not checked"
    );
}

/// Each broken file named on the command line: a refusal in one line on stderr with
/// exit code 2, at once, or the reader showing what can be read of it.
#[test]
fn broken_files_on_the_command_line() {
    let m = broken_mirror();
    let refused: &[(&[&str], &str)] = &[
        (&["L1-3"], "l1-3.md is empty (0 bytes)"),
        (&["L1-4"], "l1-4.md is not an article"),
        (
            &["code-du-travail/s/l1-5.md"],
            "l1-5.md is a folder, not an article file",
        ),
        (
            &["code-du-travail/s/l1-7.md"],
            "l1-7.md is a FIFO (named pipe), not an article file",
        ),
        (
            &["code-du-travail/s/l1-8.md"],
            "cannot read code-du-travail/s/l1-8.md: Too many levels of symbolic links",
        ),
        (
            &["L1-11"],
            "l1-11.md is 10485761 bytes: too large to be an article (the limit is 10485760 bytes)",
        ),
        // By number, what is not a file is not an article: the walk never opens it.
        (&["L1-5"], "no article L1-5"),
        (&["L1-7"], "no article L1-7"),
        (&["L1-8"], "no article L1-8"),
    ];
    let unreadable: &[(&[&str], &str)] = &[(
        &["L1-6"],
        "cannot read code-du-travail/s/l1-6.md: Permission denied",
    )];
    let refused = if m.reads_anything {
        skip_note("refusing it on the command line");
        refused.to_vec()
    } else {
        [refused, unreadable].concat()
    };
    for (args, message) in refused {
        let out = m.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("loi: ") && err.contains(message),
            "{args:?}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
    // loi links walks past the FIFO, the loop and the file too large to open, and
    // says why each leads nowhere.
    let out = m.run(&["links"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for why in [
        "\tL. 1-5\t-\tcode-du-travail/s/l1-5.md is a folder",
        "\tL. 1-7\t-\tcode-du-travail/s/l1-7.md is a FIFO",
        "\tL. 1-8\t-\tcannot read code-du-travail/s/l1-8.md: Too many levels",
        "\tL. 1-11\t-\tcode-du-travail/s/l1-11.md is 10485761 bytes: too large",
    ] {
        assert!(text.contains(why), "{why:?} in:\n{text}");
    }
    // vt100 drops U+FFFD from its screen: the bytes written must hold it.
    let opened: &[(&str, &[&str], &str)] = &[
        (
            "L1-1",
            &["Le café", "fin.", "not valid UTF-8: the bad bytes show as"],
            "\u{fffd}\u{fffd}",
        ),
        ("L1-2", &["abc suite."], ""),
        (
            "L1-10",
            &[
                "Le président délègue “à l'établissement”.",
                "read as Windows-1252",
            ],
            "",
        ),
        ("L1-12", &["Article L1-12", "Le texte."], ""),
        ("L1-13", &["Article L1-13", "fond"], ""),
    ];
    for (num, shown, written) in opened {
        let mut p = m.open(&[num]);
        for text in *shown {
            p.wait_for(text, TIMEOUT);
        }
        p.key(Key::Char('q'));
        assert_eq!(p.wait_exit(TIMEOUT), Some(0), "{num}");
        let out = String::from_utf8_lossy(&p.output()).into_owned();
        assert!(out.contains(written), "{num}: {written:?} not written");
    }
}

/// Each broken file reached by a link from inside the reader: the status line says
/// why it does not open, or it opens; either way the reader goes on.
#[test]
fn broken_files_from_a_link() {
    let m = broken_mirror();
    let mut p = m.open(&["L1-20"]);
    p.wait_for("Article L1-20", TIMEOUT);
    let refused = |n: &str| -> Option<&str> {
        Some(match n {
            "3" => "l1-3.md is empty (0 bytes)",
            "5" => "l1-5.md is a folder, not an article file",
            "6" if !m.reads_anything => "l1-6.md: Permission denied",
            "7" => "l1-7.md is a FIFO (named pipe), not an article file",
            "8" => "l1-8.md: Too many levels of symbolic links",
            "11" => "l1-11.md is 10485761 bytes: too large",
            _ => return None,
        })
    };
    if m.reads_anything {
        skip_note("following a link to it");
    }
    for (n, what) in BROKEN {
        p.key(Key::Tab);
        p.wait_for(&format!(" L. 1-{n}"), TIMEOUT);
        p.key(Key::Enter);
        match refused(n) {
            Some(why) => {
                let screen = p.wait_for(why, TIMEOUT);
                assert!(screen.starts_with(" Article L1-20"), "{what}: {screen}");
            }
            None => {
                p.wait_for(&format!(" Article L1-{n}"), TIMEOUT);
                p.key(Key::Backspace);
                p.wait_for(" Article L1-20", TIMEOUT);
            }
        }
    }
    // Still usable: the help opens and closes, q quits.
    p.key(Key::Char('?'));
    p.wait_for("Keys", TIMEOUT);
    p.key(Key::Esc);
    // Not at once: ESC then q would read as Alt-q.
    p.wait_for("2° L. 1-2", TIMEOUT);
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
