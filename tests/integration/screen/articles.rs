//! Screen snapshots of real articles chosen for variety (issue 5, part 6): the
//! largest, tables (one wider than either screen, spans across rows and columns, an
//! annexe of tables), deep enumerations, superscripts and subscripts, `<br/>`-separated
//! items, the smallest. Each at 80x24 and at 40x20, after the keys a reader would
//! press to see what matters in it. The fixtures are copies of the corpus's files,
//! opened at their paths in the mirror (so that headers read as they do there).

use loi::app::App;
use loi::app::action::Action::{self, *};
use loi::mirror::Mirror;
use loi::model::article::{Article, Citations};

/// The screen after `actions`, trailing blanks cut.
fn screen(path: &str, source: &str, size: (u16, u16), actions: &[Action]) -> String {
    let article = Article::parse(path, source, Citations::Now);
    let mut app = App::new(Mirror::bundled(), article, size);
    for a in actions {
        app.update(*a);
    }
    crate::support::screen::screen(&app)
}

/// A test drawing one article at both sizes, each its own snapshot.
macro_rules! article {
    ($name:ident, $fixture:literal, $path:literal, [$($action:expr),*]) => {
        #[test]
        fn $name() {
            let source = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/", $fixture));
            for (cols, rows) in [(80, 24), (40, 20)] {
                let shown = screen($path, source, (cols, rows), &[$($action),*]);
                insta::assert_snapshot!(
                    format!("{}_{cols}x{rows}", stringify!($name)),
                    shown
                );
            }
        }
    };
}

// the largest article (122 KB), deep items, halfway down
article!(
    largest_article_deep_in_its_items,
    "annexe-i-r4312-1.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iii-equipements-de-travail-et-moyens-de-protection/titre-ier-conception-et-mise-sur-le-marche-des-equipements-de-travail-et-des-moyens-de-protection/annexes/annexe-i-a-larticle-r4312-1.md",
    [UnfoldAll, PageDown, PageDown, PageDown, Down, Down]
);

// the largest article as it opens
article!(
    largest_article_opens,
    "annexe-i-r4312-1.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iii-equipements-de-travail-et-moyens-de-protection/titre-ier-conception-et-mise-sur-le-marche-des-equipements-de-travail-et-des-moyens-de-protection/annexes/annexe-i-a-larticle-r4312-1.md",
    []
);

// a table of 11 columns, wider than either screen
article!(
    wide_table_under_the_cursor,
    "r4412-149.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iv-prevention-de-certains-risques-dexposition/titre-ier-risques-chimiques/chapitre-ii-mesures-de-prevention-des-risques-chimiques/section-4-regles-particulieres-a-certains-agents-chimiques-dangereux/sous-section-1-fixation-des-valeurs-limites-dexposition-professionnelle/r4412-149.md",
    [Down]
);

// the same, three columns on
article!(
    wide_table_scrolled_right,
    "r4412-149.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iv-prevention-de-certains-risques-dexposition/titre-ier-risques-chimiques/chapitre-ii-mesures-de-prevention-des-risques-chimiques/section-4-regles-particulieres-a-certains-agents-chimiques-dangereux/sous-section-1-fixation-des-valeurs-limites-dexposition-professionnelle/r4412-149.md",
    [Down, Unfold, Unfold, Unfold]
);

// header cells across rows and columns, body cells across rows
article!(
    colspan_and_rowspan,
    "d4163-2.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-ier-dispositions-generales/titre-vi-dispositions-relatives-a-la-prevention-des-effets-de-lexposition-a-certains-facteurs-de-risques-professionnels/chapitre-iii-compte-professionnel-de-prevention/section-1-dispositions-generales/d4163-2.md",
    [UnfoldAll]
);

// an annexe: formulas with subscripts, a table with spans
article!(
    annexe_ii_subscripts,
    "annexe-ii-rayonnements.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iv-prevention-de-certains-risques-dexposition/titre-v-prevention-des-risques-dexposition-aux-rayonnements/chapitre-ii-prevention-des-risques-dexposition-aux-rayonnements-optiques-artificiels/annexes/annexe-ii.md",
    [UnfoldAll]
);

