#!/usr/bin/env python3
"""Makes a synthetic LEGI full archive (Freemium_legi_global_*.tar.gz) of N article
files from an extracted corpus mirror, for benchmarking `loi import` against `tar xzf`
of the same archive (issue 18).

    python3 bench/make-legi-archive.py /tmp/four /tmp/legi-synth.tar.gz [--files N]

/tmp/four is `mirror-four-codes.tar.gz` extracted (its MANIFEST.tsv is read). Each code
is written as LEGI lays it out (docs/LEGI.md, tests/fixtures/legi/): texte/struct,
texte/version, one section_ta file per section folder, and per article its current
version (VIGUEUR) plus, where the corpus's cid differs from its id, a file for that
first version (MODIFIE, same text, ending the day the current one begins). Links are
put back in Légifrance's form. The corpus is repeated until N article files (default
300,000) are written: copy k > 0 turns ids' digits 000… into k… and titles the
code "Code … (copie k)". Entries are sorted by path as `tar --sort=name` would sort
them (so each code's articles come before its sections and texte files), with their
folders, owner 0 and one mtime; gzip level 6 with no name or time: the same bytes on
every run. Streams: memory holds the manifest, not the archive.
"""
import argparse, gzip, io, os, re, sys, tarfile, time

TITLES = {
    'LEGITEXT000006072050': 'Code du travail',
    'LEGITEXT000006073189': 'Code de la sécurité sociale',
    'LEGITEXT000022197698': 'Code rural et de la pêche maritime',
    'LEGITEXT000031366350': "Code des relations entre le public et l'administration",
}
BASE = 'legi/global/code_et_TNC_en_vigueur/code_en_vigueur'
MTIME = 1752415200  # 2025-07-13 14:00:00 UTC
ANCHOR = re.compile(r"<a href='([^']*)'>")


def id_path(i):
    return '/'.join((i[0:4], i[4:8], i[8:10], i[10:12], i[12:14], i[14:16], i[16:18], i))


def copy_id(i, k):
    """LEGIARTI000031367304 in copy 3 is LEGIARTI003031367304 (every corpus id starts 000)."""
    return i if k == 0 else f'{i[:8]}{k:03d}{i[11:]}'


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('"', '&quot;')


def texte(cid, title):
    return (f'    <TEXTE autorite="" cid="{cid}" date_publi="2999-01-01" date_signature="2999-01-01" ministere="" nature="CODE" nor="" num="">\n'
            f'      <TITRE_TXT c_titre_court="{esc(title)}" debut="1900-01-01" fin="2999-01-01" id_txt="{cid}">{esc(title)}</TITRE_TXT>\n')


def tms(chain):
    out = close = ''
    for depth, (sid, title) in enumerate(chain):
        pad = '  ' * (3 + depth)
        out += f'{pad}<TM>\n{pad}  <TITRE_TM debut="1900-01-01" fin="2999-01-01" id="{sid}">{esc(title)}</TITRE_TM>\n'
        close = f'{pad}</TM>\n' + close
    return out + close


def meta(i, url, nature):
    return (f'  <META>\n    <META_COMMUN>\n      <ID>{i}</ID>\n      <ANCIEN_ID/>\n      <ORIGINE>LEGI</ORIGINE>\n'
            f'      <URL>{url}</URL>\n      <NATURE>{nature}</NATURE>\n    </META_COMMUN>\n')


def article(a, v, html, code):
    versions = ''.join(
        f'    <VERSION etat="{x["etat"]}">\n      <LIEN_ART debut="{x["debut"]}" etat="{x["etat"]}" fin="{x["fin"]}" id="{x["id"]}" num="{esc(a["num"])}" origine="LEGI"/>\n    </VERSION>\n'
        for x in a['versions'])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ARTICLE>\n' + meta(v['id'], f'article/{id_path(v["id"])}.xml', 'Article') +
            f'    <META_SPEC>\n      <META_ARTICLE>\n        <NUM>{esc(a["num"])}</NUM>\n        <ETAT>{v["etat"]}</ETAT>\n'
            f'        <DATE_DEBUT>{v["debut"]}</DATE_DEBUT>\n        <DATE_FIN>{v["fin"]}</DATE_FIN>\n        <TYPE>AUTONOME</TYPE>\n'
            f'      </META_ARTICLE>\n    </META_SPEC>\n  </META>\n  <CONTEXTE>\n' + texte(code['cid'], code['title']) +
            tms(a['chain']) + f'    </TEXTE>\n  </CONTEXTE>\n  <VERSIONS>\n{versions}  </VERSIONS>\n'
            f'  <NOTA>\n    <CONTENU/>\n  </NOTA>\n  <BLOC_TEXTUEL>\n    <CONTENU>\n{html}\n    </CONTENU>\n  </BLOC_TEXTUEL>\n  <LIENS/>\n</ARTICLE>\n')


