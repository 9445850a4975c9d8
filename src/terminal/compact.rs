//! Fewer bytes for the same screen: a writer between ratatui and the terminal that
//! keeps what a draw writes until it is flushed, then sends it with its SGR (style)
//! sequences shortened. Over a slow link the bytes written per key are the latency.
//!
//! - The 16 ANSI colours go out as `33`, `93`, `43`, `103`… rather than crossterm's
//!   `38;5;3`: shorter, and what a 16-colour terminal understands.
//! - Style sequences written back to back are merged into one, and whatever comes
//!   before a full reset (`0`) in such a run is dropped: ratatui ends every draw with
//!   `ESC[39m ESC[49m ESC[59m ESC[0m`, 20 bytes where `ESC[m` (3) says the same,
//!   and without a colour sequence under `NO_COLOR`. A reset when nothing is set
//!   (colours default, no attribute on since the last reset) is dropped, so a draw
//!   that changed nothing writes nothing, and a row of plain text ends with no reset.
//! - Hiding the cursor when it is hidden already is dropped (ratatui hides it after
//!   every draw). A clear of the screen forgets what is known of the cursor and the
//!   colours (after Ctrl-Z the shell may have left anything set).
//! - A move along the row the cursor is on gives only the column (`ESC[31G`, or
//!   `\r`); the row stays known over a scroll at a margin (`tui/scroll`'s line feed
//!   at the bottom one, reverse index at the top one), so the row scrolled in is
//!   reached by its column alone.
//!
//! - Without colours (`NO_COLOR`), every colour parameter is taken out first
//!   (`compact/colourless`).
//!
//! - A hyperlink's sequences (OSC 8) pass through without making the row unknown.
//!
//! Everything else passes through unchanged, byte for byte.

mod colourless;

use std::io::Write;

/// A writer that compacts each flushed batch.
#[derive(Debug)]
pub struct Compact<W: Write> {
    inner: W,
    pending: Vec<u8>,
    state: State,
    /// Whether colours may reach the terminal.
    colours: bool,
    /// Whether to shorten what is written (else it goes as ratatui wrote it, colours
    /// aside).
    shorten: bool,
}

/// What is known of the terminal between batches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Whether the cursor is known to be hidden.
    hidden: bool,
    /// The foreground and background colours set, as their SGR numbers; `None` when
    /// not known.
    fg: Option<Vec<u16>>,
    bg: Option<Vec<u16>>,
    /// The cursor's row after the last cursor position, while only text followed it.
    row: Option<u16>,
    /// The scrolling region's top and bottom rows (from 1) last set by `ESC[t;br`:
    /// a line feed at the bottom one, or a reverse index at the top one, scrolls and
    /// leaves the cursor on its row. `None`: the whole screen, or not known.
    margins: Option<(u16, u16)>,
    /// The attributes (bold, italic, underline, reverse…) that may be on, as a set of
    /// their SGR numbers 1 to 9; `None` when not known.
    attrs: Option<u16>,
}

impl<W: Write> Compact<W> {
    pub fn new(inner: W) -> Compact<W> {
        Compact {
            inner,
            pending: Vec::new(),
            state: State::default(),
            colours: true,
            shorten: true,
        }
    }

    /// Whether colours may reach the terminal: when not, no colour sequence of any
    /// kind does, whatever was written.
    pub fn with_colours(self, colours: bool) -> Compact<W> {
        Compact { colours, ..self }
    }

    /// Writes what ratatui writes, only colours taken out where they must be: the
    /// output layers off, to tell their bugs from the drawing's.
    pub fn plain(self) -> Compact<W> {
        Compact {
            shorten: false,
            ..self
        }
    }
}

impl<W: Write> Write for Compact<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        // Something else may have moved the cursor since the last batch.
        self.state.row = None;
        let out = match (self.colours, self.shorten) {
            (true, true) => compact(&self.pending, &mut self.state),
            (false, true) => compact(&colourless::strip(&self.pending), &mut self.state),
            (true, false) => std::mem::take(&mut self.pending),
            (false, false) => colourless::strip(&self.pending),
        };
        self.pending.clear();
        self.inner.write_all(&super::synced::wrap(out))?;
        self.inner.flush()
    }
}

