//! `BROWSER` read as its convention says: a colon-separated list of commands, tried in
//! turn; in a command, `%s` stands for the address and `%%` for a `%`; a command with
//! no `%s` gets the address as its last word. No shell reads the words, and the
//! address is a [`crate::model::web::Address`] (it starts with `https://`), so nothing
//! of it can become an option or a second command.

use crate::model::web::Address;

/// Browsers that draw in the terminal: loi gives them its terminal and waits for them
/// (`www-browser` is Debian's name for the text browser chosen).
const IN_TERMINAL: &[&str] = &[
    "lynx",
    "w3m",
    "elinks",
    "links",
    "links2",
    "browsh",
    "carbonyl",
    "www-browser",
];

/// One command of the list: its words, as `BROWSER` writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command(Vec<String>);

/// The commands of a `BROWSER` value, empty ones left out.
pub fn commands(value: &str) -> Vec<Command> {
    value
        .split(':')
        .map(|c| c.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .filter(|words| !words.is_empty())
        .map(Command)
        .collect()
}

impl Command {
    /// The program, as written (`firefox`, `/usr/bin/lynx`).
    pub fn program(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }

    /// The program's own name, without its folder.
    pub fn name(&self) -> &str {
        let program = self.program();
        program.rsplit('/').next().unwrap_or(program)
    }

    /// Whether it is a browser that draws in the terminal, by its name.
    pub fn in_terminal(&self) -> bool {
        IN_TERMINAL.contains(&self.name())
    }

    /// The arguments after the program: `%s` replaced by the address and `%%` by `%`,
    /// else the address added last.
    pub fn args(&self, address: &Address) -> Vec<String> {
        let mut placed = false;
        let mut args: Vec<String> = self
            .0
            .iter()
            .skip(1)
            .map(|word| {
                let mut out = String::new();
                let mut chars = word.chars();
                while let Some(c) = chars.next() {
                    if c != '%' {
                        out.push(c);
                        continue;
                    }
                    match chars.next() {
                        Some('s') => {
                            out.push_str(address.as_str());
                            placed = true;
                        }
                        Some('%') => out.push('%'),
                        Some(other) => {
                            out.push('%');
                            out.push(other);
                        }
                        None => out.push('%'),
                    }
                }
                out
            })
            .collect();
        if !placed {
            args.push(address.as_str().to_owned());
        }
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> Address {
        Address::checked(
            "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000018499188?a=%41",
        )
        .expect("an address")
    }

    #[test]
    fn a_list_of_commands_tried_in_turn() {
        let list = commands("firefox --new-tab:: /usr/bin/lynx -dump :");
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].program(), "firefox");
        assert_eq!(list[1].program(), "/usr/bin/lynx");
        assert_eq!(list[1].name(), "lynx");
        assert!(list[1].in_terminal() && !list[0].in_terminal());
        assert!(commands(" : ").is_empty());
    }

    #[test]
    fn the_address_goes_where_percent_s_says_else_last() {
        let a = address();
        let s = a.as_str();
        assert_eq!(commands("firefox --new-tab")[0].args(&a), ["--new-tab", s]);
        assert_eq!(
            commands("chromium --app=%s --x")[0].args(&a),
            [format!("--app={s}").as_str(), "--x"]
        );
        // `%%` is a `%`, and the address's own `%41` is not read again.
        assert_eq!(commands("open 100%% %s %d")[0].args(&a), ["100%", s, "%d"]);
        assert_eq!(commands("open %s %s")[0].args(&a), [s, s]);
        assert_eq!(commands("x-www-browser")[0].args(&a), [s]);
    }
}
