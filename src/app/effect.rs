//! What the reader asks of the terminal and the desktop: the clipboard and a browser.
//! `App::update` queues these; the terminal loop carries them out, so that tests can
//! drive the app without a terminal. (The user's files are written by the app itself,
//! at once: the module `app` says why.)

use std::io::Write;

/// A side effect queued by `App::update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard of the terminal's machine (through OSC 52, which
    /// travels over SSH and through tmux).
    Copy(String),
    /// Open this address with this program.
    Browse { program: String, address: String },
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// The program that opens addresses here: `$BROWSER`, else `xdg-open` when there is a
/// display to open them on (over SSH there is none, and `y` is the way).
pub fn browser(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    if let Some(b) = env("BROWSER").filter(|b| !b.trim().is_empty()) {
        return Some(b);
    }
    let display = env("DISPLAY").or_else(|| env("WAYLAND_DISPLAY"));
    display
        .filter(|d| !d.is_empty())
        .map(|_| "xdg-open".to_owned())
}

/// Carries out an effect; `out` is the terminal.
pub fn run(effect: &Effect, out: &mut impl Write) -> std::io::Result<()> {
    match effect {
        Effect::Copy(text) => {
            out.write_all(osc52(text).as_bytes())?;
            out.flush()
        }
        Effect::Browse { program, address } => {
            // `BROWSER` may carry arguments (`firefox --new-tab`); the address goes last.
            let mut words = program.split_whitespace();
            let Some(cmd) = words.next() else {
                return Ok(());
            };
            std::process::Command::new(cmd)
                .args(words)
                .arg(address)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map(|_| ())
        }
    }
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
            browser(env(&[("DISPLAY", ":0")])).as_deref(),
            Some("xdg-open")
        );
        assert_eq!(browser(env(&[])), None, "over SSH, no display");
    }
}
