#!/usr/bin/python3
"""A small XANES stack with known per-pixel phases for the workbench's stack-map test (h5py + numpy only;
no Edgeworks code).

small.h5    140 energies x 8 x 10 pixels of mu (float64), NXdata default plot (data, energy):
            mu = 0.3 - 2e-5 (E - 7000) + sum_k w_k ref_k(E) + Gaussian noise (sigma 0.003, seed 14),
            w_A = 0.1 + 0.8 (x + y) / 16, w_B = 1 - w_A (truth at /truth/weights, order A, B).
ref_A.dat, ref_B.dat   the normalised references (energy, norm) on a 0.25 eV grid.
"""
import os
import sys

import h5py
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(14)
E = np.concatenate([np.arange(6950, 7000, 2.5), np.arange(7000, 7040, 0.5), np.arange(7040, 7200, 4.0)])
EDGES = {"A": (7010.0, 0.3), "B": (7016.0, 0.8)}


def ref(name, e):
    e0, h = EDGES[name]
    return 0.5 * (1 + np.tanh((e - e0) / 1.5)) + h * np.exp(-0.5 * ((e - e0 - 4) / 2.5) ** 2)


fine = np.arange(6940, 7210, 0.25)
for n in EDGES:
    np.savetxt(os.path.join(out, "ref_%s.dat" % n), np.column_stack([fine, ref(n, fine)]),
               header="energy_eV norm (synthetic reference %s)" % n)

H, W = 8, 10
y, x = np.mgrid[0:H, 0:W]
wa = 0.1 + 0.8 * (x + y) / (H - 1 + W - 1)
w = np.stack([wa, 1 - wa])                                    # (2, H, W)
R = np.stack([ref(n, E) for n in "AB"])                       # (2, nE)
mu = 0.3 - 2e-5 * (E[:, None, None] - 7000) + np.einsum("kyx,ke->eyx", w, R)
mu = mu + 0.003 * rng.standard_normal(mu.shape)

with h5py.File(os.path.join(out, "small.h5"), "w") as f:
    f.attrs["default"] = "entry"
    entry = f.create_group("entry")
    entry.attrs["NX_class"] = "NXentry"
    entry.attrs["default"] = "data"
    d = entry.create_group("data")
    d.attrs["NX_class"] = "NXdata"
    d.attrs["signal"] = "data"
    d.attrs["axes"] = ["energy", ".", "."]
    d.attrs["energy_indices"] = 0
    d.create_dataset("data", data=mu)
    d.create_dataset("energy", data=E).attrs["units"] = "eV"
    f.create_dataset("/truth/weights", data=w)
print("small stack written to", out)
