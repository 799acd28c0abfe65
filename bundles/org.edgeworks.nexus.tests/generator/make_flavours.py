#!/usr/bin/python3
"""Writes the HDF5 flavours beamlines produce today, for the NeXus reader tests.

Run by the build (exec-maven-plugin, generate-test-resources) with Debian's /usr/bin/python3
(python3-h5py, python3-lz4, python3-hdf5plugin): usage make_flavours.py OUTDIR [--bench].
Deterministic output.
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

# 7. every standard HDF5 filter and datatype h5py reads (issue 13), one dataset each, with the
# values h5py reads back written beside them (filters_h5py.tsv: path, tab, the values separated by
# spaces in Python's round-trip repr; enum labels as value=label): the reader must give the same
# numbers. Lossy filters (scale-offset, N-bit) are compared with what h5py reads, not the input.
import hdf5plugin

n = 300
x = np.linspace(0.0, 1.0, n)
ramp = 8950.0 + 120.0 * x + 0.37 * np.sin(40 * x)          # an energy-like float64 axis
counts = (1000 + 900 * np.cos(9 * x) + (np.arange(n) % 13)).astype(np.int32)
small_u2 = (np.arange(n) * 37 % 4001).astype(np.uint16)
with h5py.File(os.path.join(out, "filters.h5"), "w") as f:
    e = nx(f.create_group("entry"), "NXentry")
    d = nx(e.create_group("data"), "NXdata")
    d.create_dataset("energy", data=ramp, chunks=(64,), compression="gzip")
    d.attrs["signal"] = "counts"
    d.attrs["axes"] = ["energy"]
    d.create_dataset("counts", data=counts, chunks=(64,), shuffle=True, compression="gzip", fletcher32=True)
    g = f.create_group("filters")
    g.create_dataset("scaleoffset_f8_d6", data=ramp, chunks=(64,), scaleoffset=6)
    g.create_dataset("scaleoffset_f4_d3", data=ramp.astype(np.float32) - 8000, chunks=(50,), scaleoffset=3)
    g.create_dataset("scaleoffset_i4_auto", data=counts, chunks=(64,), scaleoffset=0)
    g.create_dataset("scaleoffset_u2_fill", data=small_u2, chunks=(64,), scaleoffset=0, fillvalue=7)
    g.create_dataset("scaleoffset_i2_minbits", data=(counts - 1000).astype(np.int16), chunks=(64,), scaleoffset=12)
    g.create_dataset("scaleoffset_i8_be", data=(counts.astype(">i8") << 20), chunks=(64,), scaleoffset=0)
    g.create_dataset("scaleoffset_gzip_2d", data=np.outer(np.arange(10), ramp[:40]), chunks=(4, 16), scaleoffset=4,
                     compression="gzip")
    g.create_dataset("fletcher32", data=ramp, chunks=(64,), fletcher32=True)
    g.create_dataset("shuffle_only", data=counts, chunks=(64,), shuffle=True)
    g.create_dataset("lzf", data=ramp, chunks=(64,), compression="lzf")
    g.create_dataset("lz4_plugin", data=counts, chunks=(64,), **hdf5plugin.LZ4())
    # bitshuffle (32008): Debian ships no bitshuffle plugin, so h5py can neither write nor read it here;
    # chunks are written directly in the filter's uncompressed framing (bits of each byte plane
    # gathered, blocks of 64 elements) and the expected values are the input (known by construction)
    bs = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    bs.set_chunk((64,))
    bs.set_filter(32008, h5py.h5z.FLAG_OPTIONAL, (0, 4, 2, 64, 0))
    bsd = h5py.h5d.create(g.id, b"bitshuffle_plain", h5py.h5t.STD_U16LE, h5py.h5s.create_simple((n,)), dcpl=bs)
    for start in range(0, n, 64):
        block = np.zeros(64, dtype="<u2")
        part = small_u2[start:start + 64]
        block[:len(part)] = part
        bits = np.unpackbits(block.view(np.uint8).reshape(64, 2), axis=1, bitorder="little")  # [element, byte*8+bit]
        bsd.write_direct_chunk((start,), np.packbits(bits.T, axis=1, bitorder="little").tobytes())
    # N-bit: integer types of reduced precision and offset, and a reduced float (HDF5 user guide layout)
    for name, base, prec, off, values in [("nbit_i4_p12_o4", h5py.h5t.STD_I32LE, 12, 4, (counts - 1500).astype(np.int32)),
                                          ("nbit_u2_p13_o0", h5py.h5t.STD_U16LE, 13, 0, small_u2),
                                          ("nbit_i4be_p20_o3", h5py.h5t.STD_I32BE, 20, 3, counts * 100)]:
        t = base.copy()
        t.set_precision(prec)
        t.set_offset(off)
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_chunk((64,))
        dcpl.set_filter(5, 0, ())  # H5Z_FILTER_NBIT (h5py has no set_nbit)
        ds = h5py.h5d.create(g.id, name.encode(), t, h5py.h5s.create_simple((n,)), dcpl=dcpl)
        ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.ascontiguousarray(values.astype(values.dtype.newbyteorder("="))))
    ft = h5py.h5t.IEEE_F32LE.copy()
    ft.set_fields(26, 20, 6, 7, 13)
    ft.set_offset(7)
    ft.set_precision(20)
    ft.set_ebias(31)
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_chunk((64,))
    dcpl.set_filter(5, 0, ())
    ds = h5py.h5d.create(g.id, b"nbit_f4_p20", ft, h5py.h5s.create_simple((n,)), dcpl=dcpl)
    ds.write(h5py.h5s.ALL, h5py.h5s.ALL, np.ascontiguousarray((ramp - 9000) / 7.0, dtype=np.float32))
    # a filter Edgeworks has no decoder for: only this dataset is refused, its group stays readable
    bl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    bl.set_chunk((64,))
    bl.set_filter(32001, h5py.h5z.FLAG_OPTIONAL, (2, 2, 4, 256, 5, 1, 1))
    bld = h5py.h5d.create(g.id, b"blosc_unsupported", h5py.h5t.STD_I32LE, h5py.h5s.create_simple((n,)), dcpl=bl)
    for start in range(0, n, 64):
        bld.write_direct_chunk((start,), bytes(range(40)))  # no blosc decoder here to make real blosc chunks
    t = f.create_group("types")
    t.create_dataset("f2_half", data=(ramp - 9000).astype(np.float16))
    t.create_dataset("i1", data=(counts % 200 - 100).astype(np.int8), chunks=(64,))
    t.create_dataset("u8_big", data=(counts.astype(np.uint64) << 50))
    t["energy_type"] = np.dtype("<f8")  # a committed (named) datatype
    t.create_dataset("committed_f8", data=ramp, dtype=t["energy_type"], chunks=(64,), compression="gzip")
    t["shutter_type"] = h5py.enum_dtype({"closed": 0, "open": 1, "fault": 7}, basetype="u1")
    t.create_dataset("enum_u1", data=np.array([0, 1, 1, 7] * (n // 4), dtype=np.uint8), dtype=t["shutter_type"])
    t.create_dataset("enum_i2_chunked", data=np.array([-3, 0, 12] * (n // 3), dtype=np.int16), chunks=(64,),
                     dtype=h5py.enum_dtype({"low": -3, "mid": 0, "high": 12}, basetype="i2"))
    comp = np.zeros(n, dtype=[("energy", "<f8"), ("mu", "<f4"), ("flag", "i1"), ("label", "S6"), ("counts", ">u4")])
    comp["energy"] = ramp
    comp["mu"] = np.arctan((ramp - 9010.0) / 3.0).astype(np.float32)
    comp["flag"] = np.arange(n) % 3
    comp["label"] = b"pt"
    comp["counts"] = counts
    t.create_dataset("compound", data=comp)
    t.create_dataset("compound_chunked", data=comp, chunks=(64,), compression="gzip", shuffle=True)
    # fill values: a chunked dataset with only its first chunk written, a contiguous one never written
    fill = t.create_dataset("fill_chunked", shape=(n,), dtype="f8", chunks=(64,), fillvalue=-1.5, compression="gzip")
    fill[0:64] = ramp[0:64]
    t.create_dataset("fill_contiguous_unwritten", shape=(50,), dtype="i4", fillvalue=42)
    t.create_dataset("fill_2d_sparse", shape=(6, 70), dtype="u2", chunks=(3, 32), fillvalue=9)[3:6, 32:64] = 5

expected = {}
with h5py.File(os.path.join(out, "filters.h5"), "r") as f:
    def collect(name, obj):
        if isinstance(obj, h5py.Dataset) and name not in ("filters/blosc_unsupported", "filters/bitshuffle_plain"):
            v = obj[()]
            if v.dtype.names:
                for field in v.dtype.names:
                    if v.dtype[field].kind in "iuf":
                        expected[name + "/" + field] = [float(a) for a in v[field].ravel()]
            elif v.dtype.kind in "iuf":
                expected[name] = [float(a) for a in np.asarray(v, dtype=np.float64).ravel()]
            enum = h5py.check_enum_dtype(obj.dtype)
            if enum:
                expected[name + "@labels"] = {str(int(k)): lab for lab, k in enum.items()}
    f.visititems(collect)
expected["filters/bitshuffle_plain"] = [float(a) for a in small_u2]
with open(os.path.join(out, "filters_h5py.tsv"), "w") as tsv:
    for key in sorted(expected):
        v = expected[key]
        text = " ".join(f"{k}={lab}" for k, lab in sorted(v.items())) if isinstance(v, dict) else " ".join(repr(a) for a in v)
        tsv.write(key + "\t" + text + "\n")
print("flavours written to", out)
