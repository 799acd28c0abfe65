package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The box method checks its planar-background assumption (FeatureMethods.planarityTest): it
 * measures right on a planar background and warns in one line (terminal and JSON) where the background is curved
 * (new-user finding 4 of session 4: the bundled pristine sample gave -0.143 +- 0.034 for a true
 * +0.15, silently). Synthetic maps built here from their construction only (no production code).
 */
class BoxPlanarityTest {

    /** SYNTHETIC: the feature of SyntheticFeatureMaps (amplitude a) on 10 + 2u + 3v + c u^2 (u, v: eV from the feature), Poisson noise. */
    static RixsMap map(String name, double amplitude, double curvature, long seed) {
        double[] ex = SyntheticFeatureMaps.axis(527.0, 535.0, 0.1), em = SyntheticFeatureMaps.axis(516.0, 530.0, 0.05);
        double[] d = new double[ex.length * em.length], e = new double[d.length];
        Random rnd = new Random(seed);
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                double u = ex[i] - SyntheticFeatureMaps.FEATURE_EX, v = em[j] - SyntheticFeatureMaps.FEATURE_EM;
                double mean = (10 + 2 * u + 3 * v + curvature * u * u + SyntheticFeatureMaps.feature(amplitude, ex[i], em[j]))
                    * SyntheticFeatureMaps.EXPOSURE;
                double counts = SyntheticRixs.poisson(rnd, mean);
                d[i * em.length + j] = counts / SyntheticFeatureMaps.EXPOSURE;
                e[i * em.length + j] = Math.sqrt(Math.max(counts, 1)) / SyntheticFeatureMaps.EXPOSURE;
            }
        return RixsMap.of(name, ex, em, d, e);
    }

    /** The one planarity warning among the notes (fails when there is none). */
    static String warning(java.util.List<String> notes) {
        String w = notes.stream().filter(n -> n.contains("box background is not planar")).findFirst().orElse("(no planarity warning) " + notes);
        System.out.println(w);
        return w;
    }

    static final QuantifyFeature.Parameters BOX = QuantifyFeature.Parameters.defaults().withMethod(QuantifyFeature.BOX);

    @Test
    void planarBackgroundIsAcceptedAndRight() throws EdgeworksException {
        double truthPerAmp = SyntheticFeatureMaps.boxIntegral(BOX.halfExcitation(), BOX.halfEmission());
        for (long seed = 1; seed <= 10; seed++)
            for (double a : new double[] {0, 0.15, 1}) {
                var r = new QuantifyFeature().apply(map("planar", a, 0, seed), BOX);
                var q = r.value();
                assertTrue(r.provenance().notes().stream().noneMatch(n -> n.startsWith("warning:")), r.provenance().notes().toString());
                System.out.printf(Locale.ROOT, "planar seed %d amplitude %.2f: %.5f +- %.5f (truth %.5f)%n", seed, a, q.featureIntensity(),
                    q.uncertainty(), a * truthPerAmp);
                assertEquals(a * truthPerAmp, q.featureIntensity(), 4 * q.uncertainty(), "planar, amplitude " + a + ", seed " + seed);
            }
    }

    @Test
    void curvedBackgroundIsWarnedInOneLine() throws EdgeworksException {
        // curvature 4 per eV^2 in excitation: over the box (+- 0.75 eV) the plane misses about 4 x 0.75^2 / 3 = 0.75 per cell on average
        String w = warning(new QuantifyFeature().apply(map("curved", 0.15, 4, 3), BOX).provenance().notes());
        assertTrue(w.startsWith("warning: curved: box background is not planar") && w.contains("--method spfy or model2d")
            && !w.contains("\n"), w);
    }

    /** The case of the new user (it gave -0.143 +- 0.034 where the truth is positive; now it warns): the bundled pristine sample, mapped with the defaults, quantified with --method box. */
    @Test
    void bundledPristineSampleIsWarned() throws Exception {
        Path file = SharedData.samples().resolve("rixs").resolve("synthetic_OK_pristine.nxs");
        RixsMap m;
        try (NexusFile nx = NexusFile.open(file)) {
            RawStack raw = new RawStack("synthetic_OK_pristine.nxs", nx.lazyDataset("/entry/instrument/detector/data"),
                nx.readDoubles("/entry/instrument/monochromator/energy"), nx.readDoubles("/entry/monitor/data"),
                nx.readDoubles("/entry/instrument/detector/count_time"), nx.lazyDataset("/entry/instrument/detector/dark"));
            m = new BuildMap().apply(raw, BuildMap.Parameters.defaults()).value().map();
        }
        RixsMap map = m;
        String w = warning(new QuantifyFeature().apply(map, BOX).provenance().notes());
        assertTrue(w.startsWith("warning: synthetic_OK_pristine.nxs: box background is not planar") && w.contains("--method spfy or model2d"), w);
        // the default method on the same map is not refused
        var q = new QuantifyFeature().apply(map, QuantifyFeature.Parameters.defaults()).value();
        assertTrue(q.featureIntensity() > 0, "spfy " + q.featureIntensity());
    }
}
