//! A pseudo-terminal harness that runs a real program and renders what it draws, for end-to-end tests.
//!
//! Include it with `#[path = "common/pty.rs"] mod pty;`: a `tests/common.rs`
//! would itself be compiled as a (useless) test crate.
//!
//! The program gets a real pty (so it sees a terminal, raw mode works, and it
//! draws exactly as it would for a user); a background thread feeds everything
//! it writes into a [`vt100::Parser`], and tests look at the resulting screen.
//!
//! Every wait takes a timeout so a wedged program fails its test instead of
//! hanging the suite; failures print the last screen, which is usually all you
//! need to see what went wrong.
//!
//! The emulated terminal never answers queries (cursor position, device
//! attributes, ...): a program that blocks on such a reply will time out.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How often waits re-check the screen: short enough that tests stay fast,
/// long enough not to starve the reader thread of the lock.
const POLL: Duration = Duration::from_millis(10);

/// A key press, encoded the way xterm sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    /// Control plus a letter, e.g. `Ctrl('c')`.
    Ctrl(char),
    /// Alt (meta) plus a character: xterm prefixes it with ESC.
    Alt(char),
    Enter,
    Tab,
    BackTab,
    Backspace,
    Esc,
    Up,
    Down,
    Left,
    Right,
    AltUp,
    AltDown,
    AltLeft,
    AltRight,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    /// Function keys F1 to F12.
    F(u8),
}

impl Key {
    /// The bytes xterm sends for this key. `application_cursor` is DECCKM:
    /// once a program enables it, unmodified arrows, Home and End use SS3
    /// (`ESC O x`) instead of CSI (`ESC [ x`).
    pub fn bytes(self, application_cursor: bool) -> Vec<u8> {
        let cursor = |c: char| {
            if application_cursor {
                format!("\x1bO{c}")
            } else {
                format!("\x1b[{c}")
            }
        };
        // Modified arrows are always CSI, with 3 meaning Alt.
        let alt = |c: char| format!("\x1b[1;3{c}");
        let text = match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => {
                let c = c.to_ascii_lowercase();
                assert!(c.is_ascii_lowercase(), "Ctrl only combines with a letter");
                char::from(c as u8 & 0x1f).to_string()
            }
            Key::Alt(c) => format!("\x1b{c}"),
            // A terminal in raw mode sends CR for Enter, and DEL for Backspace.
            Key::Enter => "\r".into(),
            Key::Tab => "\t".into(),
            Key::BackTab => "\x1b[Z".into(),
            Key::Backspace => "\x7f".into(),
            Key::Esc => "\x1b".into(),
            Key::Up => cursor('A'),
            Key::Down => cursor('B'),
            Key::Right => cursor('C'),
            Key::Left => cursor('D'),
            Key::AltUp => alt('A'),
            Key::AltDown => alt('B'),
            Key::AltRight => alt('C'),
            Key::AltLeft => alt('D'),
            Key::Home => cursor('H'),
            Key::End => cursor('F'),
            Key::Insert => "\x1b[2~".into(),
            Key::Delete => "\x1b[3~".into(),
            Key::PageUp => "\x1b[5~".into(),
            Key::PageDown => "\x1b[6~".into(),
            Key::F(n @ 1..=4) => format!("\x1bO{}", char::from(b'P' + n - 1)),
            Key::F(n @ 5..=12) => {
                // xterm's numbering skips 16 and 22 for historical reasons.
                let code = [15, 17, 18, 19, 20, 21, 23, 24][usize::from(n - 5)];
                format!("\x1b[{code}~")
            }
            Key::F(n) => panic!("no function key F{n}"),
        };
        text.into_bytes()
    }
}

/// What the reader thread shares with the test.
struct Terminal {
    parser: vt100::Parser,
    /// Everything the program wrote, unparsed, for checks on escape sequences.
    raw: Vec<u8>,
    /// Set once the pty reports end of file: nothing will change any more.
    closed: bool,
}

/// A program running in a pseudo-terminal, plus the screen it has drawn.
pub struct Pty {
    terminal: Arc<Mutex<Terminal>>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// Kept so the pty stays open as long as the harness lives, and to resize it.
    master: Box<dyn MasterPty + Send>,
    /// The program's own config and data folders, so that no test reads or writes
    /// the user's (loi keeps a session and bookmarks there); removed with the harness.
    _home: tempfile::TempDir,
}

