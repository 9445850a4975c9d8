use super::*;

const ARTICLE: &str = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188";

/// What an href leads to, the way a link's address is made: an old Légifrance
/// address rebuilt from its ids, else the href checked.
fn opened(href: &str) -> Option<String> {
    Address::legacy(href)
        .or_else(|| Address::checked(href))
        .map(|a| a.to_string())
}

#[test]
fn hostile_hrefs_make_no_address() {
    let hostile = [
        "--renderer-cmd-prefix=x",
        "--renderer-cmd-prefix=/bin/sh.do",
        "javascript:alert(1)",
        "javascript:alert(1)//.do",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html,x?legifrance.gouv.fr/affich",
        "file:///etc/passwd",
        "file:///etc/passwd#.do",
        "http://evil",
        "https://-x",
        "https://x-/",
        "https://a b",
        "https://a/b c",
        "https://a/\x1b]52;c;aGk=\x07",
        "https://a\x1b[2J/",
        "https://a/b\nc",
        "https://a/\u{9b}31m",
        "https://user@evil",
        "https://user:pw@evil/",
        "https://evil:x/",
        "https://",
        "https://a..b/",
        "https://[::1]/",
        "HTTPS:/x",
        "//evil/x",
        "https:\\\\evil",
        " https://evil",
        "/affichCodeArticle.do?idArticle=--x",
        "/affichCodeArticle.do?idArticle=LEGIARTI1",
        "/affichCodeArticle.do?idArticle=LEGIARTI0000184991888",
        "/affichCodeArticle.do?idArticle=LEGIARTI00001849918x",
        "/affichTexte.do?cidTexte=javascript:alert(1)",
    ];
    for href in hostile {
        assert_eq!(opened(href), None, "{href:?}");
    }
    let long = format!("https://a/{}", "x".repeat(MAX_LEN));
    assert_eq!(opened(&long), None);
}

#[test]
fn an_old_legifrance_address_is_rebuilt_from_its_ids_alone() {
    // A hostile query beside good ids: only the ids are kept.
    let hostile = "/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=\
                   LEGIARTI000018499188&dateTexte=\" --renderer-cmd-prefix=x&\x1b[2J";
    assert_eq!(opened(hostile).as_deref(), Some(ARTICLE));
    let cases = [
        (
            "/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI000018499188&dateTexte=&categorieLien=cid",
            ARTICLE,
        ),
        (
            "/affichCodeArticle.do?idArticle=LEGIARTI000018499188",
            ARTICLE,
        ),
        (
            "https://www.legifrance.gouv.fr/affichCodeArticle.do?idArticle=LEGIARTI000018499188",
            ARTICLE,
        ),
        (
            "javascript:x//legifrance.gouv.fr/affichCodeArticle.do?idArticle=LEGIARTI000018499188",
            ARTICLE,
        ),
        (
            "/affichCode.do?cidTexte=LEGITEXT000006072050&idSectionTA=LEGISCTA000006177833&dateTexte=&categorieLien=cid",
            "https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072050/LEGISCTA000006177833/",
        ),
        (
            "/affichCode.do?cidTexte=LEGITEXT000006072050",
            "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/",
        ),
        (
            "/affichTexte.do?cidTexte=JORFTEXT000000886460&categorieLien=cid",
            "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000000886460",
        ),
        (
            "/affichTexte.do?cidTexte=LEGITEXT000006072116&dateTexte=&categorieLien=cid",
            "https://www.legifrance.gouv.fr/loda/id/LEGITEXT000006072116/",
        ),
        (
            "/affichTexteArticle.do?cidTexte=JORFTEXT000000886460&idArticle=JORFARTI000001822131&categorieLien=cid",
            "https://www.legifrance.gouv.fr/jorf/article_jo/JORFARTI000001822131",
        ),
        (
            "/affichTexteArticle.do?cidTexte=LEGITEXT000006073333&idArticle=LEGIARTI000006758702&categorieLien=cid",
            "https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000006758702",
        ),
    ];
    for (href, address) in cases {
        assert_eq!(opened(href).as_deref(), Some(address), "{href}");
    }
}

#[test]
fn a_plain_https_address_is_opened_as_written() {
    for href in [
        ARTICLE,
        "https://www.legifrance.gouv.fr/jo_pdf.do?id=JORFTEXT000039699711",
        "https://travail-emploi.gouv.fr",
        "https://solidarites-sante.gouv.fr/",
        "https://example.org:8443/a?b=c&d=e#f",
    ] {
        assert_eq!(opened(href).as_deref(), Some(href));
    }
    // The scheme and host in lower case, letters past ASCII percent-encoded.
    assert_eq!(
        opened("HTTPS://Example.ORG/é").as_deref(),
        Some("https://example.org/%C3%A9")
    );
}

#[test]
fn ids_have_their_shape() {
    assert_eq!(
        Address::article("LEGIARTI000018499188")
            .map(|a| a.to_string())
            .as_deref(),
        Some(ARTICLE)
    );
    assert_eq!(Address::article("-x"), None);
    assert_eq!(Address::article("LEGIARTI000018499188/../x"), None);
    assert_eq!(Address::journal("JORFTEXT00003969971"), None);
    assert_eq!(Address::code("LEGITEXT000006072050 --x"), None);
    assert!(Address::code("LEGITEXT000006072050").is_some());
}
