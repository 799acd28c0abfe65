"""Morlet wavelet transform of chi(k) k^w by direct numerical integration with numpy (independent of
Edgeworks' code), after Funke, Scheinost, Chukalina, Phys. Rev. B 71, 094110 (2005):
  psi(t) = exp(i eta t) exp(-t^2/(2 sigma^2)) / (sqrt(2 pi) sigma)
  W(k, r) = sqrt(2r/eta) * integral f(k') conj(psi((2r/eta)(k' - k))) dk',  f = chi k^w (zero outside the data)
The integral is the sum over the data grid times kstep. R grid: Larch's wavelet grid,
linspace(0, rmax_out, round((rmax_out - 1e-7)/rstep)), rstep = pi/(2048 kstep); W(k, 0) = 0 (limit).
usage: morlet_numpy.py CHI.csv KWEIGHT ETA SIGMA RMAX_OUT OUT.csv  -> OUT.csv rows r_index,k_index,re,im
"""
import sys
import numpy as np

chi_file, kw, eta, sigma, rmax, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
data = np.loadtxt(chi_file, delimiter=",", skiprows=1)
k, chi = data[:, 0], data[:, 1]
kstep = round(1000 * (k[1] - k[0])) / 1000
f = chi * k ** kw
nr = int(round((rmax - 1e-7) / (np.pi / 2048 / kstep)))
r = np.linspace(0, rmax, nr)
W = np.zeros((nr, len(k)), dtype=complex)
kp = k[:, None]          # k' (integration variable) down the rows
for i in range(1, nr):
    s = 2 * r[i] / eta
    t = s * (kp - k[None, :])
    psi = np.exp(1j * eta * t) * np.exp(-t * t / (2 * sigma * sigma)) / (np.sqrt(2 * np.pi) * sigma)
    W[i] = np.sqrt(s) * kstep * (f[:, None] * np.conj(psi)).sum(axis=0)
with open(out, "w") as fh:
    fh.write("r_index,k_index,re,im\n")
    for i in range(nr):
        for j in range(len(k)):
            fh.write("%d,%d,%.17g,%.17g\n" % (i, j, W[i, j].real, W[i, j].imag))
