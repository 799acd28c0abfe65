package org.edgeworks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's promise on errors (new-user trial, session 3): a usage error (an option's value out
 * of bounds, not a number, not one of its words; options that do not go together; an unknown or
 * missing option) exits 2, an error about the data or the files exits 1; either way one line on
 * stderr, no stack trace. A missing input is worded once, "PATH: no such file", with the path as
 * typed, by every command. Rules between options name the options, never the record's fields.
 */
class UsageAndInputErrorsTest {
    @TempDir Path dir;

    static Path sample(String... p) {
        return SharedData.samples().resolve(Path.of(p[0], java.util.Arrays.copyOfRange(p, 1, p.length)));
    }

    static String mno() { return sample("xanes", "MnO.dat").toString(); }

    /** One stderr line, no stack frame; returns it. */
    static String oneLine(CliRun r) {
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, "one line on stderr:\n" + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        return lines[0];
    }

    static void usage(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(Main.EXIT_USAGE, r.code(), String.join(" ", args) + ": " + r.err());
        String line = oneLine(r);
        if (expected != null) assertEquals(expected, line, String.join(" ", args));
    }

    @Test
    void badOptionValuesAreUsageErrorsExitTwo() {
        String out = dir.resolve("out").toString();
        usage("edgeworks: --nnorm: 7 is above the maximum 3", "xas", "normalize", mno(), "--nnorm", "7", "--out", out);
        usage("edgeworks: --nvict: -1 is below the minimum 0", "xas", "normalize", mno(), "--nvict=-1", "--out", out);
        usage("edgeworks: --pre1: expected a number, got 'abc'", "xas", "normalize", mno(), "--pre1=abc", "--out", out);
        usage("edgeworks: --normalization: 'banana' is not one of edge-step|area|min-max|none",
            "xas", "normalize", mno(), "--normalization", "banana", "--out", out);
        usage("edgeworks: --input: 'raw' is not mu or norm", "xas", "normalize", mno(), "--input", "raw", "--out", out);
        usage(null, "xas", "ft", "chi.csv", "--kweight", "9", "--out", out);
        usage(null, "rixs", "quantify", sample("rixs", "synthetic_OK_charged.nxs").toString(), "--window=-1", "--out", out);
        usage("edgeworks: --ref: 'MnO' is not NAME=FILE", "xas", "lcf", mno(), "--ref", "MnO", "--out", out);
        // refusals about the command line itself, named by the command
        usage("edgeworks: xas export: give --athena OUT.prj, --xdi or --nxxas (with --out DIR)", "xas", "export", mno());
        // a reversed range is not an error: refused only when its ends are equal
        usage(null, "rixs", "pfy", sample("rixs", "synthetic_OK_charged.nxs").toString(), "--window", "525:525", "--out", out);
    }

    @Test
    void picocliParseErrorsAreOneLineExitTwo() {
        CliRun missingOut = CliRun.of("xas", "normalize", mno());
        assertEquals(Main.EXIT_USAGE, missingOut.code());
        String line = oneLine(missingOut);
        assertTrue(line.startsWith("edgeworks: Missing required option: '--out=DIR'"), line);
        assertTrue(line.endsWith("(usage: edgeworks xas normalize --help)"), line);
        CliRun typo = CliRun.of("xas", "normalize", mno(), "--norm3", "30", "--out", dir.toString());
        assertEquals(Main.EXIT_USAGE, typo.code());
        line = oneLine(typo);
        assertTrue(line.contains("--norm3") && line.contains("did you mean") && line.contains("--norm1"), line);
    }

    @Test
    void dataAndFileErrorsExitOne() throws Exception {
        Path text = dir.resolve("fake.nxs");
        Files.writeString(text, "hello, this is text\n");
        CliRun r = CliRun.of("xas", "normalize", text.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.EXIT_FAILURE, r.code());
        assertTrue(oneLine(r).startsWith("edgeworks: " + text + ": "), r.err());
        // a pre-edge window the data cannot fill is about the data: exit 1, naming the file
        CliRun w = CliRun.of("xas", "normalize", mno(), "--pre1=-2000", "--pre2=-1900", "--out", dir.resolve("w").toString());
        assertEquals(Main.EXIT_FAILURE, w.code(), w.err());
        assertTrue(oneLine(w).startsWith("edgeworks: " + mno() + ": --pre1: pre-edge window [-2000, -1900] eV rel. E0 holds 0 data points"), w.err());
        // a processor's refusal led by a parameter names its option (L2 of --ledge neither given nor derivable)
        CliRun l = CliRun.of("xas", "normalize", mno(), "--ledge", "--out", dir.resolve("l").toString());
        assertEquals(Main.EXIT_FAILURE, l.code(), l.err());
        assertTrue(oneLine(l).startsWith("edgeworks: " + mno() + ": --l2: give the L2 energy"), l.err());
    }

