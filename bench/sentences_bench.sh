#!/usr/bin/env bash
# Throughput of histext-sentences' pipeline (load + segmentation + statistics) on one thread, on
# bench/make_corpus.sh's 42 MB corpus. Requirement: >= 10 MB/s.
#   bench/sentences_bench.sh [BUILD_DIR] [CORPUS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
corpus=${2:-${TMPDIR:-/tmp}/histext-corpus-42mb.txt}
[ -s "$corpus" ] || bash "$here/make_corpus.sh" "$corpus" 42
cmake --build "$build" --target sentences_bench histext-sentences >/dev/null
export HISTEXT_DATA_DIR=${HISTEXT_DATA_DIR:-$build/share/histext}
HISTEXT_BENCH_CORPUS=$corpus "$build/bench/sentences_bench" --benchmark_counters_tabular=true
# The command line end to end (CPU seconds, wall seconds, peak memory).
size=$(stat -c %s "$corpus")
/usr/bin/time -f "%U %S %e %M" -o "$build/sentences_time.txt" "$build/tools/histext-sentences" --summary "$corpus" >/dev/null
read -r user sys wall rss < "$build/sentences_time.txt"
awk -v s="$size" -v u="$user" -v y="$sys" -v w="$wall" -v m="$rss" 'BEGIN {
  printf "histext-sentences --summary: %.1f MB in %.2f s CPU (%.1f MB/s), %.2f s wall (%.1f MB/s), peak %.0f MB\n",
         s / 1e6, u + y, s / 1e6 / (u + y), w, s / 1e6 / w, m / 1024 }'
