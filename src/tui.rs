//! The terminal: entering and leaving full-screen mode, and the event loop that turns
//! key presses into actions and redraws after them.

mod compact;
mod gaps;
mod scroll;

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;

use crate::action::Action;
use crate::app::{App, HEADER_ROWS, STATUS_ROWS, SessionToSave};
use crate::effect;
use crate::error::Error;
use crate::keymap::{self, Key, Lookup};
use crate::ui;

/// How the reader uses the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Take the mouse: the wheel scrolls, a click opens a reference. Off, the
    /// terminal keeps it, and its own selection of text works.
    pub mouse: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { mouse: true }
    }
}

/// The terminal as loi draws on it: through [`compact::Compact`].
type Term = Terminal<CrosstermBackend<compact::Compact<std::io::Stdout>>>;

/// Lines the text moves per notch of the mouse wheel.
const WHEEL_LINES: i16 = 3;

/// Whether mouse reporting is on, for every way out to turn it off.
static MOUSE_ON: AtomicBool = AtomicBool::new(false);

/// Turns on mouse reporting: presses and releases only (mode 1000, no motion, so a
/// moving mouse sends nothing), in SGR form (1006, any column).
const MOUSE_ENABLE: &str = "\x1b[?1000h\x1b[?1006h";
const MOUSE_DISABLE: &str = "\x1b[?1006l\x1b[?1000l";

/// Runs the reader until the user quits, and gives the app back (its stack is the
/// session to save). The terminal is restored on return and, through a panic hook, on
/// panic.
pub fn run(app: App, options: Options) -> Result<App, Error> {
    if !std::io::stdout().is_terminal() {
        return Err(Error::NotATerminal);
    }
    // As ratatui::try_init, with loi's writer, and a panic hook that gives back the
    // mouse too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(compact::Compact::new(
        std::io::stdout(),
    )))?;
    if options.mouse {
        mouse_on()?;
    }
    restore_on_signals()?;
    leave_when_terminal_gone()?;
    let stop_asked = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&stop_asked))?;
    let result = event_loop(&mut terminal, app, &stop_asked);
    restore_terminal();
    Ok(result?)
}

fn mouse_on() -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout();
    out.write_all(MOUSE_ENABLE.as_bytes())?;
    out.flush()?;
    MOUSE_ON.store(true, Ordering::SeqCst);
    Ok(())
}

/// Turns mouse reporting off if it is on; errors ignored, as in [`restore_terminal`].
fn mouse_off() {
    use std::io::Write;
    if MOUSE_ON.swap(false, Ordering::SeqCst) {
        let mut out = std::io::stdout();
        let _ = out.write_all(MOUSE_DISABLE.as_bytes());
        let _ = out.flush();
    }
}