impl Pty {
    /// Spawns `program` with `args` in a pseudo-terminal of `cols`x`rows`,
    /// with `TERM=xterm-256color` plus `env` on top of the test's environment.
    ///
    /// The working directory is the test's (the crate root under `cargo
    /// test`), so relative paths in `args` behave as they read.
    pub fn spawn(program: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .expect("cannot open a pseudo-terminal");

        let mut command = CommandBuilder::new(program);
        command.args(args);
        // portable-pty would otherwise start in $HOME.
        command.cwd(std::env::current_dir().expect("no current directory"));
        command.env("TERM", "xterm-256color");
        // Stale sizes inherited from the outer shell would override the pty's.
        command.env_remove("LINES");
        command.env_remove("COLUMNS");
        let home = tempfile::tempdir().expect("cannot make a temporary folder");
        command.env("XDG_CONFIG_HOME", home.path().join("config"));
        command.env("XDG_DATA_HOME", home.path().join("data"));
        // English whatever the developer's locale, unless the test says otherwise.
        command.env("LANGUAGE", "en");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .unwrap_or_else(|err| panic!("cannot spawn {}: {err}", program.display()));
        // Only the child may hold the slave side: the reader sees end of file
        // when the last holder closes it, which must happen when the child exits.
        drop(pair.slave);

        let mut reader = pair.master.try_clone_reader().expect("cannot read the pty");
        let writer = pair.master.take_writer().expect("cannot write the pty");

        let rows = std::num::NonZeroU16::new(rows).expect("a terminal needs rows");
        let cols = std::num::NonZeroU16::new(cols).expect("a terminal needs columns");
        let terminal = Arc::new(Mutex::new(Terminal {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            closed: false,
        }));

        let shared = Arc::clone(&terminal);
        // Detached on purpose: it ends by itself at end of file, and joining it
        // could hang if a grandchild kept the pty open.
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                let n = match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                    // portable-pty already maps EIO (slave closed) to EOF;
                    // any other error also means no more output.
                    Err(_) => break,
                };
                let mut terminal = lock(&shared);
                terminal.parser.process(&buf[..n]);
                terminal.raw.extend_from_slice(&buf[..n]);
            }
            lock(&shared).closed = true;
        });

        Pty {
            terminal,
            child,
            writer,
            master: pair.master,
            _home: home,
        }
    }

    /// `loi args` under a shell with job control, at 80x24: Ctrl-Z stops it and the
    /// shell prints `stopped: PID`, then waits for a line before `fg`, and prints
    /// `exited: CODE` when it ends, for the tests of what loi gives back and takes again.
    pub fn under_job_control(args: &[&str]) -> Pty {
        let script =
            r#"set -m; "$0" "$@"; echo "stopped: $(jobs -p)"; read x; fg; echo "exited: $?""#;
        let mut all = vec!["-c", script, env!("CARGO_BIN_EXE_loi")];
        all.extend_from_slice(args);
        Pty::spawn(Path::new("/bin/bash"), &all, &[], 80, 24)
    }

    /// Writes raw bytes to the program, as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
            .expect("cannot write to the program");
    }

    /// Presses `key`, honouring the cursor-key mode the program has set.
    pub fn key(&mut self, key: Key) {
        let application_cursor = lock(&self.terminal).parser.screen().application_cursor();
        self.send(&key.bytes(application_cursor));
    }

    /// Waits until `needle` appears on the screen (a `\n` in it spans rows)
    /// and returns the screen. Panics with the last screen after `timeout`,
    /// or at once if the program has closed the terminal without showing it.
    #[track_caller]
    pub fn wait_for(&mut self, needle: &str, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            // Read `closed` before the screen: if it was already set, this
            // screen is final and will never show the needle.
            let (closed, screen) = {
                let terminal = lock(&self.terminal);
                (terminal.closed, screen_text(&terminal.parser))
            };
            if screen.contains(needle) {
                return screen;
            }
            if closed {
                panic!(
                    "the program closed the terminal without showing {needle:?}; last screen:\n{}",
                    framed(&screen)
                );
            }
            if Instant::now() >= deadline {
                panic!(
                    "{needle:?} did not appear within {timeout:?}; last screen:\n{}",
                    framed(&screen)
                );
            }
            thread::sleep(POLL);
        }
    }

    /// The current screen as text: one line per row, trailing spaces trimmed.
    pub fn screen(&self) -> String {
        screen_text(&lock(&self.terminal).parser)
    }

    /// The program's process id, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a spawned child has a pid")
    }

    /// Waits up to `timeout` for the program to exit and returns its exit
    /// code, or `None` if it is still running. A program killed by a signal
    /// reports 1 (portable-pty's convention).
    ///
    /// On success it also waits, within the same timeout, for the last output
    /// to be read, so `screen` and `output` are then final.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("cannot poll the program") {
                break status;
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(POLL);
        };
        // A grandchild may keep the pty open; the exit code is still valid then.
        while !lock(&self.terminal).closed && Instant::now() < deadline {
            thread::sleep(POLL);
        }
        Some(status.exit_code())
    }

    /// Resizes the terminal, as a window being dragged: the program gets SIGWINCH,
    /// and the emulated screen takes the new size at once.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let rows = std::num::NonZeroU16::new(rows).expect("a terminal needs rows");
        let cols = std::num::NonZeroU16::new(cols).expect("a terminal needs columns");
        // The screen first, then the program told, as a real terminal does: the other
        // way round, a program quick to redraw for its new size can have its frame
        // read into the old screen, which then keeps the garbled frame.
        lock(&self.terminal).parser.set_size(rows, cols);
        self.master.resize(size).expect("cannot resize the pty");
    }

    /// Whether the program has the alternate screen on, and the cursor hidden: a
    /// full-screen program that gave the terminal back has neither.
    pub fn modes(&self) -> (bool, bool) {
        let terminal = lock(&self.terminal);
        let screen = terminal.parser.screen();
        (screen.alternate_screen(), screen.hide_cursor())
    }

    /// Every byte the program has written so far, escape sequences included.
    pub fn output(&self) -> Vec<u8> {
        lock(&self.terminal).raw.clone()
    }
}

impl Drop for Pty {
    /// Kills a program the test left running, so that none outlive the suite.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            // portable-pty sends SIGHUP, then SIGKILL after a grace period.
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Locks the shared terminal, even after a panic elsewhere poisoned it: the
/// screen is still worth showing in the failure message.
fn lock(terminal: &Mutex<Terminal>) -> MutexGuard<'_, Terminal> {
    terminal
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn screen_text(parser: &vt100::Parser) -> String {
    let screen = parser.screen();
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .map(|row| row.trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Borders the screen so blank rows and trailing space stay visible in a panic message.
fn framed(screen: &str) -> String {
    screen
        .split('\n')
        .map(|line| format!("|{line}\n"))
        .collect()
}
