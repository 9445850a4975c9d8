//! What was entered in each prompt (go-to, `/`, `s`, `@`), for ↑ to recall it in a
//! later run, as a shell's history: one JSON object in the data folder, a list per
//! prompt, oldest first. Kept small (an entry once, the newest [`KEEP`], each at most
//! [`LONGEST`] characters, no control character), and read with suspicion: a file
//! that is not a plain file of a sane size is not read, and one that is not such an
//! object reads as empty and is written over on the next entry.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::Path;

use crate::saved::store;

/// Entries kept per prompt.
pub const KEEP: usize = 100;
/// Characters kept of an entry.
pub const LONGEST: usize = 300;
/// A file larger than this is no file of loi's (4 prompts × KEEP × LONGEST × 4 bytes
/// is under 500 kB): not read.
const MAX_BYTES: u64 = 1 << 20;

/// Every prompt's entries, oldest first.
type Entries = BTreeMap<String, Vec<String>>;

/// The entries of `prompt` in `file`, oldest first; none when the file is missing,
/// damaged or not loi's.
pub fn load(file: &Path, prompt: &str) -> Vec<String> {
    read_all(file).remove(prompt).unwrap_or_default()
}

/// Adds `entry` as the newest of `prompt` (an equal older one removed, the oldest
/// dropped past [`KEEP`]), under the file's lock so that two `loi` at once lose
/// nothing. An entry blank once cleaned is not kept.
pub fn add(file: &Path, prompt: &str, entry: &str) -> io::Result<()> {
    let Some(entry) = clean(entry) else {
        return Ok(());
    };
    store::locked(file, || {
        let mut all = read_all(file);
        let list = all.entry(prompt.to_owned()).or_default();
        list.retain(|e| *e != entry);
        list.push(entry);
        let over = list.len().saturating_sub(KEEP);
        list.drain(..over);
        let text = serde_json::to_string_pretty(&all).map_err(io::Error::other)?;
        store::write_atomic(file, text.as_bytes())
    })
}

/// `entry` as it is kept: control characters out (a tab or line break a space),
/// trimmed, cut to [`LONGEST`] characters; `None` when nothing is left.
fn clean(entry: &str) -> Option<String> {
    let kept: String = entry
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let kept: String = kept.trim().chars().take(LONGEST).collect();
    (!kept.is_empty()).then_some(kept)
}

/// The whole file, each list cleaned as [`add`] keeps it (a file written by hand, or
/// by another program, holds what it likes); empty when it cannot be read as such.
fn read_all(file: &Path) -> Entries {
    // Never opened unless it is a plain file of a sane size: a FIFO would block, a
    // link to /dev/zero would be read for ever.
    match std::fs::metadata(file) {
        Ok(m) if m.is_file() && m.len() <= MAX_BYTES => {}
        _ => return Entries::new(),
    }
    let mut text = String::new();
    let read = std::fs::File::open(file).and_then(|f| f.take(MAX_BYTES).read_to_string(&mut text));
    if read.is_err() {
        return Entries::new();
    }
    let Ok(serde_json::Value::Object(all)) = serde_json::from_str(&text) else {
        return Entries::new();
    };
    all.into_iter()
        .filter_map(|(prompt, list)| {
            let serde_json::Value::Array(list) = list else {
                return None;
            };
            let mut kept: Vec<String> = Vec::new();
            for entry in list.iter().filter_map(|e| e.as_str()).filter_map(clean) {
                kept.retain(|e| *e != entry);
                kept.push(entry);
            }
            let over = kept.len().saturating_sub(KEEP);
            kept.drain(..over);
            Some((prompt, kept))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_oldest_first_each_once_per_prompt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        assert!(load(&file, "go-to").is_empty(), "no file yet");
        for e in ["L6123-1", "D313-14", "L6123-1", "  ", "\u{1b}[2J"] {
            add(&file, "go-to", e).expect("add");
        }
        add(&file, "find", "formation\tprofessionnelle\n").expect("add");
        assert_eq!(load(&file, "go-to"), ["D313-14", "L6123-1", "[2J"]);
        assert_eq!(load(&file, "find"), ["formation professionnelle"]);
        assert!(load(&file, "read-at").is_empty());
    }

    #[test]
    fn the_file_stays_small() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        for i in 0..KEEP + 20 {
            add(&file, "go-to", &format!("L{i}")).expect("add");
        }
        add(&file, "go-to", &"x".repeat(5 * LONGEST)).expect("add");
        let kept = load(&file, "go-to");
        assert_eq!(kept.len(), KEEP);
        assert_eq!(kept[0], "L21", "the oldest dropped");
        assert_eq!(kept[KEEP - 1].chars().count(), LONGEST);
    }

    #[test]
    fn a_damaged_or_hostile_file_reads_empty_and_is_written_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("prompts.json");
        for text in [
            "{not json",
            "[1, 2]",
            "{\"go-to\": 5}",
            "\u{0}\u{ff}garbage",
        ] {
            std::fs::write(&file, text).expect("write");
            assert!(load(&file, "go-to").is_empty(), "{text}");
        }
        // Kept as far as it is loi's: strings cleaned, the rest dropped.
        std::fs::write(
            &file,
            r#"{"go-to": ["a\u001bb", 3, "a\u001bb", "c"], "find": {}}"#,
        )
        .expect("write");
        assert_eq!(load(&file, "go-to"), ["ab", "c"]);
        std::fs::write(&file, "{not json").expect("write");
        add(&file, "go-to", "L1").expect("add over it");
        assert_eq!(load(&file, "go-to"), ["L1"]);
        // Too large: not read at all.
        let big = format!("{{\"go-to\": [\"{}\"]}}", "y".repeat(MAX_BYTES as usize));
        std::fs::write(&file, big).expect("write");
        assert!(load(&file, "go-to").is_empty());
    }

    #[test]
    fn a_fifo_is_never_opened() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("prompts.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // Opened, a FIFO with no writer would block for ever: this returns at once.
        assert!(load(&fifo, "go-to").is_empty());
    }
}
