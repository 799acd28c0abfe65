package org.edgeworks.plot;

/**
 * The data-to-pixel transform of one plot area in an image (PNG or SWT screenshot): the area's
 * rectangle in image pixels and the data ranges at its edges. x grows to the right and y upward;
 * pixel (column, row) covers [column, column + 1) x [row, row + 1) in image coordinates, so screenshot
 * tests can ask which pixel a data point falls on and compare its colour.
 *
 * @param left   image column of the area's left edge
 * @param top    image row of the area's top edge
 * @param width  area width in pixels
 * @param height area height in pixels
 * @param xMin   data x at the left edge
 * @param xMax   data x at the right edge
 * @param yMin   data y at the bottom edge
 * @param yMax   data y at the top edge
 */
public record PixelMapping(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {

    public PixelMapping {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("plot area must have a positive size");
        if (!(xMax != xMin && yMax != yMin && Double.isFinite(xMax - xMin) && Double.isFinite(yMax - yMin)))
            throw new IllegalArgumentException("plot ranges must be finite and non-empty");
    }

    /** Image x coordinate (continuous) of data x. */
    public double pixelX(double x) {
        return left + (x - xMin) / (xMax - xMin) * width;
    }

    /** Image y coordinate (continuous) of data y; larger y is higher in the image. */
    public double pixelY(double y) {
        return top + (yMax - y) / (yMax - yMin) * height;
    }

    /** Image column holding data x, clamped to the area. */
    public int column(double x) {
        return clamp((int) Math.floor(pixelX(x)), left, left + width - 1);
    }

    /** Image row holding data y, clamped to the area. */
    public int row(double y) {
        return clamp((int) Math.floor(pixelY(y)), top, top + height - 1);
    }

    /** Data x at the centre of image column {@code column}. */
    public double dataX(int column) {
        return xMin + (column + 0.5 - left) / width * (xMax - xMin);
    }

    /** Data y at the centre of image row {@code row}. */
    public double dataY(int row) {
        return yMax - (row + 0.5 - top) / height * (yMax - yMin);
    }

    public boolean contains(int column, int row) {
        return column >= left && column < left + width && row >= top && row < top + height;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
