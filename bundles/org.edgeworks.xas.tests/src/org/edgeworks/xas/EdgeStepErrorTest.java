package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The edge step's stderr ({@link NormalizeProcessor.Normalized#edgeStepStderr}, docs/science.md#xas-normalize)
 * is the scatter of the step over noise realisations. mu is built here so that the step is known
 * by construction: (a + b E) E^-nvict below the edge, plus s (1 + c (E - E0) + d (E - E0)^2) above
 * it, joined by a smooth ramp between E0 - 5 and E0 + 5 eV that no fit range touches; with E0 fixed
 * and the post-edge degree of the construction, post(E0) - pre(E0) = s exactly. Band: as
 * LcfStepErrorTest ([0.85, 1.15] for 400 seeds: sd of the sample sd 0.035).
 */
class EdgeStepErrorTest {
    static final double E0 = 6540, S = 1.3, NOISE = 0.01;
    static final int SEEDS = 400;

    static double[] mu(double[] e, int nvict, double c, double d, Random rnd) {
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double x = e[i] - E0;
            double above = S * (1 + c * x + d * x * x);
            double t = Math.min(1, Math.max(0, (x + 5) / 10));
            double ramp = t * t * (3 - 2 * t); // smoothstep: 0 below E0 - 5, 1 above E0 + 5
            mu[i] = (0.2 + 1e-4 * e[i]) * Math.pow(e[i], -nvict) * Math.pow(6500, nvict) + ramp * above + NOISE * rnd.nextGaussian();
        }
        return mu;
    }

    static double[] scatter(int nnorm, int nvict, double c, double d, double pre1, double pre2, double norm1, double norm2) throws EdgeworksException {
        double[] e = new double[481];
        for (int i = 0; i < e.length; i++) e[i] = E0 - 80 + 0.5 * i;
        NormalizeProcessor.Params p = new NormalizeProcessor.Params(E0Method.FIXED, E0, pre1, pre2, norm1, norm2, nnorm, nvict, null,
            Normalization.EDGE_STEP);
        double[] z = new double[SEEDS];
        double meanStated = 0;
        Random rnd = new Random(20261130); // one generator: java.util.Random seeded 50, 51, ... gives correlated first draws
        for (int seed = 0; seed < SEEDS; seed++) {
            var n = new NormalizeProcessor().apply(Spectrum.of("s", e, mu(e, nvict, c, d, rnd)), p).value();
            z[seed] = (n.edgeStep() - S) / n.edgeStepStderr();
            meanStated += n.edgeStepStderr() / SEEDS;
        }
        double m = 0, v = 0;
        for (double x : z) m += x / SEEDS;
        for (double x : z) v += (x - m) * (x - m) / (SEEDS - 1);
        System.out.printf(Locale.ROOT, "nnorm %d nvict %d post [%.0f, %.0f]: stated stderr %.5f, sd((step - s)/stderr) %.3f, mean %+.3f%n",
            nnorm, nvict, norm1, norm2, meanStated, Math.sqrt(v), m);
        return new double[] {Math.sqrt(v), m};
    }

    @Test
    void statedStepErrorIsTheScatterOfTheStep() throws EdgeworksException {
        // post-edge degree 0, 1, 2 (each as constructed), a short post-edge range far from E0, and nvict = 1
        double[][] cases = {{0, 0, 0, 0, -70, -20, 20, 150}, {1, 0, 0.002, 0, -70, -20, 20, 150}, {2, 0, 0.002, -1e-5, -70, -20, 20, 160},
            {0, 0, 0, 0, -30, -10, 30, 40}, {1, 1, 0.002, 0, -70, -20, 20, 150}};
        for (double[] k : cases) {
            double[] sd = scatter((int) k[0], (int) k[1], k[2], k[3], k[4], k[5], k[6], k[7]);
            assertTrue(sd[0] > 0.85 && sd[0] < 1.15, "nnorm " + k[0] + " nvict " + k[1] + ": scatter " + sd[0]);
            assertEquals(0, sd[1], 0.15, "no bias");
        }
    }

    @Test
    void aGivenStepIsExact() throws EdgeworksException {
        double[] e = new double[481];
        for (int i = 0; i < e.length; i++) e[i] = E0 - 80 + 0.5 * i;
        var n = NormalizeProcessor.normalize("s", e, mu(e, 0, 0, 0, new Random(1)),
            new NormalizeProcessor.Params(E0Method.FIXED, E0, null, null, null, null, null, 0, 1.25, Normalization.EDGE_STEP));
        assertEquals(0.0, n.edgeStepStderr(), 0.0);
        assertEquals(0.0, LcfProcessor.stepError(n), 0.0);
    }
}
