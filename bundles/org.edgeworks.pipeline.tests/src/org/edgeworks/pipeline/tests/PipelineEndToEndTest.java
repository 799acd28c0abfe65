package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.pipeline.ResultNexus;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SyntheticNexus;
import org.edgeworks.testsupport.SyntheticNexus.SpectraLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `edgeworks run` and `rerun` end to end on the shared data, and the NeXus results they write. */
class PipelineEndToEndTest {

    @Test
    void runOverEverySharedFileCompletesTheGoodOnesAndExitsNonZero(@TempDir Path tmp) throws Exception {
        Path pipeline = Shared.write(tmp, "xanes.json", Shared.XANES);
        List<Path> files = Shared.allRawFiles();
        List<String> args = new ArrayList<>(List.of("run", pipeline.toString()));
        files.forEach(f -> args.add(f.toString()));
        args.addAll(List.of("--out", tmp.resolve("out").toString(), "--jobs", "3"));
        Shared.Cli r = Shared.cli(args.toArray(String[]::new));
        assertEquals(1, r.code(), "some shared files are not XAS scans: exit 1\n" + r.out() + r.err());
        List<String> progress = r.out().lines().filter(l -> l.startsWith("[")).toList();
        // one progress line per file, one per usable scan of a multi-scan file (SPEC, Athena, two-entry Balder)
        assertTrue(progress.size() > files.size(), "multi-scan files give one line per scan: " + progress.size() + " for " + files.size() + " files");
        assertTrue(progress.stream().anyMatch(l -> l.contains("] ok      ") && l.contains("20230318.h5#entry24213 -> 20230318.h5#entry24213.nxs")), r.out());
        assertTrue(r.out().contains("skipped " + Shared.DATA.resolve("spec/fe_foil_balder.spec") + "#1: aborted after 12 points"), r.out());
        long ok = progress.stream().filter(l -> l.contains("] ok ")).count();
        assertTrue(r.out().contains("summary: " + progress.size() + " scan(s) of " + files.size() + " file(s), " + ok + " ok, "
            + (progress.size() - ok) + " failed"), r.out());
        assertTrue(ok >= 50, "ok: " + ok + "\n" + r.out());
        for (String l : progress) if (l.contains("FAILED")) assertFalse(l.contains("\tat "), "one line per failure: " + l);
        // every ok file has its three results, and no temporary file is left behind
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            List<Path> out = s.toList();
            assertEquals(0, out.stream().filter(p -> p.getFileName().toString().endsWith(".part")).count());
            assertEquals(ok, out.stream().filter(p -> p.toString().endsWith(".nxs")).count());
            assertEquals(ok, out.stream().filter(p -> p.toString().endsWith(".csv")).count());
            assertEquals(ok, out.stream().filter(p -> p.toString().endsWith(".png")).count());
        }
        assertTrue(Files.isRegularFile(tmp.resolve("out/MnO.dat.nxs")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/fe.060.nxs")) && Files.isRegularFile(tmp.resolve("out/fe.061.nxs")));
    }

    @Test
    void rerunReproducesIdenticalNumbers(@TempDir Path tmp) throws Exception {
        Path xanes = Shared.write(tmp, "xanes.json", Shared.XANES), sdd = Shared.write(tmp, "sdd.json", Shared.SDD);
        Object[][] cases = {
            {xanes, Shared.DATA.resolve("xanes/mn_k/MnO.dat"), "MnO.dat"},
            {xanes, Shared.DATA.resolve("nexus/20230318.h5"), "20230318.h5#entry24212"}, // a two-entry file: rerun finds the entry
            {xanes, Shared.DATA.resolve("soft_xray/sxr129598.mda"), "sxr129598.mda"},
            {sdd, Shared.DATA.resolve("tender_mca/MEX2_5641.mda"), "MEX2_5641.mda"}};
        for (Object[] c : cases) {
            Shared.Cli r = Shared.cli("run", c[0].toString(), c[1].toString(), "--out", tmp.resolve("a").toString());
            assertEquals(0, r.code(), r.out() + r.err());
            Path result = tmp.resolve("a/" + c[2] + ".nxs");
            Shared.Cli again = Shared.cli("rerun", result.toString(), "--out", tmp.resolve("b").toString());
            assertEquals(0, again.code(), again.out() + again.err());
            ResultNexus.Recorded first = ResultNexus.read(result), second = ResultNexus.read(tmp.resolve("b/" + c[2] + ".nxs"));
            assertArrayEquals(first.axisValues(), second.axisValues(), c[2] + " axis");
            assertEquals(first.columns().keySet(), second.columns().keySet());
            for (Map.Entry<String, double[]> col : first.columns().entrySet())
                assertArrayEquals(col.getValue(), second.columns().get(col.getKey()), c[2] + " " + col.getKey());
            assertEquals(first.pipelineJson(), second.pipelineJson());
            assertEquals(first.rawSha256(), second.rawSha256());
        }
    }

    @Test
    void sddPipelineGivesTheBeamlinePfyAndIpfy(@TempDir Path tmp) throws Exception {
        Pipeline p = Pipeline.read(Shared.write(tmp, "sdd.json", Shared.SDD), ProcessorRegistry.load());
        PipelineRunner.Run run = PipelineRunner.process(p, Shared.DATA.resolve("tender_mca/MEX2_5641.mda"), DetectorRegistry.load());
        PipelineRunner.write(p, run, tmp, false, "test");
        ResultNexus.Recorded r = ResultNexus.read(tmp.resolve("MEX2_5641.mda.nxs"));
        double[] pfy = r.columns().get("pfy");
        // XDI ifluor of the first points (pyNexafs, dead-time corrected ROI 280-300 mean / i0)
        assertEquals(91.92560844970136, pfy[0], 1e-9);
        assertEquals(95.53346311726497, pfy[1], 1e-9);
        // the signal (NXxasproc "data") is the iPFY, with PFY and TFY beside it
        assertEquals("data", r.signal());
        assertEquals(30, r.columns().get("data").length);
        assertTrue(r.columns().containsKey("tfy") && !r.columns().containsKey("ipfy"));
    }

    @Test
    void rerunRefusesWhenTheRawFileChanged(@TempDir Path tmp) throws Exception {
        Shared.XanesCopy x = Shared.xanesCopy(tmp);
        assertEquals(0, x.run(tmp.resolve("out")).code());
        Files.writeString(x.raw(), Files.readString(x.raw()).replaceFirst("\n", "\n# edited\n"));
        Shared.Cli r = Shared.cli("rerun", tmp.resolve("out/MnO.dat.nxs").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("changed") && r.err().contains("refusing"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> PipelineRunner.rerun(tmp.resolve("out/MnO.dat.nxs"), tmp.resolve("x"), false));
        assertTrue(e.getMessage().contains("sha256"));
    }

    @Test
    void badPipelinesAreOneLineErrors(@TempDir Path tmp) throws Exception {
        String raw = Shared.DATA.resolve("xanes/mn_k/MnO.dat").toString(), out = tmp.resolve("o").toString();
        String[][] cases = {
            {"{\"schema\": \"edgeworks-pipeline/1\", \"steps\": [{\"processor\": \"org.example.nothing\"}]}", "unknown processor 'org.example.nothing'"},
            {"{\"schema\": \"edgeworks-pipeline/1\", \"steps\": [{\"processor\": \"org.edgeworks.pipeline.mu\"}, "
                + "{\"processor\": \"org.edgeworks.xas.normalize\", \"parameters\": {\"nvict\": \"lots\"}}]}", "nvict"},
            {"{\"schema\": \"edgeworks-pipeline/1\", \"output\": \"../../etc/{file}\", \"steps\": [{\"processor\": \"org.edgeworks.pipeline.mu\"}]}", "output"},
            {"{\"schema\": \"edgeworks-pipeline/9\", \"steps\": []}", "schema"},
            {"{\"schema\": \"edgeworks-pipeline/1\", \"steps\": [{\"processor\": \"org.edgeworks.xas.normalize\"}]}", "takes Spectrum"},
            {"{\"schema\": \"edgeworks-pipeline/1\", \"steps\": [{\"processor\": \"org.edgeworks.pipeline.mu\", \"parameters\": {\"bogus\": 1}}]}", "bogus"}};
        for (String[] c : cases) {
            Path p = Shared.write(tmp, "p.json", c[0]);
            Shared.Cli r = Shared.cli("run", p.toString(), raw, "--out", out);
            assertEquals(1, r.code(), c[0]);
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().contains(c[1]), "expected '" + c[1] + "' in: " + r.err());
            assertTrue(r.err().contains("p.json"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("o")) && Files.list(tmp.resolve("o")).findAny().isPresent(), "nothing written");
    }

    @Test
    void existingResultsAreKeptWithoutOverwrite(@TempDir Path tmp) throws Exception {
        Path pipeline = Shared.write(tmp, "xanes.json", Shared.XANES);
        String raw = Shared.DATA.resolve("xanes/mn_k/MnO.dat").toString();
        assertEquals(0, Shared.cli("run", pipeline.toString(), raw, "--out", tmp.toString()).code());
        byte[] before = Files.readAllBytes(tmp.resolve("MnO.dat.nxs"));
        Shared.Cli r = Shared.cli("run", pipeline.toString(), raw, "--out", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("exists already (use --overwrite"), r.out());
        assertArrayEquals(before, Files.readAllBytes(tmp.resolve("MnO.dat.nxs")));
        assertEquals(0, Shared.cli("run", pipeline.toString(), raw, "--out", tmp.toString(), "--overwrite").code());
    }

    @Test
    void parallelJobsGiveTheSameNumbers(@TempDir Path tmp) throws Exception {
        Path pipeline = Shared.write(tmp, "xanes.json", Shared.XANES);
        List<String> files = Stream.of("xanes/mn_k/MnO.dat", "xanes/mn_k/Mn2O3x.dat", "xanes/fe_k/fe.060", "xanes/mn_k/mn.stan",
            "nexus/20240213s.h5", "xanes/foils_balder/Cu-foil_EXAFS_23068.dat").map(f -> Shared.DATA.resolve(f).toString()).toList();
        for (String jobs : new String[] {"1", "4"}) {
            List<String> args = new ArrayList<>(List.of("run", pipeline.toString()));
            args.addAll(files);
            args.addAll(List.of("--out", tmp.resolve("j" + jobs).toString(), "--jobs", jobs));
            assertEquals(0, Shared.cli(args.toArray(String[]::new)).code());
        }
        // 20240213s.h5 holds two scan entries: two results
        for (String n : new String[] {"MnO.dat", "Mn2O3x.dat", "fe.060", "mn.stan", "20240213s.h5#entry29270", "20240213s.h5#entry29271",
            "Cu-foil_EXAFS_23068.dat"}) {
            ResultNexus.Recorded a = ResultNexus.read(tmp.resolve("j1/" + n + ".nxs")), b = ResultNexus.read(tmp.resolve("j4/" + n + ".nxs"));
            assertArrayEquals(a.columns().get("data"), b.columns().get("data"), n);
        }
    }

    /** The NXxasproc, NXprocess and NXdata fields a validator checks (no NeXus validator is installable here). */
    @Test
    void resultsCarryTheRequiredNexusFields(@TempDir Path tmp) throws Exception {
        Path pipeline = Shared.write(tmp, "xanes.json", Shared.XANES);
        assertEquals(0, Shared.cli("run", pipeline.toString(), Shared.DATA.resolve("xanes/mn_k/mn.stan").toString(), "--out", tmp.toString()).code());
        Path f = tmp.resolve("mn.stan.nxs");
        try (NexusFile nx = NexusFile.open(f)) {
            assertEquals("entry", nx.tree().attribute("default"));
            assertEquals(List.of("NXentry"), nx.attributeStrings("/entry", "NX_class"));
            assertEquals("NXxasproc", nx.readString("/entry/definition").orElseThrow());
            assertTrue(nx.readString("/entry/title").orElseThrow().contains("mn.stan"));
            // NXxasproc: XAS_data_reduction (NXprocess: program, version, date, parameters/raw_file) and data (energy, data)
            assertEquals(List.of("NXprocess"), nx.attributeStrings("/entry/XAS_data_reduction", "NX_class"));
            for (String field : new String[] {"program", "version", "date"})
                assertFalse(nx.readString("/entry/XAS_data_reduction/" + field).orElseThrow().isBlank(), field);
            assertEquals(List.of("NXparameters"), nx.attributeStrings("/entry/XAS_data_reduction/parameters", "NX_class"));
            assertEquals(Shared.DATA.resolve("xanes/mn_k/mn.stan").toAbsolutePath().normalize().toString(), nx.readString("/entry/XAS_data_reduction/parameters/raw_file").orElseThrow());
            assertEquals(64, nx.readString("/entry/XAS_data_reduction/parameters/raw_file_sha256").orElseThrow().length());
            java.time.Instant.parse(nx.readString("/entry/XAS_data_reduction/date").orElseThrow()); // ISO 8601
            // NXdata: @signal names a dataset, @axes name datasets of the signal's length, energy has units
            assertEquals(List.of("NXdata"), nx.attributeStrings("/entry/data", "NX_class"));
            String signal = nx.attributeStrings("/entry/data", "signal").get(0);
            assertEquals("data", signal);
            List<String> axes = nx.attributeStrings("/entry/data", "axes");
            assertEquals(List.of("energy"), axes);
            assertEquals(List.of("0"), nx.attributeStrings("/entry/data", "energy_indices"));
            int n = nx.shape("/entry/data/data")[0];
            assertEquals(n, nx.shape("/entry/data/energy")[0]);
            assertEquals(List.of("eV"), nx.attributeStrings("/entry/data/energy", "units"));
            assertTrue(Arrays.stream(nx.readDoubles("/entry/data/data")).allMatch(Double::isFinite));
            // one NXprocess per step with program, version, date, sequence_index, parameters (fields + JSON), raw file and checksum
            for (int s = 1; s <= 2; s++) {
                String g = "/entry/step_0" + s;
                assertEquals(List.of("NXprocess"), nx.attributeStrings(g, "NX_class"));
                for (String field : new String[] {"program", "version", "date", "raw_file", "raw_file_sha256"})
                    assertFalse(nx.readString(g + "/" + field).orElseThrow().isBlank(), g + "/" + field);
                assertEquals(s, nx.readDoubles(g + "/sequence_index")[0]);
                assertNotNull(nx.readString(g + "/parameters/json").orElseThrow());
            }
            assertEquals("org.edgeworks.xas.normalize", nx.readString("/entry/step_02/program").orElseThrow());
            assertEquals("derivative", nx.readString("/entry/step_02/parameters/e0Method").orElseThrow());
            assertTrue(nx.exists("/entry/step_02/used_parameters/e0"));
        }
        Shared.Cli info = Shared.cli("info", f.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("Edgeworks result: xanes-normalise: mn.stan  (NXxasproc)"), info.out());
        assertTrue(info.out().contains("step 2: org.edgeworks.xas.normalize"), info.out());
        assertTrue(info.out().contains("reproduce: edgeworks rerun"), info.out());
    }

    /**
     * The same NXxasproc result read by other tools (/usr/bin/python3): h5py finds every field the
     * NXxasproc application definition requires (title, definition, SAMPLE/name,
     * XAS_data_reduction/program, version, date, parameters/raw_file, DATA/energy, DATA/data), silx
     * accepts /entry/data as valid NXdata with "data" as signal and "energy" as axis, and the
     * numbers h5py reads equal the result's CSV written beside it.
     */
    @Test
    void nxxasprocResultsOpenInSilxAndH5py(@TempDir Path tmp) throws Exception {
        Path pipeline = Shared.write(tmp, "xanes.json", Shared.XANES);
        assertEquals(0, Shared.cli("run", pipeline.toString(), Shared.DATA.resolve("xanes/mn_k/MnO.dat").toString(), "--out", tmp.toString()).code());
        String script = String.join("\n",
            "import sys, json, h5py, numpy as np",
            "from silx.io.nxdata import NXdata, is_valid_nxdata",
            "f = h5py.File(sys.argv[1], 'r')",
            "e = f['entry']",
            "def s(x): return x.decode() if isinstance(x, bytes) else str(x)",
            "assert s(e.attrs['NX_class']) == 'NXentry'",
            "missing = [p for p in ('title', 'definition', 'sample/name', 'XAS_data_reduction/program', 'XAS_data_reduction/version',",
            "    'XAS_data_reduction/date', 'XAS_data_reduction/parameters/raw_file', 'data/energy', 'data/data') if p not in e]",
            "assert not missing, missing",
            "assert s(e['definition'][()]) == 'NXxasproc'",
            "for g, c in (('sample', 'NXsample'), ('XAS_data_reduction', 'NXprocess'), ('XAS_data_reduction/parameters', 'NXparameters'), ('data', 'NXdata')):",
            "    assert s(e[g].attrs['NX_class']) == c, g",
            "assert is_valid_nxdata(e['data'])",
            "nx = NXdata(e['data'])",
            "print(json.dumps({'signal': nx.signal.name.split('/')[-1], 'axes': [a.name.split('/')[-1] for a in nx.axes],",
            "  'energy': e['data/energy'][()].tolist(), 'data': e['data/data'][()].tolist(), 'sample': s(e['sample/name'][()])}))");
        String out = Python.run(script, tmp.resolve("MnO.dat.nxs").toString());
        var r = org.edgeworks.core.processing.Parameters.json().readTree(out);
        assertEquals("data", r.get("signal").asText());
        assertEquals("[\"energy\"]", r.get("axes").toString());
        assertEquals("MnO.dat", r.get("sample").asText());
        List<String> csv = Files.readAllLines(tmp.resolve("MnO.dat.csv")).stream().filter(l -> !l.startsWith("#")).toList();
        List<String> header = List.of(csv.get(0).split(","));
        int n = csv.size() - 1;
        assertEquals(n, r.get("energy").size());
        for (int i = 0; i < n; i += 17) {
            String[] row = csv.get(i + 1).split(",");
            assertEquals(Double.parseDouble(row[0]), r.get("energy").get(i).asDouble(), 1e-6 * Math.abs(Double.parseDouble(row[0])));
        }
        assertTrue(header.size() >= 2, csv.get(0));
    }

    @Test
    void reducedRixsSpectraBecomeAMapResult(@TempDir Path tmp) throws Exception {
        double[][] s = new double[4][30];
        double[] em = new double[30];
        for (int j = 0; j < 30; j++) em[j] = 515 + 0.5 * j;
        for (int i = 0; i < 4; i++) for (int j = 0; j < 30; j++) s[i][j] = 10 + i + Math.exp(-Math.pow(em[j] - 523.7, 2));
        Path f = SyntheticNexus.emissionSpectra(tmp.resolve("rixs.nxs"), SpectraLayout.REDUCED, null, new double[] {529, 530, 531, 532}, em, s, null);
        Path p = Shared.write(tmp, "rixs.json", """
            {"schema": "edgeworks-pipeline/1", "name": "rixs-map", "steps": [
              {"processor": "org.edgeworks.pipeline.emissionSpectra"},
              {"processor": "org.edgeworks.rixs.mapFromSpectra"}]}""");
        Shared.Cli r = Shared.cli("run", p.toString(), f.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        try (NexusFile nx = NexusFile.open(tmp.resolve("out/rixs.nxs.nxs"))) {
            // the one RIXS map layout (RixsFiles.putMap), as rixs build writes it: intensity + intensity_errors
            assertEquals(List.of("excitation_energy", "emission_energy"), nx.attributeStrings("/entry/data", "axes"));
            assertEquals(List.of("intensity"), nx.attributeStrings("/entry/data", "signal"));
            assertEquals(4, nx.shape("/entry/data/intensity")[0]);
            assertArrayEquals(nx.shape("/entry/data/intensity"), nx.shape("/entry/data/intensity_errors"));
            assertFalse(nx.exists("/entry/definition"), "a map is not NXxasproc");
        }
    }
}
