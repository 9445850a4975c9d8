//! No colour at all when the theme has none (`NO_COLOR`): every colour parameter is
//! taken out of every style sequence, whoever wrote it (a widget, ratatui's reset at
//! the end of each draw, crossterm), before the batch is compacted. Bold, italic,
//! underline and reverse pass. This is the one place that holds no-color.org's
//! promise, so that it does not rest on each writer reading `NO_COLOR` for itself.

use super::csi_len;

/// `bytes` with the colour parameters of its style sequences taken out: foreground
/// and background (`30`–`39`, `40`–`49`, `90`–`97`, `100`–`107`), 256 and true
/// colours (`38;5;n`, `48;2;r;g;b`, and their `38:5:n` forms), underline colours (`58`,
/// `59`). A sequence left with nothing is dropped whole (an empty one would be a
/// reset); every other byte passes unchanged.
pub fn strip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        match csi_len(rest) {
            Some(len) if rest[len - 1] == b'm' => {
                out.extend_from_slice(&without_colours(&rest[..len]));
                i += len;
            }
            Some(len) => {
                out.extend_from_slice(&rest[..len]);
                i += len;
            }
            None => {
                out.push(rest[0]);
                i += 1;
            }
        }
    }
    out
}

/// One style sequence (`ESC [ … m`) without its colours; empty when only colours.
fn without_colours(seq: &[u8]) -> Vec<u8> {
    let params = &seq[2..seq.len() - 1];
    if params.is_empty() {
        return seq.to_vec();
    }
    let params: Vec<&[u8]> = params.split(|&b| b == b';').collect();
    let mut kept: Vec<&[u8]> = Vec::with_capacity(params.len());
    let mut k = 0;
    while k < params.len() {
        let param = params[k];
        let head = param.split(|&b| b == b':').next().unwrap_or_default();
        let code = std::str::from_utf8(head)
            .ok()
            .and_then(|h| h.parse::<u16>().ok());
        k += match code {
            // `38;5;n` and `38;2;r;g;b` take the parameters after them; `38:5:n` is
            // one parameter.
            Some(38 | 48 | 58) if param.len() == head.len() => {
                match params.get(k + 1).map(|p| &p[..]) {
                    Some(b"5") => 3,
                    Some(b"2") => 5,
                    _ => 1,
                }
            }
            Some(30..=49 | 58 | 59 | 90..=97 | 100..=107) => 1,
            _ => {
                kept.push(param);
                1
            }
        };
    }
    if kept.is_empty() {
        return Vec::new();
    }
    let mut out = b"\x1b[".to_vec();
    out.extend_from_slice(&kept.join(&b';'));
    out.push(b'm');
    out
}

#[cfg(test)]
mod tests {
    use super::strip;

    fn run(bytes: &str) -> String {
        String::from_utf8(strip(bytes.as_bytes())).expect("UTF-8")
    }

    #[test]
    fn every_kind_of_colour_goes_and_attributes_stay() {
        for colour in [
            "30",
            "37",
            "39",
            "40",
            "47",
            "49",
            "90",
            "97",
            "100",
            "107",
            "38;5;179",
            "48;5;3",
            "38;2;1;2;3",
            "48;2;10;20;30",
            "58;5;1",
            "58;2;1;2;3",
            "59",
            "38:5:179",
            "48:2::1:2:3",
            "58:5:1",
        ] {
            assert_eq!(run(&format!("a\x1b[{colour}mb")), "ab", "{colour}");
            assert_eq!(
                run(&format!("\x1b[1;{colour};4mx")),
                "\x1b[1;4mx",
                "{colour}"
            );
        }
        // The end of a ratatui draw: only the reset is left.
        assert_eq!(run("x\x1b[39m\x1b[49m\x1b[59m\x1b[0m"), "x\x1b[0m");
    }

    #[test]
    fn what_is_no_colour_passes_unchanged() {
        let other = "\x1b[m\x1b[0m\x1b[1;3;4;7m\x1b[22;23;24;27m\x1b[4:3m\x1b[2J\x1b[4;23r\x1b[5;7H\
                     \x1b]52;c;YQ==\x07é─\x1b[?1049h";
        assert_eq!(run(other), other);
        // A number that only looks like a colour where it is not a parameter.
        assert_eq!(run("\x1b[38;3H"), "\x1b[38;3H");
    }
}
