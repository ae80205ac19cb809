#!/usr/bin/env bash
# The Spark figures of BENCHMARKS.md: one grid of 8 runs (bn-before and no-bn, seeds 1-4, 2 epochs of
# the full data) in this process, on Spark local[1] and on local[2]; the connect and job times the
# launcher prints, the wall time of each command, and whether the three grid.csv files hold the same
# values (times aside). Usage: nn-bench/scripts/spark_grid.sh [EPOCHS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
epochs=${1:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '{"models": ["bn-before", "no-bn"], "seeds": [1, 2, 3, 4], "epochs": %s}\n' "$epochs" > "$work/grid.json"
cores=$(nproc)

run() {
  local name=$1
  shift
  local start end
  start=$(date +%s.%N)
  "$root/nn" grid --spec "$work/grid.json" --out "$work/$name" --verbose 0 "$@" > "$work/$name.log"
  end=$(date +%s.%N)
  printf '%-12s wall %6.1f s  %s\n' "$name" "$(echo "$end - $start" | bc)" \
    "$(grep -E '^(connected|trained)' "$work/$name.log" | paste -sd ';' -)"
}

"$root/nn" plugins --spark 'local[1]' >/dev/null 2>&1 || true   # builds nn and nn-spark first, untimed
run in-process --threads "$cores"
run local-1 --threads "$cores" --spark 'local[1]'
run local-2 --threads $(( cores / 2 > 0 ? cores / 2 : 1 )) --spark 'local[2]'

values() { cut -d, -f1-14 "$1"; }
for name in local-1 local-2; do
  if diff <(values "$work/in-process/grid.csv") <(values "$work/$name/grid.csv") >/dev/null; then
    echo "$name: grid.csv values equal the in-process grid's"
  else
    echo "$name: grid.csv values DIFFER from the in-process grid's"
  fi
done
cat "$work/in-process.log" | sed -n '/^run /,$p'
