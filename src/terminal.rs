//! The terminal layer: entering and leaving full-screen mode, and the event loop that
//! turns key presses into actions, carries out their effects and redraws after them,
//! through the output layers that keep the bytes few (`compact`, `scroll`, `gaps`),
//! and, when asked, the hyperlinks (`hyperlink`, `linked`). Uses the layers below it.

mod browse;
mod compact;
mod gaps;
pub mod hyperlink;
mod linked;
mod restore;
mod scroll;
mod synced;

use restore::{
    leave_when_terminal_gone, mouse_on, paste_on, remember_session, restore_on_signals,
    restore_terminal, suspend,
};

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;

use crate::app::action::Action;
use crate::app::effect::{self, Effect};
use crate::app::keymap::{self, Key, Lookup};
use crate::app::{App, HEADER_ROWS, STATUS_ROWS};
use crate::mirror::error::Error;
use crate::screen;
use crate::screen::theme::Theme;

/// How the reader uses the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Take the mouse: the wheel scrolls, a click opens a reference. Off, the
    /// terminal keeps it, and its own selection of text works.
    pub mouse: bool,
    /// The styles the screen is drawn with (`Theme::pick`: dark by default).
    pub theme: Theme,
    /// The output layers that keep the bytes few (`compact`, `scroll`, `gaps`); off,
    /// each draw is ratatui's own diff (`LOI_PLAIN_OUTPUT=1`, to tell their bugs from
    /// the drawing's).
    pub output_layers: bool,
    /// The heading and the references on screen as OSC 8 hyperlinks to their pages on
    /// Légifrance (`linked`): `hyperlinks = true` in config.toml.
    pub hyperlinks: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            mouse: true,
            theme: Theme::default(),
            output_layers: true,
            hyperlinks: false,
        }
    }
}

/// The terminal as loi draws on it: through [`compact::Compact`].
type Term = Terminal<CrosstermBackend<compact::Compact<std::io::Stdout>>>;

/// Lines the text moves per notch of the mouse wheel.
const WHEEL_LINES: i16 = 3;

/// Runs the reader until the user quits, and gives the app back (its stack is the
/// session to save). The terminal is restored on return and, through a panic hook, on
/// panic.
pub fn run(app: App, options: Options) -> Result<App, Error> {
    if !std::io::stdout().is_terminal() {
        return Err(Error::NotATerminal);
    }
    // As less warns on a dumb terminal: one that cannot move its cursor would get
    // the alternate screen's and the mouse's codes as text.
    let term = std::env::var("TERM").unwrap_or_default();
    if term.trim().is_empty() || term == "dumb" {
        let shown = if term.trim().is_empty() {
            "unset"
        } else {
            "dumb"
        };
        return Err(Error::DumbTerminal(shown.to_owned()));
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
    // Whether colour reaches the terminal is the theme's to say (`NO_COLOR` among
    // its rules), and `Compact` holds it: crossterm, left to read `NO_COLOR` itself,
    // writes a colour it drops as `ESC[m`, a reset that would drop bold and
    // underline too.
    crossterm::style::Colored::set_ansi_color_disabled(false);
    let mut writer =
        compact::Compact::new(std::io::stdout()).with_colours(options.theme.has_colour());
    if !options.output_layers {
        writer = writer.plain();
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(writer))?;
    if options.mouse {
        mouse_on()?;
    }
    paste_on()?;
    restore_on_signals()?;
    leave_when_terminal_gone()?;
    let stop_asked = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&stop_asked))?;
    let result = event_loop(&mut terminal, app, &options, &stop_asked);
    restore_terminal();
    Ok(result?)
}

