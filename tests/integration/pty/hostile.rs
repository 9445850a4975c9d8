//! A mirror that attacks its reader: escape sequences in text, hrefs and folder names,
//! broken and hostile files, and paths that try to leave the mirror. The real binary
//! reads them in a pseudo-terminal, and every byte it writes is checked.

use crate::support::pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);
/// How long a command-line run may take before it counts as hung. This is a debug
/// build: `loi links` over the broken mirror takes 3-5 s here (0.3 s in release, the
/// build the 1 s promise is about), and CI machines may be loaded.
const HANG: Duration = Duration::from_secs(30);

/// What a hostile file tries to make the terminal do: clear the screen (7-bit and
/// C1 CSI), set the clipboard (OSC 52), set the window title (OSC 0), query the
/// terminal (DCS), a bare ESC, C1 controls, DEL, and bidi override and isolate.
const PAYLOADS: &[&str] = &[
    "\x1b[2J",
    "\u{9b}2J",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x1b]0;pwned\x07",
    "\x1bP1$r\x1b\\",
    "\x1b",
    "\u{85}\u{90}\u{9d}\u{9e}\u{9f}",
    "\x7f",
    "\u{202e}",
    "\u{2066}",
];

/// Every payload, in a row, between words.
fn payloads() -> String {
    PAYLOADS.iter().map(|p| format!("x{p}y ")).collect()
}

/// The same payloads as HTML character references: the parser decodes `&#27;`.
fn payload_entities() -> String {
    "a&#27;[2Jb &#x9b;2J &#x1b;]0;pwned&#7; &#x202E;c&#x2066;d &#127; &#x85;".to_owned()
}

fn loi() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_loi"))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// A mirror whose articles, hrefs, link texts and folder names carry the payloads.
///
/// `code-du-travail/section-1/l1-1.md` cites `l1-2.md` beside it (whose heading
/// carries payloads), `l1-3.md`, which only exists in a folder whose name is itself
/// an escape sequence, and `l1-5.md`, only in a folder whose name has bidi controls.
struct Hostile {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

const BIDI_SECTION: &str = "section-2-\u{202e}evil\u{2066}";

fn evil_folder() -> String {
    format!("titre-{}", PAYLOADS[..5].concat())
}

fn hostile_mirror() -> Hostile {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("mirror");
    let code = root.join("code-du-travail");
    let section = code.join("section-1-hostile");
    let p = payloads();
    let sibling = "/code-du-travail/section-1-hostile/l1-2.md";
    let article = format!(
        "# Article L1-1 {p}\n\n\
         <p>I.-Texte {p} fin.</p>\
         <p>1° Entités {e}.</p>\
         <p>2° Voir l'<a href='{sibling}'>article L. 1-2 {p}</a>.</p>\
         <p>3° Voir l'<a href='/code-du-travail/ailleurs/l1-3.md'>article L. 1-3 {p}</a>.</p>\
         <p>4° <a href='/code-du-travail/{p}/l1-2.md'>{p}</a> et <a href='{sibling}{p}'>lien</a>.</p>\
         <p>5° <a href='/code-du-travail/{BIDI_SECTION}/l1-5.md'>L. 1-5</a> et \
         <a href='/affichCodeArticle.do?cidTexte={p}&amp;idArticle=1'>L. 9-9 {p}</a>.</p>\
         <p>6° <a href='https://evil.example/{p}'>web {p}</a> et \
         <a href='javascript:{p}'>js</a>.</p>\
         <table><tr><td>{p}</td><td>case {e}</td></tr></table>\
         <p>II.-Le tab\tici, et l'article L. 1-2 {p}.</p>",
        e = payload_entities(),
    );
    write(&section.join("l1-1.md"), article);
    write(
        &section.join("l1-2.md"),
        format!("# Article L1-2{p}\n\n<p>Cible {p}.</p>"),
    );
    write(
        &code.join(evil_folder()).join("l1-3.md"),
        format!("# Article L1-3\n\n<p>Caché {p}.</p>"),
    );
    write(
        &section.join(format!("l1-4{}.md", PAYLOADS[0])),
        format!("# Article L1-4\n\n<p>{p}</p>"),
    );
    write(
        &code.join(BIDI_SECTION).join("l1-5.md"),
        format!("# Article L1-5\n\n<p>{p}</p>"),
    );
    Hostile { _dir: dir, root }
}

impl Hostile {
    fn root(&self) -> &str {
        self.root.to_str().expect("UTF-8 temp path")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(loi())
            .arg("--mirror")
            .arg(&self.root)
            .args(args)
            .env_remove("LOI_MIRROR")
            .output()
            .expect("run loi")
    }
}

/// Checks that `bytes`, written to a terminal, hold no control sequence but the
/// kinds ratatui and crossterm emit: CSI with numeric parameters and a final byte
/// among cursor moves, SGR, scrolling region and scrolls, erase, and the private
/// modes 1049 (alternate screen) and 25 (cursor). No OSC, DCS, APC, no bare ESC, no
/// C0 but CR and LF, no DEL, no C1 character (decoded as UTF-8 first: 0x9B is also
/// a continuation byte) and no bidi control.
fn assert_only_own_sequences(bytes: &[u8], what: &str) {
    check_bytes(bytes, what, true);
}

/// Checks that text for a pipe (`loi links`) holds no ESC at all, no control but
/// tab and line feed, no C1 and no bidi control.
fn assert_plain(bytes: &[u8], what: &str) {
    check_bytes(bytes, what, false);
}

fn check_bytes(bytes: &[u8], what: &str, terminal: bool) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => panic!(
            "{what}: not UTF-8 at byte {} (a raw C1 byte?): {:?}",
            e.valid_up_to(),
            String::from_utf8_lossy(&bytes[e.valid_up_to().saturating_sub(40)..])
        ),
    };
    let chars: Vec<char> = text.chars().collect();
    let around = |i: usize| -> String {
        let from = i.saturating_sub(30);
        let to = (i + 30).min(chars.len());
        format!("{:?}", chars[from..to].iter().collect::<String>())
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' && terminal {
            assert_eq!(
                chars.get(i + 1),
                Some(&'['),
                "{what}: an ESC that starts no CSI: {}",
                around(i)
            );
            let mut j = i + 2;
            let private = chars.get(j) == Some(&'?');
            if private {
                j += 1;
            }
            let start = j;
            while chars
                .get(j)
                .is_some_and(|c| c.is_ascii_digit() || *c == ';')
            {
                j += 1;
            }
            let params: String = chars[start..j].iter().collect();
            let last = chars.get(j).copied().unwrap_or('\0');
            let ok = if private {
                // The alternate screen, the cursor, mouse reporting (1000, 1006).
                matches!(params.as_str(), "1049" | "25" | "1000" | "1006")
                    && matches!(last, 'h' | 'l')
            } else {
                matches!(
                    last,
                    'H' | 'm' | 'r' | 'S' | 'T' | 'K' | 'A' | 'B' | 'C' | 'D' | 'G'
                )
            };
            assert!(ok, "{what}: a CSI loi does not write: {}", around(i));
            i = j + 1;
            continue;
        }
        let allowed = if terminal { "\r\n" } else { "\t\n" };
        let control = c.is_control() && !allowed.contains(c);
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}');
        assert!(
            !control && !bidi,
            "{what}: U+{:04X} reaches the terminal: {}",
            c as u32,
            around(i)
        );
        i += 1;
    }
}

