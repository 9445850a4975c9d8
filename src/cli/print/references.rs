//! What the list at the end of a printed article says of each reference: the file it
//! leads to, the web address of one that leads outside, or why it leads nowhere.

use unicode_width::UnicodeWidthStr;

use crate::mirror::reference::{self, Kind, Target, Unresolved};
use crate::model::article::Link;
use crate::model::article::enumeration::Marker;

/// Where reference `link` of the article at `from` leads, for a list `width` wide.
pub fn describe(
    link: &Link,
    target: &Result<Target, Unresolved>,
    from: &str,
    width: usize,
) -> String {
    // A path alone on a line after the `[n] ` and `→ ` must still fit it.
    let room = width.saturating_sub(8);
    match target {
        Ok(Target::Article { path, point }) => format!("{}{}", short_path(path, room), at(point)),
        Ok(Target::Here { point }) => {
            format!("{}{}", crate::tr!("this article", "cet article"), at(point))
        }
        Ok(Target::Many(paths)) => paths
            .iter()
            .map(|p| short_path(p, room))
            .collect::<Vec<_>>()
            .join(", "),
        Err(why) => match Kind::of(link) {
            Kind::External if link.href.starts_with("http") => link.href.clone(),
            // The old Légifrance addresses lead to the article on the web, once rebuilt.
            Kind::Legacy => match reference::web_address(link, from) {
                Some(web) if matches!(why, Unresolved::Legacy(_)) => web.to_string(),
                Some(web) => crate::trf!("{web} (unresolved: {why})", "{web} (introuvé : {why})"),
                None => crate::trf!("(unresolved: {why})", "(introuvé : {why})"),
            },
            _ => crate::trf!("(unresolved: {why})", "(introuvé : {why})"),
        },
    }
}

/// An entry of the list wrapped to `width` columns at its spaces. An address (a mirror
/// path, a web address: a word with a `/`) is never cut, so that it can be copied or
/// clicked whole: wider than a line, it takes a line of its own, past the width. Any
/// other word wider than a line is cut at the width.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let parts = if word.width() > width && !word.contains('/') {
            cut(word, width)
        } else {
            vec![word.to_owned()]
        };
        for (i, part) in parts.into_iter().enumerate() {
            let glued = i > 0;
            let room_left = line.width() + usize::from(!glued) + part.width() <= width;
            if !line.is_empty() && !glued && room_left {
                line.push(' ');
            } else if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push_str(&part);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `word` in parts of at most `width` columns (a character wider than that alone).
fn cut(word: &str, width: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut used = 0;
    for c in word.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width && used > 0 {
            parts.push(std::mem::take(&mut part));
            used = 0;
        }
        part.push(c);
        used += w;
    }
    if !part.is_empty() {
        parts.push(part);
    }
    parts
}

/// ` (II 3°)`: the point inside the target a citation names, if any.
fn at(point: &[Marker]) -> String {
    if point.is_empty() {
        return String::new();
    }
    let labels: Vec<String> = point.iter().map(Marker::label).collect();
    format!(" ({})", labels.join(" "))
}

/// A mirror path whole when it fits `room` columns, else its code and file name around
/// `…` (`code-du-travail/…/l6123-1.md`): folder names run to 120 characters each, and
/// `loi links` gives the whole path to whoever needs it.
fn short_path(path: &str, room: usize) -> String {
    if path.width() <= room {
        return path.to_owned();
    }
    match (path.split_once('/'), path.rsplit_once('/')) {
        (Some((code, middle)), Some((_, file))) if middle.contains('/') => {
            format!("{code}/…/{file}")
        }
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::enumeration::MarkerKind;

    fn link(href: &str, text: &str) -> Link {
        Link {
            href: href.to_owned(),
            text: text.to_owned(),
            block: 0,
            cite: None,
            later_part: false,
        }
    }

    #[test]
    fn addresses_are_never_cut() {
        let web = "https://www.legifrance.gouv.fr/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI000018499188";
        let path = "code-rural-et-de-la-peche-maritime/…/l722-20.md";
        let text = format!("R. 1 → {web} (unresolved: gone), L. 2 → {path}");
        for width in [10, 40, 60] {
            let lines = wrap(&text, width);
            assert!(lines.contains(&web.to_owned()), "{width}: {lines:#?}");
            assert!(
                lines.iter().any(|l| l.ends_with(path)),
                "{width}: {lines:#?}"
            );
            // Only an address alone on its line is wider than the line.
            for line in &lines {
                assert!(
                    line.width() <= width || line == web || line == path,
                    "{width}: {lines:#?}"
                );
            }
        }
        assert_eq!(
            wrap(&text, 60),
            ["R. 1 →", web, "(unresolved: gone), L. 2 →", path,]
        );
        // Any other word: cut at the width; wide characters never overflow.
        assert_eq!(wrap("aaaaaaaaaa", 4), ["aaaa", "aaaa", "aa"]);
        assert_eq!(wrap("漢字漢字漢", 3), ["漢", "字", "漢", "字", "漢"]);
        assert_eq!(wrap("a 漢", 1), ["a", "漢"], "alone rather than lost");
    }

    #[test]
    fn paths_shorten_only_when_they_do_not_fit() {
        assert_eq!(short_path("c/s/l1.md", 20), "c/s/l1.md");
        assert_eq!(short_path("c/s/t/l1.md", 8), "c/…/l1.md");
        assert_eq!(short_path("c/l1.md", 3), "c/l1.md", "nothing to take out");
    }

    #[test]
    fn each_kind_of_target_is_said() {
        let point = vec![
            Marker {
                kind: MarkerKind::Roman,
                value: 2,
            },
            Marker {
                kind: MarkerKind::Degree,
                value: 3,
            },
        ];
        let l = link("/c/x.md", "L. 1");
        let here = Ok(Target::Here {
            point: point.clone(),
        });
        assert_eq!(describe(&l, &here, "c/y.md", 80), "this article (II 3°)");
        let many = Ok(Target::Many(vec!["c/a.md".into(), "c/b.md".into()]));
        assert_eq!(describe(&l, &many, "c/y.md", 80), "c/a.md, c/b.md");
        let web = link("https://example.org/x", "ici");
        let why = Err(Unresolved::External(web.href.clone()));
        assert_eq!(describe(&web, &why, "c/y.md", 80), "https://example.org/x");
        let gone = Err(Unresolved::NoNumber);
        assert_eq!(
            describe(&link("", "ci"), &gone, "c/y.md", 80),
            "(unresolved: a Légifrance link whose text names no article number)"
        );
    }

    #[test]
    fn an_old_legifrance_address_leads_to_the_web_and_says_why_not_here() {
        let l = link(
            "/affichCodeArticle.do?cidTexte=LEGITEXT000006073189&idArticle=LEGIARTI000006743345",
            "L. 412-8",
        );
        let why = Err(Unresolved::CodeNotInMirror {
            title: "Code de la sécurité sociale".into(),
        });
        let said = describe(&l, &why, "code-du-travail/x.md", 80);
        assert!(
            said.starts_with(
                "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006743345 "
            ),
            "{said}"
        );
        assert!(
            said.ends_with("(unresolved: Code de la sécurité sociale is not in this mirror)"),
            "{said}"
        );
    }
}
