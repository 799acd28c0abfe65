package org.edgeworks.xas.kernel;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealVector;

/**
 * Least-squares polynomial of degree 0..3 over the grid points [from, to), the same linear least
 * squares as numpy.polyfit. Solved through the normal equations in a centred, scaled variable
 * t = (x - centre)/scale, which keeps the (at most 4x4) system well conditioned. The 4x4 solve is
 * written out (Cholesky) because calling a general solver per spectrum would dominate the cost;
 * {@link #fitChecked} uses Hipparchus and is the reference. The grid-only part of a fit (powers,
 * factor: {@link Design}) is cached per grid for the many spectra of one grid (image stacks).
 */
public final class PolyFit {
    /** Centred coefficients: p(x) = sum c[k] t^k with t = (x - centre) / scale. */
    public final double[] c = new double[4];
    public int degree;
    public double centre, scale = 1;
    private final double[] r = new double[4];
    /** The design of the last fit (for {@link #valueAt}). */
    private Design last;
    /** Designs met on the current grid, by (from, to, degree, nvict); see {@link #onGrid}. */
    private final java.util.Map<Long, Design> designs = new java.util.HashMap<>();
    /** Bound on cached designs: a grid has few distinct fit ranges (they move with E0's grid point). */
    private static final int MAX_DESIGNS = 512;

    /**
     * Everything of a fit over [from, to) that depends only on the grid, not on the values
     * fitted: centre and scale, the powers t^k of every point, x^nvict, the Cholesky factor of the
     * normal matrix, and t at every grid point for {@link #valueAt}. Why: the pixels of an image
     * stack share one energy grid, so the normal equations of the pre-edge line and post-edge
     * polynomial are the same for every pixel with the same ranges; the per-spectrum part of a
     * fit is then one dot product per coefficient and two triangular solves. Every number is
     * computed with the same operations in the same order as a fit from scratch, so cached and
     * uncached fits are bit-identical.
     */
    static final class Design {
        final int from, to, deg, nvict, nk;
        final double centre, scale;
        /** t^k of point from + q at [q * nk + k] (k < nk), the repeated products the sums use. */
        final double[] powers;
        /** x^nvict of point from + q (null for nvict 0). */
        final double[] victoreen;
        /** Cholesky factor of the normal matrix (row-major 4x4, lower triangle); null: singular. */
        final double[] factor;
        /** (x_i - centre) / scale for the first n grid points (as {@link #value} computes t); empty for a fit without cache. */
        final double[] t;

        Design(double[] x, int n, int from, int to, int deg, int nvict) {
            this.from = from;
            this.to = to;
            this.deg = deg;
            this.nvict = nvict;
            this.nk = deg + 1;
            double lo = x[from], hi = x[to - 1];
            double ce = 0.5 * (lo + hi);
            double sc = 0.5 * (hi - lo);
            if (!(sc > 0)) sc = 1;
            centre = ce;
            scale = sc;
            int len = to - from;
            powers = new double[len * nk];
            victoreen = nvict == 0 ? null : new double[len];
            double[] s = new double[7];
            double inv = 1.0 / sc;
            for (int i = from; i < to; i++) {
                double tt = (x[i] - ce) * inv;
                if (nvict != 0) victoreen[i - from] = Math.pow(x[i], nvict);
                double p = 1;
                for (int k = 0; k <= 2 * deg; k++) {
                    s[k] += p;
                    if (k < nk) powers[(i - from) * nk + k] = p;
                    p *= tt;
                }
            }
            double[] m = new double[16];
            for (int a = 0; a < nk; a++) for (int b = 0; b < nk; b++) m[a * 4 + b] = s[a + b];
            // Cholesky of the symmetric positive definite normal matrix (at most 4x4)
            boolean ok = true;
            for (int j = 0; j < nk && ok; j++) {
                double d = m[j * 4 + j];
                for (int k = 0; k < j; k++) d -= m[j * 4 + k] * m[j * 4 + k];
                if (!(d > 1e-300)) { ok = false; break; }
                d = Math.sqrt(d);
                m[j * 4 + j] = d;
                for (int i = j + 1; i < nk; i++) {
                    double v = m[i * 4 + j];
                    for (int k = 0; k < j; k++) v -= m[i * 4 + k] * m[j * 4 + k];
                    m[i * 4 + j] = v / d;
                }
            }
            factor = ok ? m : null;
            t = new double[n];
            for (int i = 0; i < n; i++) t[i] = (x[i] - ce) / sc;
        }
    }

