package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Shared case ../shared/cases/rixs-weak-elastic (README there): above the edge the 525 eV
 * emission line is ~7 times stronger than the elastic line. Right: E = 515.0 + 0.08 p (offset
 * +- 0.1 eV, slope +- 1 %); cuts at 527 and 535 eV excitation peak at 527.0 and 525.0 eV
 * (+- 0.2 eV); the emission line is never taken as the elastic line.
 */
class WeakElasticTest {

    static Path caseFile() {
        Path data = SharedData.dir();
        return data.getParent().resolve("cases/rixs-weak-elastic/mrixs_weak_elastic.nxs");
    }

    static RawStack open(NexusFile nx) throws EdgeworksException {
        return new RawStack("mrixs_weak_elastic.nxs", nx.lazyDataset("/entry/instrument/detector/data"),
            nx.readDoubles("/entry/instrument/monochromator/energy"), nx.readDoubles("/entry/monitor/data"),
            nx.readDoubles("/entry/instrument/detector/count_time"), nx.lazyDataset("/entry/instrument/detector/dark"));
    }

    static double peakOf(Spectrum s) {
        double[] e = s.energies(), v = s.signal();
        int m = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[m]) m = i;
        return e[m];
    }

    @Test
    void theElasticLineIsThePeakThatMovesWithTheExcitation() throws Exception {
        try (NexusFile nx = NexusFile.open(caseFile())) {
            var r = new BuildMap().apply(open(nx), BuildMap.Parameters.defaults());
            double[] k = r.value().calibration().coefficients();
            System.out.printf(java.util.Locale.ROOT, "weak elastic: E = %.4f %+.5f p; notes %s%n", k[0], k[1], r.provenance().notes());
            assertEquals(0.08, k[1], 0.0008, "dispersion eV/pixel");
            // straightened pixel p shows true pixel p + shift0 (the curvature's constant term)
            double shift0 = r.value().curvature().coefficients()[0];
            assertEquals(515.0 + 0.08 * shift0, k[0], 0.1, "offset eV");
            RixsMap m = r.value().map();
            for (double[] cut : new double[][] {{527, 527.0}, {535, 525.0}}) {
                Spectrum s = new CutAtExcitation().apply(m, new CutAtExcitation.Parameters(cut[0], 0.3)).value();
                double e = peakOf(s);
                System.out.printf(java.util.Locale.ROOT, "cut at %.0f eV peaks at %.3f eV (truth %.1f)%n", cut[0], e, cut[1]);
                assertEquals(cut[1], e, 0.2, "cut at " + cut[0] + " eV");
            }
        }
    }

    @Test
    void aCalibrationAgainstTheDeclaredDirectionIsRefused() throws Exception {
        try (NexusFile nx = NexusFile.open(caseFile())) {
            BuildMap.Parameters d = BuildMap.Parameters.defaults();
            BuildMap.Parameters reversed = new BuildMap.Parameters(d.darkLevel(), d.cosmicThreshold(), d.gain(), d.curvatureDegree(),
                d.curvatureRowBin(), d.curvatureFrames(), d.curvatureMaxShift(), null, 1, null, false, d.elasticThreshold(),
                d.elasticHalfWidth(), 0, 0, 0);
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> new BuildMap().apply(open(nx), reversed));
            System.out.println(e.getMessage());
            assertTrue(e.getMessage().startsWith("mrixs_weak_elastic.nxs: "), e.getMessage());
        }
    }
}
