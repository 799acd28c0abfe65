#!/usr/bin/python3
"""RixsBenchmark's input and its two peers, in the same run (issue 5).

1. Writes (once) a SYNTHETIC raw mRIXS scan as NeXus: 200 frames of 512 rows (non-dispersive) x
   2048 columns (dispersive) uint16, chunked one frame per chunk, gzip level 4, with
   NXdetector/count_time and 5 dark frames, NXmonochromator/energy (eV), NXmonitor/data (I0).
   Content: the same model as SyntheticRixs.java (curved elastic line, O K-like features at
   525.0/522.8 eV emission, the 531.0/523.7 eV feature, dark 100, Poisson noise, cosmic rays).
2. Times (a) h5py reading every frame (d[i], as stored, and converted to float64) and
   (b) a straightforward numpy implementation of the same reduction as BuildMap (dark, cosmic
   rays against the median of the 6 nearest rows, curvature fitted on 5 frames by
   cross-correlation, straighten + sum, elastic line, linear pixel-to-eV, I0 x time, regrid).
Prints one JSON object (seconds). Usage: /usr/bin/python3 make_stack.py OUTDIR
The stack goes to $EDGEWORKS_BENCH_RIXS or OUTDIR/../rixs/rixs_stack.h5.
"""
import json
import os
import sys
import time

import h5py
import numpy as np

FRAMES, ROWS, COLS, DARKS = 200, 512, 2048, 5
E0, DISP, A1, A2, DARK = 515.0, 0.01, 0.01, 3e-5, 100.0
STACK = "/entry/instrument/detector/data"


def g(x, c, s):
    return np.exp(-0.5 * ((x - c) / s) ** 2)


def intensity(ex, em, amp=1.0):
    absorption = 0.6 * g(ex, 529.6, 0.45) + 0.4 * (0.5 + np.arctan((ex - 532.0) / 0.8) / np.pi) + 0.05
    band = 0.7 * g(em, 525.0, 0.9) + 1.0 * g(em, 522.8, 1.3)
    return 300 * absorption * band + 250 * amp * g(ex, 531.0, 0.25) * g(em, 523.7, 0.25) + 600 * g(em, ex, 0.12)


def write_stack(path):
    rng = np.random.default_rng(5)
    ex = np.linspace(527.0, 535.0, FRAMES)
    i0 = 1e4 * (1 + 0.1 * np.sin(0.7 * np.arange(FRAMES)))
    u = np.arange(ROWS) - (ROWS - 1) / 2
    shift = A1 * u + A2 * u * u
    cols = np.arange(COLS)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".part"
    with h5py.File(tmp, "w") as f:
        entry = f.create_group("entry")
        entry.attrs["NX_class"] = "NXentry"
        entry["title"] = "SYNTHETIC O K-edge mRIXS raw scan for RixsBenchmark (generated, not measured)"
        det = entry.create_group("instrument/detector")
        f["entry/instrument"].attrs["NX_class"] = "NXinstrument"
        det.attrs["NX_class"] = "NXdetector"
        d = det.create_dataset("data", (FRAMES, ROWS, COLS), dtype="uint16", chunks=(1, ROWS, COLS), compression="gzip",
                               compression_opts=4)
        for k in range(FRAMES):
            x = (cols[None, :] - shift[:, None])
            expected = intensity(ex[k], E0 + DISP * x) * DISP * 2.0 * i0[k] / 1e4  # x2: about 2 counts/px/row in the bands
            frame = rng.poisson(expected) + DARK + rng.normal(0, 3, (ROWS, COLS))
            for _ in range(20):
                r, c = rng.integers(ROWS), rng.integers(COLS)
                frame[r, c:c + 2] += rng.uniform(500, 3000)
            d[k] = np.clip(np.rint(frame), 0, 65535).astype(np.uint16)
        det["count_time"] = np.ones(FRAMES)
        det["count_time"].attrs["units"] = "s"
        dark = DARK + rng.normal(0, 3, (DARKS, ROWS, COLS))
        det.create_dataset("dark", data=np.clip(np.rint(dark), 0, 65535).astype(np.uint16), chunks=(1, ROWS, COLS),
                           compression="gzip", compression_opts=4)
        mono = entry.create_group("instrument/monochromator")
        mono.attrs["NX_class"] = "NXmonochromator"
        mono["energy"] = ex
        mono["energy"].attrs["units"] = "eV"
        mon = entry.create_group("monitor")
        mon.attrs["NX_class"] = "NXmonitor"
        mon["data"] = i0
    os.replace(tmp, path)


def read_all(path, as_float):
    with h5py.File(path, "r") as f:
        d = f[STACK]
        s = 0.0
        for k in range(d.shape[0]):
            a = d[k]
            if as_float:
                a = a.astype(np.float64)
            s += float(a[0, 0])
    return s


def neighbour_median(f):
    """Median of the 6 nearest rows (window of 7 kept inside the image), like FrameKernels."""
    rows = f.shape[0]
    r = np.arange(rows)
    lo = np.clip(r - 3, 0, rows - 7)
    # the o-th row of each pixel's window, skipping the pixel's own row
    idx = [np.where(lo + o >= r, lo + o + 1, lo + o) for o in range(6)]
    return np.median(np.stack([f[i] for i in idx]), axis=0)


def reduce_frame(f, dark, shift, k_sigma=8.0):
    f = f.astype(np.float64) - dark
    diff = f[1:-1] - 0.5 * (f[:-2] + f[2:])
    s0 = 1.4826 * np.median(np.abs(diff - np.median(diff))) / np.sqrt(1.5)
    med = neighbour_median(f)
    spike = (f - med) ** 2 * (f > med) > k_sigma ** 2 * (s0 ** 2 + np.maximum(med, 0))
    f[spike] = med[spike]
    return f, straighten(f, shift)


