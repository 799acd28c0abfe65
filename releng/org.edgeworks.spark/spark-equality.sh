#!/usr/bin/env bash
# Spark in local mode gives the same files, byte for byte, as the one-machine commands:
#   edgeworks run P.json FILES     vs  edgeworks spark P.json FILES --master local[2]
#   edgeworks xas stack STACK ...  vs  edgeworks spark --stack STACK ... --master local[2] (other bands)
# The stack is a small synthetic one written here by h5py; dates are pinned by SOURCE_DATE_EPOCH.
# Prints "N passed, M failed" and exits non-zero on any difference. Usage: spark-equality.sh [WORKDIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$HERE/../.."
WORK="${1:-$HERE/target/equality}"
rm -rf "$WORK"; mkdir -p "$WORK"
export SOURCE_DATE_EPOCH=1767225600
EW="$ROOT/edgeworks"
/usr/bin/python3 - "$WORK" <<'PY'
import sys, h5py, numpy as np
out = sys.argv[1]
E = np.concatenate([np.arange(6950, 7000, 2.5), np.arange(7000, 7030, 0.5), np.arange(7030, 7190, 5.0)])
def ref(e0, h, e): return 0.5 * (1 + np.tanh((e - e0) / 1.5)) + h * np.exp(-0.5 * ((e - e0 - 4) / 2.5) ** 2)
fine = np.arange(6940, 7200, 0.25)
for name, e0, h in (("A", 7010, 0.3), ("B", 7016, 0.8)):
    np.savetxt("%s/%s.dat" % (out, name), np.column_stack([fine, ref(e0, h, fine)]), header="energy norm")
w = (np.arange(12) / 11.0)[None, :] * np.ones((10, 1))
mu = 0.2 + w[None] * ref(7010, 0.3, E)[:, None, None] + (1 - w[None]) * ref(7016, 0.8, E)[:, None, None]
mu += 0.002 * np.random.default_rng(7).standard_normal(mu.shape)
with h5py.File(out + "/stack.h5", "w") as f:
    f.attrs["default"] = "entry"
    g = f.create_group("entry"); g.attrs["NX_class"] = "NXentry"; g.attrs["default"] = "data"
    d = g.create_group("data"); d.attrs["NX_class"] = "NXdata"; d.attrs["signal"] = "data"; d.attrs["axes"] = ["energy", ".", "."]
    d.create_dataset("data", data=mu.astype("f4"), chunks=(10, 5, 12), compression="gzip")
    d["energy"] = E
PY
cat > "$WORK/xanes.json" <<'JSON'
{"schema": "edgeworks-pipeline/1", "name": "xanes-normalise",
 "steps": [{"processor": "org.edgeworks.pipeline.mu", "parameters": {"mode": "auto"}},
           {"processor": "org.edgeworks.xas.normalize", "parameters": {}}]}
JSON
FILES=("$ROOT/samples/xanes/MnO.dat" "$ROOT/samples/xanes/Mn2O3x.dat" "$ROOT/samples/xanes/Pyrolusite.dat")
REFS=(--ref "A=$WORK/A.dat" --ref "B=$WORK/B.dat" --input norm --sum-to-one)
"$EW" run "$WORK/xanes.json" "${FILES[@]}" --out "$WORK/run" > "$WORK/run.log"
"$EW" spark "$WORK/xanes.json" "${FILES[@]}" --out "$WORK/spark-run" --master 'local[2]' > "$WORK/spark-run.log"
"$EW" xas stack "$WORK/stack.h5" "${REFS[@]}" --out "$WORK/stack" > "$WORK/stack.log"
"$EW" spark --stack "$WORK/stack.h5" "${REFS[@]}" --band-rows 3 --out "$WORK/spark-stack" --master 'local[2]' > "$WORK/spark-stack.log"
passed=0; failed=0
compare() {  # one-machine folder, Spark folder
  local n=0
  for f in "$1"/*; do
    n=$((n + 1))
    if cmp -s "$f" "$2/$(basename "$f")"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "DIFFERENT: $f vs $2/$(basename "$f")"; fi
  done
  [ "$n" -gt 0 ] || { failed=$((failed + 1)); echo "NO FILES in $1"; }
  [ "$(ls "$1" | wc -l)" = "$(ls "$2" | wc -l)" ] || { failed=$((failed + 1)); echo "file lists differ: $1 vs $2"; }
}
compare "$WORK/run" "$WORK/spark-run"
compare "$WORK/stack" "$WORK/spark-stack"
echo "spark equality: $(ls "$WORK/run" | wc -l) pipeline results and $(ls "$WORK/stack" | wc -l) stack results compared byte for byte"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
