#!/usr/bin/env python3
"""Scores `loi links --json` on the legacy-links mirror against its MANIFEST.tsv.

    mkdir -p /tmp/legacy && tar xzf ../shared/corpus/mirror-travail-crpa-legacy-links.tar.gz -C /tmp/legacy
    target/release/loi --mirror /tmp/legacy links --json > /tmp/legacy.jsonl
    python3 bench/legacy-links.py /tmp/legacy /tmp/legacy.jsonl

A link's idArticle is looked up in MANIFEST (as an id, else as a cid) to know the
article it really names; loi itself never reads MANIFEST.
"""
import json,re,collections,html,sys
root=sys.argv[1]; jsonl=sys.argv[2]
man={}
for line in open(root+'/MANIFEST.tsv').read().splitlines()[1:]:
    path,num,id_,cid,code=line.split('\t'); man[id_]=path; man.setdefault(cid,path)
rows=[json.loads(l) for l in open(jsonl)]
byart=collections.defaultdict(list)
for r in rows: byart[r['article']].append(r)
tot=ok=wrong=miss=0; reasons=collections.Counter(); wrongs=[]
for art,rs in byart.items():
    s=open(root+'/'+art,encoding='utf-8').read()
    hs=re.findall(r"<a\s[^>]*href=['\"]([^'\"]*)['\"]",s)
    assert len(hs)==len(rs), art
    for h,r in zip(hs,rs):
        m=re.search(r'idArticle=(LEGIARTI\d+)',html.unescape(h))
        if not m or m.group(1) not in man: continue
        tot+=1
        if r['target']==man[m.group(1)]: ok+=1
        elif r['target'] is None: miss+=1; reasons[r['reason'][:50]]+=1
        else: wrong+=1; wrongs.append((r['text'],r['target'].rsplit('/')[-1],man[m.group(1)].rsplit('/')[-1]))
print(f"legacy links whose target is in the mirror: {tot}; resolved to it: {ok} ({100*ok/tot:.2f}%); unresolved: {miss}; to another article: {wrong}")
print(reasons.most_common(5))
print(wrongs[:15])
