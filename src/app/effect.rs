//! What the reader asks of the terminal and the desktop: the clipboard and a browser
//! (`browser`: which, and with what words).
//! `App::update` queues these; the terminal loop carries them out, so that tests can
//! drive the app without a terminal. (The user's files are written by the app itself,
//! at once: the module `app` says why.)

use std::io::Write;

pub mod browser;

use crate::model::web::Address;

/// A side effect queued by `App::update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard of the terminal's machine (through OSC 52, which
    /// travels over SSH and through tmux).
    Copy(String),
    /// Open this address with the first browser of `browsers` (a `BROWSER` list) that
    /// starts; `launch` numbers the request, for [`NotOpened`] to name it.
    Browse {
        browsers: String,
        address: Address,
        launch: u32,
    },
}

/// An address no browser opened: the event loop sends it back to the app
/// (`Action::NotOpened`), which says so with the address to copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NotOpened {
    /// The request, as numbered in [`Effect::Browse`].
    pub launch: u32,
    /// The command of the `BROWSER` list that failed last (its index).
    pub command: u8,
    pub why: Why,
}

/// Why a browser did not open an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Why {
    /// No such program.
    #[default]
    NotFound,
    /// The program is there but could not be started (not executable, say).
    CannotRun,
    /// It ended at once with this exit status.
    Exited(i32),
    /// It was killed at once by this signal.
    Killed(i32),
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// The programs that open addresses here: `$BROWSER` (a list, see [`browser`]), else
/// `xdg-open` when there is a display to open them on (over SSH there is none, and `y`
/// is the way).
pub fn browser(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    if let Some(b) = env("BROWSER").filter(|b| !browser::commands(b).is_empty()) {
        return Some(b);
    }
    let display = env("DISPLAY").or_else(|| env("WAYLAND_DISPLAY"));
    display
        .filter(|d| !d.is_empty())
        .map(|_| "xdg-open".to_owned())
}

/// Carries out a copy; `out` is the terminal. (A browser is the terminal loop's to
/// start: it may hand the terminal over.)
pub fn copy(text: &str, out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let seq = osc52("article L. 6123-1 du code du travail");
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .expect("an OSC 52 sequence");
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .expect("base64");
        assert_eq!(decoded, "article L. 6123-1 du code du travail".as_bytes());
        assert!(!body.contains('\x1b'));
    }

    #[test]
    fn a_browser_only_where_one_can_open() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.to_owned())
        };
        assert_eq!(
            browser(env(&[("BROWSER", "lynx")])).as_deref(),
            Some("lynx")
        );
        assert_eq!(
            browser(env(&[("BROWSER", " : "), ("DISPLAY", ":0")])).as_deref(),
            Some("xdg-open"),
            "a list of no command"
        );
        assert_eq!(
            browser(env(&[("DISPLAY", ":0")])).as_deref(),
            Some("xdg-open")
        );
        assert_eq!(browser(env(&[])), None, "over SSH, no display");
    }
}
