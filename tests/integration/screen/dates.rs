//! The law at a date on screen: an article's state in the header, the banner over one
//! not in force, its Nota, its versions and what changed, at 80x24 and 40x12, on the
//! LEGI fixtures (real articles of the CRPA, their versions and dates).

use crate::support::dated::reader;
use crate::support::screen::{keys, screen};

/// `@`, the date typed, Enter: what a reader does to read the law at `date`.
fn read_at(app: &mut loi::app::App, date: &str) {
    keys(app, "@");
    for c in date.chars() {
        app.update(loi::app::action::Action::Input(c));
    }
    keys(app, "Enter");
}

/// The header's third row: the rule, with the state in it, or the banner.
fn state_row(app: &loi::app::App) -> String {
    screen(app).lines().nth(2).unwrap_or_default().to_owned()
}

#[test]
fn an_article_in_force_says_since_when_and_ends_with_its_nota() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = reader("L100-1", cols, rows);
        assert!(
            state_row(&app).starts_with("─ En vigueur depuis le 1er janvier 2016"),
            "{}",
            screen(&app)
        );
        insta::assert_snapshot!(format!("in_force_{cols}x{rows}"), screen(&app));
        keys(&mut app, "G Enter j");
        let shown = screen(&app);
        assert!(shown.contains("▾ Nota"), "{shown}");
        assert!(shown.contains("ordonnance n° 2015-1341"), "{shown}");
        insta::assert_snapshot!(format!("nota_unfolded_{cols}x{rows}"), shown);
    }
}

#[test]
fn an_end_already_scheduled_is_said_and_a_banner_marks_the_article_after_it() {
    let mut app = reader("L300-4", 80, 24);
    assert_eq!(
        state_row(&app).trim_end_matches('─').trim_end(),
        "─ En vigueur jusqu'au 1er janvier 2031, puis abrogé"
    );
    insta::assert_snapshot!("scheduled_80x24", screen(&app));
    read_at(&mut app, "2031-06-01");
    let row = state_row(&app);
    assert!(
        row.starts_with(
            " NON EN VIGUEUR · Abrogé depuis le 1er janvier 2031 · lu au 1er juin 2031"
        ),
        "{row}"
    );
    insta::assert_snapshot!("repealed_80x24", screen(&app));
    let mut narrow = reader("L300-4", 40, 12);
    read_at(&mut narrow, "2031-06-01");
    assert!(state_row(&narrow).starts_with(" NON EN VIGUEUR · Abrogé"));
    insta::assert_snapshot!("repealed_40x12", screen(&narrow));
    // Back to today: the banner goes.
    read_at(&mut app, "");
    assert!(state_row(&app).starts_with("─ En vigueur jusqu'au"));
}

#[test]
fn a_banner_reads_without_colour() {
    let mut app = reader("L300-4", 80, 24);
    read_at(&mut app, "2031-06-01");
    let plain = loi::screen::theme::Theme::pick(None, |k| (k == "NO_COLOR").then(|| "1".into()));
    let buffer = crate::support::screen::drawn_in(&app, &plain);
    let cell = &buffer[(1, 2)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "the banner is reversed, not coloured: {cell:?}"
    );
}

#[test]
fn reading_at_an_earlier_date_shows_the_version_of_that_day() {
    let mut app = reader("L300-2", 80, 24);
    let today = screen(&app);
    assert!(today.contains("prévisions, codes"), "{today}");
    read_at(&mut app, "2016-05-01");
    let then = screen(&app);
    assert!(
        state_row(&app).starts_with(
            "─ Version en vigueur du 1er janvier 2016 au 9 octobre 2016 · lu au 1er mai 2016"
        ),
        "{then}"
    );
    assert!(
        !then.contains("prévisions, codes"),
        "the text of 2016: {then}"
    );
    // A date before the article: not yet in force, a banner.
    read_at(&mut app, "2010-01-01");
    assert!(
        state_row(&app).starts_with(" NON EN VIGUEUR · Pas encore en vigueur"),
        "{}",
        screen(&app)
    );
    // A date that is none is refused, and the date stays.
    read_at(&mut app, "2010-02-30");
    assert!(screen(&app).contains("is no date"), "{}", screen(&app));
    assert_eq!(app.reading_date(), "2010-01-01");
}

#[test]
fn the_versions_list_opens_a_version_and_marks_it() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = reader("L300-2", cols, rows);
        keys(&mut app, "V");
        let list = screen(&app);
        assert!(list.contains("Versions de l'article L300-2 (2)"), "{list}");
        assert!(
            list.contains("affichée : depuis le 9 octobre 2016"),
            "{list}"
        );
        insta::assert_snapshot!(format!("versions_{cols}x{rows}"), list);
        keys(&mut app, "k Enter");
        let old = screen(&app);
        assert!(
            state_row(&app).starts_with(" PAS LA VERSION DU"),
            "a version not of the reading date is marked: {old}"
        );
        assert!(!old.contains("prévisions, codes"), "{old}");
        keys(&mut app, "Backspace");
        assert!(screen(&app).contains("─ En vigueur depuis le 9 octobre 2016"));
    }
}

