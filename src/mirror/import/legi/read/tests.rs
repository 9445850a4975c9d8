//! The LEGI reader's own tests: what it reads of each file, what it refuses.

use super::*;

#[test]
fn contenu_keeps_its_tags_and_decodes_its_text_less_the_outer_indentation() {
    let raw = b"\n<p>R &lt; 6,5 % <a href=\"/x?a=1&amp;b=2\">x</a></p>\n  <br/>\n    ";
    assert_eq!(
        html(raw),
        "<p>R < 6,5 % <a href='/x?a=1&b=2'>x</a></p>\n  <br/>"
    );
    assert_eq!(html(b"<a name=\"n\">x</a>"), "<a name=\"n\">x</a>");
    assert_eq!(html(b" lead"), " lead");
    assert_eq!(unescape("a &#233;&#xE9; &lol; & b"), "a éé &lol; & b");
}

#[test]
fn a_doctype_an_unknown_root_and_a_cut_file_are_refused() {
    let doctype = b"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"y\">]><ARTICLE>&x;</ARTICLE>";
    assert_eq!(read(doctype).err(), Some(XmlError::Doctype));
    assert_eq!(read(b"<JO></JO>").err(), Some(XmlError::Root("JO".into())));
    assert!(matches!(
        read(b"<ARTICLE><META><META_COMMUN><ID>LEGI").err(),
        Some(XmlError::Bad(m)) if m.contains("ends inside <ID>")
    ));
    assert!(matches!(read(b"").err(), Some(XmlError::Bad(_))));
    assert!(matches!(read(b"<ARTICLE/>"), Ok(Doc::Article(_))));
}

#[test]
fn an_article_gives_its_number_context_versions_and_links() {
    let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<ARTICLE><META><META_COMMUN><ID>LEGIARTI2</ID></META_COMMUN><META_SPEC><META_ARTICLE>
<NUM>L1</NUM><ETAT>VIGUEUR</ETAT><DATE_DEBUT>2016-01-01</DATE_DEBUT><DATE_FIN>2999-01-01</DATE_FIN>
</META_ARTICLE></META_SPEC></META><CONTEXTE><TEXTE cid="LEGITEXT1">
<TITRE_TXT debut="2016-01-01" fin="2999-01-01">Code de l'essai</TITRE_TXT>
<TM><TITRE_TM debut="a" fin="b">Livre I&#13;
 er</TITRE_TM><TM><TITRE_TM>Titre</TITRE_TM></TM></TM></TEXTE></CONTEXTE>
<VERSIONS><VERSION><LIEN_ART debut="2010-01-01" etat="MODIFIE" fin="2016-01-01" id="LEGIARTI1"/></VERSION></VERSIONS>
<NOTA><CONTENU/></NOTA><BLOC_TEXTUEL><CONTENU>
<p>x</p>
</CONTENU></BLOC_TEXTUEL><LIENS><LIEN typelien="CITATION" sens="cible" id="LEGIARTI9">Code - art. 3</LIEN></LIENS></ARTICLE>"#;
    let Ok(Doc::Article(a)) = read(xml) else {
        panic!("an article");
    };
    assert_eq!((a.id.as_str(), a.num.as_str()), ("LEGIARTI2", "L1"));
    assert_eq!(a.text_cid, "LEGITEXT1");
    assert_eq!(a.titles[0].text, "Code de l'essai");
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.sections[0][0].text, "Livre I\r\n er");
    assert_eq!(a.sections[1][0].text, "Titre");
    assert_eq!(a.versions[0].id, "LEGIARTI1");
    assert_eq!((a.nota.as_str(), a.body.as_str()), ("", "<p>x</p>"));
    assert_eq!(a.liens[0].kind, "CITATION");
    assert_eq!(a.liens[0].title, "Code - art. 3");
}
