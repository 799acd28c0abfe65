package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.exafs.AutobkProcessor.Autobk;
import org.edgeworks.exafs.AutobkProcessor.Params;
import org.junit.jupiter.api.Test;

/**
 * chi's uncertainty from the input's sigma, checked by Monte Carlo on a synthetic mu(E) built
 * here (arctan edge, smooth post-edge decay, one damped sine in k; no production code): the
 * spread of chi over 200 noise draws matches the propagated sigma, and the mean chi is the
 * noise-free chi (AUTOBK is linear in mu to first order). Without sigma there is no uncertainty.
 */
class AutobkUncertaintyTest {
    static final double E0 = 9000, STEP = 1.5, NOISE = 0.003;

    static double[] energy() {
        double[] e = new double[700];
        for (int i = 0; i < e.length; i++) e[i] = E0 - 150 + i * (i < 200 ? 1.0 : 2.0) - (i < 200 ? 0 : 200);
        return e;
    }

    static double[] mu(double[] e) {
        double[] m = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double d = e[i] - E0;
            double k = d > 0 ? Math.sqrt(0.2624682843 * d) : 0;
            m[i] = 0.2 - 1e-5 * d + STEP * (0.5 + Math.atan(d / 2) / Math.PI) * (1 - 1e-4 * Math.max(d, 0))
                + (d > 0 ? STEP * 0.3 * Math.sin(2 * 2.5 * k) * Math.exp(-2 * 0.006 * k * k) / Math.max(k, 1) : 0);
        }
        return m;
    }

    @Test
    void propagatedSigmaMatchesMonteCarlo() throws Exception {
        double[] e = energy(), m0 = mu(e), sig = new double[e.length];
        Arrays.fill(sig, NOISE);
        Params p = Params.defaults().withE0(E0, STEP).withKweight(2);
        AutobkProcessor proc = new AutobkProcessor();
        Autobk clean = proc.apply(new Spectrum("syn", Axis.energy(e), m0, sig, "mu"), p).value();
        int nk = clean.k().length, draws = 200;
        double[] sum = new double[nk], sum2 = new double[nk];
        Random r = new Random(15);
        for (int d = 0; d < draws; d++) {
            double[] m = m0.clone();
            for (int i = 0; i < m.length; i++) m[i] += NOISE * r.nextGaussian();
            double[] chi = proc.apply(Spectrum.of("syn", e, m), p).value().chi();
            for (int i = 0; i < nk; i++) { sum[i] += chi[i]; sum2[i] += chi[i] * chi[i]; }
        }
        double worstRatio = 0, ratioSum = 0;
        int n = 0;
        for (int i = 0; i < nk; i++) {
            double k = clean.k()[i];
            if (k < 2 || k > clean.kmax() - 1) continue;
            double mean = sum[i] / draws, sd = Math.sqrt(sum2[i] / draws - mean * mean);
            double ratio = sd / clean.chiStderr()[i];
            worstRatio = Math.max(worstRatio, Math.abs(Math.log(ratio)));
            ratioSum += ratio;
            n++;
            assertEquals(clean.chi()[i], mean, 4 * sd / Math.sqrt(draws) + 1e-6, "mean chi at k=" + k);
        }
        System.out.printf("SIGMA autobk: mean MC/propagated %.3f, worst factor %.3f%n", ratioSum / n, Math.exp(worstRatio));
        assertEquals(1.0, ratioSum / n, 0.05, "mean ratio of Monte Carlo spread to propagated sigma");
        assertTrue(Math.exp(worstRatio) < 1.35, "worst pointwise ratio " + Math.exp(worstRatio));
        assertNull(proc.apply(Spectrum.of("syn", e, m0), p).value().chiStderr(), "no sigma in, none out");
    }

    @Test
    void refusalsAreOneLine() {
        double[] e = energy(), m = mu(e);
        EdgeworksException a = assertThrows(EdgeworksException.class,
            () -> new AutobkProcessor().apply(Spectrum.of("syn", e, m), Params.defaults().withE0(20000.0, 1.0)));
        assertTrue(a.getMessage().startsWith("syn: e0: 20000.0 eV is outside the data"), a.getMessage());
        EdgeworksException b = assertThrows(EdgeworksException.class,
            () -> new AutobkProcessor().apply(Spectrum.of("syn", e, m), Params.defaults().withE0(E0, 0.0)));
        assertTrue(b.getMessage().contains("edge_step"), b.getMessage());
    }
}
