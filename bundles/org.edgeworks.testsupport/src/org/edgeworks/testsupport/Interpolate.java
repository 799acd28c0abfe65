package org.edgeworks.testsupport;

import java.util.Arrays;

/** Expected values on another grid, computed here rather than by the interpolation of the code under test. */
public final class Interpolate {
    private Interpolate() {}

    /**
     * Straight line between the two samples of (x, y) that bracket each point of {@code at} (x strictly
     * increasing; a point outside [x0, xn] is refused, since the truth there is unknown).
     */
    public static double[] linear(double[] x, double[] y, double[] at) {
        double[] out = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            double v = at[i];
            if (!(v >= x[0] && v <= x[x.length - 1]))
                throw new IllegalArgumentException(v + " is outside [" + x[0] + ", " + x[x.length - 1] + "]");
            int k = Arrays.binarySearch(x, v);
            if (k >= 0) { out[i] = y[k]; continue; }
            int hi = -k - 1, lo = hi - 1;
            double t = (v - x[lo]) / (x[hi] - x[lo]);
            out[i] = (1 - t) * y[lo] + t * y[hi];
        }
        return out;
    }
}
