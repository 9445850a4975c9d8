#!/usr/bin/env python3
"""Rebuild the bundled sample mirror, assets/sample/, from a full local mirror.

Usage (from the repository root, or from anywhere):

    python3 scripts/make-sample.py /path/to/extracted/mirror [--seed PATH]

The full mirror is /work/shared/corpus/mirror-travail-crpa.tar.gz, extracted
(e.g. `tar xzf mirror-travail-crpa.tar.gz -C /tmp/corpus`); it holds
code-du-travail/, code-des-relations-entre-le-public-et-ladministration/ and
MANIFEST.tsv (path, num, id, cid, code). Python 3 standard library only.

The script deletes assets/sample/ and writes it again (deterministic output:
files are copied byte for byte, paths as in the mirror). It selects:

  a. the seed article, Code de l'education D313-14 (default
     /work/shared/seed/d313-14.md, or --seed PATH; if neither exists, the copy
     already in assets/sample/ is reused), copied byte for byte to SEED_DEST
     below. Its real folder is unknown: SEED_DEST mirrors the folder of the
     L313-6 link it carries, under partie-reglementaire. No other article of
     code-de-leducation is added, so the seed's links to that code stay
     unresolved.
  b. the whole chapter (every file under the chapitre-* folder, recursively)
     holding l6123-1.md in code-du-travail/partie-legislative, and the one
     holding d6123-1.md in code-du-travail/partie-reglementaire. They are
     found by file name: the seed's links point at older paths.
  c. the targets of the seed's links: a mirror-path href that does not exist
     falls back to the unique file of the same name in the same code folder
     (as the reader does); a legacy href (/affichCodeArticle.do?...
     idArticle=LEGIARTI...) maps through MANIFEST.tsv's id column.
  d. one hop: every article cited (mirror-path hrefs, legacy hrefs whose
     idArticle is in MANIFEST.tsv) by the articles of (b) and (c). No second
     hop. If this gives more than MAX_FILES files, the hop is limited to the
     articles of (b).
  e. the neighbours of every hop target: the other articles of its own
     section folder, so that a cited article is read among those around it.

MANIFEST.tsv is read but never copied into the sample (a real mirror has
none). It prints a summary: files, total bytes, how many mirror-path links of
the sample articles resolve inside the sample, and the longest relative path.
"""

import argparse
import os
import re
import shutil
import sys
from urllib.parse import parse_qs, urlsplit

SEED_DEFAULT = "/work/shared/seed/d313-14.md"
SEED_DEST = (
    "code-de-leducation/partie-reglementaire/"
    "deuxieme-partie-les-enseignements-scolaires/"
    "livre-iii-lorganisation-des-enseignements-scolaires/"
    "titre-ier-lorganisation-generale-des-enseignements/"
    "chapitre-iii-linformation-et-lorientation/d313-14.md"
)
# (code folder, partie folder, file name) of the articles whose chapters go in.
CHAPTER_ANCHORS = [
    ("code-du-travail", "partie-legislative", "l6123-1.md"),
    ("code-du-travail", "partie-reglementaire", "d6123-1.md"),
]
MAX_FILES = 600

HREF_RE = re.compile(r"""href=(?:'([^']*)'|"([^"]*)")""")
NAME_RE = re.compile(r"^[a-z0-9-]+$")
FILE_RE = re.compile(r"^[a-z0-9-]+\.md$")


def hrefs(data):
    """All href values of an article's bytes, in order."""
    text = data.decode("utf-8")
    return [a or b for a, b in HREF_RE.findall(text)]


def legacy_id(href):
    """The idArticle of a legacy Legifrance href, or None."""
    if not href.startswith("/affichCodeArticle.do"):
        return None
    ids = parse_qs(urlsplit(href).query).get("idArticle")
    return ids[0] if ids else None


def is_mirror_path(href):
    return href.startswith("/") and href.endswith(".md")


