//! What the mirror's own links say each Légifrance article id is.
//!
//! A legacy link carries the id of the article Légifrance links to (`idArticle=
//! LEGIARTI…`) and, in its text, the number its author wrote. They sometimes disagree
//! (text `L. 1253-19`, id of L1253-9), and nothing in a mirror maps an id to an
//! article: Légifrance's database does, and the reader has none. But an article is
//! usually cited by many links, and where several links carry one id, the number most
//! of them write is that id's article. Only the ids whose links disagree are kept (a
//! few hundred in a mirror of 30,000 articles): for every other link the text and the
//! votes say the same.
//!
//! Finding them reads the whole mirror once, parsing the articles that hold a legacy
//! link; the answer is kept in the cache folder beside the index it was built for, a
//! few lines of text.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use super::Mirror;
use crate::mirror::index::Index;
use crate::model::article::Citations;

const MAGIC: &str = "LOIIDS1";

/// The number the mirror's links give an id, where they do not all agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The number most links carrying the id write (`L1253-9`), as written.
    pub num: String,
    /// How many links write it, of how many carrying the id.
    pub votes: u32,
    pub links: u32,
}

/// The ids whose links disagree, with the reading most of them give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ids {
    by_id: HashMap<String, Reading>,
}

/// The numbers the legacy links read so far give each id: id → (normalised number →
/// (as written, links)). Counted by [`Ids::scan`], or by a build that reads every
/// article anyway (the backlinks), then made [`Ids`].
#[derive(Debug, Default)]
pub struct Votes(HashMap<String, HashMap<String, (String, u32)>>);

impl Votes {
    /// Counts the legacy links of `article` into a code of the mirror (only those can
    /// be corrected: the rest lead elsewhere whatever they say).
    pub fn count(&mut self, mirror: &Mirror, article: &crate::model::article::Article) {
        for link in article.links.iter().filter(|l| !l.later_part) {
            if !corrects(mirror, link) {
                continue;
            }
            let (Some(id), Some(num)) = (link.query("idArticle"), link.number()) else {
                continue;
            };
            self.0
                .entry(id.to_owned())
                .or_default()
                .entry(super::number_slug(&num.replace('*', "")))
                .or_insert((num, 0))
                .1 += 1;
        }
    }

    /// Adds what another thread counted.
    pub fn merge(&mut self, other: Votes) {
        for (id, nums) in other.0 {
            let into = self.0.entry(id).or_default();
            for (key, (num, n)) in nums {
                into.entry(key).or_insert((num, 0)).1 += n;
            }
        }
    }
}

impl Ids {
    /// The reading of `id` when its links disagree and most of them (two at least)
    /// agree on one number: evidence enough to say what the id is.
    pub fn get(&self, id: &str) -> Option<&Reading> {
        self.by_id.get(id)
    }

    /// How many ids have a reading.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// From the numbers each id's links give: the ids read two ways or more, where
    /// one number has at least two links and more than half of them.
    pub fn from_votes(votes: Votes) -> Ids {
        let by_id = votes
            .0
            .into_iter()
            .filter(|(_, nums)| nums.len() > 1)
            .filter_map(|(id, nums)| {
                let links: u32 = nums.values().map(|(_, n)| n).sum();
                let (num, votes) = nums
                    .into_values()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
                (votes >= 2 && votes * 2 > links).then_some((id, Reading { num, votes, links }))
            })
            .collect();
        Ids { by_id }
    }

    /// Every article of the mirror with a legacy link read, its links' numbers counted.
    /// One thread: reading the files is most of the time, as for grep, and more threads
    /// would each need a copy of the index
    /// (measured: docs/BENCHMARKS.md, « Figures behind the code »).
    pub fn scan(mirror: &Mirror) -> Ids {
        Ids::from_votes(count(mirror))
    }

