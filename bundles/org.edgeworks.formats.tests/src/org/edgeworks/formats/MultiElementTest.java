package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Result;
import org.edgeworks.detector.sdd.MultiElementSum;
import org.edgeworks.detector.sdd.MultiElementSum.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multi-element fluorescence: on real 7- and 8-element SDD scans the per-element dead-time
 * corrected sum equals what the beamline software wrote (Sum_Fe_Ka) and what the peer manifest
 * defines (fe_xanes_8ch: sum Fe_Ka x DTFactor / I0, peers/arrays); on synthetic elements
 * (constructed true counts, paralyzable dead time) ICR/OCR and real/live recover the true counts,
 * and the outlier test removes a broken element and only that one.
 */
class MultiElementTest {
    static final MultiElementSum SUM = new MultiElementSum();

    static double[] col(Scan s, String name) throws EdgeworksException { return s.require(name).readDoubles(s.source().toString()); }

    @ParameterizedTest
    @ValueSource(strings = {"fexanes_a.001", "fexanes_b.001", "fexanes_c.001"})
    void sevenElementSumEqualsTheBeamlineSum(String file) throws Exception {
        Scan s = DetectorRegistry.load().read(Shared.DATA.resolve("xanes/fe_k/" + file));
        List<Element> el = new ArrayList<>();
        for (int k = 1; k <= 7; k++) el.add(Element.withFactor("Fe_Ka_mca" + k, col(s, "Fe_Ka_mca" + k), col(s, "DTFactor_mca" + k)));
        var all = SUM.apply(new MultiElementSum.Elements(file, el), new MultiElementSum.Params(List.of(), false, 3)).value();
        double[] beamline = col(s, "Sum_Fe_Ka");
        for (int i = 0; i < beamline.length; i++) assertEquals(beamline[i], all.sum()[i], 1e-6 * beamline[i], "point " + i);
        Result<MultiElementSum.Summed> r = SUM.apply(new MultiElementSum.Elements(file, el), MultiElementSum.Params.defaults());
        if (file.equals("fexanes_b.001")) {
            // element 5 of scan b sees a damped white line (peak 0.97 of its edge step where the
            // others show 1.18-1.35): its shape deviates 3.8x the median, the only one flagged
            assertEquals(List.of("Fe_Ka_mca5"), List.copyOf(r.value().excluded().keySet()), r.value().deviation().toString());
        } else {
            assertEquals(7, r.value().used().size(), "no good element is thrown away: " + r.value().excluded());
            assertTrue(r.provenance().notes().stream().anyMatch(n -> n.startsWith("outlier test: no element deviates")), r.provenance().notes().toString());
        }
    }

    @Test
    void eightElementSumOverI0EqualsThePeerMu() throws Exception {
        Scan s = DetectorRegistry.load().read(Shared.DATA.resolve("xanes/fe_k/fe_xanes_8ch.xdi"));
        List<Element> el = new ArrayList<>();
        for (int k = 1; k <= 8; k++) el.add(Element.withFactor("Fe_Ka_mca" + k, col(s, "Fe_Ka_mca" + k), col(s, "DTFactor_mca" + k)));
        double[] sum = SUM.apply(new MultiElementSum.Elements("8ch", el), new MultiElementSum.Params(List.of(), false, 3)).value().sum();
        double[] i0 = col(s, "I0");
        Map<String, double[]> peer = AthenaProjectsTest.csv(Shared.DATA.resolve("peers/arrays/fe_xanes_8ch.csv"));
        double[] mu = peer.get("mu");
        assertEquals(mu.length, sum.length, "no rows dropped in this file");
        for (int i = 0; i < mu.length; i++) assertEquals(mu[i], sum[i] / i0[i], 1e-7 * Math.abs(mu[i]), "point " + i);
    }

