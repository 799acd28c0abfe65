package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.edgeworks.cli.CliRun;
import org.edgeworks.cli.Main;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public contract of {@code edgeworks xas ...}: names of commands, options, files and JSON
 * keys, on scans built in memory (the loader is swapped, so no detector bundle is needed).
 */
class XasCommandTest {
    @TempDir Path dir;
    final Map<String, Scan> scans = new HashMap<>();
    XasInputOptions.ScanLoader saved;

    /** A transmission scan of an arctan edge at e0 with white line; columns energy, I0, It. */
    Scan scan(String name, double e0, double shift, double whiteLine) {
        List<Double> g = new ArrayList<>();
        for (double e = e0 - 150; e < e0 - 30; e += 5) g.add(e);
        for (double e = e0 - 30; e < e0 + 50; e += 0.5) g.add(e);
        for (double e = e0 + 50; e <= e0 + 400; e += 3) g.add(e);
        int n = g.size();
        double[] en = new double[n], i0 = new double[n], it = new double[n];
        for (int i = 0; i < n; i++) {
            double e = g.get(i);
            double x = e - e0 - shift;
            double mu = 0.2 - 1e-4 * (e - e0) + 0.5 + Math.atan(x) / Math.PI + whiteLine * 2 / (1 + (x - 4) * (x - 4) / 4)
                + 0.03 / (1 + (x + 10) * (x + 10)) + (i == 130 ? 0.02 : 0);
            en[i] = e;
            i0[i] = 1e5 * (1 + 0.05 * Math.cos(i));
            it[i] = i0[i] * Math.exp(-mu);
        }
        Path p = dir.resolve(name);
        Scan s = new Scan(p, "", "test", List.of(
            new Channel("energy", ChannelRole.ENERGY, Unit.EV, DatasetFactory.createFromObject(en), "energy"),
            new Channel("I0", ChannelRole.I0, Unit.NONE, DatasetFactory.createFromObject(i0), "I0"),
            new Channel("It", ChannelRole.IT, Unit.NONE, DatasetFactory.createFromObject(it), "It")), Map.of());
        scans.put(p.toString(), s);
        return s;
    }

    @BeforeEach
    void memory() {
        saved = XasInputOptions.loader;
        XasInputOptions.loader = p -> {
            Scan s = scans.get(p.toString());
            if (s == null) throw new org.edgeworks.core.EdgeworksException(p, null, "no such file");
            return s;
        };
        scan("a.dat", 6550, 0, 0.3);
        scan("b.dat", 6550, 0.4, 0.3);
        scan("c.dat", 6550, -0.3, 0.3);
        scan("ref2.dat", 6545, 0, 0.2);
        scan("ref3.dat", 6550, 0, 0.4);
        scan("ref4.dat", 6556, 0, 0.6);
    }

    @AfterEach
    void restore() { XasInputOptions.loader = saved; }

    static CliRun run(String... args) { return CliRun.of(args); }

    String f(String name) { return dir.resolve(name).toString(); }

    JsonNode json(Path p) throws Exception { return Parameters.json().readTree(p.toFile()); }

