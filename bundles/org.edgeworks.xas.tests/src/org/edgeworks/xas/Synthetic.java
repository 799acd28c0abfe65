package org.edgeworks.xas;

import java.util.Random;

import org.edgeworks.core.data.Spectrum;

/**
 * Synthetic spectra with known ground truth: arctan edge of known E0 and step, Lorentzian /
 * Gaussian (pseudo-Voigt) peaks of known area, a polynomial background, Gaussian noise; L2,3
 * edges with known L3 and L2 step heights; mixtures with known weights and shifts.
 */
public final class Synthetic {
    private Synthetic() {}

    /** A peak: centre (eV), area, fwhm (eV), Lorentzian fraction eta (1 = Lorentzian, 0 = Gaussian). */
    public record Peak(double centre, double area, double fwhm, double eta) {}

    /** XANES-like grid: 5 eV steps below e0-30, 0.25 eV through the edge, then 2 eV to e0+600. */
    public static double[] grid(double e0) {
        java.util.List<Double> g = new java.util.ArrayList<>();
        for (double e = e0 - 200; e < e0 - 30; e += 5) g.add(e);
        for (double e = e0 - 30; e < e0 + 40; e += 0.25) g.add(e);
        for (double e = e0 + 40; e <= e0 + 600; e += 2) g.add(e);
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static double arctanStep(double e, double centre, double width) { return 0.5 + Math.atan((e - centre) / width) / Math.PI; }

    /**
     * mu(E) = background polynomial in (E - e0) + step * arctan edge of width w + peaks + noise.
     */
    public static double[] kEdge(double[] e, double e0, double step, double width, double[] background, Peak[] peaks,
                                 double noise, long seed) {
        Random rnd = new Random(seed);
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double x = e[i] - e0, b = 0, p = 1;
            for (double c : background) { b += c * p; p *= x; }
            double v = b + step * arctanStep(e[i], e0, width);
            if (peaks != null) for (Peak pk : peaks) v += PreEdgeProcessor.pseudoVoigt(e[i], pk.area(), pk.centre(), pk.fwhm(), pk.eta());
            mu[i] = v + noise * rnd.nextGaussian();
        }
        return mu;
    }

    public static Spectrum kEdgeSpectrum(String name, double e0, double step, Peak[] peaks, double noise, long seed) {
        double[] e = grid(e0);
        return Spectrum.of(name, e, kEdge(e, e0, step, 1.0, new double[] {0.3, -2e-4}, peaks, noise, seed));
    }

    /** L2,3 edge: line + h [r atan(L3) + (1-r) atan(L2)] + Lorentzian white lines, on a 0.1 eV grid. */
    public static Spectrum lEdge(String name, double l3, double l2, double h, double r, double w, double noise, long seed) {
        Random rnd = new Random(seed);
        int n = (int) Math.round((l2 + 40 - (l3 - 25)) / 0.1) + 1;
        double[] e = new double[n], mu = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = l3 - 25 + 0.1 * i;
            double v = 1.0 + 0.002 * (e[i] - l3);
            v += h * (r * arctanStep(e[i], l3, w) + (1 - r) * arctanStep(e[i], l2, w));
            v += PreEdgeProcessor.pseudoVoigt(e[i], 3.0 * h, l3 + 1.5, 1.2, 1.0) + PreEdgeProcessor.pseudoVoigt(e[i], 1.2 * h, l2 + 1.5, 1.5, 1.0);
            mu[i] = v + noise * rnd.nextGaussian();
        }
        return Spectrum.of(name, e, mu);
    }

    /** sum w_i ref_i(E - shift_i) on the grid of the first reference (linear in the known functions). */
    public static Spectrum mixture(String name, double[] e, java.util.function.DoubleUnaryOperator[] refs, double[] w, double[] shifts) {
        double[] y = new double[e.length];
        for (int i = 0; i < e.length; i++) for (int j = 0; j < refs.length; j++) y[i] += w[j] * refs[j].applyAsDouble(e[i] - shifts[j]);
        return Spectrum.of(name, e, y);
    }
}
