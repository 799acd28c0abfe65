package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.edgeworks.cli.Main;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.pipeline.rixs.RixsFiles;
import org.edgeworks.testsupport.SyntheticNexus;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * Issue 11 item 7, a generated property test: every output kind Edgeworks writes is read back by
 * every command that takes that kind of input and by the workbench's file opener
 * ({@link DataOpener#openFile}, the code behind File > Open and the data browser), and no output
 * holds NaN text (a missing value is an empty cell; JSON null).
 * <p>
 * Per seed (fixed seeds, JUnit 5 parameterised: no jqwik here) the generator below writes random
 * inputs as plain text and jHDF files -- no production code: XAS spectra with masked (empty) points
 * and an optional sigma column, Mn L-edge emission spectra (iPFY) and O K reduced emission spectra
 * (maps) -- and one map with masked (NaN) cells and optional errors through the map writer itself.
 * The commands then write every output kind: XAS CSV/JSON (normalize, deglitch, merge, lcf), iPFY
 * CSV with and without PFY, cut CSVs, PFY CSV, map NeXus (build, diff, the masked map), pipeline
 * NeXus results (XAS and map), quantification.csv and lcf.csv. Each is then read back: {@code info};
 * spectra through {@code xas normalize} and {@code xas lcf} (the spectrum as its own reference:
 * weight 1); maps through {@code rixs cut}, {@code pfy}, {@code quantify}, {@code ipfy}; tables
 * ({@code quantification.csv}, {@code lcf.csv}) as the table kind; and all through the opener. The
 * masked map's values, NaN cells and errors come back as written (truth from the generator).
 */
class EveryOutputReadBackTest {
    @TempDir Path tmp;

    record Cli(int code, String out, String err) {}

    static Cli cli(Object... args) {
        String[] a = Stream.of(args).map(String::valueOf).toArray(String[]::new);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(a, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Cli(rc, o.toString(), e.toString());
    }

    static void ok(List<String> problems, String what, Cli c) {
        if (c.code() != 0) problems.add(what + ": exit " + c.code() + ": " + c.err().trim() + " " + c.out().trim());
        else if (c.err().contains("Exception") || c.err().contains("\tat ")) problems.add(what + ": stack trace on stderr: " + c.err());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261129L, 7L, 424242L})
    void everyOutputIsReadBackByEveryCommandAndTheWorkbenchOpener(long seed) throws Exception {
        Random rnd = new Random(seed);
        Path in = Files.createDirectories(tmp.resolve("in")), out = tmp.resolve("out");
        List<String> problems = new ArrayList<>();
        // inputs (the generator: text and jHDF only)
        double e0 = 600 + 8000 * rnd.nextDouble(), height = 0.5 + 1.5 * rnd.nextDouble();
        boolean sigma = rnd.nextBoolean();
        Path xas = xasCsv(in.resolve("sample.csv"), rnd, e0, height, sigma), xas2 = xasCsv(in.resolve("repeat.csv"), rnd, e0, height, sigma);
        Path mnl = emissionSpectra(in.resolve("mnl.nxs"), rnd, true), oks = emissionSpectra(in.resolve("ok.nxs"), rnd, false);
        boolean errors = rnd.nextBoolean();
        RixsMap masked = maskedMap(rnd, errors);
        Files.createDirectories(out.resolve("maps"));
        RixsFiles.writeMap(out.resolve("maps/masked.map.nxs"), false, masked, List.of(), null);
        Path xasPipeline = Files.writeString(in.resolve("xas.json"), """
            {"schema": "edgeworks-pipeline/1", "steps": [{"processor": "org.edgeworks.pipeline.mu"}, {"processor": "org.edgeworks.xas.normalize"}]}""");
        Path mapPipeline = Files.writeString(in.resolve("map.json"), """
            {"schema": "edgeworks-pipeline/1", "steps": [{"processor": "org.edgeworks.pipeline.emissionSpectra"}, {"processor": "org.edgeworks.rixs.mapFromSpectra"}]}""");

        // every output kind
        ok(problems, "xas normalize", cli("xas", "normalize", xas, "--mu", "mu", "--out", out.resolve("xas")));
        ok(problems, "xas deglitch", cli("xas", "deglitch", xas, "--mu", "mu", "--remove", "--out", out.resolve("xas")));
        ok(problems, "xas merge", cli("xas", "merge", xas, xas2, "--mu", "mu", "--out", out.resolve("xas")));
        ok(problems, "xas lcf", cli("xas", "lcf", xas, "--mu", "mu", "--ref", "repeat=" + xas2, "--out", out.resolve("lcf")));
        ok(problems, "rixs ipfy", cli("rixs", "ipfy", mnl, "--window", "490:550", "--out", out.resolve("ipfy")));
        ok(problems, "rixs ipfy --pfy-window", cli("rixs", "ipfy", mnl, "--window", "490:550", "--pfy-window", "610:670", "--out", out.resolve("ipfy-pfy")));
        ok(problems, "rixs build", cli("rixs", "build", oks, "--out", out.resolve("maps")));
        Path map = out.resolve("maps/ok.map.nxs"), maskedFile = out.resolve("maps/masked.map.nxs");
        ok(problems, "rixs cut", cli("rixs", "cut", map, "--excitation", "530.8", "--excitation", "531", "--emission", "523.7", "--out", out.resolve("cuts")));
        ok(problems, "rixs cut (masked)", cli("rixs", "cut", maskedFile, "--excitation", "531.2", "--emission", "522.15", "--out", out.resolve("cuts")));
        ok(problems, "rixs pfy", cli("rixs", "pfy", map, "--window", "522:526", "--out", out.resolve("pfy")));
        ok(problems, "rixs pfy (masked)", cli("rixs", "pfy", maskedFile, "--window", "522:526", "--out", out.resolve("pfy")));
        ok(problems, "rixs quantify", cli("rixs", "quantify", map, maskedFile, "--out", out.resolve("q")));
        ok(problems, "rixs diff", cli("rixs", "diff", map, maskedFile, "--out", out.resolve("maps")));
        ok(problems, "run (XAS)", cli("run", xasPipeline, xas, "--out", out.resolve("run-xas")));
        ok(problems, "run (map)", cli("run", mapPipeline, oks, "--out", out.resolve("run-map")));
        assertEquals(List.of(), problems, "writing the outputs");

        // read back every output by its kind
        List<Path> outputs;
        try (Stream<Path> s = Files.walk(out)) {
            outputs = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                .filter(f -> !f.toString().endsWith(".png") && !f.toString().endsWith(".txt")).sorted().toList();
        }
        int reads = 0;
        for (Path f : outputs) {
            String name = f.getFileName().toString(), what = out.relativize(f).toString();
            String text = name.endsWith(".nxs") ? "" : Files.readString(f);
            if (name.endsWith(".json")) {
                // strict JSON (a NaN or Infinity number does not parse); notes may name "NaN" in words
                try {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
                } catch (Exception e) {
                    problems.add(what + ": not strict JSON: " + e.getMessage());
                }
                if (name.equals("manifest.json")) continue;
                Cli i = cli("info", f);
                ok(problems, "info " + what, i);
                if (i.code() == 0 && !i.out().contains("format: json")) problems.add("info " + what + ": not shown as JSON: " + i.out());
                reads++;
                continue;
            }
            if (text.matches("(?is).*\\b(nan|infinity)\\b.*")) problems.add(what + ": NaN text");
            if (name.endsWith(".sha256") || name.equals("manifest.json")) continue;
            ok(problems, "info " + what, cli("info", f));
            reads++;
            Object opened;
            try {
                opened = DataOpener.openFile(f);
            } catch (Exception e) {
                problems.add("opener " + what + ": " + e.getMessage());
                continue;
            }
            reads++;
            String kind = kind(f);
            if (kind.equals("map")) {
                if (!(opened instanceof RixsMap)) problems.add("opener " + what + ": not a map but " + opened.getClass().getSimpleName());
                Path back = out.resolve("back").resolve(what);
                List<Object[]> commands = new ArrayList<>(List.<Object[]>of(new Object[] {"cut", "--excitation", "531", "--emission", "523.7"},
                    new Object[] {"pfy", "--window", "522:526"}, new Object[] {"quantify"}));
                // a difference map is no emission intensity: no iPFY of it
                if (!name.endsWith(".diff.nxs")) commands.add(new Object[] {"ipfy", "--window", "518:528"});
                for (Object[] c : commands) {
                    ok(problems, "rixs " + c[0] + " " + what, cli(append(append(new Object[] {"rixs", c[0], f},
                        java.util.Arrays.copyOfRange(c, 1, c.length)), "--out", back.resolve(String.valueOf(c[0])))));
                    reads++;
                }
            } else if (kind.startsWith("spectrum:")) {
                String col = kind.substring("spectrum:".length());
                if (!(opened instanceof Spectrum) && !(opened instanceof DataOpener.RawScan))
                    problems.add("opener " + what + ": " + opened.getClass().getSimpleName());
                Path back = out.resolve("back").resolve(what);
                Object[] mu = col.isEmpty() ? new Object[0] : new Object[] {"--mu", col};
                ok(problems, "xas normalize " + what, cli(append(append(new Object[] {"xas", "normalize", f}, mu), "--out", back.resolve("normalize"))));
                Object[] refMu = col.isEmpty() ? new Object[0] : new Object[] {"--ref-mu", col};
                Cli l = cli(append(append(append(new Object[] {"xas", "lcf", f}, mu), refMu), "--ref", "self=" + f, "--out", back.resolve("lcf")));
                ok(problems, "xas lcf " + what, l);
                if (l.code() == 0) {
                    Path json;
                    try (Stream<Path> files = Files.list(back.resolve("lcf"))) { // NAME.lcf.json beside the table lcf.json
                        json = files.filter(p -> p.getFileName().toString().endsWith(".lcf.json")).findFirst().orElseThrow();
                    }
                    var w = Parameters.json().readTree(json.toFile());
                    double weight = w.at("/weights/self").asDouble();
                    if (Math.abs(weight - 1) > 1e-6) problems.add("xas lcf " + what + ": its own reference weighs " + weight + ", not 1");
                }
                reads += 2;
            } else if (kind.equals("table")) {
                Cli i = cli("info", f);
                if (!i.out().contains("format: table")) problems.add("info " + what + ": not shown as a table: " + i.out());
            }
        }
        // the masked map comes back as written: values, NaN cells and errors (truth: the generator's map)
        RixsMap back = (RixsMap) DataOpener.openFile(maskedFile);
        RixsMap cli = RixsFiles.readMap(maskedFile);
        for (RixsMap m : List.of(back, cli)) {
            for (int k = 0; k < masked.data().length; k++) {
                double v = masked.data()[k], r = m.data()[k];
                if (!(Double.isNaN(v) ? Double.isNaN(r) : v == r)) { problems.add("masked map cell " + k + ": " + v + " read as " + r); break; }
            }
            if (errors != m.hasErrors()) problems.add("masked map errors " + (errors ? "lost" : "appeared"));
            else if (errors && !java.util.Arrays.equals(masked.errors(), m.errors())) problems.add("masked map errors changed");
        }
        System.out.printf(Locale.ROOT, "seed %d: %d outputs read back %d times (sigma column %s, map errors %s)%n", seed, outputs.size(), reads,
            sigma ? "present" : "absent", errors ? "present" : "absent");
        assertEquals(List.of(), problems);
        assertTrue(outputs.size() >= 20, outputs.toString());
    }

    /** The kind of an output by its name: a map, a spectrum (with the column to use) or a table. */
    static String kind(Path f) {
        String n = f.getFileName().toString();
        if (n.endsWith(".map.nxs") || n.endsWith(".diff.nxs")) return "map";
        if (n.equals("quantification.csv") || n.equals("lcf.csv")) return "table";
        if (n.endsWith(".nxs")) return f.getParent().getFileName().toString().contains("map") ? "map" : "spectrum:";
        if (n.endsWith(".norm.csv")) return "spectrum:norm";
        if (n.endsWith(".deglitched.csv") || n.endsWith(".deglitch.csv")) return "spectrum:signal";
        if (n.endsWith(".merge.csv")) return "spectrum:mean";
        if (n.endsWith(".lcf.csv")) return "spectrum:data";
        if (n.endsWith(".ipfy.csv")) return "spectrum:ipfy";
        if (n.endsWith(".pfy.csv")) return "spectrum:pfy";
        return "other"; // cuts: info and the opener
    }

    static Object[] append(Object[] a, Object... b) {
        Object[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** An edge (arctan step + white line) on a sloped background with noise; 3 masked (empty) points; sigma column optional. */
    static Path xasCsv(Path file, Random rnd, double e0, double height, boolean sigma) throws Exception {
        int n = 150 + rnd.nextInt(100);
        StringBuilder sb = new StringBuilder(sigma ? "energy,mu,mu_err\n" : "energy,mu\n");
        java.util.Set<Integer> masked = new java.util.HashSet<>();
        while (masked.size() < 3) masked.add(5 + rnd.nextInt(n - 10));
        for (int i = 0; i < n; i++) {
            double e = e0 - 80 + 280.0 * i / (n - 1);
            double mu = 0.3 - 0.0004 * (e - e0) + height * (0.5 + Math.atan((e - e0) / 1.5) / Math.PI)
                + 0.6 * height * Math.exp(-0.5 * Math.pow((e - e0 - 4) / 2, 2)) + 0.002 * rnd.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f", e)).append(',');
            if (!masked.contains(i)) sb.append(String.format(Locale.ROOT, "%.7f", mu));
            if (sigma) sb.append(',').append(masked.contains(i) ? "" : "0.002");
            sb.append('\n');
        }
        return Files.writeString(file, sb);
    }

    static double g(double x, double c, double w) { return Math.exp(-0.5 * Math.pow((x - c) / w, 2)); }

    /**
     * Emission spectra (points x channels NXdata, @axes excitation_energy, emission_energy, eV; NXmonitor I0):
     * Mn L (630-660 eV; SDD channels 300-800 eV, O K line at 525 eV dipping at the Mn edge, Mn line at 637 eV)
     * or O K (515-545 eV; channels 515-530 eV: band, pre-edge, elastic line, the 531.0 / 523.7 eV feature).
     */
    static Path emissionSpectra(Path file, Random rnd, boolean mnL) {
        int n = mnL ? 120 + rnd.nextInt(80) : 121, m = mnL ? 100 : 151;
        double[] ex = new double[n], em = new double[m], i0 = new double[n];
        double[][] counts = new double[n][m];
        for (int j = 0; j < m; j++) em[j] = mnL ? 302.5 + 5 * j : 515 + 0.1 * j;
        for (int i = 0; i < n; i++) {
            ex[i] = mnL ? 630 + 30.0 * i / (n - 1) : 515 + 0.25 * i;
            i0[i] = 1e5 * (1 + 0.05 * rnd.nextGaussian());
            double edge = 0.5 + Math.atan((ex[i] - (mnL ? 641.5 : 532)) / 0.8) / Math.PI;
            for (int j = 0; j < m; j++) {
                double lam = mnL
                    ? i0[i] * 1e-2 * (g(em[j], 525, 25) / (1 + 0.5 * edge) + 0.8 * edge * g(em[j], 637, 27) + 0.02 * g(em[j], ex[i], 27))
                    : i0[i] * 1e-3 * (edge * (g(em[j], 525, 0.8) + 0.5 * g(em[j], 522.8, 0.7)) + 0.4 * g(ex[i], 529.6, 0.4) * g(em[j], 524.5, 0.6)
                        + 0.6 * g(ex[i], 531.0, 0.3) * g(em[j], 523.7, 0.25) + 0.3 * g(em[j], ex[i], 0.15) + 0.02);
                counts[i][j] = Math.max(0, Math.round(lam + Math.sqrt(lam) * rnd.nextGaussian()));
            }
        }
        return SyntheticNexus.emissionSpectra(file, SyntheticNexus.SpectraLayout.SDD, null, ex, em, counts, i0);
    }

    /** An O K map (515-545 x 515-530 eV, an edge at 532 eV) with 6 masked (NaN) cells; errors (1 %) only when asked. */
    static RixsMap maskedMap(Random rnd, boolean errors) {
        double[] ex = new double[121], em = new double[151];
        for (int i = 0; i < ex.length; i++) ex[i] = 515 + 0.25 * i;
        for (int j = 0; j < em.length; j++) em[j] = 515 + 0.1 * j;
        double[] d = new double[ex.length * em.length], e = errors ? new double[d.length] : null;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                double edge = 0.5 + Math.atan((ex[i] - 532) / 0.8) / Math.PI;
                double v = 0.2 + edge * g(em[j], 525, 0.8) + 0.6 * g(ex[i], 531.0, 0.3) * g(em[j], 523.7, 0.25) + 0.01 * rnd.nextGaussian();
                d[i * em.length + j] = v;
                if (errors) e[i * em.length + j] = 0.01;
            }
        for (int k = 0; k < 6; k++) d[rnd.nextInt(d.length)] = Double.NaN;
        return RixsMap.of("masked", ex, em, d, e);
    }
}
