#!/usr/bin/env bash
# Retrains the shipped entity model with its documented command and checks that the result is
# byte-identical to data/entities.model (training is deterministic: train_model's contract).
# Prints the training time, peak RSS and both SHA-256 sums; exits 1 on a mismatch, 2 when the
# training tool, the training data or the shipped model is missing or training fails.
#   bench/model_check.sh   (env: BUILD_DIR=build HISTEXT_TRAIN_DIR=../shared/train (relative to the
#                           repository root) MODEL=data/entities.model TRAIN_CMD=the command, below)
# TRAIN_CMD is evaluated by bash from the repository root with $build, $train (the training data
# folder) and $out (where the new model goes) set; the default is the command the model was made with.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${BUILD_DIR:-$root/build}
train=${HISTEXT_TRAIN_DIR:-../shared/train}
model=${MODEL:-$root/data/entities.model}
# shellcheck disable=SC2016  # expanded by the eval below
train_cmd=${TRAIN_CMD:-'"$build/tools/histext-train" "$train/litbank" "$train/gum" "$train/uner_ewt" -o "$out"'}
command -v /usr/bin/time >/dev/null || { echo "model_check: /usr/bin/time missing (apt-get install time)" >&2; exit 2; }
[ -d "$train" ] || { echo "model_check: no training data at $train (set HISTEXT_TRAIN_DIR)" >&2; exit 2; }
[ -s "$model" ] || { echo "model_check: no shipped model at $model" >&2; exit 2; }
if [ -z "${TRAIN_CMD:-}" ] && [ ! -x "$build/tools/histext-train" ]; then
  echo "model_check: $build/tools/histext-train is not built (cmake --build $build --target histext-train)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/entities.model

echo "model_check: $(date -u +%FT%TZ), $(nproc) cores"
echo "training: $(eval "printf '%s ' $train_cmd")"
# The command's own output (epochs, held-out scores) goes to the terminal as it runs.
export build train out
# shellcheck disable=SC2016  # $1 is expanded by the inner bash
if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" bash -c 'eval "$1"' _ "$train_cmd"; then
  echo "model_check: FAIL: the training command failed" >&2
  exit 2
fi
read -r wall user sys kb < <(tail -1 "$tmp/time")
[ -s "$out" ] || { echo "model_check: FAIL: the training command wrote no model to $out" >&2; exit 2; }
printf 'trained in %.1f s wall, %.1f s CPU, peak RSS %.0f MB\n' "$wall" "$(awk "BEGIN {print $user + $sys}")" \
  "$(awk "BEGIN {print $kb / 1024}")"
new=$(sha256sum < "$out" | cut -d' ' -f1)
old=$(sha256sum < "$model" | cut -d' ' -f1)
printf '%-9s %s  %10d bytes  %s\n' shipped "$old" "$(stat -c %s "$model")" "$model"
printf '%-9s %s  %10d bytes  (retrained)\n' retrained "$new" "$(stat -c %s "$out")"
if [ "$new" = "$old" ]; then
  echo "PASS  the retrained model is byte-identical to the shipped one"
else
  echo "FAIL  the retrained model differs from $model"
  if [ -n "${KEEP:-}" ]; then cp "$out" "$KEEP" && echo "(kept the retrained model as $KEEP)"; fi
  exit 1
fi
