package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The feature quantification is proportional to the feature: linearity over amplitudes 0, 0.1,
 * 0.25, 0.5, 1 on one fixed structured background (SYNTHETIC, {@link SyntheticFeatureMaps}),
 * for every method. Expected values come from the construction only.
 */
class QuantifyFeatureTest {

    static final double[] AMPLITUDES = {0, 0.1, 0.25, 0.5, 1};

    /** The truth per unit amplitude for each method, from the construction (see QuantifyFeature for what each integrates). */
    static double truthPerAmplitude(QuantifyFeature.Parameters p) {
        return switch (p.method()) {
            case QuantifyFeature.SPFY -> SyntheticFeatureMaps.windowIntegral(p.windowHalfWidth());
            case QuantifyFeature.BOX -> SyntheticFeatureMaps.boxIntegral(p.halfExcitation(), p.halfEmission());
            default -> SyntheticFeatureMaps.wholeIntegral();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"spfy", "model2d", "box"})
    void linearInTheFeatureAmplitude(String method) throws EdgeworksException {
        QuantifyFeature.Parameters p = QuantifyFeature.Parameters.defaults().withMethod(method);
        double truth = truthPerAmplitude(p);
        int n = AMPLITUDES.length;
        double[] y = new double[n], s = new double[n];
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "linearity %s (truth %.5f x amplitude)%n", method, truth));
        table.append("amplitude  intensity    sigma      truth\n");
        List<RixsMap> maps = new ArrayList<>();
        // box and model2d only where the background is a low-order polynomial over their region (docs/science.md#rixs-quantify):
        // without the pre-edge peak, which only spfy models (as a neighbouring peak)
        boolean preEdge = method.equals(QuantifyFeature.SPFY);
        for (int k = 0; k < n; k++) maps.add(SyntheticFeatureMaps.map("amp " + AMPLITUDES[k], AMPLITUDES[k], 1000 + k, preEdge));
        QuantifySeries.Table series = new QuantifySeries().apply(new QuantifySeries.MapSeries(maps), p).value();
        for (int k = 0; k < n; k++) {
            QuantifyFeature.Quantification q = series.rows().get(k);
            y[k] = q.featureIntensity();
            s[k] = q.uncertainty();
            assertTrue(s[k] > 0 && Double.isFinite(s[k]), method + ": sigma " + s[k]);
            table.append(String.format(Locale.ROOT, "%-9.2f  %-11.5f  %-9.5f  %.5f%n", AMPLITUDES[k], y[k], s[k], truth * AMPLITUDES[k]));
        }
        // weighted straight line y = a + b x
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < n; k++) {
            double w = 1 / (s[k] * s[k]), x = AMPLITUDES[k];
            sw += w; sx += w * x; sy += w * y[k]; sxx += w * x * x; sxy += w * x * y[k];
        }
        double det = sw * sxx - sx * sx;
        double b = (sw * sxy - sx * sy) / det, a = (sxx * sy - sx * sxy) / det;
        double sa = Math.sqrt(sxx / det), sb = Math.sqrt(sw / det);
        table.append(String.format(Locale.ROOT, "intercept %.5f +- %.5f, slope %.5f +- %.5f (truth %.5f, %+.2f %%)%n", a, sa, b, sb, truth,
            100 * (b / truth - 1)));
        double ratio = y[4] / y[2], ratioSigma = ratio * Math.hypot(s[4] / y[4], s[2] / y[2]);
        table.append(String.format(Locale.ROOT, "I(1)/I(0.25) = %.3f +- %.3f (truth 4.000)%n", ratio, ratioSigma));
        System.out.print(table);
        assertTrue(Math.abs(a) <= 2 * sa, method + ": intercept " + a + " not within 2 sigma (" + sa + ") of 0\n" + table);
        assertEquals(truth, b, 0.03 * truth, method + ": slope\n" + table);
        assertEquals(4.0, ratio, 0.05 * 4.0, method + ": ratio charged/discharged\n" + table);
        for (int k = 2; k < n; k++)
            assertEquals(AMPLITUDES[k], y[k] / y[n - 1], 0.05 * AMPLITUDES[k], method + ": ratio to amplitude 1 at " + AMPLITUDES[k] + "\n" + table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spfy", "model2d", "box"})
    void reversibilityAndRetentionOverTwoCycles(String method) throws EdgeworksException {
        // pristine 0.1, charged 1.0, discharged 0.25, charged 0.8, discharged 0.3; the reference region is
        // background only, so normalised intensities are amplitudes x one constant
        double[] amp = {0.1, 1.0, 0.25, 0.8, 0.3};
        List<RixsMap> maps = new ArrayList<>();
        for (int k = 0; k < amp.length; k++) maps.add(SyntheticFeatureMaps.map("map" + k, amp[k], 2000 + k, method.equals("spfy")));
        QuantifyFeature.Parameters p = QuantifyFeature.Parameters.defaults().withMethod(method).withReference("533:535,518:521");
        QuantifySeries.Table t = new QuantifySeries().apply(new QuantifySeries.MapSeries(maps), p).value();
        assertEquals(2, t.cycles().size());
        double[] rev = {(1.0 - 0.25) / (1.0 - 0.1), (0.8 - 0.3) / (0.8 - 0.1)}, ret = {1.0, 0.8};
        for (int n = 0; n < 2; n++) {
            QuantifySeries.Cycle c = t.cycles().get(n);
            System.out.printf(Locale.ROOT, "%s cycle %d: reversibility %.4f +- %.4f (truth %.4f), retention %.4f +- %.4f (truth %.4f)%n",
                method, c.cycle(), c.reversibility(), c.reversibilityStderr(), rev[n], c.retention(), c.retentionStderr(), ret[n]);
            assertTrue(c.reversibilityStderr() > 0, "sigma of the reversibility");
            assertEquals(rev[n], c.reversibility(), 3 * c.reversibilityStderr(), method + " reversibility of cycle " + (n + 1));
            assertEquals(ret[n], c.retention(), n == 0 ? 1e-12 : 3 * c.retentionStderr(), method + " retention of cycle " + (n + 1));
        }
        assertEquals("map3", t.cycles().get(1).charged());
        assertEquals("map4", t.cycles().get(1).discharged());
    }

    @Test
    void builtFromRawStacksTheStatesCompareAsTheirAmplitudes() throws EdgeworksException {
        // SYNTHETIC raw stacks (SyntheticRixs): feature amplitude 1.0 charged, 0.3 discharged, 0.15 pristine
        List<RixsMap> maps = new ArrayList<>();
        for (String state : List.of("pristine", "charged", "discharged"))
            maps.add(BuildMapTest.build(SyntheticRixs.Spec.of(state, 10 + state.length())).map().withName(state));
        QuantifySeries.Table t = new QuantifySeries().apply(new QuantifySeries.MapSeries(maps), QuantifyFeature.Parameters.defaults()).value();
        var c = t.rows().get(1);
        for (int k : new int[] {0, 2}) {
            var q = t.rows().get(k);
            double r = q.featureIntensity() / c.featureIntensity();
            double sr = Math.abs(r) * Math.hypot(q.uncertainty() / q.featureIntensity(), c.uncertainty() / c.featureIntensity());
            double truth = SyntheticRixs.amplitude(q.map()) / SyntheticRixs.amplitude("charged");
            System.out.printf(Locale.ROOT, "%s/charged = %.4f +- %.4f (truth %.4f)%n", q.map(), r, sr, truth);
            assertEquals(truth, r, Math.max(3 * sr, 0.02), q.map() + "/charged");
        }
    }

    @Test
    void referenceRegionAndErrors() throws EdgeworksException {
        RixsMap m = SyntheticFeatureMaps.map("charged", 1, 7);
        QuantifyFeature.Parameters p = QuantifyFeature.Parameters.defaults().withReference("529.0:530.2,524.0:526.0");
        var q = new QuantifyFeature().apply(m, p).value();
        // the reference integral by hand: cells fully inside (centres 529.05..530.15 x 524.025..525.975, each 0.1 x 0.05 eV) plus
        // the half cells at the four edges
        double[] ex = m.excitation().values(), em = m.emission().values(), d = m.data();
        double ref = 0;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                double fx = Math.max(0, Math.min(ex[i] + 0.05, 530.2) - Math.max(ex[i] - 0.05, 529.0));
                double fm = Math.max(0, Math.min(em[j] + 0.025, 526.0) - Math.max(em[j] - 0.025, 524.0));
                ref += d[i * em.length + j] * fx * fm;
            }
        assertEquals(ref, q.referenceIntensity(), 1e-9 * ref);
        assertEquals(q.featureIntensity() / ref, q.normalisedIntensity(), 1e-12);
        assertTrue(q.normalisedIntensityStderr() > 0 && q.referenceIntensityStderr() > 0);
        assertTrue(q.profile() != null && q.profile().hasUncertainty() && q.profileFit() != null);

        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new QuantifyFeature().apply(m,
            new QuantifyFeature.Parameters(560, 523.7, 0.3, 0.5, 0.3, 0.5, "total")));
        assertTrue(e.getMessage().startsWith("charged: box and frame") && e.getMessage().contains("not covered"), e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> new QuantifyFeature().apply(m, p.withReference("531:bad")));
        assertTrue(e.getMessage().contains("region"), e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> new QuantifyFeature().apply(m, p.withReference("520:540,520:530")));
        assertTrue(e.getMessage().contains("not covered by the map"), e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> new QuantifyFeature().apply(m, p.withMethod("plane")));
        assertTrue(e.getMessage().contains("not one of spfy, model2d, box"), e.getMessage());
    }
}
