#!/usr/bin/env bash
# Linear time and bounded memory on extreme but valid input (issue 6): times histext-tokens on
# 1x, 2x and 4x sizes of each generated input and of the KJV corpus (bench/make_corpus.sh), and
# prints wall time and peak memory (/usr/bin/time -v "Maximum resident set size") per size, with
# the ratios to 1x. Linear means time and memory ratios near 2 and 4; nothing is committed.
#   bench/linearity.sh [TOOLS_DIR] [BASE_MB]     (defaults: build/tools, 4)
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${1:-build/tools}
base_mb=${2:-4}
tool="$tools/histext-tokens"
[ -x "$tool" ] || { echo "linearity.sh: $tool is not built (cmake --build build)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "linearity.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# gen CASE BYTES OUT: writes about BYTES bytes of input CASE.
gen() {
  python3 - "$1" "$2" "$3" <<'EOF'
import sys
case, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def fill(unit, head="", tail="\n"):
    n = max(1, (size - len((head + tail).encode())) // len(unit.encode()))
    return head + unit * n + tail
if case == "long_line":
    s = fill("The quick brown fox, said Lenin\u2019s friend, jumps over the lazy dog. ")
elif case == "blank_lines":
    s = fill("\n", "First.\n", "Last.\n")
elif case == "long_word":
    s = fill("a", "A ", " word.\n")
elif case == "nested_quotes":
    n = max(1, size // 12)
    s = "\u201c" * n + "deep" + "\u201d" * n + "\n"
elif case == "combining":
    s = fill("Z" + "\u0301\u0316\u0489" * 100 + " ")
elif case == "rtl":
    s = fill("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd. \u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645\u060c \u0661\u0662\u0663. ")
elif case == "emoji_zwj":
    s = fill("\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466 family \U0001F3F3\ufe0f\u200d\U0001F308 flag. ")
else:
    sys.exit("unknown case " + case)
open(out, "w", encoding="utf-8").write(s)
EOF
}

# measure FILE: prints "seconds max_rss_kb" for histext-tokens (summary table) on FILE.
measure() {
  /usr/bin/time -v "$tool" "$1" 2> "$work/time.txt" > /dev/null
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  echo "$wall $rss"
}

printf '%-14s %5s %10s %9s %11s %8s %8s\n' input scale bytes seconds max_rss_MB t/t1 m/m1
report() {  # NAME FILE SCALE T1 M1
  read -r t m < <(measure "$2")
  printf '%-14s %4sx %10s %9.2f %11.1f %8.2f %8.2f\n' "$1" "$3" "$(stat -c %s "$2")" "$t" "$((m / 1024)).$(((m % 1024) * 10 / 1024))" \
    "$(awk -v a="$t" -v b="${4:-$t}" 'BEGIN {print (b > 0 ? a / b : 0)}')" \
    "$(awk -v a="$m" -v b="${5:-$m}" 'BEGIN {print (b > 0 ? a / b : 0)}')"
  last_t=$t last_m=$m
}

for case in long_line blank_lines long_word nested_quotes combining rtl emoji_zwj; do
  t1='' m1=''
  for scale in 1 2 4; do
    gen "$case" $((base_mb * scale * 1000000)) "$work/$case.txt"
    report "$case" "$work/$case.txt" "$scale" "$t1" "$m1"
    if [ "$scale" = 1 ]; then t1=$last_t m1=$last_m; fi
  done
done

# The KJV corpus, 1x/2x/4x of BASE_MB megabytes.
if bash bench/make_corpus.sh "$work/kjv.txt" $((base_mb * 4)) 2> /dev/null; then
  t1='' m1=''
  for scale in 1 2 4; do
    head -c $((base_mb * scale * 1000000)) "$work/kjv.txt" > "$work/kjv-$scale.txt"
    report kjv "$work/kjv-$scale.txt" "$scale" "$t1" "$m1"
    if [ "$scale" = 1 ]; then t1=$last_t m1=$last_m; fi
  done
else
  echo "kjv: skipped (bench/make_corpus.sh failed; is bible-kjv installed?)" >&2
fi
