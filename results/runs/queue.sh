#!/usr/bin/env bash
# The background compute queue: every long training the committed results still need, in priority order.
# Each stage is an ordinary resumable grid/verify command with --claim, so two copies of this script share
# the cores (one single-threaded process per core) and a stage another copy still trains is skipped; a
# finished stage costs seconds. Runs until the deadline or the stop file, then each process stops after
# its epoch (the checkpoint keeps it); run it again in the next session and it continues.
#
# Usage: results/runs/queue.sh DEADLINE [JAR]   e.g.  results/runs/queue.sh 11:45 /tmp/zoo/softmax-zoo.jar
#        results/runs/queue.sh --plan [JAR]      what each stage still needs (runs finished, cut, not started;
#          epochs left), without training. Stages share runs: a 10-epoch stage's epochs are part of a later 40-epoch one's.
#   Stop early: touch /tmp/queue.stop. Data: SOFTMAX_ZOO_DATA or /work/shared/datasets.
# Copy the jar and target/lib elsewhere first if you will rebuild while it runs. Change this file while copies run only by
# replacing it (edit a copy, then mv it over this one): bash reads a running script as it goes, from the old file's offsets.
set -uo pipefail
cd "$(dirname "$0")/../.."
usage="usage: queue.sh DEADLINE [JAR] (a time date -d understands, e.g. 11:45), or queue.sh --plan [JAR]"
deadline=${1:?$usage}
jar=${2:-target/softmax-zoo.jar}
stop=/tmp/queue.stop
data=${SOFTMAX_ZOO_DATA:-/work/shared/datasets}
if [ "$deadline" != --plan ]; then
  end=$(date -d "$deadline" +%s 2>/dev/null) || { echo "queue.sh: cannot read the deadline '$deadline'; give e.g. 11:45" >&2; exit 2; }
fi

minutes_left() { echo $(( (end - $(date +%s)) / 60 )); }

stage() {
  local name=$1; shift
  if [ "$deadline" = --plan ]; then
    echo "stage '$name': $(java -jar "$jar" "$@" --plan | sed 's/^plan: //')"; return
  fi
  local left; left=$(minutes_left)
  if [ -e "$stop" ] || [ "$left" -lt 5 ]; then
    echo "queue: stopping before stage '$name' (stop file or deadline)"; exit 0
  fi
  echo "queue: stage '$name', $left minutes left"
  java -Dsoftmaxzoo.intra=1 -jar "$jar" "$@" --claim --data "$data" --budget-minutes "$left" --stop-file "$stop"
}

# 1. Fashion-MNIST on the official split, every reference row to 10 epochs (issue 25).
stage fashion-10 grid --list results/runs/grid-fashion-official.txt --epochs 10
# 1b. Seed 2 of the MNIST findings' rows to 40 epochs (issue 24's minimum; about two hours of the two cores): their petal
#    figures are the MNIST rows' petals at 40 epochs (issue 23; seed 1's runs finished before runs drew petals).
stage findings-mnist-seed2 grid --list results/runs/findings-rows.txt --dataset mnist --seeds 2 --figures figures/results/petals
# 2. ... and to the experiments' own 40 epochs, the findings' rows first (issue 25).
#    Each run that reaches its 40th epoch leaves its petal figure (issue 23: petals of the 40-epoch grid runs).
stage fashion-40 grid --list results/runs/grid-fashion-official.txt --figures figures/results/petals
# 2b. The Fashion-MNIST checks that NOTES.md's explanations rest on, on the official split (issue 25): the ArcFace
#    fallback variant (10 epochs), the rows with a bias, and the reference's narrow network and Ring-loss form.
stage fashion-variant grid --list results/runs/variants/fashion-official.txt --out results/runs/variants --epochs 10
stage fashion-bias grid --list results/runs/with-bias/fashion-official.txt --out results/runs/with-bias --figures results/runs/with-bias
stage fashion-writeup grid --list results/runs/writeup/fashion-official.txt --out results/runs/writeup --figures results/runs/writeup
# 3. The open-set benchmark, d = 2 and 64, 10 epochs, in the leaderboard's folder (issues 24, 25, 26). First the six heads
#    of the first open-set table on Fashion-MNIST, seed 1: the open-set cells the withdrawn split took away (issue 25).
stage openset-fashion verify --heads-file results/runs/leaderboard/openset-heads.txt --out results/runs/leaderboard --dataset fashion_mnist --seeds 1 --epochs 10
# 3a. Seed 2 of every MNIST row to 40 epochs (about 13 hours of one core for the 20 rows the findings do not use): their
#    petal figures are the MNIST rows' petals at 40 epochs, which seed 1's runs never drew (issue 23); they also give
#    seed 2 of the 10-epoch stage and more rows at 40 epochs (issue 24).
stage mnist-seed2-40 grid --list results/runs/grid-order.txt --dataset mnist --seeds 2 --figures figures/results/petals
# 3b. The six open-set heads with seeds 1-3 on both data sets: the open-set table with spread (issue 24).
stage openset-seeds verify --heads-file results/runs/leaderboard/openset-heads.txt --out results/runs/leaderboard --seeds 1,2,3 --epochs 10
# 3c. The rest of the leaderboard: every head of `heads`, seeds 1-3 (issue 26; all of seed 1 first). Before issue 24's
#    longer stages: it is the smaller of the two issues' remaining compute, so one issue closes sooner.
stage leaderboard verify --heads-file results/runs/leaderboard/heads.txt --out results/runs/leaderboard --seeds 1,2,3 --epochs 10
# 3d. Seeds 2 and 3 of the findings' rows to 40 epochs (issue 24's minimum; MNIST seed 2 is stage 1b's).
stage seeds-40-findings grid --list results/runs/findings-rows.txt --seeds 2,3 --figures figures/results/petals
# 4. The stability map: CosFace and ArcFace over s and m, 3 epochs, seeds 1 and 2 (issue 24). Before seeds-10: its
#    maps answer how to choose s and m, and the text that states its rule of thumb waits for them. One data set at a
#    time, so that a session's share completes maps (both seeds) rather than one seed of every map.
stage stability-mnist grid --list results/runs/stability/sweep.txt --dataset mnist --out results/runs/stability --seeds 1,2 --epochs 3
stage stability-fashion grid --list results/runs/stability/sweep.txt --dataset fashion_mnist --out results/runs/stability --seeds 1,2 --epochs 3
# 5. Seeds 2 and 3 of all 53 reference rows through the 10-epoch stage (issue 24).
stage seeds-10 grid --list results/runs/grid-order.txt --seeds 2,3 --epochs 10
# 6. Seeds 2 and 3 of every other row to 40 epochs, where the budget allows (grid-order.txt: findings' rows first).
stage seeds-40 grid --list results/runs/grid-order.txt --seeds 2,3 --figures figures/results/petals
[ "$deadline" = --plan ] || echo "queue: every stage done"
