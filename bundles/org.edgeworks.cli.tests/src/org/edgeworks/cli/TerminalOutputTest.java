package org.edgeworks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the terminal shows (new-user trial, session 3): the notes that say how the data were
 * changed (energies sorted, repeated points averaged, a reversed range taken in order) are printed
 * on stderr, one "note:" line each, not only written to the JSON; results are printed, not only
 * their paths, each value with the digits its sigma supports; the reference of calibrate/align has
 * its own --ref-... channel options. Expected values come from the construction of the inputs.
 */
class TerminalOutputTest {
    @TempDir Path dir;

    static Path sample(String name) { return SharedData.samples().resolve("xanes").resolve(name); }

    /** The (energy, mu) rows of a two-column sample. */
    static List<double[]> rows(Path file) throws Exception {
        List<double[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] c = l.trim().split("\\s+");
            out.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])});
        }
        return out;
    }

    static Path write(Path file, String header, List<double[]> rows) throws Exception {
        StringBuilder b = new StringBuilder("# " + header + "\n");
        for (double[] r : rows) b.append(String.format(Locale.ROOT, "%.6f  %.8g%n", r[0], r[1]));
        Files.writeString(file, b.toString());
        return file;
    }

    static JsonNode json(Path p) throws Exception { return Parameters.json().readTree(p.toFile()); }

    static List<String> notes(JsonNode provenance) {
        List<String> out = new ArrayList<>();
        provenance.get("notes").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Item 4: energies out of order and repeated points: the JSON's notes are on the terminal too, with the file as typed. */
    @Test
    void sortAndAverageNotesArePrintedOnStderr() throws Exception {
        List<double[]> r = rows(sample("MnO.dat"));
        // construction: rows 50 and 51 swapped (not monotonic), rows 100, 200 and 300 written twice (3 repeated points)
        List<double[]> changed = new ArrayList<>(r);
        changed.set(50, r.get(51));
        changed.set(51, r.get(50));
        for (int i : new int[] {300, 200, 100}) changed.add(i, r.get(i));
        Path f = write(dir.resolve("dup.dat"), "energy_eV  mu", changed);
        CliRun run = CliRun.of("xas", "normalize", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.code(), run.err());
        List<String> err = run.err().lines().toList();
        assertTrue(err.contains("note: " + f + ": energy axis was not monotonic: sorted"), run.err());
        assertTrue(err.contains("note: " + f + ": averaged 3 repeated energy point(s)"), run.err());
        assertEquals(err.size(), err.stream().distinct().count(), "each note once: " + run.err());
        List<String> recorded = notes(json(dir.resolve("out/dup.json")).get("provenance"));
        assertTrue(recorded.contains("note: dup: averaged 3 repeated energy point(s)"), recorded.toString());
        // every note: line of the JSON is on the terminal
        for (String n : recorded) if (n.startsWith("note: ")) assertTrue(run.err().contains(n.substring(n.indexOf(": ", 6))), n);
    }

    /** Item 4: a reversed --pre1/--pre2 (or --norm1/--norm2) is recorded and printed, never swapped silently. */
    @Test
    void aReversedRangeIsANote() throws Exception {
        String mno = sample("MnO.dat").toString();
        CliRun run = CliRun.of("xas", "normalize", mno, "--pre1=-30", "--pre2=-100", "--norm1=400", "--norm2=200", "--out", dir.toString());
        assertEquals(0, run.code(), run.err());
        String pre = ": pre1 -30 eV and pre2 -100 eV are in reverse order: the pre-edge line is fitted over [-100, -30] eV rel. E0";
        String post = ": norm1 400 eV and norm2 200 eV are in reverse order: the post-edge curve is fitted over [200, 400] eV rel. E0";
        assertTrue(run.err().lines().anyMatch(l -> l.equals("note: " + mno + pre)), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.equals("note: " + mno + post)), run.err());
        JsonNode j = json(dir.resolve("MnO.json"));
        assertEquals(-100, j.get("pre1").asDouble());
        assertEquals(-30, j.get("pre2").asDouble());
        List<String> recorded = notes(j.get("provenance"));
        assertTrue(recorded.contains("note: MnO" + pre) && recorded.contains("note: MnO" + post), recorded.toString());
        // in order: no note
        CliRun plain = CliRun.of("xas", "normalize", mno, "--pre1=-100", "--pre2=-30", "--out", dir.resolve("plain").toString());
        assertFalse(plain.err().contains("reverse order"), plain.err());
    }

    /** Item 4 for image stacks: a reversed --pre1/--pre2 is counted per pixel in the notes, never swapped silently. */
    @Test
    void aReversedRangeIsANoteForStacksToo() {
        Path stack = SharedData.samples().resolve("stack/mn_txm_phases.h5");
        CliRun r = CliRun.of("xas", "stack", stack.toString(), "--mode", "transmission", "--flat", stack + ":/entry/instrument/flat",
            "--pre1=-30", "--pre2=-100", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("note: ") && l.contains(" pixels noted, e.g. ")
            && l.endsWith("pre1 -30 eV and pre2 -100 eV are in reverse order: the pre-edge line is fitted over [-100, -30] eV rel. E0")), r.out());
    }

    /** A joined range option given high:low is taken ascending, with a note (rixs pfy --window). */
    @Test
    void aReversedJoinedRangeIsANote() {
        String charged = SharedData.samples().resolve("rixs/synthetic_OK_charged.nxs").toString();
        CliRun r = CliRun.of("rixs", "pfy", charged, "--window", "526:522", "--out", dir.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("note: --window 526:522 is in reverse order: taken as 522:526 eV")), r.err());
    }

    /** Item 5: value +- sigma with sigma at 2 significant digits and the value to the same place (hand-rounded). */
    @Test
    void valuesAreRoundedToTheirSigma() {
        assertEquals("0.845 +- 0.034", Terminal.pm(0.844712, 0.033812));
        assertEquals("6539.0 +- 1.2", Terminal.pm(6539.0123, 1.234));
        assertEquals("14.013 +- 0.096", Terminal.pm(14.01271, 0.0963));
        assertEquals("-2.50 +- 0.10", Terminal.pm(-2.4991, 0.0996));
        assertEquals("1234600 +- 2300", Terminal.pm(1234567, 2345));
        assertEquals("(1.236 +- 0.045)e-9", Terminal.pm(1.2361e-9, 4.5e-11));
        assertEquals("1.2982", Terminal.pm(1.29820000000018, Double.NaN));
        assertEquals("1 +- 0", Terminal.pm(1.0, 0.0));
        assertEquals("", Terminal.pm(Double.NaN, 0.1));
        assertEquals("1.46e-05", Terminal.sig(1.4612e-5, 3));
        assertEquals("mask: 88 of 100 pixels with edge_step >= 0.122656", Terminal.tidy("mask: 88 of 100 pixels with edge_step >= 0.12265640293207825"));
        assertEquals("e-shift 1.2982 eV applied to scan_1.12345678901", Terminal.tidy("e-shift 1.29820000000018 eV applied to scan_1.12345678901"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sample", "S");
        row.put("weights", new LinkedHashMap<>(Map.of("A", 0.25832)));
        row.put("stderr", new LinkedHashMap<>(Map.of("A", 0.02041)));
        row.put("r_factor", 0.004394881529388911);
        row.put("average_valence", 2.6666);
        row.put("average_valence_stderr", 0.0204);
        row.put("missing", null);
        assertEquals("S: A 0.258 +- 0.020; r_factor 0.00439488; average_valence 2.667 +- 0.020", Terminal.summary("S", row));
    }

    /** Item 5: columns of a table stay aligned whatever the width of a name. */
    @Test
    void tablesAreAlignedToTheirWidestCell() {
        String t = new Terminal.Table("map", "method", "value").row("synthetic_OK_discharged.map.nxs", "spfy", "0.12 +- 0.01")
            .row("a", "model2d", "1 +- 0").render();
        List<String> lines = t.lines().toList();
        int col = lines.get(0).indexOf("method");
        for (String l : lines.subList(1, lines.size())) assertEquals(col, l.indexOf(l.contains("spfy") ? "spfy" : "model2d"), t);
        assertEquals(lines.get(0).indexOf("value"), lines.get(1).indexOf("0.12"), t);
    }

    /**
     * Item 5: xas lcf prints each sample's fractions +- sigma. Peer: Larch 0.9.58 lincombo_fit of the measured
     * Mn3O4 by MnO and Mn2O3, sum to one, 6530-6600 eV (peers/lcf_results.json): MnO 0.2583 +- 0.0204.
     */
    @Test
    void lcfPrintsTheFractions() {
        Path mn = SharedData.path("xanes", "mn_k");
        CliRun r = CliRun.of("xas", "lcf", mn.resolve("Mn3O4.dat").toString(), "--ref", "MnO=" + mn.resolve("MnO.dat"),
            "--ref", "Mn2O3=" + mn.resolve("Mn2O3x.dat"), "--sum-to-one", "--emin", "6530", "--emax", "6600", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("Mn3O4: ")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        Matcher m = Pattern.compile("MnO ([-0-9.]+) \\+- ([0-9.]+), Mn2O3 ([-0-9.]+) \\+- ([0-9.]+)").matcher(line);
        assertTrue(m.find(), line);
        assertEquals(0.2583, Double.parseDouble(m.group(1)), 2 * 0.0204, line);
        assertEquals(0.7417, Double.parseDouble(m.group(3)), 2 * 0.0204, line);
        assertTrue(line.contains("r_factor "), line);
    }

    /** Item 5: xas align and xas calibrate print their shift (a copy moved by +2.5 eV must be moved back by -2.5 eV). */
    @Test
    void alignAndCalibratePrintTheShift() throws Exception {
        List<double[]> foil = rows(sample("Mn_foil.dat"));
        List<double[]> moved = new ArrayList<>();
        for (double[] x : foil) moved.add(new double[] {x[0] + 2.5, x[1]});
        Path ref = write(dir.resolve("foil.dat"), "energy_eV  mu", foil), sam = write(dir.resolve("moved.dat"), "energy_eV  mu", moved);
        CliRun a = CliRun.of("xas", "align", ref.toString(), sam.toString(), "--out", dir.resolve("a").toString());
        assertEquals(0, a.code(), a.err());
        Matcher m = Pattern.compile("^moved: shift ([-+0-9.]+) \\+- ([0-9.]+) eV", Pattern.MULTILINE).matcher(a.out());
        assertTrue(m.find(), a.out());
        assertEquals(-2.5, Double.parseDouble(m.group(1)), Math.max(0.02, 3 * Double.parseDouble(m.group(2))), a.out());
        JsonNode aligned = json(dir.resolve("a/align.json")).get("alignments").get(0);
        assertEquals(Double.parseDouble(m.group(2)), aligned.get("shift_stderr").asDouble(), 0.051 * aligned.get("shift_stderr").asDouble(), "printed sigma = the JSON's, rounded");
        // the same foil measured 2.5 eV high, calibrated to its tabulated 6539.0 eV with the E0 as first measured (peer: Larch 6539.0)
        CliRun c = CliRun.of("xas", "calibrate", sam.toString(), "--e0", "6539.0", "--out", dir.resolve("c").toString());
        assertEquals(0, c.code(), c.err());
        Matcher s = Pattern.compile("^moved: measured E0 ([0-9.]+) \\+- ([0-9.]+) eV, tabulated 6539 eV: shift ([-+0-9.]+) \\+- ([0-9.]+) eV$",
            Pattern.MULTILINE).matcher(c.out());
        assertTrue(s.find(), c.out());
        double shift = Double.parseDouble(s.group(3)), sigma = Double.parseDouble(s.group(4));
        assertEquals(-2.5, shift, Math.max(3 * sigma, 0.35), c.out()); // Larch's grid E0 of the foil is 6539.0 (peers/larch_pre_edge.csv); the derivative E0 lies between grid points
    }

    /** Item 6: calibrate/align read the reference with --ref-... options when its columns differ, else with the sample's. */
    @Test
    void theReferenceHasItsOwnChannelOptions() throws Exception {
        List<double[]> foil = rows(sample("Mn_foil.dat")), mno = rows(sample("MnO.dat"));
        Path ref = write(dir.resolve("foil.dat"), "e  xmu", foil), sam = write(dir.resolve("MnO.dat"), "energy_eV  mu", mno);
        // before: the sample's --mu applied to the reference too
        CliRun shared = CliRun.of("xas", "calibrate", ref.toString(), sam.toString(), "--e0", "6539", "--mu", "mu", "--out", dir.resolve("x").toString());
        assertEquals(Main.EXIT_FAILURE, shared.code(), shared.err());
        assertTrue(shared.err().startsWith("edgeworks: " + ref + ": ") && shared.err().contains("'mu'"), shared.err());
        CliRun own = CliRun.of("xas", "calibrate", ref.toString(), sam.toString(), "--e0", "6539", "--mu", "mu", "--ref-mu", "xmu",
            "--out", dir.resolve("c").toString());
        assertEquals(0, own.code(), own.err());
        // the reference's calibrated signal is its xmu column, the sample's its mu column (as written)
        List<double[]> rc = csv(dir.resolve("c/foil.calibrated.csv")), sc = csv(dir.resolve("c/MnO.calibrated.csv"));
        assertEquals(foil.size(), rc.size());
        for (int i = 0; i < foil.size(); i++) assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%.8g", foil.get(i)[1])), rc.get(i)[1], 1e-12);
        for (int i = 0; i < mno.size(); i++) assertEquals(Double.parseDouble(String.format(Locale.ROOT, "%.8g", mno.get(i)[1])), sc.get(i)[1], 1e-12);
        CliRun align = CliRun.of("xas", "align", ref.toString(), sam.toString(), "--mu", "mu", "--ref-mu", "xmu", "--out", dir.resolve("a").toString());
        assertEquals(0, align.code(), align.err());
        CliRun help = CliRun.of("xas", "calibrate", "--help");
        for (String o : List.of("--ref-energy=", "--ref-mu=", "--ref-mode=", "--ref-i0=", "--ref-it=", "--ref-if="))
            assertTrue(help.out().contains(o), o + " in\n" + help.out());
    }

    static List<double[]> csv(Path p) throws Exception {
        List<double[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(p);
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            out.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])});
        }
        return out;
    }
}
