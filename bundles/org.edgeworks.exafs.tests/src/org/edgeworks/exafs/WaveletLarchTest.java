package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.edgeworks.exafs.WaveletProcessor.Wavelet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cauchy_wavelet against Larch 0.9.58 (peers/exafs/ID.wavelet.csv: kweight 2, rmax_out 10, nfft
 * 2048, modulus for r <= 6 A written with 6 significant digits): same grid, every value within
 * 1e-5 of the largest modulus (the file's rounding is 5e-6 relative).
 */
class WaveletLarchTest {
    static Stream<String> ids() { return Stream.of("cu_foil_13id", "balder_Cu_foil_23068", "mn_MnO_good_100", "zn_ZnSe"); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void modulusAsLarch(String id) throws Exception {
        Wavelet w = new WaveletProcessor().apply(ExafsPeers.chi(id), WaveletProcessor.Params.defaults()).value().cut(6.0);
        double[][] peer = ExafsPeers.csv(ExafsPeers.exafs(id + ".wavelet.csv"));
        int nk = w.k().length, nr = w.r().length;
        assertEquals(peer[0].length, nk * nr, "points (k x r)");
        double max = 0, worst = 0;
        for (double v : peer[2]) max = Math.max(max, v);
        for (int i = 0; i < peer[0].length; i++) {
            int kk = i / nr, rr = i % nr;
            assertEquals(peer[0][i], w.k()[kk], 1e-9);
            assertEquals(peer[1][i], w.r()[rr], 1e-5 * Math.max(1, peer[1][i]));
            worst = Math.max(worst, Math.abs(peer[2][i] - w.modulus()[rr][kk]));
        }
        System.out.printf("AGREE wavelet %s max|dW|/max %.3g%n", id, worst / max);
        assertTrue(worst <= 1e-5 * max, id + ": max |W - Larch| = " + worst + " of " + max);
    }
}
