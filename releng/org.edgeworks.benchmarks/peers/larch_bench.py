#!/usr/bin/python3
"""Larch timings for XasBenchmark, on the same data (Debian python3-xraylarch 0.9.58).

pre_edge as users call it (a Group, defaults: automatic E0 and ranges, flattening) and its
numeric core larch.xafs.pre_edge.preedge, on the 408-point Cu foil spectrum cu_metal_rt.xdi with
the same per-spectrum perturbation as the Java benchmark; lincombo_fit of Mn3O4 by 4 references
(MnO, Mn2O3, MnO2, Mn foil; window 6530-6600 eV; defaults: sum to one), lincombo_fitall over 2..3
of 6 references (+ Li2MnO3, MnCO3). Single thread, as Larch runs. Prints one JSON object
(milliseconds per call). Usage: /usr/bin/python3 larch_bench.py [OUTDIR]
"""
import json, os, sys, time, warnings
import numpy as np
DATA = os.environ.get('EDGEWORKS_SHARED_DATA', '/work/shared/data')
sys.path.insert(0, os.path.join(DATA, 'peers'))
warnings.filterwarnings('ignore')
import logging
logging.disable(logging.CRITICAL)
import xasload
from larch import Group
from larch.xafs import pre_edge
from larch.xafs.pre_edge import preedge
from larch.math import lincombo_fit, lincombo_fitall


def best_of(fn, n, repeat=3):
    best = float('inf')
    for _ in range(repeat):
        t = time.perf_counter()
        for k in range(n):
            fn(k)
        best = min(best, (time.perf_counter() - t) / n)
    return best * 1e3


def main():
    cu = xasload.read_numeric(os.path.join(DATA, 'xanes/cu_k/cu_metal_rt.xdi'))
    e, mu0 = cu[:, 0], cu[:, 3]
    i = np.arange(len(e))
    mus = [mu0 + 1e-6 * np.sin(0.37 * k + 1.3 * i) for k in range(1000)]
    out = dict(larch='0.9.58 (Debian python3-xraylarch)', points=int(len(e)))
    out['pre_edge_ms'] = best_of(lambda k: pre_edge(Group(energy=e, mu=mus[k])), 1000)
    out['preedge_core_ms'] = best_of(lambda k: preedge(e, mus[k]), 1000)

    def norm(name):
        a = xasload.read_numeric(os.path.join(DATA, 'xanes/mn_k/' + name))
        g = Group(energy=a[:, 0], mu=a[:, 1], filename=name)
        pre_edge(g)
        return g
    sample = norm('Mn3O4.dat')
    refs = [norm(n) for n in ('MnO.dat', 'Mn2O3x.dat', 'Pyrolusite.dat', 'Mn_foil.dat', 'Li2MnO3.dat', 'Rhodochrosite.dat')]
    out['lincombo_fit_4refs_ms'] = best_of(lambda k: lincombo_fit(sample, refs[:4], xmin=6530, xmax=6600), 50)
    out['lincombo_fitall_3of6_ms'] = best_of(lambda k: lincombo_fitall(sample, refs, xmin=6530, xmax=6600, max_ncomps=3), 3)
    out['lincombo_fitall_fits'] = len(lincombo_fitall(sample, refs, xmin=6530, xmax=6600, max_ncomps=3))
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
