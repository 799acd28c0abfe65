#!/usr/bin/python3
"""Larch timings for ExafsBenchmark, on the same data (Debian python3-xraylarch 0.9.58).

autobk of the Cu foil cu_metal_rt.xdi (408 points; rbkg 1, kweight 2, automatic e0 and edge step,
i.e. pre_edge runs inside, as the peers of issue 15 called it) with the same per-spectrum
perturbation as the Java benchmark, calc_uncertainties False and True (Larch's default); xftf of
the result (kmin 3, kmax 12, dk 1, hanning, kweight 2); the first-shell feffit of
peers/exafs (feff0001, k 3-14, kweight 2, dk 1, hanning, R 1.4-3.0; amp, del_e0, delr, sigma2).
Single thread, as Larch runs. Prints one JSON object (milliseconds per call).
Usage: /usr/bin/python3 larch_exafs_bench.py [OUTDIR]
"""
import json, os, sys
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from larch_bench import DATA, best_of  # noqa: E402  (same timing loop, data folder and quiet logging)
import xasload  # noqa: E402
from larch import Group  # noqa: E402
from larch.xafs import autobk, xftf, feffpath, feffit, feffit_transform, feffit_dataset  # noqa: E402
from larch.fitting import param, param_group  # noqa: E402


def main():
    cu = xasload.read_numeric(os.path.join(DATA, 'xanes/cu_k/cu_metal_rt.xdi'))
    e, mu0 = cu[:, 0], cu[:, 3]
    i = np.arange(len(e))
    mus = [mu0 + 1e-6 * np.sin(0.37 * k + 1.3 * i) for k in range(100)]
    out = dict(larch='0.9.58 (Debian python3-xraylarch)', points=int(len(e)))
    out['autobk_ms'] = best_of(lambda k: autobk(Group(energy=e, mu=mus[k]), rbkg=1.0, kweight=2, calc_uncertainties=False), 50)
    out['autobk_with_uncertainties_ms'] = best_of(lambda k: autobk(Group(energy=e, mu=mus[k]), rbkg=1.0, kweight=2), 50)
    g = Group(energy=e, mu=mu0)
    autobk(g, rbkg=1.0, kweight=2)
    out['xftf_ms'] = best_of(lambda k: xftf(g, kmin=3, kmax=12, dk=1, window='hanning', kweight=2), 500)
    path = feffpath(os.path.join(DATA, 'peers/exafs/feff/cu/feff0001.dat'), label='p1', s02='amp', e0='del_e0',
                    deltar='delr_1', sigma2='sig2_1')

    def fit(k):
        pars = param_group(amp=param(1.0, vary=True), del_e0=param(0.0, vary=True),
                           delr_1=param(0.0, vary=True), sig2_1=param(0.005, vary=True))
        tr = feffit_transform(kmin=3, kmax=14, kweight=2, dk=1, window='hanning', rmin=1.4, rmax=3.0, fitspace='r')
        ds = feffit_dataset(data=Group(k=g.k, chi=g.chi), paths={'p1': path}, transform=tr)
        return feffit(pars, ds)
    out['feffit_first_shell_ms'] = best_of(fit, 5)
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
