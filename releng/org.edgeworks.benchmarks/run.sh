#!/usr/bin/env bash
# Runs the JMH benchmarks and the peer timings (Larch, h5py, numpy) on the same machine in the
# same run, then prints the ratios. JMH adds process CPU time per operation and the load average
# (CpuTimeProfiler: secondary results ·cpu and ·load), since the machine is shared. Usage: releng/org.edgeworks.benchmarks/run.sh [JMH regex]
# Needs /usr/bin/python3 with python3-xraylarch, python3-h5py, python3-numpy, python3-hdf5plugin
# and the apt package hdf5-filter-plugin (the LZ4 filter h5py reads the LZ4 stack with).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
. "$ROOT/releng/debian-packages.sh"
need_debian_packages python3-xraylarch python3-h5py python3-numpy python3-lz4 python3-hdf5plugin hdf5-filter-plugin
for d in $(ls -d /usr/lib/jvm/*/ | sort -rV); do
  if "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then export JAVA_HOME="${d%/}"; break; fi
done
(cd "$ROOT" && ./mvnw -B -q -f releng/org.edgeworks.benchmarks/pom.xml package)
OUT="$HERE/target/results"
mkdir -p "$OUT"
# HDF5 stacks for NexusReadBenchmark and peers/h5py_read.py (~180 MB, made once)
FLAVOURS="$HERE/target/flavours"
if [ ! -f "$FLAVOURS/stack_contiguous.h5" ]; then
  /usr/bin/python3 "$ROOT/bundles/org.edgeworks.nexus.tests/generator/make_flavours.py" "$FLAVOURS" --bench
fi
export EDGEWORKS_BENCH_FLAVOURS="$FLAVOURS"
for peer in "$HERE"/peers/*.py; do
  [ -e "$peer" ] || continue
  echo "== peer $(basename "$peer")"
  /usr/bin/python3 "$peer" "$OUT" | tee "$OUT/$(basename "$peer" .py).json"
done
"$JAVA_HOME/bin/java" -Dedgeworks.bench.flavours="$FLAVOURS" -Dedgeworks.bench.xanes="$HERE/target/xanes" -jar "$HERE/target/benchmarks.jar" -prof org.edgeworks.benchmarks.CpuTimeProfiler -rf json -rff "$OUT/jmh.json" "${@:-.*}"
/usr/bin/python3 "$HERE/nexus_ratios.py" "$OUT"
echo "results in $OUT"
