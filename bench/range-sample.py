#!/usr/bin/env python3
"""Draws N ranges that `loi links --json` reads (`X à Y`, by link or in plain text) at
random, with a fixed seed, each with its sentence, how many articles it lists and its
two ends, for checking by hand (docs/REFERENCES.md says what was found).

usage: bench/range-sample.py MIRROR [N] [SEED]  (loi from target/release)
"""
import html, json, random, re, subprocess, sys

mirror = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
out = subprocess.run(["target/release/loi", "--mirror", mirror, "links", "--json"],
                     capture_output=True, text=True, check=True).stdout
rows = [json.loads(l) for l in out.splitlines()]
# A range is listed with its articles, or said to hold none, or to be in a code the
# mirror lacks; its text then names two numbers with `à` between.
two = re.compile(r"\d.*\bà\s.*\d")
ranges = [r for r in rows
          if len(r.get("targets", [])) > 0
          or (r["reason"] or "").startswith("no article from")
          or (r["target"] is None and two.search(r["text"]))]
print(f"# {len(ranges)} ranges read in {len(rows)} references; {n} drawn with seed {seed}\n")
random.seed(seed)
name = lambda p: p.rsplit("/", 1)[-1].removesuffix(".md")
for i, r in enumerate(random.sample(ranges, min(n, len(ranges))), 1):
    raw = open(f"{mirror}/{r['article']}", encoding="utf-8", errors="replace").read()
    plain = html.unescape(re.sub(r"<[^>]+>", " ", raw.split("\n", 2)[-1]))
    plain = re.sub(r"\s+", " ", plain)
    at = plain.find(r["text"])
    context = plain[max(0, at - 100): at + len(r["text"]) + 50] if at >= 0 else "?"
    if r.get("targets"):
        t = r["targets"]
        what = f"{len(t)} articles, {name(t[0])} … {name(t[-1])}"
    else:
        what = "- " + (r["reason"] or "")
    print(f"{i}. [{name(r['article'])}] {r['kind']} «{r['text']}» → {what}")
    print(f"   …{context}…\n")
