package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.edgeworks.exafs.FourierTransformProcessor.ChiR;
import org.edgeworks.exafs.FourierTransformProcessor.Params;
import org.edgeworks.exafs.kernel.XafsFt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * xftf against Larch 0.9.58 on the same chi(k) (peers/exafs/ID.chi.csv -> ID.chir.csv: kmin 3,
 * kmax 12, dk 1, hanning, kweight 2, nfft 2048, kstep 0.05, rmax_out 10): every R point within
 * 1e-6 of the largest |chi(R)| (the peer file keeps 10 significant digits), and the first-shell
 * peak refined as the peer script does it.
 */
class FourierTransformLarchTest {
    static Stream<String> ids() { return Stream.of(ExafsPeers.IDS); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void chirAsLarch(String id) throws Exception {
        JsonNode call = ExafsPeers.json(id + ".autobk.json").get("xftf").get("call");
        Params p = new Params(call.get("kmin").asDouble(), call.get("kmax").asDouble(), call.get("dk").asDouble(),
            Window.parse(call.get("window").asText()), call.get("kweight").asDouble(), call.get("rmax_out").asDouble(),
            call.get("nfft").asInt(), call.get("kstep").asDouble());
        ChiR r = new FourierTransformProcessor().apply(ExafsPeers.chi(id), p).value();
        double[][] peer = ExafsPeers.csv(ExafsPeers.exafs(id + ".chir.csv"));
        assertEquals(peer[0].length, r.r().length, "R points");
        double max = 0, worst = 0, worstRel = 0;
        for (double v : peer[1]) max = Math.max(max, v);
        for (int i = 0; i < r.r().length; i++) {
            assertEquals(peer[0][i], r.r()[i], 1e-6, "r[" + i + "]");
            for (int c = 1; c <= 3; c++) {
                double mine = c == 1 ? r.mag()[i] : c == 2 ? r.re()[i] : r.im()[i];
                double d = Math.abs(mine - peer[c][i]);
                worst = Math.max(worst, d);
                if (Math.abs(peer[c][i]) > 0.01 * max) worstRel = Math.max(worstRel, d / Math.abs(peer[c][i]));
            }
        }
        JsonNode fs = ExafsPeers.json(id + ".autobk.json").get("xftf").get("first_shell");
        double[] peak = peak(r.r(), r.mag(), fs.get("rwindow").get(0).asDouble(), fs.get("rwindow").get(1).asDouble());
        System.out.printf("AGREE xftf %s max|dchir|/max %.3g, rel %.3g, r_peak %.4f (Larch %.4f)%n", id, worst / max, worstRel,
            peak[0], fs.get("r_peak").asDouble());
        assertTrue(worst <= 1e-6 * max, id + ": max |chir - Larch| = " + worst + " of " + max);
        assertEquals(fs.get("r_peak").asDouble(), peak[0], 1e-6, "first-shell peak R");
        assertEquals(fs.get("chir_mag_peak").asDouble(), peak[1], 1e-6 * max, "first-shell peak height");
    }

    /** Largest sample in [lo, hi] refined by the vertex of the parabola through it and its neighbours. */
    static double[] peak(double[] r, double[] m, double lo, double hi) {
        int best = -1;
        for (int i = 0; i < r.length; i++) if (r[i] >= lo && r[i] <= hi && (best < 0 || m[i] > m[best])) best = i;
        double y0 = m[best - 1], y1 = m[best], y2 = m[best + 1];
        double d = 0.5 * (y0 - y2) / (y0 - 2 * y1 + y2);
        return new double[] {r[best] + d * (r[best + 1] - r[best]), y1 - 0.25 * (y0 - y2) * d};
    }

    /** A pure sine chi = sin(2 k R0) with kweight 0 peaks at R0 (hand reasoning, no peer). */
    @Test
    void sinePeaksAtItsDistance() throws Exception {
        double r0 = 2.5;
        double[] k = XafsFt.grid(0.05, 401), chi = new double[401];
        for (int i = 0; i < k.length; i++) chi[i] = Math.sin(2 * k[i] * r0);
        ChiR r = new FourierTransformProcessor().apply(new Chi("sine", k, chi, null),
            new Params(2, 18, 1, Window.HANNING, 0, 10, 2048, 0.05)).value();
        assertEquals(r0, peak(r.r(), r.mag(), 1, 4)[0], 0.005);
        // linearity: twice the signal, twice the transform
        for (int i = 0; i < chi.length; i++) chi[i] *= 2;
        ChiR r2 = new FourierTransformProcessor().apply(new Chi("sine", k, chi, null),
            new Params(2, 18, 1, Window.HANNING, 0, 10, 2048, 0.05)).value();
        for (int i = 0; i < r.r().length; i++) assertEquals(2 * r.re()[i], r2.re()[i], 1e-12 * (1 + Math.abs(r2.re()[i])));
    }

    /** Every window is 1 inside [kmin + dk/2, kmax - dk/2] (bar kaiser and gaussian) and 0 far outside. */
    @Test
    void windowsPlateauAndZero() {
        double[] k = XafsFt.grid(0.05, 400);
        for (Window w : Window.values()) {
            double[] f = XafsFt.window(k, 3, 12, 1, 1, w);
            if (w != Window.KAISER && w != Window.GAUSSIAN && w != Window.SINE) assertEquals(1.0, f[(int) (7 / 0.05)], 1e-12, w.label());
            if (w != Window.GAUSSIAN) assertEquals(0.0, f[(int) (1 / 0.05)], 1e-12, w.label());
            assertEquals(w, Window.parse(w.label().toUpperCase()));
        }
    }
}
