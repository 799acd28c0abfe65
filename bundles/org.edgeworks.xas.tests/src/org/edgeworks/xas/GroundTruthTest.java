package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.testsupport.XanesEdges;
import org.junit.jupiter.api.Test;

/** Every processor against the known truth of synthetic spectra. */
class GroundTruthTest {
    static final double E0 = 6550.0;

    @Test
    void normalisationFindsKnownE0AndStep() throws Exception {
        Spectrum s = Synthetic.kEdgeSpectrum("arctan", E0, 1.7, null, 1e-4, 1);
        for (E0Method m : new E0Method[] {E0Method.DERIVATIVE, E0Method.HALF_STEP, E0Method.SECOND_DERIVATIVE}) {
            var p = new NormalizeProcessor.Params(m, null, null, null, null, null, null, 0, null, Normalization.EDGE_STEP);
            var r = new NormalizeProcessor().apply(s, p);
            assertEquals(E0, r.value().e0(), 0.13, m + " E0 (grid step 0.25 eV)");
            assertEquals(1.7, r.value().edgeStep(), 0.02 * 1.7, m + " edge step");
            assertEquals(m.label(), r.provenance().parameters().get("e0_method"));
        }
        // flat is 1 well above the edge, 0 below
        var n = new NormalizeProcessor().apply(s, NormalizeProcessor.Params.defaults()).value();
        double[] e = n.energy();
        for (int i = 0; i < e.length; i++) {
            if (e[i] > E0 + 100) assertEquals(1.0, n.flat()[i], 0.01, "flat at " + e[i]);
            if (e[i] < E0 - 60) assertEquals(0.0, n.flat()[i], 0.01, "flat at " + e[i]);
        }
    }

