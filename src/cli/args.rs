//! What `loi` accepts on its command line, declared for clap's derive, each help in
//! English and French side by side (`tr!`, read when the command is built, after the
//! language is chosen). clap's own words (headings, `Usage:`, `-h`…) are put in
//! French by [`words`](super::words).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::iso_date;
use crate::tr;

// Read French legal codes in the terminal: the help says it, in either language.
#[derive(Debug, Parser)]
#[command(
    name = "loi",
    version,
    subcommand_precedence_over_arg = true,
    about = tr!(
        "Read French legal codes in the terminal, from a local mirror",
        "Lire les codes juridiques français dans le terminal, depuis un miroir local"
    ),
    long_about = tr!(
        "Read French legal codes in the terminal, from a local mirror.\n\nWith no argument, \
         reopens the articles read last in this mirror, as they were left; the first time, \
         the list of the mirror's codes (of the sample mirror built into loi, without a \
         mirror of one's own). The mirror is --mirror, else \
         LOI_MIRROR, else `mirror` in config.toml (see --paths).",
        "Lire les codes juridiques français dans le terminal, depuis un miroir local.\n\nSans \
         argument, rouvre les articles lus en dernier dans ce miroir, tels qu'ils ont été \
         laissés ; la première fois, la liste des codes du miroir (du miroir d'exemple \
         intégré à loi, sans miroir à soi). Le \
         miroir est --mirror, sinon LOI_MIRROR, sinon `mirror` dans config.toml (voir --paths)."
    ),
    after_help = exit_codes()
)]
pub struct Cli {
    #[arg(long, env = "LOI_MIRROR", value_name = "DIR", global = true, help = tr!(
        "The mirror's folder: the one that holds the codes' folders",
        "Le dossier du miroir : celui qui contient les dossiers des codes"
    ))]
    pub mirror: Option<PathBuf>,

    #[arg(value_name = "ARTICLE", num_args = 0.., help = tr!(
        "The article: a path to its .md file, a number such as L6123-1, optionally after \
         the code's folder name (code-du-travail L6123-1), or a citation as lawyers write one \
         (\"art. L. 1234-9 C. trav.\", CSS L. 242-1, \"L. 1233-3, 2°\")",
        "L'article : le chemin de son fichier .md, un numéro tel que L6123-1, précédé s'il \
         le faut du nom du dossier de son code (code-du-travail L6123-1), ou une citation \
         comme l'écrivent les juristes (\"art. L. 1234-9 C. trav.\", CSS L. 242-1, \
         \"L. 1233-3, 2°\")"
    ))]
    pub article: Vec<String>,

    #[arg(long, help = tr!(
        "Print where loi keeps its files (config, history, bookmarks, session, cache) and exit",
        "Affiche où loi range ses fichiers (configuration, historique, signets, session, \
         cache), et s'arrête"
    ))]
    pub paths: bool,

    #[arg(long, value_name = "THEME", value_parser = ["dark", "light"], help = tr!(
        "Colours for a dark or a light background [default: LOI_THEME, else `theme` in \
         config.toml, else COLORFGBG's background, else dark]; NO_COLOR turns colours off",
        "Couleurs pour un fond sombre (dark) ou clair (light) [défaut : LOI_THEME, sinon \
         `theme` dans config.toml, sinon le fond que dit COLORFGBG, sinon dark] ; NO_COLOR \
         ôte les couleurs"
    ))]
    pub theme: Option<String>,

    #[arg(long, help = tr!(
        "Leave the mouse to the terminal, so that text can be selected (the wheel and clicks \
         then do nothing in loi); `mouse = false` in config.toml does the same",
        "Laisse la souris au terminal, pour pouvoir sélectionner du texte (la molette et les \
         clics ne font alors rien dans loi) ; `mouse = false` dans config.toml fait de même"
    ))]
    pub no_mouse: bool,

    #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date, help = tr!(
        "Read the law as of this date (YYYY-MM-DD): each article at its version in force that \
         day, on a mirror made by `loi import` (`@` changes it in the reader)",
        "Lire le droit à cette date (AAAA-MM-JJ) : chaque article dans sa version en vigueur ce \
         jour-là, sur un miroir fait par `loi import` (`@` la change dans le lecteur)"
    ))]
    pub date: Option<String>,

    #[arg(long, value_name = "LANG", value_parser = ["fr", "en"], global = true, help = tr!(
        "The language of the interface, fr or en [default: `lang` in config.toml, else the \
         locale's: LANGUAGE, LC_ALL, LC_MESSAGES, LANG]",
        "La langue de l'interface, fr ou en [défaut : `lang` dans config.toml, sinon celle \
         de la locale : LANGUAGE, LC_ALL, LC_MESSAGES, LANG]"
    ))]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What `--help` and the man page say of exit codes, as the README does.
