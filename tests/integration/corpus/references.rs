//! Whole-corpus tests of references: links by mirror path and by legacy id, citations
//! in the text, and « cité par », on the real four-code mirror.

use crate::support::corpus as common;

use common::{articles, corpus, extract};

use loi::mirror::Mirror;
use loi::mirror::reference::{self, Target};
use loi::model::article::Citations;

use super::mirror::parse_all;

/// The four codes with every link left as Légifrance wrote it.
const LEGACY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/mirror-four-codes-legacy-links.tar.gz"
);

#[test]
fn every_mirror_path_link_resolves_to_its_own_file() {
    let mirror = Mirror::open(corpus()).expect("open corpus");
    let (mut checked, mut others, mut others_ok) = (0, 0, 0);
    for a in parse_all() {
        for (i, link) in a.links.iter().enumerate() {
            if !(link.href.starts_with('/') && link.href.ends_with(".md")) {
                continue;
            }
            let target = reference::resolve(&mirror, &a.path, link);
            // A link naming several articles is split: its first part is the file the
            // href names, the others are the other numbers of its text.
            let later_part = i > 0 && a.links[i - 1].href == link.href;
            if later_part {
                others += 1;
                others_ok += usize::from(target.is_ok());
                continue;
            }
            match target {
                Ok(Target::Article { path, .. }) => assert_eq!(format!("/{path}"), link.href),
                // A range: the href is one of its ends.
                Ok(Target::Many(paths)) => {
                    assert!(
                        paths.iter().any(|p| format!("/{p}") == link.href),
                        "{}",
                        link.href
                    )
                }
                other => panic!("{}: {} {other:?}", a.path, link.href),
            }
            checked += 1;
        }
    }
    assert!(checked > 10_000, "only {checked} mirror links");
    println!(
        "{checked} links to their own file; {others_ok} of {others} other numbers in split links resolve"
    );
    assert!(others_ok * 100 >= others * 95, "{others_ok} of {others}");
}

/// The same mirror with every link left as Légifrance wrote it: the code comes from
/// `cidTexte`, the number from the link's text. MANIFEST.tsv (read here, never by
/// loi) says which article each `idArticle` is.
#[test]
fn legacy_links_resolve_to_the_article_their_id_names() {
    let dir = extract(LEGACY);
    let manifest = std::fs::read_to_string(dir.path().join("MANIFEST.tsv")).expect("manifest");
    let mut by_id = std::collections::HashMap::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        by_id.insert(cols[2].to_owned(), cols[0].to_owned());
        by_id
            .entry(cols[3].to_owned())
            .or_insert_with(|| cols[0].to_owned());
    }
    let mirror = Mirror::open(dir.path()).expect("open");
    mirror.read_legacy_ids();
    let (mut total, mut right) = (0, 0);
    for rel in mirror.all_files() {
        let Ok(article) = mirror.article(&rel, Citations::Now) else {
            continue;
        };
        for (i, link) in article.links.iter().enumerate() {
            let Some(expected) = link.query("idArticle").and_then(|id| by_id.get(id)) else {
                continue;
            };
            // Only the first part of a link naming several articles is the id's article.
            if i > 0 && article.links[i - 1].href == link.href {
                continue;
            }
            total += 1;
            let target = reference::resolve(&mirror, &article.path, link);
            // A range is right when it holds the id's article (which is one of its
            // ends, not always the first).
            let ok = match &target {
                Ok(Target::Article { path, .. }) => path == expected,
                Ok(Target::Many(paths)) => paths.contains(expected),
                _ => false,
            };
            right += usize::from(ok);
            if !ok && std::env::var_os("LOI_SHOW_MISSES").is_some() {
                let name = expected.rsplit('/').next().unwrap_or_default();
                println!("miss: {:?} → {name}: {target:?}", link.text);
            }
        }
    }
    assert!(total > 33_000, "{total} legacy links into the mirror");
    println!("{right} of {total} legacy links resolve to their article");
    // 99.7% today. The rest: text and id disagree where no other link carries the id
    // (or most of those that do agree with the text), and a few texts with no number.
    assert!(
        right * 1000 >= total * 995,
        "{right} of {total} resolved to their article"
    );
}

/// The article numbers a link's text names, read by a scanner independent of the
/// detector (letters, optional dot, star and spaces, digits joined by hyphens, maybe a
/// lone capital).
fn labelled_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(boundary && matches!(chars[i], 'L' | 'R' | 'D' | 'A')) {
            i += 1;
            continue;
        }
        let mut prefix = chars[i].to_string();
        let mut k = i + 1;
        if chars.get(k) == Some(&'O') {
            prefix.push('O');
            k += 1;
        }
        while matches!(chars.get(k), Some('.' | '*' | ' ' | '\u{a0}' | '\u{202f}')) {
            if chars[k] == '*' {
                prefix.push('*');
            }
            k += 1;
        }
        let start = k;
        while chars
            .get(k)
            .is_some_and(|c| c.is_ascii_digit() || (*c == '-' && k > start))
        {
            k += 1;
        }
        let digits: String = chars[start..k].iter().collect();
        let mut digits = digits.trim_end_matches('-').to_owned();
        // `L. 5214-1 A`: a lone capital after the number is part of it.
        if chars.get(k) == Some(&' ')
            && chars.get(k + 1).is_some_and(char::is_ascii_uppercase)
            && !chars.get(k + 2).is_some_and(|c| c.is_alphanumeric())
        {
            digits.push(' ');
            digits.push(chars[k + 1]);
            k += 2;
        }
        if digits.contains('-') {
            out.push(format!("{prefix}{digits}"));
        }
        i = k.max(i + 1);
    }
    out
}

