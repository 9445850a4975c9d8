//! What the caches' freshness check costs (issue 22, item 1): a stat of each folder
//! (the name index) and of each article file (the word index, the backlinks), as a
//! search or « cité par » makes it, timed warm over several runs.
//!
//!     cargo run --release --example fresh-check -- MIRROR [RUNS]

use std::time::Instant;

use loi::mirror::Mirror;
use loi::mirror::index::stamps;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: fresh-check MIRROR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let Ok(mirror) = Mirror::open(std::path::Path::new(&root)) else {
        eprintln!("no mirror at {root}");
        std::process::exit(2);
    };
    let index = mirror.index();
    let root = mirror
        .root()
        .map(std::path::Path::to_owned)
        .unwrap_or_default();
    println!(
        "{} articles, {} folders, the index current: {}",
        index.len(),
        index.dir_count(),
        stamps::dirs_current(&root, &index)
    );
    let time = |what: &str, f: &dyn Fn()| {
        f();
        let mut all: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        all.sort_by(f64::total_cmp);
        println!(
            "{what}: median {:.1} ms, min {:.1} ms",
            all[runs / 2],
            all[0]
        );
    };
    time("folders (name index)", &|| {
        std::hint::black_box(stamps::dirs_current(&root, &index));
    });
    time("files (words, backlinks)", &|| {
        std::hint::black_box(stamps::files(&root, &index, None));
    });
}
