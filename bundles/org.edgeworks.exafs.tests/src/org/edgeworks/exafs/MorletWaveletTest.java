package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.WaveletProcessor.Params;
import org.edgeworks.exafs.WaveletProcessor.Wavelet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Morlet wavelet transform (Funke, Scheinost, Chukalina, Phys. Rev. B 71, 094110 (2005)) against
 * (1) a direct numerical integration written with numpy (resources/peers/morlet_numpy.py, run with
 * /usr/bin/python3; it shares no code with Edgeworks) on Larch's chi(k) of the Cu foil, and (2) a
 * synthetic single shell built here (a sine of frequency 2R under a Gaussian envelope centred at k0):
 * the ridge lies at the constructed (k0, R) with the modulus the closed form gives; linear in chi.
 */
class MorletWaveletTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "kweight {0}, eta {1}, sigma {2}")
    @CsvSource({"2, 10, 1", "1, 6, 1.5"})
    void equalsADirectNumpyIntegral(double kweight, double eta, double sigma) throws Exception {
        Path chiCsv = ExafsPeers.exafs("cu_foil_13id.chi.csv");
        Wavelet w = new WaveletProcessor().apply(ExafsPeers.chi("cu_foil_13id"), Params.morlet(kweight, 10, eta, sigma)).value();
        Path out = dir.resolve("numpy.csv");
        Path script = Path.of("resources/peers/morlet_numpy.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), chiCsv.toString(), String.valueOf(kweight),
            String.valueOf(eta), String.valueOf(sigma), "10", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        List<String> lines = Files.readAllLines(out);
        int nr = w.r().length, nk = w.k().length;
        assertEquals(nr * nk, lines.size() - 1, "numpy grid points (r x k)");
        double max = 0, worst = 0;
        for (double[] row : w.modulus()) for (double v : row) max = Math.max(max, v);
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            int i = Integer.parseInt(c[0]), j = Integer.parseInt(c[1]);
            worst = Math.max(worst, Math.abs(w.re()[i][j] - Double.parseDouble(c[2])));
            worst = Math.max(worst, Math.abs(w.im()[i][j] - Double.parseDouble(c[3])));
        }
        System.out.printf("AGREE morlet numpy kw %s eta %s sigma %s max|dW|/max|W| %.3g%n", kweight, eta, sigma, worst / max);
        assertTrue(max > 0.1, "a visible transform: max |W| " + max);
        assertTrue(worst <= 1e-10 * max, "max |W - numpy| = " + worst + " of " + max);
    }

    /** chi = a exp(-(k - k0)^2 / (2 g^2)) sin(2 R k) on 0..20 1/A, step 0.05; R a point of the R grid. */
    static Chi shell(double a, double k0, double g, double rShell) {
        int n = 401;
        double[] k = new double[n], chi = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = 0.05 * i;
            chi[i] = a * Math.exp(-(k[i] - k0) * (k[i] - k0) / (2 * g * g)) * Math.sin(2 * rShell * k[i]);
        }
        return new Chi("shell", k, chi, null);
    }

    @Test
    void theRidgeOfASingleShellLiesAtTheConstructedKAndR() throws Exception {
        // R grid of rmax_out 10 with kstep 0.05: linspace(0, 10, 326); R = its point 82
        double rShell = 10.0 * 82 / 325, k0 = 8, g = 2, a = 0.7, eta = 10, sigma = 1;
        Wavelet w = new WaveletProcessor().apply(shell(a, k0, g, rShell), Params.morlet(0, 10, eta, sigma)).value();
        assertEquals(326, w.r().length);
        assertEquals(rShell, w.r()[82], 1e-12);
        int bi = 0, bj = 0;
        for (int i = 0; i < w.r().length; i++)
            for (int j = 0; j < w.k().length; j++)
                if (w.modulus()[i][j] > w.modulus()[bi][bj]) { bi = i; bj = j; }
        assertEquals(rShell, w.r()[bi], 1e-12, "ridge R");
        assertEquals(k0, w.k()[bj], 1e-12, "ridge k");
        // closed form at (k0, R): (a/2) g / (sqrt(2R/eta) sqrt(g^2 + (eta sigma / 2R)^2)) (the class comment's
        // Gaussian integral; the negative-frequency half contributes exp(-(2 eta sigma)^2 / 2) ~ 1e-87)
        double sk = eta * sigma / (2 * rShell);
        double expected = a / 2 * g / (Math.sqrt(2 * rShell / eta) * Math.sqrt(g * g + sk * sk));
        assertEquals(expected, w.modulus()[82][160], 1e-7 * expected, "modulus at the ridge");
        // a second shell further out: its own ridge at its own R
        double r2 = 10.0 * 130 / 325;
        Wavelet w2 = new WaveletProcessor().apply(shell(a, 11, 1.5, r2), Params.morlet(0, 10, eta, sigma)).value();
        int ci = 0;
        for (int i = 0; i < w2.r().length; i++) if (w2.modulus()[i][220] > w2.modulus()[ci][220]) ci = i;
        assertEquals(r2, w2.r()[ci], 1e-12, "second shell's ridge R at k = 11");
    }

    @Test
    void theTransformIsLinearInChi() throws Exception {
        Chi s1 = shell(1, 7, 2, 2.2), s2 = shell(1, 10, 1.5, 3.1);
        double[] mix = new double[s1.k().length];
        for (int i = 0; i < mix.length; i++) mix[i] = 0.3 * s1.chi()[i] - 1.7 * s2.chi()[i];
        Params p = Params.morlet(2, 10, 10, 1);
        WaveletProcessor wp = new WaveletProcessor();
        Wavelet w1 = wp.apply(s1, p).value(), w2 = wp.apply(s2, p).value();
        Wavelet wm = wp.apply(new Chi("mix", s1.k(), mix, null), p).value();
        double max = 0, worst = 0;
        for (int i = 0; i < wm.r().length; i++)
            for (int j = 0; j < wm.k().length; j++) {
                max = Math.max(max, wm.modulus()[i][j]);
                worst = Math.max(worst, Math.abs(wm.re()[i][j] - (0.3 * w1.re()[i][j] - 1.7 * w2.re()[i][j])));
                worst = Math.max(worst, Math.abs(wm.im()[i][j] - (0.3 * w1.im()[i][j] - 1.7 * w2.im()[i][j])));
            }
        assertTrue(worst <= 1e-12 * max, "W(0.3 a - 1.7 b) - (0.3 W(a) - 1.7 W(b)) = " + worst + " of " + max);
    }

    @Test
    void cauchyStaysTheDefaultAndBadMorletSettingsAreRefusedInOneLine() {
        assertEquals(WaveletProcessor.Kind.CAUCHY, Params.defaults().wavelet());
        assertEquals(WaveletProcessor.Kind.MORLET, WaveletProcessor.Kind.parse(" Morlet "));
        assertThrows(IllegalArgumentException.class, () -> WaveletProcessor.Kind.parse("haar"));
        Chi c = shell(1, 8, 2, 2.5);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new WaveletProcessor().apply(c, Params.morlet(2, 10, 3, 1)));
        assertTrue(e.getMessage().contains("eta x sigma = 3") && !e.getMessage().contains("\n"), e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> new WaveletProcessor().apply(c, Params.morlet(2, 10, 10, -1)));
        assertTrue(e.getMessage().contains("sigma must be > 0"), e.getMessage());
    }
}
