package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.junit.jupiter.api.Test;

/** Map building on SYNTHETIC raw stacks with known curvature, calibration and features. */
class BuildMapTest {

    static BuildMap.MapBuild build(SyntheticRixs.Spec s) throws EdgeworksException {
        return new BuildMap().apply(SyntheticRixs.rawStack(s, null), BuildMap.Parameters.defaults().withDarkLevel(s.dark())).value();
    }

    @Test
    void recoversCurvatureAndCalibration() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 1);
        Result<BuildMap.MapBuild> r = new BuildMap().apply(SyntheticRixs.rawStack(s, null),
            BuildMap.Parameters.defaults().withDarkLevel(s.dark()));
        BuildMap.MapBuild b = r.value();
        double[] c = b.curvature().coefficients();
        System.out.printf("curvature: a1 %.5f (true %.5f), a2 %.6f (true %.6f), rms %.3f px%n", c[1], s.a1(), c[2], s.a2(),
            b.curvature().rmsResidual());
        double[] k = b.calibration().coefficients();
        System.out.printf("calibration: dispersion %.6f eV/px (true %.6f), offset %.4f, rms residual %.4f eV%n", k[1],
            s.dispersion(), k[0], b.calibration().rmsResidual());
        System.out.println(r.provenance().notes());
        assertEquals(s.a1(), c[1], 0.003, "slope of the iso-energy line (px/row)");
        assertEquals(s.a2(), c[2], 0.0002, "curvature of the iso-energy line (px/row^2)");
        assertEquals(s.dispersion(), k[1], 0.0005, "dispersion eV/pixel");
        // straightened pixel p shows true pixel p + shift0 (the constant term of the fitted curvature)
        assertEquals(s.e0() + s.dispersion() * c[0], k[0], 0.03, "calibration offset eV");
        assertTrue(b.calibration().rmsResidual() < 0.02, "elastic residuals rms " + b.calibration().rmsResidual());
        assertTrue(b.stats().spikePixels() >= s.points() * s.cosmicsPerFrame() / 2, "cosmic pixels removed: " + b.stats().spikePixels());
    }

    @Test
    void mapMatchesTheSyntheticTruth() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 2).noiseless();
        RixsMap m = build(s).map();
        double[] ex = m.excitation().values(), em = m.emission().values();
        // away from the elastic line (whose 1.5-pixel width linear interpolation broadens a little)
        double worst = 0, peak = 0, worstElastic = 0, peakElastic = 0;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                if (em[j] < 517 || em[j] > 534) continue;
                double t = SyntheticRixs.truthMap(s, ex[i], em[j]);
                double d = Math.abs(m.get(i, j) - t);
                if (Math.abs(em[j] - ex[i]) < 0.6) {
                    peakElastic = Math.max(peakElastic, t);
                    worstElastic = Math.max(worstElastic, d);
                } else {
                    peak = Math.max(peak, t);
                    worst = Math.max(worst, d);
                }
            }
        System.out.printf("noiseless map vs truth: inelastic max |diff| %.4f of peak %.4f; elastic %.4f of %.4f%n", worst, peak,
            worstElastic, peakElastic);
        assertTrue(worst < 0.01 * peak, "inelastic max deviation " + worst + " of peak " + peak);
        assertTrue(worstElastic < 0.06 * peakElastic, "elastic max deviation " + worstElastic + " of peak " + peakElastic);
    }
}
