package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The alignment shift's standard error is honest: over noise realisations of a constructed edge
 * moved by a known offset (the truth from the construction, never from the code), the pulls
 * (shift - truth) / stated sigma are never larger than unit scatter allows.
 */
class AlignStderrTest {

    /** 0.1 + arctan step of width 1.5 eV at e0 + a Gaussian white line 4 eV above, on 0.25 eV steps, plus Gaussian noise. */
    static Spectrum edge(String name, double e0, double noise, Random rnd) {
        int n = 801;
        double[] e = new double[n], mu = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 7030.07 + 0.25 * i;
            double x = e[i] - e0;
            mu[i] = 0.1 + 0.5 + Math.atan(x / 1.5) / Math.PI + 0.6 * Math.exp(-(x - 4) * (x - 4) / 8) + noise * rnd.nextGaussian();
        }
        return Spectrum.of(name, e, mu);
    }

    /**
     * Pulls (shift - truth) / stated sigma over noise realisations: never understated (pull scatter at
     * most 1.3, |mean| within 1.2: the method's own small pull towards grid nodes included), and not
     * inflated beyond about 2x (scatter at least 0.45). Sample edges 1.3 eV and 0 eV from the reference's.
     */
    @Test
    void pullsOfTheShiftAreNeverUnderstated() throws Exception {
        int runs = 30;
        for (double offset : new double[] {1.3, 0})
            for (double noise : new double[] {2e-3, 1e-2}) {
                Random rnd = new Random(20261130L + (long) (noise * 1e5) + (long) (offset * 10));
                double sum = 0, sum2 = 0, stated = 0;
                for (int k = 0; k < runs; k++) {
                    Spectrum ref = edge("ref", 7112.0, noise, rnd), sample = edge("sample", 7112.0 + offset, noise, rnd);
                    var a = new AlignProcessor().apply(new AlignProcessor.Input(ref, sample), AlignProcessor.Params.defaults()).value();
                    assertTrue(a.shiftStderr() > 0, "stated sigma " + a.shiftStderr());
                    double pull = (a.shift() + offset) / a.shiftStderr(); // truth: the sample must move by -offset
                    sum += pull;
                    sum2 += pull * pull;
                    stated += a.shiftStderr() / runs;
                }
                double mean = sum / runs, sd = Math.sqrt((sum2 - runs * mean * mean) / (runs - 1));
                System.out.printf(java.util.Locale.ROOT, "align offset %.1f eV, noise %.3g: stated sigma %.4f eV, pull mean %.2f, pull sd %.2f (%d runs)%n",
                    offset, noise, stated, mean, sd, runs);
                assertTrue(sd < 1.3 && sd > 0.45, "pull scatter " + sd + " (stated sigma " + stated + " eV)");
                assertTrue(Math.abs(mean) < 1.2, "pull mean " + mean);
            }
    }

    @Test
    void noNoiseNoSigma() throws Exception {
        Random quiet = new Random(1);
        Spectrum ref = edge("ref", 7112.0, 0, quiet), sample = edge("sample", 7113.3, 0, quiet);
        var a = new AlignProcessor().apply(new AlignProcessor.Input(ref, sample), AlignProcessor.Params.defaults()).value();
        assertEquals(-1.3, a.shift(), 0.01);
        assertTrue(a.shiftStderr() < 1e-3, "sigma of noise-free data " + a.shiftStderr());
    }
}
