#!/usr/bin/python3
"""Larch 0.9.58 feffit of the Cu foil first shell in other settings than the shared peers:
R space with k-weights 1, 2 and 3 at once, k space, q space (everything else as the shared
first-shell fit: feff0001, k 3-14, dk 1, hanning, R 1.4-3.0; amp, del_e0, delr, sigma2 from 1, 0,
0, 0.005). Input: ../shared/data/peers/exafs/cu_foil_13id.chi.csv and feff/cu/feff0001.dat.
Run from this folder: /usr/bin/python3 larch_feffit_spaces.py [SHARED_DATA] > larch_feffit_spaces.json"""
import json, os, sys, warnings
import numpy as np
warnings.filterwarnings('ignore')
from larch import Group
from larch.xafs import feffpath, feffit, feffit_transform, feffit_dataset
from larch.fitting import param, param_group
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../../shared/data'))
d = np.loadtxt(os.path.join(DATA, 'peers/exafs/cu_foil_13id.chi.csv'), delimiter=',', skiprows=1)
out = {'about': __doc__.split('\n')[0], 'larch': '0.9.58', 'fits': []}
for name, space, kw in (('r_kw123', 'r', [1, 2, 3]), ('k_kw2', 'k', 2), ('q_kw2', 'q', 2)):
    path = feffpath(os.path.join(DATA, 'peers/exafs/feff/cu/feff0001.dat'), label='p1', s02='amp', e0='del_e0',
                    deltar='delr_1', sigma2='sig2_1')
    pars = param_group(amp=param(1.0, vary=True), del_e0=param(0.0, vary=True), delr_1=param(0.0, vary=True),
                       sig2_1=param(0.005, vary=True))
    tr = feffit_transform(kmin=3, kmax=14, kweight=kw, dk=1, window='hanning', rmin=1.4, rmax=3.0, fitspace=space)
    ds = feffit_dataset(data=Group(k=d[:, 0], chi=d[:, 1]), paths={'p1': path}, transform=tr)
    r = feffit(pars, ds)
    p = r.params
    out['fits'].append({'name': name, 'fitspace': space, 'kweight': kw if isinstance(kw, list) else [kw],
                        's02': p['amp'].value, 's02_stderr': p['amp'].stderr, 'e0': p['del_e0'].value, 'e0_stderr': p['del_e0'].stderr,
                        'delr': p['delr_1'].value, 'delr_stderr': p['delr_1'].stderr,
                        'sigma2': p['sig2_1'].value, 'sigma2_stderr': p['sig2_1'].stderr,
                        'r_factor': r.rfactor, 'chi_square_reduced': r.chi2_reduced, 'n_idp': r.n_independent,
                        'n_data': int(r.ndata)})
print(json.dumps(out, indent=1))
