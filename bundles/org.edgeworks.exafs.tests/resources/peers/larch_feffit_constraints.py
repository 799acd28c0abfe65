#!/usr/bin/python3
"""Larch 0.9.58 feffit with constraints, for FeffitModelLarchTest: Cu foil (cu_foil_13id.chi.csv),
FEFF paths feff0001 + feff0002, R space k 3-14 (kw 2, dk 1, hanning), R 1.4-3.9. Parameters: amp,
del_e0, alpha (delr = alpha*reff, isotropic expansion), ss (sigma2 of path 1), ss2 = ss*ratio with
ratio varied, c3 fixed at 1e-4 A^3 on path 1. The same model as model_constraints.json.
Run from this folder: /usr/bin/python3 larch_feffit_constraints.py [SHARED_DATA] > larch_feffit_constraints.json"""
import json, os, sys, warnings
import numpy as np
warnings.filterwarnings('ignore')
from larch import Group
from larch.xafs import feffpath, feffit, feffit_transform, feffit_dataset
from larch.fitting import param, param_group
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../../shared/data'))
d = np.loadtxt(os.path.join(DATA, 'peers/exafs/cu_foil_13id.chi.csv'), delimiter=',', skiprows=1)
feff = os.path.join(DATA, 'peers/exafs/feff/cu')
pars = param_group(amp=param(1.0, vary=True), del_e0=param(0.0, vary=True), alpha=param(0.0, vary=True),
                   ss=param(0.005, vary=True), ratio=param(1.5, vary=True), c3=param(1e-4, vary=False),
                   ss2=param(expr='ss*ratio'))
p1 = feffpath(os.path.join(feff, 'feff0001.dat'), label='p1', s02='amp', e0='del_e0', deltar='alpha*reff', sigma2='ss', third='c3')
p2 = feffpath(os.path.join(feff, 'feff0002.dat'), label='p2', s02='amp', e0='del_e0', deltar='alpha*reff', sigma2='ss2')
tr = feffit_transform(kmin=3, kmax=14, kweight=2, dk=1, window='hanning', rmin=1.4, rmax=3.9, fitspace='r')
ds = feffit_dataset(data=Group(k=d[:, 0], chi=d[:, 1]), paths={'p1': p1, 'p2': p2}, transform=tr)
r = feffit(pars, ds)
p = r.params
out = {'about': 'Larch 0.9.58 feffit with constraints (see larch_feffit_constraints.py)', 'r_factor': r.rfactor,
       'chi_square_reduced': r.chi2_reduced, 'n_idp': r.n_independent, 'n_varys': r.nvarys}
for n in ('amp', 'del_e0', 'alpha', 'ss', 'ratio', 'ss2'):
    out[n] = p[n].value
    out[n + '_stderr'] = p[n].stderr
print(json.dumps(out, indent=1))