// its table 2.2: cells across rows and columns in every direction, superscripts;
// everything folded, the cursor on the table, unfolded
article!(
    annexe_ii_table_with_spans,
    "annexe-ii-rayonnements.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iv-prevention-de-certains-risques-dexposition/titre-v-prevention-des-risques-dexposition-aux-rayonnements/chapitre-ii-prevention-des-risques-dexposition-aux-rayonnements-optiques-artificiels/annexes/annexe-ii.md",
    [
        FoldAll, Down, Down, Down, Down, Down, Down, Down, Down, Unfold
    ]
);

// an annexe of tables
article!(
    annexe_iii_tables,
    "annexe-iii-rayonnements.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iv-prevention-de-certains-risques-dexposition/titre-v-prevention-des-risques-dexposition-aux-rayonnements/chapitre-ii-prevention-des-risques-dexposition-aux-rayonnements-optiques-artificiels/annexes/annexe-iii.md",
    [UnfoldAll]
);

// a short annexe in <font> and <center>
article!(
    annexe_i_font_and_center,
    "annexe-i-rayonnements.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-iv-prevention-de-certains-risques-dexposition/titre-v-prevention-des-risques-dexposition-aux-rayonnements/chapitre-ii-prevention-des-risques-dexposition-aux-rayonnements-optiques-artificiels/annexes/annexe-i.md",
    [UnfoldAll]
);

// a table hundreds of rows long
article!(
    long_table_of_courts,
    "annexe-r1422-4.md",
    "code-du-travail/partie-reglementaire/premiere-partie-les-relations-individuelles-de-travail/livre-iv-la-resolution-des-litiges-le-conseil-de-prudhommes/annexe/annexe-a-larticle-r1422-4.md",
    [UnfoldAll, PageDown]
);

// an annexe table with a header across columns
article!(
    annexe_table_with_colspan,
    "annexe-formation-continue.md",
    "code-du-travail/partie-reglementaire/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie/livre-iii-la-formation-professionnelle-continue/titre-ier-dispositions-generales/annexe/annexe.md",
    [UnfoldAll, Down]
);

// a two-column table of long cells
article!(
    table_of_derogations,
    "r3132-5.md",
    "code-du-travail/partie-reglementaire/troisieme-partie-duree-du-travail-salaire-interessement-participation-et-epargne-salariale/livre-ier-duree-du-travail-repos-et-conges/titre-iii-repos-et-jours-feries/chapitre-ii-repos-hebdomadaire/section-1-derogations/sous-section-2-derogations-au-repos-dominical/paragraphe-1-derogation-permanente-de-droit/r3132-5.md",
    [UnfoldAll, Down]
);

// a table of thresholds
article!(
    accounts_table,
    "d2315-40.md",
    "code-du-travail/partie-reglementaire/deuxieme-partie-les-relations-collectives-de-travail/livre-iii-les-institutions-representatives-du-personnel/titre-ier-comite-social-et-economique/chapitre-v-fonctionnement/section-3-dispositions-particulieres-des-entreprises-dau-moins-cinquante-salaries/sous-section-9-etablissement-et-controle-des-comptes-du-comite-social-et-economique/d2315-40.md",
    [UnfoldAll]
);

// cells holding only a no-break space
article!(
    table_with_blank_cells,
    "r4216-8.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-ii-dispositions-applicables-aux-lieux-de-travail/titre-ier-obligations-du-maitre-douvrage-pour-la-conception-des-lieux-de-travail/chapitre-vi-risques-dincendies-et-dexplosions-et-evacuation/section-2-degagements/r4216-8.md",
    [UnfoldAll]
);

// I, 1°, a) nested
article!(
    deep_enumeration,
    "l4161-1.md",
    "code-du-travail/partie-legislative/quatrieme-partie-sante-et-securite-au-travail/livre-ier-dispositions-generales/titre-vi-dispositions-relatives-a-la-prevention-des-effets-de-lexposition-a-certains-facteurs-de-risques-professionnels/chapitre-ier-facteurs-de-risques-professionnels/l4161-1.md",
    [UnfoldAll]
);

