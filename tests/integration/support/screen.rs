//! The reader drawn as a test sees it: into ratatui's `TestBackend`, then read back as
//! text; and keys typed into an app by name, as `config.toml` writes them.

use loi::app::App;
use loi::app::action::Action;
use loi::app::keymap::{self, Keymap, Lookup, parse_keys};
use loi::screen::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The bundled sample's article D313-14, the one `loi` opens the first time.
pub const SEED: &str = "code-de-leducation/partie-reglementaire/deuxieme-partie-les-enseignements-scolaires/livre-iii-lorganisation-des-enseignements-scolaires/titre-ier-lorganisation-generale-des-enseignements/chapitre-iii-linformation-et-lorientation/d313-14.md";

/// The reader at `cols` x `rows` on the bundled sample's article at `path`, its
/// citations found.
pub fn sample(path: &str, cols: u16, rows: u16) -> App {
    let mirror = loi::mirror::Mirror::bundled();
    let article = mirror
        .article(path, loi::model::article::Citations::Now)
        .expect("an article of the bundled sample");
    App::new(mirror, article, (cols, rows))
}

/// `app` drawn at its size in `theme`.
pub fn drawn_in(app: &App, theme: &Theme) -> Buffer {
    let (cols, rows) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("test terminal");
    terminal
        .draw(|f| loi::screen::draw(f, app, theme))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// `app` drawn at its size in the default theme.
pub fn drawn(app: &App) -> Buffer {
    drawn_in(app, &Theme::default())
}

/// A buffer's text, one line per row, trailing blanks cut: the second cell of a wide
/// character is skipped, as a terminal shows it.
pub fn text_of(buffer: &Buffer) -> String {
    use unicode_width::UnicodeWidthStr;
    let area = buffer.area;
    let mut lines = Vec::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        lines.push(line.trim_end().to_owned());
    }
    lines.join("\n")
}

/// What `app` shows, as text.
pub fn screen(app: &App) -> String {
    text_of(&drawn(app))
}

/// Types `keys` into `app`, as the terminal loop would: names apart with spaces,
/// each as `config.toml` writes a key or a sequence (`Tab Tab Enter`, `zR`, `j`,
/// `Ctrl-e`), read with the default keymap, or as text while a prompt is open or
/// labels are shown (`f`).
pub fn keys(app: &mut App, keys: &str) {
    let map = Keymap::default();
    let mut pending = Vec::new();
    for name in keys.split(' ').filter(|n| !n.is_empty()) {
        for key in parse_keys(name).unwrap_or_else(|e| panic!("{name}: {e}")) {
            if app.typing() || app.hinting().is_some() {
                pending.clear();
                if let Some(action) = keymap::lookup_typing(key) {
                    app.update(action);
                }
                continue;
            }
            match map.lookup(&pending, key) {
                Lookup::Action(action) => {
                    pending.clear();
                    app.update(action);
                }
                Lookup::Pending => pending.push(key),
                Lookup::Unbound => pending.clear(),
            }
        }
    }
    // As the loop does once the keys pause: a prompt typed into answers.
    if app.answers_due() {
        app.update(Action::Idle);
    }
}

#[test]
fn keys_by_name_reach_the_app_as_the_keymap_reads_them() {
    let mut app = sample(SEED, 80, 24);
    keys(&mut app, "Tab Tab");
    assert!(
        app.current().view.selected.is_some(),
        "Tab selects a reference"
    );
    keys(&mut app, "?");
    assert_eq!(app.help_scroll(), Some(0));
    keys(&mut app, "Esc g");
    assert!(app.typing(), "g opens the go-to prompt");
    keys(&mut app, "D 3 1 3 - 1 4");
    assert_eq!(app.prompt().map(|p| p.text()), Some("D313-14"));
    keys(&mut app, "Esc zR");
    assert!(
        !app.current().view.folded.iter().any(|&f| f),
        "zR, a sequence, unfolds all"
    );
}
