package org.edgeworks.plot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The one pixel core for heat maps, shared by the SWT map viewer and the headless PNG writer so
 * both show the same picture.
 * <p>
 * Orientation: {@link #render} returns one ARGB value per data value in the data's own order, so
 * row 0 of the result is row 0 of the data (the first excitation energy). Screens draw row 0 at
 * the top, so a caller that paints the cells directly must flip rows for excitation to increase
 * upward; {@link #resample} does that flip (and the axis scaling) for a plot area.
 */
public final class MapRaster {
    private MapRaster() {}

    /** ARGB of each value, scaled by {@code scaling} over the range of this data. */
    public static int[] render(double[] rowMajor, int rows, int cols, Colormap colormap, Scaling scaling) {
        checkShape(rowMajor, rows, cols);
        return render(rowMajor, rows, cols, colormap, scaling, scaling.range(rowMajor));
    }

    /**
     * ARGB of each value for a given range from {@link Scaling#range}: several maps drawn with one
     * range share one colour scale (compare states).
     */
    public static int[] render(double[] rowMajor, int rows, int cols, Colormap colormap, Scaling scaling, double[] range) {
        checkShape(rowMajor, rows, cols);
        int[] argb = new int[rowMajor.length];
        for (int i = 0; i < argb.length; i++)
            argb[i] = colormap.argb(scaling.normalise(rowMajor[i], range));
        return argb;
    }

    /**
     * Pixels of a plot area (width x height, top image row first) showing the cells from
     * {@link #render}: each pixel takes the cell whose axis value is nearest to the pixel centre, so
     * uneven or descending axes land where they belong and y grows upward.
     *
     * @param cells ARGB per cell, [y index][x index]
     * @param x     axis value of each column (length cols)
     * @param y     axis value of each row (length rows)
     */
    public static int[] resample(int[] cells, int rows, int cols, double[] x, double[] y, PixelMapping area) {
        if (cells.length != (long) rows * cols || x.length != cols || y.length != rows)
            throw new IllegalArgumentException("map of " + rows + " x " + cols + " cells has " + cells.length
                    + " values, " + x.length + " x values and " + y.length + " y values");
        int[] columnCell = new int[area.width()];
        NearestIndex nearestX = new NearestIndex(x);
        for (int c = 0; c < columnCell.length; c++) columnCell[c] = nearestX.of(area.dataX(area.left() + c));
        NearestIndex nearestY = new NearestIndex(y);
        int[] pixels = new int[area.width() * area.height()];
        for (int r = 0; r < area.height(); r++) {
            int rowStart = nearestY.of(area.dataY(area.top() + r)) * cols;
            for (int c = 0; c < columnCell.length; c++) pixels[r * columnCell.length + c] = cells[rowStart + columnCell[c]];
        }
        return pixels;
    }

    /** Colour bar pixels, one ARGB per pixel row, top row (colormap position 1) first. */
    public static int[] colourBar(Colormap colormap, int height) {
        int[] rows = new int[height];
        for (int r = 0; r < height; r++) rows[r] = colormap.argb(1 - (r + 0.5) / height);
        return rows;
    }

    /** Data extent of an axis, half a step beyond the outer values so every cell gets its full width. */
    public static double[] extent(double[] axis) {
        double[] sorted = axis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double firstHalfStep = n > 1 ? (sorted[1] - sorted[0]) / 2 : 0.5;
        double lastHalfStep = n > 1 ? (sorted[n - 1] - sorted[n - 2]) / 2 : 0.5;
        if (!(firstHalfStep > 0)) firstHalfStep = 0.5;
        if (!(lastHalfStep > 0)) lastHalfStep = 0.5;
        return new double[] {sorted[0] - firstHalfStep, sorted[n - 1] + lastHalfStep};
    }

    private static void checkShape(double[] rowMajor, int rows, int cols) {
        if (rows <= 0 || cols <= 0 || rowMajor.length != (long) rows * cols)
            throw new IllegalArgumentException("map of " + rows + " x " + cols + " cells has " + rowMajor.length + " values");
    }

    /** Index of the axis value nearest to a query, by binary search over the sorted values. */
    private static final class NearestIndex {
        private final double[] sortedValues;
        private final int[] originalIndex;

        NearestIndex(double[] axis) {
            originalIndex = IntStream.range(0, axis.length).boxed()
                    .sorted(Comparator.comparingDouble(i -> axis[i])).mapToInt(Integer::intValue).toArray();
            sortedValues = Arrays.stream(originalIndex).mapToDouble(i -> axis[i]).toArray();
        }

        int of(double value) {
            int found = Arrays.binarySearch(sortedValues, value);
            if (found >= 0) return originalIndex[found];
            int above = -found - 1;
            if (above == 0) return originalIndex[0];
            if (above == sortedValues.length) return originalIndex[sortedValues.length - 1];
            boolean lowerIsNearer = value - sortedValues[above - 1] <= sortedValues[above] - value;
            return originalIndex[lowerIsNearer ? above - 1 : above];
        }
    }
}