def section_link(s, niv):
    return (f'    <LIEN_SECTION_TA cid="{s["id"]}" debut="1900-01-01" etat="VIGUEUR" fin="2999-01-01" id="{s["id"]}" '
            f'niv="{niv}" url="/{id_path(s["id"])}.xml">{esc(s["title"])}</LIEN_SECTION_TA>\n')


def section(s, code):
    items = ''.join(
        f'    <LIEN_ART debut="{v["debut"]}" etat="{v["etat"]}" fin="{v["fin"]}" id="{v["id"]}" num="{esc(a["num"])}" origine="LEGI"/>\n'
        for a in s['articles'] for v in a['versions'])
    items += ''.join(section_link(c, len(c['chain'])) for c in s['children'])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<SECTION_TA>\n' f'  <ID>{s["id"]}</ID>\n  <TITRE_TA>{esc(s["title"])}</TITRE_TA>\n'
            f'  <COMMENTAIRE/>\n  <STRUCTURE_TA>\n{items}  </STRUCTURE_TA>\n  <CONTEXTE>\n' + texte(code['cid'], code['title']) +
            tms(s['chain'][:-1]) + '    </TEXTE>\n  </CONTEXTE>\n</SECTION_TA>\n')


def chronicle(cid):
    return (f'    <META_SPEC>\n      <META_TEXTE_CHRONICLE>\n        <CID>{cid}</CID>\n        <NUM/>\n        <NUM_SEQUENCE>0</NUM_SEQUENCE>\n'
            '        <NOR/>\n        <DATE_PUBLI>2999-01-01</DATE_PUBLI>\n        <DATE_TEXTE>2999-01-01</DATE_TEXTE>\n'
            '        <DERNIERE_MODIFICATION>2025-07-01</DERNIERE_MODIFICATION>\n        <VERSIONS_A_VENIR/>\n        <ORIGINE_PUBLI/>\n'
            '        <PAGE_DEB_PUBLI>0</PAGE_DEB_PUBLI>\n        <PAGE_FIN_PUBLI>0</PAGE_FIN_PUBLI>\n      </META_TEXTE_CHRONICLE>\n')


def struct(code):
    tops = ''.join(section_link(s, 1) for s in code['top'])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TEXTELR>\n' + meta(code['cid'], f'texte/struct/{id_path(code["cid"])}.xml', 'CODE') +
            chronicle(code['cid']) + '    </META_SPEC>\n  </META>\n  <VERSIONS>\n    <VERSION etat="VIGUEUR">\n'
            f'      <LIEN_TXT debut="1900-01-01" fin="2999-01-01" id="{code["cid"]}" num=""/>\n    </VERSION>\n  </VERSIONS>\n'
            f'  <STRUCT>\n{tops}  </STRUCT>\n</TEXTELR>\n')


def version(code):
    blocks = ''.join(f'  <{t}>\n    <CONTENU/>\n  </{t}>\n' for t in ('VISAS', 'SIGNATAIRES', 'TP', 'NOTA', 'ABRO', 'RECT'))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TEXTE_VERSION>\n' + meta(code['cid'], f'texte/version/{id_path(code["cid"])}.xml', 'CODE') +
            chronicle(code['cid']) + f'      <META_TEXTE_VERSION>\n        <TITRE>{esc(code["title"])}</TITRE>\n'
            f'        <TITREFULL>{esc(code["title"])}</TITREFULL>\n        <ETAT>VIGUEUR</ETAT>\n        <DATE_DEBUT>1900-01-01</DATE_DEBUT>\n'
            '        <DATE_FIN>2999-01-01</DATE_FIN>\n        <AUTORITE/>\n        <MINISTERE/>\n      </META_TEXTE_VERSION>\n'
            f'    </META_SPEC>\n  </META>\n{blocks}</TEXTE_VERSION>\n')


