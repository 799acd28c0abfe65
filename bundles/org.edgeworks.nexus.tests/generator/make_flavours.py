#!/usr/bin/python3
"""Writes the HDF5 flavours beamlines produce today, for the NeXus reader tests.

Run by the build (exec-maven-plugin, generate-test-resources) with Debian's /usr/bin/python3
(python3-h5py, python3-lz4): usage make_flavours.py OUTDIR [--bench]. Deterministic output.
--bench also writes the full-size benchmark stacks (200-frame LZ4 and contiguous uint16, ~150 MB)
that the JMH benchmarks and the h5py peer read; the tests do not need them.
"""
import os
import sys

import h5py
import numpy as np

out = sys.argv[1]
bench = "--bench" in sys.argv[2:]
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
# LZ4 (filter 32004) chunks are written directly in the HDF5 LZ4 plugin's framing, so that no
# filter plugin is needed to make the file: 8-byte big-endian total size, 4-byte block size,
# then per block a 4-byte big-endian compressed size and the LZ4 block.
import struct
import lz4.block

def lz4_chunk(raw):
    block = lz4.block.compress(raw, store_size=False)
    return struct.pack(">qi", len(raw), len(raw)) + struct.pack(">i", len(block)) + block

def lz4_dataset(group, name, data, chunks, shuffle=False):
    """A chunked LZ4 dataset written chunk by chunk; edge chunks are padded to full size as HDF5 does."""
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_chunk(chunks)
    if shuffle:
        dcpl.set_shuffle()
    dcpl.set_filter(32004, h5py.h5z.FLAG_OPTIONAL, (0,))
    space = h5py.h5s.create_simple(data.shape)
    dsid = h5py.h5d.create(group.id, name.encode(), h5py.h5t.py_create(data.dtype), space, dcpl=dcpl)
    grid = [range(0, n, c) for n, c in zip(data.shape, chunks)]
    for origin in np.ndindex(*[len(g) for g in grid]):
        start = tuple(o * c for o, c in zip(origin, chunks))
        block = np.zeros(chunks, dtype=data.dtype)
        part = data[tuple(slice(s, s + c) for s, c in zip(start, chunks))]
        block[tuple(slice(0, n) for n in part.shape)] = part
        raw = block.tobytes()
        if shuffle:
            raw = np.frombuffer(raw, np.uint8).reshape(-1, data.dtype.itemsize).T.tobytes()
        dsid.write_direct_chunk(start, lz4_chunk(raw))


def detector_file(name, frames_in_file, **create):
    with h5py.File(os.path.join(out, name), "w", libver="latest") as f:
        e = nx(f.create_group("entry"), "NXentry")
        det = nx(e.create_group("instrument").create_group("detector"), "NXdetector")
        if create.pop("lz4", False):
            lz4_dataset(det, "data", stack[:frames_in_file], (1, rows, cols))
        else:
            det.create_dataset("data", data=stack[:frames_in_file], **create)


detector_file("stack_gzip.h5", frames, chunks=(1, rows, cols), compression="gzip", compression_opts=4)
detector_file("stack_lz4.h5", 20, lz4=True)
if bench:
    detector_file("stack_lz4_200.h5", frames, lz4=True)
    detector_file("stack_contiguous.h5", frames)

# 3b. every numeric type, layout and rank the fast reader decodes, small, with partial edge
# chunks. Values follow a formula the tests recompute: v = (37 * linear_index) % 251, then per
# type: unsigned types scale it past the signed range, signed types centre it on zero.
def pattern(shape, kind):
    v = (37 * np.arange(int(np.prod(shape)), dtype=np.int64)) % 251
    v = v.reshape(shape)
    return {
        "u1": v.astype(np.uint8), "i1": (v - 125).astype(np.int8),
        "u2": (v * 200 + v % 7).astype(np.uint16), "i2": ((v - 125) * 200).astype(np.int16),
        "u4": (v * 16777259).astype(np.uint32), "i4": ((v - 125) * 16777259).astype(np.int32),
        "u8": (v << 40).astype(np.uint64), "i8": ((v - 125) << 40).astype(np.int64),
        "f4": ((v - 125) / 8.0).astype(np.float32), "f8": (v - 125) / 3.0,
    }[kind]


small = (5, 37, 23)
small_chunks = (2, 16, 10)
with h5py.File(os.path.join(out, "layouts.h5"), "w", libver="latest") as f:
    t = f.create_group("types")
    for kind in ["u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8"]:
        t.create_dataset(kind, data=pattern(small, kind), chunks=small_chunks, compression="gzip", shuffle=True)
    t.create_dataset("u2be", data=pattern(small, "u2").astype(">u2"), chunks=small_chunks, compression="gzip")
    t.create_dataset("f8be", data=pattern(small, "f8").astype(">f8"))
    lay = f.create_group("layouts")
    u2 = pattern(small, "u2")
    lay.create_dataset("contiguous", data=u2)
    space = h5py.h5s.create_simple(small)
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_layout(h5py.h5d.COMPACT)
    h5py.Dataset(h5py.h5d.create(lay.id, b"compact", h5py.h5t.STD_U16LE, space, dcpl=dcpl))[...] = u2
    lay.create_dataset("chunked", data=u2, chunks=small_chunks)
    lay.create_dataset("gzip", data=u2, chunks=small_chunks, compression="gzip")
    lay.create_dataset("shuffle_gzip", data=u2, chunks=small_chunks, compression="gzip", shuffle=True)
    lay.create_dataset("fletcher_gzip", data=u2, chunks=small_chunks, compression="gzip", fletcher32=True)
    lz4_dataset(lay, "lz4", u2, small_chunks)
    lz4_dataset(lay, "shuffle_lz4", u2, small_chunks, shuffle=True)
    # only the first two frames written: the other chunks do not exist and read as the fill value 0
    sparse = lay.create_dataset("sparse", shape=small, dtype="u2", chunks=small_chunks, compression="gzip")
    sparse[0:2] = u2[0:2]
    r = f.create_group("ranks")
    r.create_dataset("r1", data=pattern((1000,), "f8"), chunks=(64,), compression="gzip")
    r.create_dataset("r1_contiguous", data=pattern((1000,), "i4"))
    r.create_dataset("r2", data=pattern((37, 23), "i4"), chunks=(8, 8), compression="gzip", shuffle=True)
    r.create_dataset("r2_contiguous", data=pattern((37, 23), "i4"))
    r.create_dataset("scalar", data=np.float64(2.5))
# the same in the default (earliest) format: version-3 layout messages and B-tree v1 chunk indexes
with h5py.File(os.path.join(out, "legacy.h5"), "w") as f:
    f.create_dataset("shuffle_gzip", data=pattern(small, "u2"), chunks=small_chunks, compression="gzip", shuffle=True)
    f.create_dataset("chunked_f4", data=pattern(small, "f4"), chunks=small_chunks)
    f.create_dataset("contiguous_i4", data=pattern(small, "i4"))

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