    /// From the cache when it was built for the mirror's index as it is now.
    pub fn cached(mirror: &Mirror) -> Option<Ids> {
        let text = fs::read_to_string(cache_file(mirror)?).ok()?;
        Ids::decode(&text, &stamp(&mirror.index()))
    }

    /// From the cache, else read from the mirror and saved.
    pub fn load_or_build(mirror: &Mirror) -> Ids {
        if let Some(ids) = Ids::cached(mirror) {
            return ids;
        }
        let ids = Ids::scan(mirror);
        ids.save(mirror);
        ids
    }

    /// Keeps these in the cache folder for the mirror's index as it is now.
    pub fn save(&self, mirror: &Mirror) {
        if let Some(file) = cache_file(mirror) {
            // Not saved is only slower next time.
            let _ = crate::mirror::index::cache::save(
                &file,
                self.encode(&stamp(&mirror.index())).as_bytes(),
            );
        }
    }

    fn encode(&self, stamp: &str) -> String {
        let mut ids: Vec<_> = self.by_id.iter().collect();
        ids.sort_by_key(|(id, _)| *id);
        let mut out = stamp.to_owned();
        for (id, r) in ids {
            out.push_str(&format!("{id}\t{}\t{}\t{}\n", r.num, r.votes, r.links));
        }
        out
    }

    /// `None` for a file of another index or one that is damaged.
    fn decode(text: &str, stamp: &str) -> Option<Ids> {
        let body = text.strip_prefix(stamp)?;
        let mut by_id = HashMap::new();
        for line in body.lines() {
            let mut cols = line.split('\t');
            let (id, num) = (cols.next()?, cols.next()?);
            let votes = cols.next()?.parse().ok()?;
            let links = cols.next()?.parse().ok()?;
            by_id.insert(
                id.to_owned(),
                Reading {
                    num: num.to_owned(),
                    votes,
                    links,
                },
            );
        }
        Some(Ids { by_id })
    }
}

/// Whether the ids may correct `link`: a legacy link to an article of a code the mirror
/// holds (the rest lead elsewhere whatever they say).
pub fn corrects(mirror: &Mirror, link: &crate::model::article::Link) -> bool {
    link.href.contains("idArticle=")
        && link
            .query("cidTexte")
            .and_then(crate::model::codes::by_legitext)
            .is_some_and(|code| mirror.code_folder(code.slug).is_some())
}

/// The numbers the legacy links of every article give each id.
fn count(mirror: &Mirror) -> Votes {
    let index = mirror.index();
    let mut votes = Votes::default();
    let mut buf = Vec::new();
    // The `cidTexte=` of the mirror's codes, under any of their names: an article
    // without one has nothing to count, and its bytes say so without parsing it.
    let held: Vec<String> = crate::model::codes::all()
        .iter()
        .filter(|code| {
            crate::model::codes::same_text(code.slug)
                .iter()
                .any(|c| mirror.codes().iter().any(|held| held == c.slug))
        })
        .map(|code| format!("cidTexte={}", code.legitext))
        .collect();
    let finders: Vec<memchr::memmem::Finder> = held
        .iter()
        .map(|needle| memchr::memmem::Finder::new(needle.as_bytes()))
        .collect();
    for i in 0..index.len() {
        let Some(path) = index.entry(i).map(|e| e.path()) else {
            continue;
        };
        if mirror.read_bytes_into(&path, &mut buf).is_err()
            || memchr::memmem::find(&buf, b"idArticle=").is_none()
            || !finders.iter().any(|f| f.find(&buf).is_some())
        {
            continue;
        }
        if let Ok(article) = mirror.article(&path, Citations::Now) {
            votes.count(mirror, &article);
        }
    }
    votes
}

fn stamp(index: &Index) -> String {
    format!("{MAGIC} {:016x}\n", index.content_hash())
}

