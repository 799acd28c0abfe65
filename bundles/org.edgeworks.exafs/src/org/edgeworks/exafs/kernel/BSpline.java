package org.edgeworks.exafs.kernel;

/**
 * Cubic B-spline basis on a knot vector t (length nspl + 4), evaluated as FITPACK's splev does
 * (Cox-de Boor on the knot span of x; outside [t[3], t[nspl]] the first or last span's
 * polynomials continue, splev's ext=0). Written by hand: Hipparchus has no B-spline with free
 * coefficients, and Larch's AUTOBK fits exactly these coefficients.
 */
public final class BSpline {
    private BSpline() {}

    /** Knot span index i (3 <= i <= nspl-1) with t[i] <= x < t[i+1], clamped at the ends. */
    public static int span(double[] t, int nspl, double x) {
        int lo = 3, hi = nspl - 1;
        if (x >= t[hi]) return hi;
        if (x < t[lo + 1]) return lo;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= x) lo = mid; else hi = mid;
        }
        return lo;
    }

    /** The four basis values N(i-3..i) at x for span i (The NURBS Book, algorithm A2.2). */
    public static void basis(double[] t, int i, double x, double[] out) {
        double[] left = new double[4], right = new double[4];
        out[0] = 1;
        for (int j = 1; j <= 3; j++) {
            left[j] = x - t[i + 1 - j];
            right[j] = t[i + j] - x;
            double saved = 0;
            for (int r = 0; r < j; r++) {
                double tmp = out[r] / (right[r + 1] + left[j - r]);
                out[r] = saved + right[r + 1] * tmp;
                saved = left[j - r] * tmp;
            }
            out[j] = saved;
        }
    }

    /** Dense design matrix B[j][c] = N_c(x_j), c < nspl. */
    public static double[][] design(double[] t, int nspl, double[] x, int n) {
        double[][] b = new double[n][nspl];
        double[] v = new double[4];
        for (int j = 0; j < n; j++) {
            int i = span(t, nspl, x[j]);
            basis(t, i, x[j], v);
            for (int r = 0; r < 4; r++) b[j][i - 3 + r] = v[r];
        }
        return b;
    }
}