    /** True counts rate x t; a paralyzable detector with dead time tau records OCR = ICR exp(-ICR tau). */
    static double[][] synthetic(int n, double scale, double shapeBump, long seed) {
        Random rnd = new Random(seed);
        double[] truth = new double[n], icr = new double[n], ocr = new double[n], counts = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i - n / 2.0) / 5.0;
            truth[i] = scale * (1000 + 4000 * (0.5 + Math.atan(x) / Math.PI) + shapeBump * Math.exp(-x * x)) * (1 + 0.002 * rnd.nextGaussian());
            icr[i] = truth[i] * 20;
            ocr[i] = icr[i] * Math.exp(-icr[i] * 1e-6);
            counts[i] = truth[i] * ocr[i] / icr[i];
        }
        return new double[][] {truth, icr, ocr, counts};
    }

    @Test
    void icrOcrAndLiveRealRecoverTheTrueCountsAndTheSumIsLinear() throws Exception {
        int n = 80;
        List<Element> rates = new ArrayList<>(), times = new ArrayList<>(), doubled = new ArrayList<>();
        double[] truth = new double[n], var = new double[n];
        for (int k = 0; k < 4; k++) {
            double[][] d = synthetic(n, 1 + 0.1 * k, 0, k);
            rates.add(Element.withRates("roi" + k, d[3], d[1], d[2]));
            double[] live = new double[n], real = new double[n], twice = new double[n];
            for (int i = 0; i < n; i++) {
                real[i] = 1.0;
                live[i] = d[2][i] / d[1][i];
                twice[i] = 2 * d[3][i];
                truth[i] += d[0][i];
                var[i] += (d[1][i] / d[2][i]) * d[0][i];
            }
            times.add(Element.withTimes("roi" + k, d[3], live, real));
            doubled.add(Element.withRates("roi" + k, twice, d[1], d[2]));
        }
        MultiElementSum.Params p = MultiElementSum.Params.defaults();
        var a = SUM.apply(new MultiElementSum.Elements("rates", rates), p).value();
        var b = SUM.apply(new MultiElementSum.Elements("times", times), p).value();
        var c = SUM.apply(new MultiElementSum.Elements("twice", doubled), p).value();
        for (int i = 0; i < n; i++) {
            assertEquals(truth[i], a.sum()[i], 1e-9 * truth[i]);
            assertEquals(truth[i], b.sum()[i], 1e-9 * truth[i]);
            assertEquals(2 * truth[i], c.sum()[i], 2e-9 * truth[i], "doubling the counts doubles the sum");
            assertEquals(Math.sqrt(var[i]), a.sigma()[i], 1e-9 * Math.sqrt(var[i]), "sigma = sqrt(sum f^2 counts)");
        }
    }

    @Test
    void aBrokenElementIsExcludedAndNotedAndByNameToo() throws Exception {
        int n = 120;
        List<Element> el = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            double[][] d = synthetic(n, 1 + 0.05 * k, k == 4 ? 30000 : 0, 10 + k); // element 4: a strong spurious peak
            el.add(Element.withRates("mca" + (k + 1), d[3], d[1], d[2]));
        }
        Result<MultiElementSum.Summed> r = SUM.apply(new MultiElementSum.Elements("syn", el), MultiElementSum.Params.defaults());
        assertEquals(List.of("mca5"), List.copyOf(r.value().excluded().keySet()));
        assertTrue(r.value().excluded().get("mca5").startsWith("outlier"), r.value().excluded().toString());
        assertTrue(r.provenance().notes().stream().anyMatch(x -> x.startsWith("element mca5 not summed: outlier")), r.provenance().notes().toString());
        var byName = SUM.apply(new MultiElementSum.Elements("syn", el), new MultiElementSum.Params(List.of("mca2"), false, 3)).value();
        assertEquals(List.of("mca1", "mca3", "mca4", "mca5", "mca6", "mca7"), byName.used());
        EdgeworksException e = assertThrows(EdgeworksException.class,
            () -> SUM.apply(new MultiElementSum.Elements("syn", el), new MultiElementSum.Params(List.of("mca9"), false, 3)));
        assertTrue(e.getMessage().startsWith("syn: exclude: no element 'mca9'"), e.getMessage());
    }
}
