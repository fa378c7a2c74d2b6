#!/usr/bin/env bash
# Regenerates the corpus word statistics with their committed program (gen_word_stats) and checks
# that the result is byte-identical to data/word_stats.tsv. The statistics depend on the
# segmenter and its lists (a sentence bounds each co-occurrence window), so a change there that
# moves a sentence boundary of the corpus shows up here: regenerate the file
# (`cmake --build build --target word_stats`) and retrain the model (bench/model_check.sh).
# Exits 1 on a mismatch, 2 when the generator cannot be built or the corpus is missing.
#   bench/word_stats_check.sh   (env: BUILD_DIR=build HISTEXT_TRAIN_CORPUS_DIR=../shared/train/corpus,
#                                relative to the repository root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${BUILD_DIR:-$root/build}
corpus=${HISTEXT_TRAIN_CORPUS_DIR:-../shared/train/corpus}
committed=$root/data/word_stats.tsv
command -v /usr/bin/time >/dev/null || { echo "word_stats_check: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
compgen -G "$corpus/*.txt.gz" >/dev/null || { echo "word_stats_check: no corpus at $corpus (set HISTEXT_TRAIN_CORPUS_DIR)" >&2; exit 2; }
if ! cmake --build "$build" --target histext_gen_word_stats >/dev/null; then
  echo "word_stats_check: cannot build histext_gen_word_stats (it needs zlib1g-dev)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The generator segments with the staged lists of this build, as the word_stats target does.
if ! HISTEXT_DATA_DIR="$build/share/histext" /usr/bin/time -f '%e %M' -o "$tmp/time" \
  "$build/data/histext_gen_word_stats" "$corpus" "$tmp/word_stats.tsv"; then
  echo "word_stats_check: FAIL: the generator failed" >&2
  exit 2
fi
read -r wall kb < <(tail -1 "$tmp/time")
printf 'generated in %.1f s, peak RSS %.0f MB\n' "$wall" "$(awk "BEGIN {print $kb / 1024}")"
new=$(sha256sum < "$tmp/word_stats.tsv" | cut -d' ' -f1)
old=$(sha256sum < "$committed" | cut -d' ' -f1)
printf '%-11s %s  %s\n' committed "$old" "$committed" regenerated "$new" "(fresh)"
if [ "$new" = "$old" ]; then
  echo "PASS  the regenerated word statistics are byte-identical to the committed ones"
else
  echo "FAIL  the regenerated word statistics differ from $committed:"
  diff "$committed" "$tmp/word_stats.tsv" | head -6 || true
  exit 1
fi
