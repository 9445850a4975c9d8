#!/usr/bin/env python3
"""Draws N citations found in plain text (kind `text` of `loi links --json`) at random,
with a fixed seed, each with the sentence around it, for checking by hand.

usage: bench/citation-sample.py MIRROR [N] [SEED]  (loi from target/release)
"""
import html, json, random, re, subprocess, sys

mirror = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
out = subprocess.run(["target/release/loi", "--mirror", mirror, "links", "--json"],
                     capture_output=True, text=True, check=True).stdout
rows = [json.loads(l) for l in out.splitlines()]
text_rows = [r for r in rows if r["kind"] == "text"]
print(f"# {len(text_rows)} citations found in plain text; {n} drawn with seed {seed}\n")
random.seed(seed)
for i, r in enumerate(random.sample(text_rows, n), 1):
    raw = open(f"{mirror}/{r['article']}", encoding="utf-8", errors="replace").read()
    plain = html.unescape(re.sub(r"<[^>]+>", " ", raw.split("\n", 2)[-1]))
    plain = re.sub(r"\s+", " ", plain)
    # The first occurrence may be another (a point's own marker `1° Les…`): prefer
    # one that reads as a citation.
    hits = [m.start() for m in re.finditer(re.escape(r["text"]), plain)]
    cue = re.compile(r"(au|aux|du|le|la|présent|présente|article|articles|et|,)\s*$")
    cited = [h for h in hits if cue.search(plain[max(0, h - 12):h])]
    at = (cited or hits or [-1])[0]
    context = plain[max(0, at - 110): at + len(r["text"]) + 60] if at >= 0 else "?"
    target = r["target"] or "-"
    target = target.rsplit("/", 1)[-1] if target != "-" else "- " + (r["reason"] or "")
    point = f" ({r['point']})" if r.get("point") else ""
    print(f"{i}. [{r['article'].rsplit('/', 1)[-1]}] «{r['text']}» → {target}{point}")
    print(f"   …{context}…\n")
