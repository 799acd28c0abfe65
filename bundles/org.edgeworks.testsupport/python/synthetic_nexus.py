"""NeXus layout of synthetic files (h5py only; no Edgeworks code): the groups every generator writes.

Used by synthetic_stacks.py (image stacks), the bad-input corpus (org.edgeworks.reliability.tests
generator/make_hdf5_corpus.py) and the BLISS and NXxas generators of org.edgeworks.formats.tests
(generator/make_bliss.py, make_nxxas_b18.py).
Scripts find it with sys.path (this folder); org.edgeworks.testsupport.Python puts it on PYTHONPATH.

group(parent, name, nx_class)  a group with its @NX_class
default_nxdata(f, signal, axes)  /entry (NXentry) / data (NXdata) as the file's default plot
                                 (@default on the root and the entry, @signal, @axes); the caller
                                 adds the datasets
"""


def group(parent, name, nx_class):
    """parent/name with @NX_class = nx_class."""
    g = parent.create_group(name)
    g.attrs["NX_class"] = nx_class
    return g


def default_nxdata(f, signal, axes):
    """Returns (entry, data) of /entry/data, the default plot of the open h5py file f.

    Attributes are written in this order (the bad-input corpus files are committed: a file made with
    track_order=True keeps it): root @default, entry @NX_class, @default, data @NX_class, @signal, @axes.
    """
    f.attrs["default"] = "entry"
    entry = group(f, "entry", "NXentry")
    entry.attrs["default"] = "data"
    data = group(entry, "data", "NXdata")
    data.attrs["signal"] = signal
    data.attrs["axes"] = axes
    return entry, data
