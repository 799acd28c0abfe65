package org.edgeworks.xas.kernel;

/**
 * numpy.gradient(y)/numpy.gradient(x) on an uneven grid, as Larch computes dmu/dE: central
 * differences (y[i+1]-y[i-1])/(x[i+1]-x[i-1]) inside, one-sided at the two ends.
 */
public final class Gradient {
    private Gradient() {}

    public static void of(double[] x, double[] y, int n, double[] out) {
        if (n < 2) { if (n == 1) out[0] = 0; return; }
        out[0] = (y[1] - y[0]) / (x[1] - x[0]);
        out[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        for (int i = 1; i < n - 1; i++) out[i] = ((y[i + 1] - y[i - 1]) * 0.5) / ((x[i + 1] - x[i - 1]) * 0.5);
    }

    public static double[] of(double[] x, double[] y) {
        double[] out = new double[x.length];
        of(x, y, x.length, out);
        return out;
    }
}