    /** Item 2: one wording for a missing input, the path as typed (relative here), from every command. */
    @Test
    void aMissingInputIsWordedOnceByEveryCommand() throws Exception {
        String missing = "no-such-folder/missing.nxs"; // relative: printed as typed, never made absolute
        String out = dir.resolve("out").toString();
        Path pipeline = dir.resolve("p.json");
        Files.writeString(pipeline, "{\"steps\": [{\"processor\": \"org.edgeworks.xas.normalize\"}]}");
        List<String[]> lines = List.of(
            new String[] {"info", missing},
            new String[] {"xas", "normalize", missing, "--out", out},
            new String[] {"xas", "calibrate", missing, "--e0", "6539", "--out", out},
            new String[] {"xas", "align", mno(), missing, "--out", out},
            new String[] {"xas", "lcf", mno(), "--ref", "A=" + missing, "--out", out},
            new String[] {"xas", "stack", missing, "--out", out},
            new String[] {"rixs", "build", missing, "--out", out},
            new String[] {"rixs", "quantify", missing, "--out", out},
            new String[] {"rixs", "cut", missing, "--excitation", "530", "--out", out},
            new String[] {"run", missing, mno(), "--out", out});
        List<String> wrong = new ArrayList<>();
        for (String[] args : lines) {
            CliRun r = CliRun.of(args);
            String want = "edgeworks: " + missing + ": no such file";
            if (r.code() != Main.EXIT_FAILURE || !r.err().strip().equals(want))
                wrong.add(String.join(" ", args) + " -> exit " + r.code() + ": " + r.err().strip());
        }
        assertTrue(wrong.isEmpty(), "expected '" + missing + ": no such file', exit 1:\n" + String.join("\n", wrong));
    }

    /** Item 3: a rule between options names the options as typed, never the record's fields. */
    @Test
    void rulesBetweenOptionsNameTheOptions() {
        String out = dir.resolve("out").toString();
        usage("edgeworks: --e0: a value is needed with --e0-method fixed", "xas", "normalize", mno(), "--e0-method", "fixed", "--out", out);
        usage("edgeworks: --e0: a value is needed with --e0-method fixed", "xas", "normalize", mno(), "--e0-method=fixed", "--out", out);
        // an E0 given with another method would be ignored: refused, never dropped silently (new-user finding, s4-cli)
        usage("edgeworks: --e0: a given E0 is used only with --e0-method fixed, not derivative (give --e0-method fixed, or leave --e0 out)",
                "xas", "normalize", mno(), "--e0", "6539", "--e0-method", "derivative", "--out", out);
        usage("edgeworks: --e0: a given E0 is used only with --e0-method fixed, not half-step (give --e0-method fixed, or leave --e0 out)",
                "xas", "normalize", mno(), "--e0-method", "half-step", "--e0", "6539", "--out", out);
        // a reversed lcf window / autobk k range: a usage error (2) naming the options, as the other ranges' rules (new-user finding s4-5)
        for (String[] args : new String[][] {
                {"xas", "lcf", mno(), "--ref", "A=" + mno(), "--emin", "30", "--emax", "-20", "--out", out},
                {"xas", "autobk", sample("exafs", "cu_metal_rt.xdi").toString(), "--kmin", "14", "--kmax", "3", "--out", out}}) {
            CliRun rev = CliRun.of(args);
            assertEquals(Main.EXIT_USAGE, rev.code(), rev.err());
            String opt = args[1].equals("lcf") ? "--emax" : "--kmax", other = args[1].equals("lcf") ? "--emin" : "--kmin";
            assertTrue(oneLine(rev).startsWith("edgeworks: " + opt + ": ") && oneLine(rev).contains(other), rev.err());
        }
        // --e0 alone means a fixed E0 (as Larch's pre_edge uses a given e0): accepted, and used
        CliRun alone = CliRun.of("xas", "normalize", mno(), "--e0", "6539", "--out", dir.resolve("alone").toString());
        assertEquals(0, alone.code(), alone.err());
        usage("edgeworks: --emax: -10.0 eV is not above --emin -5.0 eV", "xas", "preedge", mno(), "--emin=-5", "--emax=-10", "--out", out);
        usage("edgeworks: --centre: 1 value for --peaks 2", "xas", "preedge", mno(), "--peaks", "2", "--centre", "6540", "--out", out);
        usage("edgeworks: --l2: 6540.0 eV is not above --l3 6550.0 eV", "xas", "normalize", mno(), "--ledge", "--l3", "6550", "--l2", "6540", "--out", out);
        usage(null, "xas", "calibrate", mno(), "--e0", "6539", "--e0-method", "fixed", "--out", out);
        CliRun c = CliRun.of("xas", "calibrate", mno(), "--e0", "6539", "--e0-method", "fixed", "--out", out);
        assertTrue(c.err().startsWith("edgeworks: --e0-method: fixed makes no sense for calibration"), c.err());
        assertFalse(c.err().contains("e0Method") || c.err().contains("referenceE0"), c.err());
    }

    /** The same rule on the pipelines' road names the record's components (the names pipeline JSON uses). */
    @Test
    void theRuleNamesComponentsInPipelines() throws Exception {
        var node = new ObjectMapper().readTree("{\"e0Method\": \"fixed\"}");
        try {
            Parameters.fromJson(node, NormalizeProcessor.Params.class, NormalizeProcessor.Params.defaults(), "p.json");
            throw new AssertionError("accepted");
        } catch (EdgeworksException e) {
            assertEquals("p.json: e0: a value is needed with e0Method=fixed", e.getMessage());
        }
    }

    /** Item 7: the one "first usable scan, else the first" rule (info's channels, the browser's preview). */
    @Test
    void theScanShownForAMultiScanFileIsTheFirstUsable() {
        Detector.ScanEntry bad = new Detector.ScanEntry("1", "aborted", 3, false, "aborted"), a = new Detector.ScanEntry("2", "", 100, true, ""),
            b = new Detector.ScanEntry("3", "", 100, true, "");
        assertEquals(a, Detector.ScanEntry.preview(List.of(bad, a, b)));
        assertEquals(bad, Detector.ScanEntry.preview(List.of(bad)));
        assertNull(Detector.ScanEntry.preview(List.of()));
    }
}
