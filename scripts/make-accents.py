#!/usr/bin/env python3
"""Writes assets/accents.tsv: the accents and apostrophes that the mirror's folder
names dropped, found back in the articles' own text (src/model/trail/accents.rs
searches it).

    python3 scripts/make-accents.py MIRROR_DIR > assets/accents.tsv

For every word of a folder name (`reglementaire`, `lorientation`, `etat`), the form
the articles' text uses most often among those that fold to it (`réglementaire`,
`l'orientation`, `État`): lower case unless the text writes it with a capital three
times in four (after an elided article: `l'Etat`); a word without accent or
apostrophe is kept only for a capital written nine times in ten (`France`). Words the text writes as the folder does are left out. Run on the
extracted corpus (../shared/corpus/mirror-travail-crpa.tar.gz).
"""
import collections
import html
import os
import re
import sys
import unicodedata


def fold(word):
    """The slug form of a word: lower case, no accent, no apostrophe."""
    word = word.replace("'", "").replace("\u2019", "")
    word = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in word if not unicodedata.combining(c))


def main():
    root = sys.argv[1]
    folder_words = set()
    forms = collections.defaultdict(collections.Counter)
    tag = re.compile(r"<[^>]*>")
    token = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            folder_words.update(w for w in d.split("-") if w)
        for name in filenames:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                text = html.unescape(tag.sub(" ", f.read()))
            for t in token.findall(text):
                forms[fold(t)][t.replace("\u2019", "'")] += 1
    table = {}
    for word in sorted(folder_words):
        counts = forms.get(word)
        if not counts:
            continue
        lower = collections.Counter()
        capital = collections.Counter()
        for form, n in counts.items():
            lower[form.lower()] += n
            # The word proper, after an elided article (`l'Etat`); not all capitals.
            core = form.split("'")[-1]
            if core[:1].isupper() and not core.isupper():
                capital[form.lower()] += n
        best, n = lower.most_common(1)[0]
        # A word spelt as the folder spells it gets its capital only when the text
        # nearly always writes one (France, Guadeloupe), not for a title's heading.
        if best == word and not (capital[best] * 10 >= n * 9 and len(word) > 3 and n >= 5):
            continue
        if capital[best] * 4 >= n * 3:
            head, _, core = best.rpartition("'")
            best = head + ("'" if head else "") + core[:1].upper() + core[1:]
        table[word] = best
    out = sys.stdout
    out.write("# folder word\twritten form (scripts/make-accents.py: do not edit by hand)\n")
    for k in sorted(table):
        out.write(f"{k}\t{table[k]}\n")

if __name__ == "__main__":
    main()