def straighten(f, shift):
    rows, cols = f.shape
    i0 = np.floor(shift).astype(int)
    fr = shift - i0
    c = np.arange(cols)[None, :] + i0[:, None]
    valid = (c >= 0) & (c + 1 < cols)
    cc = np.clip(c, 0, cols - 2)
    rr = np.arange(rows)[:, None]
    v = (1 - fr[:, None]) * f[rr, cc] + fr[:, None] * f[rr, cc + 1]
    return np.where(valid, v, 0.0).sum(axis=0), valid.sum(axis=0)


def peak_lag(ref, p, max_lag):
    cc = np.array([np.dot(ref[max(0, -l):len(ref) - max(0, l)], p[max(0, l):len(p) - max(0, -l)])
                   for l in range(-max_lag, max_lag + 1)])
    b = int(np.argmax(cc))
    if b == 0 or b == len(cc) - 1:
        return np.nan
    a, m, c = cc[b - 1], cc[b], cc[b + 1]
    den = a - 2 * m + c
    return b - max_lag + (0.5 * (a - c) / den if den < 0 else 0)


def fit_curvature(frames, degree=2, rbin=8, max_shift=20):
    rows, cols = frames[0].shape
    nb = rows // rbin
    u = np.arange(nb) * rbin + (rbin - 1) / 2 - (rows - 1) / 2
    profiles = [f[:nb * rbin].reshape(nb, rbin, cols).sum(axis=1) for f in frames]
    profiles = [p - np.median(p, axis=1, keepdims=True) for p in profiles]
    coeff = np.zeros(degree + 1)
    for it in range(3):
        lags = max_shift if it < 2 else 3
        meas = []
        for p in profiles:
            s = np.polyval(coeff[::-1], u)
            x = np.arange(cols)
            st = np.array([np.interp(x + s[b], x, p[b], left=0, right=0) for b in range(nb)])
            ref = st[np.argmax((st ** 2).sum(axis=1))] if it == 0 else st.sum(axis=0)
            meas.append([s[b] + peak_lag(ref, st[b], lags) for b in range(nb)])
        m = np.nanmean(np.array(meas), axis=0)
        ok = np.isfinite(m)
        coeff = np.polyfit(u[ok], m[ok], degree)[::-1]
    return coeff


def numpy_build(path):
    with h5py.File(path, "r") as f:
        d = f[STACK]
        n, rows, cols = d.shape
        dark = f["/entry/instrument/detector/dark"][...].astype(np.float64).mean(axis=0)
        ex = f["/entry/instrument/monochromator/energy"][...]
        i0 = f["/entry/monitor/data"][...]
        t = f["/entry/instrument/detector/count_time"][...]
        sample = [reduce_frame(d[k], dark, np.zeros(rows))[0] for k in np.linspace(0, n - 1, 5).round().astype(int)]
        coeff = fit_curvature(sample)
        u = np.arange(rows) - (rows - 1) / 2
        shift = np.polyval(coeff[::-1], u)
        spectra = np.empty((n, cols))
        for k in range(n):
            _, (spec, cover) = reduce_frame(d[k], dark, shift)
            spectra[k] = spec * rows / np.maximum(cover, 1)
    # elastic: outermost peak above 20 % of the maximum, centroid over +-6 px
    elastic = np.empty(n)
    for k in range(n):
        s = spectra[k]
        above = np.nonzero(s >= 0.2 * s.max())[0]
        top = above[-1]
        while top > 0 and s[top - 1] >= s[top]:
            top -= 1
        w = slice(max(0, top - 6), top + 7)
        y = s[w] - s[w].min()
        elastic[k] = (np.arange(cols)[w] * y).sum() / y.sum()
    cal = np.polyfit(elastic, ex, 1)
    em = np.polyval(cal, np.arange(cols))
    norm = spectra / (i0 * t)[:, None] / abs(cal[0])
    grid = np.arange(em[0], em[-1] + 1e-9, abs(cal[0]))
    m = np.array([np.interp(grid, em, row) for row in norm])
    return m, coeff, cal


def timed(fn, repeats):
    """Wall seconds (mean, min) and CPU seconds of this process (mean): on a shared machine the
    CPU time is the steadier number."""
    times, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"mean_s": float(np.mean(times)), "min_s": float(np.min(times)), "cpu_s": float(np.mean(cpu)), "runs": repeats}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    path = os.environ.get("EDGEWORKS_BENCH_RIXS", os.path.join(out, "..", "rixs", "rixs_stack.h5"))
    if not os.path.isfile(path):
        write_stack(path)
    read_all(path, False)  # warm the page cache, as JMH's warm-up does for Java
    result = {
        "file": os.path.abspath(path),
        "shape": [FRAMES, ROWS, COLS],
        "dtype": "uint16, chunk = 1 frame, gzip 4",
        "h5py": h5py.__version__, "numpy": np.__version__,
        "h5py_read_frames": timed(lambda: read_all(path, False), 3),
        "h5py_read_frames_float64": timed(lambda: read_all(path, True), 3),
    }
    t0, c0 = time.perf_counter(), time.process_time()
    m, coeff, cal = numpy_build(path)
    result["numpy_reduction"] = {"mean_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0, "runs": 1}
    result["numpy_check"] = {"curvature": [float(c) for c in coeff], "pixel_to_eV": [float(c) for c in cal[::-1]],
                             "map_shape": list(m.shape)}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
