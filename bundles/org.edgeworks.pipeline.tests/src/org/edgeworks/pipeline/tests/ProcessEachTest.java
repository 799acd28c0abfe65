package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner over many files (what the workbench's Pipeline view runs): a file that fails in the middle is one
 * outcome with its one line and the files after it still run, each the same run as {@code process} alone;
 * progress is one unit per file, and a cancel on the monitor stops before the next file.
 */
class ProcessEachTest {

    @Test
    void aFailingFileInTheMiddleIsOneOutcomeAndTheRestRun(@TempDir Path tmp) throws Exception {
        Pipeline pipeline = Pipeline.parse(Shared.XANES, "xanes.json", ProcessorRegistry.load());
        DetectorRegistry detectors = DetectorRegistry.load();
        Path broken = Files.writeString(tmp.resolve("broken.dat"), "not a spectrum\n");
        List<Path> files = List.of(Shared.DATA.resolve("xanes/mn_k/MnO.dat"), broken, Shared.DATA.resolve("xanes/mn_k/MnO.dat"));
        AtomicInteger worked = new AtomicInteger();
        List<String> subTasks = new ArrayList<>();
        List<PipelineRunner.Outcome> seen = new ArrayList<>();
        IMonitor monitor = new IMonitor() {
            @Override public void worked(int amount) { worked.addAndGet(amount); }
            @Override public boolean isCancelled() { return false; }
            @Override public void subTask(String name) { subTasks.add(name); }
        };
        List<PipelineRunner.Outcome> out = PipelineRunner.processEach(files, f -> pipeline, detectors, monitor, seen::add);
        assertEquals(3, out.size());
        assertEquals(out, seen, "each outcome is delivered as it is known, in file order");
        assertNull(out.get(0).error());
        assertNotNull(out.get(1).error());
        assertTrue(out.get(1).error().startsWith(broken.toString()), out.get(1).error());
        assertEquals(1, out.get(1).error().lines().count(), "one line");
        assertNull(out.get(2).error());
        assertEquals(3, worked.get());
        assertEquals(List.of("MnO.dat", "broken.dat", "MnO.dat"), subTasks);
        // each file's run is what process gives alone
        PipelineRunner.Run alone = PipelineRunner.process(pipeline, files.get(2), detectors);
        assertEquals(alone.sha256(), out.get(2).run().sha256());
        org.junit.jupiter.api.Assertions.assertArrayEquals(alone.table().axis(), out.get(2).run().table().axis(), 0);
        assertEquals(alone.table().columns().keySet(), out.get(2).run().table().columns().keySet());
        for (String c : alone.table().columns().keySet())
            org.junit.jupiter.api.Assertions.assertArrayEquals(alone.table().columns().get(c), out.get(2).run().table().columns().get(c), 0, c);
    }

    @Test
    void aCancelStopsBeforeTheNextFile() throws Exception {
        Pipeline pipeline = Pipeline.parse(Shared.XANES, "xanes.json", ProcessorRegistry.load());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) files.add(Shared.DATA.resolve("xanes/mn_k/MnO.dat"));
        AtomicInteger done = new AtomicInteger();
        IMonitor monitor = new IMonitor() {
            @Override public void worked(int amount) { done.addAndGet(amount); }
            @Override public boolean isCancelled() { return done.get() >= 2; }
            @Override public void subTask(String name) {}
        };
        List<PipelineRunner.Outcome> out = PipelineRunner.processEach(files, f -> pipeline, DetectorRegistry.load(), monitor, null);
        assertEquals(2, out.size());
        assertTrue(out.stream().allMatch(o -> o.error() == null));
    }
}
