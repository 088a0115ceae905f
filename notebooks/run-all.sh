#!/usr/bin/env bash
# Executes every notebook and fails on the first cell error. Full mode saves the outputs in place;
# --quick (CI) sets SOFTMAX_ZOO_QUICK=1 (fewer epochs, a subset of the data) and executes copies in
# target/quick-notebooks/, so the committed notebooks and their outputs are never touched.
# Usage: run-all.sh [--quick] [NN-name.ipynb ...]   (SOFTMAX_ZOO_VERBOSE=1: also the kernel's and TensorFlow's log lines)
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--quick" ]; then
  export SOFTMAX_ZOO_QUICK=1
  shift
fi
# Notebooks named on the command line, or all of them.
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=([0-9]*.ipynb)
if [ -n "${SOFTMAX_ZOO_QUICK:-}" ]; then
  copies=../target/quick-notebooks
  mkdir -p "$copies"
  for notebook in "${notebooks[@]}"; do cp "$notebook" "$copies/"; done
  cd "$copies"
fi
# Debian's Jupyter lives in the system Python, which may not be the python3 first on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# The console shows nbconvert's own lines and any cell error; the kernel's start-up and INFO lines (with its
# connection file) and TensorFlow's native log lines (on the kernel's stderr) go to the log only, unless
# SOFTMAX_ZOO_VERBOSE=1.
export NATIVE_NOISE='^(Parsing classpath: |Add .* to classpath$|\[[0-9-]+ [0-9:]+\] \[(INFO|DEBUG) *\]|[0-9]+-[0-9]+-[0-9]+ [0-9:.]+: [IW] |[IW][0-9]+ [0-9:.]+ +[0-9]+ |WARNING: All log messages before absl|To enable the following instructions: )'
console() {
  if [ -n "${SOFTMAX_ZOO_VERBOSE:-}" ]; then cat; return; fi
  awk 'skip { if ($0 ~ /^} *$/) skip = 0; next }
       /connection file content: [{]$/ { skip = 1; next }
       $0 ~ ENVIRON["NATIVE_NOISE"] { next }
       { print; fflush() }'
}

execute() {
  "$python" -m jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.kernel_name=java \
    --ExecutePreprocessor.startup_timeout=45 \
    --ExecutePreprocessor.timeout=3600 \
    "$1" > "$log" 2>&1
}

for notebook in "${notebooks[@]}"; do
  echo "executing $notebook${SOFTMAX_ZOO_QUICK:+ (quick mode)}"
  # rapaio-jupyter-kernel 3.0.1 (the newest on Maven Central) sometimes loses its Shell thread at start-up:
  # a request that arrives before the kernel has registered its handlers kills the thread with a
  # NullPointerException in Channels.getHandler, and no kernel_info_request is ever answered (seen under
  # load and on an idle machine). So a start-up failure is retried, after 45 s rather than nbclient's 120
  # (a healthy kernel answers within seconds); a failing cell is not.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if execute "$notebook"; then
      console < "$log"
      break
    fi
    if grep -q "Kernel didn't respond" "$log" && [ "$attempt" -lt 10 ]; then
      echo "the kernel did not answer at start-up (attempt $attempt of 10); starting it again"
      continue
    fi
    console < "$log"
    exit 1
  done
done
