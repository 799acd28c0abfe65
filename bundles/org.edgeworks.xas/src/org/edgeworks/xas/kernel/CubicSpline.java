package org.edgeworks.xas.kernel;

/**
 * Cubic interpolating spline with not-a-knot end conditions, the spline of
 * scipy.interpolate.interp1d(kind='cubic') that Larch's lincombo_fit uses to put references on
 * the sample grid; outside the data it extrapolates like Larch's {@code interp}: the not-a-knot
 * spline through the first (last) five points, extended as a polynomial. Written here because
 * Hipparchus offers natural and clamped splines only, and matching Larch needs this one.
 */
public final class CubicSpline {
    private final double[] x, y, m; // m = second derivatives at the nodes
    private final CubicSpline below, above;

    private CubicSpline(double[] x, double[] y, boolean withEnds) {
        this.x = x;
        this.y = y;
        this.m = secondDerivatives(x, y);
        int n = x.length;
        if (withEnds && n > 5) {
            below = new CubicSpline(java.util.Arrays.copyOfRange(x, 0, 5), java.util.Arrays.copyOfRange(y, 0, 5), false);
            above = new CubicSpline(java.util.Arrays.copyOfRange(x, n - 5, n), java.util.Arrays.copyOfRange(y, n - 5, n), false);
        } else {
            below = null;
            above = null;
        }
    }

