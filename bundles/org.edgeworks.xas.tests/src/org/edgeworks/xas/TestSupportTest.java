package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.testsupport.DatasetAsserts;
import org.edgeworks.testsupport.Interpolate;
import org.edgeworks.testsupport.XanesEdges;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The test-support bundle checked by hand calculation: its peaks have the stated area and FWHM, its
 * asserts fail (with index, expected, actual and tolerance) where they should, and the production
 * pre-edge peak shape equals the independent formula.
 */
class TestSupportTest {

    /** Trapezoid integral of the peak over [c - half, c + half] on a 0.001 eV grid. */
    static double integral(XanesEdges.Peak p, double half) {
        int n = (int) Math.round(2 * half / 0.001);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double e = p.centre() - half + 0.001 * i, y = XanesEdges.pseudoVoigt(e, p);
            sum += (i == 0 || i == n) ? 0.5 * y : y;
        }
        return sum * 0.001;
    }

    @Test
    void peaksHaveTheirAreaAndWidth() {
        // Gaussian: all of the area within +-20 FWHM
        assertEquals(0.7, integral(new XanesEdges.Peak(6540, 0.7, 1.6, 0), 32), 1e-9, "Gaussian area");
        // Lorentzian: the area within +-L is (2/pi) atan(L/gamma), gamma = FWHM/2
        double l = 40, gamma = 0.8;
        assertEquals(0.7 * 2 / Math.PI * Math.atan(l / gamma), integral(new XanesEdges.Peak(6540, 0.7, 1.6, 1), l), 1e-7, "Lorentzian area");
        for (double eta : new double[] {0, 0.3, 1}) {
            XanesEdges.Peak p = new XanesEdges.Peak(100, 2, 3, eta);
            double max = XanesEdges.pseudoVoigt(100, p);
            assertEquals(0.5 * max, XanesEdges.pseudoVoigt(101.5, p), 1e-12 * max, "half maximum at +FWHM/2, eta " + eta);
            assertEquals(0.5 * max, XanesEdges.pseudoVoigt(98.5, p), 1e-12 * max, "half maximum at -FWHM/2, eta " + eta);
        }
        assertEquals(0.5, XanesEdges.arctanStep(7112, 7112, 2), 0);
        assertEquals(0.75, XanesEdges.arctanStep(7114, 7112, 2), 1e-15, "atan(1)/pi = 1/4");
    }

    @Test
    void productionPeakShapeEqualsTheIndependentFormula() {
        for (double eta : new double[] {0, 0.5, 1})
            for (double e = 6530; e <= 6550; e += 0.37) {
                XanesEdges.Peak p = new XanesEdges.Peak(6541.2, 0.12, 1.7, eta);
                double truth = XanesEdges.pseudoVoigt(e, p);
                assertEquals(truth, PreEdgeProcessor.pseudoVoigt(e, p.area(), p.centre(), p.fwhm(), p.eta()), 1e-13 + 1e-12 * truth);
            }
    }

    @Test
    void assertsFailWithIndexExpectedActualAndTolerance() {
        double[] expected = {1, 2, 3, Double.NaN}, ok = {1.0001, 2.0001, 2.9999, Double.NaN};
        DatasetAsserts.assertClose(expected, ok, 1e-4, 1e-4, "within");
        AssertionFailedError x = assertThrows(AssertionFailedError.class,
            () -> DatasetAsserts.assertClose(expected, new double[] {1, 2.01, 3, Double.NaN}, 1e-4, 1e-6, "mu"));
        String m = x.getMessage();
        assertTrue(m.startsWith("mu: 1 of 4 points outside tolerance; worst at index 1: expected 2.0, actual 2.01"), m);
        assertTrue(m.contains("tolerance 2.000e-04 (rel 1.0e-04, abs 1.0e-06)"), m);
        assertThrows(AssertionFailedError.class, () -> DatasetAsserts.assertClose(expected, new double[] {1, 2, 3, 4}, 0, 1, "NaN stays NaN"));
        assertThrows(AssertionFailedError.class, () -> DatasetAsserts.assertClose(expected, new double[] {1, 2, 3}, 0, 1, "length"));
        // relative to the scale: 1e-3 of max |expected| = 0.003 everywhere, also where expected crosses 0
        DatasetAsserts.assertCloseToScale(new double[] {-3, 0, 1}, new double[] {-3.002, 0.002, 1.002}, 1e-3, "scale");
        assertThrows(AssertionFailedError.class,
            () -> DatasetAsserts.assertCloseToScale(new double[] {-3, 0, 1}, new double[] {-3, 0.004, 1}, 1e-3, "scale"));
        assertEquals(0.5, DatasetAsserts.maxAbsDiff(new double[] {1, 2}, new double[] {1.5, 2}), 0);
    }

    @Test
    void linearInterpolationIsExactOnALine() {
        double[] x = {0, 1, 2.5, 4}, y = new double[4];
        for (int i = 0; i < 4; i++) y[i] = 3 - 2 * x[i];
        double[] at = {0, 0.5, 2.5, 3.9, 4};
        double[] got = Interpolate.linear(x, y, at);
        for (int i = 0; i < at.length; i++) assertEquals(3 - 2 * at[i], got[i], 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Interpolate.linear(x, y, new double[] {4.1}));
    }
}
