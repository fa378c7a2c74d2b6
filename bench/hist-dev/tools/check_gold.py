"""Validate gold.tsv: 8 fields, labels, required flag, aliases occur in text."""
import re, os, sys, collections
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def norm(t): return re.sub(r'\s+', ' ', t)
texts = {}
errors = 0
stats = collections.Counter()
seen = set()
for ln, line in enumerate(open(os.path.join(ROOT, 'gold.tsv'), encoding='utf-8'), 1):
    line = line.rstrip('\n')
    f = line.split('\t')
    if len(f) != 8:
        print(ln, 'field count', len(f)); errors += 1; continue
    doc, lab, typ, req, can, als, wiki, n = f
    if not re.fullmatch(r'[a-z0-9_]+', doc): print(ln, 'bad doc id', doc); errors += 1
    p = os.path.join(ROOT, 'texts', doc + '.txt')
    if not os.path.exists(p): print(ln, 'no text', doc); errors += 1; continue
    if doc not in texts: texts[doc] = norm(open(p, encoding='utf-8').read())
    if lab not in ('PER', 'GRP', 'LOC'): print(ln, 'bad label', lab); errors += 1
    if req not in ('0', '1'): print(ln, 'bad required', req); errors += 1
    if not n.isdigit(): print(ln, 'bad n', n); errors += 1
    al = als.split('|')
    if can.lower() not in [a.lower() for a in al]: print(ln, 'canonical not among aliases', can); errors += 1
    for a in al:
        if not a or a != a.strip(): print(ln, 'empty/space alias', repr(a)); errors += 1; continue
        if a.lower().startswith('the '): print(ln, 'leading "the"', a); errors += 1
        pat = r'(?<![A-Za-z])' + re.escape(norm(a)) + r'(?![A-Za-z])'
        if not re.search(pat, texts[doc]):
            print(ln, doc, 'alias not in text:', repr(a)); errors += 1
    stats[(lab, req)] += 1
print('docs', len(texts), 'rows', sum(stats.values()))
for lab in ('PER', 'GRP', 'LOC'):
    print(lab, 'required', stats[(lab, '1')], 'optional', stats[(lab, '0')])
print('errors', errors)
sys.exit(1 if errors else 0)
