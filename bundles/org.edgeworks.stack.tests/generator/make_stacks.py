#!/usr/bin/python3
"""Synthetic XANES image stacks for the org.edgeworks.stack tests (h5py + numpy only; no Edgeworks code).

phases.h5   140 energies x 20 x 24 pixels, uint16 transmission counts I = F * exp(-mu) with noise,
            chunked (10, 8, 8) + gzip; flat field F (one image) at /entry/instrument/flat;
            mu = a + b E + step * sum_i w_i ref_i(E) with known fractions w (truth at /truth/weights,
            order A, B, C) summing to one; columns 0-1 hold no sample (step 0.001: below the mask).
tiff/       the same counts as one uint16 TIFF per energy (written by hand below) + energies.txt
ref_A.dat, ref_B.dat, ref_C.dat   the normalised references (energy, norm) on a 0.25 eV grid
big.h5      120 energies x 1024 x 600 float32 mu (295 MB on disk, 590 MB as doubles), contiguous;
            pixel (y, x) has its edge (tanh step, symmetric: max dmu/dE at E0) at
            E0 = 7010 + 0.5 * ((x + y) % 5) eV, a grid point; truth of E0 at /truth/e0 (1024 x 600).
"""
import os
import struct
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "org.edgeworks.testsupport", "python"))
from synthetic_stacks import E_TEST as E, mixture, write_nxdata, write_references  # noqa: E402

out = sys.argv[1]
os.makedirs(os.path.join(out, "tiff"), exist_ok=True)
rng = np.random.default_rng(18)

EDGES = {"A": (7010.0, 0.3), "B": (7014.0, 0.8), "C": (7018.0, 0.1)}
write_references(out, EDGES)

H, W = 20, 24
u = np.arange(W)[None, :] / (W - 1) * np.ones((H, 1))
v = np.arange(H)[:, None] / (H - 1) * np.ones((1, W))
w = np.stack([(1 - u) * (1 - v), u * (1 - v), v])          # (3, H, W), sums to 1
step = np.full((H, W), 1.0)
step[:, :2] = 0.001                                         # no sample
mu = mixture(E, w, EDGES, 0.3, -2e-5, step)
flat = 50000.0 * (1 + 0.2 * np.exp(-((u - 0.5) ** 2 + (v - 0.5) ** 2) / 0.2))
counts = flat[None] * np.exp(-mu) * (1 + 0.002 * rng.standard_normal(mu.shape))
counts = np.clip(np.rint(counts), 1, 65535).astype(np.uint16)
flat16 = np.rint(flat).astype(np.uint16)
write_nxdata(os.path.join(out, "phases.h5"), counts, E, truth={"weights": w, "step": step}, flat=flat16,
             chunks=(10, 8, 8), compression="gzip")


def tiff16(path, img):
    """Minimal baseline TIFF: little-endian, one uncompressed strip per row, uint16 grey."""
    h, wd = img.shape
    data = img.astype("<u2").tobytes()
    n_tags = 10
    ifd_at = 8
    strips_at = ifd_at + 2 + n_tags * 12 + 4
    counts_at = strips_at + 4 * h
    data_at = counts_at + 4 * h
    row = wd * 2
    tags = [(256, 4, 1, wd), (257, 4, 1, h), (258, 3, 1, 16), (259, 3, 1, 1), (262, 3, 1, 1),
            (273, 4, h, strips_at), (277, 3, 1, 1), (278, 4, 1, 1), (279, 4, h, counts_at), (339, 3, 1, 1)]
    b = bytearray(b"II*\x00" + struct.pack("<I", ifd_at))
    b += struct.pack("<H", n_tags)
    for tag, typ, cnt, val in tags:
        if typ == 3 and cnt == 1:
            b += struct.pack("<HHIHH", tag, typ, cnt, val, 0)
        else:
            b += struct.pack("<HHII", tag, typ, cnt, val)
    b += struct.pack("<I", 0)
    b += struct.pack("<%dI" % h, *[data_at + i * row for i in range(h)])
    b += struct.pack("<%dI" % h, *[row] * h)
    b += data
    with open(path, "wb") as f:
        f.write(bytes(b))


order = rng.permutation(len(E))                               # table not in energy order
with open(os.path.join(out, "tiff", "energies.txt"), "w") as t:
    t.write("# file energy_eV\n")
    for i in order:
        name = "frame_%03d.tif" % i
        tiff16(os.path.join(out, "tiff", name), counts[i])
        t.write("%s %r\n" % (name, float(E[i])))
tiff16(os.path.join(out, "tiff_flat.tif"), flat16)

# big: 120 energies, written frame by frame (never the whole stack in memory)
EB = np.concatenate([np.arange(6950, 7000, 2.5), np.arange(7000, 7030, 0.5), np.arange(7030, 7190, 4.0)])
BH, BW = 1024, 600
yy, xx = np.mgrid[0:BH, 0:BW]
e0 = 7010 + 0.5 * ((xx + yy) % 5)
with h5py.File(os.path.join(out, "big.h5"), "w") as f:
    d = f.create_dataset("/entry/data/data", shape=(len(EB), BH, BW), dtype="f4")
    f["/entry/data/energy"] = EB
    f["/truth/e0"] = e0
    for i, en in enumerate(EB):
        d[i] = (0.1 + 0.5 * (1 + np.tanh((en - e0) / 1.5))).astype("f4")
print("stacks written to", out)
