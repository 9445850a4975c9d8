//! Giving the terminal back, on every way out: quitting, a panic, a signal (SIGTERM,
//! SIGHUP, SIGINT, SIGQUIT), a hang-up, and Ctrl-Z (stopped, then taken again on
//! `fg`), and a browser that draws in the terminal (given it, then taken again); and
//! the session saved when loi is ended from outside.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{Term, scroll};
use crate::app::{App, SessionToSave};

/// Whether mouse reporting is on, for every way out to turn it off.
static MOUSE_ON: AtomicBool = AtomicBool::new(false);

/// Turns on mouse reporting: presses and releases only (mode 1000, no motion, so a
/// moving mouse sends nothing), in SGR form (1006, any column).
const MOUSE_ENABLE: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_DISABLE: &str = "\x1b[?1006l\x1b[?1000l";

pub(super) fn mouse_on() -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    out.write_all(MOUSE_ENABLE.as_bytes())?;
    out.flush()?;
    MOUSE_ON.store(true, Ordering::SeqCst);
    Ok(())
}

/// Turns mouse reporting off if it is on; errors ignored, as in [`restore_terminal`].
pub(super) fn mouse_off() {
    use std::io::Write;
    if MOUSE_ON.swap(false, Ordering::SeqCst) {
        let mut out = std::io::stdout();
        let _ = out.write_all(MOUSE_DISABLE.as_bytes());
        let _ = out.flush();
    }
}

/// Whether bracketed paste is on, for every way out to turn it off: a shell left with
/// it on would wrap every later paste in `ESC[200~`…`ESC[201~`.
static PASTE_ON: AtomicBool = AtomicBool::new(false);

/// Has the terminal mark a paste's start and end (mode 2004), so that pasted text
/// reaches loi as text, never as keys (a `q` in it does not quit).
const PASTE_ENABLE: &str = "\x1b[?2004h";
const PASTE_DISABLE: &str = "\x1b[?2004l";

pub(super) fn paste_on() -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    out.write_all(PASTE_ENABLE.as_bytes())?;
    out.flush()?;
    PASTE_ON.store(true, Ordering::SeqCst);
    Ok(())
}

/// Turns bracketed paste off if it is on; errors ignored, as in [`restore_terminal`].
fn paste_off() {
    use std::io::Write;
    if PASTE_ON.swap(false, Ordering::SeqCst) {
        let mut out = std::io::stdout();
        let _ = out.write_all(PASTE_DISABLE.as_bytes());
        let _ = out.flush();
    }
}

/// Whether loi's process group has the terminal (or there is no job control to say
/// otherwise). A stopped loi continued in the background (`kill %1` sends SIGCONT
/// after SIGTERM, `bg` only SIGCONT) must not touch the terminal: the shell has it,
/// and the kernel would stop loi again for trying (SIGTTOU).
fn in_foreground() -> bool {
    // SAFETY: plain calls on a file descriptor number and the process itself.
    let (owner, ours) = unsafe { (libc::tcgetpgrp(libc::STDOUT_FILENO), libc::getpgrp()) };
    owner == -1 || owner == ours
}

/// Gives the terminal its modes back: cooked mode and echo, the normal screen, a
/// visible cursor, no mouse reporting, no bracketed paste: on quitting, signals,
/// suspending and panic. Nothing when loi is in the background: it gave the terminal
/// back on stopping.
pub(super) fn restore_terminal() {
    if !in_foreground() {
        return;
    }
    mouse_off();
    paste_off();
    // The scrolling region loi keeps set (see `scroll::Margins`): the shell's screen
    // must scroll whole again.
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        // A batch cut short by a signal may have left the screen held.
        let _ = out.write_all(super::synced::END);
        let _ = out.write_all(scroll::RESET_MARGINS);
        let _ = out.flush();
    }
    // Errors are ignored: when the terminal is gone there is nothing to restore, and
    // ratatui::restore would report it with eprintln!, which panics on a dead stderr.
    let _ = ratatui::try_restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT, restores the terminal and exits with
