//! The web addresses loi hands to a browser: always `https://`, either built by loi on
//! Légifrance from an id of the right shape, or an `https://` address of an article
//! checked to be well formed. An href is text of the mirror, which anyone may have
//! written: taken as is, it could be an option of the browser (`--renderer-cmd-prefix=…`),
//! a script (`javascript:`), a local file or an address with a terminal's escape codes.
//! [`Address`] can only be made here, so whatever opens one opens nothing else.

use crate::model::codes;

/// Where Légifrance is.
const LEGIFRANCE: &str = "https://www.legifrance.gouv.fr";

/// The longest address opened: far past any Légifrance address, short of what a
/// command line or a browser refuses.
const MAX_LEN: usize = 2048;

/// A web address fit to open: it starts with `https://`, its host is letters, digits,
/// dots and hyphens, and it holds no space, no control character and no credentials;
/// its other characters are printable ASCII (any other is percent-encoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address(String);

impl Address {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Légifrance page of a code (`LEGITEXT…` of the table of codes).
    pub fn code(legitext: &str) -> Option<Address> {
        legi(legitext, "LEGITEXT")
            .then(|| Address(format!("{LEGIFRANCE}/codes/texte_lc/{legitext}/")))
    }

    /// The Légifrance page of an article (`LEGIARTI…`), one of its versions.
    pub fn article(id: &str) -> Option<Address> {
        legi(id, "LEGIARTI").then(|| Address(format!("{LEGIFRANCE}/codes/article_lc/{id}")))
    }

    /// The Légifrance page of a text of the Journal officiel (`JORFTEXT…`).
    pub fn journal(id: &str) -> Option<Address> {
        legi(id, "JORFTEXT").then(|| Address(format!("{LEGIFRANCE}/jorf/id/{id}")))
    }

    /// The page an old Légifrance address (`/affichCodeArticle.do?cidTexte=…&idArticle=…`,
    /// `affichTexte.do`, `affichTexteArticle.do`, `affichCode.do`) leads to today, built
    /// from its ids alone: the article, else the section of the code, else the text.
    /// Nothing else of the old address is kept.
    pub fn legacy(href: &str) -> Option<Address> {
        let value = |key: &str| crate::model::article::query_value(href, key);
        let text = value("cidTexte").filter(|t| legi(t, "LEGITEXT") || legi(t, "JORFTEXT"));
        let code = text.filter(|t| codes::by_legitext(t).is_some());
        if let Some(id) = value("idArticle") {
            if legi(id, "JORFARTI") {
                return Some(Address(format!("{LEGIFRANCE}/jorf/article_jo/{id}")));
            }
            if legi(id, "LEGIARTI") {
                let kind = if code.is_some() || text.is_none() {
                    "codes"
                } else {
                    "loda"
                };
                return Some(Address(format!("{LEGIFRANCE}/{kind}/article_lc/{id}")));
            }
        }
        if let (Some(code), Some(section)) = (code, value("idSectionTA"))
            && legi(section, "LEGISCTA")
        {
            return Some(Address(format!(
                "{LEGIFRANCE}/codes/section_lc/{code}/{section}/"
            )));
        }
        match text? {
            t if code.is_some() => Address::code(t),
            t if t.starts_with("JORFTEXT") => Address::journal(t),
            t => Some(Address(format!("{LEGIFRANCE}/loda/id/{t}/"))),
        }
    }

    /// `href` if it is a well-formed `https://` address (the scheme in any case); its
    /// letters past ASCII percent-encoded.
    pub fn checked(href: &str) -> Option<Address> {
        let (scheme, rest) = href.split_once("://")?;
        if !scheme.eq_ignore_ascii_case("https") || href.len() > MAX_LEN {
            return None;
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let host = match authority.rsplit_once(':') {
            Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => {
                host
            }
            Some(_) => return None,
            None => authority,
        };
        if !host_fit(host) || tail.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return None;
        }
        let mut address = format!("https://{}", authority.to_ascii_lowercase());
        for c in tail.chars() {
            if c.is_ascii() {
                address.push(c);
            } else {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    address.push_str(&format!("%{b:02X}"));
                }
            }
        }
        (address.len() <= MAX_LEN).then_some(Address(address))
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `id` is a Légifrance id of this kind: the prefix and twelve digits.
fn legi(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix)
        .is_some_and(|digits| digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// A host name: dot-separated labels of ASCII letters, digits and hyphens, none empty,
/// none starting or ending with a hyphen (so that no address reads as an option, and
/// none carries `user@` credentials, a space or an escape code).
fn host_fit(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests;
