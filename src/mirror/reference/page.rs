//! The Légifrance page a link of loi's output leads to, for a terminal to open on a
//! click (OSC 8): the article's own page when its id is known (a mirror made by `loi
//! import` keeps it in `.loi/`; an old Légifrance address carries it), else its
//! code's. Built from ids alone, through [`Address`]: no href is handed on as written,
//! not even a well-formed `https://` one, so that no text of the mirror reaches the
//! terminal inside the link's sequence.

use super::{Kind, Target, Unresolved, web_address};
use crate::mirror::Mirror;
use crate::model::article::Link;
use crate::model::codes;
use crate::model::web::Address;

/// The page of the article at `path` of the mirror: its version `id` when one is
/// given (a version shown that is not the file's), else the id the mirror keeps for
/// it, else its code's page.
pub fn article_page(mirror: &Mirror, path: &str, id: Option<&str>) -> Option<Address> {
    id.and_then(Address::article)
        .or_else(|| known_page(mirror, path))
        .or_else(|| code_page(path))
}

/// The page reference `link` of the article at `from` leads to, `target` being where
/// it leads in the mirror.
pub fn reference_page(
    mirror: &Mirror,
    from: &str,
    link: &Link,
    target: &Result<Target, Unresolved>,
) -> Option<Address> {
    let known = match target {
        Ok(Target::Article { path, .. }) => known_page(mirror, path),
        Ok(Target::Here { .. }) => known_page(mirror, from),
        Ok(Target::Many(paths)) => paths.first().and_then(|p| known_page(mirror, p)),
        Err(_) => None,
    };
    known.or_else(|| match Kind::of(link) {
        // Whatever host it names, an address of the mirror's own is text of the mirror.
        Kind::External => None,
        // The old Légifrance addresses, rebuilt from their ids; a mirror path or a
        // citation in the text: the page of the code it cites.
        Kind::Legacy | Kind::Link | Kind::Text => web_address(link, from),
    })
}

/// The page of the article at `path` when the mirror keeps its id.
fn known_page(mirror: &Mirror, path: &str) -> Option<Address> {
    mirror.state(path).and_then(|s| Address::article(&s.id))
}

/// The page of the code the file at `path` is in.
fn code_page(path: &str) -> Option<Address> {
    let slug = path.split('/').next()?;
    Address::code(codes::by_slug(slug)?.legitext)
}
