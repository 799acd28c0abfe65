package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.CliRun;
import org.edgeworks.cli.Main;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public contract of {@code edgeworks xas autobk|ft|wavelet|fit} (issue 15: command names,
 * options, output files, CSV headers and JSON keys) on the bundled Cu foil (samples/exafs, the
 * same measured file as Larch's peer cu_foil_13id), with numbers checked against the Larch 0.9.58
 * peers in ../shared/data/peers/exafs: chi(k) and the first-shell fit.
 */
class ExafsCommandTest {
    @TempDir Path dir;

    static CliRun run(String... args) { return CliRun.of(args); }

    static Path samples() {
        return SharedData.samples().resolve("exafs");
    }

    static Path peers() {
        return SharedData.path("peers", "exafs");
    }

    static JsonNode json(Path p) throws Exception { return Parameters.json().readTree(p.toFile()); }

    static double[][] csv(Path p) throws Exception {
        List<String> l = Files.readAllLines(p);
        int nc = l.get(0).split(",").length;
        double[][] out = new double[nc][l.size() - 1];
        for (int i = 1; i < l.size(); i++) {
            String[] w = l.get(i).split(",");
            for (int c = 0; c < nc; c++) out[c][i - 1] = Double.parseDouble(w[c]);
        }
        return out;
    }

    @Test
    void autobkFtFitWaveletOnTheCuFoil() throws Exception {
        Path in = samples().resolve("cu_metal_rt.xdi"), out = dir.resolve("out");
        CliRun a = run("xas", "autobk", in.toString(), "--mu", "mutrans", "--kweight", "2", "--rbkg", "1.0", "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals("k,chi", Files.readAllLines(out.resolve("cu_metal_rt.chi.csv")).get(0));
        assertEquals("energy,mu,bkg", Files.readAllLines(out.resolve("cu_metal_rt.bkg.csv")).get(0));
        assertTrue(Files.size(out.resolve("cu_metal_rt.autobk.png")) > 1000);
        JsonNode j = json(out.resolve("cu_metal_rt.autobk.json"));
        for (String k : List.of("e0", "edge_step", "rbkg", "kweight", "kmin", "kmax", "dk", "window", "provenance")) assertTrue(j.has(k), k);
        JsonNode larch = json(peers().resolve("cu_foil_13id.autobk.json"));
        assertEquals(larch.get("e0").asDouble(), j.get("e0").asDouble(), 1e-9);
        assertEquals(larch.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 1e-6);
        assertEquals("hanning", j.get("window").asText());
        double[][] mine = csv(out.resolve("cu_metal_rt.chi.csv")), theirs = csv(peers().resolve("cu_foil_13id.chi.csv"));
        assertEquals(theirs[0].length, mine[0].length);
        for (int i = 0; i < mine[0].length; i++) assertEquals(theirs[1][i], mine[1][i], 1e-6, "chi at k=" + mine[0][i]);

        Path chi = out.resolve("cu_metal_rt.chi.csv");
        CliRun ft = run("xas", "ft", chi.toString(), "--kmin", "3", "--kmax", "12", "--dk", "1", "--window", "hanning", "--kweight", "2",
            "--rmax-out", "10", "--out", out.toString());
        assertEquals(0, ft.code(), ft.err());
        assertEquals("r,chir_mag,chir_re,chir_im", Files.readAllLines(out.resolve("cu_metal_rt.chir.csv")).get(0));
        assertTrue(Files.size(out.resolve("cu_metal_rt.chir.png")) > 1000);

        CliRun fit = run("xas", "fit", chi.toString(), "--path", samples().resolve("feff0001.dat").toString(), "--kmin", "3", "--kmax", "14",
            "--kweight", "2", "--dk", "1", "--window", "hanning", "--rmin", "1.4", "--rmax", "3.0", "--out", out.toString());
        assertEquals(0, fit.code(), fit.err());
        JsonNode f = json(out.resolve("cu_metal_rt.fit.json"));
        for (String k : List.of("s02", "s02_stderr", "e0", "e0_stderr", "r_factor", "chi2_reduced", "n_idp", "n_varys", "paths")) assertTrue(f.has(k), k);
        JsonNode p = f.get("paths").get(0);
        for (String k : List.of("label", "file", "reff", "degen", "r", "delr", "sigma2")) {
            assertTrue(p.has(k), k);
            if (!List.of("label", "file", "reff", "degen").contains(k)) assertTrue(p.has(k + "_stderr"), k + "_stderr");
        }
        JsonNode lf = json(peers().resolve("cu_foil_13id.feffit.json")).get("fits").get(0);
        JsonNode lp = lf.get("paths").get(0);
        assertEquals(lp.get("r").asDouble(), p.get("r").asDouble(), 1e-4, "r");
        assertEquals(lp.get("sigma2").asDouble(), p.get("sigma2").asDouble(), 1e-5, "sigma2");
        assertEquals(lp.get("sigma2_stderr").asDouble(), p.get("sigma2_stderr").asDouble(), 0.02 * lp.get("sigma2_stderr").asDouble());
        assertEquals(lf.get("s02").asDouble(), f.get("s02").asDouble(), 1e-3, "s02");
        assertEquals(lf.get("n_idp").asDouble(), f.get("n_idp").asDouble(), 1e-9, "n_idp");
        assertEquals(4, f.get("n_varys").asInt());
        for (String n : List.of("cu_metal_rt.fit_k.csv", "cu_metal_rt.fit_r.csv", "cu_metal_rt.fit.png")) assertTrue(Files.exists(out.resolve(n)), n);
        // the terminal shows the fitted values with their sigma (the JSON's numbers, checked against Larch above) after the files
        String table = fit.out();
        assertTrue(table.contains("cu_metal_rt: r space, k 3-14 1/A (dk 1, hanning, k-weight 2), R 1.4-3 A; 1 path, 4 varied, n_idp 12.2045"), table);
        java.util.function.BiConsumer<String, String> row = (label, cell) -> assertTrue(table.lines().anyMatch(
            l -> l.startsWith(label + "  ") && l.endsWith("  " + cell)), label + " " + cell + " in\n" + table);
        row.accept("S0^2", org.edgeworks.cli.Terminal.pm(f.get("s02").asDouble(), f.get("s02_stderr").asDouble()));
        row.accept("E0 shift (eV)", org.edgeworks.cli.Terminal.pm(f.get("e0").asDouble(), f.get("e0_stderr").asDouble()));
        row.accept("p1 R (A)", org.edgeworks.cli.Terminal.pm(p.get("r").asDouble(), p.get("r_stderr").asDouble()));
        row.accept("p1 sigma^2 (A^2)", org.edgeworks.cli.Terminal.pm(p.get("sigma2").asDouble(), p.get("sigma2_stderr").asDouble()));
        row.accept("reduced chi-square", org.edgeworks.cli.Terminal.sig(f.get("chi2_reduced").asDouble(), 6));
        row.accept("R-factor", org.edgeworks.cli.Terminal.sig(f.get("r_factor").asDouble(), 6));
        // as a reader reads Larch's s02 0.8927 +- 0.0389 and r 2.5435 +- 0.0029 (peers/exafs/cu_foil_13id.feffit.json)
        row.accept("S0^2", "0.893 +- 0.039");
        row.accept("p1 R (A)", "2.5435 +- 0.0029");

        // one default k window (docs/science.md#exafs-kwindow): xas ft without options transforms what the fit above fitted
        CliRun ftDefault = run("xas", "ft", chi.toString(), "--out", dir.resolve("ftdefault").toString());
        assertEquals(0, ftDefault.code(), ftDefault.err());
        JsonNode fd = json(dir.resolve("ftdefault/cu_metal_rt.chir.json"));
        assertEquals(3.0, fd.get("kmin").asDouble(), 0);
        assertEquals(14.0, fd.get("kmax").asDouble(), 0);
        double[][] ftR = csv(dir.resolve("ftdefault/cu_metal_rt.chir.csv")), fitR = csv(out.resolve("cu_metal_rt.fit_r.csv"));
        assertEquals(fitR[0].length, ftR[0].length, "R points");
        double peak = 0;
        for (double v : fitR[1]) peak = Math.max(peak, v);
        for (int i = 0; i < ftR[0].length; i++) {
            assertEquals(fitR[0][i], ftR[0][i], 1e-9, "R");
            assertEquals(fitR[1][i], ftR[1][i], 1e-8 * peak, "|chi(R)| at R=" + ftR[0][i]);
        }

        // the documented example model: delr = alpha*reff, a fixed third cumulant, the label given
        CliRun fm = run("xas", "fit", chi.toString(), "--path", samples().resolve("feff0001.dat").toString(), "--model",
            samples().resolve("fit_model_example.json").toString(), "--out", dir.resolve("model").toString());
        assertEquals(0, fm.code(), fm.err());
        JsonNode mj = json(dir.resolve("model/cu_metal_rt.fit.json"));
        assertEquals("Cu1", mj.get("paths").get(0).get("label").asText());
        assertEquals(mj.get("variables").get("alpha").get("value").asDouble() * 2.5562, mj.get("paths").get(0).get("delr").asDouble(), 1e-12);
        assertEquals(0.0, mj.get("paths").get(0).get("third").asDouble(), 0);
        assertEquals(4, mj.get("n_varys").asInt());
        assertEquals(p.get("r").asDouble(), mj.get("paths").get(0).get("r").asDouble(), 1e-6, "same fit, other parametrisation");
        // the table names the model's own labels and variables; a fixed variable is said to be fixed, not given a sigma
        assertTrue(fm.out().lines().anyMatch(l -> l.startsWith("Cu1 R (A)  ")), fm.out());
        assertTrue(fm.out().lines().anyMatch(l -> l.startsWith("variable alpha  ") && l.contains(" +- ")), fm.out());
        assertTrue(fm.out().lines().anyMatch(l -> l.startsWith("variable c3  ") && l.endsWith("  0 (fixed)")), fm.out());

        CliRun w = run("xas", "wavelet", chi.toString(), "--kweight", "2", "--rmax", "6", "--out", out.toString());
        assertEquals(0, w.code(), w.err());
        assertTrue(Files.size(out.resolve("cu_metal_rt.wavelet.nxs")) > 100_000);
        assertTrue(Files.size(out.resolve("cu_metal_rt.wavelet.png")) > 1000);
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path bad = dir.resolve("x.chi.csv");
        Files.writeString(bad, "k,chi\n0,0.1\n0.05,oops\n");
        CliRun r = run("xas", "ft", bad.toString(), "--out", dir.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad + ": line 3: not a number"), r.err());
        Path ok = dir.resolve("y.chi.csv");
        StringBuilder sb = new StringBuilder("k,chi\n");
        for (int i = 0; i < 300; i++) sb.append(0.05 * i).append(',').append(Math.sin(5 * 0.05 * i) * 0.1).append('\n');
        Files.writeString(ok, sb.toString());
        CliRun f = run("xas", "fit", ok.toString(), "--path", dir.resolve("feff0001.dat").toString(), "--out", dir.toString());
        assertEquals(1, f.code());
        assertTrue(f.err().contains("feff0001.dat: no such file"), f.err());
        CliRun rev = run("xas", "ft", ok.toString(), "--kmin", "12", "--kmax", "3", "--out", dir.toString());
        assertEquals(Main.EXIT_USAGE, rev.code(), rev.err());
        assertEquals("edgeworks: --kmax: 3.0 1/A is not above --kmin 12.0 1/A", rev.err().strip());
        CliRun w = run("xas", "ft", ok.toString(), "--window", "triangle", "--out", dir.toString());
        assertTrue(w.code() != 0, "an unknown window is refused");
        assertTrue(w.err().contains("window"), w.err());
    }

    /** ft, wavelet, fit and feff read text files: the scan options are not in their --help, and given they are ignored with one warning line. */
    @Test
    void scanOptionsOfTextCommandsAreHiddenAndIgnoredWithAWarning() throws Exception {
        for (String c : List.of("ft", "wavelet", "fit", "feff")) {
            String help = run("xas", c, "--help").out();
            for (String o : List.of("--energy", "--mu", "--i0", "--it", "--if", "--mode", "--dt", "--scan", "--group", "--outliers", "--input"))
                assertTrue(!help.contains(o + "=") && !help.contains(o + " "), c + ": " + o + " in\n" + help);
        }
        Path chi = dir.resolve("s.chi.csv");
        StringBuilder sb = new StringBuilder("k,chi\n");
        for (int i = 0; i < 300; i++) sb.append(0.05 * i).append(',').append(Math.sin(5 * 0.05 * i) * 0.1).append('\n');
        Files.writeString(chi, sb.toString());
        CliRun r = run("xas", "ft", chi.toString(), "--mu", "mutrans", "--scan=2", "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("edgeworks: --mu, --scan: do not apply to xas ft (its input is a text file, not a scan): ignored", r.err().strip());
        CliRun plain = run("xas", "ft", chi.toString(), "--out", dir.resolve("p").toString());
        assertEquals("", plain.err().strip());
        assertEquals(Files.readString(dir.resolve("o/s.chir.csv")), Files.readString(dir.resolve("p/s.chir.csv")), "the same transform");
    }

    @Test
    void feffRunsFeff6lAndListsItsPaths() throws Exception {
        Path out = dir.resolve("feff");
        CliRun r = run("xas", "feff", samples().resolve("feff.inp").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(out.resolve("feff_paths.json"));
        assertEquals("feff0001.dat", j.get("paths").get(0).get("file").asText());
        assertEquals(2.5562, j.get("paths").get(0).get("reff").asDouble(), 0);
        assertEquals(12.0, j.get("paths").get(0).get("degen").asDouble(), 0);
        assertEquals(Files.readString(samples().resolve("feff0001.dat")), Files.readString(out.resolve("feff0001.dat")), "FEFF6L output as bundled");
        CliRun again = run("xas", "feff", samples().resolve("feff.inp").toString(), "--out", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains(".dat: exists already") && again.err().contains("--overwrite"), again.err());
    }

    @Test
    void demoWritesChiChirAndFit() throws Exception {
        StringWriter log = new StringWriter();
        new ExafsDemo().run(samples().getParent(), dir, new PrintWriter(log, true));
        for (String n : List.of("cu_metal_rt.chi.csv", "cu_metal_rt.chir.csv", "cu_metal_rt.fit.json", "cu_metal_rt.wavelet.png"))
            assertTrue(Files.exists(dir.resolve(n)) && log.toString().contains(n), n);
        assertEquals(2.5435, json(dir.resolve("cu_metal_rt.fit.json")).get("paths").get(0).get("r").asDouble(), 0.001);
    }
}