pub fn exit_codes() -> &'static str {
    tr!(
        "Exit codes: 0 ok; 1 nothing found (search, backlinks); 2 usage error, or a mirror or \
         article that cannot be read.",
        "Codes de retour : 0 bon ; 1 rien trouvé (search, backlinks) ; 2 erreur d'utilisation, \
         ou miroir ou article illisible."
    )
}

/// What loi does besides reading.
#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(
        about = tr!(
            "Checks references: where each one of articles (or of the mirror) leads",
            "Vérifie les renvois : où mène chacun de ceux des articles (ou du miroir)"
        ),
        long_about = tr!(
            "Checks references: where each one of articles (or of the mirror) leads.\n\nLists \
             every reference of the given articles (of the whole mirror when none is given): \
             where it leads, or why it leads nowhere. A link checker for a mirror.",
            "Vérifie les renvois : où mène chacun de ceux des articles (ou du miroir).\n\n\
             Liste chaque renvoi des articles donnés (de tout le miroir quand aucun ne l'est) : \
             où il mène, ou pourquoi il ne mène nulle part. Un vérificateur de liens pour un \
             miroir."
        )
    )]
    Links {
        #[arg(long, help = tr!(
            "One JSON object per line: article, kind, text, target (null when unresolved), \
             reason",
            "Un objet JSON par ligne : article, kind (genre), text (texte), target (cible, null \
             quand introuvée), reason (raison)"
        ))]
        json: bool,
        #[arg(value_name = "ARTICLE", help = tr!(
            "Articles, each a number such as L6123-1 or a path to its .md file; a code's folder \
             name applies to the numbers after it, until another",
            "Articles, chacun un numéro tel que L6123-1 ou le chemin de son fichier .md ; le nom \
             du dossier d'un code vaut pour les numéros qui le suivent, jusqu'au suivant"
        ))]
        articles: Vec<String>,
    },
    #[command(
        about = tr!(
            "Lists the articles that cite ARTICLE (\"cité par\")",
            "Liste les articles qui citent ARTICLE (« cité par »)"
        ),
        long_about = tr!(
            "Lists the articles that cite ARTICLE (\"cité par\").\n\nLists the articles that \
             cite ARTICLE, by link or plain-text citation, each with the sentence that cites it \
             (\"cité par\").",
            "Liste les articles qui citent ARTICLE (« cité par »).\n\nListe les articles qui \
             citent ARTICLE, par un lien ou une citation dans le texte, chacun avec la phrase \
             qui le cite."
        )
    )]
    Backlinks {
        #[arg(long, help = tr!(
            "One JSON object per line: path, num, snippet",
            "Un objet JSON par ligne : path (chemin), num (numéro), snippet (extrait)"
        ))]
        json: bool,
        #[arg(value_name = "ARTICLE", required = true, num_args = 1.., help = tr!(
            "A number such as L6123-1, after its code's folder name when several codes have it \
             (code-du-travail L6123-1), a citation (\"C. trav., art. L. 6123-1\"), or a path \
             to its .md file",
            "Un numéro tel que L6123-1, après le nom du dossier de son code quand plusieurs \
             codes l'ont (code-du-travail L6123-1), une citation (\"C. trav., art. L. 6123-1\"), \
             ou le chemin de son fichier .md"
        ))]
        article: Vec<String>,
    },
    #[command(
        about = tr!(
            "Searches the whole mirror's text (exit code 1 when nothing is found)",
            "Cherche dans le texte de tout le miroir (code de retour 1 quand rien n'est trouvé)"
        ),
        long_about = tr!(
            "Searches the whole mirror's text (exit code 1 when nothing is found).\n\nSearches \
             the text of every article of the mirror, ignoring case and accents: every word \
             must be in the article (a word finds the words it starts), a \"quoted phrase\" as \
             consecutive words. Prints each article found as it is found (best first once the \
             word index is built): path, number and a snippet. Exit code 1 when none is found; \
             2 when the query has no word.",
            "Cherche dans le texte de tout le miroir (code de retour 1 quand rien n'est \
             trouvé).\n\nCherche dans le texte de chaque article du miroir, sans égard aux \
             majuscules ni aux accents : chaque mot doit être dans l'article (un mot trouve les \
             mots qu'il commence), une \"phrase entre guillemets\" comme des mots qui se \
             suivent. Écrit chaque article dès qu'il est trouvé (les meilleurs d'abord une fois \
             l'index des mots construit) : chemin, numéro et extrait. Code de retour 1 quand \
             aucun n'est trouvé ; 2 quand la recherche n'a aucun mot."
        )
    )]
    Search {
        #[arg(long, help = tr!(
            "One JSON object per line: path, num, section, snippet",
            "Un objet JSON par ligne : path (chemin), num (numéro), section, snippet (extrait)"
        ))]
        json: bool,
        #[arg(value_name = "QUERY", required = true, help = tr!(
            "Words, and phrases in double quotes",
            "Des mots, et des phrases entre guillemets droits"
        ))]
        query: Vec<String>,
    },
    #[command(hide = true, about = tr!(
        "Builds the word index of the mirror in the cache: what a first search starts in the \
         background, detached, once its answers are out",
        "Construit l'index des mots du miroir dans le cache : ce qu'une première recherche \
         lance en arrière-plan, détaché, une fois ses réponses données"
    ))]
    IndexWords,
    #[command(
        about = tr!(
            "Prints articles as plain text or JSON, for pipes and scripts",
            "Écrit des articles en texte brut ou en JSON, pour les tubes et les scripts"
        ),
        long_about = tr!(
            "Prints articles as plain text or JSON, for pipes and scripts.\n\nWrites articles \
             to standard output as the reader lays them out, unfolded, with their references \
             numbered in the text and listed at the end: for pipes, scripts and quick looks \
             over SSH. On a mirror made by `loi import`, the line under the heading says where \
             the article stands (in force since…, until…), and its Nota follows its text. A bad \
             article is reported and skipped (exit code 2).",
            "Écrit des articles en texte brut ou en JSON, pour les tubes et les scripts.\n\n\
             Écrit les articles sur la sortie standard comme le lecteur les met en page, \
             dépliés, leurs renvois numérotés dans le texte et listés à la fin : pour les \
             tubes, les scripts et un coup d'œil par SSH. Sur un miroir fait par `loi import`, \
             la ligne sous le titre dit où en est l'article (en vigueur depuis…, jusqu'au…), et \
             son Nota suit son texte. Un article fautif est signalé et sauté (code de retour 2)."
        )
    )]
    Print {
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date, help = tr!(
            "The article as it was, or will be, in force on this day: that version's text when \
             the mirror has it (a LEGI import), else today's, said so",
            "L'article tel qu'il était, ou sera, en vigueur ce jour-là : le texte de cette \
             version quand le miroir l'a (un import LEGI), sinon celui d'aujourd'hui, en le \
             disant"
        ))]
        date: Option<String>,
        #[arg(long, help = tr!(
            "One JSON object per line: num, code, path, id, state, since, until (ISO dates, null \
             for none), nota, versions (state, since, until), changed_by (title, kind, date), \
             text_version (the index in versions of the text's), text (plain, a paragraph a \
             line)",
            "Un objet JSON par ligne : num, code, path, id, state, since, until (dates ISO, null \
             pour aucune), nota, versions (state, since, until), changed_by (title, kind, date), \
             text_version (l'indice dans versions de celle du texte), text (brut, un alinéa par \
             ligne)"
        ))]
        json: bool,
        #[arg(long, conflicts_with = "json", help = crate::trf!(
            "What changed in that version against the one before it, word by word: deleted \
             words [-so-], inserted ones {{+so+}} (a mirror imported from LEGI holds the texts it \
             needs)",
            "Ce qui a changé dans cette version par rapport à la précédente, mot à mot : mots \
             supprimés [-ainsi-], mots insérés {{+ainsi+}} (un miroir importé de LEGI a les textes \
             qu'il faut)"
        ))]
        diff: bool,
        #[arg(
            long,
            value_name = "N",
            value_parser = clap::value_parser!(u16).range(20..=10_000),
            help = tr!(
                "Columns to lay the text out in [default: the terminal's width when the output \
                 is one, else 80]",
                "Colonnes où mettre le texte en page [défaut : la largeur du terminal quand la \
                 sortie en est un, sinon 80]"
            )
        )]
        width: Option<u16>,
        #[arg(long, help = tr!(
            "Items folded, as the reader opens them: each shows its first line and how many \
             lines it hides",
            "Les items repliés, comme le lecteur les ouvre : chacun montre sa première ligne et \
             combien de lignes il cache"
        ))]
        folded: bool,
        #[arg(
            long,
            value_enum,
            value_name = "WHEN",
            default_value_t = ColorChoice::Auto,
            help = tr!(
                "Bold heading and underlined references: always, never, or auto (when the \
                 output is a terminal and NO_COLOR is not set)",
                "Titre en gras et renvois soulignés : always (toujours), never (jamais), ou auto \
                 (quand la sortie est un terminal et que NO_COLOR n'est pas défini)"
            )
        )]
        color: ColorChoice,
        #[arg(long, overrides_with = "no_hyperlinks", help = tr!(
            "The heading and each reference as hyperlinks (OSC 8) to their page on Légifrance, \
             which a click opens [default: when the output is a terminal]",
            "Le titre et chaque renvoi en liens (OSC 8) vers leur page sur Légifrance, qu'un \
             clic ouvre [défaut : quand la sortie est un terminal]"
        ))]
        hyperlinks: bool,
        #[arg(long, overrides_with = "hyperlinks", help = tr!(
            "No hyperlinks, even on a terminal",
            "Pas de liens, même sur un terminal"
        ))]
        no_hyperlinks: bool,
        #[arg(value_name = "ARTICLE", required = true, help = tr!(
            "Articles, each a number such as L6123-1, a citation (\"art. L. 1234-9 C. trav.\", \
             CSS L. 242-1) or a path to its .md file; a code's folder \
             name applies to the numbers after it, until another (code-de-la-securite-sociale \
             L161-1 L161-2 code-du-travail L6123-1)",
            "Articles, chacun un numéro tel que L6123-1 ou le chemin de son fichier .md ; le nom \
             du dossier d'un code vaut pour les numéros qui le suivent, jusqu'au suivant \
             (code-de-la-securite-sociale L161-1 L161-2 code-du-travail L6123-1)"
        ))]
        articles: Vec<String>,
    },
    #[command(
        about = tr!(
            "Lists the articles changed, or to change, on or after a date",
            "Liste les articles modifiés, ou à modifier, à une date ou après"
        ),
        long_about = tr!(
            "Lists the articles changed, or to change, on or after a date.\n\nLists what \
             happened to articles on or after the --since day, as the versions kept by `loi \
             import` tell it: one line per change, sorted by date then number, tab-separated: \
             the date (YYYY-MM-DD), the number, the code, and what happened (créé, modifié, \
             rétabli, abrogé…; « … à venir » for what comes after today). The whole mirror, or \
             the articles named, or your bookmarks in this mirror. Reads only the mirror's \
             metadata: a mirror without it (not made by `loi import`) is refused (exit code 2).",
            "Liste les articles modifiés, ou à modifier, à une date ou après.\n\nListe ce qui \
             est arrivé aux articles le jour --since ou après, comme le disent les versions que \
             garde `loi import` : une ligne par changement, triées par date puis par numéro, \
             séparées par des tabulations : la date (AAAA-MM-JJ), le numéro, le code, et ce qui \
             est arrivé (créé, modifié, rétabli, abrogé… ; « … à venir » pour ce qui vient après \
             aujourd'hui). Tout le miroir, ou les articles nommés, ou vos signets dans ce \
             miroir. Ne lit que les métadonnées du miroir : un miroir qui n'en a pas (pas fait \
             par `loi import`) est refusé (code de retour 2)."
        )
    )]
    Changes {
        #[arg(
            long,
            value_name = "YYYY-MM-DD",
            value_parser = iso_date,
            required = true,
            help = tr!(
                "The first day of the changes listed",
                "Le premier jour des changements listés"
            )
        )]
        since: String,
        #[arg(long, help = tr!(
            "The articles bookmarked in this mirror (with the ones named, if any)",
            "Les articles mis en signet dans ce miroir (avec ceux nommés, s'il y en a)"
        ))]
        bookmarks: bool,
        #[arg(long, help = tr!(
            "One JSON object per line: date, num, code, path, what",
            "Un objet JSON par ligne : date, num (numéro), code, path (chemin), what (ce qui est \
             arrivé)"
        ))]
        json: bool,
        #[arg(value_name = "ARTICLE", help = tr!(
            "Articles, each a number such as L6123-1 or a path to its .md file; a code's folder \
             name applies to the numbers after it [default: every article of the mirror, unless \
             --bookmarks]",
            "Articles, chacun un numéro tel que L6123-1 ou le chemin de son fichier .md ; le nom \
             du dossier d'un code vaut pour les numéros qui le suivent [défaut : tous les \
             articles du miroir, sauf avec --bookmarks]"
        ))]
        articles: Vec<String>,
    },
    #[command(
        about = tr!(
            "Writes the articles read (or bookmarked) as a Markdown file for a memo",
            "Écrit les articles lus (ou en signet) dans un fichier Markdown pour une note"
        ),
        long_about = tr!(
            "Writes the articles read (or bookmarked) as a Markdown file for a memo.\n\nThe \
             articles opened in the last reading session (the last run of the reader on this \
             mirror), each once, in the order read; or those read since --since DAY, whatever \
             the session; or your bookmarks in this mirror (--bookmarks), in the order \
             bookmarked. Each under its heading, with its citation (C. trav., art. L. 6123-1), \
             where it stands today on a mirror made by `loi import` (else « Dates \
             inconnues »), its sections, its points bookmarked (quoted), and its text as `loi \
             print` lays it out, unfolded. A reference to another article of the file is a \
             link to its heading; the others stay text. To standard output when it is not a \
             terminal; on a terminal, to a new file dossier-YYYY-MM-DD-HHMM.md (UTC) in the \
             current folder, never over another, and its path is said. In the reader, the \
             dossier key (D, unless [keys] in config.toml binds another) writes the articles \
             read since it started the same way.",
            "Écrit les articles lus (ou en signet) dans un fichier Markdown pour une \
             note.\n\nLes articles ouverts lors de la dernière séance de lecture (la dernière \
             fois que le lecteur a lu ce miroir), chacun une fois, dans l'ordre de lecture ; ou \
             ceux lus depuis --since JOUR, quelle que soit la séance ; ou vos signets dans ce \
             miroir (--bookmarks), dans l'ordre où ils ont été posés. Chacun sous son titre, \
             avec sa citation (C. trav., art. L. 6123-1), où il en est aujourd'hui sur un \
             miroir fait par `loi import` (sinon « Dates inconnues »), ses sections, ses points \
             en signet (cités), et son texte tel que `loi print` le met en page, déplié. Un \
             renvoi à un autre article du fichier est un lien vers son titre ; les autres \
             restent du texte. Sur la sortie standard quand ce n'est pas un terminal ; sur un \
             terminal, dans un nouveau fichier dossier-AAAA-MM-JJ-HHMM.md (UTC) du dossier \
             courant, jamais par-dessus un autre, dont le chemin est dit. Dans le lecteur, la \
             touche du dossier (D, sauf si [keys] dans config.toml en lie une autre) écrit de \
             même les articles lus depuis son lancement."
        )
    )]
    Dossier {
        #[arg(
            long,
            value_name = "YYYY-MM-DD",
            value_parser = iso_date,
            conflicts_with = "bookmarks",
            help = tr!(
                "The articles read on or after this day, in every session",
                "Les articles lus ce jour-là ou après, dans toutes les séances"
            )
        )]
        since: Option<String>,
        #[arg(long, help = tr!(
            "The articles bookmarked in this mirror, in the order bookmarked",
            "Les articles mis en signet dans ce miroir, dans l'ordre où ils l'ont été"
        ))]
        bookmarks: bool,
        #[arg(short, long, value_name = "FILE", help = tr!(
            "Write it to FILE (replaced if it exists; - for standard output)",
            "L'écrire dans FICHIER (remplacé s'il existe ; - pour la sortie standard)"
        ))]
        output: Option<PathBuf>,
    },
    #[command(
        about = tr!(
            "Builds or updates a mirror from official open data",
            "Construit ou met à jour un miroir à partir des données ouvertes officielles"
        ),
        long_about = tr!(
            "Builds or updates a mirror from official open data.\n\nReads the Légifrance API's \
             JSON as the npm package @socialgouv/legi-data ships it (`npm pack \
             @socialgouv/legi-data`: the .tgz, its folder, or its data/LEGITEXT*.json files), \
             without extracting it, and writes the mirror: one file per article in force, \
             metadata in .loi/. An existing mirror is updated: only what changed is written, \
             codes not named are kept, and the new mirror takes the old one's place at once, \
             when whole (an import stopped leaves it as it was).",
            "Construit ou met à jour un miroir à partir des données ouvertes officielles.\n\n\
             Lit le JSON de l'API Légifrance tel que le paquet npm @socialgouv/legi-data le \
             livre (`npm pack @socialgouv/legi-data` : le .tgz, son dossier, ou ses fichiers \
             data/LEGITEXT*.json), sans l'extraire, et écrit le miroir : un fichier par article \
             en vigueur, les métadonnées dans .loi/. Un miroir existant est mis à jour : seul ce \
             qui a changé est écrit, les codes non nommés sont gardés, et le nouveau miroir \
             prend d'un coup la place de l'ancien, une fois complet (un import interrompu le \
             laisse tel qu'il était)."
        )
    )]
    Import {
        #[arg(long, value_name = "DIR", help = tr!(
            "The mirror to make or update [default: `mirror` in the data folder, which loi then \
             reads when no other is named; see --paths]",
            "Le miroir à faire ou à mettre à jour [défaut : `mirror` dans le dossier des \
             données, que loi lit alors quand aucun autre n'est nommé ; voir --paths]"
        ))]
        into: Option<PathBuf>,
        #[arg(long, value_name = "CODE", value_delimiter = ',', help = tr!(
            "Only these codes: a title, folder name (code-du-travail), LEGITEXT id or usual \
             abbreviation (\"C. trav.\", CSS); repeat it, or separate them with commas",
            "Seulement ces codes : un titre, un nom de dossier (code-du-travail), un \
             identifiant LEGITEXT ou l'abréviation usuelle (\"C. trav.\", CSS) ; répétez-la, ou \
             séparez-les par des virgules"
        ))]
        codes: Vec<String>,
        #[arg(value_name = "SOURCE", required = true, help = tr!(
            "The package's .tgz, its folder, or LEGITEXT*.json files",
            "Le .tgz du paquet, son dossier, ou des fichiers LEGITEXT*.json"
        ))]
        sources: Vec<PathBuf>,
    },
    #[command(hide = true, about = tr!(
        "Prints a completion script for a shell (bash, zsh or fish) to standard output, e.g. \
         `loi completions bash > ~/.local/share/bash-completion/completions/loi`",
        "Écrit un script de complétion pour un shell (bash, zsh ou fish) sur la sortie \
         standard, par exemple `loi completions bash > \
         ~/.local/share/bash-completion/completions/loi`"
    ))]
    Completions {
        #[arg(value_enum, help = tr!("The shell", "Le shell"))]
        shell: Shell,
    },
    #[command(hide = true, about = tr!(
        "Prints loi's man page (roff) to standard output: `loi man | man -l -`",
        "Écrit la page de manuel de loi (roff) sur la sortie standard : `loi man | man -l -`"
    ))]
    Man,
}

/// When `loi print` styles its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A shell `loi completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}