const RESET: &[u8] = b"\x1b[m";
const HIDE: &[u8] = b"\x1b[?25l";
const SHOW: &[u8] = b"\x1b[?25h";
const CLEAR: &[u8] = b"\x1b[2J";

/// `bytes` with its style sequences and cursor moves shortened; `state` is what is
/// known of the terminal before, and after.
pub fn compact(bytes: &[u8], state: &mut State) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    // The parameters of the style sequences met back to back, not yet written.
    let mut run: Vec<Vec<u16>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        // A hyperlink's open or close (`terminal::hyperlink`) moves no cursor and sets
        // no style: the row stays known, and the styles around it still merge.
        if let Some(len) = osc_len(rest) {
            out.extend_from_slice(&rest[..len]);
            i += len;
            continue;
        }
        let Some(len) = csi_len(rest) else {
            write_run(&mut out, &mut run, state);
            // Text (UTF-8 bytes too) leaves the cursor on its row; a control character
            // or another escape may not, except a scroll at a margin (`tui/scroll`).
            let at = |edge: fn((u16, u16)) -> u16| state.margins.map(edge) == state.row;
            let scroll = match rest {
                [b'\n', ..] if at(|(_, bottom)| bottom) => 1,
                [0x1b, b'M', ..] if at(|(top, _)| top) => 2,
                _ => 0,
            };
            if scroll > 0 {
                out.extend_from_slice(&rest[..scroll]);
                i += scroll;
                continue;
            }
            if rest[0] < 0x20 {
                state.row = None;
            }
            out.push(rest[0]);
            i += 1;
            continue;
        };
        let seq = &rest[..len];
        i += len;
        if let Some(params) = sgr(seq) {
            run.push(params);
            continue;
        }
        write_run(&mut out, &mut run, state);
        if seq.ends_with(b"m") {
            // A style this does not read (sub-parameters): colours no longer known.
            state.fg = None;
            state.bg = None;
            state.attrs = None;
        }
        if let Some((row, col)) = position(seq) {
            if state.row == Some(row) {
                // Same row: only the column (1 is a carriage return).
                if col == 1 {
                    out.push(b'\r');
                } else {
                    out.extend_from_slice(format!("\x1b[{col}G").as_bytes());
                }
            } else if col == 1 {
                out.extend_from_slice(format!("\x1b[{row}H").as_bytes());
            } else {
                out.extend_from_slice(format!("\x1b[{row};{col}H").as_bytes());
            }
            state.row = Some(row);
            continue;
        }
        if seq == HIDE {
            if !state.hidden {
                out.extend_from_slice(HIDE);
            }
            state.hidden = true;
            continue;
        }
        if seq == SHOW || seq == CLEAR {
            state.hidden = false;
        }
        if seq == CLEAR {
            // A clear is how the reader starts again after Ctrl-Z: the shell may have
            // left any style set meanwhile, and the margins were given back.
            state.fg = None;
            state.bg = None;
            state.attrs = None;
            state.margins = None;
        }
        if let Some(rest) = seq.strip_suffix(b"r") {
            state.margins = margins(&rest[2..]);
        }
        state.row = None;
        out.extend_from_slice(seq);
    }
    write_run(&mut out, &mut run, state);
    out
}

/// The length of the control sequence (`ESC [`, parameters, intermediates, a final
/// byte) at the start of `bytes`, if one is there whole.
fn csi_len(bytes: &[u8]) -> Option<usize> {
    let body = bytes.strip_prefix(b"\x1b[")?;
    let end = body.iter().position(|b| !(0x20..0x40).contains(b))?;
    (0x40..0x7f).contains(&body[end]).then_some(end + 3)
}

/// The length of the OSC 8 sequence (`ESC ] 8 ;`, printable ASCII, `ESC \`) at the
/// start of `bytes`, if one is there whole.
fn osc_len(bytes: &[u8]) -> Option<usize> {
    let body = bytes.strip_prefix(b"\x1b]8;")?;
    let end = body.iter().position(|b| !(0x20..0x7f).contains(b))?;
    body[end..].starts_with(b"\x1b\\").then_some(4 + end + 2)
}

/// The numbers of a style sequence (`ESC [ digits and ; m`; an empty one is 0).
fn sgr(seq: &[u8]) -> Option<Vec<u16>> {
    let text = std::str::from_utf8(seq.strip_prefix(b"\x1b[")?.strip_suffix(b"m")?).ok()?;
    text.split(';')
        .map(|p| {
            if p.is_empty() {
                Some(0)
            } else {
                p.parse().ok()
            }
        })
        .collect()
}

