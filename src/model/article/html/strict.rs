//! Reads the plain HTML the mirror is written in straight into the builder, with no
//! tree: well-nested `<p>`, `<br/>`, links, a few inline styles and tables with explicit
//! cells. It gives up (`None`) on anything where html5ever would repair, move or
//! decode something (a misnested or unclosed-then-reopened tag, text straight inside a
//! table, an unknown tag or character reference, a comment, CR or NUL), and the caller
//! starts over with html5ever: what the builder receives is then the same either way.

use std::borrow::Cow;

use memchr::{memchr, memchr2};

use super::{Attributes, Builder};

/// Deeper than this the caller's depth cap may have work to do; real articles nest a
/// few levels.
const MAX_DEPTH: usize = 64;

/// What an element is to the tree builder's rules.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// `<p>`: closes an open `<p>` (html5ever would), so one may not be open.
    Para,
    /// `<div>`, `<center>`: like `<p>` for that rule.
    Block,
    /// Styles and spans, which nest anywhere text goes.
    Inline,
    /// `<a>`: html5ever closes an open one first.
    Link,
    /// `<br>`, which has no content.
    Break,
    Table,
    /// `<tbody>`, `<thead>`, `<tfoot>`.
    Group,
    Row,
    Cell,
}

/// The elements read here, by name; any other sends the article to html5ever.
const KNOWN: &[(&str, Kind)] = &[
    ("p", Kind::Para),
    ("br", Kind::Break),
    ("a", Kind::Link),
    ("td", Kind::Cell),
    ("tr", Kind::Row),
    ("th", Kind::Cell),
    ("sup", Kind::Inline),
    ("sub", Kind::Inline),
    ("div", Kind::Block),
    ("center", Kind::Block),
    ("table", Kind::Table),
    ("tbody", Kind::Group),
    ("thead", Kind::Group),
    ("tfoot", Kind::Group),
    ("strong", Kind::Inline),
    ("b", Kind::Inline),
    ("em", Kind::Inline),
    ("i", Kind::Inline),
    ("u", Kind::Inline),
    ("font", Kind::Inline),
    ("span", Kind::Inline),
];

fn known(name: &str) -> Option<(&'static str, Kind)> {
    KNOWN
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .copied()
}

/// An opening tag's attributes: raw names, decoded values.
#[derive(Default)]
struct Attrs<'a>(Vec<(&'a str, Cow<'a, str>)>);

impl Attributes for Attrs<'_> {
    fn get(&self, name: &str) -> Option<Cow<'_, str>> {
        // html5ever keeps the first of two attributes with one name.
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| Cow::Borrowed(v.as_ref()))
    }
}

