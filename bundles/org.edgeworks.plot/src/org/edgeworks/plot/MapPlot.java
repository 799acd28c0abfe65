package org.edgeworks.plot;

/**
 * A heat map: {@code rowMajor[iy * x.length + ix]} is the value at ({@code x[ix]}, {@code y[iy]}),
 * e.g. x = emission energy, y = excitation energy in eV. y grows upward in the picture.
 */
public record MapPlot(String title, String xLabel, String yLabel, double[] x, double[] y, double[] rowMajor,
        Colormap colormap, Scaling scaling) {
}
