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

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "org.edgeworks.testsupport", "python"))
from synthetic_stacks import E_TEST as E, mixture, write_nxdata, write_references  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(14)
EDGES = {"A": (7010.0, 0.3), "B": (7016.0, 0.8)}
write_references(out, EDGES)

H, W = 8, 10
y, x = np.mgrid[0:H, 0:W]
wa = 0.1 + 0.8 * (x + y) / (H - 1 + W - 1)
w = np.stack([wa, 1 - wa])                                    # (2, H, W)
mu = mixture(E, w, EDGES, 0.3, -2e-5)
mu = mu + 0.003 * rng.standard_normal(mu.shape)
write_nxdata(os.path.join(out, "small.h5"), mu, E, truth={"weights": w})
print("small stack written to", out)
