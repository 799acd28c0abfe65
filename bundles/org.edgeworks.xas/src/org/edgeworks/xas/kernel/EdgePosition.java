package org.edgeworks.xas.kernel;

import java.util.Arrays;

/**
 * Edge positions between grid points, and the check of Larch's grid-point E0 against the steepest
 * rise of the whole spectrum. Energies in eV on an ascending grid; mu in any unit.
 *
 * <ul>
 * <li>{@link #smoothedDerivativeMaximum}: the data put on a uniform grid a fifth of the local step
 * by the not-a-knot cubic spline, smoothed by a Gaussian of sigma (eV), maximum of the central
 * difference refined by a parabola. With sigma = one grid step this is the derivative maximum
 * between grid points: the bare spline's derivative locks its maximum to the grid (measured on
 * real foils moved by 0.13 eV and resampled on 0.5 eV: 0.24 eV back; with sigma = one step: 0.131).</li>
 * <li>{@link #levelCrossing}: where the spline through (E, norm) crosses a level (0.5: half step).</li>
 * <li>{@link #noise}: the standard deviation of mu from the scatter of each point about the line
 * through its neighbours (median absolute deviation, so edges and glitches do not count).</li>
 * </ul>
 * Written by hand: no library offers the maximum of a spline's derivative or a robust noise level
 * of an uneven grid; Hipparchus' splines have no not-a-knot ends.
 */
public final class EdgePosition {
    private EdgePosition() {}

    /** A grid index chosen for E0 and why it differs from Larch's, if it does (null note when it does not). */
    public record Choice(int index, String note) {}

    /**
     * Larch's {@link Normalizer#findE0Index} unless its point is not a real rise: when the steepest
     * rise of the median-smoothed spectrum (5-point running median, slope over +-2 points, the end
     * points excluded) lies in the first or last 5 % of the points that Larch skips, more than 3 grid
     * steps and 2 eV away, and the smoothed slope at Larch's point is below 3/4 of it, the steepest
     * rise is taken instead, with a note. Larch's choice
     * excludes the first and last 5 % of the points, which hides an edge near the start of a short
     * scan (shared case e0-near-scan-start). Returns index -1 when there is no edge at all.
     */
    public static Choice robustE0Index(double[] e, double[] mu, int n, double[] dmu) {
        return robustE0Index(e, mu, n, dmu, new double[n], new double[n]);
    }

    /** As above with the caller's scratch (at least n long each): nothing allocated per spectrum but the choice. */
    public static Choice robustE0Index(double[] e, double[] mu, int n, double[] dmu, double[] median, double[] slope) {
        int larch = Normalizer.findE0Index(e, mu, n, dmu);
        if (n < 9) return new Choice(larch, null);
        double[] sd = smoothedSlope(e, mu, n, median, slope);
        int s = -1;
        for (int i = 2; i < n - 2; i++) if (Double.isFinite(sd[i]) && (s < 0 || sd[i] > sd[s])) s = i;
        if (s < 0 || !(sd[s] > 0)) return new Choice(larch, null);
        boolean nearEnd = s < 3 || s > n - 4;
        if (larch < 0) {
            if (nearEnd) return new Choice(-1, null);
            return new Choice(s, "E0: no edge found by Larch's rule (max dmu/dE away from the first and last 5 % of the points); "
                + "the steepest rise of the smoothed spectrum at " + e[s] + " eV is used");
        }
        if (nearEnd || s == larch) return new Choice(larch, null);
        int nmin = Math.max(3, (int) (n * 0.05)); // Larch's excluded ends: only an edge hidden there replaces its choice
        if (s >= nmin && s <= n - nmin) return new Choice(larch, null);
        double step = Math.abs(e[Math.min(n - 1, s + 1)] - e[Math.max(0, s - 1)]) / 2;
        boolean far = Math.abs(e[s] - e[larch]) > Math.max(2.0, 3 * step);
        if (far && sd[larch] < 0.75 * sd[s])
            return new Choice(s, "E0: the largest dmu/dE Larch's rule allows (" + e[larch] + " eV) is not the edge; "
                + "the steepest rise of the smoothed spectrum at " + e[s] + " eV is used (within the first or last 5 % of the points, "
                + "which Larch 0.9.58 skips)");
        return new Choice(larch, null);
    }

