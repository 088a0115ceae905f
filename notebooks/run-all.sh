#!/usr/bin/env bash
# Executes every notebook in place (outputs saved) and fails on the first cell error.
# --quick sets SOFTMAX_ZOO_QUICK=1: fewer epochs and a subset of the data, for CI.
# Usage: run-all.sh [--quick] [NN-name.ipynb ...]
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--quick" ]; then
  export SOFTMAX_ZOO_QUICK=1
  shift
fi
# Notebooks named on the command line, or all of them.
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=([0-9]*.ipynb)
# Debian's Jupyter lives in the system Python, which may not be the python3 first on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
for notebook in "${notebooks[@]}"; do
  echo "executing $notebook${SOFTMAX_ZOO_QUICK:+ (quick mode)}"
  "$python" -m jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.kernel_name=java \
    --ExecutePreprocessor.startup_timeout=180 \
    --ExecutePreprocessor.timeout=3600 \
    "$notebook"
done
