package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.LcfProcessor.Params;
import org.junit.jupiter.api.Test;

/**
 * The LCF weights' stderr covers the edge-step errors of the normalisations (docs/science.md#xas-lcf):
 * references and mixtures built here (arctan edges with Gaussian white lines, already normalised;
 * no production function makes them), with the sample's noise and an edge-step error of known size
 * drawn per seed for the sample and for each reference (each spectrum divided by 1 + eps, eps normal
 * with the sigma given to the fit). Over many seeds the scatter of (weight - truth) / stderr is near 1,
 * where (weight - truth) / stderr_fit (the fit's alone, Larch lincombo_fit's) is several times wider.
 * <p>
 * Band: with N seeds the sample standard deviation of N unit normals scatters by 1/sqrt(2N) (0.035 for
 * N = 400); [0.85, 1.15] is about four of those, and the first-order propagation leaves errors of
 * order eps^2 (1e-3 relative here), far inside it.
 */
class LcfStepErrorTest {
    static final double[] TRUTH = {0.5, 0.2, 0.3};
    /** Relative edge-step errors: the sample's, then each reference's. */
    static final double[] STEP_SIGMA = {0.02, 0.015, 0.03, 0.01};
    static final double NOISE = 0.004;
    static final int SEEDS = 400;
    static final double LO = 6525, HI = 6595;

    /** Normalised reference j (0..2) at energy e: an arctan edge of unit step and a white line, the edges 4 eV apart. */
    static double reference(int j, double e) {
        double e0 = 6545 + 4 * j;
        double step = 0.5 + Math.atan((e - e0) / 1.5) / Math.PI;
        double x = (e - e0 - 3 - j) / 2.0;
        return step + (0.6 + 0.3 * j) * Math.exp(-0.5 * x * x);
    }

    static double[] grid() {
        double[] e = new double[321];
        for (int i = 0; i < e.length; i++) e[i] = 6520 + 0.25 * i;
        return e;
    }

    /** (weight - truth) / stderr and / stderr_fit per reference and for the sum, over the seeds. */
    record Scatter(double[][] total, double[][] fit) {
        static double sd(double[] z) {
            double m = mean(z), s = 0;
            for (double v : z) s += (v - m) * (v - m);
            return Math.sqrt(s / (z.length - 1));
        }

        static double mean(double[] z) {
            double m = 0;
            for (double v : z) m += v;
            return m / z.length;
        }
    }

