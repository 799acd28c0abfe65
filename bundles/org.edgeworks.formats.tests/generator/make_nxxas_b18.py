#!/usr/bin/python3
"""A raw NXxas file with two entries after the NeXus NXxas application definition, as Diamond's B18
writes them (h5py + numpy only): entry/definition = "NXxas", instrument/monochromator energy (keV),
instrument/incoming_beam and absorbed_beam (NXdetector) data, monitor, sample, data (NXdata) linking
energy and absorbed_beam. E = 8900 + 2 i eV; mu = ln(I0/It) = 0.1 + (1 + 0.1 k) (0.5 + atan((E - 8979
- shift)/2)/pi), shift 0 and 5 eV for entries 1 and 2. NxxasLayoutTest runs it: make_nxxas_b18.py OUT.nxs
"""
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "org.edgeworks.testsupport", "python"))
from synthetic_nexus import group  # noqa: E402

i = np.arange(200.0)
with h5py.File(sys.argv[1], 'w') as f:
    for k, shift in ((1, 0.0), (2, 5.0)):
        e = group(f, 'entry%d' % k, 'NXentry')
        e['definition'] = 'NXxas'; e['title'] = 'Cu foil scan %d' % k; e['start_time'] = '2024-01-01T00:00:00'
        ins = group(e, 'instrument', 'NXinstrument')
        group(ins, 'source', 'NXsource')['type'] = 'Synchrotron X-ray Source'
        mono = group(ins, 'monochromator', 'NXmonochromator')
        energy = (8900 + 2 * i) / 1000.0
        mono['energy'] = energy; mono['energy'].attrs['units'] = 'keV'
        mu = 0.1 + (1.0 + 0.1 * k) * (0.5 + np.arctan((8900 + 2 * i - 8979 - shift) / 2) / np.pi)
        i0 = 2e5 + 100 * np.cos(i)
        for name, v in (('incoming_beam', i0), ('absorbed_beam', i0 * np.exp(-mu))):
            group(ins, name, 'NXdetector')['data'] = v
        group(e, 'monitor', 'NXmonitor')['data'] = i0
        group(e, 'sample', 'NXsample')['name'] = 'Cu foil'
        nd = group(e, 'data', 'NXdata'); nd.attrs['signal'] = 'absorbed_beam'; nd.attrs['axes'] = 'energy'
        nd['energy'] = h5py.SoftLink('/entry%d/instrument/monochromator/energy' % k)
        nd['absorbed_beam'] = h5py.SoftLink('/entry%d/instrument/absorbed_beam/data' % k)