    /** Slope of the 5-point running median of mu over +-2 points (NaN at the two ends). */
    static double[] smoothedSlope(double[] e, double[] mu, int n) {
        return smoothedSlope(e, mu, n, new double[n], new double[n]);
    }

    /**
     * Into {@code med} and {@code sd} (at least n long); returns sd. The median of five is taken by
     * a min/max network (the median of the middle pair's extremes and the fifth value), which
     * picks the same value as sorting in Double.compare's order for values that are not NaN;
     * a spectrum holding NaN, and the shorter windows at the two ends, are sorted. Why by hand:
     * this runs per pixel of an image stack, and a sort per point was the largest single cost of
     * the normalisation (JFR, BENCHMARKS.md).
     */
    static double[] smoothedSlope(double[] e, double[] mu, int n, double[] med, double[] sd) {
        boolean nan = false;
        for (int i = 0; i < n; i++) nan |= Double.isNaN(mu[i]);
        double[] w = new double[5];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 2), b = Math.min(n, i + 3), len = b - a;
            if (len == 5 && !nan) {
                med[i] = median5(mu[a], mu[a + 1], mu[a + 2], mu[a + 3], mu[a + 4]);
                continue;
            }
            // insertion sort in Double.compare's order, the order Arrays.sort gives
            for (int k = 0; k < len; k++) {
                double v = mu[a + k];
                int j = k - 1;
                while (j >= 0 && Double.compare(w[j], v) > 0) { w[j + 1] = w[j]; j--; }
                w[j + 1] = v;
            }
            med[i] = len % 2 == 1 ? w[len / 2] : 0.5 * (w[len / 2 - 1] + w[len / 2]);
        }
        Arrays.fill(sd, 0, 2, Double.NaN);
        Arrays.fill(sd, Math.max(2, n - 2), n, Double.NaN);
        for (int i = 2; i < n - 2; i++) sd[i] = (med[i + 2] - med[i - 2]) / (e[i + 2] - e[i - 2]);
        return sd;
    }

    /** Median of five non-NaN values: median3(e, max(min(a,b), min(c,d)), min(max(a,b), max(c,d))). */
    private static double median5(double a, double b, double c, double d, double e) {
        double lo = Math.max(Math.min(a, b), Math.min(c, d));
        double hi = Math.min(Math.max(a, b), Math.max(c, d));
        return Math.max(Math.min(lo, hi), Math.min(Math.max(lo, hi), e));
    }

    /** Median grid step of the points within +-10 of index i0. */
    public static double localStep(double[] e, int n, int i0) {
        int a = Math.max(1, i0 - 10), b = Math.min(n - 1, i0 + 10);
        double[] d = new double[b - a + 1];
        for (int i = a; i <= b; i++) d[i - a] = e[i] - e[i - 1];
        Arrays.sort(d);
        return d[d.length / 2];
    }

    /**
     * Maximum of the derivative of the Gaussian-smoothed spectrum near index i0: the spline
     * through the data sampled at a fifth of the local step over E(i0) +- 12 sigma + margins,
     * convolved with a Gaussian of sigma (eV; NaN or <= 0: the local grid step, which is the
     * least smoothing that frees the maximum from the grid), central differences,
     * the largest within +-3 sigma of E(i0), refined by the parabola through it and its neighbours.
     */
    public static double smoothedDerivativeMaximum(double[] e, double[] mu, int n, int i0, double sigma) {
        return smoothedDerivativeMaximum(e, mu, n, i0, sigma, 0);
    }

    /** As above; a maximum at the edge of the search range is searched again around it (4 times at most), then NaN. */
    private static double smoothedDerivativeMaximum(double[] e, double[] mu, int n, int i0, double sigma, int depth) {
        double step = localStep(e, n, i0);
        double s = Double.isFinite(sigma) && sigma > 0 ? sigma : step;
        double h = step / 5;
        double centre = e[i0];
        int a = Math.max(0, LarchIndex.indexOf(e, n, centre - 12 * s) - 40), b = Math.min(n, LarchIndex.indexOf(e, n, centre + 12 * s) + 41);
        CubicSpline sp = CubicSpline.of(Arrays.copyOfRange(e, a, b), Arrays.copyOfRange(mu, a, b));
        double lo = Math.max(e[a], centre - 8 * s), hi = Math.min(e[b - 1], centre + 8 * s);
        int m = (int) Math.floor((hi - lo) / h) + 1;
        if (m < 7) return Double.NaN;
        double[] u = new double[m], v = new double[m];
        for (int k = 0; k < m; k++) { u[k] = lo + k * h; v[k] = sp.value(u[k]); }
        int half = (int) Math.ceil(4 * s / h);
        double[] ker = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) ker[k + half] = Math.exp(-0.5 * (k * h / s) * (k * h / s));
        double[] sm = new double[m];
        for (int k = 0; k < m; k++) {
            double acc = 0, wsum = 0;
            for (int q = -half; q <= half; q++) {
                int r = k + q;
                if (r < 0 || r >= m) continue;
                acc += ker[q + half] * v[r];
                wsum += ker[q + half];
            }
            sm[k] = acc / wsum;
        }
        // only where the whole kernel lies inside the sampled range
        int best = -1, first = -1, last = -1;
        double bestD = Double.NEGATIVE_INFINITY;
        for (int k = half + 1; k < m - half - 1; k++) {
            if (Math.abs(u[k] - centre) > 3 * s + step) continue;
            if (first < 0) first = k;
            last = k;
            double d = (sm[k + 1] - sm[k - 1]) / (2 * h);
            if (d > bestD) { bestD = d; best = k; }
        }
        if (best < 0) return Double.NaN;
        if (best == first || best == last) { // the maximum lies beyond the range searched: look again around it
            int j = LarchIndex.indexNearest(e, n, u[best]);
            if (depth >= 4 || j == i0) return Double.NaN;
            return smoothedDerivativeMaximum(e, mu, n, j, sigma, depth + 1);
        }
        double dm = (sm[best] - sm[best - 2]) / (2 * h), dp = (sm[best + 2] - sm[best]) / (2 * h);
        double den = dm - 2 * bestD + dp;
        double off = den < 0 ? 0.5 * (dm - dp) / den : 0;
        return u[best] + Math.max(-1, Math.min(1, off)) * h;
    }

    /**
     * Energy where the not-a-knot spline through (e, y) first reaches {@code level} going up within
     * [lo, hi] eV (bisection to 1e-9 eV on the spline); NaN when it does not.
     */
    public static double levelCrossing(double[] e, double[] y, int n, double level, double lo, double hi) {
        int a = Math.max(0, LarchIndex.indexOf(e, n, lo) - 40), b = Math.min(n, LarchIndex.indexOf(e, n, hi) + 41);
        CubicSpline sp = CubicSpline.of(Arrays.copyOfRange(e, a, b), Arrays.copyOfRange(y, a, b));
        int prev = -1;
        for (int i = a; i < b; i++) {
            if (e[i] <= lo || e[i] >= hi) continue;
            if (y[i] >= level) {
                if (prev < 0) return Double.NaN;
                double x0 = e[prev], x1 = e[i];
                if (sp.value(x0) >= level) return x0;
                for (int it = 0; it < 100 && x1 - x0 > 1e-9; it++) {
                    double mid = 0.5 * (x0 + x1);
                    if (sp.value(mid) >= level) x1 = mid; else x0 = mid;
                }
                return 0.5 * (x0 + x1);
            }
            prev = i;
        }
        return Double.NaN;
    }

    /**
     * Noise of mu: 1.4826 x the median absolute deviation of r_i = mu_i - (line through the two
     * neighbours at E_i), each divided by its own standard deviation factor sqrt(1 + a^2 + b^2)
     * (a, b the interpolation weights), so r has the noise's standard deviation on any grid.
     */
    public static double noise(double[] e, double[] mu, int n) {
        if (n < 5) return 0;
        double[] r = new double[n - 2];
        for (int i = 1; i < n - 1; i++) {
            double h = e[i + 1] - e[i - 1], a = (e[i + 1] - e[i]) / h, b = (e[i] - e[i - 1]) / h;
            r[i - 1] = (mu[i] - (a * mu[i - 1] + b * mu[i + 1])) / Math.sqrt(1 + a * a + b * b);
        }
        double[] s = r.clone();
        Arrays.sort(s);
        double med = s[s.length / 2];
        for (int i = 0; i < r.length; i++) s[i] = Math.abs(r[i] - med);
        Arrays.sort(s);
        return 1.4826 * s[s.length / 2];
    }

    /**
     * The main edge: the steepest rise of the whole spectrum smoothed by a Gaussian of sigma eV,
     * on a uniform grid of min(sigma/5, median step) by linear interpolation, points within 4 sigma
     * of either end excluded, refined by a parabola; NaN when the data span less than 10 sigma.
     * A strong narrow pre-edge peak (KMnO4) loses to the broad main rise at sigma = 3 eV.
     */
    public static double mainEdge(double[] e, double[] mu, int n, double sigma) {
        if (n < 5 || e[n - 1] - e[0] < 10 * sigma) return Double.NaN;
        double[] d = new double[n - 1];
        for (int i = 1; i < n; i++) d[i - 1] = e[i] - e[i - 1];
        Arrays.sort(d);
        double h = Math.min(sigma / 5, d[d.length / 2]);
        int m = (int) Math.floor((e[n - 1] - e[0]) / h) + 1;
        if (m > 2_000_000) return Double.NaN;
        double[] v = new double[m];
        int j = 0;
        for (int k = 0; k < m; k++) {
            double u = e[0] + k * h;
            while (j < n - 2 && e[j + 1] < u) j++;
            double t = (u - e[j]) / (e[j + 1] - e[j]);
            v[k] = mu[j] + Math.max(0, Math.min(1, t)) * (mu[j + 1] - mu[j]);
        }
        int half = (int) Math.ceil(4 * sigma / h);
        double[] ker = new double[2 * half + 1];
        double ks = 0;
        for (int q = -half; q <= half; q++) { ker[q + half] = Math.exp(-0.5 * (q * h / sigma) * (q * h / sigma)); ks += ker[q + half]; }
        int best = -1;
        double bestD = Double.NEGATIVE_INFINITY;
        double[] sm = new double[m];
        for (int k = half; k < m - half; k++) {
            double acc = 0;
            for (int q = -half; q <= half; q++) acc += ker[q + half] * v[k + q];
            sm[k] = acc / ks;
        }
        for (int k = half + 2; k < m - half - 2; k++) {
            double dd = (sm[k + 1] - sm[k - 1]) / (2 * h);
            if (dd > bestD) { bestD = dd; best = k; }
        }
        if (best < 0) return Double.NaN;
        double dm = (sm[best] - sm[best - 2]) / (2 * h), dp = (sm[best + 2] - sm[best]) / (2 * h);
        double den = dm - 2 * bestD + dp;
        double off = den < 0 ? 0.5 * (dm - dp) / den : 0;
        return e[0] + (best + Math.max(-1, Math.min(1, off))) * h;
    }
}
