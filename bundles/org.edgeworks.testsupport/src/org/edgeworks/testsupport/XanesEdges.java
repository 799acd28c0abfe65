package org.edgeworks.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic XANES with known ground truth, written from the textbook formulas and nothing of
 * Edgeworks (a generator that called the code it checks would prove nothing): arctan edges of
 * known centre, width and step; area-normalised pseudo-Voigt peaks (Lorentzian + Gaussian of the
 * same FWHM); polynomial backgrounds; Gaussian noise of known sigma; L2,3 double edges; mixtures
 * of known weights and shifts. Energies in eV, mu in arbitrary absorbance units.
 */
public final class XanesEdges {
    private XanesEdges() {}

    /** A peak: centre (eV), area (mu x eV), full width at half maximum (eV), Lorentzian fraction eta (1 = Lorentzian, 0 = Gaussian). */
    public record Peak(double centre, double area, double fwhm, double eta) {}

    /** XANES-like grid: 5 eV steps from e0-200 below e0-30, 0.25 eV through the edge, then 2 eV to e0+600. */
    public static double[] grid(double e0) {
        List<Double> g = new ArrayList<>();
        for (double e = e0 - 200; e < e0 - 30; e += 5) g.add(e);
        for (double e = e0 - 30; e < e0 + 40; e += 0.25) g.add(e);
        for (double e = e0 + 40; e <= e0 + 600; e += 2) g.add(e);
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Unit arctan step: 1/2 + atan((e - centre)/width)/pi (0 far below, 1/2 at the centre, 1 far above). */
    public static double arctanStep(double e, double centre, double width) {
        return 0.5 + Math.atan((e - centre) / width) / Math.PI;
    }

    /** Lorentzian of unit area and full width fwhm: (gamma/pi) / (d^2 + gamma^2), gamma = fwhm/2. */
    public static double lorentzian(double e, double centre, double fwhm) {
        double gamma = fwhm / 2, d = e - centre;
        return gamma / (Math.PI * (d * d + gamma * gamma));
    }

    /** Gaussian of unit area and full width fwhm: exp(-d^2 / 2 sigma^2) / (sigma sqrt(2 pi)), sigma = fwhm / (2 sqrt(2 ln 2)). */
    public static double gaussian(double e, double centre, double fwhm) {
        double sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2))), d = (e - centre) / sigma;
        return Math.exp(-0.5 * d * d) / (sigma * Math.sqrt(2 * Math.PI));
    }

    /** Pseudo-Voigt of the given area: area [eta L + (1 - eta) G], L and G of unit area and the same FWHM. */
    public static double pseudoVoigt(double e, Peak p) {
        return p.area() * (p.eta() * lorentzian(e, p.centre(), p.fwhm()) + (1 - p.eta()) * gaussian(e, p.centre(), p.fwhm()));
    }

    /**
     * mu(E) = sum_k background[k] (E - e0)^k + step * arctanStep(E, e0, width) + sum of peaks
     * + noise * N(0, 1) (java.util.Random(seed), so reproducible).
     */
    public static double[] kEdge(double[] e, double e0, double step, double width, double[] background, Peak[] peaks,
                                 double noise, long seed) {
        Random rnd = new Random(seed);
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double x = e[i] - e0, b = 0, p = 1;
            for (double c : background) { b += c * p; p *= x; }
            double v = b + step * arctanStep(e[i], e0, width);
            if (peaks != null) for (Peak pk : peaks) v += pseudoVoigt(e[i], pk);
            mu[i] = v + noise * rnd.nextGaussian();
        }
        return mu;
    }

    /** The K edge of {@link #kEdge} on {@link #grid}(e0), width 1 eV, background 0.3 - 2e-4 (E - e0). */
    public static double[] kEdge(double e0, double step, Peak[] peaks, double noise, long seed) {
        return kEdge(grid(e0), e0, step, 1.0, new double[] {0.3, -2e-4}, peaks, noise, seed);
    }

    /** Energies of {@link #lEdge}: 0.1 eV steps from l3 - 25 to l2 + 40 eV. */
    public static double[] lEdgeGrid(double l3, double l2) {
        int n = (int) Math.round((l2 + 40 - (l3 - 25)) / 0.1) + 1;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = l3 - 25 + 0.1 * i;
        return e;
    }

    /**
     * L2,3 edge on {@link #lEdgeGrid}: 1 + 0.002 (E - l3) + h [r atan(L3) + (1 - r) atan(L2)] (width w)
     * + Lorentzian white lines of area 3h at l3 + 1.5 (FWHM 1.2) and 1.2h at l2 + 1.5 (FWHM 1.5) + noise.
     * Known L3 step h r and L2 step h (1 - r).
     */
    public static double[] lEdge(double l3, double l2, double h, double r, double w, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] e = lEdgeGrid(l3, l2), mu = new double[e.length];
        Peak wl3 = new Peak(l3 + 1.5, 3.0 * h, 1.2, 1.0), wl2 = new Peak(l2 + 1.5, 1.2 * h, 1.5, 1.0);
        for (int i = 0; i < e.length; i++) {
            double v = 1.0 + 0.002 * (e[i] - l3);
            v += h * (r * arctanStep(e[i], l3, w) + (1 - r) * arctanStep(e[i], l2, w));
            v += pseudoVoigt(e[i], wl3) + pseudoVoigt(e[i], wl2);
            mu[i] = v + noise * rnd.nextGaussian();
        }
        return mu;
    }

    /** sum_j w[j] ref_j(E - shift[j]) at each energy: linear in the known functions. */
    public static double[] mixture(double[] e, DoubleUnaryOperator[] refs, double[] w, double[] shifts) {
        double[] y = new double[e.length];
        for (int i = 0; i < e.length; i++) for (int j = 0; j < refs.length; j++) y[i] += w[j] * refs[j].applyAsDouble(e[i] - shifts[j]);
        return y;
    }

    /** One known function sampled at each energy. */
    public static double[] sample(double[] e, DoubleUnaryOperator f) {
        double[] y = new double[e.length];
        for (int i = 0; i < e.length; i++) y[i] = f.applyAsDouble(e[i]);
        return y;
    }
}
