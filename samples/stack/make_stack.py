#!/usr/bin/python3
"""The bundled XANES imaging stack sample (SYNTHETIC: generated, not measured), for `xas stack` and the demo.

    /usr/bin/python3 samples/stack/make_stack.py samples/stack/mn_txm_phases.h5

Writes a small full-field (TXM-like) Mn K-edge stack whose every pixel is a known mixture of the two
bundled references samples/xanes/MnO.dat and samples/xanes/Mn2O3x.dat:

  mu(E, y, x) = a + b (E - 6540) + step(y, x) * [w(y, x) norm_MnO(E) + (1 - w(y, x)) norm_Mn2O3(E)]
  counts(E, y, x) = flat(y, x) * exp(-mu) * (1 + 0.002 N(0, 1)),   uint16

norm_* are the references normalised by Larch's pre_edge with its defaults (the peer the project's
normalisation agrees with), linearly interpolated onto the stack's energies. The MnO fraction w rises
from 0 (column 1) to 1 (last column) in steps of 0.1, the same in every row; column 0 holds no sample
(step 0.001: below the mask). Truth: /truth/weights (2, y, x: MnO, Mn2O3) and /truth/step.
Layout: NXentry/NXdata `data` (energy, y, x) with axes energy; the flat field (one image) at
/entry/instrument/flat. Only numpy, h5py and Larch; no Edgeworks code.
"""
import os
import sys

import h5py
import numpy as np
from larch import Group
from larch.xafs import pre_edge

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "mn_txm_phases.h5")
xanes = os.path.join(here, "..", "xanes")


def larch_norm(name):
    d = np.loadtxt(os.path.join(xanes, name), comments="#")
    g = Group(energy=d[:, 0], mu=d[:, 1])
    pre_edge(g)
    return d[:, 0], g.norm


E = np.concatenate([np.arange(6400.0, 6520.0, 5.0), np.arange(6520.0, 6580.0, 0.5), np.arange(6580.0, 6800.1, 5.0)])
refs = []
for name in ("MnO.dat", "Mn2O3x.dat"):
    e, n = larch_norm(name)
    refs.append(np.interp(E, e, n))
R = np.stack(refs)                                     # (2, nE)

H, W = 8, 12
w = np.tile(np.concatenate([[0.5], np.arange(11) / 10.0]), (H, 1))   # column 0: no sample (its w is irrelevant)
weights = np.stack([w, 1 - w])                        # (2, H, W): MnO, Mn2O3
step = np.full((H, W), 1.2)
step[:, 0] = 0.001
a, b = 0.4, -1.5e-4
mu = a + b * (E[:, None, None] - 6540.0) + step[None] * np.einsum("kyx,ke->eyx", weights, R)
yy, xx = np.mgrid[0:H, 0:W]
flat = 40000.0 * (1 + 0.15 * np.exp(-(((xx - W / 2) / W) ** 2 + ((yy - H / 2) / H) ** 2) / 0.2))
rng = np.random.default_rng(2026)
counts = flat[None] * np.exp(-mu) * (1 + 0.002 * rng.standard_normal(mu.shape))
counts = np.clip(np.rint(counts), 1, 65535).astype(np.uint16)

with h5py.File(out, "w", libver="earliest") as f:
    f.attrs["default"] = "entry"
    entry = f.create_group("entry")
    entry.attrs["NX_class"] = "NXentry"
    entry.attrs["default"] = "data"
    entry["title"] = "SYNTHETIC Mn K-edge TXM stack: known MnO / Mn2O3 fractions per pixel (samples/stack/make_stack.py)"
    d = entry.create_group("data")
    d.attrs["NX_class"] = "NXdata"
    d.attrs["signal"] = "data"
    d.attrs["axes"] = ["energy", ".", "."]
    d.attrs["energy_indices"] = 0
    d.create_dataset("data", data=counts, chunks=(len(E), H, W), compression="gzip", compression_opts=9, shuffle=True)
    d.create_dataset("energy", data=E).attrs["units"] = "eV"
    inst = entry.create_group("instrument")
    inst.attrs["NX_class"] = "NXinstrument"
    inst.create_dataset("flat", data=np.rint(flat).astype(np.uint16))
    t = f.create_group("truth")
    t.attrs["NX_class"] = "NXcollection"
    t.create_dataset("weights", data=weights)
    t["weights"].attrs["order"] = "MnO, Mn2O3"
    t.create_dataset("step", data=step)
print(out, os.path.getsize(out), "bytes,", counts.shape, "stack")
