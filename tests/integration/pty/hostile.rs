//! A mirror that attacks its reader: escape sequences in text, hrefs and folder names,
//! broken and hostile files, and paths that try to leave the mirror. The real binary
//! reads them in a pseudo-terminal, and every byte it writes is checked. Here: what
//! the three groups share (payloads, the byte checker); `escapes` (text, hrefs and
//! names that carry escape sequences), `broken` (damaged files), `ways_out` (paths
//! that try to leave the mirror).

use crate::support::pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use pty::{Key, Pty};

const TIMEOUT: Duration = Duration::from_secs(10);
/// How long a command-line run may take before it counts as hung. This is a debug
/// build: `loi links` over the broken mirror takes 3-5 s here (0.3 s in release, the
/// build the 1 s promise is about), and CI machines may be loaded.
const HANG: Duration = Duration::from_secs(30);

/// What a hostile file tries to make the terminal do: clear the screen (7-bit and
/// C1 CSI), set the clipboard (OSC 52), set the window title (OSC 0), query the
/// terminal (DCS), a bare ESC, C1 controls, DEL, and bidi override and isolate.
const PAYLOADS: &[&str] = &[
    "\x1b[2J",
    "\u{9b}2J",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x1b]0;pwned\x07",
    "\x1bP1$r\x1b\\",
    "\x1b",
    "\u{85}\u{90}\u{9d}\u{9e}\u{9f}",
    "\x7f",
    "\u{202e}",
    "\u{2066}",
];

/// Every payload, in a row, between words.
fn payloads() -> String {
    PAYLOADS.iter().map(|p| format!("x{p}y ")).collect()
}

/// The same payloads as HTML character references: the parser decodes `&#27;`.
fn payload_entities() -> String {
    "a&#27;[2Jb &#x9b;2J &#x1b;]0;pwned&#7; &#x202E;c&#x2066;d &#127; &#x85;".to_owned()
}

fn loi() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_loi"))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// Checks that `bytes`, written to a terminal, hold no control sequence but the
/// kinds ratatui and crossterm emit: CSI with numeric parameters and a final byte
/// among cursor moves, SGR, scrolling region and scrolls, erase, the reverse index
/// (`ESC M`, a scroll down at the top margin), the private
/// modes 1049 (alternate screen) and 25 (cursor), mouse (1000, 1006), bracketed paste
/// (2004) and synchronized output (2026), each frame it holds let go before the next
/// one and at the end; and hyperlinks (OSC 8) to a Légifrance page loi builds from ids
/// (`https://www.legifrance.gouv.fr/` then letters, digits, `_` and `/`), each closed
/// before another opens, before its frame is let go and by the end. No other OSC, no
/// DCS, APC, no bare ESC, no
/// C0 but CR and LF, no DEL, no C1 character (decoded as UTF-8 first: 0x9B is also
/// a continuation byte) and no bidi control.
fn assert_only_own_sequences(bytes: &[u8], what: &str) {
    check_bytes(bytes, what, true);
}

/// Checks that text for a pipe (`loi links`) holds no ESC at all, no control but
/// tab and line feed, no C1 and no bidi control.
fn assert_plain(bytes: &[u8], what: &str) {
    check_bytes(bytes, what, false);
}

fn check_bytes(bytes: &[u8], what: &str, terminal: bool) {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => panic!(
            "{what}: not UTF-8 at byte {} (a raw C1 byte?): {:?}",
            e.valid_up_to(),
            String::from_utf8_lossy(&bytes[e.valid_up_to().saturating_sub(40)..])
        ),
    };
    let chars: Vec<char> = text.chars().collect();
    let around = |i: usize| -> String {
        let from = i.saturating_sub(30);
        let to = (i + 30).min(chars.len());
        format!("{:?}", chars[from..to].iter().collect::<String>())
    };
    let mut i = 0;
    // Whether a synchronized frame (mode 2026) is open: a terminal shows nothing of it
    // until it is closed.
    let mut held = false;
    // Whether a hyperlink is open.
    let mut linked = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' && terminal && chars.get(i + 1) == Some(&']') {
            let rest: String = chars[i..chars.len().min(i + 300)].iter().collect();
            let url = rest
                .strip_prefix("\x1b]8;;")
                .and_then(|r| r.split_once("\x1b\\"))
                .map(|(url, _)| url.to_owned());
            let Some(url) = url else {
                panic!("{what}: an OSC that is no hyperlink: {}", around(i));
            };
            if url.is_empty() {
                assert!(
                    linked,
                    "{what}: a hyperlink closed when none is open: {}",
                    around(i)
                );
            } else {
                let path = url.strip_prefix("https://www.legifrance.gouv.fr/");
                assert!(
                    path.is_some_and(|p| p
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '_')),
                    "{what}: a hyperlink to no page of Légifrance loi builds: {}",
                    around(i)
                );
                assert!(
                    !linked,
                    "{what}: a hyperlink opened inside another: {}",
                    around(i)
                );
            }
            linked = !url.is_empty();
            i += 5 + url.chars().count() + 2;
            continue;
        }
        // A reverse index: `scroll` moves the text down with it at the top margin.
        if c == '\x1b' && terminal && chars.get(i + 1) == Some(&'M') {
            i += 2;
            continue;
        }
        if c == '\x1b' && terminal {
            assert_eq!(
                chars.get(i + 1),
                Some(&'['),
                "{what}: an ESC that starts no CSI: {}",
                around(i)
            );
            let mut j = i + 2;
            let private = chars.get(j) == Some(&'?');
            if private {
                j += 1;
            }
            let start = j;
            while chars
                .get(j)
                .is_some_and(|c| c.is_ascii_digit() || *c == ';')
            {
                j += 1;
            }
            let params: String = chars[start..j].iter().collect();
            let last = chars.get(j).copied().unwrap_or('\0');
            let ok = if private {
                // The alternate screen, the cursor, mouse reporting (1000, 1006).
                matches!(
                    params.as_str(),
                    "1049" | "25" | "1000" | "1006" | "2004" | "2026"
                ) && matches!(last, 'h' | 'l')
            } else {
                matches!(
                    last,
                    'H' | 'm' | 'r' | 'S' | 'T' | 'K' | 'A' | 'B' | 'C' | 'D' | 'G'
                )
            };
            assert!(ok, "{what}: a CSI loi does not write: {}", around(i));
            if private && params == "2026" {
                // A close with none open is harmless (loi sends one when it gives the
                // terminal back, in case a signal cut a frame short); an open inside
                // an open frame is not.
                let opens = last == 'h';
                assert!(
                    !linked,
                    "{what}: a hyperlink open where a frame starts or ends: {}",
                    around(i)
                );
                assert!(
                    !(held && opens),
                    "{what}: a frame opened inside another: {}",
                    around(i)
                );
                held = opens;
            }
            i = j + 1;
            continue;
        }
        let allowed = if terminal { "\r\n" } else { "\t\n" };
        let control = c.is_control() && !allowed.contains(c);
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}');
        assert!(
            !control && !bidi,
            "{what}: U+{:04X} reaches the terminal: {}",
            c as u32,
            around(i)
        );
        i += 1;
    }
    assert!(!held, "{what}: a synchronized frame is never let go");
    assert!(!linked, "{what}: a hyperlink is never closed");
}

/// Presses `key`, then gives the reader time to draw.
fn press(p: &mut Pty, key: Key) {
    p.key(key);
    std::thread::sleep(Duration::from_millis(40));
}

mod broken;
mod escapes;
mod ways_out;