fn event_loop(
    terminal: &mut Term,
    mut app: App,
    options: &Options,
    stop_asked: &AtomicBool,
) -> std::io::Result<App> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut pending: Vec<Key> = Vec::new();
    let mut shown = Shown::default();
    let browsers = browse::Browsers::new();
    while !app.quitting() {
        // Drawn before the effects are carried out: the address a browser gets is on
        // the status line before it starts.
        draw(terminal, &app, options, &mut shown)?;
        if carry_out(terminal, &mut app, &mut shown, &browsers, stop_asked)? {
            continue;
        }
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
        let mut event = match next_event(stop_asked, &browsers)? {
            Next::Event(event) => event,
            Next::Suspend => {
                suspend_and_resume(terminal, &mut app, &mut shown)?;
                continue;
            }
            Next::Report(action) => {
                app.update(action);
                continue;
            }
        };
        loop {
            // A paste is text: its characters go to the app as such, never read as keys.
            if let Event::Paste(text) = &event {
                pending.clear();
                for action in Action::pasted(text) {
                    app.update(action);
                }
            }
            match to_action(&event, &mut pending, &app) {
                Some(Action::Suspend) => suspend_and_resume(terminal, &mut app, &mut shown)?,
                Some(action) => app.update(action),
                None => {}
            }
            if app.quitting() || !event_waiting()? {
                break;
            }
            match next_event(stop_asked, &browsers)? {
                Next::Event(next) => event = next,
                Next::Suspend => {
                    suspend_and_resume(terminal, &mut app, &mut shown)?;
                    break;
                }
                Next::Report(action) => {
                    app.update(action);
                    break;
                }
            }
        }
    }
    Ok(app)
}

/// Carries out the effects the app queued; whether there were any (the screen may
/// then have changed). A browser that drew in the terminal leaves it to be drawn again
/// whole, as after Ctrl-Z.
fn carry_out(
    terminal: &mut Term,
    app: &mut App,
    shown: &mut Shown,
    browsers: &browse::Browsers,
    stop_asked: &AtomicBool,
) -> std::io::Result<bool> {
    let effects = app.take_effects();
    for effect in &effects {
        match effect {
            // A clipboard the terminal refuses is not worth stopping the reader for.
            Effect::Copy(text) => {
                let _ = effect::copy(text, terminal.backend_mut());
            }
            Effect::Browse {
                browsers: list,
                address,
                launch,
            } => {
                if browsers.open(terminal, list, address, *launch)? {
                    // A Ctrl-Z in the browser reached loi too; loi stopped with it.
                    stop_asked.store(false, Ordering::Relaxed);
                    shown.forget();
                    let size = terminal.size()?;
                    app.update(Action::Resize(size.width, size.height));
                }
            }
        }
    }
    if let Some(failed) = browsers.report() {
        app.update(Action::NotOpened(failed));
    }
    Ok(!effects.is_empty())
}

/// Ctrl-Z: stops loi, and once it is continued in the foreground, lays it out again
/// for the terminal's size, which may have changed meanwhile (no resize event tells
/// a stopped process), and has the next draw send the whole screen.
fn suspend_and_resume(
    terminal: &mut Term,
    app: &mut App,
    shown: &mut Shown,
) -> std::io::Result<()> {
    suspend(terminal)?;
    shown.forget();
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    Ok(())
}

/// What the event loop waits for.
enum Next {
    Event(Event),
    /// A SIGTSTP came: loi should suspend.
    Suspend,
    /// A browser did not open its address.
    Report(Action),
}

/// The next event, waiting in short polls so that a SIGTSTP or a browser's failure
/// that came meanwhile is seen.
fn next_event(stop_asked: &AtomicBool, browsers: &browse::Browsers) -> std::io::Result<Next> {
    loop {
        if stop_asked.swap(false, Ordering::Relaxed) {
            return Ok(Next::Suspend);
        }
        if let Some(failed) = browsers.report() {
            return Ok(Next::Report(Action::NotOpened(failed)));
        }
        if event::poll(Duration::from_millis(250))? {
            return event::read().map(Next::Event);
        }
    }
}

/// Whether an event is already there to read.
fn event_waiting() -> std::io::Result<bool> {
    event::poll(Duration::ZERO)
}

/// What the terminal is known to show, for the next draw to send only what changed.
#[derive(Debug, Default)]
struct Shown {
    screen: Option<Buffer>,
    margins: scroll::Margins,
    /// The links the terminal holds, when hyperlinks are on; `None`: none (cleared).
    links: Option<linked::Grid>,
    /// Where the heading and references of the article shown lead.
    pages: linked::Pages,
}

