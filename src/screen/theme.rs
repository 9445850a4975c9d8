//! The styles of the screen, in one place, for a dark or a light background, in 256
//! colours, 16 colours or none. Every distinction also shows without colour:
//! references are underlined (a dead one is italic, not underlined), the cursor is a
//! bar, folds have signs, the status line is reversed, matches are reversed.
//!
//! Which palette ([`Depth`]), from the environment, in this order:
//! - `NO_COLOR` set and not empty (no-color.org): no colour at all, only bold,
//!   italic, underline and reverse;
//! - `COLORTERM` is `truecolor` or `24bit`, or `TERM` ends in `-256color` (or
//!   `-direct`): 256 colours;
//! - otherwise (`xterm`, `screen`, `linux`, `vt100`, no `TERM`…): the 16 ANSI colours.
//!
//! Which background: `--theme` or `LOI_THEME` (`dark` or `light`), else `COLORFGBG`
//! (set by rxvt, Konsole and others: a background of 7 or 15 is light), else dark.
//! Both themes stay readable on the other background: no yellow or white text in the
//! light one, no black or blue text in the dark one, and a match sets both its colours.

use ratatui::style::{Color, Modifier, Style};

/// The sign before a folded item.
pub const SIGN_FOLDED: &str = "▸";
/// The sign before an unfolded item that can fold.
pub const SIGN_UNFOLDED: &str = "▾";
/// The bar left of the block under the cursor.
pub const CURSOR: &str = "▌";

/// The background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    #[default]
    Dark,
    Light,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// `NO_COLOR`: attributes only.
    None,
    /// The 16 ANSI colours.
    Sixteen,
    /// The 256-colour palette.
    Full,
}

/// The named styles of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The article's heading.
    pub title: Style,
    /// The section trail and the navigation trail.
    pub dim: Style,
    /// The rule under the header.
    pub rule: Style,
    /// The bar left of the block under the cursor.
    pub cursor_bar: Style,
    /// Fold signs, a wide table's `‹ ›`, the prompt's marks.
    pub sign: Style,
    /// `(+3 lines)` after a folded item.
    pub fold_count: Style,
    pub link: Style,
    pub link_selected: Style,
    /// A reference that leads nowhere in this mirror: not underlined, so it reads
    /// apart without colour too.
    pub link_dead: Style,
    pub link_dead_selected: Style,
    /// A match of the search; the current one also bold and underlined.
    pub match_other: Style,
    pub match_current: Style,
    pub bold: Style,
    pub status: Style,
    pub status_error: Style,
    pub help_key: Style,
    /// The mark of an article of a former numbering: reverse and bold, so that it
    /// stands out with no colour at all. The banner over an article not in force
    /// takes it too.
    pub former: Style,
    /// Words a version deleted (`[-…-]`) and inserted (`{+…+}`): the brackets say it
    /// without colour, the style makes it quick to see.
    pub deleted: Style,
    pub inserted: Style,
    /// Added to a reference's style when it leads to an article not in force on
    /// the reading date.
    pub link_lapsed: Style,
    /// A label over a reference (`f`): reverse and bold, so that it reads apart from
    /// the text with no colour; its letters already typed, bold only.
    pub hint: Style,
    pub hint_typed: Style,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::dark()
    }
}

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const UNDERLINED: Style = Style::new().add_modifier(Modifier::UNDERLINED);
const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);
const ITALIC: Style = Style::new().add_modifier(Modifier::ITALIC);
const CROSSED_OUT: Style = Style::new().add_modifier(Modifier::CROSSED_OUT);

impl Theme {
    /// For a dark background, in 256 colours.
    pub fn dark() -> Theme {
        Theme::new(Background::Dark, Depth::Full)
    }

    /// For a light background, in 256 colours.
    pub fn light() -> Theme {
        Theme::new(Background::Light, Depth::Full)
    }

    /// Attributes only, for `NO_COLOR`.
    pub fn plain() -> Theme {
        Theme::new(Background::Dark, Depth::None)
    }

