package org.edgeworks.rixs;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;

/** Small numeric helpers shared by the map processors (integration widths, interpolation). */
public final class MapMath {
    private MapMath() {}

    /** Cell widths of an ascending axis: half the distance between the two neighbours; the end cells are as wide as their one spacing (so a uniform axis has equal cells). */
    public static double[] widths(double[] axis) {
        int n = axis.length;
        double[] w = new double[n];
        if (n == 1) { w[0] = 1; return w; }
        for (int i = 0; i < n; i++) {
            double lo = i > 0 ? axis[i - 1] : axis[i];
            double hi = i < n - 1 ? axis[i + 1] : axis[i];
            w[i] = Math.abs(hi - lo) / ((i > 0 && i < n - 1) ? 2 : 1);
        }
        return w;
    }

    /**
     * How much of each cell of an ascending axis lies inside [from, to] (eV): cells reach halfway
     * to their neighbours and, at the ends, half a spacing outwards, so a window integral does not
     * jump as the window edge crosses a cell centre and equals the exact integral of a smooth
     * function to the order of the step.
     */
    public static double[] overlap(double[] axis, double from, double to) {
        int n = axis.length;
        double lo = Math.min(from, to), hi = Math.max(from, to);
        double[] w = new double[n];
        if (n == 1) { w[0] = axis[0] >= lo && axis[0] <= hi ? 1 : 0; return w; }
        for (int i = 0; i < n; i++) {
            double a = i > 0 ? 0.5 * (axis[i - 1] + axis[i]) : axis[0] - 0.5 * (axis[1] - axis[0]);
            double b = i < n - 1 ? 0.5 * (axis[i] + axis[i + 1]) : axis[n - 1] + 0.5 * (axis[n - 1] - axis[n - 2]);
            w[i] = Math.max(0, Math.min(b, hi) - Math.max(a, lo));
        }
        return w;
    }

    /** Cell edges as {@link #overlap} uses them: the first cell's lower edge and the last cell's upper edge. */
    public static double[] extent(double[] axis) {
        int n = axis.length;
        if (n == 1) return new double[] {axis[0], axis[0]};
        return new double[] {axis[0] - 0.5 * (axis[1] - axis[0]), axis[n - 1] + 0.5 * (axis[n - 1] - axis[n - 2])};
    }

    /** Linear interpolation of (x, y) at u (x ascending); outside the range: the end value. */
    public static double interpolate(double[] x, double[] y, double u) {
        return interpolate(x, y, u, false);
    }

    /** The variance of {@link #interpolate} for independent values of variance {@code v}: squared weights. */
    public static double interpolateVariance(double[] x, double[] v, double u) {
        return interpolate(x, v, u, true);
    }

    private static double interpolate(double[] x, double[] y, double u, boolean squaredWeights) {
        int n = x.length;
        if (u <= x[0]) return y[0];
        if (u >= x[n - 1]) return y[n - 1];
        int lo = 0, hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= u) lo = mid; else hi = mid;
        }
        double t = (u - x[lo]) / (x[hi] - x[lo]);
        return squaredWeights ? (1 - t) * (1 - t) * y[lo] + t * t * y[hi] : y[lo] + t * (y[hi] - y[lo]);
    }

    /** Element-wise square root (variances to standard deviations). */
    public static double[] sqrt(double[] variance) {
        double[] s = new double[variance.length];
        for (int i = 0; i < s.length; i++) s[i] = Math.sqrt(Math.max(0, variance[i]));
        return s;
    }

    /** A uniform axis from lo to hi (inclusive, within 1e-9 steps) with the given step. */
    public static double[] uniform(double lo, double hi, double step) {
        int n = (int) Math.floor((hi - lo) / step + 1e-9) + 1;
        double[] a = new double[Math.max(1, n)];
        for (int i = 0; i < a.length; i++) a[i] = lo + i * step;
        return a;
    }

    /** Median spacing of an ascending axis. */
    public static double medianStep(double[] axis) {
        if (axis.length < 2) return 1;
        double[] d = new double[axis.length - 1];
        for (int i = 0; i < d.length; i++) d[i] = Math.abs(axis[i + 1] - axis[i]);
        java.util.Arrays.sort(d);
        return d[d.length / 2];
    }

    /** Indices of the ascending axis inside [from, to]; error naming the axis when none is. */
    public static int[] indicesIn(String subject, String what, double[] axis, double from, double to) throws EdgeworksException {
        double lo = Math.min(from, to), hi = Math.max(from, to);
        int a = -1, b = -1;
        for (int i = 0; i < axis.length; i++) {
            if (axis[i] >= lo && axis[i] <= hi) {
                if (a < 0) a = i;
                b = i;
            }
        }
        if (a < 0)
            throw EdgeworksException.of(subject, what + " window " + fmt(lo) + ":" + fmt(hi) + " eV holds no point (axis "
                + fmt(axis[0]) + " to " + fmt(axis[axis.length - 1]) + " eV)");
        return new int[] {a, b};
    }

    /** Integral of the map over [exFrom, exTo] x [emFrom, emTo] (rectangle rule on the map's own cells). */
    public static double integrate(String subject, RixsMap map, double exFrom, double exTo, double emFrom, double emTo)
            throws EdgeworksException {
        double[] ex = map.excitation().values(), em = map.emission().values();
        int[] ri = indicesIn(subject, "excitation", ex, exFrom, exTo);
        int[] ci = indicesIn(subject, "emission", em, emFrom, emTo);
        double[] wx = widths(ex), wm = widths(em);
        double[] d = map.data();
        int nc = em.length;
        double s = 0;
        for (int i = ri[0]; i <= ri[1]; i++)
            for (int j = ci[0]; j <= ci[1]; j++) s += d[i * nc + j] * wx[i] * wm[j];
        return s;
    }

    public static double total(RixsMap map) {
        double[] ex = map.excitation().values(), em = map.emission().values();
        double[] wx = widths(ex), wm = widths(em), d = map.data();
        double s = 0;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) s += d[i * em.length + j] * wx[i] * wm[j];
        return s;
    }

    public static String fmt(double v) { return String.format(java.util.Locale.ROOT, "%.4g", v); }
}