// the other code of the mirror, nested items
article!(
    crpa_enumeration,
    "r115-4.md",
    "code-des-relations-entre-le-public-et-ladministration/livre-ier-les-echanges-avec-ladministration/titre-ier-les-demandes-du-public-et-leur-traitement/chapitre-v-lutte-contre-la-fraude/r115-4.md",
    [UnfoldAll]
);

// 1er as a superscript
article!(
    superscripts,
    "l1225-16.md",
    "code-du-travail/partie-legislative/premiere-partie-les-relations-individuelles-de-travail/livre-ii-le-contrat-de-travail/titre-ii-formation-et-execution-du-contrat-de-travail/chapitre-v-maternite-paternite-adoption-et-education-des-enfants/section-1-protection-de-la-grossesse-et-de-la-maternite/sous-section-3-autorisations-dabsence-et-conge-de-maternite/l1225-16.md",
    [UnfoldAll]
);

// a long article that is mostly one table of long cells, as it opens
article!(
    bdese_table_of_long_cells,
    "r2312-9.md",
    "code-du-travail/partie-reglementaire/deuxieme-partie-les-relations-collectives-de-travail/livre-iii-les-institutions-representatives-du-personnel/titre-ier-comite-social-et-economique/chapitre-ii-attributions/section-3-attributions-du-comite-social-et-economique-dans-les-entreprises-dau-moins-cinquante-salaries/sous-section-2-modalites-dexercice-des-attributions-generales/paragraphe-2-base-de-donnees-economiques-sociales-et-environnementales/sous-paragraphe-1-organisation-et-contenu-suppletifs-de-la-base-de-donnees-economiques-sociales-et-environnementales/r2312-9.md",
    []
);

// 1°, 2°… each after a <br/>
article!(
    br_separated_items,
    "r7123-12.md",
    "code-du-travail/partie-reglementaire/septieme-partie-dispositions-particulieres-a-certaines-professions-et-activites/livre-ier-journalistes-professionnels-professions-du-spectacle-de-laudiovisuel-de-la-publicite-et-de-la-mode/titre-ii-professions-du-spectacle-de-laudiovisuel-de-la-publicite-et-de-la-mode/chapitre-iii-mannequins-et-agences-de-mannequins/section-3-agences-de-mannequins/sous-section-1-licence-dagence-de-mannequins-et-declaration-prealable/paragraphe-1-delivrance-de-la-licence-et-declaration-prealable/r7123-12.md",
    [UnfoldAll]
);

// 75 bytes
article!(
    tiniest_article,
    "d5522-69.md",
    "code-du-travail/partie-reglementaire/cinquieme-partie-lemploi/livre-v-dispositions-relatives-a-loutre-mer/titre-ii-guadeloupe-guyane-martinique-mayotte-la-reunion-saint-barthelemy-saint-martin-et-saint-pierre-et-miquelon/chapitre-ii-dispositifs-en-faveur-de-lemploi/section-2-aides-a-la-creation-dentreprise/sous-section-2-aide-au-projet-initiative-jeune/paragraphe-2-aide-de-creation-ou-reprise-dentreprise/d5522-69.md",
    []
);

// L5214-1 A
article!(
    number_with_a_letter,
    "l5214-1-a.md",
    "code-du-travail/partie-legislative/cinquieme-partie-lemploi/livre-ii-dispositions-applicables-a-certaines-categories-de-travailleurs/titre-ier-travailleurs-handicapes/chapitre-iv-institutions-et-organismes-concourant-a-linsertion-professionnelle-des-handicapes/section-1-a-pilotage-des-politiques-en-faveur-de-lemploi-des-personnes-handicapees/l5214-1-a.md",
    []
);

