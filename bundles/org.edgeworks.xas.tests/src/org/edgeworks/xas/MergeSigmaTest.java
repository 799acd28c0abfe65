package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

/** Merging scans that carry sigma: inverse-variance weighted mean, its standard error (hand calculation). */
class MergeSigmaTest {

    static Spectrum constant(String name, double value, double sigma) {
        double[] e = new double[11], y = new double[11], s = new double[11];
        for (int i = 0; i < e.length; i++) { e[i] = 6530 + i; y[i] = value; s[i] = sigma; }
        return new Spectrum(name, Axis.energy(e), y, s, "mu");
    }

    @Test
    void scansWithSigmaAreWeightedByIt() throws Exception {
        // y1 = 0 +- 1, y2 = 1 +- 2: weights 1 and 1/4; mean = 0.25 / 1.25 = 0.2; sigma = 1/sqrt(1.25);
        // chi2 = 0.2^2 / 1 + 0.8^2 / 4 = 0.2 < 1 (one degree of freedom): not scaled
        var m = new MergeProcessor().apply(new MergeProcessor.Input("m", List.of(constant("a", 0, 1), constant("b", 1, 2))),
            MergeProcessor.Params.defaults()).value();
        for (int i = 0; i < m.energy().length; i++) {
            assertEquals(0.2, m.mean()[i], 1e-12);
            assertEquals(1 / Math.sqrt(1.25), m.stderr()[i], 1e-12);
        }
        // scans that disagree beyond their sigma: y1 = 0 +- 1, y2 = 3 +- 1: mean 1.5, chi2 = 4.5, sigma = sqrt(4.5 / 2)
        var d = new MergeProcessor().apply(new MergeProcessor.Input("d", List.of(constant("a", 0, 1), constant("b", 3, 1))),
            MergeProcessor.Params.defaults()).value();
        assertEquals(1.5, d.mean()[3], 1e-12);
        assertEquals(Math.sqrt(4.5 / 2), d.stderr()[3], 1e-12);
        // without sigma: the sample standard error as before (0 and 1: sd 0.7071, / sqrt 2 = 0.5)
        var u = new MergeProcessor().apply(new MergeProcessor.Input("u", List.of(Spectrum.of("a", constant("a", 0, 1).energies(),
            new double[11]), Spectrum.of("b", constant("b", 1, 1).energies(), filled(11, 1)))), MergeProcessor.Params.defaults()).value();
        assertEquals(0.5, u.stderr()[0], 1e-12);
        assertTrue(u.spectrum().hasUncertainty());
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void aZeroSpreadIsRefusedNeverASigmaZero() {
        double[] e = {6530, 6531, 6532, 6533}, y = {0.1, 0.2, 0.9, 1.0}, y2 = {0.1, 0.25, 0.95, 1.05};
        var dup = org.junit.jupiter.api.Assertions.assertThrows(org.edgeworks.core.EdgeworksException.class, () -> new MergeProcessor()
            .apply(new MergeProcessor.Input("m", List.of(Spectrum.of("a", e, y), Spectrum.of("b", e, y.clone()))), MergeProcessor.Params.defaults()));
        assertTrue(dup.getMessage().contains("identical"), dup.getMessage());
        // equal at 6530 eV only: the spread there is zero, no sigma
        var zero = org.junit.jupiter.api.Assertions.assertThrows(org.edgeworks.core.EdgeworksException.class, () -> new MergeProcessor()
            .apply(new MergeProcessor.Input("m", List.of(Spectrum.of("a", e, y), Spectrum.of("b", e, y2))), MergeProcessor.Params.defaults()));
        assertTrue(zero.getMessage().contains("6530"), zero.getMessage());
    }
}
