package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

/**
 * {@code xas wavelet --wavelet cauchy|morlet}: on a synthetic single shell written here (sin(2 R k) under a
 * Gaussian envelope centred at k0 = 8 1/A, R = 2.523 A, a point of the R grid) the Morlet map's ridge is at
 * (k0, R); the NXprocess records eta and sigma; Cauchy stays the default; --eta without morlet and an
 * unknown wavelet are refused.
 */
class WaveletMorletCommandTest {
    @TempDir Path dir;

    Path shell() throws Exception {
        double rShell = 10.0 * 82 / 325;
        StringBuilder sb = new StringBuilder("k,chi\n");
        for (int i = 0; i <= 400; i++) {
            double k = 0.05 * i;
            sb.append(String.format(Locale.ROOT, "%.2f,%.12e%n", k, Math.exp(-(k - 8) * (k - 8) / 8) * (k == 0 ? 0 : Math.sin(2 * rShell * k) / (k * k))));
        }
        Path f = dir.resolve("shell.chi.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void morletRidgeOfASingleShellAndItsParametersInTheNexusFile() throws Exception {
        Path chi = shell(), out = dir.resolve("m");
        var r = org.edgeworks.cli.CliRun.of("xas", "wavelet", chi.toString(), "--wavelet", "morlet", "--kweight", "2", "--rmax", "6",
            "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (HdfFile h = new HdfFile(out.resolve("shell.wavelet.nxs"))) {
            double[][] mod = (double[][]) h.getDatasetByPath("/entry/wavelet/modulus").getData();
            double[] rr = (double[]) h.getDatasetByPath("/entry/wavelet/r").getData();
            double[] kk = (double[]) h.getDatasetByPath("/entry/wavelet/k").getData();
            int bi = 1, bj = 0;
            for (int i = 1; i < rr.length; i++)
                for (int j = 0; j < kk.length; j++) if (mod[i][j] > mod[bi][bj]) { bi = i; bj = j; }
            assertEquals(10.0 * 82 / 325, rr[bi], 1e-9, "ridge R");
            assertEquals(8.0, kk[bj], 1e-9, "ridge k");
            assertTrue(rr[rr.length - 1] <= 6, "R cut at --rmax");
            String params = (String) h.getDatasetByPath("/entry/process/parameters").getData();
            assertTrue(params.contains("\"wavelet\":\"morlet\"") && params.contains("\"eta\":10.0") && params.contains("\"sigma\":1.0"), params);
            assertTrue(((String) h.getDatasetByPath("/entry/title").getData()).contains("Morlet"));
        }
        assertTrue(Files.size(out.resolve("shell.wavelet.png")) > 1000);
    }

    @Test
    void cauchyIsTheDefaultAndMisusedOptionsAreRefused() throws Exception {
        Path chi = shell();
        var r = org.edgeworks.cli.CliRun.of("xas", "wavelet", chi.toString(), "--out", dir.resolve("c").toString());
        assertEquals(0, r.code(), r.err());
        try (HdfFile h = new HdfFile(dir.resolve("c/shell.wavelet.nxs"))) {
            String params = (String) h.getDatasetByPath("/entry/process/parameters").getData();
            assertTrue(params.contains("\"wavelet\":\"cauchy\"") && !params.contains("eta"), params);
        }
        var bad = org.edgeworks.cli.CliRun.of("xas", "wavelet", chi.toString(), "--eta", "8", "--out", dir.resolve("d").toString());
        assertEquals(org.edgeworks.cli.Main.EXIT_USAGE, bad.code()); // a refusal of the command line: exit 2
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(bad.err().contains("--eta and --sigma are parameters of --wavelet morlet"), bad.err());
        var unknown = org.edgeworks.cli.CliRun.of("xas", "wavelet", chi.toString(), "--wavelet", "haar", "--out", dir.resolve("e").toString());
        // --wavelet is generated from WaveletProcessor.Params: a bad value is refused in one line like every record option (a usage error, exit 2)
        assertEquals(org.edgeworks.cli.Main.EXIT_USAGE, unknown.code(), unknown.err());
        assertEquals("edgeworks: --wavelet: 'haar' is not one of cauchy|morlet", unknown.err().strip());
    }
}
