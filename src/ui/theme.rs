//! The styles of the screen, in one place. Every distinction also shows without
//! colour: references are underlined, the cursor is a bar, folds have signs.

use ratatui::style::{Color, Modifier, Style};

pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const RULE: Style = Style::new().fg(Color::DarkGray);
pub const CURSOR_BAR: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const SIGN: Style = Style::new().fg(Color::Yellow);
pub const FOLD_COUNT: Style = Style::new().fg(Color::DarkGray);
pub const LINK: Style = Style::new()
    .fg(Color::Cyan)
    .add_modifier(Modifier::UNDERLINED);
pub const LINK_SELECTED: Style = Style::new()
    .fg(Color::Cyan)
    .add_modifier(Modifier::UNDERLINED)
    .add_modifier(Modifier::REVERSED);
/// A reference that leads nowhere in this mirror: not underlined, so it reads apart
/// without colour too.
pub const LINK_DEAD: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC);
pub const LINK_DEAD_SELECTED: Style = Style::new()
    .fg(Color::DarkGray)
    .add_modifier(Modifier::ITALIC)
    .add_modifier(Modifier::REVERSED);
/// A match of the search; the current one also bold and underlined, so that it
/// stands out without colour.
pub const MATCH: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
pub const MATCH_CURRENT: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::LightRed)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
pub const STATUS: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const STATUS_ERROR: Style = Style::new()
    .fg(Color::Red)
    .add_modifier(Modifier::REVERSED)
    .add_modifier(Modifier::BOLD);
pub const HELP_KEY: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);

/// The sign before a folded item.
pub const SIGN_FOLDED: &str = "▸";
/// The sign before an unfolded item that can fold.
pub const SIGN_UNFOLDED: &str = "▾";
/// The bar left of the block under the cursor.
pub const CURSOR: &str = "▌";