/// The attributes that may be on after SGR `code` (not a colour, not 0).
fn attrs_after(attrs: Option<u16>, code: u16) -> Option<u16> {
    let off = |bits: u16| attrs.map(|a| a & !bits);
    match code {
        1..=9 => attrs.map(|a| a | 1 << code),
        // 21 is double underline in some terminals, bold off in others.
        21 => None,
        22 => off(1 << 1 | 1 << 2),
        23 => off(1 << 3),
        24 => off(1 << 4),
        25 => off(1 << 5 | 1 << 6),
        27 => off(1 << 7),
        28 => off(1 << 8),
        29 => off(1 << 9),
        // The default underline colour changes nothing that shows without underline.
        59 => attrs,
        _ => None,
    }
}

/// The top and bottom rows of a scrolling region's parameters (`4;23`); `None` for
/// none (the whole screen) or what this does not read.
fn margins(params: &[u8]) -> Option<(u16, u16)> {
    let text = std::str::from_utf8(params).ok()?;
    let (top, bottom) = text.split_once(';')?;
    Some((top.parse().ok()?, bottom.parse().ok()?))
}

/// The row and column of a cursor position sequence (`ESC [ row ; col H`).
fn position(seq: &[u8]) -> Option<(u16, u16)> {
    let text = std::str::from_utf8(seq.strip_prefix(b"\x1b[")?.strip_suffix(b"H")?).ok()?;
    let mut parts = text.split(';');
    let number = |p: Option<&str>| match p {
        None | Some("") => Some(1),
        Some(n) => n.parse().ok(),
    };
    let row = number(parts.next())?;
    let col = number(parts.next())?;
    parts.next().is_none().then_some((row, col))
}

