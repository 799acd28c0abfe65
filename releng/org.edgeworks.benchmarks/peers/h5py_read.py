#!/usr/bin/python3
"""h5py timings for NexusReadBenchmark, on the same files in the same run (Debian python3-h5py,
HDF5 1.10; LZ4 through python3-hdf5plugin + hdf5-filter-plugin).

For each stack (200 x 256 x 1024 uint16; gzip and LZ4 chunked per frame, contiguous): one frame
d[i] with i cycling through the stack as the Java benchmark does (so HDF5's 1 MB chunk cache
never holds the next frame), the same frame again (chunk-cache hit, for reference only), and the
whole stack d[...]. Each also converted to float64 (the Edgeworks reader delivers doubles), and
read with read_direct into a reused, already faulted-in array: a fresh 100 MB array costs
first-touch page faults on every call, which on a loaded VM can dominate d[...] (the JVM reuses
its pre-touched heap), so the ratios use the faster of d[...] and read_direct.
Per-call samples after a warm-up call, as JMH's SampleTime: median, minimum and mean in
milliseconds (the median is what nexus_ratios.py compares). Prints one JSON object.
Usage: /usr/bin/python3 h5py_read.py OUTDIR  (files from $EDGEWORKS_BENCH_FLAVOURS, default
OUTDIR/../flavours)
"""
import json
import os
import sys
import time

import h5py
import hdf5plugin  # noqa: F401  registers the LZ4 filter (32004)
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "."
flavours = os.environ.get("EDGEWORKS_BENCH_FLAVOURS", os.path.join(out, "..", "flavours"))
STACK = "/entry/instrument/detector/data"


def sample_ms(fn, min_seconds=2.0, min_calls=5):
    fn(0)  # warm-up: page cache, HDF5 metadata
    samples, start = [], time.perf_counter()
    while len(samples) < min_calls or time.perf_counter() - start < min_seconds:
        t = time.perf_counter()
        fn(len(samples))
        samples.append(1000.0 * (time.perf_counter() - t))
    return {"median": float(np.median(samples)), "min": min(samples), "mean": float(np.mean(samples)), "n": len(samples)}


results = {"h5py": h5py.__version__, "hdf5": h5py.version.hdf5_version, "numpy": np.__version__, "unit": "ms"}
for name in ["stack_gzip.h5", "stack_lz4_200.h5", "stack_contiguous.h5"]:
    with h5py.File(os.path.join(flavours, name), "r") as f:
        d = f[STACK]
        n = d.shape[0]
        frame_buf = np.empty(d.shape[1:], d.dtype)
        stack_buf = np.empty(d.shape, d.dtype)
        d.read_direct(stack_buf)  # fault the reused buffers in once
        results[name] = {
            "oneFrame": sample_ms(lambda k: d[(k + 1) % n]),
            "oneFrameReadDirect": sample_ms(lambda k: d.read_direct(frame_buf, np.s_[(k + 1) % n])),
            "oneFrameFloat64": sample_ms(lambda k: d[(k + 1) % n].astype(np.float64)),
            "sameFrameCached": sample_ms(lambda k: d[7]),
            "wholeStack": sample_ms(lambda k: d[...], min_seconds=4.0),
            "wholeStackReadDirect": sample_ms(lambda k: d.read_direct(stack_buf), min_seconds=4.0),
            "wholeStackFloat64": sample_ms(lambda k: d[...].astype(np.float64), min_seconds=0.0, min_calls=3),
        }
print(json.dumps(results, indent=1))
