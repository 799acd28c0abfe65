package org.edgeworks.rixs.image;

import java.util.Objects;

/**
 * One detector image held row-major: {@code pixels[row * columns + column]}. Rows run along the
 * non-dispersive axis, columns along the dispersive (energy) axis. The array is shared, not
 * copied: frame reduction works in place on a frame that nobody else holds.
 */
public record DetectorImage(int rows, int columns, double[] pixels) {
    public DetectorImage {
        Objects.requireNonNull(pixels, "pixels");
        if (rows <= 0 || columns <= 0 || (long) rows * columns != pixels.length)
            throw new IllegalArgumentException("image of " + rows + " x " + columns + " cannot hold " + pixels.length + " pixels");
    }

    public double get(int row, int column) { return pixels[row * columns + column]; }

    public DetectorImage copy() { return new DetectorImage(rows, columns, pixels.clone()); }
}
