package org.edgeworks.cli.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.Main;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.pipeline.rixs.RixsFiles;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public contract of {@code edgeworks rixs ...} (command, option, file and JSON names) on
 * the SYNTHETIC scans of samples/rixs, whose truth is known (pixel-to-eV 515 + 0.08 p,
 * oxidised feature strongest when charged).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RixsCommandTest {
    @TempDir static Path dir;
    static Path samples;

    @BeforeAll
    static void buildMaps() {
        samples = SharedData.samples().resolve("rixs");
        String out = run("rixs", "build", samples.resolve("synthetic_OK_charged.nxs").toString(),
            samples.resolve("synthetic_OK_discharged.nxs").toString(), samples.resolve("synthetic_OK_pristine.nxs").toString(),
            "--out", dir.toString());
        assertTrue(out.contains("synthetic_OK_charged.map.nxs"), out);
    }

    static String run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, rc, "exit code; stderr: " + err);
        return out.toString();
    }

    static String fail(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, rc, "exit code; stdout: " + out);
        return err.toString();
    }

    @Test
    void buildWritesMapPngAndCalibration() throws Exception {
        for (String f : List.of("synthetic_OK_charged.map.nxs", "synthetic_OK_charged.map.png", "synthetic_OK_charged.calibration.json"))
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        JsonNode cal = Parameters.json().readTree(dir.resolve("synthetic_OK_charged.calibration.json").toFile());
        assertEquals(0.08, cal.at("/calibration/coefficients/1").asDouble(), 5e-4, "dispersion eV/pixel");
        assertTrue(cal.at("/calibration/rms_residual_eV").asDouble() < 0.02);
        assertEquals(41, cal.at("/calibration/residuals_eV").size());
        assertEquals(0.002, cal.at("/curvature/coefficients/2").asDouble(), 2e-4);
        RixsMap m = RixsFiles.readMap(dir.resolve("synthetic_OK_charged.map.nxs"));
        assertEquals(41, m.rows());
        assertEquals(527.0, m.excitation().get(0), 1e-9);
        // sigma per cell written as NXdata intensity_errors and read back
        assertTrue(m.hasErrors(), "map errors read back");
        try (var nx = org.edgeworks.nexus.NexusFile.open(dir.resolve("synthetic_OK_charged.map.nxs"))) {
            assertTrue(nx.exists("/entry/map/intensity_errors"));
        }
        double[] e = m.errors();
        for (int i = 0; i < e.length; i++) assertTrue(e[i] > 0 && Double.isFinite(e[i]), "sigma at cell " + i + ": " + e[i]);
    }

    @Test
    void cutPfyQuantifyDiff() throws Exception {
        Path map = dir.resolve("synthetic_OK_charged.map.nxs");
        run("rixs", "cut", map.toString(), "--excitation", "529.6", "--excitation", "530.8", "--excitation", "531", "--excitation", "530.25",
            "--width", "0.2", "--emission", "523.7", "--out", dir.toString());
        List<String> cut = Files.readAllLines(dir.resolve("synthetic_OK_charged.cuts.csv"));
        // energies as given, with their decimal point: 531 -> 531.0 (never 5310), 530.25 not rounded to 530.3
        assertTrue(cut.get(0).startsWith("emission_eV,excitation_529.6eV,excitation_530.8eV,excitation_531.0eV,excitation_530.25eV,"), cut.get(0));
        assertEquals("excitation_eV,emission_523.7eV,emission_523.7eV_err", Files.readAllLines(dir.resolve("synthetic_OK_charged.emission-cuts.csv")).get(0));
        assertTrue(Files.exists(dir.resolve("synthetic_OK_charged.cuts.png")));
        assertTrue(Files.exists(dir.resolve("synthetic_OK_charged.emission-cuts.csv")));
        run("rixs", "pfy", map.toString(), "--window", "522:526", "--out", dir.toString());
        List<String> pfyCsv = Files.readAllLines(dir.resolve("synthetic_OK_charged.pfy.csv"));
        assertEquals("excitation_eV,pfy,pfy_err,tfy,tfy_err", pfyCsv.get(0));
        assertTrue(pfyCsv.get(1).split(",").length == 5 && Double.parseDouble(pfyCsv.get(1).split(",")[2]) > 0, "sigma of the PFY: " + pfyCsv.get(1));
        assertTrue(cut.get(0).contains("excitation_529.6eV_err"), cut.get(0));
        Path q = dir.resolve("q");
        run("rixs", "quantify", map.toString(), dir.resolve("synthetic_OK_discharged.map.nxs").toString(), "--feature", "531.0,523.7",
            "--box", "0.3,0.5", "--out", q.toString());
        JsonNode rows = Parameters.json().readTree(q.resolve("quantification.json").toFile()).get("rows");
        assertEquals("synthetic_OK_charged.map.nxs", rows.get(0).get("map").asText());
        double charged = rows.get(0).get("feature_intensity").asDouble(), discharged = rows.get(1).get("feature_intensity").asDouble();
        assertTrue(charged > 3 * discharged, charged + " vs " + discharged);
        assertTrue(rows.get(0).has("normalised_intensity"));
        assertTrue(Files.exists(q.resolve("quantification.csv")) && Files.exists(q.resolve("quantification.png")));
        // the series pristine, charged, discharged: sPFY (default), reversibility with sigma; samples/rixs/README.md: amplitudes 0.15, 1.0, 0.3
        Path s = dir.resolve("series");
        String printed = run("rixs", "quantify", dir.resolve("synthetic_OK_pristine.map.nxs").toString(), map.toString(),
            dir.resolve("synthetic_OK_discharged.map.nxs").toString(), "--out", s.toString());
        JsonNode doc = Parameters.json().readTree(s.resolve("quantification.json").toFile());
        // rixs quantify prints its table: method, intensity +- sigma per map (each value to the digits of its sigma,
        // sigma to 2 significant digits), then the reversibility rows; columns aligned whatever the map names' length
        String header = printed.lines().filter(l -> l.startsWith("map ")).findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) {
            JsonNode row = doc.at("/rows/" + i);
            String line = printed.lines().filter(l -> l.startsWith(row.get("map").asText() + " ")).findFirst().orElse("");
            String[] cells = line.trim().split("\\s+");
            assertTrue(cells.length >= 5 && cells[1].equals("spfy") && cells[3].equals("+-"), "printed row of " + row.get("map") + ": " + printed);
            assertEquals(header.indexOf("method"), line.indexOf(" spfy ") + 1, "aligned:\n" + printed);
            assertEquals(header.indexOf("intensity"), line.indexOf(cells[2], line.indexOf(" spfy ") + 5), "aligned:\n" + printed);
            double sigma = Double.parseDouble(cells[4]), place = Math.pow(10, -decimals(cells[4]));
            assertEquals(row.get("uncertainty").asDouble(), sigma, 0.5 * place + 1e-15, "sigma to 2 significant digits: " + line);
            assertEquals(row.get("feature_intensity").asDouble(), Double.parseDouble(cells[2]), 0.5 * place + 1e-15, "value to sigma's place: " + line);
        }
        String cycleLine = printed.lines().filter(l -> l.startsWith("1 ")).findFirst().orElse("");
        String[] cc = cycleLine.trim().split("\\s+");
        double rPlace = Math.pow(10, -decimals(cc[5]));
        assertTrue(printed.contains("reversibility") && cc[4].equals("+-"), printed);
        assertEquals(doc.at("/cycles/0/reversibility").asDouble(), Double.parseDouble(cc[3]), 0.5 * rPlace + 1e-15, cycleLine);
        assertEquals("spfy", doc.at("/rows/0/method").asText());
        JsonNode cycle = doc.at("/cycles/0");
        double rev = cycle.get("reversibility").asDouble(), revErr = cycle.get("reversibility_err").asDouble();
        System.out.printf(java.util.Locale.ROOT, "samples: reversibility %.4f +- %.4f (truth %.4f)%n", rev, revErr, (1.0 - 0.3) / (1.0 - 0.15));
        assertTrue(revErr > 0);
        assertEquals((1.0 - 0.3) / (1.0 - 0.15), rev, 3 * revErr);
        assertEquals(1.0, cycle.get("retention").asDouble(), 1e-12);
        List<String> qcsv = Files.readAllLines(s.resolve("quantification.csv"));
        assertTrue(qcsv.get(0).contains("feature_intensity_err") && qcsv.get(0).endsWith("reversibility,reversibility_err,retention,retention_err"),
            qcsv.get(0));
        assertTrue(qcsv.stream().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("nan")), qcsv.toString());
        assertTrue(Files.exists(s.resolve("quantification.spfy.png")) && Files.exists(s.resolve("quantification.png")));
        String err = fail("rixs", "quantify", map.toString(), "--method", "plane", "--out", dir.resolve("bad").toString());
        assertTrue(err.contains("not one of spfy, model2d, box") && err.trim().split("\n").length == 1, err);
        run("rixs", "diff", map.toString(), dir.resolve("synthetic_OK_discharged.map.nxs").toString(), "--normalise-region", "total",
            "--out", dir.toString());
        assertTrue(Files.exists(dir.resolve("synthetic_OK_charged-minus-synthetic_OK_discharged.diff.nxs")));
    }

    @Test
    void ipfyColumnsAndOneLineErrors() throws Exception {
        Path scan = samples.resolve("synthetic_MnL_sdd.nxs");
        run("rixs", "ipfy", scan.toString(), "--window", "490:550", "--pfy-window", "610:670", "--out", dir.toString());
        List<String> csv = Files.readAllLines(dir.resolve("synthetic_MnL_sdd.ipfy.csv"));
        assertEquals("energy,ipfy,ipfy_err,pfy,pfy_err,tfy,tfy_err,norm", csv.get(0));
        assertEquals(352, csv.size());
        assertTrue(Files.exists(dir.resolve("synthetic_MnL_sdd.ipfy.png")));
        String err = fail("rixs", "ipfy", scan.toString(), "--window", "100:200", "--out", dir.resolve("e").toString());
        assertTrue(err.contains("holds no emission channel") && err.trim().split("\n").length == 1, err);
        err = fail("rixs", "cut", dir.resolve("synthetic_OK_charged.map.nxs").toString(), "--excitation", "600", "--out", dir.toString());
        assertTrue(err.contains("outside the map"), err);
    }

    /**
     * The study's route: iPFY without a resonant PFY window (an empty pfy column), read back by
     * xas normalize and xas lcf; the LCF fractions are those of the synthetic mixture
     * (0.5 Mn2+, 0.2 Mn3+, 0.3 Mn4+; samples/rixs/README.md).
     */
    @Test
    void ipfyCsvWithoutPfyFeedsNormalizeAndLcf() throws Exception {
        Path scan = samples.resolve("synthetic_MnL_sdd.nxs"), out = dir.resolve("ipfy-lcf");
        run("rixs", "ipfy", scan.toString(), "--window", "490:550", "--out", out.toString());
        Path csv = out.resolve("synthetic_MnL_sdd.ipfy.csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("energy,ipfy,ipfy_err,pfy,pfy_err,tfy,tfy_err,norm", lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.toLowerCase(java.util.Locale.ROOT).contains("nan")), "no NaN text");
        assertTrue(lines.get(1).matches("[^,]+,[^,]+,[^,]+,,,[^,]+,[^,]+,[^,]+"), "empty pfy cells: " + lines.get(1));
        // the norm column is what 'xas normalize' makes of the ipfy column (one normalisation code path)
        run("xas", "normalize", csv.toString(), "--mu", "ipfy", "--out", out.resolve("norm").toString());
        List<String> normalized = Files.readAllLines(out.resolve("norm/synthetic_MnL_sdd.ipfy.norm.csv"));
        for (int i = 1; i < lines.size(); i++)
            assertEquals(Double.parseDouble(normalized.get(i).split(",")[4]), Double.parseDouble(lines.get(i).split(",")[7]), 1e-5, "norm at row " + i);
        // references normalised by 'xas normalize' with the same (default) options
        Path refs = out.resolve("refs");
        run("xas", "normalize", samples.resolve("synthetic_MnL_ref_Mn2.csv").toString(), samples.resolve("synthetic_MnL_ref_Mn3.csv").toString(),
            samples.resolve("synthetic_MnL_ref_Mn4.csv").toString(), "--mu", "norm", "--out", refs.toString());
        for (boolean sumToOne : new boolean[] {false, true}) {
            double[][] w = lcfFractions(out.resolve(sumToOne ? "lcf-sum1" : "lcf"), sumToOne, csv, "--input", "norm", "--mu", "norm",
                "--ref", "Mn2=" + refs.resolve("synthetic_MnL_ref_Mn2.norm.csv"), "--ref", "Mn3=" + refs.resolve("synthetic_MnL_ref_Mn3.norm.csv"),
                "--ref", "Mn4=" + refs.resolve("synthetic_MnL_ref_Mn4.norm.csv"));
            // 'xas lcf' normalising the CSV's norm column and the references itself gives the same fractions
            double[][] v = lcfFractions(out.resolve(sumToOne ? "lcf-self-sum1" : "lcf-self"), sumToOne, csv, "--mu", "norm",
                "--ref", "Mn2=" + samples.resolve("synthetic_MnL_ref_Mn2.csv"), "--ref", "Mn3=" + samples.resolve("synthetic_MnL_ref_Mn3.csv"),
                "--ref", "Mn4=" + samples.resolve("synthetic_MnL_ref_Mn4.csv"));
            for (double[][] r : List.of(w, v)) {
                double[] f = r[0];
                System.out.printf(java.util.Locale.ROOT, "iPFY -> LCF from the CSV%s%s: Mn2+ %.4f +- %.4f (fit %.4f)  Mn3+ %.4f +- %.4f (fit %.4f)"
                    + "  Mn4+ %.4f +- %.4f (fit %.4f) (sum %.4f; truth 0.5 0.2 0.3)%n", sumToOne ? " (--sum-to-one)" : "", r == w ? " (--input norm)" : "",
                    f[0], r[1][0], r[2][0], f[1], r[1][1], r[2][1], f[2], r[1][2], r[2][2], f[0] + f[1] + f[2]);
                // truth from the construction (samples/rixs/README.md: 0.5 Mn2+ + 0.2 Mn3+ + 0.3 Mn4+); the tolerance is the
                // edge-step normalisation's systematic error on this short L2,3 scan (each reference's step measured at its
                // own E0 over a post-edge range on the L2 white lines), not the counting noise (LCF stderr_fit ~0.002)
                assertEquals(0.5, f[0], 0.02, "Mn2+");
                assertEquals(0.2, f[1], 0.02, "Mn3+");
                assertEquals(0.3, f[2], 0.02, "Mn4+");
                assertEquals(1.0, f[0] + f[1] + f[2], 0.02, "sum of the weights");
            }
            // normalised here, the edge-step errors are in the stated stderr, and the truth lies within it; the fit's stderr
            // alone (Larch lincombo_fit's) does not cover it
            double worstTotal = 0, worstFit = 0;
            for (int k = 0; k < 3; k++) {
                worstTotal = Math.max(worstTotal, Math.abs(v[0][k] - TRUTH[k]) / v[1][k]);
                worstFit = Math.max(worstFit, Math.abs(v[0][k] - TRUTH[k]) / v[2][k]);
            }
            System.out.printf(java.util.Locale.ROOT, "largest |fraction - truth| / stderr %.2f, / stderr_fit %.2f%n", worstTotal, worstFit);
            assertTrue(worstTotal <= 2, "within 2 stated stderr: " + worstTotal);
            assertTrue(worstFit > 2, "the fit's stderr alone under-covers: " + worstFit);
            // given normalised, the inputs carry no edge-step error: said in a warning (the JSON's notes; the terminal's stderr)
            assertEquals(1.0, w[3][0], "warning: edge-step error not known");
            assertEquals(0.0, v[3][0], "no such warning when xas lcf normalises");
        }
    }

    /**
     * The sigma column of an input (the iPFY CSV's ipfy_err) is read with its values (COL_err beside
     * COL) and kept by xas deglitch (deglitch.csv, deglitched.csv) and xas calibrate (calibrated.csv)
     * as signal_err, unchanged at every point they keep; read back, the outputs carry it again.
     */
    @Test
    void inputSigmaIsKeptByDeglitchAndCalibrate() throws Exception {
        Path out = dir.resolve("sigma-kept");
        run("rixs", "ipfy", samples.resolve("synthetic_MnL_sdd.nxs").toString(), "--window", "490:550", "--out", out.toString());
        java.util.Map<String, String> sigma = new java.util.HashMap<>();
        for (String l : Files.readAllLines(out.resolve("synthetic_MnL_sdd.ipfy.csv")).subList(1, 352)) {
            String[] c = l.split(",");
            sigma.put(key(c[0]), c[2]);
        }
        run("xas", "deglitch", out.resolve("synthetic_MnL_sdd.ipfy.csv").toString(), "--mu", "ipfy", "--remove", "--out", out.resolve("d").toString());
        run("xas", "calibrate", out.resolve("synthetic_MnL_sdd.ipfy.csv").toString(), "--mu", "ipfy", "--e0", "640", "--out", out.resolve("c").toString());
        JsonNode cal = Parameters.json().readTree(out.resolve("c/calibrate.json").toFile());
        double shift = cal.get("shift").asDouble();
        for (String[] f : new String[][] {{"d/synthetic_MnL_sdd.ipfy.deglitch.csv", "0"}, {"d/synthetic_MnL_sdd.ipfy.deglitched.csv", "0"},
            {"c/synthetic_MnL_sdd.ipfy.calibrated.csv", "1"}}) {
            List<String> lines = Files.readAllLines(out.resolve(f[0]));
            String[] header = lines.get(0).split(",");
            assertEquals("signal_err", header[header.length - 1], f[0] + ": " + lines.get(0));
            for (String l : lines.subList(1, lines.size())) {
                String[] c = l.split(",");
                double e = Double.parseDouble(c[0]) - (f[1].equals("1") ? shift : 0);
                assertEquals(Double.parseDouble(sigma.get(key(Double.toString(e)))), Double.parseDouble(c[c.length - 1]),
                    1e-8 * Double.parseDouble(sigma.get(key(Double.toString(e)))), f[0] + " at " + c[0]);
            }
        }
    }

    private static String key(String energy) { return String.format(java.util.Locale.ROOT, "%.3f", Double.parseDouble(energy)); }

    static final double[] TRUTH = {0.5, 0.2, 0.3};

    /**
     * Runs xas lcf on the iPFY CSV; from its lcf.json: the Mn2/Mn3/Mn4 weights, their stderr, their
     * stderr_fit, and {1} when its notes hold the warning that an edge-step error is not known, else {0}.
     */
    private static double[][] lcfFractions(Path out, boolean sumToOne, Path csv, String... args) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of("xas", "lcf", csv.toString(), "--emin", "634", "--emax", "660", "--out", out.toString()));
        a.addAll(List.of(args));
        if (sumToOne) a.add("--sum-to-one");
        run(a.toArray(String[]::new));
        JsonNode j = Parameters.json().readTree(out.resolve("synthetic_MnL_sdd.ipfy.lcf.json").toFile());
        double[][] r = new double[4][];
        String[] keys = {"weights", "stderr", "stderr_fit"};
        for (int k = 0; k < 3; k++) r[k] = new double[] {j.get(keys[k]).get("Mn2").asDouble(), j.get(keys[k]).get("Mn3").asDouble(), j.get(keys[k]).get("Mn4").asDouble()};
        r[3] = new double[] {j.toString().contains("edge-step error not known") ? 1 : 0};
        return r;
    }

    /**
     * Every output the rixs commands wrote in this class (maps, differences, cuts, PFY, iPFY with
     * and without PFY, quantification, LCF and normalisation results) is read back by the file
     * opener the workbench and 'info' use (the detector registry), and no CSV holds NaN text.
     * Runs last (the other tests fill the folder). Tables with a text column (quantification.csv,
     * xas lcf's lcf.csv) are not spectra: checked for NaN text only (the opener does not take tables).
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void everyOutputIsReadBack() throws Exception {
        List<Path> outputs;
        try (var files = Files.walk(dir)) {
            outputs = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".nxs")).toList();
        }
        assertTrue(outputs.size() >= 8, outputs.toString());
        List<String> problems = new java.util.ArrayList<>();
        for (Path f : outputs) {
            if (f.toString().endsWith(".csv") && Files.readString(f).toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bnan\\b.*"))
                problems.add(f.getFileName() + ": NaN text");
            String fn = f.getFileName().toString();
            if (fn.equals("quantification.csv") || fn.equals("lcf.csv")) continue;
            StringWriter out = new StringWriter(), err = new StringWriter();
            int rc = Main.run(new String[] {"info", f.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
            if (rc != 0) problems.add(f.getFileName() + ": " + err.toString().trim());
        }
        System.out.println("read back " + outputs.size() + " outputs: " + outputs.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of(), problems);
        for (Path f : outputs)
            if (f.getFileName().toString().endsWith(".map.nxs")) assertTrue(RixsFiles.readMap(f).rows() > 0);
    }

    /** The demo part shows the sPFY fit (plot) and the reversibility table (printed and in quantification.txt). */
    @Test
    void demoShowsTheSpfyFitAndTheReversibilityTable() throws Exception {
        Path out = dir.resolve("demo");
        StringWriter log = new StringWriter();
        new RixsDemo().run(samples.getParent(), out, new PrintWriter(log, true));
        String text = Files.readString(out.resolve("quantification.txt"));
        assertTrue(text.contains("reversibility") && text.contains("sPFY"), text);
        assertTrue(log.toString().contains("reversibility"), log.toString());
        assertTrue(Files.size(out.resolve("quantification.spfy.png")) > 0);
    }

    /** rixs build takes reduced emission spectra (points x channels NXdata with I0): counts per (I0 x eV), with sigma. */
    @Test
    void buildAcceptsReducedEmissionSpectra() throws Exception {
        Path scan = samples.resolve("synthetic_MnL_sdd.nxs"), out = dir.resolve("spectra-map");
        run("rixs", "build", scan.toString(), "--out", out.toString());
        RixsMap m = RixsFiles.readMap(out.resolve("synthetic_MnL_sdd.map.nxs"));
        assertTrue(m.hasErrors());
        double[][] counts;
        double[] i0, em;
        try (var nx = org.edgeworks.nexus.NexusFile.open(scan)) {
            double[] flat = nx.readDoubles("/entry/data/counts");
            i0 = nx.readDoubles("/entry/monitor/data");
            em = nx.readDoubles("/entry/data/emission_energy");
            counts = new double[i0.length][em.length];
            for (int p = 0; p < i0.length; p++) System.arraycopy(flat, p * em.length, counts[p], 0, em.length);
        }
        double[] me = m.emission().values();
        double step = me[1] - me[0];
        for (int p : new int[] {0, 100, 350}) {
            double expected = 0, got = 0;
            for (int c = 0; c < em.length; c++) if (em[c] >= 490 && em[c] <= 550) expected += counts[p][c] / i0[p];
            for (int j = 0; j < me.length; j++) if (me[j] >= 490 && me[j] <= 550) got += m.get(p, j) * step;
            assertEquals(expected, got, 1e-6 * expected, "counts per I0 over 490-550 eV at point " + p);
        }
    }

    @Test
    void realTiffFrameBuildsWithEnergiesOnTheCommandLine() throws Exception {
        Path tif = SharedData.path("rixs", "mrixs_qerlin",
            "Sample1VL_200F_frames_1-200.tif");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(tif), "shared data not found");
        Path out = dir.resolve("tiff");
        run("rixs", "build", tif.toString(), "--excitation-energies", "530", "--calibration", "510,0.05", "--max-shift", "160",
            "--out", out.toString());
        JsonNode cal = Parameters.json().readTree(out.resolve("Sample1VL_200F_frames_1-200.calibration.json").toFile());
        double slope = cal.at("/curvature/coefficients/1").asDouble();
        assertTrue(slope < -0.7 && slope > -0.9, "tilt of the real line, px/row: " + slope);
        String err = fail("rixs", "build", tif.toString(), "--out", out.resolve("e").toString());
        assertTrue(err.contains("--excitation-energies"), err);
        // the command, default options: the real tilt, no warning
        run("rixs", "build", tif.toString(), "--excitation-energies=530", "--calibration=0,1", "--out", out.resolve("d").toString());
        double tilt = Parameters.json().readTree(out.resolve("d/Sample1VL_200F_frames_1-200.calibration.json").toFile())
            .at("/curvature/coefficients/1").asDouble();
        assertEquals(-0.816, tilt, 0.03, "tilt with default options");
        // a bound the line needs more than: exit 0 with a one-line warning naming the file on stderr
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(new String[] {"rixs", "build", tif.toString(), "--excitation-energies=530", "--calibration=0,1", "--max-shift=20",
            "--out", out.resolve("w").toString()}, new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals(0, rc, e.toString());
        assertTrue(e.toString().startsWith("edgeworks: warning: Sample1VL_200F_frames_1-200") && e.toString().contains("search bound"), e.toString());
    }

    /** Digits after the decimal point of a printed number. */
    static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }
}
