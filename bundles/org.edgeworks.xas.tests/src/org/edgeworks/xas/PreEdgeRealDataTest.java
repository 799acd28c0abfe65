package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The strong pre-edge peak of KMnO4 (tetrahedral Mn7+, ~6543 eV): the two consecutive scans 102
 * and 103 give the same centre and area, and the area is many standard errors above zero.
 */
class PreEdgeRealDataTest {

    static PreEdgeProcessor.PreEdge fit(String id) throws Exception {
        double[][] em = PeerData.mu(PeerData.spec(id));
        var norm = new NormalizeProcessor().apply(Spectrum.of(id, em[0], em[1]), NormalizeProcessor.Params.defaults()).value();
        // Larch's E0 for KMnO4 is the pre-edge peak itself; the main edge is near 6558 eV
        var p = PreEdgeProcessor.Params.defaults().with(6558.0, -30, -8, -20, -11, PreEdgeProcessor.Baseline.LINE_ARCTAN, 1, null);
        return new PreEdgeProcessor().apply(norm.normSpectrum(), p).value();
    }

    @Test
    void kmno4RepeatedScansAgree() throws Exception {
        var a = fit("mn_KMnO4_102");
        var b = fit("mn_KMnO4_103");
        for (var r : new PreEdgeProcessor.PreEdge[] {a, b}) {
            assertEquals(6543.0, r.centroid(), 1.5, r.name() + " pre-edge centroid");
            assertTrue(r.totalArea() > 10 * r.totalAreaStderr(), r.name() + " area " + r.totalArea() + " +- " + r.totalAreaStderr());
        }
        assertEquals(a.centroid(), b.centroid(), 0.1, "centroid of scans 102 and 103");
        assertEquals(a.totalArea(), b.totalArea(), 0.05 * a.totalArea(), "area of scans 102 and 103");
    }
}