    /**
     * Declares the grid the next {@link #fit(double[], int, double[], double[], int, int, int, int)}
     * calls use: designs cached for another grid are dropped. {@code same} is the caller's check
     * that the grid is the one of the previous call (content, not just the array).
     */
    public void onGrid(boolean same) {
        if (!same) designs.clear();
    }

    /**
     * Fits y*w (w = x^nvict when nvict != 0) over [from, to). Returns false when the system is
     * singular (fewer distinct points than coefficients).
     */
    public boolean fit(double[] x, double[] y, double[] subtract, int from, int to, int deg, int nvict) {
        degree = deg;
        if (to - from < deg + 1) return false;
        return solve(new Design(x, 0, from, to, deg, nvict), y, subtract); // t of no grid point: value() serves
    }

    /**
     * The same fit on a grid of {@code n} points declared with {@link #onGrid}, its grid-only part
     * taken from the designs cached for that grid (made on first use).
     */
    public boolean fit(double[] x, int n, double[] y, double[] subtract, int from, int to, int deg, int nvict) {
        degree = deg;
        if (to - from < deg + 1) return false;
        long key = (((long) from * 65536 + to) * 8 + deg) * 8 + nvict;
        Design d = designs.get(key);
        if (d == null) {
            if (designs.size() >= MAX_DESIGNS) designs.clear();
            d = new Design(x, n, from, to, deg, nvict);
            designs.put(key, d);
        }
        return solve(d, y, subtract);
    }

    /** The per-spectrum part: right-hand side (dot products with the powers), then the two triangular solves. */
    private boolean solve(Design d, double[] y, double[] subtract) {
        last = d;
        centre = d.centre;
        scale = d.scale;
        if (d.factor == null) return false;
        int nk = d.nk;
        java.util.Arrays.fill(r, 0);
        double[] pw = d.powers;
        for (int i = d.from; i < d.to; i++) {
            double v = subtract == null ? y[i] : y[i] - subtract[i];
            if (d.nvict != 0) v *= d.victoreen[i - d.from];
            int at = (i - d.from) * nk;
            for (int k = 0; k < nk; k++) r[k] += v * pw[at + k];
        }
        double[] m = d.factor;
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

    /** t = (x_i - centre) / scale at grid point {@code i} of the last fit's grid. */
    public double tAt(int i) { return last.t[i]; }

    /** {@link #value} at grid point {@code i} of the last fit's grid (t from its design: the same number). */
    public double valueAt(int i) {
        double t = last.t[i];
        return c[0] + t * (c[1] + t * (c[2] + t * c[3]));
    }

    /**
     * The last fit's basis at grid point {@code i}: t^k, k = 0..degree, with t as {@link #valueAt}
     * takes it (the last fit must have been made on a declared grid, {@link #fit(double[], int,
     * double[], double[], int, int, int, int)}).
     */
    public double[] basisAt(int i) {
        double[] b = new double[last.nk];
        double t = last.t[i], p = 1;
        for (int k = 0; k < b.length; k++) { b[k] = p; p *= t; }
        return b;
    }

    /**
     * L^-1 v for the Cholesky factor L of the last fit's normal matrix T'T (T: the basis over the
     * fitted points): v'(T'T)^-1 w = (L^-1 v).(L^-1 w), so |L^-1 v|^2 is the variance factor
     * (leverage) of the fitted value where the basis is v. Null when the fit was singular.
     */
    public double[] whiten(double[] v) {
        double[] m = last.factor;
        if (m == null) return null;
        int nk = last.nk;
        double[] z = new double[nk];
        for (int i = 0; i < nk; i++) {
            double s = v[i];
            for (int k = 0; k < i; k++) s -= m[i * 4 + k] * z[k];
            z[i] = s / m[i * 4 + i];
        }
        return z;
    }

    /** (T'T)^-1 v for the last fit (L^-T L^-1 v); null when the fit was singular. */
    public double[] solveNormal(double[] v) {
        double[] z = whiten(v);
        if (z == null) return null;
        double[] m = last.factor;
        for (int i = last.nk - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < last.nk; k++) s -= m[k * 4 + i] * z[k];
            z[i] = s / m[i * 4 + i];
        }
        return z;
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
