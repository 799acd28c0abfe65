#!/usr/bin/python3
"""StackBenchmark's input and its two peers, in the same run (issue 18).

1. Writes (once) a SYNTHETIC XANES imaging stack: 100 energies x 512 x 512 float32 mu,
   contiguous, at $EDGEWORKS_BENCH_XANES or OUTDIR/../xanes/stack.h5 (/entry/data/data, energy
   at /entry/data/energy), and three normalised references ref_A/B/C.dat beside it. Each pixel
   is a mixture w_A A + w_B B + w_C C of three tanh edges with white lines (7010, 7014, 7018 eV)
   on a sloped pre-edge, with 0.3% noise; the fractions vary smoothly over the image.
2. Times (a) h5py reading the whole stack (d[...], and read_direct into a reused buffer) and
   (b) a vectorised numpy implementation of the same per-pixel normalisation as StackBenchmark's
   "normalize" case: E0 = argmax of numpy.gradient (away from the ends, as Larch's _finde0),
   pre-edge line over [E0-50, E0-15] eV, post-edge line of mu-pre over [E0+30, E0+150] eV, edge
   step post(E0)-pre(E0), norm = (mu-pre)/step, all pixels at once with masked sums.
Prints one JSON object (seconds, best of 3 after a warm-up). Usage: xanes_stack.py OUTDIR
"""
import json
import os
import sys
import time

import h5py
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "."
path = os.environ.get("EDGEWORKS_BENCH_XANES", os.path.join(out, "..", "xanes", "stack.h5"))
os.makedirs(os.path.dirname(path), exist_ok=True)
E = np.concatenate([np.arange(6950, 7000, 2.5), np.arange(7000, 7025, 0.5), np.arange(7025, 7175, 5.0)])
EDGES = {"A": (7010.0, 0.3), "B": (7014.0, 0.8), "C": (7018.0, 0.1)}
H = W = 512


def ref(name, e):
    e0, h = EDGES[name]
    return 0.5 * (1 + np.tanh((e - e0) / 1.5)) + h * np.exp(-0.5 * ((e - e0 - 4) / 2.5) ** 2)


if not os.path.exists(path):
    fine = np.arange(6940, 7190, 0.25)
    for n in EDGES:
        np.savetxt(os.path.join(os.path.dirname(path), "ref_%s.dat" % n), np.column_stack([fine, ref(n, fine)]))
    rng = np.random.default_rng(4)
    u = np.arange(W)[None, :] / (W - 1) * np.ones((H, 1))
    v = np.arange(H)[:, None] / (H - 1) * np.ones((1, W))
    w = np.stack([(1 - u) * (1 - v), u * (1 - v), v])
    tmp = path + ".part"
    with h5py.File(tmp, "w") as f:
        d = f.create_dataset("/entry/data/data", shape=(len(E), H, W), dtype="f4")
        f["/entry/data/energy"] = E
        for i, en in enumerate(E):
            r = np.array([ref(n, np.array([en]))[0] for n in "ABC"])
            frame = 0.3 - 2e-5 * (en - 7000) + np.einsum("k,kyx->yx", r, w) + 0.003 * rng.standard_normal((H, W))
            d[i] = frame.astype("f4")
    os.replace(tmp, path)


CPU = {}


def best(fn, runs=3, name=None):
    """Best wall time of runs after a warm-up; the best process CPU time goes to CPU[name]."""
    fn()
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    if name:
        CPU[name] = min(cpu)
    return min(times)


def normalize(mu):
    """mu: (nE, P) float64 -> e0 (P,), step (P,), norm (nE, P)."""
    e = E[:, None]
    d = np.gradient(mu, E, axis=0)
    nmin = max(3, int(len(E) * 0.05))
    ie0 = nmin + np.argmax(d[nmin:len(E) - nmin], axis=0)
    e0 = E[ie0]

    def line(mask, y):
        m = mask.astype(np.float64)
        s0, s1, s2 = m.sum(0), (m * e).sum(0), (m * e * e).sum(0)
        t0, t1 = (m * y).sum(0), (m * e * y).sum(0)
        det = s0 * s2 - s1 * s1
        slope = (s0 * t1 - s1 * t0) / det
        return slope, (t0 - slope * s1) / s0

    rel = e - e0[None, :]
    ps, po = line((rel >= -50) & (rel <= -15), mu)
    pre = ps * e + po
    qs, qo = line((rel >= 30) & (rel <= 150), mu - pre)
    step = qs * e0 + qo
    norm = (mu - pre) / step
    return e0, step, norm


with h5py.File(path, "r") as f:
    d = f["/entry/data/data"]
    buf = np.empty(d.shape, d.dtype)
    d.read_direct(buf)
    read = best(lambda: d[...], name="h5py_read_cpu")
    read_direct = best(lambda: d.read_direct(buf), name="h5py_read_direct_cpu")

    def numpy_all():
        mu = d[...].reshape(len(E), -1).astype(np.float64)
        return normalize(mu)

    numpy_time = best(numpy_all, runs=2, name="numpy_normalize_e0_cpu")
print(json.dumps({"stack": [len(E), H, W], "h5py": h5py.__version__, "numpy": np.__version__, "unit": "s",
                  "h5py_read": read, "h5py_read_direct": read_direct, "numpy_normalize_e0": numpy_time, **CPU}))