/// Gives the terminal its modes back: cooked mode and echo, the normal screen, a
/// visible cursor, no mouse reporting: on quitting, signals, suspending and panic.
fn restore_terminal() {
    mouse_off();
    // The scrolling region loi keeps set (see `scroll::Margins`): the shell's screen
    // must scroll whole again.
    {
        use std::io::Write;
        let mut out = std::io::stdout();
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
fn restore_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_terminal();
            save_last_session();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// The session as the reader last had it, for the threads that end loi on a signal or
/// a hang-up: over SSH a dropped connection is a usual way out, and the next `loi`
/// must still reopen where the reader was.
static LAST_SESSION: Mutex<Option<SessionToSave>> = Mutex::new(None);

fn remember_session(app: &App) {
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
fn suspend(terminal: &mut Term) -> std::io::Result<()> {
    let mouse = MOUSE_ON.load(Ordering::SeqCst);
    restore_terminal();
    stop_as_by_default()?;
    if mouse {
        mouse_on()?;
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
fn stop_as_by_default() -> std::io::Result<()> {
    // SAFETY: sigaction with valid pointers to zeroed, then filled, structs; the
    // handler saved is restored unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut ours: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut ours) != 0 {
            return Err(std::io::Error::last_os_error());
        }
        let raised = libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &ours, std::ptr::null_mut());
        if raised != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

fn event_loop(terminal: &mut Term, mut app: App, stop_asked: &AtomicBool) -> std::io::Result<App> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut pending: Vec<Key> = Vec::new();
    let mut shown = Shown::default();
    while !app.quit {
        for effect in app.take_effects() {
            // A browser that fails to start is not worth stopping the reader for.
            let _ = effect::run(&effect, terminal.backend_mut());
        }
        draw(terminal, &app, &mut shown)?;
        // What is on screen is what a signal or a hang-up saves (idle work moves the
        // view too, as the citations found re-lay the text).
        remember_session(&app);
        panic_if_asked();
        if app.has_idle_work() && !event_waiting()? {
            app.update(Action::Idle);
            continue;
        }
        // Handle every event already queued before drawing again: a held key or a
        // burst of resizes costs one redraw, not one per event.
        let Some(mut event) = next_event(stop_asked)? else {
            suspend(terminal)?;
            shown.forget();
            continue;
        };
        loop {
            match to_action(&event, &mut pending, &app) {
                Some(Action::Suspend) => {
                    suspend(terminal)?;
                    shown.forget();
                }
                Some(action) => app.update(action),
                None => {}
            }
            if app.quit || !event_waiting()? {
                break;
            }
            match next_event(stop_asked)? {
                Some(next) => event = next,
                None => {
                    suspend(terminal)?;
                    shown.forget();
                    break;
                }
            }
        }
    }
    Ok(app)
}

/// The next event, waiting in short polls so that a SIGTSTP that came meanwhile is
/// seen: None then, loi should suspend.
fn next_event(stop_asked: &AtomicBool) -> std::io::Result<Option<Event>> {
    loop {
        if stop_asked.swap(false, Ordering::Relaxed) {
            return Ok(None);
        }
        if event::poll(Duration::from_millis(250))? {
            return event::read().map(Some);
        }
    }
}

/// Whether an event is already there to read.
fn event_waiting() -> std::io::Result<bool> {
    event::poll(Duration::ZERO)
}

/// Exits as a hang-up would (128 + SIGHUP) the moment the terminal hangs up, when an
/// SSH session is dropped while SIGHUP is ignored. crossterm cannot be left to notice:
/// once its terminal reads end-of-file, its poll and read loop at 100% CPU for ever
/// (crossterm issues 793 and 1110), and checking before each poll leaves a window for
/// the hang-up to fall into. So a thread of its own sleeps in poll(2) on the terminal,
/// which wakes it only for a hang-up or an error.
fn leave_when_terminal_gone() -> std::io::Result<()> {
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

/// What the terminal is known to show, for the next draw to send only what changed.
#[derive(Debug, Default)]
struct Shown {
    screen: Option<Buffer>,
    margins: scroll::Margins,
}

impl Shown {
    /// After a resize or a suspension: the next draw sends the whole screen.
    fn forget(&mut self) {
        self.screen = None;
        self.margins.forget();
    }
}

/// Draws the app. When the article's text only moved up or down by a few lines, the
/// terminal scrolls its text rows itself first, and ratatui, comparing with what the
/// screen then shows, writes only the rows that came in (and the status line). Small
/// gaps between changed cells are written again rather than moved over (`gaps`).
fn draw(terminal: &mut Term, app: &App, shown: &mut Shown) -> std::io::Result<()> {
    let area = terminal.current_buffer_mut().area;
    terminal.autoresize()?;
    if terminal.current_buffer_mut().area != area {
        // Resized: ratatui cleared the screen and forgot it; so does this.
        shown.forget();
    }
    ui::draw(&mut terminal.get_frame(), app);
    let rows = HEADER_ROWS
        ..terminal
            .current_buffer_mut()
            .area
            .height
            .saturating_sub(STATUS_ROWS);
    if let Some(before) = shown.screen.as_ref() {
        let next = terminal.current_buffer_mut().clone();
        // What the terminal shows before ratatui's diff: scrolled first, when the
        // text only moved a few lines.
        let mut base =
            match scroll::detect(before, &next, rows.clone(), crate::layout::CURSOR_COLUMNS) {
                Some(shift) => {
                    shown
                        .margins
                        .scroll(terminal.backend_mut(), rows.clone(), shift)?;
                    scroll::shifted(before, rows, shift)
                }
                None => before.clone(),
            };
        gaps::fill(&mut base, &next);
        // Make ratatui's "previous screen" that.
        *terminal.current_buffer_mut() = base;
        terminal.swap_buffers();
        *terminal.current_buffer_mut() = next;
    }
    let done = terminal.apply_buffer()?;
    shown.screen = Some(done.buffer.clone());
    Ok(())
}

/// The action an event asks for; keys of a sequence (`z` then `R`) wait in `pending`.
/// While the user is typing (the go-to prompt), keys are text; else they are read
/// with the app's keymap.
fn to_action(event: &Event, pending: &mut Vec<Key>, app: &App) -> Option<Action> {
    let typing = app.typing();
    match event {
        Event::Resize(cols, rows) => Some(Action::Resize(*cols, *rows)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_LINES)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_LINES)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        Event::Key(k) if typing => {
            pending.clear();
            keymap::lookup_typing(Key::from_event(*k)?)
        }
        Event::Key(k) => {
            let key = Key::from_event(*k)?;
            match app.keymap().lookup(pending, key) {
                Lookup::Action(action) => {
                    pending.clear();
                    Some(action)
                }
                Lookup::Pending => {
                    pending.push(key);
                    None
                }
                Lookup::Unbound => {
                    pending.clear();
                    None
                }
            }
        }
        _ => None,
    }
}

/// Lets the end-to-end tests check that a panic gives the terminal back. Debug builds
/// only: a release binary has no such switch.
fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("LOI_TEST_PANIC").is_some() {
        panic!("LOI_TEST_PANIC is set: panicking after a draw, as asked");
    }
}
