//! Escape sequences in article text, headings, hrefs, link texts and folder names:
//! nothing of them reaches the terminal, from the reader or a subcommand.

use super::*;

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
    let page = "\x1b]8;;https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188\x1b\\";
    let close = "\x1b]8;;\x1b\\";
    for bad in [
        format!("{page}a"),
        format!("{close}a"),
        format!("{page}a{page}b{close}"),
        format!("\x1b[?2026h{page}a\x1b[?2026l{close}"),
        format!("\x1b]8;;https://evil.example/\x1b\\a{close}"),
        format!("\x1b]8;;https://www.legifrance.gouv.fr/x?a=\"b\x1b\\a{close}"),
        "\x1b]8;;https://www.legifrance.gouv.fr/\x07a\x1b]8;;\x07".to_owned(),
    ] {
        let caught = std::panic::catch_unwind(|| {
            assert_only_own_sequences(bad.as_bytes(), "hyperlink");
        });
        assert!(caught.is_err(), "{bad:?} passed the check");
    }
    assert_only_own_sequences(
        format!("\x1b[?2026h{page}\x1b[4mL. 1\x1b[m{close}\x1b[?2026l").as_bytes(),
        "a link of loi's",
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

/// The page of the hostile mirror's code: it keeps no ids, so its heading and its
/// references lead there.
const CODE_PAGE: &str =
    "\x1b]8;;https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/\x1b\\";

/// The reader with `hyperlinks = true`, at 80x24 and at 40x12 (links cut by the
/// screen's edge), and with its output layers off (`LOI_PLAIN_OUTPUT`): through every reference, the text scrolled a line, a screen, to the
/// end and back, another article opened over this one and left: every link it writes
/// goes to a page of Légifrance built from ids, is balanced, and holds no text of the
/// mirror; the synchronized frames stay balanced around them.
#[test]
fn hyperlinks_hold_nothing_of_the_mirror_and_are_balanced() {
    let m = hostile_mirror();
    let config = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(config.path().join("loi")).expect("mkdir");
    std::fs::write(config.path().join("loi/config.toml"), "hyperlinks = true\n").expect("config");
    let home = ("XDG_CONFIG_HOME", config.path().to_str().expect("UTF-8"));
    for (cols, rows, plain) in [(80, 24, false), (40, 12, false), (80, 24, true)] {
        let env = if plain {
            vec![home, ("LOI_PLAIN_OUTPUT", "1")]
        } else {
            vec![home]
        };
        let mut p = Pty::spawn(loi(), &["--mirror", m.root(), "L1-1"], &env, cols, rows);
        p.wait_for("Article L1-1", TIMEOUT);
        press(&mut p, Key::Char('+'));
        for _ in 0..14 {
            press(&mut p, Key::Tab);
            press(&mut p, Key::Enter);
            if p.screen().starts_with(" Article L1-2") {
                press(&mut p, Key::Backspace);
            }
            if p.screen().contains("↑↓ choose") {
                press(&mut p, Key::Esc);
            }
        }
        for key in [
            Key::Char('<'),
            Key::Char('j'),
            Key::Char('j'),
            Key::Char(' '),
        ] {
            press(&mut p, key);
        }
        for key in [
            Key::Char('G'),
            Key::Char('b'),
            Key::Char('<'),
            Key::Char('?'),
        ] {
            press(&mut p, key);
        }
        press(&mut p, Key::Esc);
        p.key(Key::Char('q'));
        assert_eq!(p.wait_exit(TIMEOUT), Some(0), "{}", p.screen());
        let output = p.output();
        let what = format!("the reader at {cols}x{rows}, plain output {plain}");
        assert_only_own_sequences(&output, &what);
        let text = String::from_utf8_lossy(&output);
        assert!(text.contains(CODE_PAGE), "{what}: no link written");
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
        &["print", "--hyperlinks", "--width", "20", "L1-1", "L1-2"],
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
        } else if args.contains(&"--hyperlinks") {
            assert!(stdout.contains(CODE_PAGE), "{args:?}: {stdout}");
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