    @Test
    void normalizeWritesCsvJsonPng() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = run("xas", "normalize", f("a.dat"), f("b.dat"), "--mode", "transmission", "--i0", "I0", "--it", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String n : List.of("a", "b")) {
            assertTrue(Files.size(out.resolve(n + ".png")) > 1000);
            assertEquals("energy,mu,pre,post,norm,flat", Files.readAllLines(out.resolve(n + ".norm.csv")).get(0));
            JsonNode j = json(out.resolve(n + ".json"));
            for (String k : List.of("e0", "edge_step", "edge_step_stderr", "pre1", "pre2", "norm1", "norm2", "nnorm", "provenance")) assertTrue(j.has(k), k);
            // the step's error from the pre-/post-edge fits (docs/science.md#xas-normalize): a number, small beside the step
            assertTrue(j.get("edge_step_stderr").isNumber() && j.get("edge_step_stderr").asDouble() >= 0 && j.get("edge_step_stderr").asDouble() < 0.05, j.toString());
            assertEquals(6550.0, j.get("e0").asDouble(), 0.6);
            assertEquals(1.0, j.get("edge_step").asDouble(), 0.05);
            assertTrue(j.get("provenance").get("sources").get(0).get("pathInFile").asText().contains("transmission"));
        }
        assertTrue(r.out().contains("a.norm.csv"), r.out());
        // channels with roles (NXxas: incoming_beam = I0, absorbed_beam = It) need no names
        CliRun roles = run("xas", "normalize", f("c.dat"), "--mode", "transmission", "--out", out.toString());
        assertEquals(0, roles.code(), roles.err());
        CliRun bare = run("xas", "normalize", f("c.dat"), "--out", dir.resolve("bare").toString());
        assertEquals(0, bare.code(), bare.err());
        assertEquals(json(out.resolve("c.json")).get("edge_step").asDouble(), json(dir.resolve("bare/c.json")).get("edge_step").asDouble(), 1e-12);
        // fixed E0 and ranges are used as given
        CliRun fixed = run("xas", "normalize", f("a.dat"), "--e0", "6551", "--pre1", "-100", "--pre2", "-40", "--norm1", "60", "--norm2", "300",
            "--nnorm", "1", "--out", out.toString(), "--overwrite");
        assertEquals(0, fixed.code(), fixed.err());
        JsonNode j = json(out.resolve("a.json"));
        assertEquals(-100, j.get("pre1").asDouble());
        assertEquals(300, j.get("norm2").asDouble());
        assertEquals(1, j.get("nnorm").asInt());
        // existing outputs are kept without --overwrite: a one-line error naming the file
        CliRun again = run("xas", "normalize", f("a.dat"), "--out", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("a.norm.csv") && again.err().contains("--overwrite"), again.err());
        assertEquals(1, again.err().strip().lines().count(), again.err());
    }

    @Test
    void lEdgeAndAlreadyNormalisedInputs() throws Exception {
        Path out = dir.resolve("le");
        CliRun r = run("xas", "normalize", f("a.dat"), "--ledge", "--l3", "6550", "--l2", "6561", "--ledge-scale", "l3-max", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(out.resolve("a.json"));
        assertEquals("l3-max", j.get("scale").asText());
        assertTrue(j.has("l3_step") && j.has("l2_step") && j.has("edge_step"));
        CliRun n = run("xas", "normalize", f("a.dat"), "--input", "norm", "--out", dir.resolve("nn").toString());
        assertEquals(0, n.code(), n.err());
        assertTrue(json(dir.resolve("nn/a.json")).get("normalization").asText().contains("not normalised again"));
    }

    @Test
    void lcfWithCombinationsAndShifts() throws Exception {
        Path out = dir.resolve("lcf");
        CliRun r = run("xas", "lcf", f("b.dat"), "--ref", "A=" + f("ref2.dat"), "--ref", "B=" + f("ref3.dat"), "--ref", "C=" + f("ref4.dat"),
            "--valence", "A=2", "--valence", "B=3", "--valence", "C=4",
            "--emin", "6530", "--emax", "6590", "--combinations", "2", "--shifts", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(out.resolve("b.lcf.json"));
        for (String k : List.of("weights", "stderr", "stderr_fit", "sum", "sum_stderr", "sum_stderr_fit", "shift_stderr_fit", "edge_step_rel_stderr", "r_factor", "reduced_chi2", "shifts", "ranking", "average_valence")) assertTrue(j.has(k), k);
        assertEquals(6, j.get("ranking").size(), "3 singles + 3 pairs");
        assertTrue(j.get("ranking").get(0).get("r_factor").asDouble() <= j.get("ranking").get(5).get("r_factor").asDouble());
        assertTrue(Files.exists(out.resolve("b.lcf.csv")) && Files.exists(out.resolve("b.lcf.png")));
        CliRun plain = run("xas", "lcf", f("b.dat"), "--ref", "A=" + f("ref2.dat"), "--ref", "B=" + f("ref3.dat"), "--sum-to-one", "--out", dir.resolve("l2").toString());
        assertEquals(0, plain.code(), plain.err());
        JsonNode p = json(dir.resolve("l2/b.lcf.json"));
        assertEquals(1.0, p.get("weights").get("A").asDouble() + p.get("weights").get("B").asDouble(), 1e-9);
        assertTrue(!p.has("ranking"));
    }

    @Test
    void aReferenceNameGivenTwiceIsRefusedNotSilentlyReplaced() throws Exception {
        // picocli's Map options keep the last value of a repeated key: the first reference would be
        // dropped and its name would label the other file's weight.
        CliRun r = run("xas", "lcf", f("b.dat"), "--ref", "A=" + f("ref2.dat"), "--ref", "A=" + f("ref3.dat"),
            "--out", dir.resolve("dup").toString());
        assertEquals(Main.EXIT_USAGE, r.code(), r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--ref") && r.err().contains("'A' is given twice"), r.err());
        assertTrue(!Files.exists(dir.resolve("dup/b.lcf.json")));
        CliRun v = run("xas", "lcf", f("b.dat"), "--ref", "A=" + f("ref2.dat"), "--ref", "B=" + f("ref3.dat"),
            "--valence", "A=2", "--valence", "A=3", "--out", dir.resolve("dupv").toString());
        assertEquals(Main.EXIT_USAGE, v.code(), v.out());
        assertTrue(v.err().contains("--valence") && v.err().contains("'A' is given twice"), v.err());
    }

    @Test
    void valenceTableForManySamples() throws Exception {
        Path out = dir.resolve("val");
        CliRun r = run("xas", "valence", f("a.dat"), f("b.dat"), f("c.dat"), "--ref", "2=" + f("ref2.dat"), "--ref", "3=" + f("ref3.dat"),
            "--ref", "4=" + f("ref4.dat"), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("valence.csv"));
        assertEquals("name,reference,formal_valence,e0,edge_step,edge_energy,edge_energy_stderr,valence,valence_stderr", rows.get(0));
        JsonNode vj = json(out.resolve("valence.json"));
        for (String k : List.of("name", "formal_valence", "edge_energy", "edge_energy_stderr", "valence", "valence_stderr"))
            assertTrue(vj.get("rows").get(3).has(k), "snake_case row key " + k);
        assertEquals(7, rows.size());
        assertTrue(Files.exists(out.resolve("valence.json")) && Files.exists(out.resolve("valence.png")));
    }

    @Test
    void studyTablesForPreEdgeAndLcfSeries() throws Exception {
        // pre-edge series: b is 0.4 eV above a, c 0.3 eV below; shifts relative to the first file
        Path pe = dir.resolve("pes");
        CliRun r = run("xas", "preedge", f("a.dat"), f("b.dat"), f("c.dat"), "--out", pe.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode t = json(pe.resolve("preedge.json"));
        assertEquals(3, t.get("rows").size());
        JsonNode pk = t.get("rows").get(1).get("peaks").get(0);
        for (String k : List.of("centre", "centre_stderr", "area", "area_stderr", "fwhm", "fwhm_stderr", "shift")) assertTrue(pk.has(k), k);
        assertEquals(0.4, pk.get("shift").asDouble(), 0.05, "b's pre-edge peak shift");
        assertEquals(-0.3, t.get("rows").get(2).get("peaks").get(0).get("shift").asDouble(), 0.05, "c's pre-edge peak shift");
        assertTrue(Files.readAllLines(pe.resolve("preedge.csv")).get(0).startsWith("name,centre_1,centre_stderr_1,area_1,area_stderr_1,fwhm_1,fwhm_stderr_1,shift_1"));
        assertTrue(Files.exists(pe.resolve("preedge.png")) && Files.exists(pe.resolve("b.preedge.json")));
        // LCF series: one row per sample with fractions, stderr and R; the ranking named
        Path lc = dir.resolve("lcs");
        CliRun l = run("xas", "lcf", f("a.dat"), f("b.dat"), f("c.dat"), "--ref", "A=" + f("ref2.dat"), "--ref", "B=" + f("ref3.dat"),
            "--ref", "C=" + f("ref4.dat"), "--emin", "6530", "--emax", "6590", "--combinations", "2", "--rank", "chi2", "--out", lc.toString());
        assertEquals(0, l.code(), l.err());
        JsonNode lt = json(lc.resolve("lcf.json"));
        assertEquals(3, lt.get("rows").size());
        assertEquals("chi2", lt.get("rank").asText());
        for (String k : List.of("sample", "weights", "stderr", "stderr_fit", "sum", "sum_stderr", "sum_stderr_fit", "r_factor", "reduced_chi2")) assertTrue(lt.get("rows").get(0).has(k), k);
        assertEquals("sample,A,A_stderr,B,B_stderr,C,C_stderr,r_factor,reduced_chi2,average_valence,average_valence_stderr,"
            + "A_stderr_fit,B_stderr_fit,C_stderr_fit,sum,sum_stderr,sum_stderr_fit",
            Files.readAllLines(lc.resolve("lcf.csv")).get(0));
        assertEquals(4, Files.readAllLines(lc.resolve("lcf.csv")).size());
        // the terminal: each sample's fractions +- stderr (the total), then the fit's stderr alone, named
        assertEquals(3, l.out().lines().filter(x -> x.contains(" +- ") && x.contains("; stderr_fit: ")).count(), l.out());
        assertTrue(Files.exists(lc.resolve("lcf.png")) && Files.exists(lc.resolve("b.lcf.json")));
        assertEquals("chi2", json(lc.resolve("b.lcf.json")).get("rank").asText());
    }

    /** The issue's command on the bundled Mn K files: the sample is its own first reference, the others go to weight 0. */
    @Test
    void theIssuesShiftedLcfOnTheBundledSamples() throws Exception {
        Path samples = SharedData.samples();
        XasInputOptions.loader = saved;
        Path x = samples.resolve("xanes");
        CliRun r = run("xas", "lcf", x.resolve("MnO.dat").toString(), "--ref", "MnO=" + x.resolve("MnO.dat"), "--ref", "MnO2=" + x.resolve("Pyrolusite.dat"),
            "--ref", "Mnf=" + x.resolve("Mn_foil.dat"), "--shifts", "--emin", "6530", "--emax", "6600", "--out", f("issue"));
        org.junit.jupiter.api.Assumptions.assumeFalse(r.err().contains("no detector bundle"), r.err());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(dir.resolve("issue/MnO.lcf.json"));
        assertEquals(1.0, j.get("weights").get("MnO").asDouble(), 1e-6);
        assertEquals(0.0, j.get("weights").get("MnO2").asDouble(), 1e-9);
        assertEquals(0.0, j.get("shifts").get("MnO2").asDouble(), 0.0, "a zero-weight reference keeps shift 0");
        assertEquals(0.0, j.get("shifts").get("Mnf").asDouble(), 0.0);
        assertTrue(!j.get("shift_at_bound").get("MnO").asBoolean());
    }

    @Test
    void boundsReachedAreWarningsOnTheTerminalAndInTheJson() throws Exception {
        // b is 0.4 eV above ref3: a shift bound of 0.1 eV is reached
        Path lc = dir.resolve("lcb");
        CliRun l = run("xas", "lcf", f("b.dat"), "--ref", "B=" + f("ref3.dat"), "--ref", "A=" + f("ref2.dat"), "--emin", "6530", "--emax", "6590",
            "--shifts", "--shift-bound", "0.1", "--out", lc.toString());
        assertEquals(0, l.code(), l.err());
        assertTrue(l.err().contains("warning: ") && l.err().contains("shift of reference 'B' is at its bound"), l.err());
        assertTrue(json(lc.resolve("b.lcf.json")).get("shift_at_bound").get("B").asBoolean());
        CliRun al = run("xas", "align", f("a.dat"), f("b.dat"), "--max-shift", "0.2", "--out", f("alb"));
        assertEquals(0, al.code(), al.err());
        assertTrue(al.err().contains("warning: ") && al.err().contains("max_shift"), al.err());
        assertTrue(json(dir.resolve("alb/align.json")).get("alignments").get(0).get("at_bound").asBoolean());
        // references that do not reach the window plus the bound are refused unless --extrapolate
        CliRun ex = run("xas", "lcf", f("b.dat"), "--ref", "B=" + f("ref3.dat"), "--emin", "6530", "--emax", "6950", "--shifts", "--out", f("lce"));
        assertEquals(1, ex.code());
        assertTrue(ex.err().contains("covers") && ex.err().contains("--extrapolate"), ex.err());
    }

    @Test
    void extrapolatedValenceAndPoorLcfFitAreWarningsOnTheTerminalAndInTheJson() throws Exception {
        // references' edges near 6545, 6550, 6556 eV; "hi" is 20 eV above the highest, a.dat (6550 eV) inside
        scan("hi.dat", 6576, 0, 0.3);
        CliRun v = run("xas", "valence", f("a.dat"), f("hi.dat"), "--ref", "2=" + f("ref2.dat"), "--ref", "3=" + f("ref3.dat"),
            "--ref", "4=" + f("ref4.dat"), "--edge", "half-height", "--out", f("vx"));
        assertEquals(0, v.code(), v.err());
        List<String> lines = v.err().lines().filter(l -> l.contains("outside the references' range")).toList();
        assertEquals(1, lines.size(), v.err());
        // named by the file as typed, as errors are
        assertTrue(lines.get(0).startsWith("edgeworks: warning: " + f("hi.dat") + ": ") && lines.get(0).contains("valence extrapolated"), lines.get(0));
        String notes = json(dir.resolve("vx/valence.json")).get("provenance").get("notes").toString();
        assertTrue(notes.contains("hi") && notes.contains("valence extrapolated"), notes);
        assertTrue(!notes.contains("warning: a:"), notes);
        // LCF of a scan 20 eV off every reference: R-factor far above 0.05, a poor-fit warning naming it; b (0.4 eV off ref3) fits well
        CliRun l = run("xas", "lcf", f("hi.dat"), f("b.dat"), "--ref", "A=" + f("ref2.dat"), "--ref", "B=" + f("ref3.dat"), "--out", f("lx"));
        assertEquals(0, l.code(), l.err());
        List<String> poor = l.err().lines().filter(x -> x.contains("poor fit")).toList();
        assertEquals(1, poor.size(), l.err());
        assertTrue(poor.get(0).startsWith("edgeworks: warning: " + f("hi.dat") + ": ") && poor.get(0).contains("calibrate/align"), poor.get(0));
        assertTrue(json(dir.resolve("lx/hi.lcf.json")).get("r_factor").asDouble() > 0.05);
        assertTrue(json(dir.resolve("lx/hi.lcf.json")).get("provenance").get("notes").toString().contains("poor fit"));
        assertTrue(!json(dir.resolve("lx/b.lcf.json")).get("provenance").get("notes").toString().contains("poor fit"));
        assertTrue(run("xas", "lcf", "--help").out().contains("R-factor above 0.05"));
    }

    @Test
    void theOtherCommandsWriteJsonCsvPng() throws Exception {
        assertEquals(0, run("xas", "merge", f("a.dat"), f("b.dat"), f("c.dat"), "--out", f("m")).code());
        assertTrue(Files.exists(dir.resolve("m/merged.merge.csv")) && Files.exists(dir.resolve("m/merged.merge.json")) && Files.exists(dir.resolve("m/merged.merge.png")));
        CliRun al = run("xas", "align", f("a.dat"), f("b.dat"), f("c.dat"), "--out", f("al"));
        assertEquals(0, al.code(), al.err());
        JsonNode a = json(dir.resolve("al/align.json"));
        assertEquals(-0.4, a.get("alignments").get(0).get("shift").asDouble(), 0.02, "b was 0.4 eV high");
        assertEquals(0.3, a.get("alignments").get(1).get("shift").asDouble(), 0.02, "c was 0.3 eV low");
        CliRun ca = run("xas", "calibrate", f("b.dat"), f("a.dat"), "--e0", "6550.0", "--e0-method", "half-step", "--out", f("ca"));
        assertEquals(0, ca.code(), ca.err());
        JsonNode c = json(dir.resolve("ca/calibrate.json"));
        assertEquals(6550.0 - c.get("measured_e0").asDouble(), c.get("shift").asDouble(), 1e-9);
        assertEquals(6550.0, c.get("measured_e0").asDouble(), 1.0);
        double first = Double.parseDouble(Files.readAllLines(dir.resolve("ca/a.calibrated.csv")).get(1).split(",")[0]);
        assertEquals(6400.0 + c.get("shift").asDouble(), first, 1e-6, "the sample moved by the same shift");
        assertTrue(Files.exists(dir.resolve("ca/a.calibrated.csv")));
        CliRun dg = run("xas", "deglitch", f("a.dat"), "--remove", "--out", f("dg"));
        assertEquals(0, dg.code(), dg.err());
        assertTrue(json(dir.resolve("dg/a.deglitch.json")).get("flagged_indices").size() >= 1);
        CliRun pe = run("xas", "preedge", f("a.dat"), "--baseline", "line+arctan", "--peaks", "1", "--out", f("pe"));
        assertEquals(0, pe.code(), pe.err());
        JsonNode pj = json(dir.resolve("pe/a.preedge.json"));
        assertEquals(6540.0, pj.get("centroid").asDouble(), 0.5);
        assertTrue(Files.exists(dir.resolve("pe/a.preedge.png")));
    }

    @Test
    void badChannelIsAOneLineError() {
        CliRun r = run("xas", "normalize", f("a.dat"), "--mu", "nope", "--out", f("x"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("a.dat") && r.err().contains("nope"), r.err());
    }

    @Test
    void demoOnTheBundledSamples() throws Exception {
        Path samples = SharedData.samples();
        XasInputOptions.loader = saved;
        StringWriter log = new StringWriter();
        try {
            new XasDemo().run(samples, dir, new PrintWriter(log, true));
        } catch (org.edgeworks.core.EdgeworksException e) {
            // without a detector bundle on the class path the files cannot be read: that is the only excuse
            org.junit.jupiter.api.Assumptions.assumeFalse(e.getMessage().contains("no detector bundle"), e.getMessage());
            throw e;
        }
        JsonNode l = json(dir.resolve("lcf/Mn3O4.lcf.json"));
        assertEquals(0.26, l.get("weights").get("MnO").asDouble(), 0.03);
        assertTrue(Files.readAllLines(dir.resolve("valence/valence.csv")).size() == 5);
    }
}
