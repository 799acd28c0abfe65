#!/usr/bin/python3
"""Turns NexusReadBenchmark's JMH samples and peers/h5py_read.py's timings into the "NeXus/HDF5
reading" table of BENCHMARKS.md. Medians of per-call samples; every ratio is (that reader) /
(h5py d[i] or d[...]), below 1 is faster than h5py. Like for like is h5py's d[...]: it returns a
fresh array per call, as the Edgeworks reader does; read_direct into a reused, already faulted-in
uint16 buffer (no Edgeworks equivalent) and d[...].astype(float64) (the Edgeworks reader delivers
doubles) are shown beside it. Usage: nexus_ratios.py RESULTS_DIR [MORE_H5PY_JSON...]: with more
h5py result files, each h5py figure is the fastest of the runs (h5py timed before and after JMH).
"""
import json
import os
import sys

results = sys.argv[1] if len(sys.argv) > 1 else "target/results"
try:
    jmh = json.load(open(os.path.join(results, "jmh.json")))
    h5runs = [json.load(open(os.path.join(results, "h5py_read.json")))]
    h5runs += [json.load(open(p)) for p in sys.argv[2:]]
except (OSError, ValueError):
    sys.exit(0)

java = {}
for r in jmh:
    if ".NexusReadBenchmark." in r["benchmark"]:
        java[(r["benchmark"].rsplit(".", 1)[1], r["params"]["file"])] = r["primaryMetric"]["scorePercentiles"]["50.0"]
if not java:
    sys.exit(0)


def h5(f, key):
    values = [run[f][key]["median"] for run in h5runs if key in run.get(f, {})]
    return min(values) if values else None


def cell(x):
    return "-" if x is None else (f"{x:.3g}" if x < 100 else f"{x:.0f}")


def ratio(x, ref):
    return "-" if x is None or not ref else f"{x / ref:.2f}"


LABEL = {"stack_gzip.h5": "gzip chunked", "stack_lz4_200.h5": "LZ4 chunked", "stack_contiguous.h5": "contiguous"}
print("| 200x256x1024 uint16 | read | h5py d[...] ms | Edgeworks ms | **ratio** | h5py read_direct ms | ratio "
      "| h5py as float64 ms | ratio | jHDF 0.13 getData ms | ratio |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for f, label in LABEL.items():
    for what, jname, key in (("one frame", "OneFrame", "oneFrame"), ("whole stack", "WholeStack", "wholeStack")):
        plain, ew, jh = h5(f, key), java.get(("edgeworks" + jname, f)), java.get(("jhdf" + jname, f))
        if plain is None or ew is None:
            continue
        direct, f64 = h5(f, key + "ReadDirect"), h5(f, key + "Float64")
        print(f"| {label} | {what} | {cell(plain)} | {cell(ew)} | **{ratio(ew, plain)}** | {cell(direct)} | {ratio(ew, direct)} "
              f"| {cell(f64)} | {ratio(ew, f64)} | {cell(jh)} | {ratio(jh, plain)} |")

# Issue 17 item 6: the reader API that allocates nothing the caller has (NexusFile.numeric), beside the
# January road (doubles in a fresh array) and h5py, with the JVM's process CPU time per call
# (CpuTimeProfiler, all threads) and the load average of the run.


def secondary(bench, f, name):
    for r in jmh:
        if r["benchmark"].endswith("." + bench) and r["params"]["file"] == f:
            sec = r.get("secondaryMetrics", {})
            m = sec.get(name) or sec.get("\u00b7" + name)
            return m["score"] if m else None
    return None


print()
print("| 200x256x1024 uint16 | read | h5py d[...] ms | January doubles ms | ratio | typed (stored type) ms | **ratio** "
      "| into caller's doubles ms | **ratio** | h5py read_direct ms | into / read_direct | CPU ms/call typed / into | load |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for f, label in LABEL.items():
    for what, jname, key in (("one frame", "OneFrame", "oneFrame"), ("whole stack", "WholeStack", "wholeStack")):
        plain = h5(f, key)
        ew, typed, into = (java.get(("edgeworks" + jname + s, f)) for s in ("", "Typed", "Into"))
        if plain is None or typed is None:
            continue
        direct = h5(f, key + "ReadDirect")
        cpu_t, cpu_i = secondary("edgeworks" + jname + "Typed", f, "cpu"), secondary("edgeworks" + jname + "Into", f, "cpu")
        load = secondary("edgeworks" + jname + "Typed", f, "load")
        print(f"| {label} | {what} | {cell(plain)} | {cell(ew)} | {ratio(ew, plain)} | {cell(typed)} | **{ratio(typed, plain)}** "
              f"| {cell(into)} | **{ratio(into, plain)}** | {cell(direct)} | {ratio(into, direct)} "
              f"| {cell(cpu_t)} / {cell(cpu_i)} | {'-' if load is None else f'{load:.1f}'} |")
