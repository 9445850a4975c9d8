//! Cutting text and lines to a width, the same way wherever loi does it: with `…`
//! where something was cut.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Seg, VLine};

/// Cuts `text` to at most `width` columns, ending with `…` when something was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The first `width` columns of a line, keeping its styles: how a folded item's
/// line is cut, on the screen and in `loi print`.
pub fn truncate(line: &VLine, width: usize) -> VLine {
    let mut out = Vec::new();
    let mut used = 0;
    for seg in line {
        let w = seg.text.width();
        if used + w <= width {
            out.push(seg.clone());
            used += w;
            continue;
        }
        let cut = fit(&seg.text, width - used);
        if !cut.is_empty() {
            out.push(Seg {
                text: cut,
                ..seg.clone()
            });
        }
        break;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_with_an_ellipsis_and_only_when_too_wide() {
        assert_eq!(fit("Code du travail", 15), "Code du travail");
        assert_eq!(fit("Code du travail", 8), "Code du…");
        assert_eq!(fit("Œdème", 3), "Œd…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abcdef", 4), "abc…");
    }
}
