package org.edgeworks.rixs;

import org.edgeworks.rixs.image.PixelCalibration;

/**
 * Width of the strongest line of a straightened, summed spectrum (pixels along the dispersive axis): the full
 * width at half maximum, the half-maximum crossings found by linear interpolation between the pixels on either
 * side of each crossing (the usual FWHM read-out of a sampled peak), and its width in eV through the
 * pixel-to-eV law's dispersion at the peak. A diagnostic of the straightening: a tilt or curvature left in the
 * image broadens the summed line. Written by hand: a half-maximum crossing is a few lines no library offers.
 *
 * @param peakPixel  pixel of the maximum
 * @param fwhmPixels full width at half maximum, pixels (NaN when the line reaches an end of the spectrum
 *                   before falling to half)
 * @param fwhmEv     the same in eV (|dE/dpixel| at the peak times fwhmPixels)
 */
public record LineWidth(int peakPixel, double fwhmPixels, double fwhmEv) {

    /** The width of the highest peak of {@code spectrum} (length = detector columns). */
    public static LineWidth of(double[] spectrum, PixelCalibration calibration) {
        int m = 0;
        for (int i = 1; i < spectrum.length; i++) if (spectrum[i] > spectrum[m]) m = i;
        double half = spectrum[m] / 2;
        int a = m, b = m;
        while (a > 0 && spectrum[a] > half) a--;
        while (b < spectrum.length - 1 && spectrum[b] > half) b++;
        double fwhm = Double.NaN;
        if (spectrum[a] <= half && spectrum[b] <= half && a < m && b > m) {
            double left = a + (half - spectrum[a]) / (spectrum[a + 1] - spectrum[a]);
            double right = b - 1 + (spectrum[b - 1] - half) / (spectrum[b - 1] - spectrum[b]);
            fwhm = right - left;
        }
        return new LineWidth(m, fwhm, fwhm * Math.abs(calibration.dispersion(m)));
    }

    /** The sum over excitation points of the straightened spectra (points x columns). */
    public static double[] summed(double[][] spectra) {
        double[] s = new double[spectra.length == 0 ? 0 : spectra[0].length];
        for (double[] row : spectra) for (int c = 0; c < s.length; c++) s[c] += row[c];
        return s;
    }
}