/// Presses `key`, then gives the reader time to draw.
fn press(p: &mut Pty, key: Key) {
    p.key(key);
    std::thread::sleep(Duration::from_millis(40));
}

#[test]
fn the_checker_catches_every_payload() {
    for payload in PAYLOADS {
        let caught = std::panic::catch_unwind(|| {
            assert_only_own_sequences(format!("a{payload}b").as_bytes(), "payload");
        });
        assert!(caught.is_err(), "{payload:?} passed the check");
    }
    assert!(
        std::panic::catch_unwind(|| assert_only_own_sequences(b"a\x9b2Jb", "raw")).is_err(),
        "a raw C1 byte"
    );
    assert_only_own_sequences(
        "\x1b[?1049h\x1b[1;1H\x1b[38;5;3m▌ é\x1b[0m\r\n\x1b[4;11r\x1b[1S\x1b[?25l".as_bytes(),
        "loi's own",
    );
}

/// Open the hostile article, unfold it, Tab to every reference and press Enter on
/// each (coming back when one opens), show the help: nothing the mirror holds
/// reaches the terminal as a control sequence.
#[test]
fn nothing_from_the_mirror_reaches_the_terminal_as_a_control_sequence() {
    let m = hostile_mirror();
    let mut p = Pty::spawn(loi(), &["--mirror", m.root(), "L1-1"], &[], 100, 30);
    p.wait_for("Article L1-1", TIMEOUT);
    press(&mut p, Key::Char('+'));
    let mut screens = vec![p.screen()];
    let mut look = |p: &mut Pty, key: Key| {
        press(p, key);
        screens.push(p.screen());
    };
    for _ in 0..14 {
        look(&mut p, Key::Tab);
        look(&mut p, Key::Enter);
        if p.screen().starts_with(" Article L1-2") {
            look(&mut p, Key::Backspace);
        }
        if p.screen().contains("↑↓ choose") {
            look(&mut p, Key::Esc);
        }
    }
    look(&mut p, Key::Char('?'));
    look(&mut p, Key::Esc);
    look(&mut p, Key::Char('G'));
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0), "{}", p.screen());
    assert_only_own_sequences(&p.output(), "the reader");
    // The payloads were on screen, made harmless: what is left of them shows.
    let shown = screens.join("\n");
    for remnant in [
        "]0;pwned",
        "]52;c;SGVsbG8=",
        "P1$r",
        "Cible x[2Jy",
        "Section 1 hostile",
        "Keys",
        "article L. 1-3 x[2Jy x2Jy x]52;c;SGVsbG8=y x]0;pwnedy xP1$r\\y xy xy xy xy xy: not in this mir",
        "L. 1-5: not in this mirror",
    ] {
        assert!(shown.contains(remnant), "{remnant:?} never shown:\n{shown}");
    }
}

