#!/usr/bin/env bash
# End-to-end test of `grid --slurm --submit` on a real (one-node) Slurm cluster, as root:
#  1. starts the cluster (tests/slurm/one-node-cluster.sh: installs slurm-wlm and munge if missing);
#  2. submits a two-run grid (MNIST, 300 training images per run) at 1 epoch and waits for the array;
#  3. submits the same grid at 2 epochs: each task must resume its run from the checkpoint at epoch 2;
#  4. checks both array jobs completed, both worklogs have exactly 2 rows, and the logs show the resume.
# Output goes under target/slurm-test only. Exit 0 when all holds, non-zero otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
TIMEOUT=${SLURM_TEST_TIMEOUT:-900}   # seconds per array job
WORK=target/slurm-test
fail() { echo "slurm-test: FAIL: $*" >&2; exit 1; }

bash tests/slurm/one-node-cluster.sh

if [ -z "${SOFTMAX_ZOO_DATA:-}" ] && [ -d ../shared/datasets ]; then
  export SOFTMAX_ZOO_DATA="$(cd ../shared/datasets && pwd)"
fi
[ -n "${SOFTMAX_ZOO_DATA:-}" ] || fail "set SOFTMAX_ZOO_DATA to the data root (with mnist/)"

# The jar, rebuilt when a source is newer than it.
if [ ! -f target/softmax-zoo.jar ] || [ -n "$(find lib pom.xml -newer target/softmax-zoo.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi

rm -rf "$WORK"
mkdir -p "$WORK"
cat > "$WORK/list.txt" <<EOF
# two small MNIST runs for the Slurm test
mnist.softmax.weight_decay1e-3.feature2
mnist.softmax.weight_decay1e-3.feature2.normface.scale10
EOF
runs=(mnist.softmax.weight_decay1e-3.feature2.limit300 mnist.softmax.weight_decay1e-3.feature2.normface.scale10.limit300)
export TF_ENABLE_ONEDNN_OPTS=1

# Submits the grid at $1 epochs, waits until the array has left the queue, and checks every task completed.
submit_and_wait() {
  local epochs=$1 out id t state
  out=$(java -jar target/softmax-zoo.jar grid --list "$WORK/list.txt" --slurm "$WORK/grid.sbatch" --submit \
        --epochs "$epochs" --limit 300 --out "$WORK/runs" --data "$SOFTMAX_ZOO_DATA")
  echo "$out"
  id=$(sed -n 's/^submitted job array \([0-9]*\) .*/\1/p' <<<"$out")
  [ -n "$id" ] || fail "no job id in the output of grid --submit"
  for ((t = 0; t < TIMEOUT; t += 2)); do
    [ -z "$(squeue -h -j "$id" 2>/dev/null)" ] && break
    sleep 2
  done
  if [ -n "$(squeue -h -j "$id" 2>/dev/null)" ]; then
    scancel "$id" || true
    fail "job $id still queued after ${TIMEOUT} s"
  fi
  # Finished jobs stay in slurmctld's memory (MinJobAge): one line per array task.
  state=$(scontrol -o show job "$id" | grep -o 'JobState=[A-Z_]* .*ExitCode=[0-9:]*' | sed 's/ .*ExitCode=/ ExitCode=/' | sort | uniq -c)
  echo "job $id at $epochs epoch(s): $state"
  [ "$(scontrol -o show job "$id" | grep -c 'JobState=COMPLETED .*ExitCode=0:0')" -eq 2 ] \
    || fail "job $id: not both array tasks COMPLETED with exit 0 (logs in $WORK/runs/slurm-logs)"
}

submit_and_wait 1
submit_and_wait 2

for r in "${runs[@]}"; do
  log="$WORK/runs/$r/worklog.csv"
  [ -f "$log" ] || fail "$log missing"
  rows=$(tail -n +2 "$log" | grep -c .)
  [ "$rows" -eq 2 ] || fail "$log has $rows rows, expected 2 (epochs 1 and 2)"
  [ "$(tail -n +2 "$log" | cut -d, -f1 | tr '\n' ' ')" = "1 2 " ] || fail "$log: epochs are not 1, 2"
done
for i in 1 2; do
  tasklog="$WORK/runs/slurm-logs/softmax-zoo-grid-$i.log"
  [ -f "$tasklog" ] || fail "$tasklog missing"
  grep -q "resuming at epoch 2" "$tasklog" || fail "$tasklog: the second submission did not resume from the checkpoint"
done
echo "slurm-test: OK, 2 runs x 2 epochs through sbatch, resumed from checkpoints, in $(( $(date +%s) - start )) s"
