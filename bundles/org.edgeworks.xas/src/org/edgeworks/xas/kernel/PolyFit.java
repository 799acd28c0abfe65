package org.edgeworks.xas.kernel;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealVector;

/**
 * Least-squares polynomial of degree 0..3 over the grid points [from, to), the same linear least
 * squares as numpy.polyfit. Solved through the normal equations in a centred, scaled variable
 * t = (x - centre)/scale, which keeps the (at most 4x4) system well conditioned; allocation-free
 * in the hot path. The 4x4 solve is written out (Cholesky) because calling a general solver
 * per spectrum would dominate the cost; {@link #fitChecked} uses Hipparchus and is the reference.
 */
public final class PolyFit {
    /** Centred coefficients: p(x) = sum c[k] t^k with t = (x - centre) / scale. */
    public final double[] c = new double[4];
    public int degree;
    public double centre, scale = 1;
    private final double[] m = new double[16];
    private final double[] r = new double[4];
    private final double[] s = new double[7];

    /**
     * Fits y*w (w = x^nvict when nvict != 0) over [from, to). Returns false when the system is
     * singular (fewer distinct points than coefficients).
     */
    public boolean fit(double[] x, double[] y, double[] subtract, int from, int to, int deg, int nvict) {
        degree = deg;
        int n = to - from;
        if (n < deg + 1) return false;
        double lo = x[from], hi = x[to - 1];
        centre = 0.5 * (lo + hi);
        scale = 0.5 * (hi - lo);
        if (!(scale > 0)) scale = 1;
        int nk = deg + 1;
        java.util.Arrays.fill(s, 0);
        java.util.Arrays.fill(r, 0);
        double inv = 1.0 / scale;
        for (int i = from; i < to; i++) {
            double t = (x[i] - centre) * inv;
            double v = subtract == null ? y[i] : y[i] - subtract[i];
            if (nvict != 0) v *= Math.pow(x[i], nvict);
            double p = 1;
            for (int k = 0; k <= 2 * deg; k++) {
                s[k] += p;
                if (k < nk) r[k] += v * p;
                p *= t;
            }
        }
        for (int a = 0; a < nk; a++) for (int b = 0; b < nk; b++) m[a * 4 + b] = s[a + b];
        // Cholesky of the symmetric positive definite normal matrix (at most 4x4)
        for (int j = 0; j < nk; j++) {
            double d = m[j * 4 + j];
            for (int k = 0; k < j; k++) d -= m[j * 4 + k] * m[j * 4 + k];
            if (!(d > 1e-300)) return false;
            d = Math.sqrt(d);
            m[j * 4 + j] = d;
            for (int i = j + 1; i < nk; i++) {
                double v = m[i * 4 + j];
                for (int k = 0; k < j; k++) v -= m[i * 4 + k] * m[j * 4 + k];
                m[i * 4 + j] = v / d;
            }
        }
        for (int i = 0; i < nk; i++) { // forward
            double v = r[i];
            for (int k = 0; k < i; k++) v -= m[i * 4 + k] * c[k];
            c[i] = v / m[i * 4 + i];
        }
        for (int i = nk - 1; i >= 0; i--) { // backward
            double v = c[i];
            for (int k = i + 1; k < nk; k++) v -= m[k * 4 + i] * c[k];
            c[i] = v / m[i * 4 + i];
        }
        for (int k = nk; k < 4; k++) c[k] = 0;
        return true;
    }

    public double value(double x) {
        double t = (x - centre) / scale;
        return c[0] + t * (c[1] + t * (c[2] + t * c[3]));
    }

    /** Coefficients in powers of x itself (a0 + a1 x + a2 x^2 + a3 x^3), as Larch reports them. */
    public double[] rawCoefficients() {
        double[] a = new double[degree + 1];
        // expand sum c_k ((x - centre)/scale)^k binomially
        for (int k = 0; k <= degree; k++) {
            double ck = c[k] / Math.pow(scale, k);
            for (int j = 0; j <= k; j++) a[j] += ck * binomial(k, j) * Math.pow(-centre, k - j);
        }
        return a;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) b = b * (n - k + i) / i;
        return b;
    }

    /** The same fit through Hipparchus' Cholesky solver (used by tests as the reference). */
    public static double[] fitChecked(double[] x, double[] y, int from, int to, int deg) {
        PolyFit p = new PolyFit();
        int nk = deg + 1;
        double[][] a = new double[nk][nk];
        double[] b = new double[nk];
        double lo = x[from], hi = x[to - 1];
        p.centre = 0.5 * (lo + hi);
        p.scale = 0.5 * (hi - lo);
        for (int i = from; i < to; i++) {
            double t = (x[i] - p.centre) / p.scale;
            for (int u = 0; u < nk; u++) {
                b[u] += y[i] * Math.pow(t, u);
                for (int v = 0; v < nk; v++) a[u][v] += Math.pow(t, u + v);
            }
        }
        DecompositionSolver s = new CholeskyDecomposition(new Array2DRowRealMatrix(a)).getSolver();
        RealVector c = s.solve(new ArrayRealVector(b));
        p.degree = deg;
        for (int k = 0; k < nk; k++) p.c[k] = c.getEntry(k);
        return p.rawCoefficients();
    }
}
