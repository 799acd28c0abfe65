package org.edgeworks.testsupport;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.IDataset;
import org.opentest4j.AssertionFailedError;

/**
 * Element-wise comparison of arrays and January datasets with a relative and an absolute tolerance,
 * as January's {@code TestUtils.assertDatasetEquals(expected, actual, relTol, absTol)} does (its
 * asserts ship only in January's test bundle, not on Maven Central).
 * <p>
 * Point i passes when {@code |actual[i] - expected[i]| <= max(abs, rel * |expected[i]|)}; a NaN
 * passes only against a NaN (a missing value must stay missing), an infinity only against the same
 * infinity. A failure names the worst point: index, expected, actual, difference and tolerance, and
 * how many points failed, e.g.
 * {@code mu: 3 of 601 points outside tolerance; worst at index 212: expected 1.25, actual 1.2507,
 * |diff| 7.0e-04 > tolerance 2.5e-04 (rel 1.0e-04, abs 1.0e-06)}.
 */
public final class DatasetAsserts {
    private DatasetAsserts() {}

    /** Point by point: tolerance max(abs, rel * |expected[i]|). Lengths must agree. */
    public static void assertClose(double[] expected, double[] actual, double rel, double abs, String what) {
        if (expected == null || actual == null) throw new AssertionFailedError(what + ": " + (expected == null ? "expected" : "actual") + " is null");
        if (expected.length != actual.length)
            throw new AssertionFailedError(what + ": length: expected " + expected.length + ", actual " + actual.length, expected.length, actual.length);
        int failed = 0, worst = -1;
        double worstExcess = -1;
        for (int i = 0; i < expected.length; i++) {
            double tol = tolerance(expected[i], rel, abs);
            double excess = excess(expected[i], actual[i], tol);
            if (excess > 0) {
                failed++;
                if (excess > worstExcess) { worstExcess = excess; worst = i; }
            }
        }
        if (failed > 0) {
            double e = expected[worst], a = actual[worst];
            throw new AssertionFailedError(String.format(java.util.Locale.ROOT,
                "%s: %d of %d points outside tolerance; worst at index %d: expected %s, actual %s, |diff| %.3e > tolerance %.3e (rel %.1e, abs %.1e)",
                what, failed, expected.length, worst, e, a, Math.abs(a - e), tolerance(e, rel, abs), rel, abs), e, a);
        }
    }

    /**
     * Relative to the array's scale: tolerance rel * max|expected| at every point (for curves that
     * cross zero, such as chi(k) or a difference spectrum, where a point-wise relative bound is meaningless).
     */
    public static void assertCloseToScale(double[] expected, double[] actual, double rel, String what) {
        double scale = 0;
        for (double v : expected) if (Double.isFinite(v)) scale = Math.max(scale, Math.abs(v));
        assertClose(expected, actual, 0, rel * Math.max(scale, Double.MIN_NORMAL), what);
    }

    /** One number: tolerance max(abs, rel * |expected|). */
    public static void assertClose(double expected, double actual, double rel, double abs, String what) {
        assertClose(new double[] {expected}, new double[] {actual}, rel, abs, what);
    }

    /** Datasets (any element type, read as doubles): shapes must agree, then point by point in row-major order. */
    public static void assertClose(IDataset expected, IDataset actual, double rel, double abs, String what) {
        if (!Arrays.equals(expected.getShape(), actual.getShape()))
            throw new AssertionFailedError(what + ": shape: expected " + Arrays.toString(expected.getShape()) + ", actual "
                + Arrays.toString(actual.getShape()));
        assertClose(doubles(expected), doubles(actual), rel, abs, what);
    }

    /** max_i |a[i] - b[i]| (NaN if any difference is NaN), for reporting agreement in tables. */
    public static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths " + a.length + " and " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) return Double.NaN;
            m = Math.max(m, d);
        }
        return m;
    }

    static double tolerance(double expected, double rel, double abs) {
        return Math.max(abs, rel * Math.abs(expected));
    }

    /** How far outside the tolerance (> 0 fails); NaN and infinities must match exactly. */
    static double excess(double e, double a, double tol) {
        if (Double.isNaN(e) || Double.isNaN(a)) return Double.isNaN(e) && Double.isNaN(a) ? 0 : Double.POSITIVE_INFINITY;
        if (Double.isInfinite(e) || Double.isInfinite(a)) return e == a ? 0 : Double.POSITIVE_INFINITY;
        double d = Math.abs(a - e) - tol;
        return d > 0 ? d : 0;
    }

    private static double[] doubles(IDataset d) {
        Dataset flat = DatasetUtils.convertToDataset(d).flatten();
        double[] out = new double[flat.getSize()];
        for (int i = 0; i < out.length; i++) out[i] = flat.getDouble(i);
        return out;
    }
}