/// The texts of the real links are a labelled set: every number a link names should be
/// found by the plain-text detector run on the link's block with the tags stripped.
#[test]
fn the_citation_detector_finds_what_the_links_name() {
    use loi::model::article::citation::{self, Cite, Context};
    let (mut labelled, mut found) = (0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    for a in parse_all() {
        let mut ctx = Context::new(a.code_slug());
        for (index, block) in a.blocks.iter().enumerate() {
            let mut detected: Vec<String> = Vec::new();
            for f in citation::detect(&block.plain_text(), &mut ctx) {
                match f.cite {
                    Cite::Article { num, .. } => detected.push(num),
                    Cite::Range { from, to, .. } => detected.extend([from, to]),
                    _ => {}
                }
            }
            for link in a
                .links
                .iter()
                .filter(|l| l.block == index && !l.href.is_empty())
            {
                for num in labelled_numbers(&link.text) {
                    labelled += 1;
                    match detected.iter().position(|d| *d == num) {
                        Some(at) => {
                            detected.swap_remove(at);
                            found += 1;
                        }
                        None => misses.push(format!("{}: {}", a.path, link.text)),
                    }
                }
            }
        }
    }
    let recall = found as f64 * 100.0 / labelled as f64;
    println!("recall {found}/{labelled} = {recall:.2}%");
    for miss in misses.iter().take(40) {
        println!("missed: {miss}");
    }
    assert!(labelled > 15_000, "{labelled} numbers in link texts");
    assert!(recall >= 99.0, "recall {recall:.2}%");
}

/// The articles citing L5311-9, from `loi::mirror::backlinks`, are the files that name it: by a
/// link to its file or by its number in the text (`5311-9` not followed by more digits
/// or `-1`) below the heading, as a grep of the mirror finds them.
#[test]
fn the_articles_citing_l5311_9_agree_with_a_grep() {
    let mirror = Mirror::open(corpus()).expect("open");
    let target = mirror.find_number(None, "L5311-9").expect("L5311-9");
    let backlinks = loi::mirror::backlinks::Backlinks::load_or_build(&mirror);
    let mut found: Vec<String> = backlinks
        .of(&mirror, &target)
        .into_iter()
        .map(|c| c.path)
        .collect();
    found.dedup();
    let names_it = |text: &str| {
        text.match_indices("5311-9").any(|(at, m)| {
            let after = &text[at + m.len()..];
            let before = text[..at].chars().next_back();
            !after.starts_with(|c: char| c.is_ascii_digit())
                && !after.starts_with("-1")
                && !after.starts_with("-2")
                && !before.is_some_and(|c| c.is_ascii_digit() || c == '-')
        })
    };
    let mut grep: Vec<String> = articles()
        .into_iter()
        .filter(|p| *p != target)
        .filter(|p| {
            let text = std::fs::read_to_string(corpus().join(p)).unwrap_or_default();
            // The body: R5311-9's heading is no citation.
            names_it(text.split_once('\n').map_or("", |(_, body)| body))
        })
        .collect();
    grep.sort();
    assert!(grep.len() >= 10, "{grep:?}");
    assert_eq!(found, grep);
}

/// `loi links` over the whole legacy-links mirror writes the same rows on several
/// threads as on one, in the same order: the articles whose legacy links wait for
/// the mirror's ids among the others.
#[test]
fn links_on_several_threads_write_what_one_thread_writes() {
    let dir = extract(LEGACY);
    let run = |threads: usize| {
        let mirror = Mirror::open(dir.path()).expect("open");
        let mut out = Vec::new();
        let totals = loi::cli::links::run_on(&mirror, &[], false, &mut out, threads).expect("run");
        (String::from_utf8(out).expect("UTF-8"), totals)
    };
    let (one, one_totals) = run(1);
    let (three, three_totals) = run(3);
    assert!(one_totals.articles > 29_000, "{one_totals:?}");
    assert_eq!(three_totals, one_totals);
    let (a, b): (Vec<&str>, Vec<&str>) = (one.lines().collect(), three.lines().collect());
    assert_eq!(a.len(), b.len());
    if let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) {
        panic!("line {i}: one thread {:?}, three {:?}", a[i], b[i]);
    }
}
