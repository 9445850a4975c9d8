//! Writes a styled line into the screen buffer.

use ratatui::buffer::Buffer;
use ratatui::text::Line;

use crate::model::layout::one_column;

/// Writes `line` into the buffer as `Buffer::set_line` does, but a character at a time
/// where each takes one column: ratatui's cutting into graphemes, through a
/// `Paragraph`, is work such text does not need, and it slowed the first screen
/// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
pub fn put(buf: &mut Buffer, x: u16, y: u16, line: &Line, width: u16) {
    let end = x.saturating_add(width);
    let mut at = x;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let mut rest = span.content.as_ref();
        while at < end {
            let Some(c) = rest.chars().next() else {
                break;
            };
            if !one_column(c) {
                // Wide or combining characters: ratatui's own way, for the rest of the span.
                at = buf.set_stringn(at, y, rest, usize::from(end - at), style).0;
                break;
            }
            buf[(at, y)].set_char(c).set_style(style);
            rest = &rest[c.len_utf8()..];
            at += 1;
        }
    }
}
