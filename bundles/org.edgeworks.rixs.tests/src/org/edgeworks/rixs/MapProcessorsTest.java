package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.junit.jupiter.api.Test;

/** Cuts, yields, energy loss, difference maps and the map from reduced spectra, on small exact maps. */
class MapProcessorsTest {

    /** M[i][j] = ex_i * 1000 + em_j: every cut is known by hand. */
    static RixsMap ramp() {
        double[] ex = {529.0, 529.5, 530.0, 530.5, 531.0};
        double[] em = {520, 521, 522, 523, 524, 525};
        double[] d = new double[ex.length * em.length];
        for (int i = 0; i < ex.length; i++) for (int j = 0; j < em.length; j++) d[i * em.length + j] = ex[i] * 1000 + em[j];
        return RixsMap.of("ramp", ex, em, d);
    }

    @Test
    void everyProcessorIsRegistered() {
        Set<String> ids = ProcessorRegistry.load().all().keySet();
        for (String id : new String[] {ReduceImage.ID, FitCurvature.ID, CalibrateEmission.ID, BuildMap.ID, MapFromSpectra.ID,
            EnergyLossMap.ID, CutAtExcitation.ID, CutAtEmission.ID, PartialYield.ID, TotalYield.ID, InversePartialYield.ID,
            QuantifyFeature.ID, QuantifySeries.ID, DifferenceMap.ID})
            assertTrue(ids.contains(id), id + " registered in plugin.xml");
    }

    @Test
    void cutAtExcitationAveragesRowsInside() throws EdgeworksException {
        Spectrum s = new CutAtExcitation().apply(ramp(), new CutAtExcitation.Parameters(530.25, 0.6)).value();
        assertEquals(530.25 * 1000 + 520, s.signal()[0], 1e-9);
        assertArrayEquals(new double[] {520, 521, 522, 523, 524, 525}, s.energies(), 0);
        // narrower than the step: interpolated, with a note
        var r = new CutAtExcitation().apply(ramp(), new CutAtExcitation.Parameters(529.2, 0.1));
        assertEquals(529.2 * 1000 + 521, r.value().signal()[1], 1e-9);
        assertTrue(r.provenance().notes().get(0).contains("interpolated"));
        assertThrows(EdgeworksException.class, () -> new CutAtExcitation().apply(ramp(), new CutAtExcitation.Parameters(540, 0.2)));
    }

    @Test
    void cutAtEmissionPfyTfy() throws EdgeworksException {
        Spectrum e = new CutAtEmission().apply(ramp(), new CutAtEmission.Parameters(522.5, 1.2)).value();
        assertEquals(529.0 * 1000 + 522.5, e.signal()[0], 1e-9);
        Spectrum pfy = new PartialYield().apply(ramp(), new PartialYield.Parameters(521, 523)).value();
        // widths 1 eV each for interior channels: 521+522+523 (+ ex*1000 * 3)
        assertEquals(3 * 529000 + 521 + 522 + 523, pfy.signal()[0], 1e-9);
        Spectrum tfy = new TotalYield().apply(ramp(), new TotalYield.Parameters()).value();
        // every channel is a cell as wide as the spacing (the end ones too)
        assertEquals(529000 * 6 + 520 + 521 + 522 + 523 + 524 + 525, tfy.signal()[0], 1e-9);
        EdgeworksException ex = assertThrows(EdgeworksException.class,
            () -> new PartialYield().apply(ramp(), new PartialYield.Parameters(600, 610)));
        assertTrue(ex.getMessage().contains("holds no point"), ex.getMessage());
    }

    @Test
    void energyLossAxis() throws EdgeworksException {
        RixsMap loss = new EnergyLossMap().apply(ramp(), EnergyLossMap.Parameters.defaults()).value();
        double[] l = loss.emission().values();
        assertEquals(529.0 - 525, l[0], 1e-9);
        assertEquals(531.0 - 520, l[l.length - 1], 1e-9);
        // row 0 at loss 6 eV <=> emission 523
        int j = (int) Math.round(6 - l[0]);
        assertEquals(529000 + 523, loss.get(0, j), 1e-9);
    }

