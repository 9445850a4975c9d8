//! OSC 8 hyperlinks: text a terminal lets the user click (`ESC ] 8 ; ; URL ESC \`,
//! the text, then the same with no URL to close it). The URL is only ever an
//! [`Address`], which holds no control character, so nothing of the mirror can end
//! or extend the sequence; and every link opened is closed on the same run of text,
//! so that a cut, a scroll or a partial redraw never leaves one open. Terminals without
//! OSC 8 show the text alone; mosh strips the sequences. Used by `loi print` and, when
//! config.toml asks for it, by the reader's draws.

use crate::model::web::Address;

/// Ends the link opened by [`open`].
pub const CLOSE: &str = "\x1b]8;;\x1b\\";

/// Starts a link to `address`: what is written until [`CLOSE`] opens it.
pub fn open(address: &Address) -> String {
    let mut out = String::from("\x1b]8;;");
    // An Address is printable ASCII already; were it ever not, a byte outside what
    // OSC 8 allows in a URL goes percent-encoded rather than end the sequence.
    for b in address.as_str().bytes() {
        if (0x21..=0x7e).contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("\x1b\\");
    out
}

/// `text` as a link to `address`: balanced, whatever `text` is. `text` must be clean
/// already (`model::sanitize`): it is written as it is.
pub fn linked(address: &Address, text: &str) -> String {
    format!("{}{text}{CLOSE}", open(address))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188";

    /// The URLs of the links in `bytes`, and whether every one opened was closed
    /// before the next and by the end.
    fn links(bytes: &str) -> (Vec<String>, bool) {
        let mut urls = Vec::new();
        let mut open = false;
        let mut balanced = true;
        let mut rest = bytes;
        while let Some(at) = rest.find("\x1b]8;;") {
            let after = &rest[at + 5..];
            let Some(end) = after.find("\x1b\\") else {
                return (urls, false);
            };
            let url = &after[..end];
            if url.is_empty() {
                balanced &= open;
                open = false;
            } else {
                balanced &= !open;
                open = true;
                urls.push(url.to_owned());
            }
            rest = &after[end + 2..];
        }
        (urls, balanced && !open)
    }

    #[test]
    fn a_link_is_balanced_and_holds_the_address_alone() {
        let address = Address::legacy("/affichCodeArticle.do?idArticle=LEGIARTI000018499188")
            .expect("an address");
        let made = linked(&address, "article L. 6123-1");
        assert_eq!(
            made,
            format!("\x1b]8;;{ARTICLE}\x1b\\article L. 6123-1\x1b]8;;\x1b\\")
        );
        assert_eq!(links(&made), (vec![ARTICLE.to_owned()], true));
        let code = Address::code("LEGITEXT000006072050").expect("a code");
        assert_eq!(
            open(&code),
            "\x1b]8;;https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/\x1b\\"
        );
    }

    /// The hrefs a hostile mirror writes never make a link; those that make one give
    /// a URL of printable ASCII, with no ESC, BEL or `]8;;` of theirs in it: the
    /// sequence it is in ends where loi ends it.
    #[test]
    fn no_text_of_the_mirror_gets_inside_the_sequence() {
        let fixture = include_str!("../../tests/fixtures/hrefs.tsv");
        let hrefs = fixture
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(|h| {
                // As the HTML reader decodes them.
                [
                    ("&amp;", "&"),
                    ("&lt;", "<"),
                    ("&gt;", ">"),
                    ("&quot;", "\""),
                    ("&#27;", "\x1b"),
                    ("&#10;", "\n"),
                ]
                .iter()
                .fold(h.to_owned(), |h, (entity, c)| h.replace(entity, c))
            })
            .chain(
                [
                    "https://x/\x1b]8;;https://evil\x1b\\",
                    "https://x/\x07",
                    "https://x/a\u{9c}b",
                    "/affichCodeArticle.do?idArticle=LEGIARTI000018499188\x1b]8;;x\x1b\\",
                    "/affichCodeArticle.do?idArticle=LEGIARTI00001849918\x07",
                ]
                .map(String::from),
            );
        for href in hrefs {
            for address in [Address::legacy(&href), Address::checked(&href)]
                .into_iter()
                .flatten()
            {
                let made = linked(&address, "x");
                let (urls, balanced) = links(&made);
                assert!(balanced, "{href:?} → {made:?}");
                assert_eq!(urls.len(), 1, "{href:?} → {made:?}");
                let url = &urls[0];
                assert!(
                    url.bytes().all(|b| (0x21..=0x7e).contains(&b)) && !url.contains("]8;;"),
                    "{href:?} → {url:?}"
                );
                assert_eq!(made.matches('\x1b').count(), 4, "{href:?} → {made:?}");
            }
        }
    }
}
