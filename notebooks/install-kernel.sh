#!/usr/bin/env bash
# Installs a Jupyter kernelspec named "java" that runs the notebooks with this project on the class path.
# The kernel is rapaio-jupyter-kernel (JShell-based, from Maven Central); the kernelspec's environment
# also names the class path for IJava/JJava, should one of those be installed under the same name.
# Usage: install-kernel.sh [--gpu]   (--gpu: build with TensorFlow's CUDA native library, `mvn -Pgpu`; the
# notebooks then run on the GPU when TensorFlow sees one. Untested here: no machine of this project has a GPU.)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
kernel_version=3.0.1
profile=()
if [ "${1:-}" = "--gpu" ]; then
  profile=(-Pgpu)
fi

mvn -B -q "${profile[@]}" package -DskipTests
mvn -B -q dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:${kernel_version} \
    -DoutputDirectory="$root/target/kernel"

# One folder with the project jar and every dependency: rapaio reads RJK_CLASSPATH as a single glob.
rm -rf target/kernel-lib && mkdir -p target/kernel-lib
cp target/lib/*.jar target/softmax-zoo.jar target/kernel-lib/
classpath="$(ls "$root"/target/kernel-lib/*.jar | paste -sd: -)"

spec_dir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/java"
mkdir -p "$spec_dir"
cat > "$spec_dir/kernel.json" <<JSON
{
  "argv": ["java", "-Xmx4g", "-jar", "$root/target/kernel/rapaio-jupyter-kernel-${kernel_version}.jar", "{connection_file}"],
  "display_name": "Java (softmax-zoo)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "TF_ENABLE_ONEDNN_OPTS": "1",
    "RJK_CLASSPATH": "$root/target/kernel-lib/*.jar",
    "IJAVA_CLASSPATH": "$classpath",
    "JJAVA_CLASSPATH": "$classpath"
  }
}
JSON
echo "installed kernelspec 'java' in $spec_dir"