def plan(rows, k, budget):
    """The codes of copy k, with at most `budget` article files: {cid: code}."""
    codes, folders, n = {}, {}, 0
    for path, num, aid, acid, cid in rows:
        files = 1 if aid == acid or n + 2 > budget else 2
        if n + files > budget:
            break
        n += files
        parts = path.split('/')
        ccid = copy_id(cid, k)
        code = codes.get(ccid)
        if code is None:
            title = TITLES.get(cid, parts[0].replace('-', ' ').capitalize())
            code = codes[ccid] = {'cid': ccid, 'title': title if k == 0 else f'{title} (copie {k})',
                                  'top': [], 'articles': [], 'sections': []}
        parent = None
        for depth in range(1, len(parts) - 1):
            key = (ccid, '/'.join(parts[1:depth + 1]))
            s = folders.get(key)
            if s is None:
                sid = f'LEGISCTA{k:03d}{900000000 + len(folders):09d}'
                title = parts[depth].replace('-', ' ').capitalize()
                chain = (parent['chain'] if parent else []) + [(sid, title)]
                s = folders[key] = {'id': sid, 'title': title, 'chain': chain, 'articles': [], 'children': []}
                (parent['children'] if parent else code['top']).append(s)
                code['sections'].append(s)
            parent = s
        current = {'id': copy_id(aid, k), 'etat': 'VIGUEUR', 'debut': '2020-01-01', 'fin': '2999-01-01'}
        versions = [current] if files == 1 else [
            {'id': copy_id(acid, k), 'etat': 'MODIFIE', 'debut': '2008-05-01', 'fin': '2020-01-01'}, current]
        a = {'num': num, 'src': path, 'chain': parent['chain'], 'versions': versions}
        parent['articles'].append(a)
        code['articles'].append(a)
    return codes, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('corpus')
    ap.add_argument('out')
    ap.add_argument('--files', type=int, default=300_000, help='article files to write (default 300000)')
    args = ap.parse_args()
    start = time.time()
    rows = [l.split('\t') for l in open(os.path.join(args.corpus, 'MANIFEST.tsv'), encoding='utf-8').read().splitlines()[1:]]
    where = {}  # mirror path -> (code cid, article id), for links
    for path, num, aid, acid, cid in rows:
        where['/' + path] = (cid, aid)

    written = {'article': 0, 'other': 0, 'bytes': 0}
    seen_dirs = set()
    raw = open(args.out, 'wb')
    gz = gzip.GzipFile(filename='', mode='wb', fileobj=raw, compresslevel=6, mtime=0)
    tar = tarfile.open(fileobj=gz, mode='w|', format=tarfile.GNU_FORMAT)

    def add(name, data):
        parts = name.split('/')
        for i in range(1, len(parts)):
            d = '/'.join(parts[:i])
            if d not in seen_dirs:
                seen_dirs.add(d)
                info = tarfile.TarInfo(d)
                info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, MTIME
                tar.addfile(info)
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = len(data), 0o644, MTIME
        tar.addfile(info, io.BytesIO(data))
        written['bytes'] += len(data)

    k = 0
    while written['article'] < args.files:
        codes, n = plan(rows, k, args.files - written['article'])
        if n == 0:
            break

        def link(m, k=k):
            href = m.group(1)
            target = where.get(href)
            if target:
                href = (f'/affichCodeArticle.do?cidTexte={copy_id(target[0], k)}&idArticle={copy_id(target[1], k)}'
                        '&dateTexte=&categorieLien=cid')
            return f'<a href="{href if target is None else esc(href)}">'

        for code in codes.values():
            folder = f'{BASE}/{id_path(code["cid"])}'
            entries = []
            for a in code['articles']:
                for v in a['versions']:
                    entries.append((f'{folder}/article/{id_path(v["id"])}.xml', 'article', (a, v)))
            for s in code['sections']:
                entries.append((f'{folder}/section_ta/{id_path(s["id"])}.xml', 'section', s))
            entries.append((f'{folder}/texte/struct/{code["cid"]}.xml', 'struct', None))
            entries.append((f'{folder}/texte/version/{code["cid"]}.xml', 'version', None))
            entries.sort(key=lambda e: e[0])
            for name, kind, what in entries:
                if kind == 'article':
                    a, v = what
                    body = open(os.path.join(args.corpus, a['src']), encoding='utf-8').read().split('\n', 2)[2]
                    # The corpus holds text decoded (`R < 6,5 %`, a URL with `&`): XML escapes it.
                    body = re.sub(r'<(?![A-Za-z/])', '&lt;', body.replace('&', '&amp;'))
                    text = article(a, v, ANCHOR.sub(link, body), code)
                    written['article'] += 1
                else:
                    text = {'section': lambda: section(what, code), 'struct': lambda: struct(code),
                            'version': lambda: version(code)}[kind]()
                    written['other'] += 1
                add(name, text.encode('utf-8'))
        k += 1
    tar.close()
    gz.close()
    raw.close()
    print(f"{args.out}: {written['article']} article files, {written['other']} section and texte files, "
          f"{len(seen_dirs)} folders, {written['bytes'] / 1e6:.0f} MB of XML, {os.path.getsize(args.out) / 1e6:.1f} MB gzipped, "
          f"{k} copies of the corpus, {time.time() - start:.0f} s", file=sys.stderr)


if __name__ == '__main__':
    main()
