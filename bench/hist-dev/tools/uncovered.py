import re, os, sys
sys.path.insert(0, 'tools')
from gold_data import GOLD
def norm(t): return re.sub(r'\s+', ' ', t)
for doc, ents in GOLD.items():
    text = norm(open('texts/%s.txt' % doc, encoding='utf-8').read())
    covered = [False]*len(text)
    for e in ents:
        for a in e[3]:
            for m in re.finditer(r'(?<![A-Za-z])' + re.escape(norm(a)) + r'(?![A-Za-z])', text):
                for k in range(*m.span()): covered[k] = True
    out = []
    for m in re.finditer(r"\b[A-Z][A-Za-z’'\-]*", text):
        if not covered[m.start()]:
            out.append(m.group())
    print(doc, ':', ' '.join(sorted(set(out))))
