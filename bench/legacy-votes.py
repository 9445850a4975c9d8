#!/usr/bin/env python3
"""How far the mirror's own legacy links can say what an id is: for every legacy link
whose text names another number than most links carrying its id, which of the two is
the id's article by MANIFEST.tsv (read here, as in the tests; loi never reads it).

usage: bench/legacy-votes.py LEGACY_MIRROR   (the four-code legacy twin, extracted)
prints: links, ids, links disagreeing with their id's majority, how many of those the
majority / the text gets right, and the same for strong majorities (two links at least,
more than half: the rule of src/mirror/ids.rs).
"""
import os,re,sys,collections
root=sys.argv[1]
man={}
for line in open(os.path.join(root,'MANIFEST.tsv')).read().splitlines()[1:]:
    p,num,i,cid,code=line.split('\t')
    man[i]=(p,num); man.setdefault(cid,(p,num))
link=re.compile(r"<a href='([^']*idArticle=(LEGIARTI\d+)[^']*)'>(.*?)</a>",re.S)
numre=re.compile(r"\b(LO|L|R|D|A)\s*\.?\s*\*?\s*(\d+(?:-\d+)*)")
votes=collections.defaultdict(collections.Counter)
links=[]
for d,_,fs in os.walk(root):
    for f in fs:
        if not f.endswith('.md'): continue
        s=open(os.path.join(d,f),encoding='utf-8').read()
        for m in link.finditer(s):
            t=re.sub('<[^>]+>','',m.group(3))
            n=numre.search(t)
            n=(n.group(1)+n.group(2)) if n else None
            votes[m.group(2)][n]+=1
            links.append((m.group(2),n,t,os.path.join(d,f)))
def norm(x): return x.replace('*','').upper() if x else x
dis=0; idright=0; textright=0; strong=0; strongright=0; strongtextright=0
for i,n,t,f in links:
    c=votes[i]
    if len(c)<2: continue
    maj,cnt=c.most_common(1)[0]
    if n==maj: continue
    dis+=1
    truth=norm(man[i][1]) if i in man else None
    if truth is None: continue
    if norm(maj)==truth: idright+=1
    if norm(n)==truth: textright+=1
    if cnt>=2 and cnt*2>sum(c.values()):
        strong+=1
        if norm(maj)==truth: strongright+=1
        if norm(n)==truth: strongtextright+=1
print("links",len(links),"ids",len(votes),"disagreeing",dis,"maj=truth",idright,"text=truth",textright,"strong",strong,strongright,strongtextright)
print("ids with >1 reading",sum(1 for c in votes.values() if len(c)>1))
