package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.testsupport.DatasetAsserts;
import org.edgeworks.testsupport.Python;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Summed channels (a Balder ion chamber read by two electrometer channels): {@code --i0 3+4 --it 5+6}
 * on the command line and {@code "i0": "3+4", "signal": "5+6"} in a pipeline are one syntax, give
 * mu = ln((ch1 + ch2)/(ch3 + ch4)) (computed here from the file's text; zero-based columns 3-6 as
 * peers/spectra_manifest.json counts them) and E0 / edge step of Larch's pre_edge
 * (peers/larch_pre_edge.csv), and the whole sums are what the provenance records: notes, the
 * source's path in file, and the mu adapter's used parameters in the NeXus result.
 */
class SummedChannelsTest {
    static final Path FILE = Shared.DATA.resolve("xanes/foils_balder/Cu-foil_EXAFS_23068.dat");
    static final String I0 = "albaem02_ch1+albaem02_ch2", IT = "albaem02_ch3+albaem02_ch4";

    /** Energy and ln((c3 + c4)/(c5 + c6)) of every data row, from the text. */
    static double[][] byHand() throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] c = t.split("\\s+");
            double[] v = new double[c.length];
            for (int i = 0; i < c.length; i++) v[i] = Double.parseDouble(c[i]);
            rows.add(v);
        }
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] v = rows.get(i);
            out[0][i] = v[1];
            out[1][i] = Math.log((v[3] + v[4]) / (v[5] + v[6]));
        }
        return out;
    }

    /** Larch's pre_edge E0 and edge step of this scan (peers/larch_pre_edge.csv, 6 significant digits). */
    static double[] larch() throws Exception {
        for (String line : Files.readAllLines(Shared.DATA.resolve("peers/larch_pre_edge.csv")))
            if (line.startsWith("balder_Cu_foil_23068,")) {
                String[] c = line.split(",");
                return new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])};
            }
        throw new AssertionError("no balder_Cu_foil_23068 in larch_pre_edge.csv");
    }

    @Test
    void commandLineRecordsTheWholeSums(@TempDir Path tmp) throws Exception {
        double[] larch = larch();
        JsonNode first = null;
        for (String[] chosen : new String[][] {{"3+4", "5+6"}, {I0, IT}, {"3 + 4", "albaem02_ch3+6"}}) {
            Path out = tmp.resolve("out" + chosen[0].length() + chosen[1].length());
            Shared.Cli r = Shared.cli("xas", "normalize", FILE.toString(), "--mode", "transmission", "--i0", chosen[0], "--it", chosen[1],
                "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            JsonNode j = Parameters.json().readTree(out.resolve("Cu-foil_EXAFS_23068.json").toFile());
            assertEquals(larch[0], j.get("e0").asDouble(), 0.005, "E0 as Larch (6 digits)");
            assertEquals(larch[1], j.get("edge_step").asDouble(), 5e-6, "edge step as Larch (6 digits)");
            JsonNode prov = j.get("provenance");
            assertTrue(prov.get("notes").toString().contains("from " + I0 + ", " + IT), prov.get("notes").toString());
            JsonNode src = prov.get("sources").get(0);
            JsonNode where = src.has("path_in_file") ? src.get("path_in_file") : src.get("pathInFile");
            assertEquals("mono1_energy_acs,transmission(" + I0 + "," + IT + ")", where.asText());
            if (first == null) first = j;
            else assertEquals(first.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 0, "labels and indices are the same sums");
        }
        Shared.Cli bad = Shared.cli("xas", "normalize", FILE.toString(), "--mode", "transmission", "--i0", "3+", "--it", "5+6",
            "--out", tmp.resolve("bad").toString());
        assertEquals(1, bad.code());
        assertEquals("edgeworks: " + FILE + ": '3+': an empty term in a channel sum (write COL or COL+COL)", bad.err().strip());
    }

    @Test
    void pipelineTakesTheSameSyntaxAndRecordsTheSumsInTheNexusResult(@TempDir Path tmp) throws Exception {
        String json = """
            {"schema": "edgeworks-pipeline/1", "steps": [
              {"processor": "org.edgeworks.pipeline.mu", "parameters": {"mode": "transmission", "i0": "3+4", "signal": "5+6"}},
              {"processor": "org.edgeworks.xas.normalize", "parameters": {}}]}""";
        Path pipeline = Shared.write(tmp, "sums.json", json);
        Pipeline p = Pipeline.read(pipeline, ProcessorRegistry.load());
        PipelineRunner.Run run = PipelineRunner.process(p, FILE, DetectorRegistry.load());
        double[][] hand = byHand();
        NormalizeProcessor.Normalized n = (NormalizeProcessor.Normalized) run.value();
        DatasetAsserts.assertClose(hand[0], n.energy(), 1e-12, 0, "energy");
        DatasetAsserts.assertClose(hand[1], n.mu(), 0, 1e-12, "mu = ln((ch1+ch2)/(ch3+ch4))");
        double[] larch = larch();
        assertEquals(larch[0], n.e0(), 0.005);
        assertEquals(larch[1], n.edgeStep(), 5e-6);
        assertEquals(I0, run.steps().get(0).used().get("i0"));
        assertEquals(IT, run.steps().get(0).used().get("signal"));

        Path out = tmp.resolve("out");
        Shared.Cli r = Shared.cli("run", pipeline.toString(), FILE.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String read = Python.run(String.join("\n", "import sys, h5py",
            "f = h5py.File(sys.argv[1], 'r')",
            "u = f['entry/step_01/used_parameters']",
            "s = lambda x: x.decode() if isinstance(x, bytes) else str(x)",
            "print(s(u['i0'][()])); print(s(u['signal'][()])); print(s(f['entry/step_01/notes/data'][()]).replace(chr(10), ' | '))"),
            out.resolve("Cu-foil_EXAFS_23068.dat.nxs").toString());
        String[] lines = read.split("\n");
        assertEquals(I0, lines[0], "h5py: step_01/used_parameters/i0");
        assertEquals(IT, lines[1], "h5py: step_01/used_parameters/signal");
        assertTrue(lines[2].contains("from " + I0 + ", " + IT), lines[2]);
    }
}
