package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.nexus.NexusFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map builder streams: a SYNTHETIC stack larger than this JVM's whole heap, generated frame
 * by frame, builds into a map while the builder never holds more than its bound of frames; and
 * a raw NeXus file read lazily through org.edgeworks.nexus gives the same map with 1 or 2
 * threads. The bound is asserted on frames served and frames in flight, not on time.
 */
class StreamingTest {

    @Test
    void stackLargerThanTheHeapStreamsWithinTheFrameBound() throws EdgeworksException {
        int rows = 512, cols = 2048;
        long frameBytes = 8L * rows * cols;
        long heap = Runtime.getRuntime().maxMemory();
        int frames = (int) Math.max(41, heap * 12 / 10 / frameBytes + 1);
        SyntheticRixs.Spec s = new SyntheticRixs.Spec("charged", 1.0, frames, rows, cols, 527, 535, 515, 0.01, 0.01, 0.00003,
            100, 0, 0, false, 7);
        long stackBytes = frameBytes * frames;
        assertTrue(stackBytes > heap, "stack " + stackBytes + " bytes must exceed the heap " + heap);
        SyntheticRixs.FrameCounter counter = new SyntheticRixs.FrameCounter();
        int threads = 2, bound = 4;
        BuildMap.Parameters p = BuildMap.Parameters.defaults().withDarkLevel(s.dark()).withThreads(threads, bound);
        BuildMap.MapBuild b = new BuildMap().apply(SyntheticRixs.rawStack(s, counter), p).value();
        System.out.printf("streamed %d frames (%.2f GB as doubles, heap %.2f GB): %d frames served, at most %d in flight (bound %d); "
            + "curvature a1 %.5f a2 %.7f; dispersion %.6f%n", frames, stackBytes / 1e9, heap / 1e9, counter.framesServed.get(),
            b.stats().maxFramesInFlight(), bound, b.curvature().coefficients()[1], b.curvature().coefficients()[2],
            b.calibration().coefficients()[1]);
        int curvatureFrames = p.curvatureFrames();
        assertEquals(frames + curvatureFrames, counter.framesServed.get(), "every frame read once, plus the curvature sample");
        assertEquals((frames + curvatureFrames) * frameBytes, counter.bytesServed.get());
        assertEquals(frames + curvatureFrames, b.stats().framesRead());
        assertTrue(b.stats().maxFramesInFlight() <= bound, "frames in flight " + b.stats().maxFramesInFlight());
        assertEquals(frames, b.map().rows());
        assertEquals(s.a2(), b.curvature().coefficients()[2], 3e-6);
        assertEquals(s.dispersion(), b.calibration().coefficients()[1], 1e-4);
    }

    @Test
    void nexusFileReadLazilyGivesTheSameMapOnOneOrTwoThreads(@TempDir Path dir) throws Exception {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 21);
        Path file = dir.resolve("charged.nxs");
        SyntheticRixs.writeNexus(s, file, 3);
        BuildMap.MapBuild one, two;
        long bytes;
        try (NexusFile nx = NexusFile.open(file)) {
            String det = "/entry/instrument/detector/";
            RawStack stack = new RawStack("charged", nx.lazyDataset(det + "data"),
                nx.readDoubles("/entry/instrument/monochromator/energy"), nx.readDoubles("/entry/monitor/data"),
                nx.readDoubles(det + "count_time"), nx.lazyDataset(det + "dark"));
            one = new BuildMap().apply(stack, BuildMap.Parameters.defaults().withThreads(1, 1)).value();
            two = new BuildMap().apply(stack, BuildMap.Parameters.defaults().withThreads(2, 3)).value();
            bytes = nx.bytesRead();
        }
        long size = Files.size(file);
        System.out.printf("NeXus stack %d bytes on disk, %d read for two builds%n", size, bytes);
        assertArrayEquals(one.map().data(), two.map().data(), 0, "parallel build equals serial build");
        assertEquals(s.dispersion(), one.calibration().coefficients()[1], 0.0005);
        assertEquals(s.a2(), one.curvature().coefficients()[2], 0.0002);
        assertTrue(bytes < 2 * size * 1.3, "each build reads the file about once: " + bytes + " of " + size);
    }
}