/// Writes the run of style sequences as one, emptying it: colours already set are
/// left out, and so is everything before a reset, and a reset of nothing.
fn write_run(out: &mut Vec<u8>, run: &mut Vec<Vec<u16>>, state: &mut State) {
    if run.is_empty() {
        return;
    }
    let plain = state.fg.as_deref() == Some(&[39])
        && state.bg.as_deref() == Some(&[49])
        && state.attrs == Some(0);
    // Each setting whole: `1`, `33`, `38;5;179`.
    let mut groups: Vec<Vec<u16>> = Vec::new();
    for seq in run.drain(..) {
        let mut k = 0;
        while k < seq.len() {
            let (group, used): (Vec<u16>, usize) = match seq[k..] {
                // The 16 ANSI colours in their short form.
                [38, 5, n @ 0..=7, ..] => (vec![30 + n], 3),
                [38, 5, n @ 8..=15, ..] => (vec![90 + n - 8], 3),
                [48, 5, n @ 0..=7, ..] => (vec![40 + n], 3),
                [48, 5, n @ 8..=15, ..] => (vec![100 + n - 8], 3),
                [code @ (38 | 48 | 58), 5, n, ..] => (vec![code, 5, n], 3),
                [code @ (38 | 48 | 58), 2, r, g, b, ..] => (vec![code, 2, r, g, b], 5),
                [p, ..] => (vec![p], 1),
                [] => break,
            };
            k += used;
            if group == [0] {
                groups.clear();
            }
            groups.push(group);
        }
    }
    let mut params: Vec<u16> = Vec::new();
    for group in groups {
        let slot = match group[0] {
            0 => {
                state.fg = Some(vec![39]);
                state.bg = Some(vec![49]);
                state.attrs = Some(0);
                params.clear();
                if !plain {
                    params.push(0);
                }
                continue;
            }
            30..=39 | 90..=97 => &mut state.fg,
            40..=49 | 100..=107 => &mut state.bg,
            code => {
                state.attrs = attrs_after(state.attrs, code);
                params.extend(group);
                continue;
            }
        };
        if slot.as_ref() != Some(&group) {
            params.extend(&group);
            *slot = Some(group);
        }
    }
    match params[..] {
        [] => {}
        // ESC[m is ESC[0m.
        [0] => out.extend_from_slice(RESET),
        _ => {
            let text: Vec<String> = params.iter().map(u16::to_string).collect();
            out.extend_from_slice(b"\x1b[");
            out.extend_from_slice(text.join(";").as_bytes());
            out.push(b'm');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8]) -> String {
        let mut state = State::default();
        String::from_utf8(compact(bytes, &mut state)).expect("UTF-8")
    }

    #[test]
    fn the_end_of_a_draw_is_one_reset() {
        assert_eq!(
            run(b"ab\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l"),
            "ab\x1b[m\x1b[?25l"
        );
    }

    #[test]
    fn sixteen_colours_in_their_short_form_others_kept() {
        assert_eq!(run(b"\x1b[38;5;3;49mx"), "\x1b[33;49mx");
        assert_eq!(run(b"\x1b[38;5;9;48;5;11mx"), "\x1b[91;103mx");
        assert_eq!(run(b"\x1b[38;5;179;49mx"), "\x1b[38;5;179;49mx");
        assert_eq!(run(b"\x1b[38;2;1;2;3mx"), "\x1b[38;2;1;2;3mx");
        assert_eq!(
            run(b"\x1b[1m\x1b[38;5;4mx\x1b[22m y"),
            "\x1b[1;34mx\x1b[22m y"
        );
    }

    #[test]
    fn colours_already_set_are_not_set_again() {
        // After a reset both colours are the default: 49 says nothing new.
        assert_eq!(
            run(b"\x1b[0mx\x1b[38;5;179;49my\x1b[38;5;179;49mz\x1b[39;49mw"),
            "\x1b[mx\x1b[38;5;179myz\x1b[39mw"
        );
        // Not known at the start: kept.
        assert_eq!(run(b"\x1b[39;49mx"), "\x1b[39;49mx");
        // Nor after a clear.
        assert_eq!(
            run(b"\x1b[0m\x1b[2J\x1b[39;49mx"),
            "\x1b[m\x1b[2J\x1b[39;49mx"
        );
    }

    #[test]
    fn moves_along_a_row_give_only_the_column() {
        assert_eq!(
            run(b"\x1b[23;1Hab\x1b[23;31Hc\x1b[23;1Hd\x1b[5;7He\x1b[5;1H"),
            "\x1b[23Hab\x1b[31Gc\rd\x1b[5;7He\r"
        );
        // A line feed or another sequence between: the row is not known.
        assert_eq!(run(b"\x1b[2;1Ha\n\x1b[2;5H"), "\x1b[2Ha\n\x1b[2;5H");
        assert_eq!(run(b"\x1b[2;1H\x1b[1S\x1b[2;5H"), "\x1b[2H\x1b[1S\x1b[2;5H");
    }

    #[test]
    fn a_hyperlink_passes_whole_and_keeps_the_row_known() {
        let open =
            "\x1b]8;;https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188\x1b\\";
        let close = "\x1b]8;;\x1b\\";
        // The styles on either side of a close and an open still merge; the move after
        // them is along the same row.
        let drawn = format!(
            "\x1b[3;1Ha{open}\x1b[3;2H\x1b[4mL. 1\x1b[39m\x1b[49m\x1b[59m\x1b[0m{close}\x1b[3;9Hb"
        );
        assert_eq!(
            run(drawn.as_bytes()),
            format!("\x1b[3Ha{open}\x1b[2G\x1b[4mL. 1{close}\x1b[m\x1b[9Gb")
        );
        // Anything else after `ESC ]` is not one: its ESC is no longer known harmless.
        assert_eq!(
            run(b"\x1b[3;1H\x1b]8;;\x07\x1b[3;2H"),
            "\x1b[3H\x1b]8;;\x07\x1b[3;2H"
        );
    }

    #[test]
    fn a_scroll_at_a_margin_keeps_the_row_known() {
        // Up: a line feed at the bottom margin; the row after is the same one.
        assert_eq!(
            run(b"\x1b[4;23r\x1b[23;1H\n\x1b[23;2Hx"),
            "\x1b[4;23r\x1b[23H\n\x1b[2Gx"
        );
        // Down: a reverse index at the top margin.
        assert_eq!(
            run(b"\x1b[4;23r\x1b[4;1H\x1bM\x1b[4;4Hx"),
            "\x1b[4;23r\x1b[4H\x1bM\x1b[4Gx"
        );
        // Anywhere else the cursor moves: not known.
        assert_eq!(
            run(b"\x1b[4;23r\x1b[20;1H\n\x1b[21;2Hx"),
            "\x1b[4;23r\x1b[20H\n\x1b[21;2Hx"
        );
        // No margins known (none set, or reset, or after a clear): not known.
        assert_eq!(run(b"\x1b[23;1H\n\x1b[23;2Hx"), "\x1b[23H\n\x1b[23;2Hx");
        assert_eq!(
            run(b"\x1b[4;23r\x1b[r\x1b[23;1H\n\x1b[23;2Hx"),
            "\x1b[4;23r\x1b[r\x1b[23H\n\x1b[23;2Hx"
        );
        assert_eq!(
            run(b"\x1b[4;23r\x1b[2J\x1b[23;1H\n\x1b[23;2Hx"),
            "\x1b[4;23r\x1b[2J\x1b[23H\n\x1b[23;2Hx"
        );
    }

    #[test]
    fn a_draw_that_changes_nothing_writes_nothing() {
        let mut out = Vec::new();
        let mut writer = Compact::new(&mut out);
        writer.write_all(b"ab\x1b[0m").expect("write");
        writer.flush().expect("flush");
        writer
            .write_all(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m")
            .expect("write");
        writer.flush().expect("flush");
        writer.write_all(b"\x1b[0m").expect("write");
        writer.flush().expect("flush");
        // Plain text after a reset needs no reset after it either.
        writer.write_all(b"c\x1b[0m").expect("write");
        writer.flush().expect("flush");
        // Colour or an attribute set: the reset goes out.
        writer.write_all(b"\x1b[38;5;179md\x1b[0m").expect("write");
        writer.flush().expect("flush");
        writer.write_all(b"\x1b[7me\x1b[0m").expect("write");
        writer.flush().expect("flush");
        assert_eq!(out, b"ab\x1b[mc\x1b[38;5;179md\x1b[m\x1b[7me\x1b[m");
    }

    #[test]
    fn without_colours_a_draw_writes_attributes_only() {
        let mut out = Vec::new();
        let mut writer = Compact::new(&mut out).with_colours(false);
        writer
            .write_all(b"\x1b[0m\x1b[1m\x1b[38;5;179;48;5;3mx\x1b[39m\x1b[49m\x1b[59m\x1b[0m")
            .expect("write");
        writer.flush().expect("flush");
        // Nothing known at the start: the reset goes with the bold.
        assert_eq!(out, b"\x1b[0;1mx\x1b[m");
    }

    #[test]
    fn attributes_turned_off_one_by_one_need_no_reset() {
        let mut state = State::default();
        assert_eq!(compact(b"\x1b[0m", &mut state), RESET);
        assert_eq!(
            compact(b"\x1b[1;4mx\x1b[22;24my\x1b[0m", &mut state),
            b"\x1b[1;4mx\x1b[22;24my"
        );
        // Reset then bold, when nothing was set: bold alone.
        assert_eq!(compact(b"\x1b[0;1mz\x1b[0m", &mut state), b"\x1b[1mz\x1b[m");
        // An attribute this does not follow: the reset is kept.
        assert_eq!(compact(b"\x1b[21mw\x1b[0m", &mut state), b"\x1b[21mw\x1b[m");
        // Nor after a clear of the screen.
        assert_eq!(compact(b"\x1b[2J\x1b[0m", &mut state), b"\x1b[2J\x1b[m");
    }

    #[test]
    fn hiding_a_hidden_cursor_is_dropped_until_a_clear() {
        let mut state = State::default();
        assert_eq!(compact(b"\x1b[?25l", &mut state), HIDE);
        assert!(compact(b"\x1b[?25l", &mut state).is_empty());
        assert_eq!(
            compact(b"\x1b[2J\x1b[?25l", &mut state),
            b"\x1b[2J\x1b[?25l"
        );
        assert_eq!(
            compact(b"\x1b[?25h\x1b[?25l", &mut state),
            b"\x1b[?25h\x1b[?25l"
        );
    }

    #[test]
    fn other_sequences_pass_unchanged() {
        let other = "\x1b[4;23r\x1b[1S\x1b[r\x1b]52;c;YQ==\x07é─\x1b[?1049h\x1b[4:3m";
        assert_eq!(run(other.as_bytes()), other);
    }
}
