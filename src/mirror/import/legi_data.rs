//! The Légifrance API's JSON of a code, as `@socialgouv/legi-data` ships it: a tree of
//! `{"data": {…}, "type": "code" | "section" | "article", "children": […]}`, read as a
//! stream. Each article is handed over with the titles of the sections above it as
//! soon as its object closes, so memory holds one article, never the code.

use std::fmt;
use std::io::Read;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::{Deserialize, Deserializer};

/// What the reader meets, in order: the code first, then its articles.
pub enum Event<'a, D> {
    /// The code's own data; its articles follow unless the answer is [`Flow::Skip`].
    Code(&'a D),
    /// An article and the titles of the sections that hold it, outermost first.
    Article(D, &'a [String]),
}

/// Whether to read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    /// Skip this code's articles (it was not asked for).
    Skip,
}

/// What a node's data must say for the tree to be walked: a section's title.
pub trait Titled {
    fn title(&self) -> Option<&str>;
}

/// Why a code's JSON could not be read: the caller's own error stops the reading
/// and comes back as it was.
pub enum ReadError<E> {
    /// Not JSON, or not a legi-data code: the message says where (line, column).
    Shape(String),
    /// The stream failed (a damaged archive, a file cut short).
    Io(String),
    /// What `on` returned.
    Stopped(E),
}

/// Reads one code's JSON from `input`, calling `on` for the code and each article.
pub fn read<D, E>(
    input: &mut dyn Read,
    on: &mut dyn FnMut(Event<'_, D>) -> Result<Flow, E>,
) -> Result<(), ReadError<E>>
where
    D: DeserializeOwned + Titled,
{
    let mut stopped = None;
    let mut trail = Vec::new();
    let mut de = serde_json::Deserializer::from_reader(input);
    let seed = NodeSeed {
        depth: 0,
        trail: &mut trail,
        on,
        stopped: &mut stopped,
        data: PhantomData,
    };
    let read = seed.deserialize(&mut de).and_then(|()| de.end());
    match (read, stopped) {
        (_, Some(e)) => Err(ReadError::Stopped(e)),
        (Ok(()), None) => Ok(()),
        (Err(e), None) if e.is_io() || e.is_eof() => Err(ReadError::Io(e.to_string())),
        (Err(e), None) => Err(ReadError::Shape(e.to_string())),
    }
}

struct NodeSeed<'a, 'f, D, E> {
    depth: usize,
    trail: &'a mut Vec<String>,
    on: &'a mut dyn FnMut(Event<'_, D>) -> Result<Flow, E>,
    stopped: &'a mut Option<E>,
    data: PhantomData<&'f D>,
}

impl<'de, D: DeserializeOwned + Titled, E> DeserializeSeed<'de> for NodeSeed<'_, '_, D, E> {
    type Value = ();
    fn deserialize<De: Deserializer<'de>>(self, de: De) -> Result<(), De::Error> {
        de.deserialize_map(self)
    }
}

/// The keys of a node; anything else is skipped unread.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Data,
    Type,
    Children,
    #[serde(other)]
    Other,
}

impl<'de, D: DeserializeOwned + Titled, E> Visitor<'de> for NodeSeed<'_, '_, D, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a legi-data node: {\"data\", \"type\", \"children\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let NodeSeed {
            depth,
            trail,
            on,
            stopped,
            ..
        } = self;
        let mut data: Option<D> = None;
        let mut kind: Option<String> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Data => data = Some(map.next_value()?),
                Key::Type => kind = Some(map.next_value()?),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
                Key::Children => {
                    let Some(node) = data.as_ref() else {
                        return Err(de::Error::custom(
                            "a node's \"children\" come before its \"data\"",
                        ));
                    };
                    let mut skip = false;
                    if depth == 0 {
                        match on(Event::Code(node)) {
                            Ok(Flow::Go) => {}
                            Ok(Flow::Skip) => skip = true,
                            Err(e) => return Err(stop(stopped, e)),
                        }
                    } else {
                        trail.push(node.title().unwrap_or_default().to_owned());
                    }
                    if skip {
                        map.next_value::<IgnoredAny>()?;
                    } else {
                        map.next_value_seed(ChildrenSeed {
                            depth: depth + 1,
                            trail: &mut *trail,
                            on: &mut *on,
                            stopped: &mut *stopped,
                            data: PhantomData,
                        })?;
                    }
                    if depth > 0 {
                        trail.pop();
                    }
                }
            }
        }
        if depth == 0 && kind.as_deref() != Some("code") {
            return Err(de::Error::custom(
                "the top node is not a code (\"type\": \"code\")",
            ));
        }
        if kind.as_deref() == Some("article") {
            let Some(article) = data else {
                return Err(de::Error::custom("an article without \"data\""));
            };
            if let Err(e) = on(Event::Article(article, trail)) {
                return Err(stop(stopped, e));
            }
        }
        Ok(())
    }
}

fn stop<E, Er: de::Error>(slot: &mut Option<E>, e: E) -> Er {
    *slot = Some(e);
    Er::custom("stopped")
}

struct ChildrenSeed<'a, 'f, D, E> {
    depth: usize,
    trail: &'a mut Vec<String>,
    on: &'a mut dyn FnMut(Event<'_, D>) -> Result<Flow, E>,
    stopped: &'a mut Option<E>,
    data: PhantomData<&'f D>,
}

impl<'de, D: DeserializeOwned + Titled, E> DeserializeSeed<'de> for ChildrenSeed<'_, '_, D, E> {
    type Value = ();
    fn deserialize<De: Deserializer<'de>>(self, de: De) -> Result<(), De::Error> {
        de.deserialize_seq(self)
    }
}

impl<'de, D: DeserializeOwned + Titled, E> Visitor<'de> for ChildrenSeed<'_, '_, D, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of legi-data nodes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ChildrenSeed {
            depth,
            trail,
            on,
            stopped,
            ..
        } = self;
        while seq
            .next_element_seed(NodeSeed {
                depth,
                trail: &mut *trail,
                on: &mut *on,
                stopped: &mut *stopped,
                data: PhantomData,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// A date as the data writes it: milliseconds since 1970 (articles) or `YYYY-MM-DD`
/// (sections, codes). 2999-01-01 means "no end" and reads as `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Date(pub Option<String>);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<De: Deserializer<'de>>(de: De) -> Result<Self, De::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date (milliseconds or YYYY-MM-DD) or null")
            }
            fn visit_i64<Er: de::Error>(self, v: i64) -> Result<Date, Er> {
                Ok(Date::of(iso_day(v.div_euclid(86_400_000))))
            }
            fn visit_u64<Er: de::Error>(self, v: u64) -> Result<Date, Er> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_f64<Er: de::Error>(self, v: f64) -> Result<Date, Er> {
                // Whole milliseconds written with a fraction: the day is what counts.
                #[allow(clippy::cast_possible_truncation)]
                self.visit_i64(v as i64)
            }
            fn visit_str<Er: de::Error>(self, v: &str) -> Result<Date, Er> {
                Ok(Date::of(v.get(..10).unwrap_or(v).to_owned()))
            }
            fn visit_unit<Er: de::Error>(self) -> Result<Date, Er> {
                Ok(Date(None))
            }
            fn visit_none<Er: de::Error>(self) -> Result<Date, Er> {
                Ok(Date(None))
            }
        }
        de.deserialize_any(V)
    }
}

impl Date {
    fn of(day: String) -> Date {
        Date(Some(day).filter(|d| !d.starts_with("2999-")))
    }
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn iso_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