    /// The theme for a background and a colour depth.
    pub fn new(background: Background, depth: Depth) -> Theme {
        // Accent (signs, cursor), reference, grey, match background, current match.
        let [accent, link, grey, found, current] = match (background, depth) {
            (_, Depth::None) => [Color::Reset; 5],
            (Background::Dark, Depth::Sixteen) => [
                Color::Yellow,
                Color::Cyan,
                Color::DarkGray,
                Color::Yellow,
                Color::LightRed,
            ],
            (Background::Light, Depth::Sixteen) => [
                Color::Magenta,
                Color::Blue,
                Color::DarkGray,
                Color::LightYellow,
                Color::LightRed,
            ],
            (Background::Dark, Depth::Full) => [
                Color::Indexed(179),
                Color::Indexed(81),
                Color::Indexed(245),
                Color::Indexed(179),
                Color::Indexed(209),
            ],
            (Background::Light, Depth::Full) => [
                Color::Indexed(130),
                Color::Indexed(25),
                Color::Indexed(242),
                Color::Indexed(228),
                Color::Indexed(216),
            ],
        };
        if depth == Depth::None {
            return Theme {
                title: BOLD,
                dim: Style::new(),
                rule: Style::new(),
                cursor_bar: Style::new(),
                sign: Style::new(),
                fold_count: Style::new(),
                link: UNDERLINED,
                link_selected: UNDERLINED.patch(REVERSED),
                link_dead: ITALIC,
                link_dead_selected: ITALIC.patch(REVERSED),
                match_other: REVERSED,
                match_current: REVERSED.patch(BOLD).patch(UNDERLINED),
                bold: BOLD,
                status: REVERSED,
                status_error: REVERSED.patch(BOLD),
                help_key: BOLD,
                former: REVERSED.patch(BOLD),
                deleted: CROSSED_OUT,
                inserted: BOLD,
                link_lapsed: CROSSED_OUT,
                hint: REVERSED.patch(BOLD),
                hint_typed: BOLD,
            };
        }
        Theme {
            title: BOLD,
            dim: Style::new().fg(grey),
            rule: Style::new().fg(grey),
            // Not bold: a block looks the same bold, and the bar then shares the
            // signs' style, so a bar and the sign after it need no style between.
            cursor_bar: Style::new().fg(accent),
            sign: Style::new().fg(accent),
            fold_count: Style::new().fg(grey),
            link: UNDERLINED.fg(link),
            link_selected: UNDERLINED.patch(REVERSED).fg(link),
            link_dead: ITALIC.fg(grey),
            link_dead_selected: ITALIC.patch(REVERSED).fg(grey),
            match_other: Style::new().fg(Color::Black).bg(found),
            match_current: BOLD.patch(UNDERLINED).fg(Color::Black).bg(current),
            bold: BOLD,
            status: REVERSED,
            status_error: REVERSED.patch(BOLD).fg(Color::Red),
            help_key: BOLD.fg(accent),
            former: REVERSED.patch(BOLD),
            deleted: CROSSED_OUT.fg(Color::Red),
            inserted: BOLD.fg(Color::Green),
            link_lapsed: CROSSED_OUT,
            hint: REVERSED.patch(BOLD).fg(accent),
            hint_typed: BOLD.fg(accent),
        }
    }

    /// The theme a name (`--theme`, or the config file's `theme`; `None` for no
    /// choice) and the environment (`env("NO_COLOR")`…) ask for; see the module's
    /// doc for the rules. An unknown name is taken as no choice.
    pub fn pick(name: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Theme {
        let depth = depth(&env);
        let named = |n: &str| match n.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(Background::Dark),
            "light" => Some(Background::Light),
            _ => None,
        };
        let background = name
            .and_then(named)
            .or_else(|| env("LOI_THEME").as_deref().and_then(named))
            .or_else(|| env("COLORFGBG").as_deref().map(background_of_colorfgbg))
            .unwrap_or_default();
        Theme::new(background, depth)
    }

