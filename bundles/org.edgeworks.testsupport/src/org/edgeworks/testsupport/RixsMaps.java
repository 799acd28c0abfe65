package org.edgeworks.testsupport;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;

/**
 * Building blocks of synthetic mRIXS maps and detector frames with known truth, from the formulas
 * alone: evenly spaced axes, unnormalised Gaussians, a map sampled from a known function
 * (excitation rows x emission columns, row-major), Poisson counting noise and erf for the window
 * fractions of a Gaussian feature.
 */
public final class RixsMaps {
    private RixsMaps() {}

    /** from, from + step, ... to (inclusive, n = round((to - from)/step) + 1 points). */
    public static double[] axis(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = from + i * step;
        return a;
    }

    /** exp(-(x - c)^2 / 2 s^2): height 1 at the centre, area s sqrt(2 pi). */
    public static double gauss(double x, double c, double s) {
        double t = (x - c) / s;
        return Math.exp(-0.5 * t * t);
    }

    /** f(ex[i], em[j]) at [i * em.length + j]. */
    public static double[] sample(double[] ex, double[] em, DoubleBinaryOperator f) {
        double[] v = new double[ex.length * em.length];
        for (int i = 0; i < ex.length; i++) for (int j = 0; j < em.length; j++) v[i * em.length + j] = f.applyAsDouble(ex[i], em[j]);
        return v;
    }

    /**
     * A Poisson count of mean lambda (0 for lambda <= 0): Knuth's product of uniforms below 30, the
     * rounded normal approximation N(lambda, lambda) (clipped at 0) above, where it is within the
     * tests' tolerances.
     */
    public static double poisson(Random rnd, double lambda) {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do { k++; p *= rnd.nextDouble(); } while (p > l);
        return k - 1;
    }

    /** erf by Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7). */
    public static double erf(double x) {
        double t = 1 / (1 + 0.3275911 * Math.abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
        return x >= 0 ? y : -y;
    }
}