/// `loi links` and `loi print` write what the mirror says to a pipe or a terminal: as
/// text and as JSON, they carry no control sequence either; `print --color=always`
/// only its own SGR sequences.
#[test]
fn subcommands_write_no_control_sequence() {
    let m = hostile_mirror();
    for args in [
        &["links"][..],
        &["links", "--json"],
        &["links", "L1-1"],
        &["print", "L1-1", "L1-2", "L1-3", "L1-5"],
        &["print", "--folded", "--width", "20", "L1-1"],
        &["print", "--color=always", "L1-1", "L1-2"],
    ] {
        let out = m.run(args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let shown = if args[0] == "print" {
            "I.-Te"
        } else {
            "article L. 1-2"
        };
        assert!(stdout.contains(shown), "{args:?}: {stdout}");
        if args.contains(&"--color=always") {
            assert!(stdout.contains("\x1b[1m"), "{args:?}: {stdout}");
            assert_only_own_sequences(&out.stdout, &format!("loi {args:?} stdout"));
        } else {
            assert_plain(&out.stdout, &format!("loi {args:?} stdout"));
        }
        assert_plain(&out.stderr, &format!("loi {args:?} stderr"));
    }
}

/// Error messages name files and folders: on stderr they carry no control sequence.
#[test]
fn error_messages_carry_no_control_sequence() {
    let m = hostile_mirror();
    let evil_article = format!("{}/code-du-travail/{}/l1-3.md", m.root(), evil_folder());
    let bidi_article = format!("{}/code-du-travail/{BIDI_SECTION}/l1-5.md", m.root());
    let bidi_missing = format!("code-du-travail/{BIDI_SECTION}/l9-9.md");
    for args in [
        vec!["L1-3"],
        vec![evil_article.as_str()],
        vec![bidi_article.as_str()],
        vec![bidi_missing.as_str()],
        vec!["code-du-travail", "\x1b]0;pwned\x07"],
        vec!["\u{9b}2J\u{202e}", "L1-1"],
        vec!["links", "\x1b]0;pwned\x07"],
        vec!["print", "\x1b]0;pwned\x07"],
        vec!["print", evil_article.as_str()],
    ] {
        let out = m.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("loi: "), "{args:?}: {err}");
        assert_plain(&out.stderr, &format!("loi {args:?}"));
    }
}

/// An option loi does not know is quoted back by clap: cleaned too, and still a usage
/// error (exit 2). clap strips ESC when stderr is no terminal, so the payloads here are
/// the ones it lets through: C1 controls and bidi overrides.
#[test]
fn unknown_options_are_quoted_back_clean() {
    let m = hostile_mirror();
    for args in [
        vec!["--x\u{9b}2J\u{202e}"],
        vec!["links", "--\u{85}\u{2066}\x1b]0;pwned\x07"],
    ] {
        let out = m.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("unexpected argument"), "{args:?}: {err}");
        assert_plain(&out.stderr, &format!("loi {args:?}"));
    }
}

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

/// Hrefs that try to leave the mirror, each with what the refusal says.
const WAYS_OUT: &[(&str, &str)] = &[
    (
        "/code-du-travail/../../outside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail/%2e%2e/%2e%2e/outside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail/%252e%252e/%252e%252e/outside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail/..%2f..%2foutside/l1-1.md",
        "leads outside the mirror",
    ),
    (
        "/code-du-travail\\..\\..\\outside\\l1-1.md",
        "leads outside the mirror",
    ),
    ("c:/outside/l1-1.md", "leads outside the mirror"),
    (
        "file:///etc/passwd",
        "a link of a kind the reader cannot follow",
    ),
    (
        "file:///etc/passwd.md",
        "a link of a kind the reader cannot follow",
    ),
    (
        "/code-du-travail/s/l1-1.md%00.md",
        "leads outside the mirror",
    ),
    ("/etc/passwd.md", "is not in this mirror"),
    (
        "//evil.example/code-du-travail/l1-1.md",
        "leads outside the mirror",
    ),
    ("/code-du-travail/out/l1-1.md", "leads outside the mirror"),
    ("/code-du-travail/s/l1-2.md", "leads outside the mirror"),
    ("/code-du-travail/etc/hostname.md", "not in this mirror"),
];

