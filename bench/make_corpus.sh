#!/usr/bin/env bash
# Builds the benchmark input: the King James Bible (Debian's bible-kjv) repeated until it reaches
# MB megabytes (default 42), one chapter per paragraph block. Never committed.
#   bench/make_corpus.sh OUT [MB]
set -euo pipefail
out=${1:?usage: bench/make_corpus.sh OUT [MB]}
mb=${2:-42}
if ! command -v bible >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bible-kjv bible-kjv-text >/dev/null
fi
once=$(mktemp)
trap 'rm -f "$once"' EXIT
# `bible` prints "Book N", a blank line, then the chapter's verses; end each chapter with a blank line.
bible Gen1:1-Rev22:21 | sed 's/^\(.*[a-z] [0-9][0-9]*\)$/\n\1/' > "$once"
: > "$out.tmp"
while [ "$(stat -c %s "$out.tmp")" -lt $((mb * 1000000)) ]; do cat "$once" >> "$out.tmp"; done
mv "$out.tmp" "$out"
echo "$out: $(stat -c %s "$out") bytes" >&2
