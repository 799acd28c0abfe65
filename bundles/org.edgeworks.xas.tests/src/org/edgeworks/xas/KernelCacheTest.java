package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.edgeworks.testsupport.XanesEdges;
import org.edgeworks.xas.kernel.CubicSpline;
import org.edgeworks.xas.kernel.LinearCombination;
import org.edgeworks.xas.kernel.Normalizer;
import org.junit.jupiter.api.Test;

/**
 * The normalisation and LCF kernels keep what depends only on the energy grid from spectrum to
 * spectrum (image stacks: every pixel on one grid). A work space reused over many grids, spectra
 * and settings, in an order that makes the caches hit, miss and go stale, must give exactly the
 * bits a fresh work space gives: the single-spectrum commands (a cache of one) and the stack
 * (a warm cache) then compute the same numbers. Spectra come from XanesEdges' formulas (no
 * production code) with E0 spread over many grid points, so the fit ranges move.
 */
class KernelCacheTest {
    private static List<double[]> grids() {
        List<double[]> g = new ArrayList<>();
        g.add(XanesEdges.grid(6539));
        g.add(XanesEdges.grid(8979));
        double[] even = new double[100]; // the bench stack's kind of grid: 100 points, 3 eV
        for (int i = 0; i < even.length; i++) even[i] = 6400 + 3.0 * i;
        g.add(even);
        return g;
    }

    private static double[] spectrum(double[] e, int k) {
        double e0 = e[e.length / 3] + 1.7 * (k % 5) - 3.1 * (k % 3);
        return XanesEdges.kEdge(e, e0, 0.8 + 0.1 * k, 1.5 + 0.2 * (k % 4), new double[] {0.2, -1e-4 * (k % 3), 1e-8 * k}, null, 0.002, 11 + k);
    }

