//! What loi writes to the terminal, byte by byte: the output layers (`compact`,
//! `scroll`, `gaps`) change the bytes, never the screen, and `NO_COLOR` means no
//! colour sequence at all.

use crate::support::pty;

use std::path::Path;
use std::time::Duration;

use loi::model::article::Citations;
use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi() -> &'static str {
    env!("CARGO_BIN_EXE_loi")
}

/// Scrolling uses the terminal's own scrolling (only new rows are sent): after every
/// key, the real screen must still be exactly what the reader would draw from scratch.
#[test]
fn scrolled_screens_equal_fresh_renders() {
    use loi::app::App;
    use loi::app::action::Action;
    use loi::mirror::Mirror;

    let (cols, rows) = (40, 12);
    let mirror = Mirror::bundled();
    let seed = mirror.find_named("", "d313-14.md").remove(0);
    let mut app = App::new(
        mirror.clone(),
        mirror.article(&seed, Citations::Now).expect("seed"),
        (cols, rows),
    );
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &["D313-14"],
        &[],
        cols,
        rows,
    );
    p.wait_for("Article D313-14", TIMEOUT);
    let mut keys: Vec<(&[u8], Action)> = vec![(b"+", Action::UnfoldAll)];
    keys.extend(std::iter::repeat_n((&b"j"[..], Action::Down), 30));
    keys.extend(std::iter::repeat_n((&b"k"[..], Action::Up), 12));
    keys.extend([
        (&b" "[..], Action::PageDown),
        (b"b", Action::PageUp),
        (b"G", Action::Bottom),
    ]);
    keys.extend(std::iter::repeat_n((&b"k"[..], Action::Up), 8));
    for (i, (bytes, action)) in keys.into_iter().enumerate() {
        p.send(bytes);
        app.update(action);
        let want = crate::support::screen::screen(&app);
        // The screen settles within a few ms; poll until it matches or time runs out.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mut got = p.screen();
        while got.trim_end() != want.trim_end() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
            got = p.screen();
        }
        assert_eq!(
            got.trim_end(),
            want.trim_end(),
            "after key {i} ({action:?})"
        );
    }
    // Rows 4 to 11 (1-based) are the text: a scroll region set there once, and kept
    // for every scroll after.
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(
        out.contains("\x1b[4;11r\x1b[11H\n"),
        "j scrolled the text rows up: a line feed at the bottom margin"
    );
    assert!(
        out.contains("\x1b[4H\x1bM"),
        "k scrolled them down: a reverse index at the top margin"
    );
    assert_eq!(out.matches("\x1b[4;11r").count(), 1, "the region set once");
    assert!(!out.contains("\x1b[r"), "nor reset while loi runs");
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0), "q quits");
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    let reset = out.rfind("\x1b[r").expect("the region reset on quitting");
    let left = out.rfind("\x1b[?1049l").expect("the alternate screen left");
    assert!(reset < left, "reset before leaving the alternate screen");
}

/// A long table scrolled under its header rows kept at the top: the terminal scrolls
/// only the rows below the header (a region of its own), and the screen is still
/// exactly what the reader draws from scratch after every key.
#[test]
fn a_table_scrolled_under_its_kept_header_equals_fresh_renders() {
    use loi::app::App;
    use loi::app::action::Action;
    use loi::mirror::Mirror;

    let (cols, rows) = (80, 24);
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/r4412-149.md");
    let source = std::fs::read_to_string(file).expect("fixture");
    let article = loi::model::article::Article::parse(file, &source, Citations::Now);
    let mut app = App::new(Mirror::bundled(), article, (cols, rows));
    let mut p = Pty::spawn(
        Path::new(env!("CARGO_BIN_EXE_loi")),
        &[file],
        &[],
        cols,
        rows,
    );
    p.wait_for("Article R4412-149", TIMEOUT);
    let mut keys: Vec<(&[u8], Action)> = vec![(b"j", Action::Down), (b"l", Action::Unfold)];
    keys.extend(std::iter::repeat_n((&b"\x05"[..], Action::LineDown), 30));
    keys.extend(std::iter::repeat_n((&b"\x19"[..], Action::LineUp), 10));
    for (i, (bytes, action)) in keys.into_iter().enumerate() {
        p.send(bytes);
        app.update(action);
        let want = crate::support::screen::screen(&app);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        // The text rows (the heading names the file as the bundled mirror sees it).
        let text = |s: &str| s.lines().skip(3).take(20).collect::<Vec<_>>().join("\n");
        let mut got = p.screen();
        while text(&got) != text(&want) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
            got = p.screen();
        }
        assert_eq!(text(&got), text(&want), "after key {i} ({action:?})");
    }
    assert!(want_header(&p.screen()), "the header kept: {}", p.screen());
    // The rows below the header (from row 12, 1-based) scroll as a region of their own.
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.contains("\x1b[12;23r"), "a region below the header");
    p.send(b"q");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

