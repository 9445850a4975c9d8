//! The terminal kept whole: Ctrl-Z gives it back and `fg` redraws it all, a storm of
//! resizes leaves the right screen, and no size from 0x0 to 300x120 breaks a draw.

use crate::support::pty;

use std::path::Path;
use std::time::{Duration, Instant};

use loi::app::App;
use loi::app::action::Action;
use loi::mirror::Mirror;
use loi::model::article::Citations;
use pty::{Key, Pty};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TIMEOUT: Duration = Duration::from_secs(10);

fn loi() -> &'static str {
    env!("CARGO_BIN_EXE_loi")
}

/// The state letter of process `pid` in `/proc/PID/stat`: `T` when stopped.
fn process_state(pid: u32) -> char {
    state_if_any(pid).expect("the process is there")
}

/// The state letter, or `None` once the process is gone (reaped).
fn state_if_any(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.trim_start().chars().next()
}

/// Waits until the screen is `want`, or fails showing both.
#[track_caller]
fn wait_for_screen(p: &Pty, want: &str, what: &str) {
    let deadline = Instant::now() + TIMEOUT;
    let mut got = p.screen();
    while got.trim_end() != want.trim_end() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        got = p.screen();
    }
    assert_eq!(got.trim_end(), want.trim_end(), "{what}");
}

/// Ctrl-Z under a shell with job control, 20 times: loi stops (state `T`), the shell
/// gets the normal screen, a visible cursor and cooked mode back; `fg` continues loi,
/// which takes the alternate screen again and sends the whole screen anew.
#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    suspend_and_resume(|p| p.key(Key::Ctrl('z')));
}

/// The same with SIGTSTP sent from outside (`kill -TSTP`): loi catches it, so that it
/// does not stop with the terminal raw, and stops as on Ctrl-Z.
#[test]
fn sigtstp_from_outside_suspends_like_ctrl_z() {
    suspend_and_resume(|p| {
        let bash = p.pid();
        let children = std::fs::read_to_string(format!("/proc/{bash}/task/{bash}/children"))
            .expect("read the shell's children");
        let loi: i32 = children
            .split_whitespace()
            .next()
            .and_then(|pid| pid.parse().ok())
            .expect("loi runs under the shell");
        // SAFETY: kill with a pid read from /proc and a valid signal number.
        assert_eq!(unsafe { libc::kill(loi, libc::SIGTSTP) }, 0, "kill -TSTP");
    });
}

