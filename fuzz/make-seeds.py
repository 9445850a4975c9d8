#!/usr/bin/env python3
"""Builds fuzz/seeds/ from the extracted corpus (tar xzf ../shared/corpus/mirror-travail-crpa.tar.gz -C /tmp/corpus):
120 small real articles (a width byte first) for `article`, 150 real hrefs with their
link text (and a few hostile ones) for `resolve`, a few hostile strings for `sanitize`.
usage: python3 fuzz/make-seeds.py [CORPUS]   (run from fuzz/)"""
import os, random, re, glob, sys
root = sys.argv[1] if len(sys.argv) > 1 else '/tmp/corpus'
random.seed(1)
files = sorted(glob.glob(f'{root}/**/*.md', recursive=True)); random.shuffle(files)
for t in ('article', 'resolve', 'sanitize'):
    os.makedirs(f'seeds/{t}', exist_ok=True)
for i, f in enumerate([f for f in files if os.path.getsize(f) < 4000][:120]):
    open(f'seeds/article/real{i:03}', 'wb').write(bytes([random.randrange(256)]) + open(f, 'rb').read())
hrefs = []
for f in files[:3000]:
    s = open(f, encoding='utf-8', errors='replace').read()
    hrefs += re.findall(r"<a href='([^']*)'>([^<]*)</a>", s)
random.shuffle(hrefs)
for i, (h, t) in enumerate(hrefs[:150]):
    open(f'seeds/resolve/real{i:03}', 'w').write(h + '\n' + t)
extra = ["/../../etc/passwd.md\nL. 1", "//evil/x.md\nx", "/code-du-travail/partie-legislative/fuite.md\nx",
         "/affichCodeArticle.do?cidTexte=LEGITEXT000006072050&idArticle=LEGIARTI1\nD. 6123-19 à D. 6123-21",
         "\nau 3° du II de l'article L. 6123-1"]
for i, e in enumerate(extra):
    open(f'seeds/resolve/hand{i}', 'w').write(e)
for i, t in enumerate(["A\x1b[2JB", "\u009b2J", "\x1b]52;c;SGVsbG8=\x07", "a\u202eb\u2066c",
                       "texte\u00a0: «\u202fnormal\u202f»", "soft\u00adhyphen\ttab\r\n"]):
    open(f'seeds/sanitize/hand{i}', 'w').write(t)
