#!/usr/bin/python3
"""Peer numbers for Edgeworks' calibration and alignment tests (Debian python3-xraylarch 0.9.58).

Calibration: shift = tabulated E0 - larch.xafs.find_e0(reference mu) (max dmu/dE on the grid).
Alignment (derivative least squares, docs/science.md#xas-align): both spectra normalised by
larch.xafs.pre_edge (defaults); d = np.gradient(norm)/np.gradient(energy) (Larch's dmude);
delta minimises sum over reference points in [e0_ref-20, e0_ref+40] eV (slice index_of(lo) ..
index_of(hi)+1) of (d_sample(E+delta) - d_ref(E))^2, d_sample through larch.math.interp(kind='cubic')
(scipy not-a-knot spline, Larch extrapolation); a 0.05 eV scan over +-10 eV brackets the minimum,
scipy's bounded Brent refines it. shift = -delta is what is added to the sample's energies.
Spectra are built by peers/xasload.spectrum_mu from manifest-style entries (zero-based columns).
Run: /usr/bin/python3 larch_calibrate_align.py > larch_calibrate_align.json  (needs ../shared/data)
"""
import json, os, sys, warnings
import numpy as np
from scipy.optimize import minimize_scalar
DATA = os.environ.get('EDGEWORKS_SHARED_DATA', '/work/shared/data')
sys.path.insert(0, os.path.join(DATA, 'peers'))
import xasload
from larch import Group
from larch.xafs import pre_edge, find_e0
from larch.math import index_of, interp

warnings.filterwarnings('ignore')


def entry(path, ecol, mu):
    return dict(path=path, energy_col=ecol, mu=mu)


MN = 'xanes/mn_k/'
BAL = 'xanes/foils_balder/'
SPECTRA = {
    'mn3o4_201_sample': entry(MN + 'mn3o4.201', 0, dict(type='ln_ratio', num=[1], den=[2])),
    'mn3o4_202_sample': entry(MN + 'mn3o4.202', 0, dict(type='ln_ratio', num=[1], den=[2])),
    'mn3o4_201_reference': entry(MN + 'mn3o4.201', 0, dict(type='ln_ratio', num=[2], den=[3])),
    'mn3o4_202_reference': entry(MN + 'mn3o4.202', 0, dict(type='ln_ratio', num=[2], den=[3])),
    'mn_stan': entry(MN + 'mn.stan', 0, dict(type='ln_ratio', num=[1], den=[2])),
    'fe_060': entry('xanes/fe_k/fe.060', 0, dict(type='ln_ratio', num=[1], den=[2])),
    'fe_061': entry('xanes/fe_k/fe.061', 0, dict(type='ln_ratio', num=[1], den=[2])),
}
for el, scans in (('Cu', (23068, 23069, 23070)), ('Fe', (23147, 23148, 23149)), ('Cr', (23293, 23294, 23295)), ('Ti', (23360, 23361, 23362))):
    for s in scans:
        SPECTRA['balder_%s_%d' % (el, s)] = entry(BAL + '%s-foil_EXAFS_%d.dat' % (el, s), 1, dict(type='ln_ratio', num=[3, 4], den=[5, 6]))

TAB = {'Mn': 6539.0, 'Fe': 7112.0, 'Cu': 8979.0, 'Cr': 5989.0, 'Ti': 4966.0}
CALIBRATIONS = [('mn3o4_201_reference', 'Mn'), ('mn3o4_202_reference', 'Mn'), ('mn_stan', 'Mn'), ('fe_060', 'Fe'), ('fe_061', 'Fe')]
CALIBRATIONS += [(k, k.split('_')[1]) for k in SPECTRA if k.startswith('balder_')]
ALIGNMENTS = [('mn3o4_201_sample', 'mn3o4_202_sample'), ('mn3o4_201_reference', 'mn3o4_202_reference'), ('fe_060', 'fe_061')]
for el, scans in (('Cu', (23068, 23069, 23070)), ('Fe', (23147, 23148, 23149)), ('Cr', (23293, 23294, 23295)), ('Ti', (23360, 23361, 23362))):
    ALIGNMENTS += [('balder_%s_%d' % (el, scans[0]), 'balder_%s_%d' % (el, s)) for s in scans[1:]]


def group(key):
    e, mu = xasload.spectrum_mu(SPECTRA[key])
    g = Group(energy=e, mu=mu)
    pre_edge(g)
    g.d = np.gradient(g.norm) / np.gradient(g.energy)
    return g


def align(ref, sam, emin=-20.0, emax=40.0, max_shift=10.0):
    i0, i1 = index_of(ref.energy, ref.e0 + emin), index_of(ref.energy, ref.e0 + emax) + 1
    x, target = ref.energy[i0:i1], ref.d[i0:i1]

    def cost(delta):
        return float(np.sum((interp(sam.energy, sam.d, x + delta, kind='cubic') - target) ** 2))
    grid = [k * 0.05 for k in range(-int(round(max_shift / 0.05)), int(round(max_shift / 0.05)) + 1)]
    costs = [cost(d) for d in grid]
    best = grid[int(np.argmin(costs))]
    r = minimize_scalar(cost, bounds=(max(-max_shift, best - 0.05), min(max_shift, best + 0.05)), method='bounded',
                        options=dict(xatol=1e-9))
    return dict(reference=None, sample=None, delta=float(r.x), shift=-float(r.x), cost=float(r.fun), points=int(len(x)))


def main():
    out = dict(note=__doc__.strip().split('\n')[0], spectra=SPECTRA, calibrations=[], alignments=[])
    for key, el in CALIBRATIONS:
        e, mu = xasload.spectrum_mu(SPECTRA[key])
        e0 = float(find_e0(e, mu))
        out['calibrations'].append(dict(spectrum=key, element=el, tabulated_e0=TAB[el], measured_e0=e0, shift=TAB[el] - e0))
    cache = {}
    for a, b in ALIGNMENTS:
        ga = cache.setdefault(a, group(a))
        gb = cache.setdefault(b, group(b))
        r = align(ga, gb)
        r['reference'], r['sample'] = a, b
        r['reference_e0'] = float(ga.e0)
        out['alignments'].append(r)
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