// <strong> in the text
article!(
    bold_text,
    "d3171-9.md",
    "code-du-travail/partie-reglementaire/troisieme-partie-duree-du-travail-salaire-interessement-participation-et-epargne-salariale/livre-ier-duree-du-travail-repos-et-conges/titre-vii-controle-de-la-duree-du-travail-et-des-repos/chapitre-ier-controle-de-la-duree-du-travail/section-1-definition-des-horaires-et-affichages/sous-section-2-salaries-ne-travaillant-pas-selon-le-meme-horaire-collectif/d3171-9.md",
    [UnfoldAll]
);

// a table after <center> text
article!(
    table_in_center,
    "r4222-6.md",
    "code-du-travail/partie-reglementaire/quatrieme-partie-sante-et-securite-au-travail/livre-ii-dispositions-applicables-aux-lieux-de-travail/titre-ii-obligations-de-lemployeur-pour-lutilisation-des-lieux-de-travail/chapitre-ii-aeration-assainissement/section-2-locaux-a-pollution-non-specifique/r4222-6.md",
    [UnfoldAll, Bottom]
);

// a typical article, its items folded
article!(
    typical_article,
    "l6123-1.md",
    "code-du-travail/partie-legislative/sixieme-partie-la-formation-professionnelle-tout-au-long-de-la-vie/livre-ier-principes-generaux-et-organisation-institutionnelle-de-la-formation-et-de-lorientation-professionnelles/titre-ii-role-des-regions-de-letat-et-des-institutions-de-la-formation-professionnelle/chapitre-iii-coordination-et-regulation-des-politiques-de-lemploi-de-lorientation-et-de-la-formation-professionnelle/section-1-conseil-national-de-lorientation-et-de-la-formation-professionnelles-pour-le-developpement-des-competences/l6123-1.md",
    []
);

/// The articles of a code's former numbering (`partie-legislative-ancienne`,
/// `partie-reglementaire-ancienne-…`) say so at the head of the section trail, at
/// both sizes, down to 40x12.
#[test]
fn former_numbering_is_marked() {
    for (name, fixture, path) in [
        (
            "former_legislative",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l351-5-1.md"
            )),
            "code-du-travail/partie-legislative-ancienne/livre-iii-placement-et-emploi/titre-v-travailleurs-prives-demploi/chapitre-ier-garanties-de-ressources-des-travailleurs-prives-demploi/section-1-regime-dassurance/l351-5-1.md",
        ),
        (
            "former_regulatory",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/r742-39-ancien.md"
            )),
            "code-du-travail/partie-reglementaire-ancienne-decrets-en-conseil-detat/livre-vii-dispositions-particulieres-a-certaines-professions/titre-iv-transports-et-telecommunications/chapitre-ii-marins/section-7-controle-de-lembauche-des-marins/r742-39.md",
        ),
    ] {
        for (cols, rows) in [(80, 24), (40, 12)] {
            let shown = screen(path, fixture, (cols, rows), &[]);
            let trail = shown.lines().nth(1).unwrap_or_default();
            assert!(
                trail.starts_with("  Ancienne numérotation "),
                "{cols}x{rows}: {trail}"
            );
            insta::assert_snapshot!(format!("{name}_{cols}x{rows}"), shown);
        }
    }
}

/// The mark reads without colour: reverse and bold under NO_COLOR's theme, and
/// nothing of it on an article of today's numbering.
#[test]
fn the_former_numbering_mark_is_reverse_and_bold_without_colour() {
    use ratatui::style::Modifier;
    let marked_cells = |path: &str| {
        let article = Article::parse(
            path,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/l351-5-1.md"
            )),
            Citations::Now,
        );
        let app = App::new(Mirror::bundled(), article, (40, 12));
        let buffer = crate::support::screen::drawn_in(&app, &loi::screen::theme::Theme::plain());
        (0..40)
            .filter(|&x| {
                let cell = &buffer[(x, 1)];
                cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD)
            })
            .map(|x| buffer[(x, 1)].symbol().to_owned())
            .collect::<String>()
    };
    assert_eq!(
        marked_cells("code-x/partie-legislative-ancienne/livre-iii/l351-5-1.md"),
        " Ancienne numérotation "
    );
    assert_eq!(
        marked_cells("code-x/partie-legislative/livre-iii/l351-5-1.md"),
        ""
    );
}
