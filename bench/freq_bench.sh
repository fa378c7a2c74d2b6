#!/usr/bin/env bash
# histext-freq at corpus scale, against the alternatives, in one run:
#   - the bare ICU loop (bench/icu_baseline: word + sentence BreakIterators over one UText,
#     counting boundaries), when the build has that target;
#   - histext-freq --threads 1, and with the default threads (one per core);
#   - tr -cs A-Za-z '\n' | tr A-Z a-z | sort | uniq -c   (LC_ALL=C);
#   - Python: re.findall(r"[a-z]+", text.lower()) + collections.Counter.
# Each is run REPS times (best wall time kept) under /usr/bin/time -v for the peak RSS.
# Then paired rounds (bare loop, --threads 1, default threads back to back; median of the rounds'
# ratios), and the start-up check: hyperfine on `histext-freq data/bukharin.txt` against a program that
# only opens an ICU word BreakIterator and exits (bench/icu_open.cpp, compiled here).
#   bench/freq_bench.sh     (env: BUILD_DIR=build REPS=3 PAIRED=2*REPS CORPUS=BUILD/bench/kjv.txt MB=42
#                            ICU_BASELINE=path to an icu_baseline built elsewhere)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
reps=${REPS:-3}
mb=${MB:-42}
corpus=${CORPUS:-$build/bench/kjv.txt}
command -v /usr/bin/time >/dev/null || { echo "freq_bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target histext-freq >/dev/null
have_baseline=0
baseline=${ICU_BASELINE:-$build/bench/icu_baseline}
if [ -n "${ICU_BASELINE:-}" ] || cmake --build "$build" --target icu_baseline >/dev/null 2>&1; then
  [ -x "$baseline" ] && have_baseline=1
fi
mkdir -p "$(dirname "$corpus")"
[ -s "$corpus" ] || "$root/bench/make_corpus.sh" "$corpus" "$mb"
bytes=$(stat -L -c %s "$corpus")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME COMMAND...: best wall seconds, its CPU seconds and the largest peak RSS over $reps runs.
results=()
run() {
  local name=$1; shift
  local best="" best_cpu="" rss=0
  for ((r = 0; r < reps; r++)); do
    /usr/bin/time -v -o "$tmp/time" "$@" > "$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
    local wall user sys kb
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i]; print s}' "$tmp/time")
    user=$(awk -F': ' '/User time/ {print $2}' "$tmp/time")
    sys=$(awk -F': ' '/System time/ {print $2}' "$tmp/time")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
    if [ -z "$best" ] || awk "BEGIN {exit !($wall < $best)}"; then best=$wall; best_cpu=$(awk "BEGIN {print $user + $sys}"); fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  cp "$tmp/out" "$tmp/out.$name"
  results+=("$name|$best|$best_cpu|$rss")
}

if ((have_baseline)); then run icu_baseline "$baseline" "$corpus" 1; fi
run histext-freq-t1 "$build/tools/histext-freq" --threads 1 -o "$tmp/freq1.tsv" --format tsv "$corpus"
run histext-freq "$build/tools/histext-freq" -o "$tmp/freqN.tsv" --format tsv "$corpus"
cmp -s "$tmp/freq1.tsv" "$tmp/freqN.tsv" || echo "freq_bench: WARNING: --threads 1 and default threads differ" >&2
run tr-sort-uniq sh -c "LC_ALL=C tr -cs A-Za-z '\n' < '$corpus' | LC_ALL=C tr A-Z a-z | LC_ALL=C sort | LC_ALL=C uniq -c"
run python-counter python3 -c "
import re, sys, collections
text = open(sys.argv[1], encoding='utf-8').read()
c = collections.Counter(re.findall(r'[a-z]+', text.lower()))
print(len(c), sum(c.values()))" "$corpus"

echo "freq_bench: $corpus, $bytes bytes, $(nproc) cores, best of $reps, $(date -u +%FT%TZ)"
printf '%-18s %9s %9s %9s %12s %10s\n' tool wall_s cpu_s MB/s peak_RSS_MB vs_icu
base_wall=""
for row in "${results[@]}"; do
  IFS='|' read -r name wall cpu rss <<<"$row"
  [ "$name" = icu_baseline ] && base_wall=$wall
