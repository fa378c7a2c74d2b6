#!/usr/bin/env bash
# Entity-list scores of histext-entities on bench/hist-dev: twelve passages of historical English
# (1711-1917; histories, letters, speeches, memoirs) with gold lists written for this project.
# Usage: bash bench/ner_hist.sh [BUILD_DIR]   (default: build). Needs ../shared/eval/ner_eval.py.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
eval_kit=${HISTEXT_EVAL_DIR:-$root/../shared/eval}
if [ ! -f "$eval_kit/ner_eval.py" ]; then
  echo "ner_hist: $eval_kit/ner_eval.py is missing (set HISTEXT_EVAL_DIR)" >&2
  exit 2
fi
python3 "$eval_kit/ner_eval.py" --bin "$build/tools/histext-entities" \
  --texts "$root/bench/hist-dev/texts" --gold "$root/bench/hist-dev/gold.tsv"
