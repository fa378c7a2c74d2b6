"""Build gold.tsv from gold_data.py and check it against the texts."""
import re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from gold_data import GOLD
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {'PER': 'person', 'GRP': 'group/organization', 'LOC': 'place'}

def norm(t):
    return re.sub(r'\s+', ' ', t)

def find(text, alias, flags=0):
    pat = r'(?<![A-Za-z])' + re.escape(norm(alias)) + r'(?![A-Za-z])'
    return [m.span() for m in re.finditer(pat, text, flags)]

rows = []
for doc, ents in GOLD.items():
    text = norm(open(os.path.join(ROOT, 'texts', doc + '.txt'), encoding='utf-8').read())
    spans = []
    for i, (lab, req, can, als, wiki, n) in enumerate(ents):
        for a in als:
            for s, e in find(text, a):
                spans.append((e - s, s, e, i))
    spans.sort(key=lambda x: (-x[0], x[1]))
    claimed, counts = [], [0] * len(ents)
    for ln, s, e, i in spans:
        if any(s < ce and cs < e for cs, ce in claimed):
            continue
        claimed.append((s, e)); counts[i] += 1
    for i, (lab, req, can, als, wiki, n) in enumerate(ents):
        rows.append((doc, lab, TYPES[lab], str(req), can, '|'.join(als), wiki,
                     str(n if n is not None else counts[i])))
with open(os.path.join(ROOT, 'gold.tsv'), 'w', encoding='utf-8') as f:
    for r in rows:
        assert all('\t' not in x and '\n' not in x for x in r), r
        f.write('\t'.join(r) + '\n')
print('wrote', len(rows), 'rows')
