package org.edgeworks.plot;

/** One curve of a line plot: x and y of equal length; NaN points are gaps. */
public record Series(String name, double[] x, double[] y, boolean dashed) {

    /** A solid curve. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y, false);
    }
}