fn want_header(screen: &str) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines.get(4).is_some_and(|l| l.contains("Dénomination"))
        && lines.get(10).is_some_and(|l| l.contains("═"))
}

/// The output layers that keep the bytes few (`compact`, `scroll`, `gaps`) change what
/// is written, never what is shown: after every key of a reading session, the screen
/// is the same with them on and off (`LOI_PLAIN_OUTPUT=1`), and on they write less.
#[test]
fn the_output_layers_change_the_bytes_not_the_screen() {
    let script = [
        Key::Char('j'),
        Key::Char('j'),
        Key::Char('j'),
        Key::Char(' '),
        Key::Char(' '),
        Key::Char('b'),
        Key::Char('+'),
        Key::Ctrl('e'),
        Key::Ctrl('e'),
        Key::Ctrl('y'),
        Key::Tab,
        Key::Enter,
        Key::Backspace,
        Key::Char('G'),
        Key::Char('<'),
    ];
    let run = |plain: bool| {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().to_str().expect("utf-8").to_owned();
        let mut env = vec![
            ("XDG_CACHE_HOME", home.as_str()),
            ("XDG_DATA_HOME", home.as_str()),
            ("XDG_CONFIG_HOME", home.as_str()),
        ];
        if plain {
            env.push(("LOI_PLAIN_OUTPUT", "1"));
        }
        let mut p = Pty::spawn(Path::new(loi()), &["D313-14"], &env, 80, 24);
        p.wait_for("Article D313-14", TIMEOUT);
        let mut screens = Vec::new();
        for key in script {
            p.key(key);
            // Settled: nothing more written for a while.
            let mut last = p.output().len();
            loop {
                std::thread::sleep(Duration::from_millis(120));
                let now = p.output().len();
                if now == last {
                    break;
                }
                last = now;
            }
            screens.push(p.screen());
        }
        let written = p.output().len();
        p.key(Key::Char('q'));
        assert_eq!(p.wait_exit(TIMEOUT), Some(0));
        (screens, written)
    };
    let (layered, layered_bytes) = run(false);
    let (plain, plain_bytes) = run(true);
    for (i, (a, b)) in layered.iter().zip(&plain).enumerate() {
        assert_eq!(a, b, "after key {i} ({:?})", script[i]);
    }
    assert!(
        layered_bytes < plain_bytes,
        "the layers save bytes: {layered_bytes} against {plain_bytes}"
    );
}

/// The SGR parameters of every `ESC [ … m` in `bytes` (sub-parameters after `:`
/// included, as in `38:5:179`).
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(at) = rest.find("\x1b[") {
        let seq = &rest[at + 2..];
        let end = seq
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(seq.len());
        if seq[end..].starts_with('m') {
            out.push(seq[..end].to_owned());
        }
        rest = &seq[end..];
    }
    out
}

/// A colour in an SGR sequence, of any kind: foreground and background (30–39,
/// 40–49, 90–97, 100–107, the defaults 39 and 49 too), 256 and true colours (38;…,
/// 48;…, 38:…), underline colours (58, 59).
fn sets_a_colour(params: &str) -> bool {
    params.split(';').any(|p| {
        let head = p.split(':').next().unwrap_or_default();
        matches!(
            head.parse::<u32>(),
            Ok(30..=39 | 40..=49 | 58 | 59 | 90..=97 | 100..=107)
        )
    })
}

