//! The user's files read with suspicion. One that cannot be read (a folder, a FIFO,
//! no permission, larger than any of loi's) is an error, so that nothing is written
//! over it. One that reads but is damaged (torn, edited by hand) is kept aside as
//! `NAME.damaged-DATE`, what could be read of it saved in its place, and the caller
//! told so that the user is. Entries loi does not know are kept as they are (raw JSON
//! values), so that a rewrite loses no field nor entry of another version of loi.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::de::{Deserializer as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::saved::store;

/// A file as read: what it holds, and where it was kept aside if it was damaged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded<T> {
    pub value: T,
    pub aside: Option<PathBuf>,
}

/// `file`'s JSON list, under its lock (held by the caller). A file that is not one is
/// damaged: kept aside, the elements read before the damage saved in its place.
pub fn list(file: &Path) -> io::Result<Loaded<Vec<Value>>> {
    load(file, |text| {
        let (whole, kept) = parse_list(text);
        (whole, Value::Array(kept))
    })
    .map(|l| Loaded {
        value: match l.value {
            Value::Array(list) => list,
            _ => Vec::new(),
        },
        aside: l.aside,
    })
}

/// `file`'s JSON object, under its lock (held by the caller). A file that is not one
/// is damaged: kept aside, the entries read before the damage saved in its place.
pub fn object(file: &Path) -> io::Result<Loaded<Map<String, Value>>> {
    load(file, |text| {
        let (whole, kept) = parse_object(text);
        (whole, Value::Object(kept))
    })
    .map(|l| Loaded {
        value: match l.value {
            Value::Object(map) => map,
            _ => Map::new(),
        },
        aside: l.aside,
    })
}

/// Reads `file` with `parse` (whether the text was whole, and what was read of it);
/// a damaged file is copied aside, then what was read written in its place: a kill
/// between the two leaves the damaged file in both places, never none.
fn load(file: &Path, parse: impl FnOnce(&str) -> (bool, Value)) -> io::Result<Loaded<Value>> {
    let bytes = store::read_bytes(file)?;
    let text = String::from_utf8_lossy(&bytes);
    if text.trim().is_empty() {
        return Ok(Loaded::default());
    }
    let valid_utf8 = matches!(text, std::borrow::Cow::Borrowed(_));
    let (whole, value) = parse(&text);
    if whole && valid_utf8 {
        return Ok(Loaded { value, aside: None });
    }
    let aside = aside_name(file);
    store::write_atomic(&aside, &bytes)?;
    let saved = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
    store::write_atomic(file, saved.as_bytes())?;
    Ok(Loaded {
        value,
        aside: Some(aside),
    })
}

/// `text` as a JSON list: whether it is one, whole, and its elements before any
/// damage (none when it is not a list at all).
pub fn parse_list(text: &str) -> (bool, Vec<Value>) {
    let mut kept = Vec::new();
    let whole = salvage(text, |de| de.deserialize_seq(Elements(&mut kept)));
    (whole, kept)
}

/// `text` as a JSON object: whether it is one, whole, and its entries before any
/// damage (none when it is not an object at all).
pub fn parse_object(text: &str) -> (bool, Map<String, Value>) {
    let mut kept = Map::new();
    let whole = salvage(text, |de| de.deserialize_map(Entries(&mut kept)));
    (whole, kept)
}

/// Runs `read` on `text`; whether it read all of it, and nothing after.
fn salvage(
    text: &str,
    read: impl FnOnce(
        &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
    ) -> Result<(), serde_json::Error>,
) -> bool {
    let mut de = serde_json::Deserializer::from_str(text);
    read(&mut de).and_then(|()| de.end()).is_ok()
}

/// Reads a JSON list's elements into the vector as they come: those before an error
/// are kept.
struct Elements<'a>(&'a mut Vec<Value>);

impl<'de> Visitor<'de> for Elements<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<Value>()? {
            self.0.push(v);
        }
        Ok(())
    }
}

/// Reads a JSON object's entries into the map as they come: those before an error
/// are kept.
struct Entries<'a>(&'a mut Map<String, Value>);

impl<'de> Visitor<'de> for Entries<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            self.0.insert(k, v);
        }
        Ok(())
    }
}

/// `NAME.damaged-2026-12-07-214005` beside `file`, one that does not exist yet
/// (`-2`, `-3`… after it when two are kept in the same second).
pub fn aside_name(file: &Path) -> PathBuf {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = crate::model::date::of_seconds(secs);
    let time = secs % 86_400;
    let stamp = format!(
        "{day}-{:02}{:02}{:02}",
        time / 3600,
        time / 60 % 60,
        time % 60
    );
    let mut base = file.as_os_str().to_owned();
    base.push(".damaged-");
    base.push(&stamp);
    let mut name = PathBuf::from(&base);
    let mut n = 2;
    while fs::symlink_metadata(&name).is_ok() {
        let mut next = base.clone();
        next.push(format!("-{n}"));
        name = PathBuf::from(next);
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests;