    @Test
    void differenceOfIdenticalMapsIsZeroAfterNormalising() throws EdgeworksException {
        RixsMap a = ramp();
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) d[i] *= 3.7;
        RixsMap b = RixsMap.of("scaled", a.excitation().values(), a.emission().values(), d);
        var r = new DifferenceMap().apply(new DifferenceMap.MapPair(a, b), DifferenceMap.Parameters.defaults()).value();
        for (double v : r.difference().data()) assertEquals(0, v, 1e-15);
        assertEquals(3.7, r.scaleB() / r.scaleA(), 1e-12);
        var region = new DifferenceMap().apply(new DifferenceMap.MapPair(a, b), new DifferenceMap.Parameters("529:530,521:523")).value();
        for (double v : region.difference().data()) assertEquals(0, v, 1e-15);
    }

    /** The same smooth function sampled over [exFrom, exTo] x 518..528 eV, step 0.1 eV (construction, no production code). */
    static RixsMap sampled(String name, double exFrom, double exTo) {
        int nx = (int) Math.round((exTo - exFrom) / 0.1) + 1, ny = 101;
        double[] ex = new double[nx], em = new double[ny], d = new double[nx * ny];
        for (int i = 0; i < nx; i++) ex[i] = exFrom + 0.1 * i;
        for (int j = 0; j < ny; j++) em[j] = 518 + 0.1 * j;
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++) d[i * ny + j] = 1 + (ex[i] - 526) * (ex[i] - 526) + Math.exp(-Math.pow(em[j] - 523, 2));
        return RixsMap.of(name, ex, em, d);
    }

    @Test
    void mapsOfDifferentRangesAreNormalisedOverTheirCommonOverlap() throws EdgeworksException {
        // B covers more excitation than A, with the same values where both exist: the difference must vanish
        RixsMap a = sampled("A", 528, 532), b = sampled("B", 526, 534);
        var r = new DifferenceMap().apply(new DifferenceMap.MapPair(a, b), DifferenceMap.Parameters.defaults()).value();
        for (double v : r.difference().data()) assertEquals(0, v, 1e-12);
        assertEquals(1, r.scaleB() / r.scaleA(), 1e-12, "both integrated over the same region");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new DifferenceMap().apply(new DifferenceMap.MapPair(b, a),
            new DifferenceMap.Parameters("527:529,520:522")));
        assertTrue(e.getMessage().startsWith("A: region 527") && e.getMessage().contains("is not covered by the map"), e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> new DifferenceMap().apply(new DifferenceMap.MapPair(sampled("C", 526, 527),
            sampled("D", 533, 534)), DifferenceMap.Parameters.defaults()));
        assertTrue(e.getMessage().startsWith("C, D: the maps share no region"), e.getMessage());
        // a series: the same map over two ranges gives one normalised intensity
        var t = new QuantifySeries().apply(new QuantifySeries.MapSeries(List.of(a, b)),
            new QuantifyFeature.Parameters(530, 523, 0.5, 0.5, 0.3, 0.3, "total")).value();
        assertEquals(t.rows().get(0).normalisedIntensity(), t.rows().get(1).normalisedIntensity(),
            1e-9 * Math.abs(t.rows().get(0).normalisedIntensity()));
        assertEquals(t.rows().get(0).referenceIntensity(), t.rows().get(1).referenceIntensity(), 1e-9 * t.rows().get(0).referenceIntensity());
    }

    /**
     * Difference-map sigma against Monte Carlo: 3000 realisations of two maps with Gaussian noise of known
     * sigma per cell (construction; B on a grid offset by half a cell, so it is interpolated), normalised
     * over a small region (4 x 4 cells, 10 % noise) that makes the normalisation's own error dominate
     * outside it. The scatter of each difference cell over the realisations must match the stated sigma
     * (median ratio within 5 %, every cell within 15 %).
     */
    @Test
    void differenceMapSigmaMatchesMonteCarlo() throws EdgeworksException {
        double[] exA = new double[12], emA = new double[14], exB = new double[13], emB = new double[15];
        for (int i = 0; i < exA.length; i++) exA[i] = 528 + 0.2 * i;
        for (int j = 0; j < emA.length; j++) emA[j] = 520 + 0.25 * j;
        for (int i = 0; i < exB.length; i++) exB[i] = 527.9 + 0.2 * i;
        for (int j = 0; j < emB.length; j++) emB[j] = 519.875 + 0.25 * j;
        String region = "528.55:529.25,521.1:521.9"; // cells 3..6 x 5..8 of A (and their neighbours in B)
        double[] ta = truth(exA, emA, 1.0), tb = truth(exB, emB, 0.7);
        double[] sa = sigmas(exA, emA, ta), sb = sigmas(exB, emB, tb);
        java.util.Random rnd = new java.util.Random(20261129L);
        int n = 3000;
        double[] sum = null, sum2 = null, stated = null;
        for (int r = 0; r < n; r++) {
            RixsMap a = RixsMap.of("A", exA, emA, noisy(ta, sa, rnd), sa), b = RixsMap.of("B", exB, emB, noisy(tb, sb, rnd), sb);
            RixsMap d = new DifferenceMap().apply(new DifferenceMap.MapPair(a, b), new DifferenceMap.Parameters(region)).value().difference();
            if (sum == null) { sum = new double[d.data().length]; sum2 = new double[sum.length]; stated = new double[sum.length]; }
            for (int k = 0; k < sum.length; k++) { sum[k] += d.data()[k]; sum2[k] += d.data()[k] * d.data()[k]; stated[k] += d.errors()[k] / n; }
        }
        double[] ratio = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            double mean = sum[k] / n, sd = Math.sqrt((sum2[k] / n - mean * mean) * n / (n - 1));
            ratio[k] = sd / stated[k];
        }
        double[] sorted = ratio.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf(java.util.Locale.ROOT, "difference-map sigma, Monte Carlo: scatter / stated sigma median %.4f, min %.4f, max %.4f over %d cells%n",
            sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
        assertEquals(1, sorted[sorted.length / 2], 0.05, "median scatter / stated sigma");
        for (int k = 0; k < ratio.length; k++) assertEquals(1, ratio[k], 0.15, "cell " + k);
    }

    /** A smooth positive map: a band plus a peak (construction). */
    static double[] truth(double[] ex, double[] em, double peak) {
        double[] t = new double[ex.length * em.length];
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++)
                t[i * em.length + j] = 50 + 10 * (ex[i] - 528) + 80 * peak * Math.exp(-Math.pow(em[j] - 521.5, 2) - Math.pow(ex[i] - 529, 2));
        return t;
    }

    /** 10 % noise inside the normalisation region's emission band, 1 % elsewhere. */
    static double[] sigmas(double[] ex, double[] em, double[] t) {
        double[] s = new double[t.length];
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) s[i * em.length + j] = t[i * em.length + j] * (em[j] > 521 && em[j] < 522 ? 0.10 : 0.01);
        return s;
    }

    static double[] noisy(double[] t, double[] s, java.util.Random rnd) {
        double[] d = new double[t.length];
        for (int k = 0; k < d.length; k++) d[k] = t[k] + s[k] * rnd.nextGaussian();
        return d;
    }

    @Test
    void energyLossMapsCarrySigma() throws EdgeworksException {
        // loss step = emission step: every loss cell is one emission cell, so sigma is carried unchanged (0.25 everywhere)
        RixsMap base = sampled("A", 528, 532);
        double[] e = new double[base.data().length];
        java.util.Arrays.fill(e, 0.25);
        RixsMap a = RixsMap.of("A", base.excitation().values(), base.emission().values(), base.data(), e);
        RixsMap loss = new EnergyLossMap().apply(a, EnergyLossMap.Parameters.defaults()).value();
        double[] d = loss.data(), le = loss.errors();
        int inside = 0;
        for (int k = 0; k < d.length; k++) if (d[k] != 0) { assertEquals(0.25, le[k], 1e-9); inside++; }
        assertTrue(inside > 100);
    }

    @Test
    void mapFromReducedSpectraNormalisesSortsAndRegrids() throws EdgeworksException {
        double[] ex = {531, 530, 530}; // descending, with a repeat
        double[] em = {525, 524, 523, 522}; // descending channels
        double[][] counts = {{4, 4, 4, 4}, {2, 2, 2, 2}, {6, 6, 6, 6}};
        double[] i0 = {2, 1, 2};
        var r = new MapFromSpectra().apply(new EmissionSpectra("s", ex, em, counts, i0, null), MapFromSpectra.Parameters.defaults());
        RixsMap m = r.value();
        assertArrayEquals(new double[] {530, 531}, m.excitation().values(), 0);
        assertArrayEquals(new double[] {522, 523, 524, 525}, m.emission().values(), 1e-12);
        assertEquals((2 / 1.0 + 6 / 2.0) / 2, m.get(0, 0), 1e-12);
        assertEquals(2, m.get(1, 3), 1e-12);
        assertTrue(String.join(";", r.provenance().notes()).contains("averaged 1 repeated"), r.provenance().notes().toString());
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new MapFromSpectra().apply(
            new EmissionSpectra("s", ex, em, counts, new double[] {1, 0, 1}, null), MapFromSpectra.Parameters.defaults()));
        assertTrue(e.getMessage().contains("I0"), e.getMessage());
    }
}