    /** x strictly ascending, at least 2 points (2: a line, 3: a parabola). Arrays are not copied. */
    public static CubicSpline of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) throw new IllegalArgumentException("need at least 2 points");
        return new CubicSpline(x, y, true);
    }

    /**
     * The spline of the whole data, evaluated only within [lo, hi]: built on the points of that
     * range plus {@code margin} points each side. A cubic spline's dependence on a distant node
     * decays by a factor of about 0.27 per node, so with 40 nodes of margin the values differ from
     * the whole-data spline by less than 1e-20 relative; where the range reaches an end of the data
     * the data's own end conditions and extrapolation apply.
     */
    public static CubicSpline window(double[] x, double[] y, double lo, double hi, int margin) {
        int n = x.length;
        int from = Math.max(0, LarchIndex.indexOf(x, lo) - margin), to = Math.min(n, LarchIndex.indexOf(x, hi) + 1 + margin);
        if (from == 0 && to == n || to - from < 12) return of(x, y);
        if (from > 0 && to < n) return new CubicSpline(java.util.Arrays.copyOfRange(x, from, to), java.util.Arrays.copyOfRange(y, from, to), false);
        // touching one end: keep that end's extrapolation
        CubicSpline full = of(x, y);
        CubicSpline part = new CubicSpline(java.util.Arrays.copyOfRange(x, from, to), java.util.Arrays.copyOfRange(y, from, to), false);
        return new CubicSpline(part.x, part.y, part.m, from == 0 ? full.below : null, to == n ? full.above : null);
    }

    private CubicSpline(double[] x, double[] y, double[] m, CubicSpline below, CubicSpline above) {
        this.x = x;
        this.y = y;
        this.m = m;
        this.below = below;
        this.above = above;
    }

    private static double[] secondDerivatives(double[] x, double[] y) {
        int n = x.length;
        double[] m = new double[n];
        if (n == 2) return m;
        if (n == 3) { // scipy needs 4 points for k=3; a parabola through 3 points is the natural reading
            double d0 = (y[1] - y[0]) / (x[1] - x[0]), d1 = (y[2] - y[1]) / (x[2] - x[1]);
            double c = 2 * (d1 - d0) / (x[2] - x[0]);
            m[0] = m[1] = m[2] = c;
            return m;
        }
        // unknowns M1..M(n-2): tridiagonal after eliminating M0 and M(n-1) with the not-a-knot rows
        int k = n - 2;
        double[] a = new double[k], b = new double[k], c = new double[k], r = new double[k];
        for (int i = 1; i <= n - 2; i++) {
            double h0 = x[i] - x[i - 1], h1 = x[i + 1] - x[i];
            a[i - 1] = h0;
            b[i - 1] = 2 * (h0 + h1);
            c[i - 1] = h1;
            r[i - 1] = 6 * ((y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0);
        }
        double h0 = x[1] - x[0], h1 = x[2] - x[1];
        // M0 = ((h0+h1) M1 - h0 M2) / h1
        b[0] += h0 * (h0 + h1) / h1;
        c[0] -= h0 * h0 / h1;
        double g1 = x[n - 1] - x[n - 2], g0 = x[n - 2] - x[n - 3];
        // M(n-1) = ((g1+g0) M(n-2) - g1 M(n-3)) / g0
        b[k - 1] += g1 * (g1 + g0) / g0;
        a[k - 1] -= g1 * g1 / g0;
        if (k == 1) { // n == 3 handled above; unreachable
            m[1] = r[0] / b[0];
        } else {
            // Thomas algorithm (the system is diagonally dominant)
            for (int i = 1; i < k; i++) {
                double w = a[i] / b[i - 1];
                b[i] -= w * c[i - 1];
                r[i] -= w * r[i - 1];
            }
            m[k] = r[k - 1] / b[k - 1];
            for (int i = k - 2; i >= 0; i--) m[i + 1] = (r[i] - c[i] * m[i + 2]) / b[i];
        }
        m[0] = ((h0 + h1) * m[1] - h0 * m[2]) / h1;
        m[n - 1] = ((g1 + g0) * m[n - 2] - g1 * m[n - 3]) / g0;
        return m;
    }

    private int interval(double v) {
        int n = x.length;
        if (v <= x[0]) return 0;
        if (v >= x[n - 1]) return n - 2;
        int lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= v) lo = mid; else hi = mid;
        }
        return lo;
    }

    private double piece(int i, double v) {
        double h = x[i + 1] - x[i];
        double a = x[i + 1] - v, b = v - x[i];
        return (m[i] * a * a * a + m[i + 1] * b * b * b) / (6 * h)
            + (y[i] / h - m[i] * h / 6) * a + (y[i + 1] / h - m[i + 1] * h / 6) * b;
    }

    private double pieceDerivative(int i, double v) {
        double h = x[i + 1] - x[i];
        double a = x[i + 1] - v, b = v - x[i];
        return (-m[i] * a * a + m[i + 1] * b * b) / (2 * h) - (y[i] / h - m[i] * h / 6) + (y[i + 1] / h - m[i + 1] * h / 6);
    }

    public double value(double v) {
        if (below != null && v < x[0]) return below.value(v);
        if (above != null && v > x[x.length - 1]) return above.value(v);
        return piece(interval(v), v);
    }

    public double derivative(double v) {
        if (below != null && v < x[0]) return below.derivative(v);
        if (above != null && v > x[x.length - 1]) return above.derivative(v);
        return pieceDerivative(interval(v), v);
    }

    /** Values at ascending points xs[from..to) into out[0..], walking the intervals once. */
    public void values(double[] xs, int from, int to, double shift, double[] out) {
        int i = 0, n = x.length;
        for (int q = from; q < to; q++) {
            double v = xs[q] + shift;
            if (v < x[0] || v > x[n - 1]) { out[q - from] = value(v); continue; }
            while (i < n - 2 && x[i + 1] < v) i++;
            out[q - from] = piece(i, v);
        }
    }

    public void derivatives(double[] xs, int from, int to, double shift, double[] out) {
        int i = 0, n = x.length;
        for (int q = from; q < to; q++) {
            double v = xs[q] + shift;
            if (v < x[0] || v > x[n - 1]) { out[q - from] = derivative(v); continue; }
            while (i < n - 2 && x[i + 1] < v) i++;
            out[q - from] = pieceDerivative(i, v);
        }
    }
}
