"""Synthetic XANES image stacks with known per-pixel phases (numpy + h5py only; no Edgeworks code).

The one generator of the stack tests (org.edgeworks.stack.tests generator/make_stacks.py), the command
line's (StackCommandTest) and the workbench's (org.edgeworks.ui.tests generator/make_small_stack.py).
Scripts find it with sys.path (the test-support bundle's python/ folder); org.edgeworks.testsupport.Python
puts it on PYTHONPATH.

edge(e, e0, h)   a normalised reference: tanh step of width 1.5 eV at e0 (its maximum slope at e0, so E0
                 is known) plus a Gaussian white line of height h, 4 eV above e0, sigma 2.5 eV
mixture(...)     mu(E, y, x) = a + b (E - e_ref) + step(y, x) * sum_k w_k(y, x) edge_k(E)
write_nxdata(...) NXentry/NXdata `data` (energy, y, x) with axes energy; optional flat field at
                 /entry/instrument/flat and the truth under /truth
"""
import os

import h5py
import numpy as np

from synthetic_nexus import default_nxdata, group

# the energies of the test stacks: 2.5 eV below, 0.5 eV through the edge, 4 eV above
E_TEST = np.concatenate([np.arange(6950, 7000, 2.5), np.arange(7000, 7040, 0.5), np.arange(7040, 7200, 4.0)])
# the references' grid
FINE = np.arange(6940, 7210, 0.25)


def edge(e, e0, h):
    return 0.5 * (1 + np.tanh((e - e0) / 1.5)) + h * np.exp(-0.5 * ((e - e0 - 4) / 2.5) ** 2)


def write_references(out, edges, fine=FINE):
    """ref_NAME.dat (energy, norm) on the fine grid for every NAME: (e0, h) of `edges`."""
    for name, (e0, h) in edges.items():
        np.savetxt(os.path.join(out, "ref_%s.dat" % name), np.column_stack([fine, edge(fine, e0, h)]),
                   header="energy_eV norm (synthetic reference %s)" % name)


def mixture(energy, weights, edges, a, b, step=None, e_ref=7000.0):
    """mu (nE, H, W): weights (k, H, W) in the order of `edges` (NAME: (e0, h)); step (H, W) or 1."""
    refs = np.stack([edge(energy, e0, h) for (e0, h) in edges.values()])
    s = 1.0 if step is None else step[None]
    return a + b * (energy[:, None, None] - e_ref) + s * np.einsum("kyx,ke->eyx", weights, refs)


def write_nxdata(path, data, energy, truth=None, flat=None, **dataset_options):
    """The stack as the default plot of a NeXus file; dataset_options go to h5py (chunks, compression)."""
    with h5py.File(path, "w") as f:
        entry, d = default_nxdata(f, "data", ["energy", ".", "."])
        d.attrs["energy_indices"] = 0
        d.create_dataset("data", data=data, **dataset_options)
        d.create_dataset("energy", data=energy).attrs["units"] = "eV"
        if flat is not None:
            inst = group(entry, "instrument", "NXinstrument")
            inst.create_dataset("flat", data=flat)
        for name, value in (truth or {}).items():
            f.create_dataset("/truth/" + name, data=value)
