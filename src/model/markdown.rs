//! Text of the mirror written into Markdown (the dossier) as text only: it must
//! never turn into Markdown's structure (a heading, a list, a quote, code, a link, an
//! HTML tag, an entity) nor carry a terminal's control codes; and anchors and links
//! within the file, named as GitHub and most renderers name a heading.

use crate::model::sanitize;

/// The characters that mean something inside a line, wherever they are: each is
/// written after a backslash, which CommonMark reads as the character itself. `(` `)`
/// and `!` only mean something next to a `[` or `]`, which are escaped.
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#'];

/// What opens a block at the start of a line (a heading, a quote, a list, a rule, a
/// setext underline, a fence, a table row, a definition in pandoc): written escaped
/// there, even when the inline list leaves it alone.
const LINE_START: &[char] = &['#', '>', '-', '+', '*', '=', '_', '`', '~', '|', ':', '<'];

/// `text` as Markdown that reads as the same words: control codes dropped, every
/// character Markdown reads as structure escaped, wherever the line breaks.
pub fn text(text: &str) -> String {
    let clean = sanitize::clean(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for c in clean.chars() {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A whole line of Markdown made from [`text`]s: what would open a block at its start
/// (after its indentation) escaped too, a number followed by `.` or `)` included (an
/// ordered list), and spaces at its end dropped (two make a hard break).
pub fn line(escaped: &str) -> String {
    let escaped = escaped.trim_end_matches(' ');
    let start = escaped.len() - escaped.trim_start().len();
    let (indent, rest) = escaped.split_at(start);
    let mut out = String::with_capacity(escaped.len() + 2);
    out.push_str(indent);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match rest.chars().next() {
        Some(c) if LINE_START.contains(&c) => {
            out.push('\\');
            out.push_str(rest);
        }
        _ if digits > 0 && matches!(rest[digits..].chars().next(), Some('.' | ')')) => {
            out.push_str(&rest[..digits]);
            out.push('\\');
            out.push_str(&rest[digits..]);
        }
        _ => out.push_str(rest),
    }
    out
}

/// A link to the anchor `anchor` of this file, `escaped` its text.
pub fn link(escaped: &str, anchor: &str) -> String {
    format!("[{escaped}](#{anchor})")
}

/// The anchor of a heading saying `heading`, as GitHub makes it: lower case, letters,
/// digits, `-` and `_` kept, a space a `-`, the rest dropped.
pub fn anchor(heading: &str) -> String {
    heading
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A fence for a code block holding `lines`: longer than any run of backticks in
/// them, so none of them can close it.
pub fn fence<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let longest = lines
        .into_iter()
        .flat_map(|l| l.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What would become structure, by kind: each must come out as text.
    const HOSTILE: &[&str] = &[
        "# Titre",
        "## Titre",
        "> cité",
        "- tiret",
        "+ plus",
        "* étoile",
        "1. premier",
        "12) douze",
        "---",
        "===",
        "***",
        "```rust",
        "~~~",
        "| a | b |",
        ": définition",
        "<script>alert(1)</script>",
    ];

    #[test]
    fn a_line_that_would_open_a_block_is_escaped_at_its_start() {
        for hostile in HOSTILE {
            let out = line(&text(hostile));
            assert!(
                out.starts_with('\\') || out.contains("\\.") || out.contains("\\)"),
                "{out}"
            );
            // Read back, the escapes give the words again.
            assert_eq!(unescape(&out), *hostile, "{out}");
        }
        // Indented: the same, after the indentation.
        assert_eq!(line(&text("\u{a0}\u{a0}- a")), "\u{a0}\u{a0}\\- a");
        assert_eq!(line(&text("   1. a")), "   1\\. a");
        // Words that open nothing are left as they are.
        assert_eq!(
            line(&text("1° Le salarié ; 2. ni")),
            "1° Le salarié ; 2. ni"
        );
        assert_eq!(line(&text("L. 6123-1 (a) !")), "L. 6123-1 (a) !");
        assert_eq!(line("a  "), "a", "no hard break");
    }

    #[test]
    fn inline_structure_is_escaped_and_control_codes_dropped() {
        assert_eq!(text("[lien](http://x)"), "\\[lien\\](http://x)");
        assert_eq!(
            text("`code` *em* _em_ ~~s~~"),
            "\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~"
        );
        assert_eq!(text("<b>&amp;</b>"), "\\<b\\>\\&amp;\\</b\\>");
        assert_eq!(text("R*. 123 \\"), "R\\*. 123 \\\\");
        assert_eq!(text("a\x1b[31mb\x07\u{9b}c"), "a[31mbc".replace('[', "\\["));
        assert!(!text("\x1b]8;;http://x\x1b\\t").contains('\x1b'));
    }

    #[test]
    fn anchors_are_as_github_makes_them_and_links_point_to_them() {
        assert_eq!(
            anchor("Article L. 6123-1 du code du travail"),
            "article-l-6123-1-du-code-du-travail"
        );
        assert_eq!(
            anchor("Article R*. 1 du code de l'action sociale et des familles"),
            "article-r-1-du-code-de-laction-sociale-et-des-familles"
        );
        assert_eq!(
            anchor("Article D. 1 de la Sécurité"),
            "article-d-1-de-la-sécurité"
        );
        assert_eq!(link("art. \\[1\\]", "a-b"), "[art. \\[1\\]](#a-b)");
    }

    #[test]
    fn a_fence_is_longer_than_any_run_of_backticks_it_holds() {
        assert_eq!(fence(["a", "b"]), "```");
        assert_eq!(fence(["a ```` b", "``"]), "`````");
    }

    /// CommonMark's reading of a backslash before punctuation: the character itself.
    fn unescape(md: &str) -> String {
        let mut out = String::new();
        let mut chars = md.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                c => out.push(c),
            }
        }
        out
    }
}