impl Shown {
    /// After a resize or a suspension: the next draw sends the whole screen.
    fn forget(&mut self) {
        self.screen = None;
        self.margins.forget();
        self.links = None;
    }
}

/// Draws the app. When the article's text only moved up or down by a few lines, the
/// terminal scrolls its text rows itself first, and ratatui, comparing with what the
/// screen then shows, writes only the rows that came in (and the status line). Small
/// gaps between changed cells are written again rather than moved over (`gaps`).
fn draw(
    terminal: &mut Term,
    app: &App,
    options: &Options,
    shown: &mut Shown,
) -> std::io::Result<()> {
    let area = terminal.current_buffer_mut().area;
    terminal.autoresize()?;
    if terminal.current_buffer_mut().area != area {
        // Resized: ratatui cleared the screen and forgot it; so does this.
        shown.forget();
    }
    screen::draw(&mut terminal.get_frame(), app, &options.theme);
    if options.hyperlinks {
        return draw_linked(terminal, app, options, shown);
    }
    let rows = HEADER_ROWS
        ..terminal
            .current_buffer_mut()
            .area
            .height
            .saturating_sub(STATUS_ROWS);
    if let Some(before) = shown.screen.as_ref().filter(|_| options.output_layers) {
        let next = terminal.current_buffer_mut().clone();
        // What the terminal shows before ratatui's diff: scrolled first, when the
        // text only moved a few lines.
        let mut base = match scroll::detect_below_kept(
            before,
            &next,
            rows,
            crate::model::layout::CURSOR_COLUMNS,
        ) {
            Some((rows, shift)) => {
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

/// [`draw`] with hyperlinks: the same output layers, then the diff written through
/// `linked`, each link's cells inside its sequence, and cells whose link changed
/// written again.
fn draw_linked(
    terminal: &mut Term,
    app: &App,
    options: &Options,
    shown: &mut Shown,
) -> std::io::Result<()> {
    let next = terminal.current_buffer_mut().clone();
    let area = next.area;
    let rows = HEADER_ROWS..area.height.saturating_sub(STATUS_ROWS);
    // A screen not known was cleared: no text and no link, and nothing to scroll.
    let known = shown.screen.is_some();
    let before = shown.screen.take().unwrap_or_else(|| Buffer::empty(area));
    let mut held = shown
        .links
        .take()
        .unwrap_or_else(|| linked::Grid::empty(area));
    let mut base = before.clone();
    if options.output_layers
        && known
        && let Some((rows, shift)) =
            scroll::detect_below_kept(&before, &next, rows, crate::model::layout::CURSOR_COLUMNS)
    {
        shown
            .margins
            .scroll(terminal.backend_mut(), rows.clone(), shift)?;
        base = scroll::shifted(&before, rows.clone(), shift);
        held = held.shifted(rows, shift);
    }
    let links = linked::Grid::of(app, &mut shown.pages, area);
    links.mark_changed(&held, &mut base);
    if options.output_layers {
        gaps::fill(&mut base, &next);
    }
    let updates = base.diff(&next);
    linked::draw(terminal.backend_mut(), &updates, &links)?;
    // ratatui's "previous screen" is now what was drawn: its own diff writes nothing.
    *terminal.current_buffer_mut() = next.clone();
    terminal.swap_buffers();
    *terminal.current_buffer_mut() = next;
    let done = terminal.apply_buffer()?;
    shown.screen = Some(done.buffer.clone());
    shown.links = Some(links);
    Ok(())
}

/// The action an event asks for; keys of a sequence (`z` then `R`) wait in `pending`.
/// While the user is typing (the go-to prompt), keys are text; else they are read
/// with the app's keymap.
fn to_action(event: &Event, pending: &mut Vec<Key>, app: &App) -> Option<Action> {
    // Labels shown (`f`) take letters as text too.
    let typing = app.typing() || app.hinting().is_some();
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
