package com.acme.beamline.edgeworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeworks.cli.Main;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.pipeline.ResultNexus;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's detector and processor, contributed only through plugin.xml: Edgeworks finds
 * them, reads the ACME layout, reduces it with ACME's step and runs Edgeworks steps after it.
 * The ACME file is made from a real measurement (NSLS X23A2 Mn foil, mn.stan) with known dark
 * counts added, so the expected numbers are those of the original file.
 */
class AcmeThirdPartyTest {
    static final Path DATA = SharedData.dir();
    static final double DARK0 = 120.5, DARK1 = 80.25;

    /** Energy, I0, It, If of mn.stan. */
    static double[][] mnStan() throws Exception {
        List<double[]> rows = new ArrayList<>();
        boolean data = false;
        for (String l : Files.readAllLines(DATA.resolve("xanes/mn_k/mn.stan"))) {
            if (l.startsWith("----")) { data = true; continue; }
            if (!data || l.isBlank() || l.trim().startsWith("Energy")) continue;
            String[] p = l.trim().split("\\s+");
            rows.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[4])});
        }
        return rows.toArray(double[][]::new);
    }

    static Path acmeFile(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(AcmeScanFile.MAGIC + "\nsample: Mn foil (from mn.stan)\n");
        sb.append("dark: ion0=").append(DARK0).append(" ion1=").append(DARK1).append("\ncolumns: mono_kev | ion0 | ion1 | pips\n---\n");
        for (double[] r : mnStan())
            sb.append(String.format(Locale.ROOT, "%.8f %.6f %.6f %.6f%n", r[0] / 1000, r[1] + DARK0, r[2] + DARK1, r[3]));
        Path f = dir.resolve("acme_mn_0001.scan");
        Files.writeString(f, sb.toString());
        return f;
    }

    static final String PIPELINE = """
        {"schema": "edgeworks-pipeline/1", "name": "acme-xanes",
         "steps": [
           {"processor": "com.acme.beamline.darkSubtraction", "parameters": {"scale": 1.0}},
           {"processor": "org.edgeworks.pipeline.mu", "parameters": {"mode": "transmission"}},
           {"processor": "org.edgeworks.xas.normalize"}
         ]}""";

    @Test
    void edgeworksFindsTheThirdPartyDetectorAndItsChannels(@TempDir Path tmp) throws Exception {
        Path f = acmeFile(tmp);
        assertEquals(AcmeDetector.ID, DetectorRegistry.load().select(f).detector().id());
        Scan s = DetectorRegistry.load().read(f);
        assertEquals(6338.99845, s.require(ChannelRole.ENERGY).readDoubles("t")[0], 1e-6);
        assertEquals(13345.375 + DARK0, s.require(ChannelRole.I0).readDoubles("t")[0], 1e-6);
        assertEquals(2894.875 + DARK1, s.require(ChannelRole.IT).readDoubles("t")[0], 1e-6);
        assertTrue(ProcessorRegistry.load().all().containsKey(AcmeDarkSubtraction.ID));
    }

    @Test
    void reducesAndRunsThroughAPipelineWithEdgeworksSteps(@TempDir Path tmp) throws Exception {
        Path f = acmeFile(tmp);
        Pipeline p = Pipeline.parse(PIPELINE, "acme.json", ProcessorRegistry.load());
        PipelineRunner.Run run = PipelineRunner.process(p, f, DetectorRegistry.load());
        NormalizeProcessor.Normalized n = (NormalizeProcessor.Normalized) run.value();
        double[][] raw = mnStan();
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i][0], n.energy()[i], 1e-5);
            // dark subtraction undoes what was added: mu is the original ln(I0/It)
            assertEquals(Math.log(raw[i][1] / raw[i][2]), n.mu()[i], 1e-9, "mu at " + raw[i][0]);
        }
        // the Larch-default normalisation of the original scan: Larch's pre_edge with its automatic choices on
        // mn.stan (peers/larch_pre_edge.json, "mn_foil_nsls"), not this code run on the original values
        assertEquals(0.6996483348613687, n.edgeStep(), 1e-6);
        List<Path> out = PipelineRunner.write(p, run, tmp.resolve("out"), false, "test");
        ResultNexus.Recorded rec = ResultNexus.read(out.get(0));
        assertEquals(List.of(AcmeDarkSubtraction.ID, "org.edgeworks.pipeline.mu", "org.edgeworks.xas.normalize"),
            rec.steps().stream().map(ResultNexus.StepRecord::processorId).toList());
        assertEquals(AcmeDetector.ID, rec.detector());
    }

    @Test
    void theCommandLineRunsItToo(@TempDir Path tmp) throws Exception {
        Path f = acmeFile(tmp);
        Path json = tmp.resolve("acme.json");
        Files.writeString(json, PIPELINE);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new String[] {"run", json.toString(), f.toString(), "--out", tmp.resolve("o").toString()},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().contains("[1/1] ok"), out.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("o/acme_mn_0001.scan.nxs")));
    }
}
