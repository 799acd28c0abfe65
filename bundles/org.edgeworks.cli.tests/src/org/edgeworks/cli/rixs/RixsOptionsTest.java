package org.edgeworks.cli.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.rixs.QuantifyFeature;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * rixs quantify's generated options: --box is the box for box and the fit region for model2d (as
 * the hand-written command had it), --feature and --fit-window fill two components each.
 */
class RixsOptionsTest {

    static QuantifyFeature.Parameters parse(String... args) throws EdgeworksException {
        RixsQuantify q = new RixsQuantify();
        new CommandLine(q).parseArgs(args);
        return q.parameters();
    }

    @Test
    void boxIsTheFitRegionForModel2dAndTheBoxOtherwise() throws EdgeworksException {
        QuantifyFeature.Parameters d = QuantifyFeature.Parameters.defaults();
        QuantifyFeature.Parameters m = parse("m.nxs", "--out", "o", "--method", "model2d", "--box", "0.9,0.6");
        assertEquals(0.9, m.regionExcitation());
        assertEquals(0.6, m.regionEmission());
        assertEquals(d.halfExcitation(), m.halfExcitation());
        assertEquals(d.halfEmission(), m.halfEmission());
        QuantifyFeature.Parameters b = parse("m.nxs", "--out", "o", "--method", "box", "--box", "0.9,0.6");
        assertEquals(0.9, b.halfExcitation());
        assertEquals(0.6, b.halfEmission());
        assertEquals(d.regionExcitation(), b.regionExcitation());
    }

    @Test
    void featureAndFitWindowFillTwoComponents() throws EdgeworksException {
        QuantifyFeature.Parameters p = parse("m.nxs", "--out", "o", "--feature", "531.1,523.6", "--fit-window", "535:527", "--neighbour", "529.6",
            "--neighbour", "532.5");
        assertEquals(531.1, p.excitation());
        assertEquals(523.6, p.emission());
        assertEquals(527.0, p.fitFrom());
        assertEquals(535.0, p.fitTo());
        assertEquals(2, p.neighbourPeaks().length);
        assertEquals(532.5, p.neighbourPeaks()[1]);
    }
}
