//! The language loi speaks, French or English, and the two macros every text of the
//! interface is written with: [`tr!`](crate::tr) and [`trf!`](crate::trf) take the
//! English and the French side by side, so that the compiler refuses a text that
//! lacks one, and the house's test (tests/integration/house/words.rs) one whose
//! French is left as the English or breaks French typography.
//!
//! The choice is made once, at start, from the command line, config.toml and the
//! locale ([`Lang::from_env`], read as GNU gettext reads it), and kept for the
//! process, as `setlocale` does; a thread may speak another for itself
//! ([`set_here`]), which is how tests of both languages run side by side. Pure: the
//! environment is handed in, never read here.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the interface. The law's own words (« en vigueur », « Nota », a
/// code's title) are French in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// What loi speaks when the locale says nothing of French.
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language a setting or a locale names: `fr`, `fr_FR.UTF-8`, `fr_BE@euro`,
    /// `français` are French; `en`, `en_GB`, `C`, `POSIX` English; anything else
    /// `None` (a language loi does not speak).
    pub fn parse(text: &str) -> Option<Lang> {
        let text = text.trim();
        let name: String = text
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default()
            .to_lowercase();
        match name.as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the locale asks for, read as GNU programs read it: `LANGUAGE`
    /// (a list, `de:fr:en`: its first language loi speaks), then `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`; an empty variable is skipped, and the first one set
    /// decides. A locale of a language loi does not speak (`de_DE`) gives English.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        if let Some(list) = set("LANGUAGE")
            && let Some(lang) = list.split(':').find_map(Lang::parse)
        {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| set(name))
            .and_then(|locale| Lang::parse(&locale))
            .unwrap_or_default()
    }

    /// How a setting writes it: `fr`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// The process's language, as `Lang as u8`; threads start with it.
static CHOSEN: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// This thread's language, from [`CHOSEN`] when the thread first speaks.
    static HERE: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn from_u8(n: u8) -> Lang {
    if n == 1 { Lang::Fr } else { Lang::En }
}

/// The language texts are written in now.
pub fn current() -> Lang {
    HERE.with(|here| match here.get() {
        Some(lang) => lang,
        None => from_u8(CHOSEN.load(Ordering::Relaxed)),
    })
}

/// Chooses the language of the process (every thread that has not chosen its own),
/// and of this thread. Called once, at start, before any text is written.
pub fn set(lang: Lang) {
    CHOSEN.store(lang as u8, Ordering::Relaxed);
    HERE.with(|here| here.set(Some(lang)));
}

/// Chooses the language of this thread only: a test of the French screens runs
/// beside one of the English ones.
pub fn set_here(lang: Lang) {
    HERE.with(|here| here.set(Some(lang)));
}

/// A text in both languages, as a `&'static str`: `tr!("Keys", "Touches")`. For a
/// text with values in it, [`trf!`](crate::trf).
#[macro_export]
macro_rules! tr {
    ($en:literal, $fr:literal $(,)?) => {
        match $crate::model::lang::current() {
            $crate::model::lang::Lang::En => $en,
            $crate::model::lang::Lang::Fr => $fr,
        }
    };
}

/// A text with values in both languages, as a `String`, each side written as
/// `format!` writes it: `trf!("match {n} of {of}", "résultat {n} sur {of}")`.
#[macro_export]
macro_rules! trf {
    ($en:literal, $fr:literal $(, $($arg:tt)*)?) => {
        match $crate::model::lang::current() {
            $crate::model::lang::Lang::En => format!($en $(, $($arg)*)?),
            $crate::model::lang::Lang::Fr => format!($fr $(, $($arg)*)?),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_locale_is_read_in_gnu_order_and_an_empty_variable_is_skipped() {
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "C")])),
            Lang::En,
            "LC_ALL comes before LANG"
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "fr_CA.UTF-8")])),
            Lang::Fr,
            "an empty LC_ALL is skipped"
        );
        assert_eq!(
            Lang::from_env(env(&[("LANGUAGE", "de:fr:en"), ("LANG", "en_US.UTF-8")])),
            Lang::Fr,
            "LANGUAGE's first language spoken decides"
        );
        assert_eq!(
            Lang::from_env(env(&[("LANGUAGE", "de"), ("LANG", "fr_BE@euro")])),
            Lang::Fr,
            "a LANGUAGE of none spoken gives way to the locale"
        );
        assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::En);
    }

    #[test]
    fn settings_name_a_language_in_any_usual_way() {
        for fr in ["fr", "FR", "fr_FR.UTF-8", "français", "french"] {
            assert_eq!(Lang::parse(fr), Some(Lang::Fr), "{fr}");
        }
        for en in ["en", "en_GB", "C", "POSIX", "english"] {
            assert_eq!(Lang::parse(en), Some(Lang::En), "{en}");
        }
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn a_thread_speaks_its_own_language_and_the_macros_follow_it() {
        set_here(Lang::Fr);
        assert_eq!(crate::tr!("Keys", "Touches"), "Touches");
        let n = 3;
        assert_eq!(crate::trf!("{n} keys", "{n} touches"), "3 touches");
        set_here(Lang::En);
        assert_eq!(crate::tr!("Keys", "Touches"), "Keys");
        std::thread::spawn(|| {
            set_here(Lang::Fr);
        })
        .join()
        .unwrap();
        assert_eq!(current(), Lang::En, "another thread's choice is its own");
    }
}
