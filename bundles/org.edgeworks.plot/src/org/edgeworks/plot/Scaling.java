package org.edgeworks.plot;

import java.util.Arrays;

/**
 * How data values become colormap positions in [0, 1]: linear between the finite minimum and
 * maximum, logarithmic between the positive minimum and maximum, or linear between two
 * percentiles of the finite values (clipping hot pixels and outliers).
 *
 * @param kind           the mapping
 * @param lowPercentile  lower clip percentile in [0, 100] (0 for LINEAR and LOG)
 * @param highPercentile upper clip percentile in [0, 100], above {@code lowPercentile} (100 for LINEAR and LOG)
 */
public record Scaling(Kind kind, double lowPercentile, double highPercentile) {

    public enum Kind { LINEAR, LOG, PERCENTILE }

    public Scaling {
        if (kind == null) throw new IllegalArgumentException("scaling kind is missing");
        if (!(lowPercentile >= 0 && highPercentile <= 100 && lowPercentile < highPercentile))
            throw new IllegalArgumentException("scaling percentiles must satisfy 0 <= low < high <= 100, got "
                    + lowPercentile + " and " + highPercentile);
    }

    /** Minimum to maximum of the finite values. */
    public static Scaling linear() {
        return new Scaling(Kind.LINEAR, 0, 100);
    }

    /** Logarithmic between the smallest and largest positive values; values <= 0 take the lowest colour. */
    public static Scaling log() {
        return new Scaling(Kind.LOG, 0, 100);
    }

    /** Linear between the {@code low} and {@code high} percentiles (e.g. 1 and 99) of the finite values. */
    public static Scaling percentile(double low, double high) {
        return new Scaling(Kind.PERCENTILE, low, high);
    }

    /**
     * The data values mapped to 0 and 1, as {@code {low, high}} in data units. NaN and infinite values
     * are ignored, and LOG ignores values <= 0. With nothing left to measure the range is {0, 1}
     * (LOG: {1, 10}) so rendering never divides by zero; every pixel is then the bad or lowest colour.
     */
    public double[] range(double[] data) {
        double[] usable = Arrays.stream(data)
                .filter(v -> Double.isFinite(v) && (kind != Kind.LOG || v > 0))
                .toArray();
        if (usable.length == 0) return kind == Kind.LOG ? new double[] {1, 10} : new double[] {0, 1};
        if (kind != Kind.PERCENTILE) {
            double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
            for (double v : usable) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            return new double[] {low, high};
        }
        Arrays.sort(usable);
        return new double[] {percentileOfSorted(usable, lowPercentile), percentileOfSorted(usable, highPercentile)};
    }

    /**
     * Position of {@code v} in [0, 1] for a range from {@link #range}; values outside are clipped,
     * NaN stays NaN (drawn in the bad colour). A range of zero width maps everything to 0.5.
     */
    public double normalise(double v, double[] range) {
        if (Double.isNaN(v)) return Double.NaN;
        double low = range[0], high = range[1], t;
        if (kind == Kind.LOG) {
            if (v <= 0) return 0;
            low = Math.log(low);
            high = Math.log(high);
            v = Math.log(v);
        }
        if (!(high > low)) return 0.5;
        t = (v - low) / (high - low);
        return t <= 0 ? 0 : t >= 1 ? 1 : t;
    }

    /** Linear interpolation between closest ranks (numpy's default percentile). */
    private static double percentileOfSorted(double[] sorted, double percent) {
        double position = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
