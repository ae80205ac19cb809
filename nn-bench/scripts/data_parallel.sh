#!/usr/bin/env bash
# The data-parallel figures of BENCHMARKS.md: one epoch of the tutorial model with 2 workers, synced
# every K = 1, 10 and 100 steps, in this process and on Spark local[2], and ordinary training beside
# them; prints each run's epoch line, test accuracy and the cost line of its rounds (bytes per task;
# a round's time split into encoding, the slowest worker's computing, moving and scheduling, combining).
# Usage: nn-bench/scripts/data_parallel.sh [LIMIT]   (default 20000 training images)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/nn" plugins --spark 'local[1]' >/dev/null 2>&1 || true   # builds nn and nn-spark first, untimed

run() {
  local name=$1
  shift
  "$root/nn" train --epochs 1 --limit "$limit" --verbose 2 --out "$work/$name" "$@" > "$work/$name.log" 2>&1
  echo "== $name: $(grep -E '^Epoch 1/1' -A1 "$work/$name.log" | tail -1 | sed 's/.*\] - //')"
  echo "   test: $(grep -E '^[0-9]+/[0-9]+ .*accuracy' "$work/$name.log" | tail -1 | sed 's/.*step - //')"
  grep -E 'rounds of' "$work/$name.log" | sed 's/.*: \([0-9]* rounds\)/   \1/' || true
}

run ordinary
for k in 1 10 100; do
  run "in-process-K$k" --workers 2 --sync-every "$k" --threads 1
  run "spark-local2-K$k" --workers 2 --sync-every "$k" --threads 1 --spark 'local[2]'
done
