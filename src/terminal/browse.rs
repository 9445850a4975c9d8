//! Starting the browser `o` asks for: each command of the `BROWSER` list in turn until
//! one starts; a browser that draws in the terminal is given it and waited for, any
//! other runs on its own, watched by a thread that reaps it (no zombie left) and
//! reports it if it fails at once; a browser that did not open the address is said
//! (`Action::NotOpened`).

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::Term;
use super::restore::{hand_over, stop_as_by_default};
use crate::app::effect::browser::{self, Command as Browser};
use crate::app::effect::{NotOpened, Why};
use crate::model::web::Address;

/// A browser that ends with an error sooner than this after it started failed to
/// open the address (`xdg-open` with no handler, a wrapper script that gave up); one
/// that ends later was a window the user closed.
const SOON: Duration = Duration::from_secs(5);

/// The browsers started, as far as their reports go.
pub(super) struct Browsers {
    tell: Sender<NotOpened>,
    told: Receiver<NotOpened>,
}

impl Browsers {
    pub(super) fn new() -> Browsers {
        let (tell, told) = channel();
        Browsers { tell, told }
    }

    /// A browser that did not open its address, if one was reported.
    pub(super) fn report(&self) -> Option<NotOpened> {
        self.told.try_recv().ok()
    }

    /// Opens `address` with the first command of `list` that starts. Returns whether
    /// the terminal was handed over (the screen is then to be drawn again whole).
    pub(super) fn open(
        &self,
        terminal: &mut Term,
        list: &str,
        address: &Address,
        launch: u32,
    ) -> std::io::Result<bool> {
        let mut failed = None;
        let mut handed = false;
        for (i, command) in browser::commands(list).iter().enumerate() {
            let index = u8::try_from(i).unwrap_or(u8::MAX);
            let not_opened = |why| NotOpened {
                launch,
                command: index,
                why,
            };
            if command.in_terminal() {
                // Not there: the screen is not given away for nothing.
                if !on_path(command.program()) {
                    failed = Some(not_opened(Why::NotFound));
                    continue;
                }
                handed = true;
                match hand_over(terminal, || in_foreground(command, address))? {
                    Ok(status) => {
                        if let Some(why) = failure(status) {
                            let _ = self.tell.send(not_opened(why));
                        }
                        return Ok(true);
                    }
                    Err(e) => failed = Some(not_opened(why_not_started(&e))),
                }
                continue;
            }
            let started = Command::new(command.program())
                .args(command.args(address))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // Its own process group: the terminal's signals are loi's alone.
                .process_group(0)
                .spawn();
            match started {
                Ok(child) => {
                    self.watch(child, not_opened(Why::NotFound));
                    return Ok(handed);
                }
                Err(e) => failed = Some(not_opened(why_not_started(&e))),
            }
        }
        if let Some(failed) = failed {
            let _ = self.tell.send(failed);
        }
        Ok(handed)
    }

    /// Waits for `child` on a thread of its own, which reaps it, and reports it if it
    /// fails soon.
    fn watch(&self, mut child: std::process::Child, not_opened: NotOpened) {
        let tell = self.tell.clone();
        let since = Instant::now();
        let _ = std::thread::Builder::new()
            .name("browser".into())
            .spawn(move || {
                if let Ok(status) = child.wait()
                    && since.elapsed() < SOON
                    && let Some(why) = failure(status)
                {
                    let _ = tell.send(NotOpened { why, ..not_opened });
                }
            });
    }
}

/// Runs a browser that draws in the terminal, in loi's foreground group, and waits
/// for it. Stopped (Ctrl-Z in it), loi stops too, so that the shell gets the terminal;
/// continued, it continues the browser and waits again.
fn in_foreground(command: &Browser, address: &Address) -> std::io::Result<ExitStatus> {
    let child = Command::new(command.program())
        .args(command.args(address))
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    loop {
        let mut status = 0;
        // SAFETY: waits for loi's own child, writing its status into a local.
        let waited = unsafe { libc::waitpid(pid, &mut status, libc::WUNTRACED) };
        if waited == -1 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if libc::WIFSTOPPED(status) {
            stop_as_by_default()?;
            // SAFETY: a signal to loi's own child.
            unsafe { libc::kill(pid, libc::SIGCONT) };
            continue;
        }
        return Ok(ExitStatus::from_raw(status));
    }
}

/// Why a browser that ended this way did not open the address; none if it ended well.
fn failure(status: ExitStatus) -> Option<Why> {
    match (status.code(), status.signal()) {
        (Some(0), _) => None,
        (Some(code), _) => Some(Why::Exited(code)),
        (None, Some(signal)) => Some(Why::Killed(signal)),
        (None, None) => None,
    }
}

fn why_not_started(e: &std::io::Error) -> Why {
    match e.kind() {
        std::io::ErrorKind::NotFound => Why::NotFound,
        _ => Why::CannotRun,
    }
}

/// Whether `program` names a file that can be run: a path as is, else a name looked
/// for in `PATH`.
fn on_path(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let runnable = |path: &std::path::Path| {
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if program.contains('/') {
        return runnable(std::path::Path::new(program));
    }
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| runnable(&dir.join(program))))
}