    static Scatter run(Params p) throws EdgeworksException {
        double[] e = grid();
        double[][] z = new double[4][SEEDS], zf = new double[4][SEEDS];
        // one generator for all the realisations: java.util.Random seeded 1000, 1001, ... gives correlated first draws
        Random rnd = new Random(20261130);
        for (int seed = 0; seed < SEEDS; seed++) {
            double[] eps = new double[4];
            for (int k = 0; k < 4; k++) eps[k] = STEP_SIGMA[k] * rnd.nextGaussian();
            double[] y = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                double mix = 0;
                for (int j = 0; j < 3; j++) mix += TRUTH[j] * reference(j, e[i]);
                y[i] = (mix + NOISE * rnd.nextGaussian()) / (1 + eps[0]);
            }
            List<Spectrum> refs = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                double[] r = new double[e.length];
                for (int i = 0; i < e.length; i++) r[i] = reference(j, e[i]) / (1 + eps[j + 1]);
                refs.add(Spectrum.of("R" + j, e, r));
            }
            var res = new LcfProcessor().apply(new LcfProcessor.Input(Spectrum.of("mix", e, y), refs, null, STEP_SIGMA[0],
                List.of(STEP_SIGMA[1], STEP_SIGMA[2], STEP_SIGMA[3])), p).value();
            for (int j = 0; j < 3; j++) {
                var c = res.components().get(j);
                z[j][seed] = (c.weight() - TRUTH[j]) / c.stderr();
                zf[j][seed] = (c.weight() - TRUTH[j]) / c.stderrFit();
            }
            z[3][seed] = (res.sum() - 1) / res.sumStderr();
            zf[3][seed] = (res.sum() - 1) / res.sumStderrFit();
        }
        return new Scatter(z, zf);
    }

    static void print(String what, Scatter s, int rows) {
        String[] names = {"R0", "R1", "R2", "sum"};
        for (int k = 0; k < rows; k++)
            System.out.printf(Locale.ROOT, "%s %-4s sd((w-truth)/stderr) %.3f  mean %+.3f  sd((w-truth)/stderr_fit) %.2f%n", what, names[k],
                Scatter.sd(s.total()[k]), Scatter.mean(s.total()[k]), Scatter.sd(s.fit()[k]));
    }

    @Test
    void totalStderrCoversTheEdgeStepErrorsTheFitsAloneDoesNot() throws EdgeworksException {
        Scatter s = run(Params.defaults().window(LO, HI));
        print("free weights", s, 4);
        for (int k = 0; k < 4; k++) {
            double sd = Scatter.sd(s.total()[k]);
            assertTrue(sd > 0.85 && sd < 1.15, "component " + k + ": scatter of (w - truth)/stderr " + sd);
            assertEquals(0, Scatter.mean(s.total()[k]), 0.15, "component " + k + ": no bias beyond 0.15 stderr");
            assertTrue(Scatter.sd(s.fit()[k]) > 3, "component " + k + ": the fit's stderr alone under-covers: " + Scatter.sd(s.fit()[k]));
        }
    }

    /** With energy shifts fitted (each reference shifted in the fit, bound 1 eV) the weights' stderr covers as well. */
    @Test
    void withShiftsToo() throws EdgeworksException {
        Scatter s = run(new Params(LO, HI, true, false, true, 1.0, 0, 1));
        print("with shifts", s, 4);
        for (int k = 0; k < 4; k++) {
            double sd = Scatter.sd(s.total()[k]);
            assertTrue(sd > 0.85 && sd < 1.15, "component " + k + ": scatter of (w - truth)/stderr " + sd);
            assertTrue(Scatter.sd(s.fit()[k]) > 3, "component " + k + ": the fit's stderr alone under-covers: " + Scatter.sd(s.fit()[k]));
        }
    }

    /**
     * Under sum-to-one the sample's scale error cannot move the weights' sum: it goes into the
     * residual, which raises the fit's own stderr (the total counts the noise alone there). The fit is
     * then non-linear in the references' scales when the references are alike (a weight's response to
     * eps changes by about a third per 0.01 of eps here), so the first-order stderr may be larger than
     * the scatter: band [0.75, 1.15], never below it by more than the seeds' own scatter.
     */
    @Test
    void sumToOneCoversToo() throws EdgeworksException {
        Params p = new Params(LO, HI, true, true, false, 1.0, 0, 1);
        Scatter s = run(p);
        print("sum to one", s, 3);
        for (int k = 0; k < 3; k++) {
            double sd = Scatter.sd(s.total()[k]);
            assertTrue(sd > 0.75 && sd < 1.15, "component " + k + ": scatter of (w - truth)/stderr " + sd);
            assertTrue(Scatter.sd(s.fit()[k]) > 2, "component " + k + ": the fit's stderr alone under-covers: " + Scatter.sd(s.fit()[k]));
        }
    }

    /** Without edge-step errors (inputs given normalised) stderr is the fit's, and a warning says what it lacks. */
    @Test
    void unknownStepErrorsAreSaidAndNotInvented() throws EdgeworksException {
        double[] e = grid();
        double[] y = new double[e.length];
        List<Spectrum> refs = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            double[] r = new double[e.length];
            for (int i = 0; i < e.length; i++) { r[i] = reference(j, e[i]); y[i] += TRUTH[j] * r[i]; }
            refs.add(Spectrum.of("R" + j, e, r));
        }
        Random rnd = new Random(7);
        for (int i = 0; i < e.length; i++) y[i] += NOISE * rnd.nextGaussian();
        var r = new LcfProcessor().apply(new LcfProcessor.Input(Spectrum.of("mix", e, y), refs, null), Params.defaults().window(LO, HI));
        for (var c : r.value().components()) assertEquals(c.stderrFit(), c.stderr(), 0.0, c.name());
        assertTrue(r.provenance().notes().stream().anyMatch(n -> n.startsWith("warning: mix: edge-step error not known for the sample, 'R0', 'R1', 'R2'")),
            r.provenance().notes().toString());
        // one reference known: only the others are named
        var known = new LcfProcessor().apply(new LcfProcessor.Input(Spectrum.of("mix", e, y), refs, null, 0.01, java.util.Arrays.asList(null, 0.02, null)),
            Params.defaults().window(LO, HI));
        assertTrue(known.provenance().notes().stream().anyMatch(n -> n.contains("not known for 'R0', 'R2' ")), known.provenance().notes().toString());
        var c1 = known.value().components().get(1);
        // free weights: sigma^2 = fit^2 + w^2 (s_sample^2 + s_1^2) (docs/science.md#xas-lcf), by hand
        double w = c1.weight();
        assertEquals(Math.sqrt(c1.stderrFit() * c1.stderrFit() + w * w * (0.01 * 0.01 + 0.02 * 0.02)), c1.stderr(), 1e-3 * c1.stderr());
        var bad = assertThrows(EdgeworksException.class, () -> new LcfProcessor().apply(new LcfProcessor.Input(Spectrum.of("mix", e, y), refs, null,
            -0.01, null), Params.defaults().window(LO, HI)));
        assertTrue(bad.getMessage().contains("sampleStepError") && bad.getMessage().contains("-0.01"), bad.getMessage());
    }
}
