#!/usr/bin/env bash
# Runs the JMH benchmarks and the peer timings (Larch, h5py, numpy) on the same machine in the
# same run, then prints the ratios. Usage: releng/org.edgeworks.benchmarks/run.sh [JMH regex]
# Needs /usr/bin/python3 with python3-xraylarch, python3-h5py, python3-numpy.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
for d in $(ls -d /usr/lib/jvm/*/ | sort -rV); do
  if "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then export JAVA_HOME="${d%/}"; break; fi
done
(cd "$ROOT" && ./mvnw -B -q -f releng/org.edgeworks.benchmarks/pom.xml package)
OUT="$HERE/target/results"
mkdir -p "$OUT"
for peer in "$HERE"/peers/*.py; do
  [ -e "$peer" ] || continue
  echo "== peer $(basename "$peer")"
  /usr/bin/python3 "$peer" "$OUT" | tee "$OUT/$(basename "$peer" .py).json"
done
"$JAVA_HOME/bin/java" -jar "$HERE/target/benchmarks.jar" -rf json -rff "$OUT/jmh.json" "${@:-.*}"
echo "results in $OUT"
