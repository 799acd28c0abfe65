#!/usr/bin/python3
"""Turns NexusReadBenchmark's JMH samples and peers/h5py_read.py's timings from one run.sh run into
the "NeXus/HDF5 reading" table of BENCHMARKS.md (medians; ratio = Edgeworks / h5py, below 1 is
faster). Usage: nexus_ratios.py RESULTS_DIR  (prints Markdown; nothing if either side is missing)
"""
import json
import os
import sys

results = sys.argv[1] if len(sys.argv) > 1 else "target/results"
try:
    jmh = json.load(open(os.path.join(results, "jmh.json")))
    h5 = json.load(open(os.path.join(results, "h5py_read.json")))
except (OSError, ValueError):
    sys.exit(0)

java = {}
for r in jmh:
    if ".NexusReadBenchmark." not in r["benchmark"]:
        continue
    p = r["primaryMetric"]["scorePercentiles"]
    java[(r["benchmark"].rsplit(".", 1)[1], r["params"]["file"])] = (p["50.0"], p["0.0"])
if not java:
    sys.exit(0)

LABEL = {"stack_gzip.h5": "gzip chunked", "stack_lz4_200.h5": "LZ4 chunked", "stack_contiguous.h5": "contiguous"}
print("| 200x256x1024 uint16 | read | h5py median (min) ms | Edgeworks median (min) ms | ratio | jHDF 0.13 out of the box ms | ratio |")
print("|---|---|---|---|---|---|---|")
for f in LABEL:
    for what, jname in (("one frame", "OneFrame"), ("whole stack", "WholeStack")):
        hp = h5.get(f, {}).get("oneFrame" if jname == "OneFrame" else "wholeStack")
        ew = java.get(("edgeworks" + jname, f))
        jh = java.get(("jhdf" + jname, f))
        if not hp or not ew:
            continue
        jcell = f"{jh[0]:.3g}" if jh else "-"
        jratio = f"{jh[0] / hp['median']:.2f}" if jh else "-"
        print(f"| {LABEL[f]} | {what} | {hp['median']:.3g} ({hp['min']:.3g}) | {ew[0]:.3g} ({ew[1]:.3g}) | "
              f"**{ew[0] / hp['median']:.2f}** | {jcell} | {jratio} |")
