use super::*;

#[test]
fn a_slug_finds_the_code_the_whole_table_gives() {
    for code in all() {
        let mut matching = all().iter().filter(|c| c.slug == code.slug);
        let first = matching.clone().next().copied();
        let expected = matching.find(|c| c.is_in_force()).copied().or(first);
        assert_eq!(by_slug(code.slug), expected, "{}", code.slug);
    }
    assert_eq!(by_slug("code-du"), None);
    assert_eq!(by_slug("du-travail"), None);
}

#[test]
fn the_table_has_every_code() {
    assert_eq!(all().len(), 107);
    let travail = by_slug("code-du-travail").expect("code du travail");
    assert_eq!(travail.legitext, "LEGITEXT000006072050");
    assert_eq!(by_legitext("LEGITEXT000006072050"), Some(&travail));
}

/// A code renamed keeps its id: by id, by its old name in a text and by its folder,
/// each old name leads to the code in force (the code rural, the code des pensions
/// militaires, the code de la Légion d'honneur…).
#[test]
fn an_old_name_means_the_code_it_was_renamed_into() {
    let mut renamed = 0;
    for old in all().iter().filter(|c| !c.is_in_force()) {
        let Some(new) = all()
            .iter()
            .find(|c| c.legitext == old.legitext && c.is_in_force())
        else {
            continue;
        };
        renamed += 1;
        assert_eq!(by_legitext(old.legitext), Some(new), "{}", old.title);
        let text = format!("{}, dans sa rédaction", old.title.trim_end_matches('.'));
        assert_eq!(by_title_prefix(&text), Some(new), "{text}");
        let same = same_text(old.slug);
        assert_eq!(same.first(), Some(&new), "{}", old.slug);
        assert!(same.contains(&old), "{}", old.slug);
    }
    assert!(renamed >= 3, "{renamed} renamed codes");
    let rural = |t: &str| by_title_prefix(t).map(|c| c.slug);
    assert_eq!(
        rural("code rural et de la pêche maritime"),
        Some("code-rural-et-de-la-peche-maritime")
    );
    assert_eq!(
        rural("code rural."),
        Some("code-rural-et-de-la-peche-maritime")
    );
    assert_eq!(rural("code rural ancien"), Some("code-rural-ancien"));
    // A code with one name is itself alone.
    assert_eq!(
        same_text("code-du-travail")
            .iter()
            .map(|c| c.slug)
            .collect::<Vec<_>>(),
        ["code-du-travail"]
    );
}

/// Every abbreviation of a code in force finds it, as written and as typed in a hurry:
/// without dots or spaces, in lower case.
#[test]
fn every_code_in_force_is_found_by_each_of_its_abbreviations() {
    let mut found = 0;
    for code in all().iter().filter(|c| c.is_in_force()) {
        for abbreviation in code.each_abbreviation() {
            let bare: String = abbreviation
                .chars()
                .filter(|c| !matches!(c, '.' | ' ' | ','))
                .collect();
            for typed in [abbreviation, &bare, &bare.to_lowercase()] {
                assert_eq!(by_abbreviation(typed), Some(code), "{typed}");
            }
            found += 1;
        }
    }
    assert!(found >= 60, "{found} abbreviations of codes in force");
}

/// An abbreviation names one code in force, or a citation would open the wrong one.
#[test]
fn no_two_codes_in_force_share_an_abbreviation() {
    let mut named: HashMap<String, &Code> = HashMap::new();
    let mut shared = Vec::new();
    for code in all().iter().filter(|c| c.is_in_force()) {
        for abbreviation in code.each_abbreviation() {
            if let Some(other) = named.insert(abbreviation_key(abbreviation), code)
                && other.legitext != code.legitext
            {
                shared.push(format!("{abbreviation}: {} and {}", other.slug, code.slug));
            }
        }
    }
    assert!(shared.is_empty(), "{shared:#?}");
}

