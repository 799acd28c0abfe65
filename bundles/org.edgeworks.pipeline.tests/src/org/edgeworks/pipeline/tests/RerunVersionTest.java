package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.pipeline.ResultNexus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `rerun` knows when the code changed (issue 13): a result whose recorded processor version
 * differs from the installed processor's is refused with one line naming the step and both
 * versions, or, with --new-versions, rerun with a note; and a result set without its manifest
 * (an interrupted run) is refused as incomplete.
 */
class RerunVersionTest {

    /** A result of the XANES pipeline on MnO.dat whose normalize step claims an older version. */
    private static Path olderResult(Path tmp) throws Exception {
        Shared.XanesCopy x = Shared.xanesCopy(tmp);
        Pipeline p = Pipeline.read(x.pipeline(), ProcessorRegistry.load());
        PipelineRunner.Run run = PipelineRunner.process(p, x.raw(), DetectorRegistry.load());
        List<ResultNexus.StepRecord> steps = new ArrayList<>(run.steps());
        ResultNexus.StepRecord n = steps.get(1);
        steps.set(1, new ResultNexus.StepRecord(n.processorId(), n.label(), "0.9-old", n.date(), n.parameters(), n.used(), n.notes()));
        PipelineRunner.Run older = new PipelineRunner.Run(run.raw(), run.sha256(), run.scan(), List.copyOf(steps), run.value(), run.table(), run.scanId());
        return PipelineRunner.write(p, older, tmp.resolve("out"), false, PipelineRunner.version()).get(0);
    }

    @Test
    void aChangedProcessorVersionIsRefusedWithOneLine(@TempDir Path tmp) throws Exception {
        Path result = olderResult(tmp);
        Shared.Cli r = Shared.cli("rerun", result.toString(), "--out", tmp.resolve("again").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("edgeworks: " + result + ": step_02/version: step 2 org.edgeworks.xas.normalize was version 0.9-old, now "),
            r.err());
        assertTrue(r.err().contains("refusing"), r.err());
        assertTrue(!Files.exists(tmp.resolve("again/MnO.dat.nxs")), "nothing written");
    }

    @Test
    void newVersionsRerunsWithANote(@TempDir Path tmp) throws Exception {
        Path result = olderResult(tmp);
        Shared.Cli r = Shared.cli("rerun", result.toString(), "--out", tmp.resolve("again").toString(), "--new-versions");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("note: rerun with new code: step 2 org.edgeworks.xas.normalize was version 0.9-old, now "), r.out());
        ResultNexus.Recorded again = ResultNexus.read(tmp.resolve("again/MnO.dat.nxs"));
        assertTrue(!again.steps().get(1).version().equals("0.9-old"), "the new result records the version that made it");
    }

    @Test
    void aSetWithoutItsManifestIsIncomplete(@TempDir Path tmp) throws Exception {
        Shared.XanesCopy x = Shared.xanesCopy(tmp);
        assertEquals(0, x.run(tmp.resolve("out")).code());
        Path nxs = tmp.resolve("out/MnO.dat.nxs");
        assertTrue(PipelineRunner.complete(nxs));
        Files.writeString(tmp.resolve("out/MnO.dat.csv"), "edited\n");
        assertTrue(!PipelineRunner.complete(nxs), "a changed file makes the set incomplete");
        Files.delete(PipelineRunner.manifest(nxs));
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> PipelineRunner.rerun(nxs, tmp.resolve("x"), false));
        assertTrue(e.getMessage().contains("incomplete result set"), e.getMessage());
        // the next run replaces the incomplete set without --overwrite
        assertEquals(0, x.run(tmp.resolve("out")).code());
        assertTrue(PipelineRunner.complete(nxs));
    }
}
