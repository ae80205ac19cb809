#!/usr/bin/env bash
# Runs a command when the machine's two vCPUs hand data to each other fast, and says how fast they
# did before and after it. On the 2-vCPU VMs nn is measured on, two-thread figures come in fast and
# slow stretches (BENCHMARKS.md, issue 14): one cache line's round trip between two threads reads
# 50-90 ns in fast ones and 440-530 ns in slow ones, and fast stretches can be rare and last seconds
# to minutes. This polls the round trip (TwoCores.java trip, ~0.2 s of both cores) every POLL seconds
# and runs the command the first TIMES times it reads under MAX_NS.
#
#   nn-bench/scripts/when_fast.sh [--max-ns 150] [--poll 10] [--times 1] -- COMMAND [ARGS...]
#   e.g. nn-bench/scripts/when_fast.sh --times 3 -- ./nn bench --batch-sizes 256 --thread-counts 2 --epochs 3
#
# Keep the machine otherwise idle while it waits: other work on it reads as a slow round trip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
max_ns=150
poll=10
times=1
while [ $# -gt 0 ]; do
  case "$1" in
    --max-ns) max_ns="$2"; shift 2 ;;
    --poll) poll="$2"; shift 2 ;;
    --times) times="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "when_fast.sh: unknown option $1 (usage: [--max-ns N] [--poll S] [--times N] -- COMMAND...)" >&2; exit 2 ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "when_fast.sh: no command given after --" >&2
  exit 2
fi
trip() { java "$here/TwoCores.java" trip; }
runs=0
while [ "$runs" -lt "$times" ]; do
  before=$(trip)
  if [ "${before%.*}" -lt "$max_ns" ]; then
    runs=$((runs + 1))
    echo "when_fast.sh: $(date +%T) round trip ${before} ns: run $runs of $times: $*"
    "$@"
    echo "when_fast.sh: $(date +%T) round trip after: $(trip) ns"
  else
    sleep "$poll"
  fi
done