    @Test
    void victoreenAndOtherNormalisations() throws Exception {
        Spectrum s = Synthetic.kEdgeSpectrum("arctan", E0, 2.0, null, 0, 2);
        var v = new NormalizeProcessor().apply(s, new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, null, null, null, null, null, 1, null, Normalization.EDGE_STEP)).value();
        assertEquals(2.0, v.edgeStep(), 0.04, "edge step with nvict=1");
        assertEquals(1, v.nvict());
        var mm = new NormalizeProcessor().apply(s, new NormalizeProcessor.Params(null, null, null, null, null, null, null, 0, null, Normalization.MIN_MAX)).value();
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double x : mm.norm()) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        assertEquals(0.0, lo, 1e-12);
        assertEquals(1.0, hi, 1e-12);
        var none = new NormalizeProcessor().apply(s, new NormalizeProcessor.Params(null, null, null, null, null, null, null, 0, null, Normalization.NONE)).value();
        assertArrayEquals(s.signal(), none.norm(), 0.0);
        var area = new NormalizeProcessor().apply(s, new NormalizeProcessor.Params(null, null, null, null, null, null, null, 0, null, Normalization.AREA)).value();
        assertEquals("area", area.normalization().label());
        assertTrue(Math.abs(area.norm()[area.norm().length - 1] - 1.0) < 0.2, "area-normalised post edge near 1");
    }

    @Test
    void untidyAxesAreCleanedAndSaidSo() throws Exception {
        Spectrum s = Synthetic.kEdgeSpectrum("arctan", E0, 1.0, null, 0, 3);
        double[] e = s.energies(), mu = s.signal();
        int n = e.length;
        double[] e2 = new double[n + 1], m2 = new double[n + 1];
        for (int i = 0; i < n; i++) { e2[i] = e[n - 1 - i]; m2[i] = mu[n - 1 - i]; }
        e2[n] = e2[10];
        m2[n] = m2[10];
        m2[20] = Double.NaN;
        var r = new NormalizeProcessor().apply(Spectrum.of("untidy", e2, m2), NormalizeProcessor.Params.defaults());
        String notes = String.join("; ", r.provenance().notes());
        assertTrue(notes.contains("masked 1"), notes);
        assertTrue(notes.contains("descending") || notes.contains("sorted"), notes);
        assertTrue(notes.contains("averaged 1"), notes);
        assertEquals(1.0, r.value().edgeStep(), 0.02);
    }

    @Test
    void badInputsGiveOneLineErrorsNamingSpectrumAndParameter() {
        double[] e = XanesEdges.grid(E0);
        double[] flat = new double[e.length];
        java.util.Arrays.fill(flat, 2.0);
        EdgeworksException x = assertThrows(EdgeworksException.class,
            () -> new NormalizeProcessor().apply(Spectrum.of("flatline", e, flat), NormalizeProcessor.Params.defaults().withE0(E0)));
        assertTrue(x.getMessage().startsWith("flatline: edge_step"), x.getMessage());
        Spectrum s = Synthetic.kEdgeSpectrum("s", E0, 1, null, 0, 4);
        x = assertThrows(EdgeworksException.class, () -> new NormalizeProcessor().apply(s, NormalizeProcessor.Params.defaults().withE0(E0 + 5000)));
        assertTrue(x.getMessage().startsWith("s: e0"), x.getMessage());
        x = assertThrows(EdgeworksException.class, () -> new LcfProcessor().apply(new LcfProcessor.Input(s, List.of(s.withName("r")), null),
            LcfProcessor.Params.defaults().window(100, 200)));
        assertTrue(x.getMessage().startsWith("s: emin"), x.getMessage());
        x = assertThrows(EdgeworksException.class, () -> new NormalizeProcessor().apply(Spectrum.of("short", new double[] {1, 2, 3}, new double[] {1, 2, 3}),
            NormalizeProcessor.Params.defaults()));
        assertTrue(x.getMessage().startsWith("short: energy"), x.getMessage());
        x = assertThrows(EdgeworksException.class, () -> new LcfProcessor().apply(new LcfProcessor.Input(s, List.of(s.withName("a"), s.withName("b")), null),
            LcfProcessor.Params.defaults().window(E0 - 20, E0 + 30)));
        assertTrue(x.getMessage().contains("singular"), x.getMessage());
    }

    static DoubleUnaryOperator ref(double e0, double peakArea, double whiteLine) {
        XanesEdges.Peak pre = new XanesEdges.Peak(e0 - 8, peakArea, 1.5, 0.5), white = new XanesEdges.Peak(e0 + 4, whiteLine, 4, 0.3);
        return e -> XanesEdges.arctanStep(e, e0, 1.2) + XanesEdges.pseudoVoigt(e, pre) + XanesEdges.pseudoVoigt(e, white);
    }

    @Test
    void lcfRecoversKnownWeightsAndShifts() throws Exception {
        DoubleUnaryOperator[] f = {ref(6544, 0.02, 1.5), ref(6548, 0.05, 2.5), ref(6552, 0.2, 1.0)};
        double[] e = XanesEdges.grid(E0);
        List<Spectrum> refs = List.of(Synthetic.mixture("A", e, new DoubleUnaryOperator[] {f[0]}, new double[] {1}, new double[] {0}),
            Synthetic.mixture("B", e, new DoubleUnaryOperator[] {f[1]}, new double[] {1}, new double[] {0}),
            Synthetic.mixture("C", e, new DoubleUnaryOperator[] {f[2]}, new double[] {1}, new double[] {0}));
        Spectrum mix = Synthetic.mixture("mix", e, f, new double[] {0.2, 0.5, 0.3}, new double[] {0, 0, 0});
        var r = new LcfProcessor().apply(new LcfProcessor.Input(mix, refs, List.of(2.0, 3.0, 4.0)),
            LcfProcessor.Params.defaults().window(E0 - 30, E0 + 40)).value();
        assertEquals(0.2, r.weights().get("A"), 1e-6);
        assertEquals(0.5, r.weights().get("B"), 1e-6);
        assertEquals(0.3, r.weights().get("C"), 1e-6);
        assertEquals(0.2 * 2 + 0.5 * 3 + 0.3 * 4, r.averageValence(), 1e-5);
        assertTrue(r.rFactor() < 1e-10, "R " + r.rFactor());
        // with energy shifts of the references (and a little noise)
        Spectrum shifted = Synthetic.mixture("mixs", e, f, new double[] {0.2, 0.5, 0.3}, new double[] {0.4, -0.3, 0.0});
        double[] y = shifted.signal();
        Random rnd = new Random(5);
        for (int i = 0; i < y.length; i++) y[i] += 1e-4 * rnd.nextGaussian();
        var rs = new LcfProcessor().apply(new LcfProcessor.Input(Spectrum.of("mixs", e, y), refs, null),
            new LcfProcessor.Params(E0 - 30, E0 + 40, true, false, true, 1.0, 0, 1)).value();
        assertEquals(0.2, rs.weights().get("A"), 0.005);
        assertEquals(0.5, rs.weights().get("B"), 0.005);
        assertEquals(0.3, rs.weights().get("C"), 0.005);
        assertEquals(0.4, rs.components().get(0).shift(), 0.03, "shift A");
        assertEquals(-0.3, rs.components().get(1).shift(), 0.03, "shift B");
        assertTrue(rs.components().get(0).shiftStderr() > 0 && rs.components().get(0).shiftStderr() < 0.05);
        // combinatorial: the true triple ranks first among subsets of up to 3 of 5 (two decoys)
        List<Spectrum> pool = new java.util.ArrayList<>(refs);
        pool.add(Synthetic.mixture("D", e, new DoubleUnaryOperator[] {ref(6540, 0.0, 0.5)}, new double[] {1}, new double[] {0}));
        pool.add(Synthetic.mixture("E", e, new DoubleUnaryOperator[] {ref(6560, 0.1, 3.0)}, new double[] {1}, new double[] {0}));
        var rc = new LcfProcessor().apply(new LcfProcessor.Input(mix, pool, null),
            LcfProcessor.Params.defaults().window(E0 - 30, E0 + 40).withCombinations(3, 1)).value();
        assertEquals(5 + 10 + 10, rc.ranking().size());
        assertEquals(java.util.Set.of("A", "B", "C"), new java.util.HashSet<>(rc.ranking().get(0).references()));
        for (var rk : rc.ranking()) for (double w : rk.weights().values()) assertTrue(w >= 0, "non-negative " + rk);
        for (int i = 1; i < rc.ranking().size(); i++) assertTrue(rc.ranking().get(i).rFactor() >= rc.ranking().get(i - 1).rFactor());
    }

    @Test
    void preEdgePeaksAreasAndCentroid() throws Exception {
        for (PreEdgeProcessor.Baseline b : PreEdgeProcessor.Baseline.values()) {
            XanesEdges.Peak[] peaks = {new XanesEdges.Peak(E0 - 12, 0.05, 1.6, 0.5), new XanesEdges.Peak(E0 - 9.5, 0.12, 1.6, 0.5)};
            double[] e = XanesEdges.grid(E0);
            double[] y = XanesEdges.kEdge(e, E0, 1.0, 2.0, new double[] {0.0, 1e-4}, peaks, 2e-4, 11);
            if (b == PreEdgeProcessor.Baseline.LINE_ERF) // the truth has the baseline's shape: an erf edge
                for (int i = 0; i < e.length; i++)
                    y[i] += 0.5 * (1 + org.hipparchus.special.Erf.erf((e[i] - E0) / 2.0)) - XanesEdges.arctanStep(e[i], E0, 2.0);
            boolean spline = b == PreEdgeProcessor.Baseline.SPLINE;
            // a fixed spline baseline needs data on both sides of the peaks: fit up to E0-1 eV
            var p = PreEdgeProcessor.Params.defaults().with(E0, -30, spline ? -1 : -4, -16, -6, b, 2, null);
            var r = new PreEdgeProcessor().apply(Spectrum.of("pre", e, y), p).value();
            // the fixed spline only approximates the arctan tail under the peaks: a looser bound
            double tol = spline ? 0.35 : 0.05;
            assertEquals(0.05, r.peaks().get(0).area(), tol * 0.05 + 0.002, b + " area 1");
            assertEquals(0.12, r.peaks().get(1).area(), tol * 0.12 + 0.002, b + " area 2");
            assertEquals(E0 - 12, r.peaks().get(0).centre(), 0.1, b + " centre 1");
            assertEquals(E0 - 9.5, r.peaks().get(1).centre(), 0.1, b + " centre 2");
            double centroid = (0.05 * (E0 - 12) + 0.12 * (E0 - 9.5)) / 0.17;
            assertEquals(0.17, r.totalArea(), tol * 0.17, b + " total area");
            assertEquals(centroid, r.centroid(), 0.1, b + " centroid");
            assertTrue(r.totalAreaStderr() > 0 && r.totalAreaStderr() < 0.02, b + " area stderr " + r.totalAreaStderr());
        }
    }

    @Test
    void lEdgeKnownStepHeights() throws Exception {
        double h = 0.8, r = 2.0 / 3.0;
        Spectrum s = Synthetic.lEdge("MnL", 640, 651, h, r, 0.8, 5e-4, 7);
        var res = new LEdgeProcessor().apply(s, LEdgeProcessor.Params.of(640, 651)).value();
        assertEquals(h, res.stepHeight(), 0.03 * h, "step height");
        assertEquals(h * r, res.l3Step(), 0.03 * h * r, "L3 step");
        assertEquals(h * (1 - r), res.l2Step(), 0.03 * h * (1 - r), "L2 step");
        assertEquals(1.0, res.norm()[res.norm().length - 1], 0.05, "post-edge level normalised to 1");
        var l3 = new LEdgeProcessor().apply(s, LEdgeProcessor.Params.of(640, 651).scaled(LEdgeProcessor.Scale.L3_MAX));
        double max = 0;
        for (int i = 0; i < res.energy().length; i++) if (res.energy()[i] < 645) max = Math.max(max, l3.value().norm()[i]);
        assertEquals(1.0, max, 1e-9, "L3 maximum normalised to 1");
        assertEquals("l3-max", l3.provenance().parameters().get("scale"));
        var split = new LEdgeProcessor().apply(s, new LEdgeProcessor.Params(null, null, 11.0, r, 0.8, -15, -5, 10, 30, null)).value();
        assertEquals(651.0 - 640.0, split.eL2() - split.eL3(), 1e-9);
    }

    @Test
    void deglitchFlagsExactlyTheGlitches() throws Exception {
        Spectrum s = Synthetic.kEdgeSpectrum("g", E0, 1.0, new XanesEdges.Peak[] {new XanesEdges.Peak(E0 + 3, 1.0, 3, 0.5)}, 1e-3, 9);
        double[] y = s.signal();
        int[] at = {40, 300, 520};
        for (int i : at) y[i] += (i == 300 ? -0.05 : 0.04);
        var r = new DeglitchProcessor().apply(Spectrum.of("g", s.energies(), y), new DeglitchProcessor.Params(7, 5, true));
        assertArrayEquals(at, r.value().flagged(), java.util.Arrays.toString(r.value().flaggedEnergies()) + " " + java.util.Arrays.toString(r.value().flagged()));
        assertEquals(y.length - 3, r.value().spectrum().size());
        var clean = new DeglitchProcessor().apply(s, DeglitchProcessor.Params.defaults()).value();
        assertEquals(0, clean.flagged().length, "no false glitches on a clean spectrum");
    }

    @Test
    void deglitchOnDemetersUraniumExample() throws Exception {
        // uhup.003 (Demeter's deglitch example): two glitches, each an up/down pair, and a sharp white line that is not one
        double[][] em = PeerData.mu(PeerData.spec("deglitch_U_uhup"));
        var r = new DeglitchProcessor().apply(Spectrum.of("uhup", em[0], em[1]), DeglitchProcessor.Params.defaults()).value();
        assertEquals(4, r.flagged().length, java.util.Arrays.toString(r.flaggedEnergies()));
        for (double e : r.flaggedEnergies()) assertTrue(Math.abs(e - 17385) < 2 || Math.abs(e - 17656.5) < 2, "glitch at " + e);
    }

    @Test
    void mergeMeanAndStandardError() throws Exception {
        double sigma = 0.01;
        List<Spectrum> scans = new java.util.ArrayList<>();
        for (int k = 0; k < 4; k++) scans.add(Synthetic.kEdgeSpectrum("scan" + k, E0, 1.0, null, sigma, 100 + k));
        var m = new MergeProcessor().apply(new MergeProcessor.Input("merged", scans), MergeProcessor.Params.defaults()).value();
        double[] truth = Synthetic.kEdgeSpectrum("t", E0, 1.0, null, 0, 0).signal();
        double se = 0, err = 0;
        for (int i = 0; i < truth.length; i++) { se += m.stderr()[i] * m.stderr()[i]; err += Math.pow(m.mean()[i] - truth[i], 2); }
        se = Math.sqrt(se / truth.length);
        err = Math.sqrt(err / truth.length);
        assertEquals(sigma / 2, se, 0.15 * sigma / 2, "rms standard error = sigma/sqrt(4)");
        assertEquals(sigma / 2, err, 0.15 * sigma / 2, "rms error of the mean");
        assertEquals(4, m.count());
        var u = new MergeProcessor().apply(new MergeProcessor.Input("u", scans), new MergeProcessor.Params(1.0, true)).value();
        assertEquals(1.0, u.energy()[1] - u.energy()[0], 1e-12);
    }

    @Test
    void muFromChannelsWithDeadTime() throws Exception {
        double[] e = XanesEdges.grid(E0);
        double[] mu = XanesEdges.kEdge(e, E0, 1.0, 1.0, new double[] {0.5}, null, 0, 0);
        double[] i0 = new double[e.length], it = new double[e.length], fl = new double[e.length], icr = new double[e.length], ocr = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            i0[i] = 1e5 * (1 + 0.1 * Math.sin(i));
            it[i] = i0[i] * Math.exp(-mu[i]);
            icr[i] = 2e4 + 10 * i;
            ocr[i] = icr[i] * (1 - 0.2 * icr[i] / 3e4);
            fl[i] = mu[i] * i0[i] * ocr[i] / icr[i];
        }
        var t = new MuProcessor().apply(new MuProcessor.Channels("t", e, i0, it, null, null), MuProcessor.Params.defaults()).value();
        assertArrayEquals(mu, t.signal(), 1e-12);
        var f = new MuProcessor().apply(new MuProcessor.Channels("f", e, i0, fl, icr, ocr), new MuProcessor.Params(MuMode.FLUORESCENCE, true));
        assertArrayEquals(mu, f.value().signal(), 1e-12);
        assertEquals(true, f.provenance().parameters().get("dead_time_corrected"));
        it[5] = 0; // ln(I0/0) = inf: masked and said so
        var m = new MuProcessor().apply(new MuProcessor.Channels("z", e, i0, it, null, null), MuProcessor.Params.defaults());
        assertEquals(e.length - 1, m.value().size());
        assertTrue(m.provenance().notes().get(0).contains("masked 1"));
    }

    @Test
    void everyProcessorIsRegisteredInPluginXml() {
        var reg = ProcessorRegistry.load();
        for (String id : List.of("mu", "normalize", "ledge", "calibrate", "align", "merge", "deglitch", "valence", "preedge", "lcf"))
            assertTrue(reg.all().containsKey("org.edgeworks.xas." + id), id + " in " + reg.all().keySet());
    }
}