fn cache_file(mirror: &Mirror) -> Option<PathBuf> {
    let index = crate::mirror::index::cache::cache_file(mirror.root()?)?;
    let name = index.file_name()?.to_str()?.replace("index-", "ids-");
    Some(index.with_file_name(name).with_extension("tsv"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn votes(list: &[(&str, &[(&str, u32)])]) -> Votes {
        Votes(
            list.iter()
                .map(|(id, nums)| {
                    let nums = nums
                        .iter()
                        .map(|(n, v)| (n.to_lowercase(), ((*n).to_owned(), *v)))
                        .collect();
                    ((*id).to_owned(), nums)
                })
                .collect(),
        )
    }

    #[test]
    fn an_id_is_what_most_of_its_links_say_when_they_disagree() {
        let ids = Ids::from_votes(votes(&[
            ("A", &[("L1253-9", 5), ("L1253-19", 1)]),
            // All agree: nothing to keep.
            ("B", &[("L1", 7)]),
            // A tie, or a lone vote: no evidence either way.
            ("C", &[("L2", 1), ("L3", 1)]),
            ("D", &[("L4", 2), ("L5", 2)]),
            // Two of five is no majority.
            ("E", &[("L6", 2), ("L7", 1), ("L8", 1), ("L9", 1)]),
        ]));
        assert_eq!(
            ids.get("A"),
            Some(&Reading {
                num: "L1253-9".into(),
                votes: 5,
                links: 6
            })
        );
        for id in ["B", "C", "D", "E"] {
            assert_eq!(ids.get(id), None, "{id}");
        }
        assert_eq!(ids.len(), 1);
    }

    #[test]
    fn the_cache_reads_back_only_for_its_own_index() {
        let ids = Ids::from_votes(votes(&[
            ("LEGIARTI1", &[("L1253-9", 3), ("L1253-19", 1)]),
            ("LEGIARTI2", &[("R4532-11", 2), ("L4532-11", 1)]),
        ]));
        let text = ids.encode("LOIIDS1 00000000000000aa\n");
        assert_eq!(Ids::decode(&text, "LOIIDS1 00000000000000aa\n"), Some(ids));
        assert_eq!(Ids::decode(&text, "LOIIDS1 00000000000000bb\n"), None);
        assert_eq!(
            Ids::decode(
                "LOIIDS1 00000000000000aa\nLEGIARTI1\tL1\tx\t2\n",
                "LOIIDS1 00000000000000aa\n"
            ),
            None,
            "a damaged line is no answer"
        );
    }

    #[test]
    fn a_mirror_of_legacy_links_is_read_for_its_ids() {
        let dir = tempfile::tempdir().expect("temp");
        let code = dir.path().join("code-du-travail/partie");
        fs::create_dir_all(&code).expect("mkdir");
        let link = |id: &str, text: &str| {
            format!(
                "<a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle={id}&dateTexte=&categorieLien=cid'>{text}</a>"
            )
        };
        for (name, body) in [
            ("l1.md", link("LEGIARTI9", "L. 2")),
            ("l2.md", link("LEGIARTI9", "article L. 3")),
            ("l3.md", link("LEGIARTI9", "L. 3")),
            (
                "l4.md",
                format!(
                    "{} et {}",
                    link("LEGIARTI8", "L. 1"),
                    link("LEGIARTI9", "L. 3")
                ),
            ),
        ] {
            let num = name.trim_end_matches(".md").to_uppercase();
            fs::write(
                code.join(name),
                format!("# Article {num}\n\n<p>Voir {body}.</p>"),
            )
            .expect("write");
        }
        let mirror = Mirror::open(dir.path()).expect("open");
        let ids = Ids::scan(&mirror);
        assert_eq!(ids.get("LEGIARTI9").map(|r| r.num.as_str()), Some("L3"));
        assert_eq!(
            ids.get("LEGIARTI9").map(|r| (r.votes, r.links)),
            Some((3, 4))
        );
        assert_eq!(ids.get("LEGIARTI8"), None, "one reading only");
    }
}
