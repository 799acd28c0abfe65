#!/usr/bin/python3
"""Writes the HDF5 flavours beamlines produce today, for the NeXus reader tests.

Run by the build (exec-maven-plugin, generate-test-resources) with Debian's /usr/bin/python3
(python3-h5py, python3-hdf5plugin): usage make_flavours.py OUTDIR. Deterministic output.
"""
import os
import sys

import h5py
import numpy as np

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20261125)


def nx(group, cls):
    group.attrs["NX_class"] = cls
    return group


# 1. libver=latest (superblock v3) NeXus file with @default chain and AXISNAME_indices
with h5py.File(os.path.join(out, "latest.nxs"), "w", libver="latest") as f:
    f.attrs["default"] = "entry"
    e = nx(f.create_group("entry"), "NXentry")
    e.attrs["default"] = "plot"
    d = nx(e.create_group("plot"), "NXdata")
    energy = np.linspace(6500.0, 6600.0, 101)
    d.create_dataset("energy", data=energy).attrs["units"] = "eV"
    d.create_dataset("mu", data=np.arctan((energy - 6539.0) / 2.0) / np.pi + 0.5)
    d.attrs["signal"] = "mu"
    d.attrs["axes"] = ["energy"]
    d.attrs["energy_indices"] = 0
    nx(e.create_group("other"), "NXdata")  # an NXdata without signal must not be chosen

# 2. SWMR file (written in SWMR mode, as detectors stream)
with h5py.File(os.path.join(out, "swmr.h5"), "w", libver="latest") as f:
    e = nx(f.create_group("entry"), "NXentry")
    d = nx(e.create_group("data"), "NXdata")
    ds = d.create_dataset("counts", shape=(0,), maxshape=(None,), chunks=(16,), dtype="f8")
    f.swmr_mode = True
    for i in range(5):
        ds.resize((ds.shape[0] + 10,))
        ds[-10:] = np.arange(10) + 10 * i
        ds.flush()
    d.attrs["signal"] = "counts"

# 3. 3-D uint16 detector stacks, chunked per frame: gzip and LZ4
frames, rows, cols = 200, 256, 1024
def frame(i):
    base = rng.poisson(2.0, size=(rows, cols)).astype(np.uint16)
    base[:, 500 + (i % 20)] += 1000  # a line that moves with the frame index
    base[0, 0] = i  # frame id for slice tests
    return base

stack = np.stack([frame(i) for i in range(frames)])
with h5py.File(os.path.join(out, "stack_gzip.h5"), "w", libver="latest") as f:
    e = nx(f.create_group("entry"), "NXentry")
    det = nx(e.create_group("instrument").create_group("detector"), "NXdetector")
    det.create_dataset("data", data=stack, chunks=(1, rows, cols), compression="gzip", compression_opts=4)
# LZ4 (filter 32004) chunks are written directly in the HDF5 LZ4 plugin's framing, so that no
# filter plugin is needed to make the file: 8-byte big-endian total size, 4-byte block size,
# then per block a 4-byte big-endian compressed size and the LZ4 block.
import struct
import lz4.block

def lz4_chunk(raw):
    block = lz4.block.compress(raw, store_size=False)
    return struct.pack(">qi", len(raw), len(raw)) + struct.pack(">i", len(block)) + block

with h5py.File(os.path.join(out, "stack_lz4.h5"), "w", libver="latest") as f:
    e = nx(f.create_group("entry"), "NXentry")
    det = nx(e.create_group("instrument").create_group("detector"), "NXdetector")
    n_lz4 = 20
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_chunk((1, rows, cols))
    dcpl.set_filter(32004, h5py.h5z.FLAG_OPTIONAL, (0,))
    space = h5py.h5s.create_simple((n_lz4, rows, cols))
    dsid = h5py.h5d.create(det.id, b"data", h5py.h5t.STD_U16LE, space, dcpl=dcpl)
    ds = h5py.Dataset(dsid)
    for i in range(n_lz4):
        ds.id.write_direct_chunk((i, 0, 0), lz4_chunk(stack[i].astype("<u2").tobytes()))

# 4. strings: fixed and variable length UTF-8, attributes and datasets
with h5py.File(os.path.join(out, "strings.h5"), "w") as f:
    e = nx(f.create_group("entry"), "NXentry")
    e.attrs.create("fixed_utf8", np.array("Ångström µ-beam".encode("utf-8"), dtype=h5py.string_dtype("utf-8", 20)))
    e.attrs["vlen_utf8"] = "Na₀.₆Li₀.₂Mn₀.₈O₂ pristine"
    e.create_dataset("title", data="O K-edge mRIXS", dtype=h5py.string_dtype("utf-8"))
    e.create_dataset("fixed_title", data=np.array(b"fixed ascii", dtype="S16"))

# 5. links: soft, external (resolving and dangling)
with h5py.File(os.path.join(out, "links_target.h5"), "w") as f:
    f.create_dataset("/entry/instrument/detector/data", data=np.arange(12, dtype="i4").reshape(3, 4))
with h5py.File(os.path.join(out, "links.nxs"), "w") as f:
    e = nx(f.create_group("entry"), "NXentry")
    d = nx(e.create_group("data"), "NXdata")
    d["ext"] = h5py.ExternalLink("links_target.h5", "/entry/instrument/detector/data")
    d["missing_ext"] = h5py.ExternalLink("no_such_file.h5", "/entry/data")
    e.create_dataset("x", data=np.arange(4.0))
    d["x"] = h5py.SoftLink("/entry/x")
    d["dangling_soft"] = h5py.SoftLink("/entry/nowhere")
    d.attrs["signal"] = "ext"
    d.attrs["axes"] = [".", "x"]

# 6. NeXus without any NXdata
with h5py.File(os.path.join(out, "no_nxdata.nxs"), "w") as f:
    e = nx(f.create_group("entry"), "NXentry")
    e.create_dataset("title", data="no plot here")
print("flavours written to", out)
