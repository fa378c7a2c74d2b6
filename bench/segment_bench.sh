#!/usr/bin/env bash
# One command for the segmentation benchmark: configures and builds (Release) segment_bench and
# icu_baseline, builds the 42 MB corpus into BUILD/bench/kjv.txt if it is missing (never committed),
# then measures histext (document load + blocks, sentences, tokens) and the ICU baseline in the same
# run, interleaved, and prints MB/s for each and the ratio.
#   bench/segment_bench.sh [--benchmark_... flags]     BUILD_DIR=build  HISTEXT_BENCH_REPS=3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHISTEXT_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target segment_bench icu_baseline >/dev/null
corpus=$build/bench/kjv.txt
[ -s "$corpus" ] || "$root/bench/make_corpus.sh" "$corpus" 42
exec "$build/bench/segment_bench" "$corpus" --benchmark_enable_random_interleaving=true --benchmark_color=false "$@"
