package org.edgeworks.xas.kernel;

/**
 * Larch's index conventions (larch/math/utils.py, 0.9.58), on an ascending grid, so ranges take
 * exactly the grid points Larch's pre_edge and lincombo_fit take.
 */
public final class LarchIndex {
    private LarchIndex() {}

    /** {@code index_of}: the last index whose value is at or below {@code value}; 0 below the grid. */
    public static int indexOf(double[] x, int n, double value) {
        if (value < x[0]) return 0;
        int lo = 0, hi = n - 1;
        while (lo < hi) { // largest i with x[i] <= value
            int mid = (lo + hi + 1) >>> 1;
            if (x[mid] <= value) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** {@code index_nearest}: the index of the value nearest {@code value} (the first one on a tie). */
    public static int indexNearest(double[] x, int n, double value) {
        int i = indexOf(x, n, value);
        if (value < x[0]) return 0;
        if (i + 1 < n && Math.abs(x[i + 1] - value) < Math.abs(x[i] - value)) return i + 1;
        return i;
    }

    public static int indexOf(double[] x, double value) { return indexOf(x, x.length, value); }

    public static int indexNearest(double[] x, double value) { return indexNearest(x, x.length, value); }
}
