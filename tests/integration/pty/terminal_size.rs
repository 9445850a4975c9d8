//! The real binary in a pseudo-terminal: a resize from 80x24 to 40x12 and back keeps
//! the cursor's block on screen and the screen right; under `NO_COLOR` not one colour
//! sequence is written, while without it colours are; 40x12 is usable.

use crate::support::pty;

use std::path::Path;
use std::time::{Duration, Instant};

use loi::app::App;
use loi::app::action::Action;
use loi::mirror::Mirror;
use loi::model::article::Citations;
use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_loi"))
}

/// The seed article, as the binary opens it with no argument.
fn seed_app(cols: u16, rows: u16) -> App {
    let mirror = Mirror::bundled();
    let seed = mirror.find_named("", "d313-14.md").remove(0);
    let article = mirror.article(&seed, Citations::Now).expect("seed");
    let mut app = App::new(mirror, article, (cols, rows));
    app.update(Action::Idle);
    app
}

/// What a fresh reader draws for `app`, row by row.
fn render(app: &App) -> String {
    crate::support::screen::screen(app)
}

#[track_caller]
fn wait_for_screen(p: &Pty, want: &str, what: &str) -> String {
    let deadline = Instant::now() + TIMEOUT;
    let mut got = p.screen();
    while got.trim_end() != want.trim_end() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        got = p.screen();
    }
    assert_eq!(got.trim_end(), want.trim_end(), "{what}");
    got
}

/// The first words of the block under the cursor.
fn cursor_words(app: &App) -> String {
    let e = app.current();
    let text = e.article.blocks[e.view.cursor].plain_text();
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_resize_to_40x12_and_back_keeps_the_cursor_block_in_view() {
    let mut p = Pty::spawn(loi(), &["D313-14"], &[], 80, 24);
    let mut app = seed_app(80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    let mut keys: Vec<(&[u8], Action)> = vec![(b"+", Action::UnfoldAll)];
    keys.extend(std::iter::repeat_n((&b"j"[..], Action::Down), 9));
    for (bytes, action) in keys {
        p.send(bytes);
        app.update(action);
    }
    wait_for_screen(&p, &render(&app), "80x24 after the keys");
    let words = cursor_words(&app);
    for (cols, rows) in [(40, 12), (80, 24), (40, 12), (80, 24)] {
        p.resize(cols, rows);
        app.update(Action::Resize(cols, rows));
        let screen = wait_for_screen(&p, &render(&app), &format!("at {cols}x{rows}"));
        assert_eq!(cursor_words(&app), words, "the cursor stays on its block");
        assert!(
            screen.lines().any(|l| l.starts_with('▌')),
            "the cursor's bar at {cols}x{rows}:\n{screen}"
        );
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[0].contains("D313-14"), "the header at {cols}x{rows}");
        assert!(
            lines.len() == usize::from(rows) && !lines[usize::from(rows) - 1].is_empty(),
            "the status line at {cols}x{rows}:\n{screen}"
        );
    }
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

#[test]
fn at_40x12_the_help_scrolls_and_every_row_is_drawn() {
    // Named: `loi` alone on the sample says how to make a mirror where the hints go.
    let mut p = Pty::spawn(loi(), &["D313-14"], &[], 40, 12);
    let mut app = seed_app(40, 12);
    p.wait_for("Article D313-14", TIMEOUT);
    wait_for_screen(&p, &render(&app), "40x12");
    for (bytes, action) in [
        (&b"?"[..], Action::Help),
        (b" ", Action::PageDown),
        (b"G", Action::Bottom),
    ] {
        p.send(bytes);
        app.update(action);
        wait_for_screen(&p, &render(&app), &format!("help, after {action:?}"));
    }
    assert!(p.screen().contains("Keys of loi"), "{}", p.screen());
    p.key(Key::Char('q'));
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

/// The colour parameters of every SGR sequence in `bytes` (30–39, 40–49, 58, 59,
/// 90–97, 100–107, and 38/48 with what follows).
fn colour_parameters(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for piece in text.split("\x1b[").skip(1) {
        let end = piece
            .find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':'))
            .unwrap_or(piece.len());
        if !piece[end..].starts_with('m') {
            continue;
        }
        for p in piece[..end].split([';', ':']) {
            let n: u16 = p.parse().unwrap_or(0);
            if matches!(n, 30..=49 | 58 | 59 | 90..=97 | 100..=107) {
                found.push(piece[..end].to_owned());
                break;
            }
        }
    }
    found
}

fn session(env: &[(&str, &str)]) -> Vec<u8> {
    let mut p = Pty::spawn(loi(), &["D313-14"], env, 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    for key in [
        Key::Char('+'),
        Key::Tab,
        Key::Tab,
        Key::Char('j'),
        Key::Char(' '),
        Key::Char('/'),
        Key::Char('e'),
        Key::Enter,
        Key::Char('?'),
        Key::Char('q'),
    ] {
        p.key(key);
        std::thread::sleep(Duration::from_millis(30));
    }
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    p.output()
}

#[test]
fn no_color_writes_no_colour_sequence_and_colours_come_back_without_it() {
    let plain = session(&[("NO_COLOR", "1")]);
    assert_eq!(colour_parameters(&plain), Vec::<String>::new());
    // Bold, underline and reverse still tell things apart.
    let text = String::from_utf8_lossy(&plain);
    assert!(
        text.contains("\x1b[1") && text.contains("7m"),
        "bold and reverse"
    );
    for term in ["xterm-256color", "xterm", "linux"] {
        let coloured = session(&[("TERM", term), ("NO_COLOR", "")]);
        assert!(
            !colour_parameters(&coloured).is_empty(),
            "colours with TERM={term}"
        );
        if term != "xterm-256color" {
            // 16 colours: no 256-colour sequence.
            let text = String::from_utf8_lossy(&coloured);
            assert!(!text.contains("38;5;") && !text.contains("48;5;"), "{term}");
        }
    }
}

/// Mouse reporting is on while loi runs, off while it is suspended and after it
/// quits, and never on with `--no-mouse`.
#[test]
fn the_mouse_is_given_back_on_suspend_and_quit_and_left_alone_with_no_mouse() {
    const ON: &str = "\x1b[?1000h";
    const OFF: &str = "\x1b[?1000l";
    let mut p = Pty::under_job_control(&["D313-14"]);
    p.wait_for("Article D313-14", TIMEOUT);
    p.key(Key::Ctrl('z'));
    p.wait_for("stopped: ", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) < out.rfind(OFF), "off while suspended");
    p.send(b"\n");
    p.wait_for("Article D313-14", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) > out.rfind(OFF), "on again after fg");
    p.key(Key::Char('q'));
    p.wait_for("exited: 0", TIMEOUT);
    let out = String::from_utf8_lossy(&p.output()).into_owned();
    assert!(out.rfind(ON) < out.rfind(OFF), "off after quitting");

    let mut p = Pty::spawn(loi(), &["--no-mouse", "D313-14"], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
    assert!(!String::from_utf8_lossy(&p.output()).contains(ON));
}
