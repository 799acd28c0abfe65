#!/usr/bin/python3
"""Turns NexusReadBenchmark's JMH samples and peers/h5py_read.py's timings from one run.sh run into
the "NeXus/HDF5 reading" table of BENCHMARKS.md (medians of per-call samples; ratio = other /
h5py's native uint16 read, below 1 is faster; the Edgeworks reader delivers doubles, so the
ratio to h5py followed by astype(float64) is shown too). The h5py reference is the faster of
d[...] and read_direct into a reused array. Usage: nexus_ratios.py RESULTS_DIR  (prints Markdown; nothing if either side is missing)
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
print("| 200x256x1024 uint16 | read | h5py ms | Edgeworks ms | **ratio** | h5py + astype(float64) ms | ratio | jHDF 0.13 getData ms | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for f in LABEL:
    for what, jname in (("one frame", "OneFrame"), ("whole stack", "WholeStack")):
        key = "oneFrame" if jname == "OneFrame" else "wholeStack"
        plain, direct = h5.get(f, {}).get(key), h5.get(f, {}).get(key + "ReadDirect")
        hp = min((x for x in (plain, direct) if x), key=lambda x: x["median"], default=None)
        h64 = h5.get(f, {}).get(key + "Float64")
        ew = java.get(("edgeworks" + jname, f))
        jh = java.get(("jhdf" + jname, f))
        if not hp or not ew:
            continue
        jcell = f"{jh[0]:.3g}" if jh else "-"
        jratio = f"{jh[0] / hp['median']:.2f}" if jh else "-"
        h64 = h64 or hp
        print(f"| {LABEL[f]} | {what} | {hp['median']:.3g} | {ew[0]:.3g} | **{ew[0] / hp['median']:.2f}** | "
              f"{h64['median']:.3g} | {ew[0] / h64['median']:.2f} | {jcell} | {jratio} |")
