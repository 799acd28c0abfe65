#!/usr/bin/python3
"""Synthetic chi(k) from FEFF6L paths with known parameters, made by Larch 0.9.58 (ff2chi), not by
Edgeworks. Run from this folder with the Debian interpreter:  /usr/bin/python3 make_synthetic.py
Paths: ../../../../../shared/data/peers/exafs/feff/cu/feff0001.dat and feff0002.dat (Cu fcc).
Writes cu_two_paths.chi.csv (k,chi noise-free), cu_two_paths_noisy.chi.csv (k,chi with Gaussian
noise of sigma NOISE, numpy RandomState(SEED)) and truth.json (the parameters)."""
import json, os, sys
import numpy as np
from larch.xafs import feffpath, ff2chi
HERE = os.path.dirname(os.path.abspath(__file__))
FEFF = os.path.normpath(os.path.join(HERE, '../../../../../shared/data/peers/exafs/feff/cu'))
if len(sys.argv) > 1:
    FEFF = sys.argv[1]
NOISE, SEED = 0.002, 15
TRUTH = {'s02': 0.85, 'e0': 3.0,
         'paths': [{'file': 'feff0001.dat', 'delr': -0.015, 'sigma2': 0.0080},
                   {'file': 'feff0002.dat', 'delr': 0.020, 'sigma2': 0.0110}]}
paths = []
for p in TRUTH['paths']:
    paths.append(feffpath(os.path.join(FEFF, p['file']), s02=TRUTH['s02'], e0=TRUTH['e0'],
                          deltar=p['delr'], sigma2=p['sigma2']))
k = 0.05 * np.arange(321)        # 0 .. 16 1/A
out = ff2chi(paths, k=k)
chi = out.chi
noisy = chi + np.random.RandomState(SEED).normal(0, NOISE, len(k))
for name, y in (('cu_two_paths.chi.csv', chi), ('cu_two_paths_noisy.chi.csv', noisy)):
    with open(os.path.join(HERE, name), 'w') as fh:
        fh.write('k,chi\n')
        for a, b in zip(k, y):
            fh.write('%.2f,%.12g\n' % (a, b))
TRUTH.update({'noise_sigma': NOISE, 'seed': SEED, 'k_grid': '0 to 16 step 0.05', 'generator': 'larch.xafs.ff2chi 0.9.58'})
with open(os.path.join(HERE, 'truth.json'), 'w') as fh:
    json.dump(TRUTH, fh, indent=1)