done
for row in "${results[@]}"; do
  IFS='|' read -r name wall cpu rss <<<"$row"
  mbs=$(awk "BEGIN {printf \"%.2f\", $bytes / 1e6 / $wall}")
  ratio=$( [ -n "$base_wall" ] && awk "BEGIN {printf \"%.2fx\", $base_wall / $wall}" || echo "n/a")
  printf '%-18s %9.2f %9.2f %9s %12.1f %10s\n' "$name" "$wall" "$cpu" "$mbs" "$(awk "BEGIN {print $rss / 1024}")" "$ratio"
done
((have_baseline)) || echo "(no icu_baseline target in $build: the bare ICU loop column is skipped)"
((have_baseline)) && echo "icu_baseline's own loop (file already in memory): $(grep -o 'best [0-9.]* MB/s' "$tmp/out.icu_baseline")"
# What two cores give this machine: two bare loops at once, against one (the ceiling for the
# default-threads ratio on a VM whose cores are shared).
if ((have_baseline)); then
  pair_best=""
  for ((r = 0; r < reps; r++)); do
    start=$(date +%s.%N)
    "$baseline" "$corpus" 1 >/dev/null & "$baseline" "$corpus" 1 >/dev/null; wait
    t=$(awk "BEGIN {print $(date +%s.%N) - $start}")
    if [ -z "$pair_best" ] || awk "BEGIN {exit !($t < $pair_best)}"; then pair_best=$t; fi
  done
  echo "two bare loops at once: $(printf %.2f "$pair_best") s for twice the bytes: this machine's 2-core scaling is $(awk "BEGIN {printf \"%.2fx\", 2 * $base_wall / $pair_best}")"
fi

# Paired rounds: on a shared VM the host's load drifts over seconds, so best-of-N per tool can
# compare a quiet baseline run with a busy histext run. Here each round runs the bare loop,
# --threads 1 and default threads back to back; a round's ratios compare runs seconds apart, and
# the median over PAIRED rounds (default 2 * REPS) is reported beside the best-of figures.
if ((have_baseline)); then
  rounds=${PAIRED:-$((2 * reps))}
  ((rounds >= 1)) || rounds=1
  wall_of() {  # wall seconds of one run of the command
    /usr/bin/time -f %e -o "$tmp/pair_time" "$@" >/dev/null 2>"$tmp/pair_err" || { cat "$tmp/pair_err" >&2; return 1; }
    cat "$tmp/pair_time"
  }
  : > "$tmp/ratios"
  for ((r = 0; r < rounds; r++)); do
    b=$(wall_of "$baseline" "$corpus" 1)
    t1=$(wall_of "$build/tools/histext-freq" --threads 1 -o "$tmp/pair.tsv" --format tsv "$corpus")
    tn=$(wall_of "$build/tools/histext-freq" -o "$tmp/pair.tsv" --format tsv "$corpus")
    echo "$b $t1 $tn" >> "$tmp/ratios"
  done
  awk '$2 > 0 && $3 > 0 {n++; r1[n] = $1 / $2; rn[n] = $1 / $3}
       function median(a, n,   i, j, t) {
         for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
         return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
       END {
         if (n == 0) { print "paired rounds: no usable timing (a run took under 0.01 s)"; exit }
         printf "paired rounds (%d; bare loop, --threads 1, default threads back to back), median of the rounds'\'' ratios:\n", n
         printf "  --threads 1: %.2fx (target >= 0.7x); default threads: %.2fx (target >= 1.2x)\n", median(r1, n), median(rn, n)
       }' "$tmp/ratios"
fi

# Start-up: the whole histext-freq process on the home passage against a program that only
# opens an ICU word BreakIterator and exits.
if command -v hyperfine >/dev/null && c++ -O2 "$root/bench/icu_open.cpp" -o "$tmp/icu_open" $(pkg-config --cflags --libs icu-uc icu-i18n); then
  hyperfine -N --warmup 5 --runs "${STARTUP_RUNS:-100}" --export-json "$tmp/startup.json" \
    -n icu_open "$tmp/icu_open" -n histext-freq "$build/tools/histext-freq $root/data/bukharin.txt" >/dev/null
  python3 - "$tmp/startup.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, b = r["icu_open"], r["histext-freq"]
print("start-up: icu_open %.2f ms (median), histext-freq data/bukharin.txt %.2f ms (median): %.2fx (target <= 2x)"
      % (a["median"] * 1e3, b["median"] * 1e3, b["median"] / a["median"]))
PY
else
  echo "(hyperfine or a C++ compiler missing: start-up check skipped)"
fi