#[test]
fn the_usual_abbreviations_name_their_codes() {
    let slug = |typed: &str| by_abbreviation(typed).map(|c| c.slug);
    for (typed, code) in [
        ("C. civ.", "code-civil"),
        ("C. com.", "code-de-commerce"),
        ("C. trav.", "code-du-travail"),
        ("c trav", "code-du-travail"),
        ("C.trav.", "code-du-travail"),
        ("ctrav", "code-du-travail"),
        ("CSS", "code-de-la-securite-sociale"),
        ("css", "code-de-la-securite-sociale"),
        ("CGI", "code-general-des-impots-cgi"),
        ("CGI, ann. II", "code-general-des-impots-annexe-2-cgian2"),
        ("CGI ann. 4", "code-general-des-impots-annexe-4-cgian4"),
        ("LPF", "livre-des-procedures-fiscales"),
        ("CPC", "code-de-procedure-civile"),
        ("C. pr. civ.", "code-de-procedure-civile"),
        ("NCPC", "code-de-procedure-civile"),
        ("CPP", "code-de-procedure-penale"),
        ("C. pén.", "code-penal"),
        ("c. pen.", "code-penal"),
        (
            "CRPA",
            "code-des-relations-entre-le-public-et-ladministration",
        ),
        ("C. rur.", "code-rural-et-de-la-peche-maritime"),
        ("c. rur.", "code-rural-et-de-la-peche-maritime"),
        ("C. rur. pêche marit.", "code-rural-et-de-la-peche-maritime"),
        ("CRPM", "code-rural-et-de-la-peche-maritime"),
        ("CASF", "code-de-laction-sociale-et-des-familles"),
        ("CSP", "code-de-la-sante-publique"),
        ("C. env.", "code-de-lenvironnement"),
        ("C. envir.", "code-de-lenvironnement"),
        ("C. consom.", "code-de-la-consommation"),
        ("C. éduc.", "code-de-leducation"),
        ("CGCT", "code-general-des-collectivites-territoriales"),
        ("C. urb.", "code-de-lurbanisme"),
        ("CCH", "code-de-la-construction-et-de-lhabitation"),
        ("CPI", "code-de-la-propriete-intellectuelle"),
        ("C. assur.", "code-des-assurances"),
        ("C. mon. fin.", "code-monetaire-et-financier"),
        ("CMF", "code-monetaire-et-financier"),
        ("CJA", "code-de-justice-administrative"),
        (
            "CESEDA",
            "code-de-lentree-et-du-sejour-des-etrangers-et-du-droit-dasile",
        ),
        (
            "Ceseda",
            "code-de-lentree-et-du-sejour-des-etrangers-et-du-droit-dasile",
        ),
        ("C. route", "code-de-la-route"),
        ("C. for.", "code-forestier-nouveau"),
        ("C. mut.", "code-de-la-mutualite"),
        ("C. transp.", "code-des-transports"),
        ("C. énergie", "code-de-lenergie"),
        ("C. sport", "code-du-sport"),
        ("C. tourisme", "code-du-tourisme"),
        ("C. défense", "code-de-la-defense"),
        ("CSI", "code-de-la-securite-interieure"),
        (
            "CPCE",
            "code-des-postes-et-des-communications-electroniques",
        ),
        ("C. pr. exéc.", "code-des-procedures-civiles-dexecution"),
        (
            "CGPPP",
            "code-general-de-la-propriete-des-personnes-publiques",
        ),
        ("C. patr.", "code-du-patrimoine"),
        ("C. cinéma", "code-du-cinema-et-de-limage-animee"),
        ("CCP", "code-de-la-commande-publique"),
        ("C. minier", "code-minier-nouveau"),
    ] {
        assert_eq!(slug(typed), Some(code), "{typed}");
    }
    // Neither is in the table (both came after it): no code rather than a wrong one.
    assert_eq!(slug("CJPM"), None);
    assert_eq!(slug("CGFP"), None);
    for nothing in ["", " . ", "C.", "code", "C. trav. art."] {
        assert_eq!(slug(nothing), None, "{nothing:?}");
    }
}

/// A repealed code keeps the abbreviation of its day when no code in force took it.
#[test]
fn a_repealed_code_is_found_by_its_own_abbreviation() {
    let code = |typed: &str| by_abbreviation(typed).copied();
    let cmp = code("CMP").expect("code des marchés publics");
    assert_eq!(cmp.legitext, "LEGITEXT000005627819");
    assert!(!cmp.is_in_force());
    let old = code("anc. C. pén.").expect("the code pénal of 1810");
    assert_eq!((old.slug, old.state), ("code-penal", "ABROGE"));
    assert_eq!(
        code("C. nat.").map(|c| c.slug),
        Some("code-de-la-nationalite-francaise")
    );
}

#[test]
fn the_table_gives_abbreviations_in_a_fifth_column() {
    assert_eq!(
        TABLE.lines().next(),
        Some("legitext\ttitle\tstate\tslug\tabbreviations")
    );
    assert!(TABLE.lines().all(|l| l.split('\t').count() == 5));
    let travail = by_slug("code-du-travail").expect("code du travail");
    assert_eq!(travail.abbreviation(), Some("C. trav."));
    let rural = by_slug("code-rural-et-de-la-peche-maritime").expect("code rural");
    assert_eq!(
        rural.each_abbreviation().collect::<Vec<_>>(),
        ["C. rur.", "C. rur. pêche marit.", "CRPM"]
    );
    // A line of the four first columns only, or ending in \r, still reads.
    let four = parse_line("LEGITEXT1\tCode\tVIGUEUR\tcode\r").expect("four columns");
    assert_eq!((four.slug, four.abbreviations), ("code", ""));
    assert_eq!(four.abbreviation(), None);
}

#[test]
fn titles_read_well() {
    assert_eq!(title_for("code-du-travail"), "Code du travail");
    assert_eq!(
        title_for("code-penal"),
        "Code pénal",
        "the code in force, not CODE PENAL"
    );
    assert_eq!(
        title_for("code-du-travail-applicable-a-mayotte"),
        "Code du travail applicable à Mayotte"
    );
    assert_eq!(title_for("code-inconnu"), "Code inconnu");
}