/// Feeds `body` to `b`; `None` as soon as it meets what it does not read as html5ever
/// would (`b` is then half-fed, to be dropped).
pub(super) fn read(body: &str, b: &mut Builder) -> Option<()> {
    // html5ever turns CR into LF and drops NUL; neither is in the mirror.
    if memchr2(b'\r', 0, body.as_bytes()).is_some() {
        return None;
    }
    let mut stack: Vec<(&'static str, Kind)> = Vec::with_capacity(16);
    let mut attrs = Attrs::default();
    let bytes = body.as_bytes();
    let mut text_start = 0;
    let mut pos = 0;
    while let Some(lt) = memchr(b'<', &bytes[pos..]).map(|i| pos + i) {
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        match bytes.get(name_at) {
            Some(c) if c.is_ascii_alphabetic() => {}
            // `<` before a space, a digit or the end is text.
            _ if !closing && !matches!(bytes.get(lt + 1), Some(b'!' | b'?')) => {
                pos = lt + 1;
                continue;
            }
            _ => return None,
        }
        text(&body[text_start..lt], &stack, b)?;
        let name_end = bytes[name_at..]
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
            .map(|i| name_at + i)?;
        let (name, kind) = known(&body[name_at..name_end])?;
        let end = if closing {
            let gt = name_end + bytes[name_end..].iter().position(|&c| c == b'>')?;
            if !body[name_end..gt].bytes().all(|c| c.is_ascii_whitespace()) {
                return None;
            }
            close(name, &mut stack, b)?;
            gt + 1
        } else {
            let (end, self_closing) = attributes(body, name_end, &mut attrs)?;
            if self_closing && kind != Kind::Break {
                return None;
            }
            open(name, kind, &attrs, &mut stack, b)?;
            end
        };
        text_start = end;
        pos = end;
    }
    text(&body[text_start..], &stack, b)?;
    // Open at the end: html5ever leaves them open, and its tree closes them.
    while let Some((name, _)) = stack.pop() {
        b.close(name);
    }
    Some(())
}

/// A run of text between tags. Only white space may stand straight in a table, row or
/// row group: html5ever moves any other text out in front of the table.
fn text(raw: &str, stack: &[(&str, Kind)], b: &mut Builder) -> Option<()> {
    if raw.is_empty() {
        return Some(());
    }
    let text = decode(raw, false)?;
    let in_table = matches!(
        stack.last(),
        Some((_, Kind::Table | Kind::Group | Kind::Row))
    );
    if in_table && !text.bytes().all(|c| c.is_ascii_whitespace()) {
        return None;
    }
    b.text(&text);
    Some(())
}

fn open(
    name: &'static str,
    kind: Kind,
    attrs: &Attrs,
    stack: &mut Vec<(&'static str, Kind)>,
    b: &mut Builder,
) -> Option<()> {
    let parent = stack.last().map(|&(_, k)| k);
    let in_table = matches!(parent, Some(Kind::Table | Kind::Group | Kind::Row));
    let allowed = match kind {
        Kind::Group => parent == Some(Kind::Table),
        Kind::Row => matches!(parent, Some(Kind::Table | Kind::Group)),
        Kind::Cell => parent == Some(Kind::Row),
        Kind::Para | Kind::Block | Kind::Table => !in_table && !p_in_button_scope(stack),
        Kind::Link => !in_table && !stack.iter().any(|&(_, k)| k == Kind::Link),
        Kind::Inline | Kind::Break => !in_table,
    };
    if !allowed || stack.len() >= MAX_DEPTH {
        return None;
    }
    b.open(name, attrs);
    if kind == Kind::Break {
        b.close(name);
    } else {
        stack.push((name, kind));
    }
    Some(())
}

/// Whether a `<p>` is open where a new block would close it: the search stops at a
/// table or a cell, as html5ever's "button scope" does.
fn p_in_button_scope(stack: &[(&str, Kind)]) -> bool {
    for &(_, kind) in stack.iter().rev() {
        match kind {
            Kind::Para => return true,
            Kind::Table | Kind::Cell => return false,
            _ => {}
        }
    }
    false
}

/// A closing tag must close the innermost open element: any other is repaired by
/// html5ever.
fn close(name: &str, stack: &mut Vec<(&'static str, Kind)>, b: &mut Builder) -> Option<()> {
    match stack.last() {
        Some(&(open, _)) if open == name => {
            stack.pop();
            b.close(name);
            Some(())
        }
        _ => None,
    }
}

/// Reads the attributes of an opening tag whose name ends at `at`, into `attrs`.
/// Returns where the tag ends and whether it ends with `/>`.
fn attributes<'a>(body: &'a str, mut at: usize, attrs: &mut Attrs<'a>) -> Option<(usize, bool)> {
    attrs.0.clear();
    let bytes = body.as_bytes();
    loop {
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => return Some((at + 1, false)),
            b'/' => return (bytes.get(at + 1)? == &b'>').then_some((at + 2, true)),
            _ => {}
        }
        let name_start = at;
        while !matches!(bytes.get(at)?, b'=' | b'>' | b'/') && !bytes[at].is_ascii_whitespace() {
            if matches!(bytes[at], b'"' | b'\'' | b'<') {
                return None;
            }
            at += 1;
        }
        let name = &body[name_start..at];
        if name.is_empty() {
            return None;
        }
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        if bytes[at] != b'=' {
            attrs.0.push((name, Cow::Borrowed("")));
            continue;
        }
        at += 1;
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        let raw = match bytes.get(at)? {
            &quote @ (b'"' | b'\'') => {
                let len = memchr(quote, &bytes[at + 1..])?;
                let raw = &body[at + 1..at + 1 + len];
                at += len + 2;
                // `a="1"b="2"` is read by html5ever, but not here.
                if !matches!(bytes.get(at)?, b'>' | b'/') && !bytes[at].is_ascii_whitespace() {
                    return None;
                }
                raw
            }
            _ => {
                let start = at;
                while !matches!(bytes.get(at)?, b'>') && !bytes[at].is_ascii_whitespace() {
                    if matches!(bytes[at], b'"' | b'\'' | b'<' | b'=' | b'`') {
                        return None;
                    }
                    at += 1;
                }
                &body[start..at]
            }
        };
        attrs.0.push((name, decode(raw, true)?));
    }
}

/// Decodes character references, or `None` for one that html5ever might read
/// differently from this: only the common named ones and plain numbers are read.
fn decode(raw: &str, in_attribute: bool) -> Option<Cow<'_, str>> {
    if memchr(b'&', raw.as_bytes()).is_none() {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let word = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let next = after.as_bytes().get(word).copied();
        if let Some(number) = after.strip_prefix('#') {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            let len = digits.bytes().take_while(u8::is_ascii_hexdigit).count();
            if len == 0 || len > 6 || digits.as_bytes().get(len) != Some(&b';') {
                return None;
            }
            let code = u32::from_str_radix(&digits[..len], radix).ok()?;
            out.push(plain_char(code)?);
            rest = &digits[len + 1..];
        } else if word > 0 && next == Some(b';') {
            out.push(match &after[..word] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                _ => return None,
            });
            rest = &after[word + 1..];
        } else if (in_attribute && word > 0 && next == Some(b'='))
            || (word == 0 && next.is_none_or(|c| c.is_ascii_whitespace() || c == b'<'))
        {
            // A query string's `&idArticle=` in a link, or a lone `&`: html5ever keeps
            // them as they are.
            out.push('&');
            rest = after;
        } else {
            return None;
        }
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// A numeric reference's character, when html5ever takes it as it is: no NUL, C1
/// controls (read as Windows-1252), surrogates or noncharacters.
fn plain_char(code: u32) -> Option<char> {
    let plain = matches!(code, 0x09 | 0x0a | 0x20..=0x7e | 0xa0..=0xfdcf | 0xfdf0..=0x10ffff)
        && code & 0xfffe != 0xfffe;
    plain.then(|| char::from_u32(code)).flatten()
}

#[cfg(test)]
mod tests {
    use super::super::{Builder, Parsed, parse_by_tree};
    use super::*;
    use proptest::prelude::*;

    fn strict(body: &str) -> Option<Parsed> {
        let mut b = Builder::default();
        read(body, &mut b).map(|()| b.finish())
    }

    /// Read here, it must read as html5ever reads it.
    fn same(body: &str) {
        let fast = strict(body).unwrap_or_else(|| panic!("not read strictly: {body:?}"));
        assert_eq!(fast, parse_by_tree(body), "{body:?}");
    }

    #[test]
    fn the_mirror_s_html_is_read_as_html5ever_reads_it() {
        same("<p>Un  deux\n trois </p><p></p><p>a<br/>b<br/><br/>c</p>");
        same("<p>l'article <a href='/c/l1.md'>L. 313-6 </a>et la suite</p>");
        same(
            "<p>1<sup>er</sup> <strong>gras</strong>&nbsp;: CO<sub>2</sub> &amp; &#233;&#xE9;</p>",
        );
        same(
            "<p align=\"center\">A</p><table border=\"1\"><tbody><tr><td colspan=\"2\" \
             align=\"left\"><p>1</p></td><th rowspan=2>x</th></tr>\n<tr><td>< 10 s</td></tr></tbody></table>",
        );
        same("<table><tr><td>a<table><tr><td>b</td></tr></table>d</td></tr></table>texte");
        same("<div align='center'><p>centré</p></div><center>x</center><br clear=\"all\" />fin");
        same("<a href=\"/l.do?idArticle=LEGI&dateTexte=2020&amp;x=1\">lien</a> a & b");
        same("<p>ouvert<b>gras");
        same("<b><p>un</p><p>deux</p></b><a href=x><p>dans</p></a>");
        // Paragraphs and blocks in cells, lines of their cells.
        same(
            "<table><tr><td><p>Pustule maligne. </p>\n<p> Œdème malin.</p><div>x<br/><br/>y</div>\
             <center>z</center></td><td><p></p><table><tr><td><p>a</p><p>b</p></td></tr></table>c</td></tr></table>",
        );
    }

    #[test]
    fn what_html5ever_would_repair_is_left_to_it() {
        for body in [
            "<p>un<p>deux",
            "<p>un<div>deux</div></p>",
            "<p>un<table><tr><td>x</td></tr></table>",
            "<b>un<i>deux</b>trois</i>",
            "<p>un</b></p>",
            "<table>texte<tr><td>x</td></tr></table>",
            "<table><td>x</td></table>",
            "<a href=1>un<a href=2>deux</a></a>",
            "<p>un<!-- note --></p>",
            "<p>&eacute;&notit; &#128;</p>",
            "<p>a\r\nb</p>",
            "<ul><li>x</li></ul>",
            "<p/>",
            "<p>x</p/>",
            "<td a=\"1\"b>",
        ] {
            assert!(strict(body).is_none(), "{body:?}");
        }
    }

    fn soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>"),
            Just("</p>"),
            Just("<br/>"),
            Just("<b>"),
            Just("</b>"),
            Just("<sup>"),
            Just("</sup>"),
            Just("<a href=\"x&amp;y\">"),
            Just("</a>"),
            Just("<div>"),
            Just("</div>"),
            Just("<table>"),
            Just("</table>"),
            Just("<tbody>"),
            Just("</tbody>"),
            Just("<tr>"),
            Just("</tr>"),
            Just("<td colspan='2'>"),
            Just("</td>"),
            Just("<th>"),
            Just("</th>"),
            Just(" "),
            Just("\n"),
            Just("mot"),
            Just("a < b"),
            Just("&nbsp;"),
            Just("&#233;"),
            Just("&"),
            Just("\u{a0}"),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    /// Well-nested trees of the known elements, in places html5ever may or may not
    /// accept them: most are read strictly, so the comparison below has work to do.
    fn tree() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("mot".to_owned()),
            Just(" ".to_owned()),
            Just("\n ".to_owned()),
            Just("<br/>".to_owned()),
            Just("x &amp; y&nbsp;z".to_owned()),
        ];
        leaf.prop_recursive(5, 48, 5, |inner| {
            let name = prop_oneof![
                Just("p"),
                Just("b"),
                Just("sup"),
                Just("a href=\"l\""),
                Just("div"),
                Just("table"),
                Just("tbody"),
                Just("tr"),
                Just("td rowspan=\"2\""),
                Just("th"),
            ];
            (name, prop::collection::vec(inner, 0..5)).prop_map(|(open, children)| {
                let name = open.split(' ').next().unwrap_or(open);
                format!("<{open}>{}</{name}>", children.concat())
            })
        })
    }

    proptest! {
        #[test]
        fn whatever_is_read_strictly_reads_as_html5ever_reads_it(body in soup()) {
            if let Some(fast) = strict(&body) {
                prop_assert_eq!(fast, parse_by_tree(&body));
            }
        }

        #[test]
        fn nested_trees_read_strictly_read_as_html5ever_reads_them(
            trees in prop::collection::vec(tree(), 1..4)
        ) {
            let body = trees.concat();
            if let Some(fast) = strict(&body) {
                prop_assert_eq!(fast, parse_by_tree(&body));
            }
        }
    }

    #[test]
    fn the_generators_give_the_strict_reader_work() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let strategy = prop::collection::vec(tree(), 1..4);
        let read = (0..500)
            .filter(|_| {
                let body = strategy.new_tree(&mut runner).map(|t| t.current().concat());
                body.is_ok_and(|body| strict(&body).is_some())
            })
            .count();
        assert!(read > 50, "only {read} of 500 trees read strictly");
    }
}
