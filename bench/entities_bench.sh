#!/usr/bin/env bash
# histext-entities at corpus scale, one thread, against its targets:
#   - peak RSS <= 300 MB and throughput >= 4 MB/s, in table and in JSON format (whole process,
#     output to a file), on bench/make_corpus.sh's KJV corpus (40 MB; built if missing);
#   - start-up: hyperfine medians of `histext-entities data/bukharin.txt` against a program that
#     only opens an ICU word BreakIterator and exits (bench/icu_open.cpp, shared with bench/freq_bench.sh),
#     <= 3x.
# Each format runs REPS times under /usr/bin/time (best wall time, largest peak RSS). Prints a
# table and one PASS/FAIL line per target; exits 1 when a target fails, 2 when something is missing.
# The tool is built only when it is missing (so BUILD_DIR may name a build tree that is read only).
#   bench/entities_bench.sh   (env: BUILD_DIR=build ENTITIES=BUILD_DIR/tools/histext-entities REPS=3
#                              CORPUS=BUILD_DIR/bench/kjv.txt MB=40 STARTUP_RUNS=100
#                              MAX_RSS_MB=300 MIN_MBS=4 MAX_STARTUP=3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
entities=${ENTITIES:-$build/tools/histext-entities}
reps=${REPS:-3}
mb=${MB:-40}
corpus=${CORPUS:-$build/bench/kjv.txt}
max_rss_mb=${MAX_RSS_MB:-300}
min_mbs=${MIN_MBS:-4}
max_startup=${MAX_STARTUP:-3}
command -v /usr/bin/time >/dev/null || { echo "entities_bench: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }

if [ ! -x "$entities" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target histext-entities >/dev/null
fi
mkdir -p "$(dirname "$corpus")"
[ -s "$corpus" ] || "$root/bench/make_corpus.sh" "$corpus" "$mb"
bytes=$(stat -L -c %s "$corpus")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One thread: the tool has no --threads option today; pass --threads 1 when it gains one.
threads=()
"$entities" --help 2>/dev/null | grep -q -- '--threads' && threads=(--threads 1)

failed=0
verdict() {  # verdict OK(0|1) TEXT: one PASS/FAIL line
  if [ "$1" = 1 ]; then echo "PASS  $2"; else echo "FAIL  $2"; failed=1; fi
}

# run FORMAT: best wall seconds, its CPU seconds and the largest peak RSS (KB) over $reps runs.
results=()
run() {
  local fmt=$1 best="" best_cpu="" rss=0
  for ((r = 0; r < reps; r++)); do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$entities" "${threads[@]}" --format "$fmt" \
      -o "$tmp/out.$fmt" "$corpus" 2>"$tmp/err" || { cat "$tmp/err" >&2; echo "entities_bench: histext-entities --format $fmt failed" >&2; exit 2; }
    local wall user sys kb
    read -r wall user sys kb < <(tail -1 "$tmp/time")
    if [ -z "$best" ] || awk "BEGIN {exit !($wall < $best)}"; then best=$wall; best_cpu=$(awk "BEGIN {print $user + $sys}"); fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  results+=("$fmt|$best|$best_cpu|$rss|$(stat -c %s "$tmp/out.$fmt")")
}
run table
run json

echo "entities_bench: $corpus, $bytes bytes, $(nproc) cores, one thread, best of $reps, $(date -u +%FT%TZ)"
echo "tool: $entities"
printf '%-8s %9s %9s %9s %12s %12s\n' format wall_s cpu_s MB/s peak_RSS_MB output_MB
for row in "${results[@]}"; do
  IFS='|' read -r fmt wall cpu rss out <<<"$row"
  printf '%-8s %9.2f %9.2f %9.2f %12.1f %12.1f\n' "$fmt" "$wall" "$cpu" "$(awk "BEGIN {print $bytes / 1e6 / $wall}")" \
    "$(awk "BEGIN {print $rss / 1024}")" "$(awk "BEGIN {print $out / 1e6}")"
done
for row in "${results[@]}"; do
  IFS='|' read -r fmt wall cpu rss out <<<"$row"
  rss_mb=$(awk "BEGIN {printf \"%.1f\", $rss / 1024}")
  mbs=$(awk "BEGIN {printf \"%.2f\", $bytes / 1e6 / $wall}")
  verdict "$(awk "BEGIN {print ($rss_mb <= $max_rss_mb)}")" "--format $fmt: peak RSS $rss_mb MB (target <= $max_rss_mb MB)"
  verdict "$(awk "BEGIN {print ($mbs >= $min_mbs)}")" "--format $fmt: $mbs MB/s (target >= $min_mbs MB/s)"
done

# Start-up: the whole process on the home passage against a program that only opens an ICU word
# BreakIterator and exits.
if ! command -v hyperfine >/dev/null; then
  echo "entities_bench: hyperfine missing (apt-get install hyperfine): start-up not measured" >&2; failed=1
elif ! read -r -a icu_flags < <(pkg-config --cflags --libs icu-uc icu-i18n) ||
     ! c++ -O2 "$root/bench/icu_open.cpp" -o "$tmp/icu_open" "${icu_flags[@]}"; then
  echo "entities_bench: cannot compile the ICU start-up baseline: start-up not measured" >&2; failed=1
else
  hyperfine -N --warmup 5 --runs "${STARTUP_RUNS:-100}" --export-json "$tmp/startup.json" \
    -n icu_open "$tmp/icu_open" -n histext-entities "$entities $root/data/bukharin.txt" >/dev/null 2>"$tmp/hyperfine.err" \
    || { cat "$tmp/hyperfine.err" >&2; exit 2; }
  line=$(python3 - "$tmp/startup.json" "$max_startup" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, b = r["icu_open"]["median"], r["histext-entities"]["median"]
limit = float(sys.argv[2])
print("%d start-up: histext-entities data/bukharin.txt %.2f ms, icu_open %.2f ms (medians): %.2fx (target <= %gx)"
      % (b / a <= limit, b * 1e3, a * 1e3, b / a, limit))
PY
)
  verdict "${line%% *}" "${line#* }"
fi
exit $failed