class Mirror:
    def __init__(self, root):
        self.root = root
        self.paths = []  # relative paths, '/'-separated
        self.by_id = {}
        with open(os.path.join(root, "MANIFEST.tsv"), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            ip, ii = header.index("path"), header.index("id")
            for line in f:
                cols = line.rstrip("\n").split("\t")
                self.paths.append(cols[ip])
                self.by_id[cols[ii]] = cols[ip]
        self.path_set = set(self.paths)
        # (code folder, file name) -> sorted list of paths
        self.by_name = {}
        for p in self.paths:
            parts = p.split("/")
            self.by_name.setdefault((parts[0], parts[-1]), []).append(p)
        for v in self.by_name.values():
            v.sort()

    def read(self, rel):
        with open(os.path.join(self.root, rel), "rb") as f:
            return f.read()

    def resolve(self, href, fallback):
        """Mirror path an href points at, or None.

        fallback: for a mirror-path href that does not exist, take the unique
        file with that name in the same code folder."""
        lid = legacy_id(href)
        if lid is not None:
            return self.by_id.get(lid)
        if not is_mirror_path(href):
            return None
        rel = href.lstrip("/")
        if rel in self.path_set:
            return rel
        if fallback:
            parts = rel.split("/")
            cands = self.by_name.get((parts[0], parts[-1]), [])
            if len(cands) == 1:
                return cands[0]
        return None

    def chapter_files(self, code, partie, name):
        """Every file under the chapitre-* folder holding code/partie/.../name."""
        hits = [p for p in self.by_name.get((code, name), [])
                if p.split("/")[1] == partie]
        if len(hits) != 1:
            sys.exit(f"expected one {code}/{partie}/.../{name}, found {hits}")
        parts = hits[0].split("/")
        idx = [i for i, s in enumerate(parts[:-1]) if s.startswith("chapitre-")]
        if not idx:
            sys.exit(f"no chapitre-* folder above {hits[0]}")
        prefix = "/".join(parts[: idx[-1] + 1]) + "/"
        return sorted(p for p in self.paths if p.startswith(prefix)), prefix


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mirror", help="root of the extracted full mirror")
    ap.add_argument("--seed", default=SEED_DEFAULT, help="seed article file")
    args = ap.parse_args()

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(repo, "assets", "sample")
    m = Mirror(args.mirror)

    # (a) the seed, read before anything is deleted
    if os.path.isfile(args.seed):
        seed = open(args.seed, "rb").read()
    elif os.path.isfile(os.path.join(out, SEED_DEST)):
        seed = open(os.path.join(out, SEED_DEST), "rb").read()
        print(f"seed {args.seed} missing: reusing assets/sample/{SEED_DEST}")
    else:
        sys.exit(f"seed article not found: {args.seed}")

    # (b) the two chapters
    chapters = set()
    for code, partie, name in CHAPTER_ANCHORS:
        files, prefix = m.chapter_files(code, partie, name)
        print(f"chapter {prefix}: {len(files)} files")
        chapters.update(files)

    # (c) the seed's link targets
    seed_targets = set()
    seed_unresolved = []
    for h in hrefs(seed):
        t = m.resolve(h, fallback=True)
        if t is None:
            seed_unresolved.append(h)
        else:
            seed_targets.add(t)
    print(f"seed: {len(seed_targets)} link targets in the mirror, "
          f"{len(seed_unresolved)} links unresolved")
    for h in seed_unresolved:
        print(f"  unresolved: {h[:110]}{'...' if len(h) > 110 else ''}")

    # (d) one hop
    def hop(sources):
        found = set()
        for p in sorted(sources):
            for h in hrefs(m.read(p)):
                t = m.resolve(h, fallback=True)
                if t is not None:
                    found.add(t)
        return found

    base = chapters | seed_targets
    selected = base | hop(base)
    if len(selected) + 1 > MAX_FILES:
        print(f"one hop from (b)+(c) gives {len(selected) + 1} files, over "
              f"{MAX_FILES}: limiting the hop to the chapters (b)")
        selected = base | hop(chapters)

    # (e) the sections the hop reached, whole
    neighbours = set()
    for t in sorted(selected - base):
        folder = os.path.dirname(t)
        for name in sorted(os.listdir(os.path.join(m.root, folder))):
            if name.endswith(".md"):
                neighbours.add(folder + "/" + name)
    if len(selected | neighbours) + 1 <= MAX_FILES:
        selected |= neighbours
    else:
        print(f"the hop's sections would give {len(selected | neighbours) + 1} files, "
              f"over {MAX_FILES}: left out")

    # write
    if os.path.exists(out):
        shutil.rmtree(out)
    files = {SEED_DEST: seed}
    for p in sorted(selected):
        files[p] = m.read(p)
    for rel in sorted(files):
        dest = os.path.join(out, *rel.split("/"))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(files[rel])

    # checks and summary
    bad = []
    for rel in files:
        parts = rel.split("/")
        if not FILE_RE.match(parts[-1]) or not all(NAME_RE.match(s) for s in parts[:-1]):
            bad.append(rel)
    total = sum(len(b) for b in files.values())
    links = exact = fallback = 0
    for rel, data in files.items():
        for h in hrefs(data):
            if not is_mirror_path(h) or legacy_id(h) is not None:
                continue
            links += 1
            t = h.lstrip("/")
            if t in files:
                exact += 1
            else:
                parts = t.split("/")
                cands = [p for p in files
                         if p.split("/")[0] == parts[0] and p.split("/")[-1] == parts[-1]]
                if len(cands) == 1:
                    fallback += 1
    longest = max(files, key=lambda r: (len(r), r))
    codes = {}
    for rel in files:
        codes[rel.split("/")[0]] = codes.get(rel.split("/")[0], 0) + 1

    print(f"wrote {len(files)} files, {total} bytes to {out}")
    for c in sorted(codes):
        print(f"  {c}: {codes[c]}")
    print(f"mirror-path links in the sample: {links}; resolve inside the "
          f"sample: {exact} exact, {exact + fallback} with file-name fallback")
    print(f"longest relative path: {len(longest)} chars ({longest})")
    if bad:
        print("names outside [a-z0-9-] / .md:", *bad, sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
