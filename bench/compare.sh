#!/usr/bin/env bash
# The speed comparison in one run: this project's bench, then the same network and head in eager
# PyTorch (Debian's python3-torch), on the same machine, and the ratio per batch size.
# Usage: bench/compare.sh [--head softmax|arcface] [--batch 64,256] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/.."
head=softmax batches=64,256 threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --head) head="$2"; shift 2 ;;
    --batch) batches="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f target/softmax-zoo.jar ] || mvn -B -q package -DskipTests
# The project's arcface head with the PyTorch script's settings (s = 10, m = 30 degrees).
spec="$head"; [ "$head" = arcface ] && spec="arcface(s=10,m=30deg)"
ours=$(java -jar target/softmax-zoo.jar bench --head "$spec" --batch "$batches" --intra "$threads" | tee /dev/stderr)
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
  echo "python3-torch is not installed (apt-get install python3-torch): no PyTorch side to compare" >&2
  exit 1
fi
for b in ${batches//,/ }; do
  theirs=$(/usr/bin/python3 bench/pytorch_baseline.py --head "$head" --batch "$b" --threads "$threads" | tee /dev/stderr)
  for kind in train inference; do
    o=$(grep "^$kind images/s (batch $b," <<<"$ours" | awk '{print $NF}')
    t=$(grep "^pytorch $kind images/s (batch $b," <<<"$theirs" | awk '{print $NF}')
    awk -v k="$kind" -v b="$b" -v o="$o" -v t="$t" \
      'BEGIN { printf "%s, batch %s: softmax-zoo %.0f images/s, PyTorch %.0f images/s, ratio %.2fx\n", k, b, o, t, o / t }'
  done
done