    private static List<NormalizeProcessor.Params> settings() {
        return List.of(NormalizeProcessor.Params.defaults(),
            new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, null, null, null, null, null, 2, null, Normalization.EDGE_STEP),
            new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, -50.0, -15.0, 30.0, 150.0, 1, 0, null, Normalization.EDGE_STEP),
            new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, null, null, null, null, 3, 1, null, Normalization.EDGE_STEP),
            new NormalizeProcessor.Params(E0Method.HALF_STEP, null, null, null, null, null, null, 0, null, Normalization.AREA));
    }

    @Test
    void aNormalizerReusedAcrossGridsSpectraAndSettingsGivesTheBitsOfAFreshOne() {
        Normalizer reused = new Normalizer();
        List<double[]> grids = grids();
        int compared = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (NormalizeProcessor.Params p : settings()) {
                for (int k = 0; k < 8; k++) {
                    for (double[] e : grids) { // the grid changes on every call: caches dropped and rebuilt
                        if (compare(new Normalizer(), reused, e, spectrum(e, k), p)) compared++;
                    }
                }
                // and many spectra on one grid in a row, as a stack's pixels come
                double[] e = grids.get(2);
                for (int k = 0; k < 40; k++) {
                    if (compare(new Normalizer(), reused, e, spectrum(e, k), p)) compared++;
                }
            }
        }
        assertTrue(compared > 400, compared + " spectra compared");
    }

    @Test
    void aCallersGridChangedInPlaceIsNoticed() {
        double[] e = grids().get(2).clone();
        double[] mu = spectrum(e, 3);
        Normalizer reused = new Normalizer();
        assertTrue(compare(new Normalizer(), reused, e, mu, NormalizeProcessor.Params.defaults()));
        for (int i = 0; i < e.length; i++) e[i] += 0.5 * i / e.length; // same array, other energies
        assertTrue(compare(new Normalizer(), reused, e, mu, NormalizeProcessor.Params.defaults()));
    }

    /** Runs both work spaces; the same refusal, or the same choices and the same bits in every array. True when normalised. */
    private static boolean compare(Normalizer fresh, Normalizer reused, double[] e, double[] mu, NormalizeProcessor.Params p) {
        Normalizer.Outcome want, got;
        try {
            want = NormalizeProcessor.normalizeInto(fresh, e, mu, p);
        } catch (Normalizer.Refused r) {
            Normalizer.Refused again = assertThrows(Normalizer.Refused.class, () -> NormalizeProcessor.normalizeInto(reused, e, mu, p));
            assertEquals(r.problem(), again.problem());
            return false;
        }
        try {
            got = NormalizeProcessor.normalizeInto(reused, e, mu, p);
        } catch (Normalizer.Refused r) {
            throw new AssertionError("the reused work space refused what a fresh one normalised: " + r.problem());
        }
        assertEquals(want, got); // records compare their doubles bit for bit (Double.compare)
        int n = e.length;
        assertArrayEquals(Arrays.copyOf(fresh.pre(), n), Arrays.copyOf(reused.pre(), n));
        assertArrayEquals(Arrays.copyOf(fresh.post(), n), Arrays.copyOf(reused.post(), n));
        assertArrayEquals(Arrays.copyOf(fresh.norm(), n), Arrays.copyOf(reused.norm(), n));
        assertArrayEquals(Arrays.copyOf(fresh.flat(), n), Arrays.copyOf(reused.flat(), n));
        assertArrayEquals(fresh.preCoefficients(), reused.preCoefficients());
        assertArrayEquals(fresh.postCoefficients(), reused.postCoefficients());
        return true;
    }

    @Test
    void aLinearCombinationReusedOverTargetsGivesTheBitsOfAFreshOne() {
        double[] e = XanesEdges.grid(6539);
        double[][] refs = new double[4][];
        for (int j = 0; j < refs.length; j++)
            refs[j] = XanesEdges.kEdge(e, 6535 + 3 * j, 1.0, 1.0 + 0.7 * j, new double[] {0.05 * j}, null, 0, 1);
        CubicSpline[] splines = new CubicSpline[refs.length];
        for (int j = 0; j < refs.length; j++) splines[j] = CubicSpline.of(e, refs[j]);
        int from = 0, to = 0;
        while (e[from] < 6519) from++;
        to = from;
        while (to < e.length && e[to] <= 6569) to++;
        double[] x = Arrays.copyOfRange(e, from, to);
        Random rnd = new Random(5);
        int[] all = {0, 1, 2, 3};
        int faces = 0;
        for (boolean nonNegative : new boolean[] {true, false}) {
            for (boolean sumToOne : new boolean[] {false, true}) {
                for (int[] subset : new int[][] {all, {0, 2, 3}, {1, 2}}) {
                    LinearCombination reused = new LinearCombination(x, new double[x.length], splines);
                    for (int t = 0; t < 60; t++) {
                        // weights of either sign (negative ones push the non-negative fit onto a face), noise
                        double[] w = {rnd.nextDouble() * 1.2 - 0.2, rnd.nextDouble() - 0.3, rnd.nextDouble(), rnd.nextDouble() * 0.5};
                        double[] y = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            for (int j = 0; j < refs.length; j++) y[i] += w[j] * refs[j][from + i];
                            y[i] += 0.003 * rnd.nextGaussian();
                        }
                        reused.retarget(y);
                        LinearCombination.Fit got = reused.fit(subset, nonNegative, sumToOne, false, 0);
                        LinearCombination.Fit want = new LinearCombination(x, y.clone(), splines).fit(subset, nonNegative, sumToOne, false, 0);
                        assertArrayEquals(want.weights(), got.weights());
                        assertArrayEquals(want.weightErrors(), got.weightErrors());
                        for (int j = 0; j < subset.length; j++) assertArrayEquals(want.weightCovariance()[j], got.weightCovariance()[j]);
                        assertEquals(want.chi2(), got.chi2(), 0.0);
                        assertEquals(want.rFactor(), got.rFactor(), 0.0);
                        assertArrayEquals(want.fit(), got.fit());
                        assertEquals(want.notes(), got.notes());
                        for (double v : got.weights()) if (v == 0) faces++;
                    }
                }
            }
        }
        assertTrue(faces > 50, faces + " weights held at 0: the active-set faces were exercised");
    }
}
