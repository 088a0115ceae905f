#!/usr/bin/env bash
# Checks the GPU path on a machine that has an NVIDIA GPU: builds with TensorFlow's CUDA native library
# (mvn -Pgpu; TensorFlow Java 1.1.0 wraps TensorFlow 2.18.0, built against CUDA 12.5 and cuDNN 9.3),
# lists the GPUs, runs `bench --device gpu`, then one epoch of MNIST training on the GPU; the commands
# print the devices their ops ran on. Fails (exit 2, with the fix) where TensorFlow sees no GPU, never
# falling back to the CPU. Untested: no machine of this project has had a GPU.
# Usage: bench/gpu-check.sh [data root]   (default: $SOFTMAX_ZOO_DATA, else the download cache)
set -euo pipefail
cd "$(dirname "$0")/.."
data=("${1:+--data}" "${1:-}")
[ -n "${1:-}" ] || data=()

echo "== GPUs the driver sees"
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
else
  echo "nvidia-smi not found: no NVIDIA driver on this machine; the checks below will refuse --device gpu"
fi

echo "== build with the CUDA native library (mvn -Pgpu)"
mvn -B -q -Pgpu package -DskipTests
export TF_ENABLE_ONEDNN_OPTS=1

echo "== bench on the GPU (devices printed in the first line)"
java -jar target/softmax-zoo.jar bench --device gpu --batch 64,256 --steps 50

echo "== one epoch of MNIST on the GPU (the start line names the devices its ops ran on)"
java -jar target/softmax-zoo.jar train --device gpu --dataset mnist --head "arcface(s=10,m=0.5)" --epochs 1 \
  --out target/gpu-check/runs --figures target/gpu-check "${data[@]}"