/// NO_COLOR (no-color.org): not one colour sequence on any screen, and references
/// still recognisable (underlined). Without it, the same screens do show colours.
#[test]
fn no_color_writes_no_colour_sequence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let (cache, config) = (home("cache"), home("config"));
    let run = |extra: &[(&str, &str)]| {
        // A data folder of its own: the session the other run saved is not reopened.
        let data = home(&format!("data{}", extra.len()));
        let mut env = vec![
            ("XDG_CACHE_HOME", cache.as_str()),
            ("XDG_DATA_HOME", data.as_str()),
            ("XDG_CONFIG_HOME", config.as_str()),
        ];
        env.extend_from_slice(extra);
        let mut p = Pty::spawn(
            Path::new(env!("CARGO_BIN_EXE_loi")),
            &["D313-14"],
            &env,
            80,
            24,
        );
        p.wait_for("Article D313-14", TIMEOUT);
        let esc = |p: &mut Pty| {
            p.key(Key::Esc);
            // Apart, or the terminal reads Esc and the next key as Alt-key.
            std::thread::sleep(Duration::from_millis(150));
        };
        // References selected, items unfolded, the help.
        for key in [Key::Tab, Key::Tab, Key::Char('+'), Key::Char('?')] {
            p.key(key);
        }
        p.wait_for("Keys of loi", TIMEOUT);
        esc(&mut p);
        // A search in the article, its matches highlighted.
        p.send(b"/formation");
        p.key(Key::Enter);
        p.wait_for(" for formation", TIMEOUT);
        // The mirror's search and its answers.
        p.send(b"s");
        p.wait_for("Search the whole mirror", TIMEOUT);
        p.send(b"emploi");
        p.key(Key::Enter);
        p.wait_for("articles, ", TIMEOUT);
        esc(&mut p);
        // Go-to's list, then the articles citing the one opened.
        p.send(b"g");
        p.wait_for("Go to", TIMEOUT);
        p.send(b"l. 6123-1");
        p.wait_for("L6123-1 · Code du travail", TIMEOUT);
        p.key(Key::Enter);
        p.wait_for("D313-14 › C. trav. L6123-1", TIMEOUT);
        p.send(b"c");
        p.wait_for("is cited by", TIMEOUT);
        esc(&mut p);
        // The contents, then a resize to 40x12 and back.
        p.send(b"t");
        p.wait_for("Contents", TIMEOUT);
        esc(&mut p);
        p.resize(40, 12);
        std::thread::sleep(Duration::from_millis(300));
        p.resize(80, 24);
        // The status line whole again: the redraw at 80 columns is done. (A key sent
        // within the same milliseconds as the resize was now and then lost in this
        // harness, by less too.)
        p.wait_for("? keys · q quit", TIMEOUT);
        p.key(Key::Char('q'));
        assert_eq!(p.wait_exit(TIMEOUT), Some(0));
        sgr_params(&p.output())
    };
    let coloured = run(&[]);
    assert!(
        coloured.iter().any(|s| sets_a_colour(s)),
        "the check must see colours: {coloured:?}"
    );
    let plain = run(&[("NO_COLOR", "1")]);
    let colours: Vec<&String> = plain.iter().filter(|s| sets_a_colour(s)).collect();
    assert!(colours.is_empty(), "{colours:?}");
    assert!(
        plain.iter().any(|s| s.split(';').any(|p| p == "4")),
        "references still underlined"
    );
}

/// The check sees every kind of colour, and nothing else.
#[test]
fn the_colour_check_sees_every_kind_of_colour() {
    let colours =
        "\x1b[31m\x1b[39m\x1b[49m\x1b[1;38;5;179m\x1b[48:2::1:2:3m\x1b[59m\x1b[97m\x1b[107m";
    let found: Vec<String> = sgr_params(colours.as_bytes());
    assert_eq!(found.len(), 8);
    assert!(found.iter().all(|s| sets_a_colour(s)), "{found:?}");
    let plain = "\x1b[m\x1b[0m\x1b[1;4;7m\x1b[22;24;27m\x1b[4:3m\x1b[3m";
    assert!(
        !sgr_params(plain.as_bytes())
            .iter()
            .any(|s| sets_a_colour(s))
    );
}

/// Each draw that scrolls or rewrites much of the screen reaches the terminal as one
/// synchronized frame (mode 2026: `ESC[?2026h` … `ESC[?2026l`), so that over a slow
/// link no half-scrolled screen is shown; a draw that only moves the cursor goes bare,
/// to keep the bytes per key.
#[test]
fn a_scroll_or_a_page_is_one_synchronized_frame_and_a_cursor_move_is_not() {
    const BEGIN: &[u8] = b"\x1b[?2026h";
    const END: &[u8] = b"\x1b[?2026l";
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().to_str().expect("utf-8").to_owned();
    let env = [
        ("XDG_CACHE_HOME", home.as_str()),
        ("XDG_DATA_HOME", home.as_str()),
        ("XDG_CONFIG_HOME", home.as_str()),
    ];
    let mut p = Pty::spawn(Path::new(loi()), &["D313-14"], &env, 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.key(Key::Char('+'));
    let settle = |p: &Pty| {
        let mut last = p.output().len();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = p.output().len();
            if now == last {
                return now;
            }
            last = now;
        }
    };
    let count = |b: &[u8], what: &[u8]| b.windows(what.len()).filter(|w| *w == what).count();
    let first = p.output();
    assert!(
        first.starts_with(b"") && count(&first, BEGIN) >= 1,
        "the first frame is held"
    );
    // (key, whether its draw is one synchronized frame)
    for (key, held) in [
        (Key::Ctrl('e'), true),
        (Key::Char(' '), true),
        (Key::Char('j'), false),
    ] {
        let from = settle(&p);
        p.key(key);
        settle(&p);
        let out = p.output()[from..].to_vec();
        assert!(!out.is_empty(), "{key:?} drew something");
        // The key's draw comes first; a small one may follow (the reference under
        // the cursor highlighted).
        assert_eq!(
            out.starts_with(BEGIN),
            held,
            "{key:?}: {:?}",
            String::from_utf8_lossy(&out)
        );
        assert_eq!(count(&out, BEGIN), count(&out, END), "{key:?}: balanced");
    }
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}