    /// Whether any style of the theme sets a colour.
    pub fn has_colour(&self) -> bool {
        [
            self.title,
            self.dim,
            self.rule,
            self.cursor_bar,
            self.sign,
            self.fold_count,
            self.link,
            self.link_selected,
            self.link_dead,
            self.link_dead_selected,
            self.match_other,
            self.match_current,
            self.bold,
            self.status,
            self.status_error,
            self.help_key,
            self.former,
            self.deleted,
            self.inserted,
            self.link_lapsed,
            self.hint,
            self.hint_typed,
        ]
        .iter()
        .any(|s| s.fg.is_some_and(|c| c != Color::Reset) || s.bg.is_some_and(|c| c != Color::Reset))
    }
}

/// The colour depth the environment says the terminal has.
pub fn depth(env: &impl Fn(&str) -> Option<String>) -> Depth {
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return Depth::None;
    }
    let colorterm = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
    let term = env("TERM").unwrap_or_default().to_ascii_lowercase();
    if colorterm == "truecolor"
        || colorterm == "24bit"
        || term.ends_with("-256color")
        || term.ends_with("-direct")
    {
        Depth::Full
    } else {
        Depth::Sixteen
    }
}

/// `COLORFGBG` is `fg;bg` (sometimes `fg;default;bg`): ANSI colour numbers, where a
/// background of 7 (white) or 9–15 but 8 reads as light.
fn background_of_colorfgbg(value: &str) -> Background {
    match value
        .rsplit(';')
        .next()
        .and_then(|bg| bg.parse::<u8>().ok())
    {
        Some(7 | 9..=15) => Background::Light,
        _ => Background::Dark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn no_color_means_attributes_only() {
        let t = Theme::pick(
            Some("light"),
            env(&[("NO_COLOR", "1"), ("TERM", "xterm-256color")]),
        );
        assert_eq!(t, Theme::plain());
        assert!(!t.has_colour());
        assert!(t.link.add_modifier.contains(Modifier::UNDERLINED));
        // Empty NO_COLOR is as if unset (no-color.org).
        let t = Theme::pick(None, env(&[("NO_COLOR", ""), ("TERM", "xterm-256color")]));
        assert_eq!(t, Theme::dark());
        assert!(t.has_colour());
    }

    #[test]
    fn depth_from_term_and_colorterm() {
        assert_eq!(depth(&env(&[("TERM", "xterm-256color")])), Depth::Full);
        assert_eq!(depth(&env(&[("TERM", "screen-256color")])), Depth::Full);
        assert_eq!(
            depth(&env(&[("TERM", "xterm"), ("COLORTERM", "truecolor")])),
            Depth::Full
        );
        assert_eq!(depth(&env(&[("TERM", "xterm")])), Depth::Sixteen);
        assert_eq!(depth(&env(&[("TERM", "linux")])), Depth::Sixteen);
        assert_eq!(depth(&env(&[])), Depth::Sixteen);
        let t = Theme::pick(None, env(&[("TERM", "linux")]));
        assert_eq!(t.link.fg, Some(Color::Cyan));
    }

    #[test]
    fn background_from_the_name_then_loi_theme_then_colorfgbg() {
        let full = [("TERM", "xterm-256color")];
        assert_eq!(Theme::pick(Some("light"), env(&full)), Theme::light());
        assert_eq!(Theme::pick(Some("Dark"), env(&full)), Theme::dark());
        let with = |extra: (&'static str, &'static str)| Theme::pick(None, env(&[full[0], extra]));
        assert_eq!(with(("LOI_THEME", "light")), Theme::light());
        assert_eq!(with(("COLORFGBG", "0;15")), Theme::light());
        assert_eq!(with(("COLORFGBG", "15;default;0")), Theme::dark());
        assert_eq!(with(("COLORFGBG", "0;7")), Theme::light());
        assert_eq!(with(("COLORFGBG", "nonsense")), Theme::dark());
        // An unknown name is no choice.
        assert_eq!(Theme::pick(Some("solarized"), env(&full)), Theme::dark());
    }
}
