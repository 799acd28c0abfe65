package org.edgeworks.rixs.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.rixs.LineWidth;
import org.junit.jupiter.api.Test;

/** The map build's diagnostics: calibration coefficient errors and the summed line width, against hand calculation. */
class BuildDiagnosticsTest {

    /**
     * A straight line through 5 points with residuals +0.1, -0.2, 0, +0.2, -0.1 (chosen to sum to zero and be
     * orthogonal to p, so the least-squares line is the constructed one): s^2 = 0.1 / 3; slope error
     * s / sqrt(Sxx), intercept error s sqrt(1/n + mean^2 / Sxx) (the textbook formulas). A point left out does
     * not count.
     */
    @Test
    void calibrationErrorsAreTheTextbookLineFitErrors() {
        double[] px = {100, 110, 120, 130, 140, 500};
        double[] res = {0.1, -0.2, 0, 0.2, -0.1, 7};
        boolean[] used = {true, true, true, true, true, false};
        double[] e = new double[6];
        for (int i = 0; i < 6; i++) e[i] = 500 + 0.05 * px[i] + res[i];
        PixelCalibration c = new PixelCalibration(1, new double[] {500, 0.05}, px, e, res, used, 0);
        double s = Math.sqrt((0.01 + 0.04 + 0 + 0.04 + 0.01) / 3), sxx = 1000, mean = 120;
        double[] err = c.coefficientErrors();
        assertEquals(s * Math.sqrt(1.0 / 5 + mean * mean / sxx), err[0], 1e-9);
        assertEquals(s / Math.sqrt(sxx), err[1], 1e-12);
        assertArrayEquals(new double[] {0, 0}, PixelCalibration.given(new double[] {1, 2}).coefficientErrors());
        PixelCalibration twoPoints = new PixelCalibration(1, new double[] {0, 1}, new double[] {1, 2}, new double[] {1, 2},
            new double[] {0, 0}, new boolean[] {true, true}, 0);
        assertTrue(Double.isNaN(twoPoints.coefficientErrors()[1]), "two points: no scatter to estimate a line's error from");
    }

    /** A triangle 10 high, falling 1 per pixel: half maximum 5 is crossed at pixels 5 and 15 (10 px); 0.2 eV/px. */
    @Test
    void lineWidthIsTheFullWidthAtHalfMaximum() {
        double[] s = new double[30];
        for (int i = 0; i < 30; i++) s[i] = Math.max(0, 10 - Math.abs(i - 10));
        LineWidth w = LineWidth.of(s, PixelCalibration.given(new double[] {500, -0.2}));
        assertEquals(10, w.peakPixel());
        assertEquals(10, w.fwhmPixels(), 1e-12);
        assertEquals(2, w.fwhmEv(), 1e-12);
        // asymmetric: 8 at the peak, 3 at the left neighbour, 6 then 2 on the right: half 4 crossed at 1 + 1/5 and 3 + 2/4
        double[] t = {0, 3, 8, 6, 2, 0};
        assertEquals((3 + 0.5) - (1 + 0.2), LineWidth.of(t, PixelCalibration.given(new double[] {0, 1})).fwhmPixels(), 1e-12);
        assertTrue(Double.isNaN(LineWidth.of(new double[] {5, 4, 3}, PixelCalibration.given(new double[] {0, 1})).fwhmPixels()),
            "a line cut by the detector edge has no width");
        assertArrayEquals(new double[] {4, 6}, LineWidth.summed(new double[][] {{1, 2}, {3, 4}}));
    }
}
