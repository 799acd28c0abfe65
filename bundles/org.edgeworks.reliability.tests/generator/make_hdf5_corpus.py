#!/usr/bin/python3
"""Writes the small HDF5/NeXus files of the bad-input corpus (issue 8) that need h5py to make.

The outputs are committed (resources/corpus/hdf5, a few kB each) so the tests do not need h5py;
rerun only to change them: /usr/bin/python3 generator/make_hdf5_corpus.py resources/corpus/hdf5
Truncated and bit-flipped variants are derived at test time by BadInputCorpus (Java) from good.nxs.
"""
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "org.edgeworks.testsupport", "python"))
from synthetic_nexus import default_nxdata, group  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
energy = np.linspace(6520.0, 6580.0, 61)
mu = np.arctan((energy - 6539.0) / 2.0) / np.pi + 0.5


def path(name):
    return os.path.join(out, name)


def nexus(name, signal_name="mu", libver="earliest"):
    """A NeXus file /entry/data (NXdata) with energy; the caller adds the signal."""
    f = h5py.File(path(name), "w", libver=libver, track_order=True)
    _, d = default_nxdata(f, signal_name, ["energy"])
    d.create_dataset("energy", data=energy).attrs["units"] = "eV"
    return f, d


# the good file: truncated and bit-flipped copies are derived from it
f, d = nexus("good.nxs")
d.create_dataset("mu", data=mu)
d.create_dataset("i0", data=np.full(61, 1.0e5))
f.close()

# declared shape of 10^12 elements (10^6 x 10^6 float64, chunked, no chunk ever written)
f, d = nexus("huge_2d.nxs", "frames")
d.create_dataset("frames", shape=(1_000_000, 1_000_000), dtype="f8", chunks=(64, 64))
f.close()

# a 1-D dataset of 10^12 elements: larger than any Java array and than jHDF's int dimensions
f, d = nexus("huge_1d.nxs", "mu")
d.create_dataset("mu", shape=(10**12,), dtype="f8", chunks=(1024,))
f.close()

# missing chunks: the chunk index points past the end of the file (a write cut off)
f, d = nexus("missing_chunks.nxs", "mu", libver="latest")
ds = d.create_dataset("mu", data=np.tile(mu, 64), chunks=(61,))
f.close()
size = os.path.getsize(path("missing_chunks.nxs"))
with h5py.File(path("missing_chunks.nxs"), "r") as f:
    ds = f["/entry/data/mu"]
    first_chunk = min(ds.id.get_chunk_info(i).byte_offset for i in range(ds.id.get_num_chunks()))
    last_chunk = max(ds.id.get_chunk_info(i).byte_offset for i in range(ds.id.get_num_chunks()))
# keep the headers and the first chunks; cut the file in the middle of the chunk data
cut = (first_chunk + last_chunk) // 2
with open(path("missing_chunks.nxs"), "r+b") as fh:
    fh.truncate(cut)

# a gzip chunk whose bytes are not a deflate stream
f, d = nexus("corrupt_gzip_chunk.nxs", "mu")
ds = d.create_dataset("mu", shape=(61,), dtype="f8", chunks=(61,), compression="gzip")
ds.id.write_direct_chunk((0,), b"this is not deflate data at all" * 4)
f.close()

# strings where numbers are expected
f, d = nexus("string_signal.nxs", "mu")
d.create_dataset("mu", data=np.array([b"high", b"low"] * 30 + [b"x"]))
f.close()
f, d = nexus("string_axis.nxs", "mu")
del d["energy"]
d.create_dataset("energy", data=np.array(["%.1f eV" % e for e in energy], dtype=h5py.string_dtype()))
d.create_dataset("mu", data=mu)
f.close()

# NeXus layout problems
with h5py.File(path("no_nxdata.nxs"), "w") as f:
    e = group(f, "entry", "NXentry")
    e.create_dataset("energy", data=energy)
    e.create_dataset("mu", data=mu)
f, d = nexus("no_signal_attr.nxs")
del d.attrs["signal"]
d.create_dataset("mu", data=mu)
f.close()
f, d = nexus("signal_names_absent.nxs", "absorbance")
d.create_dataset("mu", data=mu)
f.close()
f, d = nexus("no_axes_attr.nxs")
del d.attrs["axes"]
d.create_dataset("mu", data=mu)
f.close()
f, d = nexus("axes_names_absent.nxs")
d.attrs["axes"] = ["photon_energy"]
d.create_dataset("mu", data=mu)
f.close()

# links
f, d = nexus("dangling_soft_signal.nxs")
d["mu"] = h5py.SoftLink("/entry/instrument/detector/data")
f.close()
f, d = nexus("dangling_external_signal.nxs")
d["mu"] = h5py.ExternalLink("no_such_file.h5", "/data")
f.close()
with h5py.File(path("external_target.h5"), "w") as t:
    t.create_dataset("other", data=mu)
f, d = nexus("external_missing_path.nxs")
d["mu"] = h5py.ExternalLink("external_target.h5", "/data")
f.close()
f, d = nexus("soft_link_cycle.nxs")
d.create_dataset("mu", data=mu)
d["loop"] = h5py.SoftLink("/entry")
f["/entry/self"] = h5py.SoftLink("/entry/data/loop")
f.close()

# empty, scalar and mismatched datasets
f, d = nexus("empty_signal.nxs")
d.create_dataset("mu", shape=(0,), dtype="f8")
f.close()
f, d = nexus("scalar_signal.nxs")
d.create_dataset("mu", data=1.5)
f.close()
f, d = nexus("length_mismatch.nxs")
d.create_dataset("mu", data=mu[:50])
f.close()

# unusual but valid: NaN/Inf points, descending axis, keV axis
f, d = nexus("nan_points.nxs")
m = mu.copy()
m[[5, 30]] = np.nan
m[40] = np.inf
d.create_dataset("mu", data=m)
f.close()
f, d = nexus("descending_axis.nxs")
del d["energy"]
d.create_dataset("energy", data=energy[::-1]).attrs["units"] = "eV"
d.create_dataset("mu", data=mu[::-1])
f.close()
f, d = nexus("kev_axis.nxs")
del d["energy"]
d.create_dataset("energy", data=energy / 1000.0).attrs["units"] = "keV"
d.create_dataset("mu", data=mu)
f.close()

# hostile structure: 100 nested groups, 500 attributes, a 100 kB attribute string
f, d = nexus("deep_nesting.nxs")
d.create_dataset("mu", data=mu)
g = f["/entry"]
for i in range(100):
    g = g.create_group("g%d" % i)
f.close()
f, d = nexus("many_attributes.nxs")
dset = d.create_dataset("mu", data=mu)
for i in range(500):
    dset.attrs["a%04d" % i] = i
dset.attrs["long"] = "x" * 100_000
f.close()
