#!/usr/bin/python3
"""A BLISS file after the public layout (BLISS "Nexus writer" documentation), h5py + numpy only: root
NXentry "N.M" with title, measurement/ NXcollection whose counters are soft links into
instrument/<device>/data. Three scans: an energy scan in keV with @units (and a 300 x 16 MCA), a time
scan without energy, an energy scan in keV without @units. E = 7000 + i eV,
mu = ln(I0/It) = 0.2 + 1.5 (0.5 + atan((E - 7112)/3)/pi). BlissTest runs it: make_bliss.py OUT.h5
"""
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "org.edgeworks.testsupport", "python"))
from synthetic_nexus import group  # noqa: E402

i = np.arange(300.0)
e_kev = 7.0 + 0.001 * i
mu = 0.2 + 1.5 * (0.5 + np.arctan((1000 * e_kev - 7112) / 3) / np.pi)
i0 = 1e5 * (1 + 0.01 * np.sin(i))
it = i0 * np.exp(-mu)
with h5py.File(sys.argv[1], 'w') as f:
    f.attrs['NX_class'] = 'NXroot'; f.attrs['creator'] = 'Bliss'
    def scan(name, title, counters, units):
        e = group(f, name, 'NXentry')
        e['title'] = title; e['start_time'] = '2024-05-01T10:00:00'
        ins = group(e, 'instrument', 'NXinstrument')
        m = group(e, 'measurement', 'NXcollection')
        for k, v in counters.items():
            g = group(ins, k, 'NXdetector')
            g['data'] = v
            if k in units: g['data'].attrs['units'] = units[k]
            m[k] = h5py.SoftLink('/%s/instrument/%s/data' % (name, k))
        group(ins, 'positioners', 'NXcollection')['sy'] = 1.5
    scan('1.1', 'ascan energy 7 7.299 299 0.1', {'energy': e_kev, 'I0': i0, 'It': it, 'mca_det0': np.ones((300, 16))}, {'energy': 'keV'})
    scan('2.1', 'timescan 0.1', {'elapsed_time': 0.1 * i[:50], 'I0': i0[:50]}, {})
    scan('3.1', 'ascan energy 7 7.299 299 0.1', {'energy': e_kev, 'I0': i0, 'It': it}, {})
