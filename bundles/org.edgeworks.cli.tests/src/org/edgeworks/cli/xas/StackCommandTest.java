package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.testsupport.Python;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@code xas stack}: command, options, DIR/NAME.stack.nxs with the NXdata images
 * e0, edge_step, mask, weight_NAME, r_factor, and PNG maps. The stack is written by h5py (python
 * below and the test-support bundle's synthetic_stacks.py, no Edgeworks code): pixel (y, x) is w A + (1 - w) B with w = x / 7, so the LCF maps
 * must give weight_A = w and weight_B = 1 - w.
 */
class StackCommandTest {
    @TempDir Path dir;
    final Map<String, Scan> scans = new HashMap<>();
    XasInputOptions.ScanLoader saved;

    static final String PY = String.join("\n",
        "import sys, numpy as np",
        "from synthetic_stacks import E_TEST as E, FINE as fine, edge, mixture, write_nxdata",
        "np.savetxt(sys.argv[1] + '/A.txt', edge(fine, 7010, 0.3)); np.savetxt(sys.argv[1] + '/B.txt', edge(fine, 7016, 0.8))",
        "np.savetxt(sys.argv[1] + '/fine.txt', fine)",
        "w = (np.arange(8) / 7.0)[None, :] * np.ones((6, 1))",
        "mu = mixture(E, np.stack([w, 1 - w]), {'A': (7010, 0.3), 'B': (7016, 0.8)}, 0.2, 0.0)",
        "mu += 0.001 * np.random.default_rng(1).standard_normal(mu.shape)",
        "write_nxdata(sys.argv[1] + '/mix.h5', mu.astype('f4'), E)");

    @BeforeEach
    void setUp() throws Exception {
        saved = XasInputOptions.loader; // first: a failed set-up must not leave the shared loader null for the next test class
        Python.run(PY, dir.toString());
        double[] fine = Files.readAllLines(dir.resolve("fine.txt")).stream().mapToDouble(Double::parseDouble).toArray();
        for (String n : List.of("A", "B")) {
            double[] y = Files.readAllLines(dir.resolve(n + ".txt")).stream().mapToDouble(Double::parseDouble).toArray();
            Path ref = dir.resolve(n + ".dat");
            scans.put(ref.toString(), new Scan(ref, "", "test", List.of(
                new Channel("energy", ChannelRole.ENERGY, Unit.EV, DatasetFactory.createFromObject(fine), "energy"),
                new Channel("norm", ChannelRole.MU, Unit.NONE, DatasetFactory.createFromObject(y), "norm")), Map.of()));
        }
        XasInputOptions.loader = q -> {
            Scan s = scans.get(q.toString());
            if (s == null) throw new org.edgeworks.core.EdgeworksException(q, null, "no such file");
            return s;
        };
    }

    @AfterEach
    void restore() { XasInputOptions.loader = saved; }

    static CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void stackWritesTheNamedMapsAndRecoversTheMixture() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = run("xas", "stack", dir.resolve("mix.h5").toString(), "--out", out.toString(), "--ref", "A=" + dir.resolve("A.dat"),
            "--ref", "B=" + dir.resolve("B.dat"), "--input", "norm", "--sum-to-one", "--pre1", "-45", "--pre2", "-15");
        assertEquals(0, r.code(), r.err());
        Path nxs = out.resolve("mix.stack.nxs");
        assertTrue(r.out().contains(nxs.toString()), r.out());
        assertTrue(r.out().contains("note: mask: 48 of 48 pixels"), r.out());
        for (String m : List.of("e0", "edge_step", "mask", "weight_A", "weight_B", "r_factor"))
            assertTrue(Files.size(out.resolve("mix." + m + ".png")) > 1000, m);
        try (NexusFile f = NexusFile.open(nxs)) {
            for (String m : List.of("e0", "edge_step", "mask", "weight_A", "weight_B", "r_factor"))
                assertEquals(List.of("NXdata"), f.attributeStrings("/entry/" + m, "NX_class"), m);
            assertTrue(f.exists("/entry/weight_A/data_errors"));
            // references given normalised: no step error, said once; the fit-only errors kept beside (no PNG of them)
            assertTrue(r.out().contains("edge-step error not known for A, B (given normalised)"), r.out());
            assertFalse(f.exists("/entry/process/references/A/edge_step_rel_stderr"));
            double[] se = f.readDoubles("/entry/weight_A/data_errors"), seFit = f.readDoubles("/entry/weight_A_errors_fit/data");
            for (int i = 0; i < 48; i++) assertTrue(seFit[i] >= 0 && se[i] >= seFit[i], "pixel " + i + ": " + se[i] + " vs fit " + seFit[i]);
            assertFalse(Files.exists(out.resolve("mix.weight_A_errors_fit.png")));
            double[] a = f.readDoubles("/entry/weight_A/data"), b = f.readDoubles("/entry/weight_B/data");
            assertEquals(48, a.length);
            for (int i = 0; i < 48; i++) {
                double w = (i % 8) / 7.0;
                assertEquals(w, a[i], 0.02, "weight_A at " + i);
                assertEquals(1 - w, b[i], 0.02, "weight_B at " + i);
            }
            String params = f.readString("/entry/process/parameters").orElseThrow();
            assertEquals("[\"A\",\"B\"]", org.edgeworks.core.processing.Parameters.json().readTree(params).get("references").toString(), params);
        }
        CliRun again = run("xas", "stack", dir.resolve("mix.h5").toString(), "--out", out.toString());
        assertEquals(1, again.code());
        assertEquals("edgeworks: " + nxs + ": exists already (use --overwrite to replace it)", again.err().strip());
    }

    /**
     * References given as mu are normalised once (as xas lcf does): their relative edge-step error
     * (edge_step_stderr / edge_step of that normalisation) is recorded beside each reference, read back, and no
     * warning says it is missing; the weights are those of the same references given normalised.
     */
    @Test
    void referencesNormalisedHereCarryTheirStepErrorIntoTheFile() throws Exception {
        Path out = dir.resolve("mu");
        CliRun r = run("xas", "stack", dir.resolve("mix.h5").toString(), "--out", out.toString(), "--ref", "A=" + dir.resolve("A.dat"),
            "--ref", "B=" + dir.resolve("B.dat"), "--pre1", "-45", "--pre2", "-15");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("edge-step error not known"), r.out());
        org.edgeworks.stack.StackResultFile back = org.edgeworks.stack.StackResultFile.read(out.resolve("mix.stack.nxs"));
        try (NexusFile f = NexusFile.open(out.resolve("mix.stack.nxs"))) {
            for (int j = 0; j < 2; j++) {
                String name = "AB".substring(j, j + 1);
                double s = f.readDoubles("/entry/process/references/" + name + "/edge_step_rel_stderr")[0];
                assertTrue(s >= 0 && s < 0.01, name + ": " + s); // a noiseless constructed edge: a small error
                assertEquals(s, back.references().get(j).stepError(), 0.0, name);
            }
            double[] a = f.readDoubles("/entry/weight_A/data");
            for (int i = 0; i < 48; i++) assertEquals((i % 8) / 7.0, a[i], 0.02, "weight_A at " + i);
        }
    }

    @Test
    void badStackInputIsOneLine() {
        CliRun r = run("xas", "stack", dir.resolve("mix.h5").toString(), "--data", "/entry/data/energy", "--out", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertEquals("edgeworks: " + dir.resolve("mix.h5") + ": /entry/data/energy: has rank 1, not 3 (energy, y, x)", r.err().strip());
        CliRun m = run("xas", "stack", dir.resolve("mix.h5").toString(), "--mode", "transmission", "--out", dir.resolve("o").toString());
        assertEquals(org.edgeworks.cli.Main.EXIT_USAGE, m.code()); // names the option: a usage error (give --flat)
        assertEquals("edgeworks: --mode: transmission needs the incident flux (a flat field or I0)", m.err().strip());
    }
}
