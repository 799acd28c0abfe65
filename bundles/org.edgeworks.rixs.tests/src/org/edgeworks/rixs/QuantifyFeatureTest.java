package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.junit.jupiter.api.Test;

/** The 531.0 / 523.7 eV feature recovered from SYNTHETIC pristine / charged / discharged raw stacks. */
class QuantifyFeatureTest {

    /** The analytic truth sampled on the built map's own axes. */
    static RixsMap truthOn(RixsMap m, SyntheticRixs.Spec s) {
        double[] ex = m.excitation().values(), em = m.emission().values(), d = new double[ex.length * em.length];
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) d[i * em.length + j] = SyntheticRixs.truthMap(s, ex[i], em[j]);
        return RixsMap.of("truth " + s.state(), ex, em, d);
    }

    @Test
    void featureIntensityPerStateWithinNoise() throws EdgeworksException {
        List<RixsMap> maps = new ArrayList<>();
        List<SyntheticRixs.Spec> specs = new ArrayList<>();
        List<Double> truths = new ArrayList<>();
        for (String state : List.of("pristine", "charged", "discharged")) {
            SyntheticRixs.Spec s = SyntheticRixs.Spec.of(state, 10 + state.length());
            specs.add(s);
            maps.add(BuildMapTest.build(s).map().withName(state));
        }
        QuantifyFeature.Parameters p = QuantifyFeature.Parameters.defaults();
        QuantifySeries.Table table = new QuantifySeries().apply(new QuantifySeries.MapSeries(maps), p).value();
        System.out.println("state       recovered   +-sigma    truth(box-plane)  truth(whole feature)");
        for (int k = 0; k < maps.size(); k++) {
            QuantifyFeature.Quantification q = table.rows().get(k);
            SyntheticRixs.Spec s = specs.get(k);
            QuantifyFeature.Quantification truth = new QuantifyFeature().apply(truthOn(maps.get(k), s), p).value();
            System.out.printf("%-11s %.5f  %.5f  %.5f  %.5f%n", s.state(), q.featureIntensity(), q.uncertainty(),
                truth.featureIntensity(), SyntheticRixs.trueFeatureIntegral(s));
            truths.add(truth.featureIntensity());
            assertEquals(truth.featureIntensity(), q.featureIntensity(), 3 * q.uncertainty() + 0.002,
                s.state() + ": feature intensity within 3 sigma of the noise-free value");
        }
        double charged = table.rows().get(1).normalisedIntensity(), discharged = table.rows().get(2).normalisedIntensity();
        double pristine = table.rows().get(0).normalisedIntensity();
        assertTrue(charged > 2 * discharged && charged > 2 * pristine, "charged stands out: " + charged + " vs " + discharged);
        // the box-minus-frame metric is not proportional to the amplitude (the frame sees the
        // feature's tails and the curved emission band), so compare with the same metric on the truth
        var qc = table.rows().get(1);
        var qd = table.rows().get(2);
        double trueRatio = truths.get(2) / truths.get(1);
        double ratio = qd.featureIntensity() / qc.featureIntensity();
        double sigma = ratio * Math.hypot(qd.uncertainty() / qd.featureIntensity(), qc.uncertainty() / qc.featureIntensity());
        System.out.printf("discharged/charged feature ratio %.3f +- %.3f (noise-free %.3f; amplitude ratio %.3f)%n", ratio, sigma,
            trueRatio, SyntheticRixs.amplitude("discharged") / SyntheticRixs.amplitude("charged"));
        assertEquals(trueRatio, ratio, 3 * sigma);
    }

    @Test
    void referenceRegionAndErrors() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 3).noiseless();
        RixsMap m = truthOn(BuildMapTest.build(s).map(), s);
        var withRef = new QuantifyFeature().apply(m, new QuantifyFeature.Parameters(531.0, 523.7, 0.3, 0.5, 0.3, 0.5,
            "529.0:530.2,524.0:526.0")).value();
        double ref = MapMath.integrate("t", m, 529.0, 530.2, 524.0, 526.0);
        assertEquals(withRef.featureIntensity() / ref, withRef.normalisedIntensity(), 1e-12);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new QuantifyFeature().apply(m,
            new QuantifyFeature.Parameters(560, 523.7, 0.3, 0.5, 0.3, 0.5, "total")));
        assertTrue(e.getMessage().contains("feature box excitation window"), e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> new QuantifyFeature().apply(m,
            new QuantifyFeature.Parameters(531, 523.7, 0.3, 0.5, 0.3, 0.5, "531:bad")));
        assertTrue(e.getMessage().contains("region"), e.getMessage());
    }
}
