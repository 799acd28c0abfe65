package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeworks.core.data.Spectrum;
import org.edgeworks.testsupport.Interpolate;
import org.junit.jupiter.api.Test;

/** Merging real repeated scans: for two scans the standard error is half their difference. */
class MergeRealDataTest {

    static Spectrum mu(String id) {
        double[][] em = PeerData.mu(PeerData.spec(id));
        return Spectrum.of(id, em[0], em[1]);
    }

    @Test
    void twoKmno4ScansStandardErrorIsHalfTheDifference() throws Exception {
        Spectrum a = mu("mn_KMnO4_102"), b = mu("mn_KMnO4_103");
        var m = new MergeProcessor().apply(new MergeProcessor.Input("KMnO4", List.of(a, b)), MergeProcessor.Params.defaults()).value();
        double[] bOnGrid = Interpolate.linear(b.energies(), b.signal(), m.energy());
        double[] ea = a.energies(), ya = a.signal();
        int j = 0;
        for (int i = 0; i < m.energy().length; i++) {
            while (ea[j] < m.energy()[i]) j++;
            assertEquals(ea[j], m.energy()[i], 0.0, "grid = first scan's points");
            assertEquals(0.5 * (ya[j] + bOnGrid[i]), m.mean()[i], 1e-12);
            assertEquals(0.5 * Math.abs(ya[j] - bOnGrid[i]), m.stderr()[i], 1e-12);
        }
    }

    @Test
    void threeBalderFeFoilScans() throws Exception {
        var m = new MergeProcessor().apply(new MergeProcessor.Input("Fe foil",
            List.of(mu("balder_Fe_foil_23147"), mu("balder_Fe_foil_23148"), mu("balder_Fe_foil_23149"))), MergeProcessor.Params.defaults()).value();
        assertEquals(3, m.count());
        double mean = 0;
        for (double s : m.stderr()) mean += s;
        mean /= m.stderr().length;
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double v : m.mean()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        // consecutive scans of one foil (aligned within 0.003 eV): the error is far below the edge jump
        assertTrue(mean > 0 && mean < 0.002 * (hi - lo), "typical standard error " + mean + " of a signal spanning " + (hi - lo));
    }
}
