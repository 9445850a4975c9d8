//! Synchronized output (DEC private mode 2026): a draw that scrolls or writes several
//! rows reaches the terminal between `ESC[?2026h` and `ESC[?2026l`, which a terminal
//! that knows the mode (kitty, WezTerm, foot, iTerm2, Windows Terminal, tmux 3.4…)
//! shows as one frame, so that over a slow link a scroll is never seen before the rows
//! it brings; a terminal that does not know it ignores it. A small draw (a cursor moved,
//! the status line) arrives in one read anyway and goes bare: the 16 bytes would be a
//! third of what a `j` writes. Used by `compact` on each batch it flushes.

/// Holds the screen until [`END`].
pub const BEGIN: &[u8] = b"\x1b[?2026h";
/// Shows what came since [`BEGIN`]; also sent when the terminal is given back.
pub const END: &[u8] = b"\x1b[?2026l";
/// Up to this many bytes, a batch with no scroll in it is sent bare.
const SMALL: usize = 256;

/// `batch` wrapped when a terminal could show it half drawn.
pub fn wrap(batch: Vec<u8>) -> Vec<u8> {
    if batch.len() <= SMALL && !scrolls(&batch) {
        return batch;
    }
    let mut out = Vec::with_capacity(batch.len() + BEGIN.len() + END.len());
    out.extend_from_slice(BEGIN);
    out.extend_from_slice(&batch);
    out.extend_from_slice(END);
    out
}

/// Whether the batch scrolls the screen: a line feed (ratatui writes none; `scroll`
/// writes it at the bottom margin) or a reverse index (`ESC M`, at the top one).
fn scrolls(batch: &[u8]) -> bool {
    batch.contains(&b'\n') || batch.windows(2).any(|w| w == b"\x1bM")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scroll_or_a_large_draw_is_one_frame_and_a_small_one_goes_bare() {
        let wrapped = |b: &[u8]| {
            let out = wrap(b.to_vec());
            assert!(
                out.windows(b.len().max(1)).any(|w| w == b) || b.is_empty(),
                "nothing of the batch lost"
            );
            out.starts_with(BEGIN)
        };
        assert!(!wrapped(b""));
        assert!(!wrapped(b"\x1b[5;3H\x1b[7mx\x1b[m"));
        assert!(!wrapped(&[b'x'; SMALL]));
        assert!(wrapped(&[b'x'; SMALL + 1]));
        assert!(wrapped(b"\x1b[4;23r\x1b[23H\nrow"));
        assert!(wrapped(b"\x1b[4;23r\x1b[4H\x1bMrow"));
        let out = wrap(b"\x1b[23H\nrow".to_vec());
        assert_eq!(out, [BEGIN, b"\x1b[23H\nrow", END].concat());
    }
}
