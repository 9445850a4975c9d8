#!/usr/bin/env python3
"""Builds a synthetic mirror of about 300,000 articles from the real one, for the
benchmarks of issue 4 (roughly twice the whole of French codified law).

    python3 bench/make-synthetic.py /tmp/corpus /tmp/synth [COPIES]

The real mirror is copied as is, then COPIES-1 more times (default 25 in all: 300,475
articles) with each code folder renamed `CODE-copie-N` and each article renumbered
so that numbers stay unique across the mirror (`L6123-1` becomes `L2006123-1` in copy
2: the first group of digits gains N million), file name and heading alike. The text
is the real text; the links still lead into the original codes.
"""

import os
import re
import sys

NUMBER = re.compile(r"^([a-z]*-?)(\d+)(.*)$")


def renumber_name(name, n):
    stem = name[:-3]
    m = NUMBER.match(stem)
    if not m:
        return f"{stem}-copie-{n}.md"
    return f"{m.group(1)}{n * 1_000_000 + int(m.group(2))}{m.group(3)}.md"


def renumber_heading(text, n):
    head, sep, rest = text.partition("\n")
    m = re.match(r"^(# Article [A-Z]*\*?)(\d+)(.*)$", head)
    if m:
        head = f"{m.group(1)}{n * 1_000_000 + int(m.group(2))}{m.group(3)}"
    else:
        head = f"{head} (copie {n})"
    return head + sep + rest


def main():
    src, dst = sys.argv[1], sys.argv[2]
    copies = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    codes = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    count = 0
    for n in range(copies):
        for code in codes:
            target_code = code if n == 0 else f"{code}-copie-{n}"
            for folder, _, files in os.walk(os.path.join(src, code)):
                rel = os.path.relpath(folder, os.path.join(src, code))
                out = os.path.normpath(os.path.join(dst, target_code, rel))
                os.makedirs(out, exist_ok=True)
                for name in files:
                    if not name.endswith(".md"):
                        continue
                    with open(os.path.join(folder, name), encoding="utf-8", errors="surrogateescape") as f:
                        text = f.read()
                    if n:
                        name, text = renumber_name(name, n), renumber_heading(text, n)
                    with open(os.path.join(out, name), "w", encoding="utf-8", errors="surrogateescape") as f:
                        f.write(text)
                    count += 1
    print(f"{count} articles in {dst}")


if __name__ == "__main__":
    main()
