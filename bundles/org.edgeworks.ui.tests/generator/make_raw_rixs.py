#!/usr/bin/python3
"""A raw mRIXS scan large enough that building its map takes seconds (for the build panel's cancel test;
h5py + numpy only, no Edgeworks code).

raw.nxs   NXentry / NXinstrument / NXdetector data (600 frames x 64 x 256 float32, one gzip chunk per frame),
          NXmonochromator energy (525 + 0.02 k eV), NXmonitor data (I0 = 1): a Gaussian elastic line moving
          with the excitation energy on a flat background.
"""
import os
import sys

import h5py
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
F, R, C = 600, 64, 256
E = 525 + 0.02 * np.arange(F)
cols = np.arange(C)[None, :]
rng = np.random.default_rng(9)
with h5py.File(os.path.join(out, "raw.nxs"), "w") as f:
    entry = f.create_group("entry")
    entry.attrs["NX_class"] = "NXentry"
    inst = entry.create_group("instrument")
    inst.attrs["NX_class"] = "NXinstrument"
    det = inst.create_group("detector")
    det.attrs["NX_class"] = "NXdetector"
    d = det.create_dataset("data", shape=(F, R, C), dtype="f4", chunks=(1, R, C), compression="gzip")
    for k in range(F):
        centre = 40 + 8 * (E[k] - 525)
        frame = 10 + 1000 * np.exp(-0.5 * ((cols - centre) / 1.5) ** 2) * np.ones((R, 1))
        d[k] = (frame + rng.normal(0, 1, (R, C))).astype("f4")
    mono = inst.create_group("monochromator")
    mono.attrs["NX_class"] = "NXmonochromator"
    mono.create_dataset("energy", data=E).attrs["units"] = "eV"
    mon = entry.create_group("monitor")
    mon.attrs["NX_class"] = "NXmonitor"
    mon.create_dataset("data", data=np.ones(F))
print("raw scan written to", out)