/// A mirror with one article whose references are the [`WAYS_OUT`]; beside it, a
/// folder `outside` with an article, reached by a symlinked folder
/// (`code-du-travail/out`), a symlinked file (`s/l1-2.md`), and a symlink to `/etc`.
fn escape_mirror() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("mirror");
    let s = root.join("code-du-travail/s");
    let outside = dir.path().join("outside");
    write(&outside.join("l1-1.md"), "# Article L1-1\n\n<p>Secret.</p>");
    let links: String = WAYS_OUT
        .iter()
        .enumerate()
        .map(|(i, (href, _))| format!("<p>{}° <a href='{href}'>L. 1-{}</a>.</p>", i + 1, i + 1))
        .collect();
    write(&s.join("l1-1.md"), format!("# Article L1-1\n\n{links}"));
    std::os::unix::fs::symlink(&outside, root.join("code-du-travail/out")).expect("symlink");
    std::os::unix::fs::symlink(outside.join("l1-1.md"), s.join("l1-2.md")).expect("symlink");
    std::os::unix::fs::symlink("/etc", root.join("code-du-travail/etc")).expect("symlink");
    (dir, root)
}

/// Enter on each way out: the status line says it is refused, the reader stays on
/// the article and never shows what lies outside.
#[test]
fn links_out_of_the_mirror_are_refused_in_the_reader() {
    let (_dir, root) = escape_mirror();
    let root = root.to_str().expect("UTF-8");
    let mut p = Pty::spawn(loi(), &["--mirror", root, "L1-1"], &[], 200, 30);
    p.wait_for("Article L1-1", TIMEOUT);
    for (i, (href, why)) in WAYS_OUT.iter().enumerate() {
        p.key(Key::Tab);
        p.wait_for(&format!(" L. 1-{}", i + 1), TIMEOUT);
        p.key(Key::Enter);
        let status = format!(" L. 1-{}: ", i + 1);
        let screen = p.wait_for(&status, TIMEOUT);
        let last = screen.lines().last().unwrap_or_default();
        assert!(last.contains(why), "{href}: {last}");
        assert!(screen.starts_with(" Article L1-1 "), "{href}: {screen}");
        assert!(!screen.contains("Secret"), "{href}: {screen}");
    }
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    assert!(!String::from_utf8_lossy(&p.output()).contains("Secret"));
}

/// `loi links` gives each way out no target and says why; the command line refuses
/// the same paths, given as files.
#[test]
fn paths_out_of_the_mirror_are_refused_by_loi_links_and_the_command_line() {
    let (_dir, root) = escape_mirror();
    let out = Command::new(loi())
        .arg("--mirror")
        .arg(&root)
        .arg("links")
        .output()
        .expect("run loi");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for (i, (href, why)) in WAYS_OUT.iter().enumerate() {
        let row = format!("\tL. 1-{}\t", i + 1);
        let row = text
            .lines()
            .find(|l| l.starts_with("code-du-travail/s/l1-1.md\t") && l.contains(&row))
            .unwrap_or_else(|| panic!("{href}: no row in\n{text}"));
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields[3], "-", "{href}: {row}");
        assert!(fields[4].contains(why), "{href}: {row}");
    }
    assert!(
        text.ends_with("14 references: 0 resolved, 14 not\n"),
        "{text}"
    );
    for arg in [
        "code-du-travail/../../outside/l1-1.md",
        "code-du-travail/%2e%2e/%2e%2e/outside/l1-1.md",
        "code-du-travail\\..\\..\\outside\\l1-1.md",
        "c:/outside/l1-1.md",
        "file:///etc/passwd",
        "code-du-travail/out/l1-1.md",
        "code-du-travail/s/l1-2.md",
        "code-du-travail/etc/passwd",
    ] {
        for links in [false, true] {
            let out = Command::new(loi())
                .arg("--mirror")
                .arg(&root)
                .args(links.then_some("links"))
                .arg(arg)
                .output()
                .expect("run loi");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{arg}: {err}");
            assert!(
                err.contains("is outside the mirror"),
                "{arg} (links: {links}): {err}"
            );
            assert!(!String::from_utf8_lossy(&out.stdout).contains("Secret"));
        }
    }
}