#[test]
fn the_texts_that_made_an_article_are_one_key_away() {
    let mut app = reader("L100-1", 80, 24);
    keys(&mut app, "i");
    let list = screen(&app);
    assert!(list.contains("Textes de l'article L100-1"), "{list}");
    assert!(
        list.contains("Créé par Ordonnance n°2015-1341 du 23 octobre 2015 - art. 1"),
        "{list}"
    );
    assert!(list.contains("Codifié par"), "{list}");
}

#[test]
fn what_changed_in_a_version_is_marked_word_by_word_and_reads_without_colour() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = reader("L300-2", cols, rows);
        keys(&mut app, "=");
        let shown = screen(&app);
        assert!(
            state_row(&app).starts_with("─ Modifications du 9 octobre 2016"),
            "{shown}"
        );
        // L300-2 gained « , codes sources » on 9 October 2016.
        let joined = shown
            .split_whitespace()
            .filter(|w| *w != "▌")
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            joined.contains("prévisions{+, codes sources+} et décisions"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("compared_{cols}x{rows}"), shown);
        keys(&mut app, "Backspace");
        assert!(state_row(&app).starts_with("─ En vigueur depuis le 9 octobre 2016"));
    }
    // Its first version has nothing before it.
    let mut app = reader("L300-2", 80, 24);
    keys(&mut app, "V k Enter =");
    assert!(screen(&app).contains("first version"), "{}", screen(&app));
}

#[test]
fn a_version_the_mirror_lacks_is_said_and_the_current_text_marked_as_such() {
    // The fixtures' mirror, less the text of L300-2's first version.
    let copy = tempfile::tempdir().expect("temp dir");
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(format!(
            "{}/.",
            crate::support::dated::legi_mirror().display()
        ))
        .arg(copy.path())
        .status()
        .expect("cp");
    assert!(copied.success());
    let versions = copy
        .path()
        .join(".loi/versions")
        .join(crate::support::dated::CODE);
    std::fs::remove_file(versions.join("LEGIARTI000031367689.html")).expect("the version's text");
    let mirror = loi::mirror::Mirror::open(copy.path()).expect("opens");
    let path = mirror
        .find_named(crate::support::dated::CODE, "l300-2.md")
        .remove(0);
    let article = mirror
        .article(&path, loi::model::article::Citations::Later)
        .expect("reads");
    let mut app = loi::app::App::new(mirror, article, (80, 24));
    read_at(&mut app, "2016-05-01");
    let row = state_row(&app);
    assert!(
        row.starts_with(" TEXTE ACTUEL : CELUI DU 1ER MAI 2016 MANQUE · Version en vigueur du"),
        "{row}"
    );
    assert!(
        screen(&app).contains("prévisions, codes"),
        "today's text, marked"
    );
    keys(&mut app, "=");
    assert!(
        screen(&app).contains("No comparison: this mirror lacks"),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_reference_to_an_article_not_in_force_that_day_is_struck_and_said() {
    let mut app = reader("L330-1", 80, 24);
    read_at(&mut app, "2015-06-01");
    for _ in 0..10 {
        app.update(loi::app::action::Action::Idle);
    }
    keys(&mut app, "Tab");
    let status = screen(&app).lines().last().unwrap_or_default().to_owned();
    assert!(
        status.contains("L. 300-2 → L300-2 (pas encore en vigueur"),
        "{status}"
    );
    let buffer = crate::support::screen::drawn(&app);
    let text = crate::support::screen::text_of(&buffer);
    let (row, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("L. 300-2"))
        .expect("the reference is on screen");
    let col = line[..line.find("L. 300-2").expect("there")]
        .chars()
        .count();
    let cell = &buffer[(
        u16::try_from(col).expect("a column"),
        u16::try_from(row).expect("a row"),
    )];
    assert!(
        cell.modifier
            .contains(ratatui::style::Modifier::CROSSED_OUT),
        "{cell:?}"
    );
    // Today both are in force: nothing struck.
    read_at(&mut app, "");
    for _ in 0..10 {
        app.update(loi::app::action::Action::Idle);
    }
    let buffer = crate::support::screen::drawn(&app);
    let cell = &buffer[(
        u16::try_from(col).expect("a column"),
        u16::try_from(row).expect("a row"),
    )];
    assert!(
        !cell
            .modifier
            .contains(ratatui::style::Modifier::CROSSED_OUT)
    );
}