/// 128 + the signal's number, as a shell reports a process killed by it. Without
/// this the terminal stays raw and on the alternate screen (ratatui only restores
/// on panic). The handler runs on a thread of signal-hook's, not inside the signal,
/// so it may write and exit freely.
pub(super) fn restore_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        // While a browser has the terminal, Ctrl-C and Ctrl-\ are its own (they reach
        // the whole foreground group): loi ignores them, as system(3) does.
        let ours = |signal: &i32| {
            !(HANDED_OVER.load(Ordering::SeqCst) && matches!(*signal, SIGINT | SIGQUIT))
        };
        if let Some(signal) = signals.forever().find(ours) {
            ENDING.store(true, Ordering::SeqCst);
            restore_terminal();
            save_last_session();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Set when a signal is ending loi: the main thread, continued in the background,
/// must then not stop the process again while the session is being saved.
static ENDING: AtomicBool = AtomicBool::new(false);

/// The session as the reader last had it, for the threads that end loi on a signal or
/// a hang-up: over SSH a dropped connection is a usual way out, and the next `loi`
/// must still reopen where the reader was.
static LAST_SESSION: Mutex<Option<SessionToSave>> = Mutex::new(None);

pub(super) fn remember_session(app: &App) {
    let now = app.session_to_save();
    if let Ok(mut last) = LAST_SESSION.lock()
        && *last != now
    {
        *last = now;
    }
}

/// Saves [`LAST_SESSION`]. The main thread holds the lock only to replace it, but may
/// be stopped for good while it does (a hang-up ends the process from another thread):
/// a few tries, then the save is given up rather than the exit.
fn save_last_session() {
    for _ in 0..50 {
        match LAST_SESSION.try_lock() {
            Ok(last) => {
                if let Some(session) = last.as_ref() {
                    let _ = session.save();
                }
                return;
            }
            Err(std::sync::TryLockError::Poisoned(last)) => {
                if let Some(session) = last.into_inner().as_ref() {
                    let _ = session.save();
                }
                return;
            }
            Err(std::sync::TryLockError::WouldBlock) => {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }
}

/// Ctrl-Z (in raw mode the terminal sends it as a key, not as SIGTSTP) or a SIGTSTP
/// sent from outside (`kill -TSTP`, which loi catches so as not to stop with the
/// terminal raw). Gives the terminal back as on quitting, stops with SIGTSTP's default
/// action as the shell's Ctrl-Z would, and once continued (`fg`, SIGCONT) takes the
/// terminal again and redraws all of it.
///
/// Where no shell can resume it (its process group is orphaned), the kernel drops
/// the SIGTSTP and the reader simply comes back.
pub(super) fn suspend(terminal: &mut Term) -> std::io::Result<()> {
    let modes = give_back();
    stop_as_by_default()?;
    take_again(terminal, modes)
}

/// Set while another program (a browser that draws in the terminal) has the terminal.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);

/// Gives the terminal to another program for the time of `run` (a browser that draws
/// in the terminal), as Ctrl-Z gives it to the shell, then takes it again and has the
/// next draw send all of it.
pub(super) fn hand_over<R>(terminal: &mut Term, run: impl FnOnce() -> R) -> std::io::Result<R> {
    let modes = give_back();
    HANDED_OVER.store(true, Ordering::SeqCst);
    let result = run();
    HANDED_OVER.store(false, Ordering::SeqCst);
    take_again(terminal, modes)?;
    Ok(result)
}

/// Whether the mouse and bracketed paste were on, to turn them on again.
struct Modes {
    mouse: bool,
    paste: bool,
}

/// Gives the terminal back as on quitting, noting what to take again.
fn give_back() -> Modes {
    let modes = Modes {
        mouse: MOUSE_ON.load(Ordering::SeqCst),
        paste: PASTE_ON.load(Ordering::SeqCst),
    };
    restore_terminal();
    modes
}

/// Takes the terminal again after [`give_back`]: raw mode, the alternate screen, the
/// modes loi had.
fn take_again(terminal: &mut Term, modes: Modes) -> std::io::Result<()> {
    if modes.mouse {
        mouse_on()?;
    }
    if modes.paste {
        paste_on()?;
    }
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::cursor::Hide
    )?;
    // Clears the screen and forgets what it showed, so the next draw sends it all
    // (Terminal::clear would ask the terminal where its cursor is, and wait).
    let size = terminal.size()?;
    terminal.resize(size.into())
}

/// Raises SIGTSTP with its default action (stop) for the time of the raise, then puts
/// loi's own handler back. SIGSTOP would do without the swap, but it also stops a
/// process no shell can continue, where SIGTSTP is dropped.
pub(super) fn stop_as_by_default() -> std::io::Result<()> {
    // SAFETY: sigaction with valid pointers to zeroed, then filled, structs; the
    // handler saved is restored unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut ours: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut ours) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let mut raised = libc::raise(libc::SIGTSTP);
        // Continued in the background: a SIGTERM that came with the SIGCONT ends loi
        // on the signals' thread meanwhile; else loi stops again until `fg`, as a job
        // that needs the terminal does.
        while raised == 0 && !in_foreground() {
            std::thread::sleep(Duration::from_millis(100));
            while ENDING.load(Ordering::SeqCst) {
                // The signals' thread is saving the session and will exit.
                std::thread::sleep(Duration::from_millis(100));
            }
            raised = libc::raise(libc::SIGTSTP);
        }
        libc::sigaction(libc::SIGTSTP, &ours, std::ptr::null_mut());
        if raised != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Exits as a hang-up would (128 + SIGHUP) the moment the terminal hangs up, when an
/// SSH session is dropped while SIGHUP is ignored. crossterm cannot be left to notice:
/// once its terminal reads end-of-file, its poll and read loop at 100% CPU for ever
/// (crossterm issues 793 and 1110), and checking before each poll leaves a window for
/// the hang-up to fall into. So a thread of its own sleeps in poll(2) on the terminal,
/// which wakes it only for a hang-up or an error.
pub(super) fn leave_when_terminal_gone() -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("hang-up watch".into())
        .spawn(|| {
            loop {
                let mut fds = [libc::pollfd {
                    fd: libc::STDOUT_FILENO,
                    events: 0,
                    revents: 0,
                }];
                // SAFETY: one valid pollfd; poll only writes `revents`.
                let ready = unsafe { libc::poll(fds.as_mut_ptr(), 1, -1) };
                if ready > 0
                    && fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
                {
                    // _exit, not process::exit: the main thread may be spinning inside
                    // crossterm or holding stdout's lock, and there is no terminal left
                    // to restore.
                    save_last_session();
                    // SAFETY: ends the process; nothing after it runs.
                    unsafe { libc::_exit(128 + libc::SIGHUP) };
                }
            }
        })?;
    Ok(())
}