fn suspend_and_resume(stop: impl Fn(&mut Pty)) {
    let script = r#"set -m; "$0" D313-14; stty -a; echo "stopped: $(jobs -p)"; read x; fg; echo "loi exited: $?""#;
    for run in 0..20 {
        let mut p = Pty::spawn(Path::new("/bin/bash"), &["-c", script, loi()], &[], 100, 30);
        p.wait_for("Article D313-14", TIMEOUT);
        // The whole first screen, status line included.
        let before = p.wait_for("q quit                          All", TIMEOUT);
        stop(&mut p);
        let shell = p.wait_for("stopped: ", TIMEOUT);
        let pid: u32 = shell
            .split("stopped: ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|pid| pid.parse().ok())
            .unwrap_or_else(|| panic!("run {run}: no pid in\n{shell}"));
        assert_eq!(process_state(pid), 'T', "run {run}: loi is stopped");
        assert_eq!(
            p.modes(),
            (false, false),
            "run {run}: normal screen, cursor shown"
        );
        let words: Vec<&str> = shell.split_whitespace().collect();
        assert!(
            words.contains(&"icanon") && words.contains(&"echo") && !words.contains(&"-icanon"),
            "run {run}: cooked mode\n{shell}"
        );
        let mark = p.output().len();
        // The scrolling region loi may keep set is given back whole with the screen.
        let suspended = String::from_utf8_lossy(&p.output()).into_owned();
        let reset = suspended.rfind("\x1b[r").expect("the region reset");
        let left = suspended.rfind("\x1b[?1049l").expect("the normal screen");
        assert!(
            reset < left,
            "run {run}: region reset, then the screen left"
        );
        p.send(b"\n");
        wait_for_screen(&p, &before, &format!("run {run}: the screen redrawn"));
        assert_eq!(p.modes(), (true, true), "run {run}: alternate screen again");
        assert_ne!(process_state(pid), 'T', "run {run}: loi runs again");
        // Redrawn from scratch, not as a difference from what the shell showed.
        let resumed = String::from_utf8_lossy(&p.output()[mark..]).into_owned();
        assert!(
            resumed.contains("\x1b[?1049h") && resumed.contains("\x1b[2J"),
            "run {run}"
        );
        assert!(resumed.contains("Article D313-14"), "run {run}");
        p.key(Key::Char('q'));
        p.wait_for("loi exited: 0", TIMEOUT);
        assert_eq!(p.wait_exit(TIMEOUT), Some(0), "run {run}");
    }
}

/// A resize while loi is stopped: `fg` shows the text laid out for the new size, not
/// the old one (a stopped process gets no resize event).
#[test]
fn a_resize_while_stopped_is_seen_on_fg() {
    let script =
        r#"set -m; "$0" D313-14; echo "stopped: $(jobs -p)"; read x; fg; echo "loi exited: $?""#;
    let mut p = Pty::spawn(Path::new("/bin/bash"), &["-c", script, loi()], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.key(Key::Ctrl('z'));
    p.wait_for("stopped: ", TIMEOUT);
    p.resize(40, 12);
    p.send(b"\n");
    let mirror = Mirror::bundled();
    let seed_path = mirror.find_named("", "d313-14.md").remove(0);
    let article = mirror.article(&seed_path, Citations::Now).expect("seed");
    let mut app = App::new(mirror, article, (80, 24));
    app.update(Action::Idle);
    app.update(Action::Resize(40, 12));
    wait_for_screen(&p, &render(&app), "laid out for 40x12 after fg");
    p.key(Key::Char('q'));
    p.wait_for("loi exited: 0", TIMEOUT);
}

/// `kill %1` on a stopped loi ends it (SIGTERM, then the shell's SIGCONT): it must not
/// stop again trying to give back a terminal the shell holds.
#[test]
fn a_stopped_loi_killed_by_its_shell_ends() {
    let script = r#"set -m; "$0" D313-14; echo "pid: $(jobs -p)"; kill %1; read x; wait %1; echo "loi ended: $?"; read y"#;
    let mut p = Pty::spawn(Path::new("/bin/bash"), &["-c", script, loi()], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    p.key(Key::Ctrl('z'));
    let shell = p.wait_for("pid: ", TIMEOUT);
    let pid: u32 = shell
        .split("pid: ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|pid| pid.parse().ok())
        .unwrap_or_else(|| panic!("no pid in\n{shell}"));
    // Ended (a zombie, or reaped by the shell already), not stopped (`T`) again.
    // Looked at once: the shell may reap it between two looks.
    let ended = || state_if_any(pid).is_none_or(|state| state == 'Z');
    let deadline = Instant::now() + TIMEOUT;
    while !ended() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(ended(), "loi ended, not stopped again");
    p.send(b"\n");
    let shell = p.wait_for("loi ended: ", TIMEOUT);
    assert!(
        shell.contains("loi ended: 143"),
        "ended by SIGTERM:\n{shell}"
    );
    p.send(b"\n");
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

/// The screen a fresh reader draws for `app` at its size, row by row.
fn render(app: &App) -> String {
    crate::support::screen::screen(app)
}

/// 500 resizes in a burst, down to 1x1 and up to 300x120: loi is alive, the screen
/// is what a fresh reader draws at the last size, and `q` quits cleanly.
#[test]
fn a_storm_of_resizes_leaves_the_right_screen() {
    // Named: `loi` alone on the sample says how to make a mirror where the hints go.
    let mut p = Pty::spawn(Path::new(loi()), &["D313-14"], &[], 80, 24);
    p.wait_for("Article D313-14", TIMEOUT);
    let mut seed = 0x2545_f491_u32;
    let mut next = |below: u32| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        u16::try_from(seed % below).expect("small")
    };
    for i in 0..500 {
        let (cols, rows) = match i % 50 {
            0 => (1, 1),
            1 => (300, 120),
            2 => (2, 5),
            _ => (1 + next(300), 1 + next(120)),
        };
        p.resize(cols, rows);
    }
    let (cols, rows) = (77, 21);
    p.resize(cols, rows);
    let mirror = Mirror::bundled();
    let seed_path = mirror.find_named("", "d313-14.md").remove(0);
    let article = mirror.article(&seed_path, Citations::Now).expect("seed");
    let mut app = App::new(mirror, article, (cols, rows));
    // The reader checks its references once it is idle; so does this one.
    app.update(Action::Idle);
    wait_for_screen(&p, &render(&app), "after 500 resizes");
    assert_eq!(p.wait_exit(Duration::ZERO), None, "loi is alive");
    p.key(Key::Char('q'));
    assert_eq!(p.wait_exit(TIMEOUT), Some(0));
}

/// An article of the corpus with a table (R4222-6 of the code du travail), and a
/// made-up one whose text and table carry what breaks naive wrapping: narrow and
/// plain no-break spaces, a figure space, combining accents, wide CJK characters,
/// emoji (a ZWJ sequence, a flag) and a tab.
fn fixtures() -> (tempfile::TempDir, Mirror, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = "code-du-travail/partie-reglementaire/section-2";
    let table = format!("{section}/r4222-6.md");
    let garbled = format!("{section}/r4222-7.md");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        &table,
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/r4222-6.md"
        )),
    );
    write(
        &garbled,
        "# Article R4222-7\n\n\
         <p>I.-Le 1er\u{202f}janvier, à l'art.\u{a0}L.\u{202f}1234-5, soit 1\u{2007}000\u{a0}€ ; \
         l'e\u{301}le\u{300}ve, le ca\u{327}a, 漢字と仮名の混じった文, 😀 et 👩\u{200d}⚖\u{fe0f} et 🇫🇷,\
         \tune tabulation. <a href='/code-du-travail/partie-reglementaire/section-2/r4222-6.md'>R. 4222-6</a></p>\
         <p>1° Un item assez long pour être replié sur plusieurs lignes quand l'écran est étroit.</p>\
         <table><tr><td>漢字漢字</td><td>e\u{301}te\u{301}</td><td>😀😀</td></tr>\
         <tr><td>a</td><td>bb</td><td>ccc</td></tr></table>",
    );
    let mirror = Mirror::open(dir.path()).expect("mirror");
    // Walk it once, so that the clones each reader gets share the walk's result.
    mirror.find_named("", "r4222-6.md");
    (dir, mirror, vec![table, garbled])
}

/// Every size from 0x0 to 300x120 (all of 0 to 5, every 23rd column and 17th row,
/// and the largest two), each fixture drawn as it opens, unfolded and scrolled to its
/// end with a reference selected, and with the help shown: no panic.
#[test]
fn every_size_from_0x0_to_300x120_draws() {
    let (_dir, mirror, paths) = fixtures();
    let sizes = |max: u16, step: usize| -> Vec<u16> {
        (0..=5)
            .chain((6..max).step_by(step))
            .chain([max - 1, max])
            .collect()
    };
    let mut draws = 0;
    for path in &paths {
        let article = mirror.article(path, Citations::Now).expect("fixture");
        for &cols in &sizes(300, 23) {
            for &rows in &sizes(120, 17) {
                let mut app = App::new(mirror.clone(), article.clone(), (cols, rows));
                let mut terminal =
                    Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
                for actions in [
                    &[Action::Resize(cols, rows), Action::Idle][..],
                    &[Action::UnfoldAll, Action::NextReference, Action::Bottom],
                    &[Action::Help],
                ] {
                    for action in actions {
                        app.update(*action);
                    }
                    terminal
                        .draw(|f| loi::screen::draw(f, &app, &loi::screen::theme::Theme::default()))
                        .unwrap_or_else(|e| panic!("{cols}x{rows} after {actions:?}: {e}"));
                    draws += 1;
                }
            }
        }
    }
    assert_eq!(draws, 2 * 21 * 15 * 3);
}

/// At every width where it fits, `L. 1234-5` (a narrow no-break space inside) and
/// `1 000 €` are never cut; tabs show as spaces; and each `│` of the table sits where
/// the widths of the characters before it say, wide and combining ones included.
#[test]
fn no_break_spaces_hold_and_wide_characters_keep_table_borders_in_place() {
    use unicode_width::UnicodeWidthStr;
    let (_dir, mirror, paths) = fixtures();
    let article = mirror.article(&paths[1], Citations::Now).expect("fixture");
    let mut rows_checked = 0;
    for cols in 30..=160 {
        let mut app = App::new(mirror.clone(), article.clone(), (cols, 40));
        app.update(Action::UnfoldAll);
        let mut terminal = Terminal::new(TestBackend::new(cols, 40)).expect("test terminal");
        terminal
            .draw(|f| loi::screen::draw(f, &app, &loi::screen::theme::Theme::default()))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let screen = crate::support::screen::text_of(buffer);
        for whole in [
            "L.\u{202f}1234-5",
            "1\u{2007}000\u{a0}€",
            "1er\u{202f}janvier",
        ] {
            assert!(
                screen.contains(whole),
                "{cols} columns cut {whole:?}:\n{screen}"
            );
        }
        assert!(!screen.contains('\t'), "{cols} columns: a tab\n{screen}");
        if cols == 160 {
            assert!(screen.contains("🇫🇷, une tabulation"), "{cols}:\n{screen}");
        }
        for (y, line) in screen.lines().enumerate() {
            let Some(first) = line.find('│') else {
                continue;
            };
            if !line.contains("漢字漢字") && !line.contains("│ a ") {
                continue;
            }
            // The `│` cells of this row, where the buffer has them.
            let y = u16::try_from(y).expect("row");
            let cells: Vec<u16> = (0..cols)
                .filter(|&x| buffer[(x, y)].symbol() == "│")
                .collect();
            let mut want = Vec::new();
            let mut at = first;
            while let Some(i) = line[at..].find('│') {
                want.push(u16::try_from(line[..at + i].width()).expect("width"));
                at += i + '│'.len_utf8();
            }
            assert_eq!(cells, want, "{cols} columns, row {y}: {line}");
            rows_checked += 1;
        }
    }
    assert_eq!(rows_checked, 2 * 131, "both table rows, at each width");
}

/// When the terminal goes away (an SSH session dropped while SIGHUP is ignored, so only
/// reads and writes fail), loi leaves within 1 s and spins no CPU meanwhile (crossterm
/// issues 793 and 1110: an event loop can spin at 100% forever). 20 runs.
#[test]
fn the_terminal_going_away_ends_loi_at_once() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::fs::OpenOptionsExt;
    use std::process::{Command, Stdio};
    for run in 0..20 {
        // posix_openpt with O_CLOEXEC: a child spawned meanwhile by another test must not
        // inherit the master (it would keep this terminal alive).
        // SAFETY: plain libc calls on an fd this test owns; ptsname's buffer is copied
        // at once.
        let (master, slave) = unsafe {
            let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
            assert!(master >= 0, "posix_openpt");
            assert_eq!(libc::grantpt(master), 0);
            assert_eq!(libc::unlockpt(master), 0);
            let name = std::ffi::CStr::from_ptr(libc::ptsname(master))
                .to_string_lossy()
                .into_owned();
            let size = libc::winsize {
                ws_row: 24,
                ws_col: 80,
                ws_xpixel: 0,
                ws_ypixel: 0,
            };
            libc::ioctl(master, libc::TIOCSWINSZ, &size);
            // O_NOCTTY: no controlling terminal, so no SIGHUP comes when it hangs up;
            // only reads and writes fail, the case crossterm spins on.
            let slave = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .custom_flags(libc::O_NOCTTY)
                .open(&name)
                .expect("open the pty's slave");
            (OwnedFd::from_raw_fd(master), OwnedFd::from(slave))
        };
        let tty = |fd: &OwnedFd| Stdio::from(fd.try_clone().expect("dup"));
        // Reaped below by wait4, which also gives its CPU time.
        #[allow(clippy::zombie_processes)]
        let child = Command::new(loi())
            .env("TERM", "xterm-256color")
            .stdin(tty(&slave))
            .stdout(tty(&slave))
            .stderr(tty(&slave))
            .spawn()
            .expect("spawn loi");
        drop(slave);
        // Read until the first screen is there.
        let mut master = std::fs::File::from(master);
        let mut seen = Vec::new();
        let deadline = Instant::now() + TIMEOUT;
        while !String::from_utf8_lossy(&seen).contains("Article D313-14") {
            assert!(Instant::now() < deadline, "run {run}: no first screen");
            let mut buf = [0u8; 4096];
            let n = std::io::Read::read(&mut master, &mut buf).expect("read the pty");
            seen.extend_from_slice(&buf[..n]);
        }
        drop(master);
        let gone = Instant::now();
        let pid = i32::try_from(child.id()).expect("a pid");
        let mut status = 0;
        // SAFETY: rusage is plain data, filled by wait4.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        loop {
            // SAFETY: waits for our own child, without blocking.
            let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
            if done == pid {
                break;
            }
            if gone.elapsed() > Duration::from_secs(1) {
                let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                let wchan =
                    std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
                panic!(
                    "run {run}: loi still runs 1 s after its terminal went away: {stat} {wchan}"
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let cpu = Duration::from_secs(
            u64::try_from(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec).unwrap_or(0),
        ) + Duration::from_micros(
            u64::try_from(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec).unwrap_or(0),
        );
        assert!(
            cpu < Duration::from_millis(300),
            "run {run}: {cpu:?} of CPU in all"
        );
    }
}
