#!/usr/bin/env python3
"""ner-dev (or hist-dev) with old-print damage: the entity-list score on a damaged copy.

  bench/ner_long_s.py [--bin build/tools/histext-entities] [--eval ../shared/eval] [--share 2]
                      [--caps] [--set ner-dev|hist-dev]

Long s (the default): every word whose CRC-32 is divisible by --share (2: about half the words)
has each 's' before a letter written 'f' ("House" -> "Houfe", "President" -> "Prefident"), in the
texts and in the gold aliases alike: the gold of an OCR'd newspaper lists the names as they are
printed. --caps instead writes every line whose CRC-32 is divisible by 4 (about a quarter) in
capitals, as a newspaper's headlines are; the gold is kept (the scorer folds case). --set
hist-dev damages bench/hist-dev instead of the kit's ner-dev. The damaged copies go to a
temporary folder; ner_eval.py of the evaluation kit scores them. Prints its output; exits with
its status (2 when the kit is missing).
"""
import argparse, os, re, subprocess, sys, tempfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', default=os.path.join(ROOT, 'build', 'tools', 'histext-entities'))
    ap.add_argument('--eval', default=os.path.join(ROOT, '..', 'shared', 'eval'))
    ap.add_argument('--share', type=int, default=2)
    ap.add_argument('--caps', action='store_true', help='a quarter of the lines in capitals, not long s')
    ap.add_argument('--set', choices=['ner-dev', 'hist-dev'], default='ner-dev')
    a = ap.parse_args()
    src = os.path.join(a.eval, 'ner-dev') if a.set == 'ner-dev' else os.path.join(ROOT, 'bench', 'hist-dev')
    if not os.path.isfile(os.path.join(src, 'gold.tsv')):
        sys.exit('ner_long_s: no %s at %s (pass --eval)' % (a.set, src))

    def word(w):
        return re.sub(r's(?=[a-z])', 'f', w) if zlib.crc32(w.encode()) % a.share == 0 else w

    def damage(text):
        return re.sub(r'[A-Za-z]+', lambda m: word(m.group(0)), text)

    def shout(text):
        return '\n'.join(l.upper() if zlib.crc32(l.encode()) % 4 == 0 else l for l in text.split('\n'))

    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, 'texts'))
        for name in sorted(os.listdir(os.path.join(src, 'texts'))):
            with open(os.path.join(src, 'texts', name), encoding='utf-8') as f:
                text = f.read()
            with open(os.path.join(tmp, 'texts', name), 'w', encoding='utf-8') as f:
                f.write(shout(text) if a.caps else damage(text))
        with open(os.path.join(src, 'gold.tsv'), encoding='utf-8') as f, \
                open(os.path.join(tmp, 'gold.tsv'), 'w', encoding='utf-8') as out:
            for line in f:
                c = line.rstrip('\n').split('\t')
                if len(c) >= 6 and not a.caps:
                    c[4], c[5] = damage(c[4]), damage(c[5])
                out.write('\t'.join(c) + '\n')
        r = subprocess.run([sys.executable, os.path.join(a.eval, 'ner_eval.py'), '--bin', a.bin,
                            '--texts', os.path.join(tmp, 'texts'), '--gold', os.path.join(tmp, 'gold.tsv')])
        sys.exit(r.returncode)


if __name__ == '__main__':
    main()
